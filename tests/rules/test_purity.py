"""The rules package stays pure: stdlib + holidays only, no clock reads, small modules."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[2] / "api" / "rules"
MODULES = sorted(RULES.glob("*.py"))
ALLOWED = set(sys.stdlib_module_names) | {"holidays", "hijridate", "api"}
CLOCK_READS = {"now", "today", "utcnow", "time", "monotonic", "perf_counter"}


def _imports(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_only_stdlib_and_holidays(path):
    imports = _imports(ast.parse(path.read_text()))
    assert {name.split(".")[0] for name in imports} <= ALLOWED
    # Inside the project only sibling rule modules: never the Flask app or the models.
    assert all(n.startswith("api.rules") for n in imports if n.split(".")[0] == "api")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_clock_reads(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in CLOCK_READS, f"{path.name}:{node.lineno}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= 300


def test_package_exports_resolve():
    import api.rules as rules

    assert all(hasattr(rules, name) for name in rules.__all__)
