"""Every public page, in every language, conforms to the HTML standard.

The pages of the real MOCI site (the content command's texts) are rendered with Django's test
client and checked by the W3C Nu Html Checker, which runs offline: npm's ``vnu-jar``
(package.json) on Java. One run of the checker over all the files, as a JVM start is slow.
Without Java or the jar the test is skipped locally, and fails on CI (``CI=true``)."""

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from django.conf import settings
from django.utils import timezone

from hub.models import HubPage, WorkshopPage
from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, PersonPage
from principles.models import PrinciplesPage
from projects.models import ProjectIndexPage, ProjectPage
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGE_MODELS = (
    PrinciplesPage,
    ProjectIndexPage,
    ProjectPage,
    ResourceIndexPage,
    ResourcePage,
    PeopleIndexPage,
    PersonPage,
    OrganisationPage,
    CommunityMapPage,
    HubPage,
    WorkshopPage,
)
# Pages that are no page type: joining the network and the privacy notice, and (below) an
# upcoming workshop's page and its sign-up form.
FORMS = ("join/", "privacy/")
# Lists in the states a visitor can put them in: filtered, with an unknown filter value.
QUERIES = {ProjectIndexPage: ["?theme=agriculture", "?country=GE"], CommunityMapPage: ["?kind=dragons"]}


def vnu_command():
    java = shutil.which("java")
    missing = [what for what, present in (("java", java), (str(VNU_JAR), VNU_JAR.exists())) if not present]
    if missing:
        message = (
            f"The HTML checker needs {' and '.join(missing)}: `apt-get install default-jre-headless` and `npm ci`."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [java, "-Xss2m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def add_a_person():
    """The MOCI texts have no person yet: one, with an alias in every other language."""
    index = PeopleIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    skill = factories.make_skill("gardening", "Permaculture and sustainable gardening")
    person = factories.make_person(
        index,
        "Arta Krasniqi",
        role="Coordinator",
        organisation=OrganisationPage.objects.filter(locale=index.locale).first(),
        place_name="Gjirokastër",
        country="AL",
        skills=[skill],
        needs=[skill],
        location="SRID=4326;POINT(20.14 40.07)",
    )
    for other in PeopleIndexPage.objects.exclude(locale=index.locale):
        person.create_alias(parent=other, update_locale=other.locale)


def add_an_upcoming_workshop():
    """The MOCI texts have only a past workshop: one to come, with places to sign up for, with
    an alias in every other language. Returns its translation key."""
    hub = HubPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    workshop = factories.add(
        hub,
        WorkshopPage(
            title="Seed saving in Berat",
            summary="A day of saving seeds.",
            start_date=timezone.localdate() + datetime.timedelta(days=30),
            start_time=datetime.time(10),
            end_time=datetime.time(16),
            place_name="Berat",
            country="AL",
            location="SRID=4326;POINT(19.95 40.71)",
            capacity=12,
        ),
    )
    for other in HubPage.objects.exclude(locale=hub.locale):
        workshop.create_alias(parent=other, update_locale=other.locale, reset_translation_key=False)
    return workshop.translation_key


def public_addresses(upcoming):
    """Every page type in every language, a search with and without results, and a 404."""
    addresses = []
    for code, _name in settings.LANGUAGES:
        addresses += [f"/{code}/", f"/{code}/search/?q=plastic", f"/{code}/search/?q=zzxq", f"/{code}/nowhere/"]
        addresses += [f"/{code}/{form}" for form in FORMS]
        workshop = WorkshopPage.objects.get(translation_key=upcoming, locale__language_code=code)
        addresses += [workshop.url, workshop.url + "signup/"]
        for model in PAGE_MODELS:
            page = model.objects.live().filter(locale__language_code=code).order_by("path").first()
            assert page is not None, f"no {model.__name__} in {code}"
            addresses += [page.url] + [page.url + query for query in QUERIES.get(model, [])]
    return addresses


@pytest.mark.django_db
def test_every_public_page_in_every_language_is_valid_html(client, moci_content, tmp_path):
    command = vnu_command()
    add_a_person()
    upcoming = add_an_upcoming_workshop()
    files = {}
    for number, address in enumerate(public_addresses(upcoming)):
        response = client.get(address)
        assert response.status_code == (404 if "/nowhere/" in address else 200), address
        path = tmp_path / f"{number:03}.html"
        path.write_bytes(response.content)
        files[str(path)] = address
    assert len(files) == len(settings.LANGUAGES) * (
        4 + len(FORMS) + 2 + len(PAGE_MODELS) + sum(map(len, QUERIES.values()))
    )

    result = subprocess.run(  # noqa: S603 - the checker on files this test wrote
        [*command, *sorted(files)], capture_output=True, text=True, timeout=600, check=False
    )
    # The JSON report goes to standard error; exit status 1 means "errors found".
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}"
        f" line {message.get('lastLine')}: {message['message']}\n    {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
