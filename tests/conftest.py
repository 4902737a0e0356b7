import pytest

from tests import factories


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def project_index(home):
    return factories.make_project_index(home)


@pytest.fixture
def people_index(home):
    return factories.make_people_index(home)


@pytest.fixture
def full_tree(home):
    index = factories.make_project_index(home)
    people = factories.make_people_index(home)
    image = factories.make_image()
    theme = factories.make_theme()
    skill = factories.make_skill()
    project = factories.make_project(
        index,
        "Precious Plastic",
        image=image,
        place_name="Tirana",
        country="AL",
        themes=[theme],
        body=[("paragraph", "<p>Shredders and moulds.</p>")],
    )
    organisation = factories.make_organisation(people, "Uzina", skills=[skill], photo=image, place_name="Tirana")
    person = factories.make_person(people, "Arta", organisation=organisation, needs=[skill])
    principles = factories.make_principles(home)
    return {
        "home": home,
        "index": index,
        "project": project,
        "people": people,
        "organisation": organisation,
        "person": person,
        "principles": principles,
    }
