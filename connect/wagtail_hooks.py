from wagtail import hooks

from .peers import write_to_peer


@hooks.register("serve_profile_contact")
def serve_profile_contact(request, profile):
    """The form under a profile that takes messages (people.models.ProfileFields.contact)."""
    return write_to_peer(request, profile)
