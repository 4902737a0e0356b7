from wagtail.snippets.models import register_snippet

from mocisite.snippets import TermViewSet

from .models import Skill


class SkillViewSet(TermViewSet):
    model = Skill
    icon = "pick"


register_snippet(SkillViewSet)
