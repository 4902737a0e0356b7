"""Peer suggestions: on a profile, the people and organisations who have what
it needs and those who need what it has, matched by skill."""

from collections import defaultdict
from copy import copy
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Value

from wagtail.models import Page

from mocisite.visibility import public_q


def reachable(model):
    """The profiles of ``model`` that the outer page query's page is and that take messages."""
    return model.objects.filter(pk=OuterRef("pk"), accepts_messages=True).exclude(contact_email="")


def matched_peers(profile, wanted, among, limit=6):
    """For each relation of ``wanted`` ({"skills" or "needs": {skill id: skill
    named in the profile's language}}), the live public profiles in the profile's
    language, of the page types ``among`` (``PersonPage``, ``OrganisationPage``:
    models.py, which stands above this module, hands them over), whose relation
    shares a term with it, most shared terms first. Each peer carries ``kind``
    and ``matched``, the shared terms. Skills are synchronised across languages,
    so matching is by the source-language terms. Two queries whatever the size
    of the network: the matching rows of the four tables at once, then the pages
    (with ``reachable``: whether peers may write to them, see ProfileFields.reachable)."""

    relations = [relation for relation in ("skills", "needs") if wanted.get(relation)]
    if not relations:
        return [[] for _relation in ("skills", "needs")]
    rows = [
        getattr(model, relation)
        .through.objects.filter(skill_id__in=wanted[relation])
        .annotate(relation=Value(relation))
        .values_list(f"{model._meta.model_name}_id", "skill_id", "relation")
        for relation in relations
        for model in among
    ]
    shared = {relation: defaultdict(set) for relation in ("skills", "needs")}
    for page_id, skill_id, relation in rows[0].union(*rows[1:], all=True):
        if page_id != profile.pk:
            shared[relation][page_id].add(skill_id)
    pages = {
        page.pk: page
        for page in Page.objects.live()
        .filter(public_q())
        .filter(pk__in={pk for found in shared.values() for pk in found}, locale_id=profile.locale_id)
        .only("id", "title", "url_path", "content_type", "locale_id")
        .annotate(reachable=reduce(or_, (Exists(reachable(model)) for model in among)))
    }
    result = []
    for relation in ("skills", "needs"):
        terms, found = wanted.get(relation) or {}, shared[relation]
        peers = sorted(
            (copy(pages[pk]) for pk in found if pk in pages), key=lambda peer: (-len(found[peer.pk]), peer.title)
        )[:limit]
        for peer in peers:
            peer.kind = peer.specific_class.kind
            peer.matched = [terms[skill_id] for skill_id in terms if skill_id in found[peer.pk]]
        result.append(peers)
    return result
