"""Security: headers on public and admin pages, cookies, uploaded files, sign-in throttling with
the secretariat's unlock, password rules and upload limits."""

import io
import re
import runpy

import pytest
from axes.models import AccessAttempt
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from mocisite.proxies import client_address, parse_trusted_proxies
from mocisite.roles import EDITORS, SECRETARIAT, setup_roles
from mocisite.security import SecurityHeadersMiddleware, url_origin
from tests import factories
from tests.headers import directives

PASSWORD = "correct horse battery"
PUBLIC = "public"
ADMIN = "admin"
# Prefixes of the settings production.py decides for HTTPS: HSTS, the proxy header, cookie flags.
PRODUCTION_SECURITY_SETTINGS = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_")
HTTPS = {"X-Forwarded-Proto": "https"}


def make_user(username, *groups, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@moci.example", PASSWORD)
    user = User.objects.create_user(username, f"{username}@moci.example", PASSWORD)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def superuser(db):
    return make_user("root", superuser=True)


@pytest.fixture
def roles(db):
    setup_roles()


@pytest.fixture
def production_like(settings, monkeypatch):
    """The HTTPS settings of mocisite.settings.production (HSTS, proxy header, cookie flags),
    read from that module with a minimal environment and applied to this test."""
    monkeypatch.setenv("SECRET_KEY", "a-production-like-secret-key-for-tests-only-0123456789")
    monkeypatch.setenv("DATABASE_URL", "sqlite:///production-like.sqlite3")
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    production = runpy.run_module("mocisite.settings.production")
    for name, value in production.items():
        if name.startswith(PRODUCTION_SECURITY_SETTINGS):
            setattr(settings, name, value)
    return production


@pytest.fixture(params=[PUBLIC, ADMIN])
def page_response(request, client, home, superuser):
    """A public page (for a visitor) and an admin page (for a signed-in editor)."""
    if request.param == ADMIN:
        client.force_login(superuser)
        return request.param, client.get("/admin/pages/", headers=HTTPS)
    return request.param, client.get("/en/", headers=HTTPS)


# Headers


def test_content_security_policy(page_response, settings):
    kind, response = page_response
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    tiles = url_origin(settings.MAP_TILE_URL)
    assert tiles == "https://tile.openstreetmap.org"
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert tiles in policy["img-src"]
    assert "https://www.youtube.com" in policy["frame-src"] and "https://player.vimeo.com" in policy["frame-src"]
    if kind == PUBLIC:
        # No inline script or style, no eval, no other host's script: on public pages, 'self' only.
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert policy["connect-src"] == ["'self'"]
    else:
        # Wagtail's admin needs inline scripts and styles (see settings): only here.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert "https://nominatim.openstreetmap.org" in policy["connect-src"]
        assert "'self'" in policy["frame-src"]  # the preview panel


def test_other_security_headers(production_like, page_response):
    _kind, response = page_response
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"  # browsers follow the CSP's frame-ancestors 'self'
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature


def test_preview_may_be_framed_by_the_admin(client, full_tree, superuser):
    """The preview panel is an iframe of our own page (tests/browser/test_csp.py opens it)."""
    client.force_login(superuser)
    project = full_tree["project"]
    response = client.get(f"/admin/pages/{project.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_media_host_on_another_origin_is_allowed(settings):
    """Object storage or a CDN for uploads (MEDIA_URL on another host) joins img-src."""
    settings.MEDIA_URL = "https://media.moci.example/uploads/"
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("A page"))
    policy = directives(middleware(RequestFactory().get("/en/"))["Content-Security-Policy"])
    assert "https://media.moci.example" in policy["img-src"]
    assert policy["script-src"] == ["'self'"]


def test_url_origin():
    assert url_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert url_origin("https://{s}.tiles.example:8443/{z}/{x}/{y}.png") == "https://*.tiles.example:8443"
    assert url_origin("/media/") is None


# Cookies


def cookie_flags(cookie):
    return {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"]), "samesite": cookie["samesite"]}


def test_session_and_csrf_cookies_are_secure_httponly_and_lax(client, superuser, production_like):
    response = client.get("/admin/login/", headers=HTTPS)
    assert cookie_flags(response.cookies["csrftoken"]) == {"secure": True, "httponly": True, "samesite": "Lax"}
    response = client.post(
        "/admin/login/", {"username": "root", "password": PASSWORD}, headers=HTTPS, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 302
    assert cookie_flags(response.cookies["sessionid"]) == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_language_cookie_is_secure_httponly_and_lax(client, home, production_like, settings):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"}, headers=HTTPS)
    assert response.status_code == 302
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie_flags(cookie) == {"secure": True, "httponly": True, "samesite": "Lax"}


# Uploaded files


def consume(response):
    """Read a file response to its end, which closes it the way the test client expects (calling
    close() directly would close the test's database connection, on PostgreSQL)."""
    return b"".join(response.streaming_content)


def test_image_renditions_cannot_run_anything(client, db):
    image = factories.make_image()
    rendition = image.get_rendition("width-100")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    consume(response)
    # Originals are never served.
    assert client.get(image.file.url).status_code == 404


def test_documents_download_sandboxed_and_pdfs_open_without_scripts(client, db, settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT is True
    text = factories.make_document()
    response = client.get(text.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    consume(response)
    # A PDF opens in the browser: browsers' PDF viewers do not run in a sandbox, so it keeps
    # Wagtail's own policy, which still blocks everything embedded.
    pdf = factories.make_document("Guide", b"%PDF-1.4\n%%EOF\n", "guide.pdf")
    response = client.get(pdf.url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    consume(response)


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type), "description": "An upload"},
    )


def upload_document(client, name, content, content_type="text/plain"):
    return client.post(
        "/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, content, content_type)}
    )


def png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_svg_and_html_uploads_are_refused(client, superuser):
    client.force_login(superuser)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    response = upload_image(client, "drawing.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in form_errors(response)
    # The multiple uploader (the admin's default) refuses it too.
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile("drawing.svg", svg, "image/svg+xml")}
    )
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()
    for name, content_type in (("page.html", "text/html"), ("drawing.svg", "image/svg+xml")):
        response = upload_document(client, name, svg, content_type)
        assert response.status_code == 200
        assert "File extension" in form_errors(response), name
    assert not get_document_model().objects.exists()


# Upload limits


def test_upload_limits_are_configured(settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert not {"html", "htm", "svg", "xhtml", "xml", "js"} & set(settings.WAGTAILDOCS_EXTENSIONS)


def assert_refused(response, message, model):
    """The upload form came back with ``message`` among its errors, and nothing was saved."""
    assert response.status_code == 200
    assert message in form_errors(response)
    assert not model.objects.exists()


def test_oversized_image_is_refused(client, superuser, settings):
    client.force_login(superuser)
    # A real PNG, padded past the limit.
    content = png(10, 10) + b"\0" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert_refused(upload_image(client, "huge.png", content), "too big", get_image_model())


def test_image_with_too_many_pixels_is_refused(client, superuser, settings):
    client.force_login(superuser)
    # 8000 × 5001 = 40,008,000 pixels: a small file (one bit per pixel, compressed), too many pixels.
    content = png(8000, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 8000 + 1, mode="1")
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert_refused(upload_image(client, "wide.png", content), "too many pixels", get_image_model())


def test_oversized_document_is_refused(client, superuser, settings):
    client.force_login(superuser)
    assert_refused(
        upload_document(client, "minutes.txt", b"x" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)),
        "too big",
        get_document_model(),
    )


# Passwords


def test_admin_cannot_give_a_new_user_a_weak_password(client, superuser):
    client.force_login(superuser)
    User = get_user_model()

    def create_drita(password):
        drita = {"username": "drita", "email": "drita@moci.example", "first_name": "Drita", "last_name": "Hoxha"}
        return client.post("/admin/users/new/", {**drita, "password1": password, "password2": password})

    for weak in ("password", "12345678", "drita"):
        response = create_drita(weak)
        assert response.status_code == 200, weak
        errors = " ".join(str(error) for error in response.context["form"].errors.get("password2", []))
        assert re.search(r"too common|too short|entirely numeric|too similar", errors), (weak, errors)
    assert not User.objects.filter(username="drita").exists()
    strong = "Kafe me qumësht në Tiranë 2026"
    response = create_drita(strong)
    assert response.status_code == 302
    assert User.objects.filter(username="drita").exists()


# Sign-in throttling


def sign_in(client, username, password, address="198.51.100.7", path="/admin/login/", **meta):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address, **meta)


def lock_out(client, username, address="198.51.100.7", path="/admin/login/", **meta):
    from django.conf import settings

    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, username, f"wrong-{attempt}", address, path, **meta)
        assert response.status_code == 200, attempt  # the sign-in form again, with its error
    return sign_in(client, username, "wrong-again", address, path, **meta)


