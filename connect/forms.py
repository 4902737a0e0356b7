"""The public forms of connect/: writing to a peer, joining the network."""

import re

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator, URLValidator
from django.utils.translation import gettext_lazy as _

from mocisite.countries import COUNTRY_NAMES, country_choices
from mocisite.geo import NUMBER, SRID, read_point

from .photos import read_photo
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


class WorkshopSignupForm(SenderFields, ProtectedForm):
    """Signing up for a workshop (connect/workshops.py): name, e-mail address, an
    optional organisation and consent to keep them until after the workshop."""

    organisation = forms.CharField(label=_("Organisation (optional)"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, e-mail address and organisation are kept for this workshop: the organisers "
            "see them, and they are deleted after it."
        ),
    )

    field_order = ["name", "email", "organisation", "consent", "website"]

    def clean_organisation(self):
        organisation = single_line(self.cleaned_data["organisation"])
        if count_links(organisation):
            raise forms.ValidationError(_("Please give the name without links."), code="links")
        return organisation


class PointField(forms.CharField):
    """An optional map point typed as “latitude, longitude” (“41.33, 19.82”), or
    as the admin's map widget writes it; kept in the stored form (mocisite/geo.py)."""

    LAT_LNG = re.compile(rf"^\s*({NUMBER})\s*[,;\s]\s*({NUMBER})\s*$")

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return ""
        typed = self.LAT_LNG.match(value)
        if typed:
            value = f"SRID={SRID};POINT({float(typed[2])} {float(typed[1])})"
        return str(read_point(value))


class WebLinkField(forms.URLField):
    """An optional public link: web addresses only, as the profile's links block takes them."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def __init__(self, **kwargs):
        super().__init__(required=False, assume_scheme="https", max_length=300, **kwargs)


class JoinForm(ProtectedForm):
    """Joining the network (connect/join.py): the profile as its member gives it,
    the private address it is confirmed with, an optional photo, and consent."""

    LINKS = 3
    CHALLENGES = 8

    kind = forms.ChoiceField(
        label=_("You are"),
        choices=[("person", _("a person")), ("organisation", _("an initiative or organisation"))],
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Name"), max_length=120, help_text=_("Shown on your profile."))
    place_name = forms.CharField(label=_("Place"), max_length=120, help_text=_("Town or village."))
    country = forms.ChoiceField(label=_("Country"))
    location = PointField(
        label=_("Map point (optional)"),
        required=False,
        max_length=100,
        help_text=_("Latitude and longitude, e.g. “41.33, 19.82”. Left empty, the secretariat places you."),
    )
    bio = forms.CharField(
        label=_("A short description"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences about what you do. At most 600 characters."),
    )
    skills = forms.MultipleChoiceField(label=_("Skills you offer"), required=False, widget=forms.CheckboxSelectMultiple)
    needs = forms.MultipleChoiceField(label=_("Skills you need"), required=False, widget=forms.CheckboxSelectMultiple)
    other = forms.CharField(
        label=_("Other skills or needs"),
        required=False,
        max_length=300,
        help_text=_("Not in the lists above? Tell the secretariat here."),
    )
    challenges = forms.CharField(
        label=_("Challenges you face"),
        required=False,
        max_length=1600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line."),
    )
    link_1 = WebLinkField(label=_("Website or social media"))
    link_2 = WebLinkField(label=_("Another link"))
    link_3 = WebLinkField(label=_("Another link"))
    email = forms.EmailField(
        label=_("Your private e-mail address"),
        help_text=_("Never shown. We send you a link to confirm it; peers write to you through the site."),
    )
    photo = forms.FileField(
        label=_("Photo or logo (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
        help_text=_("JPEG, PNG, GIF or WebP. We remove the information cameras store in photos."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this profile is published on the site once the secretariat approves it, "
            "and that my e-mail address is kept for peers to write to me."
        ),
    )

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *country_choices(COUNTRY_NAMES)]
        self.fields["skills"].choices = self.fields["needs"].choices = list(skills)
        for name in ("name", "place_name", "other"):
            self.fields[name].validators.append(no_links)

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_bio(self):
        bio = self.cleaned_data["bio"].strip()
        limit_links(bio)
        return bio

    def clean_challenges(self):
        lines = [single_line(line) for line in self.cleaned_data["challenges"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > self.CHALLENGES or any(len(line) > 200 for line in lines):
            raise forms.ValidationError(
                _("Please give at most %(count)d challenges of up to 200 characters each.")
                % {"count": self.CHALLENGES},
                code="challenges",
            )
        return lines

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return read_photo(upload) if upload else None

    def links(self):
        return [self.cleaned_data[f"link_{n}"] for n in range(1, self.LINKS + 1) if self.cleaned_data.get(f"link_{n}")]


def no_links(value):
    if count_links(value):
        raise forms.ValidationError(_("Please give this without links."), code="links")


class ChangeRequestForm(ProtectedForm):
    """A member asks the secretariat to change their profile (connect/members.py).
    Who asks is known from their private link: ``email`` is the profile's address."""

    message = forms.CharField(label=_("What should change?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        limit_links(message)
        return message

    def clean(self):
        cleaned = super().clean()
        cleaned["email"] = self.email
        return cleaned
