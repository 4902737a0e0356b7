"""Sign-in lockouts in the admin (Reports › Sign-in lockouts): the secretariat sees
who django-axes has locked out, and lifts a lock at once instead of making someone
wait for the hour to pass."""

import logging

from axes.helpers import get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.contrib import messages
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .proxies import is_ip_address
from .roles import SECRETARIAT

logger = logging.getLogger(__name__)


def can_unlock(user):
    """The secretariat and superusers see and lift lockouts; nobody else."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=SECRETARIAT).exists())


def current_lockouts():
    """Each (username, address) pair locked out now, with when the lock ends, latest first.

    The same sums django-axes makes: the failures of the last cool-off period, over
    every browser the pair used."""
    cool_off = get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [{**row, "locked_until": row["last_attempt"] + cool_off} for row in rows]


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "mocisite/admin/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lockouts"] = current_lockouts()
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["cool_off_minutes"] = round(get_cool_off().total_seconds() / 60)
        return context

    def post(self, request, *args, **kwargs):
        """Unlock one username at one address: forget its failed attempts."""
        username = request.POST.get("username", "")
        ip_address = request.POST.get("ip_address") or None
        count = 0
        if "\x00" not in username and (ip_address is None or is_ip_address(ip_address)):
            count, _deleted = AccessAttempt.objects.filter(username=username, ip_address=ip_address).delete()
        if count:
            logger.info("%s unlocked sign-in for %r from %s", request.user, username, ip_address)
            messages.success(
                request,
                _("“%(username)s” can sign in again from %(address)s.")
                % {"username": username, "address": ip_address or _("an unknown address")},
            )
        else:
            messages.warning(request, _("There was no lock for “%(username)s” to lift.") % {"username": username})
        return redirect("mocisite_lockouts")
