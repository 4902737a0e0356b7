"""The people's forms: the directory's filters and the community map's (what
every list's filters share is in mocisite/filters.py)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mocisite.countries import country_choices
from mocisite.filters import FilterForm

from .map import KIND_FILTER_LABELS
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


class MapFilterForm(FilterForm):
    """The map's filters, read from the query string; the list and the feed use the same."""

    kind = forms.ChoiceField(label=_("Show"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Project theme"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)

    def __init__(self, *args, countries=(), themes=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *KIND_FILTER_LABELS.items()]
        self.fields["country"].choices = [("", _("Any country")), *country_choices(countries)]
        self.fields["theme"].choices = [("", _("Any theme"))] + [(theme.slug, theme.name) for theme in themes]
        self.fields["skill"].choices = [("", _("Any skill"))] + [(skill.slug, skill.name) for skill in skills]

    def filter(self, places):
        data = self.cleaned_data
        if data.get("kind"):
            places = [place for place in places if place.kind == data["kind"]]
        if data.get("country"):
            places = [place for place in places if place.country == data["country"]]
        # Themes belong to projects and skills to people and organisations:
        # each filter keeps only what carries that term.
        for name in ("theme", "skill"):
            if data.get(name):
                places = [place for place in places if any(term.slug == data[name] for term in place.terms)]
        return places
