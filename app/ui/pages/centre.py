"""Administration: the centre's installations (PCs), what each last sent and received, and for the recent
ended periods which desk PCs' partial aggregates are in; a missing one may be waived after confirmation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.services import centre_status, partials
from app.services.centre_status import InstallationStatus, PartialStatus
from app.services.workspace import Workspace
from app.ui.kit import messages, operations


def _table(headers: list[str], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CentreTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.statuses: list[PartialStatus] = []
        self.alone = QLabel(self.tr("This PC belongs to no centre of several PCs."))
        self.installations = _table(
            [self.tr("Installation"), self.tr("Role"), self.tr("State"), self.tr("Fingerprint"),
             self.tr("Last received"), self.tr("Last sent")],
            self.tr("Installations of the centre"),
        )  # fmt: skip
        self.periods = _table(
            [self.tr("Period"), self.tr("Desk PC"), self.tr("Partial aggregates")],
            self.tr("Partial aggregates by period"),
        )
        self.periods.itemSelectionChanged.connect(self._selected)
        self.waive_button = QPushButton(self.tr("Release &without this PC…"))
        self.waive_button.clicked.connect(self.waive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.waive_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.alone)
        layout.addWidget(self.installations, 1)
        self.periods_title = QLabel(self.tr("Ended periods: what the desk PCs have sent"))
        layout.addWidget(self.periods_title)
        layout.addWidget(self.periods, 2)
        layout.addLayout(buttons)
        self._selected()

    def refresh(self) -> None:
        workspace = self.workspace
        operations.run(
            self,
            lambda: (centre_status.installations(workspace), centre_status.partials_status(workspace)),
            self._loaded,
        )

    def _when(self, seq: int, at: dt.datetime | None) -> str:
        if not seq:
            return self.tr("nothing yet")
        moment = at.strftime("%d/%m/%Y %H:%M") if at is not None else ""
        return self.tr("no. {seq}, {moment}").format(seq=seq, moment=moment) if moment else str(seq)

    def _loaded(self, loaded: tuple[list[InstallationStatus], list[PartialStatus]]) -> None:
        rows, statuses = loaded
        roles = {"main": self.tr("main office"), "desk": self.tr("desk PC")}
        states = {"active": self.tr("active"), "invited": self.tr("invited"), "removed": self.tr("removed")}
        self.alone.setVisible(not rows)
        self.installations.setRowCount(len(rows))
        for i, row in enumerate(rows):
            state = self.tr("this PC") if row.is_self else states.get(row.state, row.state)
            values = [
                row.name, roles.get(row.role, row.role), state, row.fingerprint,
                "" if row.is_self else self._when(row.last_in, row.last_in_at),
                "" if row.is_self else self._when(row.last_out, row.last_out_at),
            ]  # fmt: skip
            for column, value in enumerate(values):
                self.installations.setItem(i, column, QTableWidgetItem(value))
        self.statuses = statuses
        words = {
            centre_status.SENT: self.tr("sent"),
            centre_status.WAIVED: self.tr("released without it"),
            centre_status.MISSING: self.tr("missing"),
        }
        lang = current_language()
        self.periods.setRowCount(len(statuses))
        for i, status in enumerate(statuses):
            for column, value in enumerate([status.period.label(lang), status.name, words[status.state]]):
                self.periods.setItem(i, column, QTableWidgetItem(value))
        self.periods_title.setVisible(bool(statuses))
        self.periods.setVisible(bool(statuses))
        self.waive_button.setVisible(bool(statuses))
        self._selected()

    def current(self) -> PartialStatus | None:
        rows = self.periods.selectionModel().selectedRows()
        return self.statuses[rows[0].row()] if rows and rows[0].row() < len(self.statuses) else None

    @Slot()
    def _selected(self) -> None:
        status = self.current()
        self.waive_button.setEnabled(status is not None and status.state == centre_status.MISSING)

    @Slot()
    def waive(self) -> None:
        status = self.current()
        if status is None or status.state != centre_status.MISSING:
            return
        answer = messages.ask(
            self,
            self.tr("Release without this PC"),
            self.tr(
                "Release {period} without the figures of {name}? The release will say that it does not "
                "include them. If they arrive later, they are added again."
            ).format(period=status.period.label(current_language()), name=status.name),
        )
        if answer != messages.Button.Yes:
            return
        workspace, period, source = self.workspace, status.period, status.source
        operations.run(self, lambda: partials.release_without(workspace, period, source), self._waived)

    def _waived(self, _none: None) -> None:
        self.refresh()

    def clear(self) -> None:
        self.statuses = []
        self.installations.setRowCount(0)
        self.periods.setRowCount(0)
