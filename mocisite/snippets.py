"""Admin views shared by the feature apps' snippets."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TermViewSet(SnippetViewSet):
    """The admin listing of a :class:`mocisite.models.Term` (a theme, a skill): name, slug
    and language, searched by name. A subclass names its ``model`` and ``icon``."""

    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