def test_failed_sign_ins_lock_the_account_with_a_clear_message(client, roles):
    make_user("drita", EDITORS)
    response = lock_out(client, "drita")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 3600
    html = response.content.decode()
    assert "Signing in is blocked for now" in html
    assert "Too many failed attempts to sign in as “drita” from your network." in html
    assert "You can try again from" in html and "about 60 minutes" in html
    assert "ask the MOCI secretariat to unlock your account" in html
    assert 'href="/admin/login/"' in html
    # The right password is refused while the lock lasts, and nobody is signed in.
    response = sign_in(client, "drita", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The lock is for this username from this address only.
    assert sign_in(client, "drita", PASSWORD, address="203.0.113.9").status_code == 302


def test_django_admin_sign_in_is_throttled_too(client, superuser):
    response = lock_out(client, "root", path="/django-admin/login/")
    assert response.status_code == 429
    assert "Signing in is blocked for now" in response.content.decode()
    assert sign_in(client, "root", PASSWORD, path="/django-admin/login/").status_code == 429


def test_lockout_page_names_the_contact_address(client, roles, settings):
    settings.MOCI_ADMIN_CONTACT_EMAIL = "secretariat@moci.example"
    response = lock_out(client, "drita")
    assert 'href="mailto:secretariat@moci.example"' in response.content.decode()


def test_secretariat_unlocks_a_locked_account(client, roles):
    make_user("drita", EDITORS)
    make_user("besa", SECRETARIAT)
    assert lock_out(client, "drita").status_code == 429

    secretary = client.__class__()
    assert sign_in(secretary, "besa", PASSWORD, address="203.0.113.20").status_code == 302
    dashboard = secretary.get("/admin/")
    assert "/admin/lockouts/" in dashboard.content.decode()  # Reports › Sign-in lockouts
    response = secretary.get("/admin/lockouts/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-username="drita"' in html and "198.51.100.7" in html
    response = secretary.post("/admin/lockouts/", {"username": "drita", "ip_address": "198.51.100.7"}, follow=True)
    assert "“drita” can sign in again from 198.51.100.7." in response.content.decode()
    assert 'data-username="drita"' not in response.content.decode()
    assert not AccessAttempt.objects.filter(username="drita").exists()

    response = sign_in(client, "drita", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_editors_cannot_see_or_lift_lockouts(client, roles):
    make_user("drita", EDITORS)
    make_user("arben", EDITORS)
    assert lock_out(client, "drita").status_code == 429
    editor = client.__class__()
    editor.force_login(get_user_model().objects.get(username="arben"))
    assert "/admin/lockouts/" not in editor.get("/admin/").content.decode()
    assert editor.get("/admin/lockouts/").status_code in (302, 403)
    response = editor.post("/admin/lockouts/", {"username": "drita", "ip_address": "198.51.100.7"})
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="drita").exists()


def test_unlock_with_malformed_input_is_not_an_error(client, superuser):
    client.force_login(superuser)
    for data in ({"username": "x\x00y", "ip_address": "1.2.3.4"}, {"username": "x", "ip_address": "not-an-ip"}, {}):
        response = client.post("/admin/lockouts/", data, follow=True)
        assert response.status_code == 200
        assert "There was no lock" in response.content.decode()


def trust(settings, value):
    settings.MOCI_TRUSTED_PROXIES = parse_trusted_proxies(value)[0]


def test_client_address_comes_from_the_trusted_proxies_only(settings):
    factory = RequestFactory()

    def address(remote, forwarded=None):
        meta = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            meta["HTTP_X_FORWARDED_FOR"] = forwarded
        return client_address(factory.get("/", **meta))

    trust(settings, "")
    # No proxy named: the header is the client's own invention.
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.7") == "10.0.0.2"
    trust(settings, "10.0.0.2")
    assert address("10.0.0.2", "6.6.6.6, 198.51.100.7") == "198.51.100.7"  # what our proxy saw
    assert address("10.0.0.2") == "10.0.0.2"  # no header: the proxy itself
    # From anywhere else the header is not believed, even when it names a trusted proxy.
    assert address("203.0.113.5", "198.51.100.7") == "203.0.113.5"
    assert address("203.0.113.5", "10.0.0.2") == "203.0.113.5"
    # Chains of proxies (a load balancer in a network, then the TLS proxy): skip them all.
    trust(settings, "10.0.0.0/24, 172.30.80.1")
    assert address("172.30.80.1", "6.6.6.6, 198.51.100.7, 10.0.0.9") == "198.51.100.7"
    assert address("172.30.80.1", "10.0.0.8, 10.0.0.9") == "10.0.0.8"  # only proxies: the furthest
    # An entry that is not an address stops the walk at the last trusted hop.
    assert address("172.30.80.1", "198.51.100.7, '; DROP TABLE axes_accessattempt") == "172.30.80.1"
    assert address("172.30.80.1", "198.51.100.7, 10.0.0.9, nonsense, 10.0.0.8") == "10.0.0.8"
    # IPv6 too.
    trust(settings, "::1")
    assert address("::1", "2001:db8::7") == "2001:db8::7"


def test_trusted_proxies_are_parsed_with_their_mistakes():
    networks, problems = parse_trusted_proxies("10.0.0.1, 172.30.80.0/24, proxy, 10.0.0.0/40, ")
    assert [str(network) for network in networks] == ["10.0.0.1/32", "172.30.80.0/24"]
    assert problems == ["proxy", "10.0.0.0/40"]


def test_a_forged_forwarded_for_does_not_escape_the_lock(client, roles, settings):
    trust(settings, "10.0.0.2")
    make_user("drita", EDITORS)
    lock_out(client, "drita", address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    # The same person, now prefixing a made-up address: the proxy still appends the real one.
    response = sign_in(client, "drita", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert response.status_code == 429


@pytest.mark.parametrize("trusted", ["", "10.0.0.0/8"])
def test_a_client_reaching_the_app_directly_cannot_rotate_its_address(client, roles, settings, trusted):
    """Twelve wrong passwords from one connection, each claiming another address in
    X-Forwarded-For: locked after five, and the right password is refused."""
    trust(settings, trusted)
    make_user("drita", EDITORS)
    statuses = [
        sign_in(
            client, "drita", f"wrong-{n}", address="203.0.113.66", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(12)
    ]
    assert statuses == [200] * 4 + [429] * 8
    response = sign_in(client, "drita", PASSWORD, address="203.0.113.66", HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_on_its_own(client, roles, settings):
    trust(settings, "172.30.80.0/24")
    make_user("drita", EDITORS)
    proxy = "172.30.80.1"
    assert lock_out(client, "drita", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # Another visitor behind the same proxy is not locked out by the first one's failures.
    response = sign_in(client, "drita", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 302
    assert AccessAttempt.objects.filter(ip_address="198.51.100.7").exists()
    assert not AccessAttempt.objects.filter(ip_address=proxy).exists()
