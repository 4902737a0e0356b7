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
