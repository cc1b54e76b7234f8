"""Every file and folder dialog of the reports, network and backup pages goes through here.

Like `messages.ask`, a test presets the answer with `set_next(path)` (a Path, a list of Paths or None
for "cancelled"); the next dialog returns it at once instead of opening. Without a preset answer the
real, modal dialog is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_next: list[object] = []


def set_next(answer: Path | list[Path] | None) -> None:
    _next.append(answer)


def reset() -> None:
    _next.clear()


def _preset() -> tuple[bool, object]:
    if _next:
        return True, _next.pop(0)
    return False, None


def save_file(parent: QWidget | None, title: str, suggested: Path, name_filter: str) -> Path | None:
    found, answer = _preset()
    if found:
        return answer if isinstance(answer, Path) else None
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    return Path(name) if name else None


def open_file(parent: QWidget | None, title: str, folder: Path, name_filter: str) -> Path | None:
    found, answer = _preset()
    if found:
        return answer if isinstance(answer, Path) else None
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), name_filter)
    return Path(name) if name else None


def open_files(parent: QWidget | None, title: str, folder: Path, name_filter: str) -> list[Path]:
    found, answer = _preset()
    if found:
        return list(answer) if isinstance(answer, list) else []
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(folder), name_filter)
    return [Path(n) for n in names]


def folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    found, answer = _preset()
    if found:
        return answer if isinstance(answer, Path) else None
    name = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(name) if name else None
