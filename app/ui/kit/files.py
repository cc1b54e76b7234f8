"""Every file and folder dialog of the application goes through here, and leaves no history.

Like `messages.ask`, a test presets the answer with `set_next(path)` (a Path, a list of Paths or None
for "cancelled"); the next dialog returns it at once instead of opening. Without a preset answer the
real, modal dialog is shown.

Where she saved a subject-access copy or a recovery key is itself sensitive on a shared PC. So the
dialogs are Qt's own (`DontUseNativeDialog`: the Windows dialog keeps recent folders in the registry,
GTK's in recently-used.xbel), start with an empty history, and Qt's own memory of them (the `FileDialog`
group of the user's `QtProject` settings: last folder, history, sidebar, view) is put back exactly as it
was before the dialog opened, so another user of the PC account finds no trace of the folders chosen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from shiboken6 import Shiboken

from app.fs import safe_file_name
from app.ui.kit import messages

QT_SETTINGS_ORGANISATION = "QtProject"  # where QFileDialog keeps its state (Qt's own choice)
QT_DIALOG_GROUP = "FileDialog"

_next: list[object] = []


def set_next(answer: Path | list[Path] | None) -> None:
    _next.append(answer)


def reset() -> None:
    _next.clear()


def _preset() -> tuple[bool, object]:
    if _next:
        return True, _next.pop(0)
    return False, None


def save_file(
    parent: QWidget | None, title: str, suggested: Path, name_filter: str, personal: bool = False
) -> Path | None:
    """The path she chose, or None. `personal`: the file holds names; a synced folder is questioned."""
    found, answer = _preset()
    if found:
        path = answer if isinstance(answer, Path) else None
    else:
        names = _run(parent, title, str(suggested), name_filter, QFileDialog.FileMode.AnyFile, save=True)
        path = Path(names[0]) if names else None
    if path is not None and personal and not keep_if_synced(parent, path):
        return None
    return path


def keep_if_synced(parent: QWidget | None, path: Path) -> bool:
    """A file with personal data about to be saved in a synced folder: she confirms, or it is not saved."""
    from app.services.files import synced_destination  # the dialogs load before the services

    synced = synced_destination(path)
    if synced is None:
        return True
    answer = messages.ask(
        parent,
        QCoreApplication.translate("FileDialogs", "Folder synced to the cloud"),
        QCoreApplication.translate(
            "FileDialogs",
            "This folder is kept in sync by a cloud service ({marker}): a file saved here, with the names "
            "it contains, will be copied off this PC. Save it here anyway?",
        ).format(marker=synced),
    )
    return answer == messages.Button.Yes


def open_file(parent: QWidget | None, title: str, folder: Path, name_filter: str) -> Path | None:
    found, answer = _preset()
    if found:
        return answer if isinstance(answer, Path) else None
    names = _run(parent, title, str(folder), name_filter, QFileDialog.FileMode.ExistingFile)
    return Path(names[0]) if names else None


def open_files(parent: QWidget | None, title: str, folder: Path, name_filter: str) -> list[Path]:
    found, answer = _preset()
    if found:
        return list(answer) if isinstance(answer, list) else []
    return [
        Path(n) for n in _run(parent, title, str(folder), name_filter, QFileDialog.FileMode.ExistingFiles)
    ]


def folder(parent: QWidget | None, title: str, start: Path) -> Path | None:
    found, answer = _preset()
    if found:
        return answer if isinstance(answer, Path) else None
    names = _run(parent, title, str(start), "", QFileDialog.FileMode.Directory)
    return Path(names[0]) if names else None


def save_file_name(
    parent: QWidget | None, title: str, suggested: str, name_filter: str, personal: bool = False
) -> str:
    """`QFileDialog.getSaveFileName` without history: the path chosen, or '' if she cancelled (or, for a
    `personal` file in a synced folder, would not save it there)."""
    names = _run(parent, title, suggested, name_filter, QFileDialog.FileMode.AnyFile, save=True)
    if names and personal and not keep_if_synced(parent, Path(names[0])):
        return ""
    return names[0] if names else ""


def _run(
    parent: QWidget | None,
    title: str,
    start: str,
    name_filter: str,
    mode: QFileDialog.FileMode,
    save: bool = False,
) -> list[str]:
    """One modal Qt file dialog, destroyed before Qt's saved state is put back as it was."""
    if (
        save and Path(start).name
    ):  # a desk's `:` or a name like CON in the suggested name: valid on Windows too
        start = str(Path(start).with_name(safe_file_name(Path(start).name)))
    with no_dialog_history():
        dialog = QFileDialog(parent, title, start, name_filter)
        try:
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, mode == QFileDialog.FileMode.Directory)
            dialog.setFileMode(mode)
            if save:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
                dialog.selectFile(start)
            dialog.setHistory([])
            accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
            return list(dialog.selectedFiles()) if accepted else []
        finally:
            Shiboken.delete(dialog)  # now: its destructor writes the state that is undone below


@contextlib.contextmanager
def no_dialog_history() -> Iterator[None]:
    """Whatever Qt's file dialogs write into the user's QtProject settings meanwhile is undone."""
    settings = QSettings(QSettings.Scope.UserScope, QT_SETTINGS_ORGANISATION)
    store = Path(settings.fileName())
    existed = store.is_file()
    settings.beginGroup(QT_DIALOG_GROUP)
    before = {key: settings.value(key) for key in settings.allKeys()}
    settings.endGroup()
    try:
        yield
    finally:
        settings.sync()  # read what the dialog wrote
        settings.remove(QT_DIALOG_GROUP)
        for key, value in before.items():
            settings.setValue(f"{QT_DIALOG_GROUP}/{key}", value)
        settings.sync()
        if not existed and not settings.allKeys():
            with contextlib.suppress(OSError):
                store.unlink()  # Qt created the file only for the dialog's state
