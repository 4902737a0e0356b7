from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import page_passwords, routing, views
from .privacy_admin import SetPagePrivacyView
from .sitemap import MultilingualSitemap

# A database that refuses connections is a 503, any other exception Django's 500.
handler500 = "mocisite.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's page privacy dialog, with a note that it covers every language (before Wagtail's own).
    path("admin/pages/<int:page_id>/privacy/", require_admin_access(SetPagePrivacyView.as_view())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt),
    path("health/", views.health, name="health"),
]

if settings.SERVE_MEDIA:
    # Only renditions, never original uploads (which may be large or unsafe);
    # documents go through Wagtail's own view above.
    urlpatterns += [
        re_path(
            r"^{}images/(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT / "images"},
        )
    ]

# Everything a visitor reads lives under its language: /en/…, /sq/…
# Wagtail's own addresses, with its page-serving view replaced by ours (the same
# view, finding the page in one query: mocisite/routing.py) and its page-password
# form throttled (mocisite/page_passwords.py).
_replaced = ("wagtail_serve", "wagtailcore_authenticate_with_password")
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    # The links in the e-mails of the public forms (connect/), named as a string: the
    # ground floor imports no app above it.
    path("connect/", include("connect.urls")),
    path("", include("connect.public_urls")),
    # Atom feeds (feeds/) and the hub's calendars (hub/calendars.py): named as strings too.
    path("", include("feeds.urls")),
    path("", include("hub.calendar_urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in _replaced],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
