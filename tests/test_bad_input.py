"""Bad input never yields a 500: property-based tests (hypothesis) over the public addresses of the MOCI
site and their query parameters, cookies and headers, and the language switch.

Deterministic (``derandomize``) and bounded, so the module runs in seconds; run it on PostgreSQL too
(``DATABASE_URL=postgresql://…``), where a null byte in a query is an error SQLite lets through.
Oversized uploads are in tests/test_security.py."""

from urllib.parse import quote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail.models import Page

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "sq", "de"]
PARAMETERS = ["q", "page", "country", "theme", "status", "skill", "need", "kind", "topic"]
# Values that have broken web applications before: SQL, traversal, markup, encodings, control characters,
# numbers out of range, and sizes out of proportion.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "\r\n",
    "\t\x0b\x0c\x1b\x7f",
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    '" UNION SELECT password FROM auth_user --',
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "<script>alert(1)</script>",
    "{{ 7*7 }}{% debug %}",
    "${jndi:ldap://x}",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "٣",
    "Shtëpitë e vjetra",
    "ქართული",
    "Հայերեն",
    "\u202eevil",
    "\ufeff",
    "😀" * 50,
    "x" * 5000,
    "%",
    "%zz",
    "%E2%82",
    "&&==&",
    "[]",
    "{}",
]
# Raw query strings that no form would send (not percent-encoded by the test).
RAW_QUERIES = ["%", "%zz", "q=%E2%82", "q=%00", "page=%00", "&&&", "=x", "q", "q=%FF%FE", "page=1&page=2&page=x"]
# The pages (and feed) that read query parameters.
FILTERED = ("/projects/", "/people/", "/resources/", "/map/", "/map/geojson/", "/search/")
# The example budget: enough to find the usual mistakes, small enough to stay in seconds.
BUDGET = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)  # any Unicode that UTF-8 can carry
values = st.one_of(st.sampled_from(NASTY), text, st.integers().map(str))
names = st.one_of(st.sampled_from(PARAMETERS), text.filter(bool))


@pytest.fixture(scope="module")
def public_paths(moci_content, django_db_blocker):
    """Every live page of the MOCI site in three languages, the feeds, search, sitemap, the root,
    and addresses under languages the site does not serve."""
    with django_db_blocker.unblock():
        pages = Page.objects.live().filter(depth__gte=2, locale__language_code__in=LANGUAGES)
        paths = sorted({urlsplit(page.url).path for page in pages if page.url})
    assert len(paths) > 20, paths
    extra = [f"/{code}/{suffix}" for code in LANGUAGES for suffix in ("search/", "map/geojson/")]
    unknown = ["/xx/", "/fr/", "/fr/projects/", "/zz-zz/", "/en-gb/", "/sq-al/map/", "/EN/", "/%00/", "/..%2F/"]
    return [*paths, *extra, "/", "/sitemap.xml", "/robots.txt", *unknown]


def assert_not_an_error(response, request):
    assert response.status_code < 500, f"{response.status_code} for {request!r}"


def get(client, path, query="", **headers):
    response = client.get(f"{path}?{query}" if query else path, headers=headers)
    assert_not_an_error(response, (path, query, headers))
    return response


def encode(pairs):
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


def test_filtered_addresses_answer_every_nasty_value(client, public_paths):
    """The addresses that read parameters (indexes, map, feed, search), each with every nasty value
    in every parameter at once: the systematic part. (The random tests cover the other languages.)"""
    filtered = [path for path in public_paths if path.startswith("/en/") and path.endswith(FILTERED)]
    assert len(filtered) >= 6, filtered
    for path in [*filtered, "/sq/search/", "/sq/map/geojson/", "/", "/xx/"]:
        for value in NASTY:
            get(client, path, encode([(name, value) for name in PARAMETERS]))
        for query in RAW_QUERIES:
            get(client, path, query)


@BUDGET
@given(data=st.data())
def test_query_parameters_never_cause_a_server_error(client, public_paths, data):
    path = data.draw(st.sampled_from(public_paths), label="path")
    pairs = data.draw(st.lists(st.tuples(names, values), max_size=6), label="parameters")
    get(client, path, encode(pairs))


@BUDGET
@given(data=st.data())
def test_malformed_addresses_never_cause_a_server_error(client, public_paths, data):
    """Addresses under the real ones (/en/projects/<anything>/), with unknown or broken language prefixes."""
    base = data.draw(st.sampled_from(public_paths), label="base")
    segment = data.draw(st.one_of(st.sampled_from(NASTY), text), label="segment")
    prefix = data.draw(st.sampled_from(["", "/xx", "/fr", "/en", "/%00", "/.."]), label="prefix")
    path = f"{prefix}{base}{quote(segment, safe='')}/".replace("//", "/")
    get(client, path)


@settings(BUDGET, max_examples=60)
@given(data=st.data())
def test_language_headers_and_cookies_never_cause_a_server_error(client, public_paths, data):
    path = data.draw(st.sampled_from(["/", "/en/", "/sq/projects/", "/en/search/", *public_paths[:5]]))
    language = data.draw(st.one_of(st.sampled_from(NASTY), text), label="language")
    header = language.encode("latin-1", "replace").decode("latin-1").replace("\r", "").replace("\n", "")
    client.cookies["moci_language"] = quote(language, safe="")
    get(client, path, **{"Accept-Language": header})


@BUDGET
@given(
    language=st.one_of(st.sampled_from(["en", "sq", "de", "xx", "sr-latn", "EN", *NASTY]), text),
    page=st.one_of(st.sampled_from(["1", "3", "-1", "99999999999999999999", "1e309", *NASTY]), text),
    next_url=st.one_of(
        st.sampled_from(["/en/", "/en/projects/", "//evil.example/", "https://evil.example/", "javascript:alert(1)"]),
        st.sampled_from(NASTY),
        text,
    ),
)
def test_language_switch_never_causes_a_server_error(client, moci_content, language, page, next_url):
    response = client.post("/i18n/setlang/", {"language": language, "page": page, "next": next_url})
    assert_not_an_error(response, (language, page, next_url))
    if response.status_code == 302:
        # Wherever it goes, it stays on this site.
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
