"""Each profile suggests peers: those whose skills meet its needs, and those who need
its skills. Shared terms are listed in the order the profile lists its own (by name)."""

import pytest

from mocisite.languages import ensure_locales, synchronise_trees
from tests import factories
from tests.queries import count_queries


@pytest.fixture
def network(people_index):
    permaculture = factories.make_skill("permaculture", "Permaculture")
    space = factories.make_skill("workshop-space", "A space for workshops")
    carpentry = factories.make_skill("carpentry", "Carpentry")
    uzina = factories.make_organisation(people_index, "Uzina", skills=[space], needs=[permaculture, carpentry])
    arta = factories.make_person(people_index, "Arta", skills=[permaculture, carpentry], needs=[space])
    jonas = factories.make_person(people_index, "Jonas", skills=[permaculture])
    factories.make_person(people_index, "Mira", skills=[], needs=[])
    return {"uzina": uzina, "arta": arta, "jonas": jonas}


def peers(response, key):
    return [(peer.title, [term.name for term in peer.matched]) for peer in response.context[key]]


def test_profile_suggests_who_can_help_best_match_first(client, network):
    response = client.get(network["uzina"].url)
    assert peers(response, "helpers") == [("Arta", ["Carpentry", "Permaculture"]), ("Jonas", ["Permaculture"])]
    assert peers(response, "helped") == [("Arta", ["A space for workshops"])]
    html = response.content.decode()
    assert 'aria-labelledby="peers-heading"' in html
    assert f'href="{network["arta"].url}">Arta</a>' in html


def test_a_profile_never_suggests_itself_or_unpublished_peers(client, network):
    network["jonas"].unpublish()
    response = client.get(network["arta"].url)
    assert peers(response, "helpers") == [("Uzina", ["A space for workshops"])]
    assert peers(response, "helped") == [("Uzina", ["Carpentry", "Permaculture"])]
    assert "Arta" not in [title for title, _ in peers(response, "helpers") + peers(response, "helped")]


def test_a_profile_without_skills_or_needs_shows_no_peers_section(client, network, people_index):
    mira = people_index.get_children().get(title="Mira")
    response = client.get(mira.url)
    assert response.context["helpers"] == response.context["helped"] == []
    assert "peers-heading" not in response.content.decode()


def test_peers_are_suggested_in_the_visitors_language(client, network):
    ensure_locales()
    synchronise_trees()
    german_uzina = network["uzina"].get_translation(network["uzina"].locale.__class__.objects.get(language_code="de"))
    response = client.get(german_uzina.url)
    suggested = response.context["helpers"]
    assert [peer.title for peer in suggested] == ["Arta", "Jonas"]
    assert all(peer.locale_id == german_uzina.locale_id for peer in suggested)
    assert all(peer.url.startswith("/de/") for peer in suggested)


def test_peer_queries_do_not_grow_with_the_network(client, network, people_index):
    client.get(network["uzina"].url)
    small = count_queries(client, network["uzina"].url)
    skill = factories.make_skill("carpentry", "Carpentry")
    for number in range(20):
        factories.make_person(people_index, f"Carpenter {number}", skills=[skill])
    client.get(network["uzina"].url)  # a publish: the first view reads the site again
    assert count_queries(client, network["uzina"].url) == small
