"""What a wheel of Ascolto holds: every package of app/, the assets of resources/, no developer files."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def declared_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["setuptools"]["packages"])


def test_every_package_of_the_source_tree_is_declared() -> None:
    """The list is explicit (a mapped package cannot be found): a new sub-package must be added to it."""
    in_tree = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "app").rglob("__init__.py")
        if "__pycache__" not in path.parts
    }
    declared = set(declared_packages())
    assert in_tree - declared == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert declared - in_tree == {"app.resources"}
    assert not (ROOT / "app" / "resources").exists(), "assets live in resources/, installed as app.resources"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 and "No matching distribution found for setuptools" in result.stderr:
        pytest.skip("offline: pip cannot fetch the build backend (setuptools>=77) for an isolated build")
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("ascolto-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_ships_the_assets_as_app_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for asset in (
        "app/resources/__init__.py",
        "app/resources/codelists.json",
        "app/resources/ptable.json",
        "app/resources/ptable-2026.2.json",
        "app/resources/profile-export.schema.json",
        "app/resources/aggregate-package.schema.json",
        "app/resources/printed-texts.toml",
        "app/resources/passphrase-words.txt",
        "app/resources/fonts/DejaVuSans.ttf",
        "app/resources/icons/lock.svg",
        "app/resources/translations/ascolto_it.qm",
        "app/resources/translations/messages_it.json",
        "app/storage/migrations/script.py.mako",
    ):
        assert asset in names, asset
    assert any(name.endswith("licenses/LICENSE") for name in names)
    assert any(name.endswith("DejaVu-LICENSE.txt") for name in names)


def test_the_wheel_leaves_out_the_translators_files(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    assert not [name for name in names if name.endswith(".ts")]
    assert not [name for name in names if name.startswith(("tools/", "tests/", "resources/"))]
    assert not [name for name in names if "update_translations" in name]
