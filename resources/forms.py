"""The resources' forms: the library's topic filter (what every list's filters
share is in mocisite/filters.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mocisite.filters import FilterForm


class ResourceFilterForm(FilterForm):
    """The filter of the resource index, read from the query string."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic"))] + [(topic.slug, topic.name) for topic in topics]

    def filter(self, resources):
        data = self.cleaned_data
        if data.get("topic"):
            resources = resources.filter(topics__slug=data["topic"]).distinct()
        return resources
