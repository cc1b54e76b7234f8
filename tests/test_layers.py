"""Layers, as executable contracts: import-linter reads them from pyproject.toml ([tool.importlinter]).

ui over the services over reports over storage, models and crypto; nothing below the interface imports
Qt; the interface never imports storage, keys or the schema. And no module imports another's private
names (a leading underscore means "not part of my interface").
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert result.stdout.count(" KEPT") == 3  # every contract of pyproject.toml was checked


def private_imports(source: str, module: str) -> list[str]:
    """`from app.x import _name` where app.x is another module (or its package)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("app"):
            if node.module == module:
                continue
            out += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and a.name != "__version__"
            ]
    return out


def test_no_module_imports_another_modules_private_names() -> None:
    crossings = {}
    for path in (ROOT / "app").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found = private_imports(path.read_text(encoding="utf-8"), module)
        if found:
            crossings[module] = found
    assert crossings == {}


def test_the_private_import_check_can_fail() -> None:
    assert private_imports("from app.services.cases import _erase\n", "app.services.retention") == [
        "app.services.cases._erase"
    ]
    assert private_imports("from app.services.cases import erase\n", "app.services.retention") == []
