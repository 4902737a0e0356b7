"""/sitemap.xml: every live page in every language, each with its alternates."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .visibility import public_q


class MultilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .filter(public_q())
            .filter(in_a_tree)
            .select_related("locale")
            .defer_streamfields()
            .order_by("locale__language_code", "path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        # Alternates come from the whole site, not just this sitemap page.
        versions = defaultdict(list)
        for item in self.items().only("pk", "translation_key", "url_path", "locale__language_code"):
            location = locations.get(item.pk) or item.get_full_url(self.request)
            versions[item.translation_key].append({"lang_code": item.locale.language_code, "location": location})
        urls = []
        for item in pages:
            alternates = sorted(versions[item.translation_key], key=lambda version: version["lang_code"])
            source = next((v for v in alternates if v["lang_code"] == settings.LANGUAGE_CODE), None)
            if source:
                alternates = [*alternates, {"lang_code": "x-default", "location": source["location"]}]
            urls.append(
                {"item": item, "location": locations[item.pk], "lastmod": self.lastmod(item), "alternates": alternates}
            )
        return urls
