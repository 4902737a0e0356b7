"""Filling in the site's public forms (connect/) as a person does: the form is shown
first, so what is sent carries the stamp of when it was shown (connect/protect.py)."""

import re


def stamp(response):
    """The signed "shown" timestamp of the form in ``response``."""
    return re.search(r'name="shown" value="([^"]+)"', response.content.decode()).group(1)


def filled(client, url, defaults, **fields):
    """``defaults`` with ``fields`` changed (a field given None is left out), and the
    stamp of the form at ``url`` as just shown to ``client``."""
    data = {**defaults, "shown": stamp(client.get(url)), **fields}
    return {key: value for key, value in data.items() if value is not None}
