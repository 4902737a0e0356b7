"""`make run PORT=8100`: the site's own address (canonical and hreflang links, the
sitemap, the admin login printed) follows HOST and PORT."""

import io
import os
import re
import subprocess

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command

from wagtail.models import Site


@pytest.fixture
def loaded(moci_content, db, monkeypatch):
    monkeypatch.setenv("MOCI_ADMIN_PASSWORD", "a-long-test-password")


def test_the_content_command_gives_the_site_the_address_it_is_told(loaded, client):
    out = io.StringIO()
    call_command("load_moci_content", site_url="http://127.0.0.1:8100", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8100)
    html = client.get("/en/", HTTP_HOST="127.0.0.1:8100").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8100/en/">' in html
    assert '<link rel="alternate" hreflang="sq" href="http://127.0.0.1:8100/sq/">' in html
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8100").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(url.startswith("http://127.0.0.1:8100/") for url in locations)
    assert "127.0.0.1:8000" not in sitemap


def test_without_an_address_the_site_keeps_its_own(loaded):
    Site.objects.filter(is_default_site=True).update(hostname="moci.example.org", port=443)
    call_command("load_moci_content", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("moci.example.org", 443)
    call_command("load_moci_content", site_url="https://moci.example.net", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("moci.example.net", 443)


@pytest.mark.parametrize("url", ["127.0.0.1:8100", "ftp://example.org", "http://", "http://host:99999"])
def test_a_malformed_address_is_a_clear_error(loaded, url):
    with pytest.raises(CommandError, match="must look like http://127.0.0.1:8000"):
        call_command("load_moci_content", site_url=url, stdout=io.StringIO())


def make(*args):
    environment = {"PATH": os.environ["PATH"]}  # no HOST, PORT or address from this shell
    return subprocess.run(  # noqa: S603 - our own Makefile, fixed arguments
        ["make", *args],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
        env=environment,
    ).stdout


def test_make_run_passes_host_and_port_to_the_site_and_the_login_it_prints():
    plan = make("-n", "run", "PORT=8100")
    assert "load_moci_content --site-url http://127.0.0.1:8100" in plan
    assert "runserver 127.0.0.1:8100" in plan
    assert "admin at http://127.0.0.1:8100/admin/" in plan
    # The commands see the address too (the admin login load_moci_content prints, links in e-mails).
    shown = make(
        "--eval", "show-address: ; @echo $$WAGTAILADMIN_BASE_URL", "show-address", "HOST=10.0.0.5", "PORT=8100"
    )
    assert shown.strip() == "http://10.0.0.5:8100"
    assert "load_moci_content --site-url http://127.0.0.1:8000" in make("-n", "run")
