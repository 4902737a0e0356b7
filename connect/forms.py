"""The public forms of connect/: writing to a peer."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .protect import ProtectedForm, count_links, limit_links, single_line


class SenderFields(forms.Form):
    """Who is asking: the fields every confirmed request starts with."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm it. Nothing is sent before you follow it."),
    )

    def clean_name(self):
        name = single_line(self.cleaned_data["name"])
        if count_links(name):
            raise forms.ValidationError(_("Please give your name without links."), code="links")
        return name


class WriteToPeerForm(SenderFields, ProtectedForm):
    """Name, e-mail address, message and consent to pass the address on; the
    honeypot and the time the form was shown (ProtectedForm)."""

    message = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 8}))
    consent = forms.BooleanField(
        label=_("I agree that my name and e-mail address are passed on with my message, so that they can reply."),
    )

    field_order = ["name", "email", "message", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.MOCI_CONNECT_MESSAGE_MAX_LENGTH
        message = self.fields["message"]
        message.max_length = limit
        message.validators.append(MaxLengthValidator(limit))
        message.widget.attrs["maxlength"] = str(limit)
        message.help_text = _("At most %(count)d characters.") % {"count": limit}

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        limit_links(message)
        return message
