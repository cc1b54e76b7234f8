"""Choosing a password: two fields, the services' hint, a live length/strength bar and a suggestion.

The judgement is the services' own (`app.services.passwords.judge`, which `check_passphrase` applies), so
the bar and the refusal agree; the services also know the centre's and desks' names, which may refuse more.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import passwords
from app.services.constants import MIN_PASSPHRASE, PASSPHRASE_HINT
from app.ui.i18n import service_text
from app.ui.kit.qt_compat import emit
from app.ui.kit.wordlist import suggest_passphrase

METER_TOP = int(passwords.STRONG_GUESSES_LOG10)


def strength(passphrase: str) -> tuple[str, str]:
    """(level, label): the services' judgement of how many guesses it would take."""
    if len(passphrase) < MIN_PASSPHRASE:  # counting as she types
        label = QCoreApplication.translate(
            "PassphraseFields", "Too short: {count} of at least {minimum} characters"
        ).format(count=len(passphrase), minimum=MIN_PASSPHRASE)
        return "weak", label
    verdict = passwords.judge(passphrase)
    if verdict.problem is not None:
        return "weak", service_text(verdict.problem).format(minimum=MIN_PASSPHRASE)
    if verdict.level == "fair":
        return "fair", QCoreApplication.translate(
            "PassphraseFields", "Acceptable: a few more words make it stronger"
        )
    return "good", QCoreApplication.translate("PassphraseFields", "Strong")


class PassphraseFields(QObject):
    """Adds the password rows to a form; `changed` fires on every keystroke. The one pair of new-password
    fields of the application: set-up, a new operator, a reset, a change of password, a restore.

    Its widgets get their parent from the form (`add_to`), so Tab meets them in the form's order: the
    password, then the repeat. "Show" sits after the repeat and never takes the keyboard focus: someone
    typing a passphrase of words with a Tab between the fields (or one Tab too many) would otherwise land
    on it, and her next space would show the password on the screen of a shared office. A keyboard user
    reaches it by its mnemonic, Alt+O (the Italian "M&ostra" keeps the letter), a chord no typing sends
    by accident; a click toggles it and leaves the focus in the field she was typing in. "Suggest", which
    shows the words it fills in, is kept out of the Tab chain the same way (Alt+G).
    """

    changed = Signal()

    def __init__(self, parent: QWidget, label: str = "", suggest: bool = True) -> None:
        super().__init__(parent)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(label or self.tr("New password"))
        self.password.setObjectName("newPassword")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the password"))
        self.repeat.setObjectName("repeatPassword")
        self.show_box = QCheckBox(self.tr("Sh&ow"))
        self.show_box.setAccessibleName(self.tr("Show the password"))
        self.show_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # never reached by Tab: a space cannot toggle it
        self.show_box.setToolTip(self.tr("Show or hide the password (Alt+O)"))
        self.suggest_button: QPushButton | None = None
        if suggest:
            self.suggest_button = QPushButton(self.tr("Su&ggest a passphrase"))
            self.suggest_button.setAccessibleName(self.tr("Suggest a passphrase of random words"))
            self.suggest_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it shows what it suggests: as "Show"
            self.suggest_button.setToolTip(self.tr("Fill both fields with random words, shown (Alt+G)"))
            self.suggest_button.clicked.connect(self._suggest)
        self.meter = QProgressBar(parent)
        self.meter.setRange(0, METER_TOP)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(8)
        self.meter.setAccessibleName(self.tr("Password strength"))
        self.verdict = QLabel()
        self.verdict.setObjectName("hint")
        self.hint = QLabel(service_text(PASSPHRASE_HINT))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.label = label or self.tr("New &password:")
        self.password.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.show_box.toggled.connect(self._set_visible)
        self._update()

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.label, self.password)
        second = QHBoxLayout()
        second.setSpacing(10)
        second.addWidget(self.repeat, 1)
        second.addWidget(self.show_box)
        form.addRow(self.tr("R&epeat:"), second)
        label = form.labelForField(second)
        if isinstance(label, QLabel):
            label.setBuddy(self.repeat)
        meter_box = QVBoxLayout()
        meter_box.setSpacing(3)
        meter_box.addWidget(self.meter)
        meter_box.addWidget(self.verdict)
        form.addRow("", meter_box)
        hint_row = QVBoxLayout()
        hint_row.addWidget(self.hint)
        if self.suggest_button is not None:
            buttons = QHBoxLayout()
            buttons.addWidget(self.suggest_button)
            buttons.addStretch(1)
            hint_row.addLayout(buttons)
        form.addRow("", hint_row)

    def value(self) -> str:
        return self.password.text()

    def problem(self) -> str | None:
        """What still keeps the form from being submitted, or None."""
        if len(self.password.text()) < MIN_PASSPHRASE:
            return self.tr("The password needs at least {minimum} characters.").format(minimum=MIN_PASSPHRASE)
        verdict = passwords.judge(self.password.text())
        if verdict.problem is not None:
            return service_text(verdict.problem).format(minimum=MIN_PASSPHRASE)
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords are different.")
        return None

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    @Slot()
    def _suggest(self) -> None:
        words = suggest_passphrase()
        self.show_box.setChecked(True)  # she must be able to read it to learn or write it down
        self.password.setText(words)
        self.repeat.setText(words)

    @Slot(bool)
    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.repeat.setEchoMode(mode)

    @Slot()
    def _update(self) -> None:
        text = self.password.text()
        level, label = strength(text)
        guesses = passwords.judge(text).guesses_log10 if text else 0.0
        different = bool(text and self.repeat.text() and text != self.repeat.text())
        if different:
            label = self.tr("{verdict} · the two passwords are different").format(verdict=label)
        self.verdict.setObjectName("error" if different else "hint")  # a mismatch in red, not in grey
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.meter.setValue(min(int(guesses), METER_TOP))
        self.meter.setProperty("strength", level)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.verdict.setText(label if text else "")
        emit(self.changed)
