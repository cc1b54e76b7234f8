"""Network (coordinatrice and amministratrice): import signed packages from help desks and centres,
confirm each new signing key once by its fingerprint, merge and print the network report.

Names and reasons come from packages, i.e. from outside: every label showing them is plain text (table
items always are), so HTML in a centre's name shows as the characters it is made of.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.reports.periods import named_period
from app.services import network, releases
from app.services.errors import UserError
from app.services.network import ImportedPackage, KeyChangeSeen
from app.services.reports import ReportData
from app.services.workspace import Workspace
from app.ui.dialogs.trust import TrustKeyDialog
from app.ui.i18n import error_text, ui_language
from app.ui.kit import files, operations
from app.ui.kit.first_show import load_on_first_show
from app.ui.kit.styles import PAGE_STYLE, moment_text
from app.ui.kit.theme import monospace_font


def _import_each(workspace: Workspace, paths: list[Path]) -> tuple[list[ImportedPackage], list[UserError]]:
    """One refused file does not stop the others."""
    items: list[ImportedPackage] = []
    errors: list[UserError] = []
    for path in paths:
        try:
            items.extend(network.import_packages(workspace, [path]))
        except UserError as exc:
            errors.append(exc)
    return items, errors


class _Table(QTableWidget):
    """A table that asks for two rows, not Qt's 192 px: the page lays its word-wrapped texts out for
    the width it has, from the preferred heights, and must fit 768 px without scrolling as a whole;
    the packages table still takes all the height there is."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 2 * self.verticalHeader().defaultSectionSize() + 30)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = _Table(0, len(headers))
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(
        1, QHeaderView.ResizeMode.Stretch
    )  # help desks (or fingerprints) take the rest
    table.setAlternatingRowColors(True)
    return table


class NetworkPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_STYLE)
        self.workspace = workspace
        self.items: list[ImportedPackage] = []
        self.dialog: TrustKeyDialog | None = None
        self.last_report: ReportData | None = None
        load_on_first_show(self, self.refresh_keys)
        heading = QLabel(self.tr("Network"))
        heading.setObjectName("title")
        intro = QLabel(
            self.tr(
                "Import the signed packages that help desks and centres sent you, check who signed them, "
                "then print the network report. Values hidden in any package stay protected."
            )
        )
        intro.setObjectName("subtitle")
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import packages…"))
        self.import_button.setObjectName("primary")
        self.trust_button = QPushButton(self.tr("&Check and trust the key…"))
        self.remove_button = QPushButton(self.tr("Re&move from the list"))
        self.report_button = QPushButton(self.tr("&Save the network report as PDF…"))
        self.import_button.clicked.connect(self.import_packages)
        self.trust_button.clicked.connect(self.trust_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.report_button.clicked.connect(self.print_report)
        buttons = QGridLayout()  # two rows of two: the Italian labels need more than 800 px in one row
        for index, button in enumerate(
            (self.import_button, self.trust_button, self.remove_button, self.report_button)
        ):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        self.packages = _table(
            [
                self.tr("Centre"),
                self.tr("Help desks"),
                self.tr("Period"),
                self.tr("Key fingerprint"),
                self.tr("Key trusted"),
            ],
            self.tr("Imported packages"),
        )
        self.packages.itemSelectionChanged.connect(self._update_buttons)
        self.refused = QLabel()
        self.refused.setObjectName("refused")
        self.refused.setTextFormat(Qt.TextFormat.PlainText)
        self.refused.setWordWrap(True)
        self.refused.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused.hide()
        self.result = QLabel()
        self.result.setObjectName("hint")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        keys_box = QGroupBox(self.tr("Trusted signing keys"))
        self.keys = _table(
            [self.tr("Centre"), self.tr("Key fingerprint"), self.tr("Confirmed on")], self.tr("Trusted keys")
        )
        self.keys.setMaximumHeight(150)
        self.changes = QLabel()
        self.changes.setObjectName("hint")
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes.setWordWrap(True)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes.hide()
        self.own = QLabel()
        self.own.setObjectName("hint")
        self.own.setTextFormat(Qt.TextFormat.PlainText)
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        keys_layout = QVBoxLayout(keys_box)
        keys_layout.addWidget(self.keys)
        keys_layout.addWidget(self.changes)
        keys_layout.addWidget(self.own)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.packages, 1)
        layout.addWidget(self.refused)
        layout.addWidget(self.result)
        layout.addWidget(keys_box)
        self._update_buttons()

    def refresh_keys(self) -> None:
        workspace = self.workspace
        operations.run(
            self,
            lambda: (
                network.trusted_keys(workspace),
                releases.own_fingerprint(workspace),
                network.key_changes(workspace),
            ),
            self._keys_loaded,
        )

    def _keys_loaded(self, loaded: tuple[list[tuple[str, str, datetime]], str, list[KeyChangeSeen]]) -> None:
        keys, own, changes = loaded
        self.keys.setRowCount(len(keys))
        for row, (centre, fingerprint, confirmed) in enumerate(keys):
            self._set(self.keys, row, 0, centre)
            self._set(self.keys, row, 1, fingerprint, mono=True)
            self._set(self.keys, row, 2, moment_text(confirmed))
        self.own.setText(self.tr("This centre's own fingerprint: {fingerprint}").format(fingerprint=own))
        self.changes.setText(
            "\n".join(
                self.tr(
                    "The key of {centre} changed on {day}; the new key ({new}) was signed by the previous one "
                    "({old}), which is no longer accepted."
                ).format(
                    centre=change.centre,
                    day=moment_text(change.changed_at),
                    new=change.new_fingerprint,
                    old=change.old_fingerprint,
                )
                for change in changes
            )
        )
        self.changes.setVisible(bool(changes))

    @staticmethod
    def _set(table: QTableWidget, row: int, col: int, text: str, mono: bool = False) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if mono:
            item.setFont(monospace_font(10))
        table.setItem(row, col, item)

    # --- importing -------------------------------------------------------------------------------------
    @Slot()
    def import_packages(self) -> None:
        paths = files.open_files(
            self, self.tr("Import signed packages"), Path.home(), self.tr("Signed packages (*.json)")
        )
        if not paths:
            return
        workspace = self.workspace
        operations.run(
            self,
            lambda: _import_each(workspace, paths),
            self._imported,
            busy_text=self.tr("Checking the signatures…"),
        )

    def _imported(self, result: tuple[list[ImportedPackage], list[UserError]]) -> None:
        items, errors = result
        new_paths = {i.path for i in items}
        self.items = [i for i in self.items if i.path not in new_paths] + items
        self._show_items()
        self.refused.setText("\n".join(error_text(e) for e in errors))
        self.refused.setVisible(bool(errors))
        self.result.clear()
        if any(i.key_changes for i in items):
            self.refresh_keys()  # a followed key change: show it, and the new trusted key
        self.ask_next_trust()

    @staticmethod
    def _period_text(item: ImportedPackage) -> str:
        return named_period(item.package.period_start, item.package.period_end).label(ui_language())

    def _show_items(self) -> None:
        self.packages.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            package = item.package
            self._set(self.packages, row, 0, package.centre)
            self._set(self.packages, row, 1, ", ".join(package.desks) or self.tr("all"))
            self._set(self.packages, row, 2, self._period_text(item))
            self._set(self.packages, row, 3, package.fingerprint, mono=True)
            if item.trusted:
                status_text = self.tr("yes")
            elif item.trusted_for is not None:  # a key trusted for another centre: not for this name
                status_text = self.tr("no — the key is trusted for {centre}").format(centre=item.trusted_for)
            else:
                status_text = self.tr("no — check it")
            self._set(self.packages, row, 4, status_text)
            status = self.packages.item(row, 4)
            assert status is not None
            status.setForeground(QBrush(QColor("#2f7a3d" if item.trusted else "#a0601a")))
        self._update_buttons()

    def _selected(self) -> ImportedPackage | None:
        rows = self.packages.selectionModel().selectedRows() if self.packages.selectionModel() else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    @Slot()
    def _update_buttons(self) -> None:
        selected = self._selected()
        self.trust_button.setEnabled(selected is not None and not selected.trusted)
        self.remove_button.setEnabled(selected is not None)
        self.report_button.setEnabled(bool(self.items))

    # --- trusting ----------------------------------------------------------------------------------------
    def ask_next_trust(self) -> None:
        untrusted = next((i for i in self.items if not i.trusted), None)
        if untrusted is not None:
            self.ask_trust(untrusted)

    @Slot()
    def trust_selected(self) -> None:
        selected = self._selected()
        if selected is not None and not selected.trusted:
            self.ask_trust(selected)

    def ask_trust(self, item: ImportedPackage) -> None:
        dialog = TrustKeyDialog(item, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._trust(item))
        self.dialog = dialog
        dialog.open()

    def _trust(self, item: ImportedPackage) -> None:
        workspace = self.workspace
        operations.run(self, lambda: network.trust_key(workspace, item), lambda _none: self._trusted(item))

    def _trusted(self, item: ImportedPackage) -> None:
        for other in self.items:  # trust is the pair: the same key in another centre's name stays untrusted
            same_centre = (
                " ".join(other.package.centre.split()).casefold()
                == " ".join(item.package.centre.split()).casefold()
            )
            if other.package.public_key == item.package.public_key:
                other.trusted, other.trusted_for = same_centre, None if same_centre else item.package.centre
        self._show_items()
        self.refresh_keys()
        self.ask_next_trust()

    @Slot()
    def remove_selected(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.items.remove(selected)
            self._show_items()

    # --- the report --------------------------------------------------------------------------------------
    @Slot()
    def print_report(self) -> None:
        if not self.items:
            return
        path = files.save_file(
            self,
            self.tr("Save the network report"),
            Path.home() / self.tr("network-report.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if path is None:
            return
        workspace, items, lang = self.workspace, list(self.items), ui_language()
        operations.run(
            self,
            lambda: network.network_report(workspace, items, path, lang),
            lambda data: self._printed(data, path, items),
            busy_text=self.tr("Merging the packages and writing the PDF…"),
        )

    def _printed(self, data: ReportData, path: Path, items: list[ImportedPackage]) -> None:
        self.last_report = data
        lines = [
            self.tr(
                "Network report saved: {path} ({hidden} values below the threshold or not published)."
            ).format(path=path, hidden=data.hidden)
        ]
        # A centre whose audit trail went backwards since an earlier package: said, not hidden.
        lines += [error_text(i.audit_warning) for i in items if i.audit_warning is not None]
        lines += [error_text(i.release_warning) for i in items if i.release_warning is not None]
        self.result.setTextFormat(Qt.TextFormat.PlainText)  # a centre's name is shown, never rendered
        self.result.setText("\n".join(lines))

    def clear(self) -> None:
        self.items = []
        self.packages.setRowCount(0)
        self.keys.setRowCount(0)
        self.refused.clear()
        self.result.clear()
        self.own.clear()
        self.changes.clear()
