"""Showing a recovery key once: large monospace text, print it, or save it as a PDF to keep offline.

The key is never copied to the clipboard (the label is not selectable) and never written anywhere by
Ascolto unless she chooses "Save as PDF…", which writes one file readable only by her account.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, Qt, Signal, Slot
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.kit import files, messages
from app.ui.kit.submit_keys import submit_on_ctrl_enter


def grouped(key: str) -> str:
    """Three rows of three groups: easier to read aloud and to copy by hand."""
    groups = key.split("-")
    rows = [groups[i : i + 3] for i in range(0, len(groups), 3)]
    return "\n".join("  ".join(row) for row in rows)


def _choose_pdf_path(parent: QWidget, title: str) -> str:
    """A seam: tests replace it to avoid the modal file dialog."""
    suggested = Path.home() / QCoreApplication.translate("RecoveryKeyPanel", "ascolto-recovery-key.pdf")
    return files.save_file_name(
        parent, title, str(suggested), "PDF (*.pdf)", personal=True
    )  # leaves no history


choose_pdf_path: Callable[[QWidget, str], str] = _choose_pdf_path


class RecoveryKeyPanel(QWidget):
    """The key, the ways to keep it, and the mandatory acknowledgement."""

    acknowledged = Signal(bool)

    def __init__(self, centre_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self.centre_name = centre_name
        intro = QLabel(
            self.tr(
                "This recovery key opens the data if every password is forgotten. It is shown only now. "
                "Print it or write it down, and keep it locked away, separate from this computer."
            )
        )
        intro.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_key)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        self.confirm = QCheckBox(self.tr("I have &printed or written down the recovery key"))
        self.confirm.toggled.connect(self.acknowledged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addSpacing(6)
        layout.addWidget(self.confirm)
        layout.addStretch(1)

    def set_key(self, key: str) -> None:
        self._key = key
        self.key_label.setText(grouped(key))
        self.confirm.setChecked(False)

    def clear(self) -> None:
        self._key = ""
        self.key_label.clear()

    def document(self) -> QTextDocument:
        today = date.today().isoformat()
        rows = "<br>".join(html.escape(row) for row in grouped(self._key).split("\n"))
        heading = self.tr("Ascolto recovery key")
        centre = self.tr("Centre: {centre}").format(centre=self.centre_name)
        printed = self.tr("Printed on {date}").format(date=today)
        advice = self.tr(
            "With this key and a user name a new password can be set, and every case record can be read. "
            "Keep this sheet in a locked drawer or safe, away from the computer. Do not photograph it."
        )
        body = (
            f'<h1 style="font-size:20pt">{html.escape(heading)}</h1>'
            f"<p>{html.escape(centre)}<br>{html.escape(printed)}</p>"
            "<p style=\"font-family:'DejaVu Sans Mono',monospace; font-size:22pt; font-weight:bold\">"
            f"{rows}</p><p>{html.escape(advice)}</p>"
        )
        document = QTextDocument()
        document.setHtml(body)
        return document

    @Slot()
    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    @Slot()
    def save_pdf(self) -> None:
        answer = messages.ask(
            self,
            self.tr("Save as PDF"),
            self.tr(
                "A PDF of the recovery key is as powerful as the key itself. Save it only on a USB stick "
                "that is then locked away, never on this computer, a shared folder or e-mail. Continue?"
            ),
            default=messages.Button.No,
            icon=messages.Icon.Warning,
        )
        if answer != messages.Button.Yes:
            return
        path = choose_pdf_path(self, self.tr("Save the recovery key as PDF"))
        if not path:
            return
        try:
            write_pdf(Path(path), self.document())
        except OSError as exc:
            messages.warn(
                self, self.tr("The PDF could not be saved: {reason}").format(reason=exc.strerror or "")
            )
            return
        messages.inform(
            self, self.tr("Save as PDF"), self.tr("Saved. Lock the file away now and delete any other copy.")
        )


def write_pdf(path: Path, document: QTextDocument) -> None:
    """Render into memory, then write the file atomically, flushed to the device, for its owner only."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setResolution(300)
    writer.setTitle("Ascolto")
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    from app.services.files import write_private_file  # the wizard paints before the services load

    write_private_file(path, bytes(data.data()))  # atomic and fsynced: she may pull the USB stick next


class RecoveryKeyDialog(QDialog):
    """A new key after regeneration: same panel, and Close only once she confirms."""

    def __init__(self, key: str, centre_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery key"))
        self.panel = RecoveryKeyPanel(centre_name, self)
        self.panel.set_key(key)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("primary")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        self.panel.acknowledged.connect(self.close_button.setEnabled)
        submit_on_ctrl_enter(self, self.close_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(row)
        self.resize(620, 420)

    def reject(self) -> None:
        """Escape does nothing until she confirms; a lock closes it via `done`."""
        if self.panel.confirm.isChecked():
            super().reject()

    def done(self, result: int) -> None:
        self.panel.clear()
        super().done(result)
