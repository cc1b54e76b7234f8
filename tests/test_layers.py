"""Layers, as executable contracts: import-linter reads them from pyproject.toml ([tool.importlinter]).

ui over the services over reports over storage, models and crypto; nothing below the interface imports
Qt; the interface never imports storage, keys or the schema. And no module imports another's private
names, by import or as `module._name` (a leading underscore means "not part of my interface").
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
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


def is_app_module(name: str) -> bool:
    """Whether `app.x.y` names a module or package of app/ (not a function or class inside one)."""
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def private_attributes(
    source: str, module: str, is_module: Callable[[str], bool] = is_app_module
) -> list[str]:
    """`y._name` where y is another app module imported as `import app.x as y` or `from app.x import y`.

    Only single-underscore names count (a dunder such as `__name__` is every module's interface)."""
    tree = ast.parse(source)
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {a.asname: a.name for a in node.names if a.asname and a.name.startswith("app.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "app":
            for a in node.names:
                if is_module(f"{node.module}.{a.name}"):
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and aliases[node.value.id] != module
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            out.append(f"{aliases[node.value.id]}.{node.attr}")
    return sorted(set(out))


def test_no_module_imports_another_modules_private_names() -> None:
    crossings = {}
    for path in (ROOT / "app").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        source = path.read_text(encoding="utf-8")
        found = private_imports(source, module) + private_attributes(source, module)
        if found:
            crossings[module] = found
    assert crossings == {}


def test_the_private_import_check_can_fail() -> None:
    assert private_imports("from app.services.cases import _erase\n", "app.services.retention") == [
        "app.services.cases._erase"
    ]
    assert private_imports("from app.services.cases import erase\n", "app.services.retention") == []


def test_the_private_attribute_check_can_fail() -> None:
    def modules(name: str) -> bool:
        return name in {"app.services.reports", "app.storage.database"}

    source = (
        "from app.services import reports\n"
        "import app.storage.database as db\n"
        "from app.services.reports import ReportData\n"
        "reports._release(ws, data, outputs)\n"
        "db._raw_connect(path)\n"
        "reports.release(ws)\n"
        "print(reports.__name__, ReportData._private, other._name)\n"
    )
    assert private_attributes(source, "app.services.exports", modules) == [
        "app.services.reports._release",
        "app.storage.database._raw_connect",
    ]
    assert private_attributes(source, "app.services.reports", modules) == [
        "app.storage.database._raw_connect"
    ]
    assert private_attributes("from app.services import reports\nreports._release()\n", "app.x") == [
        "app.services.reports._release"
    ]  # the real lookup of app/ finds the module
