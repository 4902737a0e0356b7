"""Backup and restore (issue 6, part 7) with bin/backup and bin/restore.

A copy of the MOCI content database gets an image uploaded through the admin
and shown on a project page; bin/backup takes the database and the media;
bin/restore puts them into a new, empty database and media folder (and refuses
a second time, unless --force). The restored site, served by its own gunicorn
after the first one has stopped, answers the same URLs in English and Albanian
with the same status and the same HTML, and serves the same rendition files.
"""

import difflib
import io
import os
import re
import subprocess
import tarfile

import pytest

from .client import Browser, find_form
from .conftest import ADMIN_PASSWORD, ADMIN_USERNAME, record
from .harness import REPO, Gunicorn, app_environment, manage, running

pytestmark = pytest.mark.reliability

PROJECT = "/en/projects/precious-plastic-albania/"
URLS = [
    "/en/",
    "/en/principles/",
    "/en/projects/",
    PROJECT,
    "/en/projects/?theme=environment",
    "/en/people/",
    "/en/people/hapesire-kulturore-uzina/",
    "/en/map/",
    "/en/map/geojson/",
    "/en/resources/",
    "/en/search/?q=plastic",
    "/sq/",
    "/sq/principles/",
    "/sq/projects/",
    "/sq/projects/precious-plastic-albania/",
    "/sq/people/",
    "/sq/map/geojson/",
    "/sq/search/?q=plastik",
    "/sitemap.xml",
    "/en/no-such-page/",
    "/fr/",
]
# What differs between two responses of the same server: the masked CSRF token
# of the language switcher's form, and a Content-Security-Policy nonce.
VOLATILE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"'), r'\1…"'),
    (re.compile(r'(nonce=")[^"]*"'), r'\1…"'),
]
RENDITION = re.compile(r"/media/images/[^\"'\s,?]+")
IMAGE_TITLE = "Reliability: shredder workshop"


def normalise(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def snapshot(port):
    """Status and normalised body of every URL, asked with the same Host header on every server."""
    browser = Browser(port, host_header="localhost")
    pages = {}
    for url in URLS:
        response = browser.get(url)
        pages[url] = (response.status, normalise(response.text))
    return pages


def png(width=1200, height=800):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (20, 90, 60))
    ImageDraw.Draw(image).ellipse((200, 100, 1000, 700), fill=(240, 200, 40))
    data = io.BytesIO()
    image.save(data, "PNG")
    return data.getvalue()


def upload_image(port):
    """Through the admin, as an editor does: log in, fill in the image form, post the file."""
    browser = Browser(port)
    browser.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    page = browser.get("/admin/images/add/")
    assert page.status == 200, page.text[:2000]
    form = find_form(page.text, lambda attrs: "multipart" in attrs.get("enctype", ""))
    form.set("title", IMAGE_TITLE)
    response = browser.post(
        "/admin/images/add/", form.fields, files=[("file", "shredder-workshop.png", "image/png", png())]
    )
    assert response.status == 302, f"upload failed ({response.status}): {response.text[:3000]}"


def script(name, *args, env):
    return subprocess.run(  # noqa: S603 - our own scripts, fixed arguments
        [str(REPO / "bin" / name), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_backup_and_restore_serve_the_same_site(
    new_database, static_root, workdir, postgres, require_postgres_tools, tmp_path
):
    source_media, restored_media, backups = tmp_path / "media", tmp_path / "restored-media", tmp_path / "backups"
    source_env = app_environment(new_database("backup_source"), source_media, static_root)
    target_url = new_database("backup_target", empty=True)
    target_env = app_environment(target_url, restored_media, static_root)

    source = Gunicorn(source_env, workdir / "backup-source.log", workers=1, name="source")
    with running(source):
        upload_image(source.port)
        manage(
            source_env,
            "shell",
            "-c",
            "from wagtail.images import get_image_model; from projects.models import ProjectPage; "
            f"page = ProjectPage.objects.get(slug='precious-plastic-albania', locale__language_code='en'); "
            f"page.image = get_image_model().objects.get(title={IMAGE_TITLE!r}); "
            # A page shows a picture only with alternative text (mocisite/alttext.py).
            "page.image_alt_text = 'A shredder in the workshop'; "
            "page.save_revision().publish()",
        )
        before = snapshot(source.port)
        assert snapshot(source.port) == before, "the pages differ between two requests: normalise more"
        renditions = sorted(set(RENDITION.findall(before[PROJECT][1])))
        assert renditions, "the project page shows no rendition of the uploaded image"
        files = {}
        for url in renditions:
            response = Browser(source.port).get(url)
            assert response.status == 200, url
            files[url] = response.body
    assert {status for status, _ in before.values()} == {200, 404}

    made = script("backup", str(backups), env=source_env)
    assert made.returncode == 0, made.stderr
    folder = backups / made.stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    assert re.fullmatch(r"moci-\d{8}T\d{6}Z", folder.name), folder
    assert sorted(path.name for path in folder.iterdir()) == ["MANIFEST", "SHA256SUMS", "database.dump", "media.tar.gz"]
    manifest = (folder / "MANIFEST").read_text()
    pages = postgres.execute("SELECT count(*) FROM wagtailcore_page", database=dbname(source_env))[0][0]
    assert f"pages: {pages}\n" in manifest and "images: 1\n" in manifest, manifest
    with tarfile.open(folder / "media.tar.gz") as archive:
        archived = archive.getnames()
    assert any(name.startswith("./original_images/shredder-workshop") for name in archived), archived
    assert any(name.startswith("./images/") for name in archived), archived
    record(
        "backup", f"{folder.name}: " + ", ".join(f"{path.name} {path.stat().st_size} B" for path in folder.iterdir())
    )

    restored = script("restore", str(folder), env=target_env)
    assert restored.returncode == 0, restored.stderr
    again = script("restore", str(folder), env=target_env)
    assert again.returncode == 2, again.stderr
    assert "not empty" in again.stderr and "--force" in again.stderr, again.stderr
    forced = script("restore", "--force", str(folder), env=target_env)
    assert forced.returncode == 0, forced.stderr

    target = Gunicorn(target_env, workdir / "backup-target.log", workers=1, name="restored")
    with running(target):
        after = snapshot(target.port)
        served = {url: Browser(target.port).get(url) for url in renditions}

    differing = [url for url in URLS if after[url] != before[url]]
    assert not differing, diff_report(before, after, differing)
    for url in renditions:
        assert served[url].status == 200, url
        assert served[url].body == files[url], url
    assert (restored_media / "original_images").is_dir()
    record(
        "backup",
        f"restored: {len(URLS)} URLs (en, sq, sitemap, 404s) identical; {len(renditions)} rendition files identical; "
        f"restore refused without --force into a non-empty database (exit {again.returncode})",
    )


def dbname(env):
    return env["DATABASE_URL"].rsplit("/", 1)[-1]


def diff_report(before, after, urls):
    lines = []
    for url in urls[:3]:
        (old_status, old), (new_status, new) = before[url], after[url]
        lines.append(f"{url}: status {old_status} → {new_status}")
        lines += list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1))[:40]
    return "\n".join(lines)


def test_scripts_are_executable():
    assert os.access(REPO / "bin" / "backup", os.X_OK)
    assert os.access(REPO / "bin" / "restore", os.X_OK)
