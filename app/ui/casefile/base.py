"""What every tab and dialog of the case file shares: the session context, a table, a dialog base."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services.cases import CaseFile
from app.services.errors import UserError
from app.services.workspace import Actor, Workspace
from app.ui.kit.date_field import first_invalid, refusal
from app.ui.kit.fields import FieldErrors
from app.ui.kit.form_dialog import FormDialog
from app.ui.models.rows import RowsModel


@dataclass
class CaseContext:
    """The session as the case screens need it; `memory` holds per-session choices (last service type)."""

    workspace: Workspace
    actor: Actor
    toast: Callable[[str], None]
    memory: dict[str, Any] = field(default_factory=dict)

    def clear(self) -> None:
        self.memory.clear()


class CaseTab(QWidget):
    """A tab shows one case; `changed` asks the case file to reload it after a change."""

    changed = Signal()

    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: CaseFile | None = None
        self.dialog: QWidget | None = None

    def show_case(self, case: CaseFile) -> None:
        self.case = case

    def clear(self) -> None:
        self.case = None

    @property
    def writable(self) -> bool:
        return self.case is not None and self.case.processing_consent

    def open_dialog(self, dialog: FormDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.changed)
        self.dialog = dialog
        dialog.open()


def table_view(model: RowsModel, name: str, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(32)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_key(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    return rows[0].data(Qt.ItemDataRole.UserRole)


class CaseDialog(FormDialog):
    """A form dialog about one case whose refusals are shown next to the field they name."""

    def __init__(
        self, context: CaseContext, case: CaseFile, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.context = context
        self.workspace = context.workspace
        self.case_id = case.id
        self.case_code = case.code
        self.errors = FieldErrors(self.error)

    def problem(self) -> str | None:
        """A date whose text is not a valid day blocks the save (never dropped, never guessed)."""
        field = first_invalid(self)
        if field is None:
            return None
        field.when_valid(self.errors.clear)  # submit() shows the refusal until the date is corrected
        return refusal(field)

    def _refused(self, error: UserError) -> None:
        self.errors.show(error)

    def show_error(self, text: str) -> None:
        if not text:
            self.errors.clear()
        else:
            self.errors.show(text)
