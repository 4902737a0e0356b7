"""The real MOCI site fits its screens: nothing wider than a phone, a one-row header on a laptop.

One browser page goes through every page type in every language, so the whole tour is one
test per concern; the screenshots of the tour's widest languages land in screenshots/."""

import pytest

from django.conf import settings

from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, PersonPage
from principles.models import PrinciplesPage
from projects.models import ProjectIndexPage, ProjectPage
from resources.models import ResourceIndexPage, ResourcePage
from tests import factories
from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_WIDTHS = (320, 390)
LAPTOP_WIDTHS = (1024, 1280, 1440)
PAGE_MODELS = {
    "principles": PrinciplesPage,
    "project index": ProjectIndexPage,
    "project": ProjectPage,
    "resource index": ResourceIndexPage,
    "resource": ResourcePage,
    "people index": PeopleIndexPage,
    "person": PersonPage,
    "organisation": OrganisationPage,
    "community map": CommunityMapPage,
}

# What sticks out of the viewport, ignoring what is hidden on purpose (the skip link above the
# page, visually hidden labels, the closed menu). Returns the page's scroll width and the culprits.
OVERFLOW_JS = """(width) => {
    const culprits = [];
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (!box.width || !box.height) continue;
        if (element.closest('.skip-link, .visually-hidden, [popover]:not(:popover-open)')) continue;
        if (box.right > width + 0.5 || box.left < -0.5) {
            const text = (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
            culprits.push(`<${element.tagName.toLowerCase()} class="${element.className}"> `
                + `${Math.round(box.left)}..${Math.round(box.right)} px: ${text}`);
        }
    }
    return [document.documentElement.scrollWidth, culprits.slice(0, 5)];
}"""

# A select cannot wrap: the option it shows must fit inside it (the Armenian "any status" did not).
CUT_SELECTS_JS = """() => {
    const context = document.createElement('canvas').getContext('2d');
    const cut = [];
    for (const select of document.querySelectorAll('main select')) {
        const style = getComputedStyle(select);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = select.options[select.selectedIndex].text;
        const arrow = 16;  // Chromium's drop-down arrow
        const needed = context.measureText(text).width + parseFloat(style.paddingLeft)
            + parseFloat(style.paddingRight) + arrow;
        if (needed > select.clientWidth + 1) cut.push(`${select.name}: "${text}"`);
    }
    return cut;
}"""


def add_a_person_with_long_skills():
    """The MOCI texts have organisations but no person yet: add one, with long skills, a long
    role and a place with an accent."""
    skills = [
        factories.make_skill("sustainable-gardening", "Permaculture and sustainable gardening"),
        factories.make_skill("cultural-space", "Running a cultural space and its programme"),
    ]
    index = PeopleIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    organisation = OrganisationPage.objects.filter(locale=index.locale).first()
    person = factories.make_person(
        index,
        "Arta Krasniqi-Hoxhaj",
        role="Coordinator of community gardens",
        organisation=organisation,
        place_name="Gjirokastër",
        country="AL",
        skills=skills,
        needs=skills[:1],
        location="SRID=4326;POINT(20.14 40.07)",
    )
    # As wagtail-localize's tree sync would: an alias in every other language until translated.
    for other in PeopleIndexPage.objects.exclude(locale=index.locale):
        person.create_alias(parent=other, update_locale=other.locale)


def urls_of_every_page_type(base):
    """``{language: [url, ...]}``: every page type once, the search with results and a 404."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        home = f"{base}/{code}/"
        urls[code] = [home, f"{home}search/?q=plastic", f"{home}no-such-page/"]
        for kind, model in PAGE_MODELS.items():
            page = model.objects.live().filter(locale__language_code=code).order_by("path").first()
            assert page is not None, f"no {kind} page in {code}"
            urls[code].append(base + page.url)
    return urls


def test_nothing_is_wider_than_a_phone(moci_site, new_context, screenshot):
    add_a_person_with_long_skills()
    urls = urls_of_every_page_type(moci_site.url)
    assert len(urls) == 7 and all(len(pages) == len(PAGE_MODELS) + 3 for pages in urls.values())
    problems = []
    context = new_context(viewport={"width": PHONE_WIDTHS[0], "height": 740})
    page = context.new_page()
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        for addresses in urls.values():
            for address in addresses:
                response = page.goto(address)
                expected = 404 if address.endswith("no-such-page/") else 200
                assert response.status == expected, address
                scroll_width, culprits = page.evaluate(OVERFLOW_JS, width)
                if scroll_width > width or culprits:
                    problems.append(f"{width} px {address}: {scroll_width} px wide\n    " + "\n    ".join(culprits))
                cut = page.evaluate(CUT_SELECTS_JS)
                if cut:
                    problems.append(f"{width} px {address}: select cut off: {', '.join(cut)}")
        for language, name in (("sq", "people"), ("hy", "projects"), ("sq", "map")):
            page.goto(f"{moci_site.url}/{language}/{name}/")
            screenshot(page, f"phone-{width}-{language}-{name}.png")
    context.close()
    assert not problems, "\n".join(problems)


def test_the_header_is_one_row_from_1024_px_and_compact_below(moci_site, new_context, screenshot):
    context = new_context(viewport={"width": 1024, "height": 600})
    page = context.new_page()

    def box(selector):
        return page.locator(selector).bounding_box()

    for language in ("en", "de", "hy", "mk"):
        for width in LAPTOP_WIDTHS:
            page.set_viewport_size({"width": width, "height": 600})
            page.goto(f"{moci_site.url}/{language}/")
            header, menu, search = box(".site-header"), box(".main-menu"), box(".header-search input")
            where = f"{language} at {width} px"
            assert header["height"] < 100, f"{where}: the header is {header['height']} px tall"
            # The search box sits on the menu's row (its middle within the menu's height), not below it.
            middle = search["y"] + search["height"] / 2
            assert menu["y"] <= middle <= menu["y"] + menu["height"], f"{where}: menu {menu}, search {search}"
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            if width in (1024, 1280) and language in ("en", "hy"):
                page.locator(".site-header").screenshot(path=str(SCREENSHOTS / f"header-{width}-{language}.png"))
        # Below 1,024 px: compact (two rows, no menu button); on a phone the menu stays a popover.
        page.set_viewport_size({"width": 800, "height": 600})
        page.goto(f"{moci_site.url}/{language}/")
        assert box(".site-header")["height"] < 140
        assert not page.locator(".nav-toggle").is_visible()
        page.set_viewport_size({"width": 390, "height": 700})
        assert page.locator(".nav-toggle").is_visible()
        assert not page.locator(".main-menu").is_visible()
        page.locator(".nav-toggle").click()
        assert page.locator(".main-menu").is_visible()
    context.close()
