"""Seeding: the MOCI site's first content and the code that builds it.

The top layer of the project. ``mocisite`` (the ground floor) and the feature
apps (``home``, ``principles``, ``projects``, ``people``, ``resources``,
``translations``) never import it; it imports them all, so the site's texts
and the loaders that place them in the page tree live here and nowhere below.

- ``english/``: the site's texts in English (the source language), retold
  from the organisation's own texts, one module per kind: ``pages.py`` (home,
  principles, map, menu, footer), ``projects.py`` (projects, themes, partners,
  places), ``profiles.py`` (the directory, organisations, skills).
- ``albanian/``: the Albanian catalogue, every English string of the site, in
  the same three modules.
- ``resources.py``: the first guides of the resources library and their
  Albanian, with ``load_resources``.
- ``translation.py``: ``translate_site``, which stores a catalogue as
  wagtail-localize translations.
- ``bulk.py``: ``grow_site``, generated projects, people and resources for a
  bigger site, written in bulk by ``tree_writer.py`` (``TreeWriter``).
- ``management/commands/``: ``load_moci_content`` and ``grow_content``.
"""
