"""The package's layers, read from the source: no import cycles, and each layer imports only below it.

Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGES = ("crawler", "scoring")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def imported_names(path: Path) -> Iterator[str]:
    """Every module name an ``import`` or ``from ... import`` in the file names (at any depth)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def project_module(target: str) -> str:
    """The project module an imported name lives in ('' outside the project)."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target


def project_imports(name: str) -> set[str]:
    """The project modules that module ``name`` imports (``from pkg import mod`` names ``pkg.mod``).

    A module's own parent packages are left out: Python imports them before the module anyway.
    """
    found = {project_module(target) for target in imported_names(MODULES[name])}
    return {t for t in found if t and t != name and not name.startswith(t + ".")}


GRAPH = {name: project_imports(name) for name in MODULES}


def cycle_from(start: str) -> list[str] | None:
    """A chain of imports that leads from ``start`` back to it, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(GRAPH[node]):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def external_imports(prefix: str) -> Iterator[tuple[str, str]]:
    """``(module, imported name)`` for every module under ``prefix``."""
    for name, path in MODULES.items():
        if name == prefix or name.startswith(prefix + "."):
            for target in imported_names(path):
                yield name, target


def test_no_import_cycles():
    cycles = [c for c in (cycle_from(name) for name in sorted(GRAPH)) if c]
    assert cycles == [], " -> ".join(cycles[0]) if cycles else ""


@pytest.mark.parametrize(
    "layer, forbidden",
    [
        ("scoring", ("crawler", "scrapy", "twisted", "click", "redis")),
        ("crawler.services", ("click", "crawler.cli")),
        ("crawler.storage", ("scoring", "click", "crawler.services", "crawler.cli", "crawler.engine")),
        ("crawler.engine", ("click", "crawler.services", "crawler.cli")),
        ("crawler.spiders", ("click", "crawler.services", "crawler.cli")),
        ("crawler.distributed", ("click", "crawler.services", "crawler.cli")),
        ("crawler.extract", ("scoring", "click", "scrapy", "twisted", "crawler.storage", "crawler.services")),
        # the sample blogosphere ships for `blogscout demo`: plain data and an HTTP server, nothing of the
        # crawler above the extraction helpers, and nothing of the test worlds (tests/worlds, not shipped)
        (
            "crawler.sandbox",
            (
                "scoring",
                "click",
                "scrapy",
                "twisted",
                "redis",
                "crawler.cli",
                "crawler.web",
                "crawler.services",
                "crawler.storage",
                "crawler.engine",
                "crawler.spiders",
                "crawler.distributed",
                "worlds",
                "tests",
            ),
        ),
    ],
)
def test_layer_imports_nothing_above_it(layer, forbidden):
    wrong = [
        (module, target)
        for module, target in external_imports(layer)
        if any(target == f or target.startswith(f + ".") for f in forbidden)
        and project_module(target) not in SHARED_LEAVES
    ]
    assert wrong == []


# Leaf modules every layer may use: they import nothing from the project.
SHARED_LEAVES = ("scoring.language",)  # the one language guesser and code normaliser


@pytest.mark.parametrize("leaf", SHARED_LEAVES)
def test_shared_leaves_import_nothing_from_the_project(leaf):
    assert GRAPH[leaf] == set()


@pytest.mark.parametrize(
    "layer, allowed",
    [
        # the command line imports services, named errors, the defaults, itself and the web front end it starts
        ("crawler.cli", ("crawler.cli", "crawler.services", "crawler.errors", "crawler.defaults", "crawler.web")),
        # the report and the web app render what services return
        ("crawler.web", ("crawler.web", "crawler.services", "crawler.errors", "crawler.defaults")),
    ],
)
def test_front_end_calls_only_services(layer, allowed):
    """The front ends hold no logic of their own."""
    wrong = [
        (module, target)
        for module, target in external_imports(layer)
        if target.split(".")[0] in PACKAGES and project_module(target) != "crawler" and not target.startswith(allowed)
    ]
    assert wrong == []


def test_empty_cycle_from_a_module_without_imports():
    assert GRAPH["crawler.errors"] == set() and cycle_from("crawler.errors") is None


@pytest.mark.parametrize("leaf", ["crawler.errors", "crawler.defaults"])
def test_errors_and_defaults_are_leaves_every_layer_may_import(leaf):
    assert GRAPH[leaf] == set()
