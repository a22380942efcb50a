"""The package's layout stays true: layers import only downward, and no import makes a cycle.

The import graph is built from the source with :mod:`ast`, counting imports inside functions
too (a lazy import is still a dependency) but not those under ``if TYPE_CHECKING:``, which only
a type checker follows.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import civilframe

SRC = Path(civilframe.__file__).parent

#: The layers, highest first: a module may import from its own layer and the layers below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("civilframe", "civilframe.__main__"),
    ("civilframe.cli",),
    ("civilframe.export",),
    ("civilframe.render",),
    ("civilframe.analysis",),
    ("civilframe.profiles",),
    ("civilframe.reference",),
    ("civilframe.loading",),
    (
        "civilframe.model",
        "civilframe.errors",
        "civilframe.text",
        "civilframe._views",
        "civilframe._reprs",
        "civilframe._package",
        "civilframe._format",
    ),
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def layer(module: str) -> int:
    """The index in :data:`LAYERS` of the layer ``module`` belongs to."""
    for index, members in enumerate(LAYERS):
        if any(module == m or (m != "civilframe" and module.startswith(m + ".")) for m in members):
            return index
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for other in node.orelse:
                yield other
                yield from _nodes(other)
            continue
        yield node
        yield from _nodes(node)


def imports(module: str, source: str, *, package: bool) -> Iterator[tuple[str, int]]:
    """The civilframe modules ``module``'s source imports, each with the line of the import."""
    base = module.split(".") if package else module.split(".")[:-1]
    for node in _nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "civilframe":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - node.level + 1]
                target = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "civilframe":
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                # "from . import _views" names a module; "from .model import Level" a name
                yield (submodule if submodule in MODULES else target), node.lineno


def _graph() -> dict[str, list[tuple[str, int]]]:
    return {
        name: list(
            imports(name, path.read_text(encoding="utf-8"), package=path.name == "__init__.py")
        )
        for name, path in MODULES.items()
    }


def test_the_import_reader_sees_lazy_imports_and_skips_type_checking_ones() -> None:
    """An import inside a function counts; one under ``if TYPE_CHECKING:`` does not."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .model import Level\n"
        "from . import _views\n"
        "if TYPE_CHECKING:\n"
        "    from .cli import main\n"
        "def f():\n"
        "    from .analysis.find import search\n"
        "    import civilframe.export\n"
    )
    found = list(imports("civilframe.profiles", source, package=False))
    assert found == [
        ("civilframe.model", 2),
        ("civilframe._views", 3),
        ("civilframe.analysis.find", 7),
        ("civilframe.export", 8),
    ]


def test_every_module_belongs_to_a_layer() -> None:
    """Each module of the package sits in one layer of :data:`LAYERS`."""
    assert all(layer(module) >= 0 for module in MODULES)
    assert "civilframe.analysis.quotes.checker" in MODULES


def test_no_module_imports_from_a_higher_layer() -> None:
    """A module imports only from its own layer or the layers below it."""
    upward = [
        f"{module}:{line} imports {target}"
        for module, targets in _graph().items()
        for target, line in targets
        if layer(target) < layer(module)
    ]
    assert upward == []


def test_there_is_no_import_cycle() -> None:
    """Following imports from any module never leads back to it."""
    graph = {module: {target for target, _ in targets} for module, targets in _graph().items()}
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if target == module:
                continue
            if state.get(target) == "open":
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize(
    ("module", "target"),
    [("civilframe.model", "civilframe.render.notebook"), ("civilframe.loading", "civilframe.cli")],
)
def test_an_upward_import_would_be_caught(module: str, target: str) -> None:
    """The layer rule really tells an upward import from a downward one."""
    assert layer(target) < layer(module)
