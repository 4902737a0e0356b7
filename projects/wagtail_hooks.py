from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from mocisite.snippets import TermViewSet

from .models import Partner, Theme


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "website", "locale"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)
register_snippet(PartnerViewSet)
