"""The layers stay apart (docs/ARCHITECTURE.md): views → schemas → services → models/rules;
services are domain packages whose `__init__` names what others may use; the dashboard
only talks HTTP."""
from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ROOT / "api" / "services"
PACKAGES = sorted(p.name for p in SERVICES.iterdir() if (p / "__init__.py").exists())
CALLERS = [p for part in ("api", "data", "bench", "scripts", "tests")
           for p in sorted((ROOT / part).rglob("*.py"))]


def imported_modules(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, names) of each import in a file; relative ones resolved."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = (f"{base}.{node.module}" if node.module else base) if node.level else (
                node.module or "")
            found.append((node.lineno, module, [alias.name for alias in node.names]))
    return found


def owner(path: Path) -> str | None:
    """The services package a file belongs to, if any."""
    parts = path.relative_to(ROOT).parts
    return parts[2] if parts[:2] == ("api", "services") and len(parts) > 3 else None


def test_services_is_a_set_of_packages():
    flat = sorted(p.name for p in SERVICES.glob("*.py") if p.name != "__init__.py")
    assert flat == [], "a new module joins the package whose data it owns"
    assert len(PACKAGES) >= 8


@pytest.mark.parametrize("package", PACKAGES)
def test_package_exports_resolve(package):
    module = importlib.import_module(f"api.services.{package}")
    assert module.__all__ and all(hasattr(module, name) for name in module.__all__)


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_on_its_own(package):
    """Each package imports first in a fresh interpreter (no import-order accidents)."""
    done = subprocess.run([sys.executable, "-c", f"import api.services.{package}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_callers_use_only_what_a_package_exports():
    exports = {p: set(importlib.import_module(f"api.services.{p}").__all__) for p in PACKAGES}
    wrong = []
    for path in CALLERS:
        mine = owner(path)
        for line, module, names in imported_modules(path):
            parts = module.split(".")
            if parts[:2] != ["api", "services"] or len(parts) < 3 or parts[2] == mine:
                continue
            package = parts[2]
            if len(parts) == 3:
                wrong += [f"{path.relative_to(ROOT)}:{line} {module}.{n}"
                          for n in names if n not in exports[package]]
            elif len(parts) > 4 or parts[3] not in exports[package]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} {module} (private module)")
    assert wrong == []


def test_services_never_import_views_and_rules_never_import_services():
    wrong = []
    for path in sorted((ROOT / "api").rglob("*.py")):
        layer = path.relative_to(ROOT).parts[1]
        for line, module, _ in imported_modules(path):
            if (layer == "services" and module.startswith(("api.blueprints", "api.schemas"))) or (
                    layer == "rules" and module.startswith("api.") and not
                    module.startswith("api.rules")):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert wrong == []


def test_dashboard_is_only_an_api_client():
    wrong = [f"{path.relative_to(ROOT)}:{line} {module}"
             for path in sorted((ROOT / "dashboard").rglob("*.py"))
             for line, module, _ in imported_modules(path)
             if module.split(".")[0] in {"api", "face_engine", "peewee"}]
    assert wrong == []


@pytest.mark.parametrize("path", sorted(SERVICES.rglob("*.py")), ids=lambda p: str(
    p.relative_to(SERVICES)))
def test_service_modules_stay_small(path):
    assert len(path.read_text().splitlines()) <= 300
