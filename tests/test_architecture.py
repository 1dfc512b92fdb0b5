"""The layers' arrows run one way (ARCHITECTURE.md): the interfaces (ui/, cli/) over the domain
(app/) over the database (db/), the two interfaces apart, app/ without Qt, and no circle of files
importing each other. Every import counts, also those made inside functions."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("db", "app", "ui", "cli")
# What each layer may import of the others.
ALLOWED = {
    "db": set(),
    "app": {"db"},
    "ui": {"app", "db"},
    "cli": {"app", "db"},
}


@cache
def modules() -> dict[str, Path]:
    found = {}
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # Alembic's scripts are loaded by Alembic, not imported
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _resolve(name: str) -> str | None:
    """The module of ours that `name` names (a module, or a name inside a package's
    __init__), or None for another project's."""
    while name:
        if name in modules():
            return name
        name = name.rpartition(".")[0]
    return None


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


@cache
def imports_of(module: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every module of ours it imports, those imported at run time, not for type checking)."""
    path = modules()[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    everything, at_run_time = set(), set()

    def visit(node: ast.AST, checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                # `from pkg import sub` runs pkg/__init__.py first: an import of pkg too.
                names = [base] + [f"{base}.{alias.name}" for alias in child.names]
            for name in names:
                target = _resolve(name)
                if target and target != module:
                    everything.add(target)
                    if not checking:
                        at_run_time.add(target)
            visit(child, checking or _type_checking(child))

    visit(tree, False)
    return frozenset(everything), frozenset(at_run_time)


def test_every_arrow_points_down_and_the_interfaces_stay_apart():
    wrong = []
    for module in modules():
        layer = module.split(".")[0]
        for target in imports_of(module)[0]:
            other = target.split(".")[0]
            if other != layer and other not in ALLOWED[layer]:
                wrong.append(f"{module} → {target}")
    assert wrong == []


def test_the_interfaces_ask_the_domain_instead_of_querying_the_models():
    """ui/ and cli/ open the database and run transactions (db.database, db.transactions), but
    what they read and write goes through app/ services, where the rules are."""
    wrong = [
        f"{module} → db.models"
        for module in modules()
        if module.split(".")[0] in ("ui", "cli") and "db.models" in imports_of(module)[0]
    ]
    assert wrong == []


def test_the_domain_and_the_database_never_import_qt():
    wrong = []
    for module, path in modules().items():
        if module.split(".")[0] in ("app", "db", "cli"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                wrong += [f"{module} → {n}" for n in names if n.startswith("PySide6")]
    assert wrong == []


def test_no_circle_of_files_imports_itself():
    graph = {module: imports_of(module)[1] for module in modules()}
    assert _circles(graph) == []


def test_the_walk_sees_imports_inside_functions_and_circles():
    assert (
        "db.database" in imports_of("db.migrate")[0] or "db.engine" in imports_of("db.migrate")[0]
    )
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _circles(graph: dict[str, frozenset[str] | set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(found)
