"""The workshop's admin form: the languages it is held in, ticked from the site's languages."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class WorkshopPageForm(WagtailAdminPageForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=lambda: settings.MOCI_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages the workshop is held in."),
    )
