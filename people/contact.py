"""How a member stops messages from peers (ProfileFields.accepts_messages)."""

import json

from django.core.serializers.json import DjangoJSONEncoder

from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from .models import OrganisationPage, PersonPage


def stop_messages(translation_key):
    """No more messages to the profile ``translation_key``, in any language: its
    pages, their latest revisions (so that the next publish keeps it) and
    wagtail-localize's copy of the source (so that the next sync keeps it).
    The title of one of its pages, or None when there is none."""
    title = None
    for model in (PersonPage, OrganisationPage):
        pages = model.objects.filter(translation_key=translation_key)
        found = list(pages.values_list("title", "latest_revision_id"))
        if not found:
            continue
        title = title or found[0][0]
        pages.update(accepts_messages=False)
        for revision in Revision.objects.filter(pk__in=[revision for _title, revision in found if revision]):
            revision.content["accepts_messages"] = False
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(object_id=translation_key):
        content = json.loads(source.content_json)
        if content.get("accepts_messages", False):
            content["accepts_messages"] = False
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])
    return title
