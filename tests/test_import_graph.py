"""No package imports itself in a circle: a module can be read, tested and loaded on its own.

import-linter holds the lines between the packages (pyproject.toml); this holds the order
inside each. Imports inside functions count too: a circle hidden in a function is still one.
"""

from __future__ import annotations

import grimp
import pytest


def _circle(graph: grimp.ImportGraph, package: str) -> list[str] | None:
    """One import circle among ``package``'s modules, or None."""
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    state: dict[str, int] = {}  # 1 visiting, 2 done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith(package + "."):
                continue
            if state.get(imported) == 1:
                return [*path[path.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in modules:
        if module not in state and (found := visit(module)):
            return found
    return None


@pytest.mark.parametrize("package", ["switchboard", "db", "ui", "hardware", "console"])
def test_no_import_circle_inside_a_package(package: str) -> None:
    graph = grimp.build_graph(package, exclude_type_checking_imports=True)  # annotations only: no circle
    assert _circle(graph, package) is None


def test_a_circle_is_found() -> None:
    """The check itself sees a circle when there is one."""
    graph = grimp.ImportGraph()
    for name in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(name)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _circle(graph, "pkg") == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
