"""The apps keep to their declared order: an app uses only itself and the apps to its left.

"Uses" is read from each app's Python files (migrations aside: the tables an app's migrations
touch are its own) in three ways:
- imports (`import X`, `from X import ...`, also inside functions);
- table names in SQL strings (`spatial_cluster` in a string with SQL keywords);
- ORM lookups through a reverse relation that a higher app owns (`overlay__compatibility` in
  proposals: the relation is declared by layers' ProposalOverlay), as keyword arguments or
  strings.
`config` and `tests` stand outside the order; `core` is a plain package under every app.
"""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# The declared order: core, then the project's apps as INSTALLED_APPS lists them.
ORDER = ["core", *(app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir())]
RANK = {app: rank for rank, app in enumerate(ORDER)}

TABLE = re.compile(r"\b(accounts|proposals|layers|spatial|negotiations|publishing)_[a-z_]+\b")
NOT_APP_TABLES = {"spatial_ref_sys"}  # PostGIS's own table, not the spatial app's
SQL = re.compile(r"\b(select|from|join|insert|update|delete|table|into|copy)\b", re.IGNORECASE)


def reverse_lookups() -> dict[str, str]:
    """{query name: owning app} of every relation that points into another app's model: the
    owner is the app that declares the field (e.g. "overlay" → layers)."""
    owners = {}
    for model in django_apps.get_models():
        owner = model._meta.app_label
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            target = field.related_model._meta.app_label
            hidden = (field.remote_field.related_name or "").endswith("+")
            if target == owner or owner not in RANK or hidden:
                continue
            owners[field.related_query_name()] = owner
    return owners


def _top_package(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are statements (docstrings, not code)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }


def _lookup_owner(name: str, lookups: dict[str, str]) -> str | None:
    head = name.split("__", 1)[0]
    return lookups.get(head) if "__" in name else None


def uses(source: str, lookups: dict[str, str]) -> list[tuple[str, str]]:
    """(app used, how) for everything `source` uses, however low or high."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        for package in _top_package(node):
            if package in RANK:
                found.append((package, f"imports {package} (line {node.lineno})"))
        if isinstance(node, ast.keyword) and node.arg:
            owner = _lookup_owner(node.arg, lookups)
            if owner:
                found.append((owner, f"looks up {node.arg} (line {node.value.lineno})"))
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in docstrings:
            continue
        owner = _lookup_owner(node.value, lookups)
        if owner and re.fullmatch(r"[a-z_]+(__[a-z_]+)+", node.value):
            found.append((owner, f"looks up {node.value!r} (line {node.lineno})"))
        if SQL.search(node.value):
            for match in TABLE.finditer(node.value):
                if match.group(0) in NOT_APP_TABLES:
                    continue
                found.append((match.group(1), f"reads {match.group(0)} (line {node.lineno})"))
    return found


def upward_edges(app: str, source: str, lookups: dict[str, str]) -> list[str]:
    """What in `source` (a module of `app`) uses an app to the right of `app`."""
    return [
        f"{app} → {used}: {how}"
        for used, how in uses(source, lookups)
        if used != app and RANK[used] > RANK[app]
    ]


def app_files(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path


def test_apps_use_only_themselves_and_the_apps_to_their_left():
    lookups = reverse_lookups()
    edges = []
    for app in ORDER:
        for path in app_files(app):
            for edge in upward_edges(app, path.read_text(), lookups):
                edges.append(f"{path.relative_to(ROOT)}: {edge}")
    order = " → ".join(ORDER)
    assert not edges, f"Upward edges (the order is {order}):\n" + "\n".join(edges)


def test_the_order_holds_every_app_of_the_project():
    assert all((ROOT / app / "__init__.py").exists() for app in ORDER)
    apps_with_models = {
        path.parent.name for path in ROOT.glob("*/models.py") if path.parent.name != "tests"
    }
    assert apps_with_models <= set(ORDER)
    assert ORDER[:3] == ["core", "accounts", "proposals"]
    assert ORDER.index("publishing") > ORDER.index("negotiations")


# --- the test of the test: the edges issue #9 found are reported -------------------------


@pytest.mark.parametrize(
    "app,source,expected",
    [
        ("proposals", "from layers.models import Compatibility\n", "proposals → layers"),
        (
            "proposals",
            "def read(raw):\n    from layers.models import Compatibility\n    return raw\n",
            "proposals → layers",
        ),
        (
            "proposals",
            "def f(qs, d):\n    return qs.filter(overlay__district_id=d)\n",
            "looks up overlay__district_id",
        ),
        (
            "proposals",
            "from django.db.models import F\nDISTRICT = F('overlay__district_name')\n",
            "looks up 'overlay__district_name'",
        ),
        (
            "layers",
            "SQL = 'SELECT c.id FROM spatial_cluster c WHERE c.dissolved_at IS NULL'\n",
            "layers → spatial: reads spatial_cluster",
        ),
        (
            "layers",
            "IDS = '''(SELECT string_agg(m.proposal_id::text, ';')\n"
            "    FROM spatial_clustermember m WHERE m.cluster_id = c.id)'''\n",
            "reads spatial_clustermember",
        ),
        ("core", "import accounts.selectors\n", "core → accounts"),
        ("layers", "from publishing import export\n", "layers → publishing"),
    ],
)
def test_upward_edges_are_reported(app, source, expected):
    edges = upward_edges(app, source, reverse_lookups())
    assert any(expected in edge for edge in edges), edges


def test_edges_to_the_left_and_docstrings_are_not_reported():
    source = (
        '"""Reads FROM spatial_cluster are described here, not made."""\n'
        "from proposals.models import Proposal\n"
        "from core.geojson import feature_collection\n"
        "SQL = 'SELECT id FROM layers_feature'\n"
        "def f(qs):\n    return qs.filter(overlay__compatibility='unknown')\n"
    )
    assert upward_edges("publishing", source, reverse_lookups()) == []
    assert upward_edges("layers", source.replace("overlay", "features"), reverse_lookups()) == []
