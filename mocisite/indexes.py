"""The filtered index: a page that lists its children, filtered through the query string.

The project index, the resource library and the people directory are the same
page with other nouns: the live public children in the page's language, a filter
form (mocisite/filters.py) read from the query string, a page of them at a time.
:class:`FilteredIndexPage` holds that once; each index declares what differs, and
its template extends ``filtered_index.html`` with its nouns and its cards.
"""

from django.utils.module_loading import import_string

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .cachekeys import refuse as refuse_cache
from .pages import MociPage
from .utils import paginate
from .visibility import public_q


class FilteredIndexPage(MociPage):
    """A page listing its children of the types it allows (``subpage_types``), as the
    filters let them through, ``per_page`` at a time.

    Each is a section of its home page (one per language), with a sentence or two
    above the list. A subclass declares:

    - ``introduction``: that sentence's field, with its own help text;
    - ``filter_form``: the dotted path of its :class:`~mocisite.filters.FilterForm`
      (a path: the form imports the models it filters, which import this page);
    - ``cache_query_params``: the form's fields and ``page``, the only parameters
      the page reads, so the only ones the page cache's key holds (mocisite/cachekeys.py);
    - ``listing_name``: what its template calls the page of items, e.g. ``projects``;
    - ``listing_order``: the order of the list (``order_by`` arguments);

    and, where it needs them, :meth:`get_items` (what the cards need, prefetched),
    :meth:`get_filter_options` (the values the form offers) and
    :meth:`prepare_listing` (the listed items made ready for their cards).

    An unknown filter value lists nothing (mocisite/filters.py) and the page that
    shows it is not stored in the page cache. An unknown page number is a 404.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    per_page = 12
    filter_form = None
    cache_query_params = ("page",)
    listing_name = "items"
    listing_order = ("title",)

    class Meta:
        abstract = True

    def get_items(self):
        """The live public children of the types the page allows, in the page's
        language, in ``listing_order``: a queryset of the one type, or of pages."""
        kinds = self.allowed_subpage_models()
        pages = kinds[0].objects.all() if len(kinds) == 1 else Page.objects.type(*kinds)
        return (
            pages.child_of(self)
            .live()
            .filter(public_q())
            .filter(locale_id=self.locale_id)
            .order_by(*self.listing_order)
        )

    def get_filter_options(self, items):
        """The filter form's keyword arguments: the values it offers for ``items``."""
        return {}

    def prepare_listing(self, listing, options):
        """Make the listed items (``listing``, a paginator page) ready for their
        cards, with the filter ``options``; return more context, if any."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_items()
        options = self.get_filter_options(items)
        form = import_string(self.filter_form)(request.GET, **options)
        # An unknown value lists nothing and is not stored in the page cache.
        if not form.is_valid():
            refuse_cache(request)
        listing = paginate(request, form.apply(items), self.per_page)
        context.update(self.prepare_listing(listing, options))
        context.update({"filter_form": form, "filtered": form.filtered, "listing": listing, self.listing_name: listing})
        return context
