"""Trusting a network partner's signing key: only after comparing its fingerprint with the sender.

Every text here that holds a package's data (the centre's name) is plain text: a name is whatever the
sender typed, and as rich text "<b>…</b>" or a coloured "already verified" line would render.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.services.network import ImportedPackage
from app.ui.kit.submit_keys import submit_on_ctrl_enter


def grouped(fingerprint: str) -> str:
    """Eight groups of four, on two lines: easy to read aloud on the phone."""
    groups = fingerprint.split()
    if len(groups) <= 4:
        return fingerprint
    half = (len(groups) + 1) // 2
    return " ".join(groups[:half]) + "\n" + " ".join(groups[half:])


class TrustKeyDialog(QDialog):
    """Accepted means: she compared the fingerprint by phone and it matched."""

    def __init__(self, item: ImportedPackage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        package = item.package
        self.setWindowTitle(self.tr("New signing key"))
        title = QLabel(self.tr("Is this package really from {centre}?").format(centre=package.centre))
        title.setObjectName("title")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "This is the first package signed with this key. Phone the coordinator of {centre} (use a "
                "number you already know, not one written in the package or its e-mail) and ask her to read "
                "the fingerprint shown on her screen after the export. Trust the key only if every character "
                "matches."
            ).format(centre=package.centre)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.title, self.intro = title, intro
        self.fingerprint = QLabel(grouped(package.fingerprint))
        self.fingerprint.setObjectName("recoveryKey")
        self.fingerprint.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        warning = QLabel(
            self.tr(
                "If anything differs, press Cancel: the package may have been altered or sent by someone else. "
                "Once trusted, later packages signed with this key are accepted without asking."
            )
        )
        warning.setObjectName("hint")
        warning.setTextFormat(Qt.TextFormat.PlainText)
        warning.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            self.tr("&It matches: trust this key"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self, self.trust_button)  # as deliberate as Alt+I; Enter alone still cancels
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.setSpacing(12)
        for widget in (title, intro, self.fingerprint, warning, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(640)
        self.cancel_button.setFocus()
