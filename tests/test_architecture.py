"""The folder tree is the architecture: each package has one role, dependencies point one way (down the layers
below), and no two modules import each other, even through an import deferred into a function."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mcds"

# Lower layers never import higher ones; a module may import its own layer (without a cycle).
LAYERS: dict[str, int] = {
    "mcds": 0, "mcds.errors": 0, "mcds.i18n": 0, "mcds.messages": 0, "mcds.util": 0,
    "mcds.standard": 1,
    "mcds.generators": 2, "mcds.validation": 2,
    "mcds.evolution": 3,
    "mcds.publish": 4, "mcds.exports": 4, "mcds.imports": 4,
    "mcds.harvest": 5, "mcds.service": 5,
    "mcds.portal": 6, "mcds.devtools": 6,
    "mcds.cli": 7, "mcds.__main__": 7,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """Every MCDS module `name` imports, wherever the import statement is (top level, function, TYPE_CHECKING)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
        else:
            continue
        found |= {target for target in targets if target in MODULES and target != name}
    return found


GRAPH = {name: imports(name) for name in MODULES}


def layer(name: str) -> int:
    while name not in LAYERS:
        name = name.rpartition(".")[0]
    return LAYERS[name]


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        assert layer(name) >= 0


def test_no_module_imports_a_layer_above_its_own() -> None:
    upward = sorted((name, target) for name, targets in GRAPH.items() for target in targets if layer(target) > layer(name))
    assert not upward, f"imports that point up the layers: {upward}"


def test_no_import_cycle_even_through_deferred_imports() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        for target in sorted(GRAPH[name]):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == name:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("module", ["mcds.validation", "mcds.standard", "mcds.publish", "mcds.evolution"])
def test_only_the_generators_import_linkml(module: str) -> None:
    for name, path in MODULES.items():
        if name.startswith(module):
            assert not re.search(r"^\s*(from|import) linkml", path.read_text(encoding="utf-8"), re.M), name
