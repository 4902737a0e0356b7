"""Small builders for the page tree tests need. Plain functions, no demo content."""

import io

from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.operations import TranslationCreator

from home.models import HomePage
from people.models import CommunityMapPage, OrganisationPage, PeopleIndexPage, PersonPage, Skill
from principles.models import PrinciplesPage
from projects.models import ProjectIndexPage, ProjectPage, Theme


def publish(page):
    page.save_revision().publish()
    return page


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def make_home():
    root = Page.get_first_root_node()
    # Wagtail's welcome page owns the "home" slug on a fresh database.
    for page in Page.objects.child_of(root).exclude(pk__in=HomePage.objects.values("pk")):
        page.delete()
    home = add(
        root,
        HomePage(
            title="MOCI",
            slug="home",
            hero_title="Community builders together",
            introduction="<p>A network of community builders.</p>",
        ),
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def make_image(title="Photo", colour=(11, 85, 99)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 500), colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower()}.png"), description=f"{title} description"
    )


def make_theme(slug="environment", name="Environment"):
    return Theme.objects.get_or_create(slug=slug, locale=Locale.get_default(), defaults={"name": name})[0]


def make_skill(slug="permaculture", name="Permaculture"):
    return Skill.objects.get_or_create(slug=slug, locale=Locale.get_default(), defaults={"name": name})[0]


def make_project_index(home):
    return add(home, ProjectIndexPage(title="Projects", slug="projects"))


def make_project(index, title, **fields):
    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("status", "ongoing")
    return add(index, ProjectPage(title=title, **fields))


def make_principles(home, count=9):
    principles = [("principle", {"title": f"Principle {n}", "text": f"Text {n}."}) for n in range(1, count + 1)]
    return add(
        home,
        PrinciplesPage(
            title="Principles",
            slug="principles",
            introduction="<p>We believe.</p>",
            principles=principles,
            how_we_function="<p>Lean.</p>",
            what_we_do="<p>Exchange.</p>",
        ),
    )


def make_people_index(home):
    return add(home, PeopleIndexPage(title="People", slug="people"))


def make_organisation(index, title, **fields):
    return add(index, OrganisationPage(title=title, **fields))


def make_person(index, title, **fields):
    return add(index, PersonPage(title=title, **fields))


def make_resource_index(home):
    from resources.models import ResourceIndexPage

    return add(home, ResourceIndexPage(title="Resources", slug="resources", introduction="Guides and tutorials."))


def make_resource(index, title, *, topics=(), related_projects=(), **fields):
    from resources.models import ResourcePage

    fields.setdefault("summary", f"Summary of {title}.")
    page = ResourcePage(title=title, **fields)
    page.topics = list(topics)
    page.related_projects = list(related_projects)
    return add(index, page)


def make_document(title="Checklist", content=b"Bring gloves.\n", name="checklist.txt"):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    document = get_document_model()(title=title, file=ContentFile(content, name=name))
    document.file_size = len(content)
    document.save()
    return document


def make_community_map(home):
    return add(home, CommunityMapPage(title="Community map", slug="map"))


def translate(page, locale, **fields):
    """A real wagtail-localize translation of ``page`` (not an alias) into ``locale``
    (a Locale or a language code), with ``fields`` set, published. Read again:
    its address follows the translated title (mocisite/slugs.py)."""
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    TranslationCreator(None, [locale]).create_translations(page)
    target = page.get_translation(locale).specific
    assert target.alias_of_id is None
    for name, value in fields.items():
        setattr(target, name, value)
    target.save_revision().publish()
    return type(target).objects.get(pk=target.pk)


def page_form_data(title, noun, **fields):
    """What the admin's form posts for a new page called ``title`` (its slug made from it,
    a summary naming the ``noun``, an empty story), with ``fields`` given or changed
    (StreamFields as ``streamfield([...])``)."""
    data = {"title": title, "slug": slugify(title), "summary": f"{title}: a {noun}.", "body": streamfield([])}
    return nested_form_data({**data, **fields})


def project_form_data(title, **fields):
    """:func:`page_form_data` for a project."""
    defaults = {"status": "planned", "place_name": "", "country": "", "partners": streamfield([])}
    return page_form_data(title, "project", **{**defaults, **fields})


def workshop_form_data(title, **fields):
    """:func:`page_form_data` for a workshop: one day, in Tirana's time zone, nowhere yet."""
    defaults = {
        **dict.fromkeys(["start_time", "end_date", "end_time", "place_name", "country", "location", "capacity"], ""),
        "date_precision": "exact",
        "start_date": "2027-03-27",
        "time_zone": "Europe/Tirane",
    }
    return page_form_data(title, "workshop", **{**defaults, **fields})
