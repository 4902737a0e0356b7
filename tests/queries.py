"""Counting the database queries of a request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, query=None):
    """The number of queries of one GET of ``url`` (with ``query``), which must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, query).status_code == 200
    return len(queries)
