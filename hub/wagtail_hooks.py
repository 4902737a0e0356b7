"""The secretariat's list of workshop sign-ups (hub/signups.py): Wagtail's own listing,
filtered by workshop and status, searchable, and downloaded as CSV or Excel with the
listing's *Download* button. Seen only by users with the ``view`` (or ``change``,
``delete``) permission on sign-ups: the Secretariat group (mocisite/roles.py) and
superusers. Nobody adds sign-ups here: they come through the public form."""

import datetime

import django_filters

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import WorkshopPage
from .signups import Status, WorkshopSignup


class SignupPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except adding: no one adds a sign-up by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WorkshopSignup, SignupPermissionPolicy(WorkshopSignup))


def workshops_with_signups(request):
    return WorkshopPage.objects.filter(pk__in=WorkshopSignup.objects.values("workshop")).order_by("-start_date")


class SignupFilterSet(WagtailFilterSet):
    # Not ``workshop__exact``: that would be the workshop page's own field ``exact``.
    workshop = django_filters.ModelChoiceFilter(
        label=_("workshop"), queryset=workshops_with_signups, method="of_workshop"
    )
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)

    class Meta:
        model = WorkshopSignup
        fields = ["workshop", "status"]

    def of_workshop(self, queryset, name, value):
        return queryset.filter(workshop=value) if value else queryset


def to_the_minute(value):
    """A time in the site's zone (TIME_ZONE), to the minute: “2026-12-06 11:47”."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class SignupIndexView(IndexView):
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {IndexView.FORMAT_CSV: to_the_minute, IndexView.FORMAT_XLSX: timezone.make_naive},
    }


class WorkshopSignupViewSet(ModelViewSet):
    model = WorkshopSignup
    index_view_class = SignupIndexView
    icon = "group"
    menu_label = _("Workshop sign-ups")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "email", "organisation", "workshop", "status", "confirmed_at"]
    filterset_class = SignupFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None  # the database, never a search index
    form_fields = ["name", "email", "organisation"]
    list_export = [
        "workshop.title",
        "workshop.start_date",
        "name",
        "email",
        "organisation",
        "language",
        "get_status_display",
        "confirmed_at",
        "place_at",
        "cancelled_at",
    ]
    export_headings = {
        "workshop.title": capfirst(_("workshop")),
        "workshop.start_date": capfirst(_("start date")),
        "get_status_display": capfirst(_("status")),
    }
    export_filename = "workshop-signups"
    list_per_page = 100


@hooks.register("register_admin_viewset")
def register_signups():
    return WorkshopSignupViewSet("workshop_signups")
