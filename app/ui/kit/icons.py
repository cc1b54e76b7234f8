"""SVG icons (crisp at any scale factor), loaded once by name from resources/icons/."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

# Qt wants file paths: the resources are plain files in the source tree, a wheel and the bundle alike.
ICONS_DIR = Path(str(resources.files("app.resources").joinpath("icons")))


@cache
def icon(name: str) -> QIcon:
    """The icon, plus its white variant for selected items where one exists (`<name>-selected.svg`)."""
    result = QIcon(str(ICONS_DIR / f"{name}.svg"))
    selected = ICONS_DIR / f"{name}-selected.svg"
    if selected.exists():
        result.addFile(str(selected), QSize(), QIcon.Mode.Selected)
    return result


def icon_path(name: str) -> str:
    """For style sheets, which want a file path with forward slashes."""
    return (ICONS_DIR / f"{name}.svg").as_posix()
