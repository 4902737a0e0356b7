"""The apps stand in layers, and no import goes down-up.

``mocisite`` is the ground floor: it imports none of the project's other apps.
The feature apps stand on it and may import each other, without loops. ``seed``
(the organisation's texts and the commands that build the site from them) is
the top floor: it may import anything, and nothing imports it. Inside and
between the apps, no two modules import each other, directly or round a
circle. Imports inside functions count as well: a late import is still a
dependency (and it is how the circles these tests guard against once ran).
What is not an import statement is not seen: a dotted path handed to
``import_string`` (``FilteredIndexPage.filter_form``) or a model named by its
label (``"people.PersonPage"``).
"""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GROUND = "mocisite"
TOP = "seed"
FEATURES = ["home", "principles", "projects", "people", "resources", "translations", "connect", "hub", "feeds"]
APPS = [GROUND, *FEATURES, TOP]


def module_name(path):
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    """{dotted name: path} of every module of the apps (migrations included)."""
    return {module_name(path): path for app in APPS for path in sorted((REPO / app).rglob("*.py"))}


def imports_in(path):
    """(dotted name, line) of everything ``path`` imports, wherever the import stands;
    relative imports made absolute, ``from package import module`` as the module."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base] if base else parents)
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno  # a module, or a name in ``base``


def imported_apps(app):
    """{other app: ["path:line", ...]} for every import of another of our apps in ``app``."""
    found = {}
    for path in sorted((REPO / app).rglob("*.py")):
        for module, line in imports_in(path):
            other = module.split(".")[0]
            if other in APPS and other != app:
                where = f"{path.relative_to(REPO)}:{line}"
                if where not in found.get(other, []):
                    found.setdefault(other, []).append(where)
    return found


def graph():
    return {app: imported_apps(app) for app in APPS}


def module_graph():
    """{module: {module it imports: "path:line"}} over the project's own modules."""
    modules = project_modules()
    edges = {}
    for name, path in modules.items():
        edges[name] = {}
        for target, line in imports_in(path):
            while target and target not in modules:  # a name in a module: the module
                target = target.rpartition(".")[0]
            if target and target != name:
                edges[name].setdefault(target, f"{path.relative_to(REPO)}:{line}")
    return edges


def import_circles(edges):
    """Every group of modules that import each other round a circle (Tarjan's
    strongly connected components of more than one module), each sorted."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(edges[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return circles


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


def test_no_import_loop_between_modules():
    """No module imports, directly or through others, a module that imports it."""
    edges = module_graph()
    circles = {
        " <-> ".join(group): [f"{a} -> {b} ({edges[a][b]})" for a in group for b in group if b in edges[a]]
        for group in import_circles(edges)
    }
    assert circles == {}


def test_the_check_sees_imports_inside_functions():
    """setup_site once imported home.models inside a method; such imports count."""
    assert "projects" in imported_apps(TOP)
    assert any(where.startswith("seed/resources.py") for where in imported_apps(TOP)["resources"]), (
        "seed/resources.py imports resources.models inside load_resources"
    )
    # Between modules too, relative imports included: mocisite.utils imports .memory in a function.
    assert "mocisite.memory" in module_graph()["mocisite.utils"]


def test_the_circle_finder_finds_circles():
    edges = {"a": {"b": ""}, "b": {"c": ""}, "c": {"a": ""}, "d": {"a": ""}, "e": {"e": ""}}
    assert import_circles(edges) == [["a", "b", "c"]]
