"""Administration: settings of this installation (idle lock, language) and the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import accounts
from app.services.workspace import Workspace
from app.ui.i18n import running_language
from app.ui.kit import messages, operations
from app.ui.kit.action_box import action_box, page_layout, scroll_in_place
from app.ui.kit.qt_compat import emit
from app.ui.kit.settings_section import SettingsSection
from app.ui.pages.recovery import RecoveryKeyDialog
from app.ui.settings import IDLE_LOCK_MINUTES, LANGUAGE, UiSettings


class SecurityTab(QWidget):
    """Emits `idle_minutes_changed(int)` so the running idle lock follows at once."""

    idle_minutes_changed = Signal(int)

    def __init__(
        self, workspace: Workspace, settings: UiSettings, centre_name: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.centre_name = centre_name
        self.dialog: RecoveryKeyDialog | None = None
        self.idle_minutes = QSpinBox()
        assert IDLE_LOCK_MINUTES.minimum is not None and IDLE_LOCK_MINUTES.maximum is not None
        self.idle_minutes.setRange(IDLE_LOCK_MINUTES.minimum, IDLE_LOCK_MINUTES.maximum)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(settings.get(IDLE_LOCK_MINUTES))
        self.idle_minutes.setMaximumWidth(120)
        self.idle_minutes.setAccessibleName(self.tr("Lock after minutes without activity"))
        self.language = QComboBox()
        self.language.addItem("Italiano", "it")
        self.language.addItem("English", "en")
        # The language she is reading, even when started with --language (saving saves what it shows).
        self.language.setCurrentIndex(max(0, self.language.findData(running_language())))
        self.language.setAccessibleName(self.tr("Language"))
        settings_box = SettingsSection(self.tr("This computer"), self.tr("Sav&e settings"), self.save)
        self.save_button = settings_box.save_button
        self.save_button.setObjectName("primary")
        self.saved = settings_box.saved
        settings_box.form.addRow(self.tr("&Lock after inactivity:"), self.idle_minutes)
        settings_box.form.addRow(self.tr("L&anguage:"), self.language)
        settings_box.add_note(
            self.tr("These settings apply to this computer. A new language applies at the next start.")
        )
        settings_box.add_save_row()
        self.settings_box = settings_box

        self.regenerate_button = QPushButton(self.tr("Make a &new recovery key…"))
        self.regenerate_button.clicked.connect(self.regenerate)
        recovery_box = action_box(
            self.tr("Recovery key"),
            self.tr(
                "If the printed recovery key is lost, or someone may have seen it, make a new one. "
                "The old key stops working immediately."
            ),
            self.regenerate_button,
        )
        self.body = scroll_in_place(self, page_layout(settings_box, recovery_box))

    @Slot()
    def save(self) -> None:
        self.settings.set(IDLE_LOCK_MINUTES, self.idle_minutes.value())
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        emit(self.idle_minutes_changed, self.idle_minutes.value())
        self.settings_box.show_saved(self.tr("Saved."))

    @Slot()
    def regenerate(self) -> None:
        answer = messages.ask(
            self,
            self.tr("New recovery key"),
            self.tr("Make a new recovery key? The printed key in use now will stop working."),
            icon=messages.Icon.Warning,
        )
        if answer != messages.Button.Yes:
            return
        workspace = self.workspace
        operations.run(self, lambda: accounts.regenerate_recovery_key(workspace), self._show_key)

    def _show_key(self, key: str) -> None:
        dialog = RecoveryKeyDialog(key, self.centre_name, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def clear(self) -> None:
        self.saved.clear()
