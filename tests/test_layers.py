"""The apps stand in layers, and no import goes down-up.

``mocisite`` is the ground floor: it imports none of the project's other apps.
The feature apps stand on it and may import each other, without loops. ``seed``
(the organisation's texts and the commands that build the site from them) is
the top floor: it may import anything, and nothing imports it. Imports inside
functions count as well: a late import is still a dependency.
"""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GROUND = "mocisite"
TOP = "seed"
FEATURES = ["home", "principles", "projects", "people", "resources", "translations", "connect"]
APPS = [GROUND, *FEATURES, TOP]


def imported_apps(app):
    """{other app: ["path:line", ...]} for every import of another of our apps in ``app``."""
    found = {}
    for path in sorted((REPO / app).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module]
            else:
                continue
            for module in modules:
                other = module.split(".")[0]
                if other in APPS and other != app:
                    found.setdefault(other, []).append(f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def graph():
    return {app: imported_apps(app) for app in APPS}


def test_the_ground_floor_imports_no_app_above_it():
    assert imported_apps(GROUND) == {}


def test_nothing_imports_the_seed_app():
    assert {app: edges[TOP] for app, edges in graph().items() if TOP in edges} == {}


def test_nothing_imports_the_connect_app():
    """connect/ (the public forms) stands on people and mocisite; only the root URLconf
    names its URLs, as a string, and settings its app."""
    assert {app: edges["connect"] for app, edges in graph().items() if "connect" in edges} == {}


def test_no_import_loop_between_apps():
    edges = {app: set(found) for app, found in graph().items()}

    def loop_from(app, path):
        for other in sorted(edges[app]):
            if other in path:
                return [*path[path.index(other) :], other]
            found = loop_from(other, [*path, other])
            if found:
                return found
        return None

    assert {app: loop_from(app, [app]) for app in APPS} == dict.fromkeys(APPS)


def test_the_check_sees_imports_inside_functions():
    """setup_site once imported home.models inside a method; such imports count."""
    assert "projects" in imported_apps(TOP)
    assert any(where.startswith("seed/resources.py") for where in imported_apps(TOP)["resources"]), (
        "seed/resources.py imports resources.models inside load_resources"
    )
