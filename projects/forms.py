"""The projects' forms: the project index's filters (what every list's filters
share is in mocisite/filters.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mocisite.countries import country_choices
from mocisite.filters import FilterForm

from .models import ProjectStatus


class ProjectFilterForm(FilterForm):
    """The filters of the project index, read from the query string."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *ProjectStatus.choices],
    )

    def __init__(self, *args, countries=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *country_choices(countries)]
        self.fields["theme"].choices = [("", _("Any theme"))] + [(theme.slug, theme.name) for theme in themes]

    def filter(self, projects):
        data = self.cleaned_data
        if data.get("country"):
            projects = projects.filter(country=data["country"])
        if data.get("status"):
            projects = projects.filter(status=data["status"])
        if data.get("theme"):
            projects = projects.filter(themes__slug=data["theme"])
        return projects
