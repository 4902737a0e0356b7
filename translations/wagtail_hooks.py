from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import undo, views
from .queue import AWAITING_REVIEW, IN_PROGRESS, OUT_OF_DATE, UNTRANSLATED, build_queue, summarise, user_locales

app_name = "translations"
urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("start/<int:page_id>/<str:language_code>/", views.start, name="start"),
    path("<int:translation_id>/update/", views.update, name="update"),
    path("<int:translation_id>/machine/", views.machine_translate, name="machine_translate"),
    path("<int:translation_id>/submit/", views.submit, name="submit"),
    path("<int:translation_id>/review/", views.ReviewView.as_view(), name="review"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translation-queue/", include((urlpatterns, app_name), namespace=app_name))]


# Before wagtail-localize's own URLs (order 0), so that its undo views answer only
# through the permission check in undo.py.
@hooks.register("register_admin_urls", order=-1)
def register_undo_guards():
    return undo.urlpatterns


hooks.register("construct_page_action_menu", undo.hide_from_action_menu)


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(user_locales(request.user))


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(_("Translation queue"), reverse("translations:queue"), icon_name="globe", order=250)


class QueuePanel(Component):
    """The dashboard's count of translation work, per language."""

    name = "translation_queue"
    template_name = "translations/panel.html"
    order = 90

    def __init__(self, summaries):
        self.summaries = summaries

    def get_context_data(self, parent_context):
        return {
            "summaries": self.summaries,
            "columns": [OUT_OF_DATE, UNTRANSLATED, IN_PROGRESS, AWAITING_REVIEW],
            "queue_url": reverse("translations:queue"),
        }


@hooks.register("insert_global_admin_css")
def queue_css():
    return format_html('<link rel="stylesheet" href="{}">', static("translations/queue.css"))


@hooks.register("construct_homepage_panels")
def add_queue_panel(request, panels):
    locales = user_locales(request.user)
    if locales:
        panels.append(QueuePanel(summarise(build_queue(locales), locales)))
