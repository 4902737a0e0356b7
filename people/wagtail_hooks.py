from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Skill


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "pick"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(SkillViewSet)
