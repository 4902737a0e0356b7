from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .peers import write_to_peer
from .workshops import signup_form


@hooks.register("serve_profile_contact")
def serve_profile_contact(request, profile):
    """The form under a profile that takes messages (people.models.ProfileFields.contact)."""
    return write_to_peer(request, profile)


@hooks.register("serve_workshop_signup")
def serve_workshop_signup(request, workshop):
    """The sign-up form under a workshop (hub.signups.SignupRoutes.signup)."""
    return signup_form(request, workshop)


@hooks.register("register_log_actions")
def register_member_actions(actions):
    """The page history's records of a profile sent through the join form (connect/join.py, members.py)."""
    from .join import JOINED
    from .members import WELCOMED

    actions.register_action(JOINED, _("Sent through the join form"), _("Sent through the join form"))
    actions.register_action(WELCOMED, _("Member told of the publication"), _("Member told of the publication"))
