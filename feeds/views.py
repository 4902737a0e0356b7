"""Atom feeds of the projects, the resources and the hub's workshops, one per
language (``/<lang>/feeds/projects/`` …), with Django's syndication framework.

A feed holds the live public pages of its kind in the language's tree, the
newest published first: each entry's title, its summary, its absolute address
in that language and when it was last published (``updated``). A page of that
tree that shows the English text (an alias, or a translation started but not
yet published: what base.html marks with a notice) is an entry with
``xml:lang="en"``, so a reader shows and hyphenates it as English. Each entry's
``id`` is a tag URI made of the site's host, the page's translation key and
the language: it stays the same when a title or a slug changes.

The feeds live in an app of their own: they stand on the projects, resources
and hub apps, and nothing imports them (mocisite/urls.py names their URLs).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy, override

from wagtail.models import Locale

from hub.models import HubPage, WorkshopPage
from mocisite.memory import active_locale
from mocisite.sites import find_site
from mocisite.templatetags.moci_languages import shows_source_text
from mocisite.visibility import public_q
from projects.models import ProjectIndexPage, ProjectPage
from resources.models import ResourceIndexPage, ResourcePage

# The newest entries a feed holds; readers keep the ones they have seen.
FEED_LENGTH = 50
AUTHOR = "MOCI"


class LanguageAtom1Feed(Atom1Feed):
    """Atom, with ``xml:lang`` on an entry whose language is not the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("lang"):
            attributes["xml:lang"] = item["lang"]
        return attributes


@dataclass
class Listing:
    """What one request's feed shows (a feed object is shared by all requests)."""

    request: object
    locale: Locale
    link: str
    host: str
    feed_url: str
    items: list = field(default_factory=list)


class PageFeed(Feed):
    """The feed of one page type in the request's language; subclasses name it."""

    feed_type = LanguageAtom1Feed
    page_model = None
    index_model = None
    kind = ""
    author_name = AUTHOR

    def get_object(self, request, *args, **kwargs):
        locale = active_locale(request)
        site = find_site(request)
        host = site.hostname if site is not None else request.get_host()
        index = self.index_model.objects.live().filter(public_q(request), locale=locale).first()
        if index is None and site is not None:
            index = site.root_page.localized
        link = index.get_full_url(request) if index is not None else request.build_absolute_uri("/")
        # On the site's own address, as every link in the feed (not the address the request came by).
        root = site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")
        listing = Listing(request=request, locale=locale, link=link, host=host, feed_url=root + request.path)
        listing.items = self.get_items(listing)
        return listing

    def get_pages(self, locale):
        return (
            self.page_model.objects.live()
            .filter(public_q(), locale=locale)
            .defer_streamfields()
            .order_by("-first_published_at", "title")[:FEED_LENGTH]
        )

    def get_items(self, listing):
        pages = list(self.get_pages(listing.locale))
        for page in pages:
            page.feed_link = page.get_full_url(listing.request)
            page.feed_lang = settings.LANGUAGE_CODE if shows_source_text(page) else ""
            page.feed_guid = f"tag:{listing.host},2026:{self.kind}/{page.translation_key}/{get_language()}"
        return pages

    def items(self, listing):
        return listing.items

    def link(self, listing):
        return listing.link

    def feed_url(self, listing):
        return listing.feed_url

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom's summary is HTML: plain text, escaped.
        return escape(item.summary)

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_guid

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_extra_kwargs(self, item):
        return {"lang": item.feed_lang}


class ProjectFeed(PageFeed):
    page_model = ProjectPage
    index_model = ProjectIndexPage
    kind = "project"
    title = gettext_lazy("MOCI: projects")


class ResourceFeed(PageFeed):
    page_model = ResourcePage
    index_model = ResourceIndexPage
    kind = "resource"
    title = gettext_lazy("MOCI: resources")


class WorkshopFeed(PageFeed):
    """The hub's workshops, the latest announced first; each summary starts with when and where."""

    page_model = WorkshopPage
    index_model = HubPage
    kind = "workshop"
    title = gettext_lazy("MOCI: workshops of the hub")

    def item_description(self, item):
        # An entry marked as English says when and where in English too.
        with override(item.feed_lang or get_language()):
            where = " · ".join(part for part in (item.when, item.place_label) if part)
        return f"{escape(where)}<br>{escape(item.summary)}" if where else escape(item.summary)
