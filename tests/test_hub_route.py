"""The hub's route, where it is next, the workshops on the community map, and the
page cache of what changes with time: pages that show what is upcoming are kept
until the next start or end of a workshop (mocisite/cachekeys.py, expires_at),
and dropped at once when a workshop is published."""

import datetime
import json

import pytest

from django.utils import timezone, translation

from hub.models import HubPage, WorkshopPage
from mocisite.geo import Point
from people.map import MapFilterForm
from tests import factories

TIRANA = str(Point(41.3275, 19.8187))
SHKODER = str(Point(42.0683, 19.5126))
PELLUMBAS = str(Point(41.2183, 19.8864))
TEN, FOUR = datetime.time(10), datetime.time(16)


def make_hub(home):
    return factories.add(home, HubPage(title="The hub on the road", slug="hub", how_to_invite="Write to us."))


def make_workshop(hub, title, start_date, **fields):
    return factories.add(hub, WorkshopPage(title=title, summary="A workshop.", start_date=start_date, **fields))


def in_days(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


@pytest.fixture
def hub(home):
    return make_hub(home)


@pytest.fixture
def clock(monkeypatch):
    """Moves ``timezone.now`` (what the pages and the page cache read) to a given moment."""

    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


# The route


def test_the_route_lists_the_stops_with_a_point_in_date_order_past_marked(client, hub):
    make_workshop(hub, "Shkodër, later", in_days(30), location=SHKODER, place_name="Shkodër", country="AL")
    make_workshop(hub, "Pellumbas, long ago", datetime.date(2020, 9, 1), date_precision="season", location=PELLUMBAS)
    make_workshop(hub, "Tirana, soon", in_days(5), location=TIRANA, place_name="Tirana", country="AL")
    make_workshop(hub, "Nowhere on the map", in_days(8))
    response = client.get(hub.url)
    stops = response.context["stops"]
    assert [stop["title"] for stop in stops] == ["Pellumbas, long ago", "Tirana, soon", "Shkodër, later"]
    assert [stop["past"] for stop in stops] == [True, False, False]
    assert (stops[1]["lat"], stops[1]["lng"], stops[1]["place"]) == (41.3275, 19.8187, "Tirana, Albania")
    html = response.content.decode()
    # The map's data, in the page (no inline script: a JSON data block the CSP allows).
    start = html.index('<script id="route-stops" type="application/json">')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    assert [stop["url"] for stop in data] == [stop["url"] for stop in stops]
    assert data[0]["url"].endswith("/hub/pellumbas-long-ago/")
    # The same route as a list, for everybody (without JavaScript, the whole route).
    route = html[html.index('<ol class="route-stops">') : html.index("</ol>", html.index('<ol class="route-stops">'))]
    assert route.index("Pellumbas, long ago") < route.index("Tirana, soon") < route.index("Shkodër, later")
    assert route.count("route-stop--past") == 1
    assert "Nowhere on the map" not in route
    assert "mocisite/js/route-map.js" in html
    # Leaflet is not in the page: route-map.js fetches it when the map reaches the screen.
    assert 'src="/static/vendor/leaflet/leaflet.js"' not in html


def test_without_stops_on_the_map_no_route_and_no_script(client, hub):
    make_workshop(hub, "Nowhere on the map", in_days(8))
    html = client.get(hub.url).content.decode()
    assert "route-stops" not in html
    assert "route-map.js" not in html


# Where the hub is next, on the home page


def test_the_home_page_says_where_the_hub_is_next(client, home, hub):
    make_workshop(hub, "Later", in_days(40), place_name="Shkodër", country="AL")
    soon = make_workshop(hub, "Soon in Tirana", in_days(4), place_name="Tirana", country="AL")
    make_workshop(hub, "Long ago", datetime.date(2020, 9, 1), date_precision="season")
    response = client.get("/en/")
    assert response.context["hub_next"].pk == soon.pk
    html = response.content.decode()
    section = html[html.index('id="hub-next-title"') : html.index("</section>", html.index('id="hub-next-title"'))]
    assert f'href="{soon.url}"' in section
    assert "Soon in Tirana" in section and "Tirana, Albania" in section
    assert soon.when in section
    assert f'href="{hub.url}"' in section
    assert "Later" not in section and "Long ago" not in section


def test_with_no_dates_the_home_page_links_to_the_hub(client, home, hub):
    make_workshop(hub, "Long ago", datetime.date(2020, 9, 1), date_precision="season")
    html = client.get("/en/").content.decode()
    section = html[html.index('id="hub-next-title"') : html.index("</section>", html.index('id="hub-next-title"'))]
    assert "No dates announced yet." in section
    assert f'href="{hub.url}"' in section


def test_the_remembered_next_stop_changes_when_it_ends_without_a_publish(client, home, hub, clock):
    """With the page cache off, the home page's remembered parts (mocisite/memory.py) too."""
    soon = make_workshop(hub, "Soon", in_days(2), start_time=TEN, end_time=FOUR)
    assert client.get("/en/").context["hub_next"].title == "Soon"
    clock(soon.ends_at + datetime.timedelta(minutes=1))
    assert client.get("/en/").context["hub_next"] is None


# The page cache: kept until what is upcoming changes, dropped on publish


def cache_state(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response


@pytest.mark.parametrize("address", ["hub", "home", "map", "feed"])
def test_a_page_showing_what_is_upcoming_is_cached_until_a_workshop_starts_or_ends(
    client, home, hub, clock, settings, address
):
    """Served from the cache before the hour a workshop starts, computed again after it
    (and again after it ends, when the stop moves to the past): no publish in between."""
    settings.MOCI_PAGE_CACHE = True
    community_map = factories.make_community_map(home)
    url = {"hub": hub.url, "home": "/en/", "map": community_map.url, "feed": f"{community_map.url}geojson/"}[address]
    workshop = make_workshop(hub, "Soon", in_days(2), start_time=TEN, end_time=FOUR, location=TIRANA)
    assert cache_state(client, url)[0] == "miss"
    assert cache_state(client, url)[0] == "hit"
    clock(workshop.starts_at - datetime.timedelta(minutes=1))
    assert cache_state(client, url)[0] == "hit"
    clock(workshop.starts_at + datetime.timedelta(minutes=1))
    assert cache_state(client, url)[0] == "miss"
    assert cache_state(client, url)[0] == "hit"
    clock(workshop.ends_at + datetime.timedelta(seconds=1))
    state, response = cache_state(client, url)
    assert state == "miss"
    if address == "hub":
        assert response.context["next_stop"] is None
        assert [page.title for page in response.context["past"]] == ["Soon"]
        assert [stop["past"] for stop in response.context["stops"]] == [True]
    elif address == "home":
        assert response.context["hub_next"] is None
    elif address == "map":
        assert [place.status for place in response.context["places"] if place.kind == "workshop"] == ["past"]
    else:
        [feature] = [item for item in response.json()["features"] if item["properties"]["kind"] == "workshop"]
        assert (feature["properties"]["status"], feature["properties"]["upcoming"]) == ("past", False)
    # Nothing upcoming any more: kept until the next publish.
    clock(workshop.ends_at + datetime.timedelta(days=400))
    assert cache_state(client, url)[0] == "hit"


def test_a_workshop_page_is_cached_until_it_starts_then_until_it_ends(client, hub, clock, settings):
    settings.MOCI_PAGE_CACHE = True
    workshop = make_workshop(hub, "Soon", in_days(2), start_time=TEN, end_time=FOUR)
    assert cache_state(client, workshop.url)[0] == "miss"
    assert cache_state(client, workshop.url)[0] == "hit"
    clock(workshop.starts_at + datetime.timedelta(seconds=1))
    assert cache_state(client, workshop.url)[0] == "miss"
    assert cache_state(client, workshop.url)[0] == "hit"
    clock(workshop.ends_at)
    state, response = cache_state(client, workshop.url)
    assert (state, response.context["is_past"]) == ("miss", True)
    clock(workshop.ends_at + datetime.timedelta(days=30))
    assert cache_state(client, workshop.url)[0] == "hit"


def test_a_cdn_keeps_the_page_no_longer_than_the_site_does(client, hub, clock, settings):
    settings.MOCI_PAGE_CACHE = True
    settings.MOCI_PAGE_CACHE_SHARED_MAX_AGE = 300
    workshop = make_workshop(hub, "Soon", in_days(2), start_time=TEN, end_time=FOUR)
    clock(workshop.starts_at - datetime.timedelta(seconds=100))
    assert client.get(hub.url)["Cache-Control"].endswith("s-maxage=100")
    assert client.get(hub.url)["Cache-Control"].endswith("s-maxage=100")
    clock(workshop.starts_at - datetime.timedelta(days=1))
    assert client.get(hub.url)["Cache-Control"].endswith("s-maxage=300")


@pytest.mark.parametrize("address", ["hub", "home"])
def test_publishing_a_workshop_drops_the_cached_pages(client, home, hub, settings, address):
    settings.MOCI_PAGE_CACHE = True
    url = hub.url if address == "hub" else "/en/"
    make_workshop(hub, "Long ago", datetime.date(2020, 9, 1), date_precision="season")
    assert cache_state(client, url)[0] == "miss"
    assert cache_state(client, url)[0] == "hit"
    make_workshop(hub, "Newly announced", in_days(9))
    state, response = cache_state(client, url)
    assert state == "miss"
    assert "Newly announced" in response.content.decode()


# The community map


def test_workshops_are_a_kind_on_the_map_with_upcoming_or_past(client, home, hub):
    community_map = factories.make_community_map(home)
    make_workshop(hub, "Tirana, soon", in_days(5), location=TIRANA, place_name="Tirana", country="AL")
    make_workshop(hub, "Pellumbas, long ago", datetime.date(2020, 9, 1), date_precision="season", location=PELLUMBAS)
    make_workshop(hub, "Nowhere on the map", in_days(8))
    features = client.get(f"{community_map.url}geojson/").json()["features"]
    workshops = {item["properties"]["title"]: item["properties"] for item in features}
    assert set(workshops) == {"Tirana, soon", "Pellumbas, long ago"}
    assert workshops["Tirana, soon"]["kind"] == "workshop"
    assert (workshops["Tirana, soon"]["status"], workshops["Tirana, soon"]["upcoming"]) == ("upcoming", True)
    assert workshops["Pellumbas, long ago"]["status"] == "past"
    assert workshops["Pellumbas, long ago"]["when"] == "Autumn 2020"

    def titles(query):
        response = client.get(community_map.url, query)
        assert response.status_code == 200
        return [place.title for place in response.context["places"]]

    assert titles({"kind": "workshop", "when": "upcoming"}) == ["Tirana, soon"]
    assert titles({"when": "past"}) == ["Pellumbas, long ago"]
    feed = client.get(f"{community_map.url}geojson/", {"when": "upcoming"}).json()["features"]
    assert [item["properties"]["title"] for item in feed] == ["Tirana, soon"]
    assert client.get(community_map.url, {"when": "tomorrow"}).status_code == 200  # a form error, not a 500
    html = client.get(community_map.url).content.decode()
    assert 'class="map-marker map-marker--workshop" aria-hidden="true"></span>Workshop</li>' in html
    assert "map-marker--workshop map-marker--past" in html
    assert '<option value="upcoming">Upcoming</option>' in html


def test_the_filters_are_translated():
    with translation.override("sq"):
        form = MapFilterForm({})
        assert dict(form.fields["kind"].choices)["workshop"] == "Punëtori"
        assert dict(form.fields["when"].choices)["upcoming"] == "Të ardhshme"
    with translation.override("hy"):
        assert dict(MapFilterForm({}).fields["when"].choices)["past"] == "Անցած"
