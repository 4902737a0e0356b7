"""The people's forms: the directory's filters (the community map's are in
map.py, beside the places they filter; what every list's filters share is in
mocisite/filters.py)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mocisite.countries import country_choices
from mocisite.filters import FilterForm

from .models import OrganisationPage, PersonPage


class DirectoryFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("Everyone")),
            ("person", _("People")),
            ("organisation", _("Organisations")),
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    need = forms.ChoiceField(label=_("Needs"), required=False)

    def __init__(self, *args, countries=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *country_choices(countries)]
        self.fields["skill"].choices = [("", _("Any skill"))] + [(skill.slug, skill.name) for skill in skills]
        self.fields["need"].choices = [("", _("Any need"))] + [(skill.slug, skill.name) for skill in skills]

    def filter(self, profiles):
        data = self.cleaned_data
        if data.get("kind") == "person":
            profiles = profiles.type(PersonPage)
        elif data.get("kind") == "organisation":
            profiles = profiles.type(OrganisationPage)
        if data.get("country"):
            country = data["country"]
            profiles = profiles.filter(Q(personpage__country=country) | Q(organisationpage__country=country))
        if data.get("skill"):
            skill = data["skill"]
            profiles = profiles.filter(
                Q(personpage__skills__slug=skill) | Q(organisationpage__skills__slug=skill)
            ).distinct()
        if data.get("need"):
            need = data["need"]
            profiles = profiles.filter(
                Q(personpage__needs__slug=need) | Q(organisationpage__needs__slug=need)
            ).distinct()
        return profiles
