"""History: who read or changed this file, and when (newest first, from the audit trail)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.services.cases import CaseFile
from app.services.subject_access import ACTIONS
from app.ui.casefile.base import CaseContext, CaseTab, table_view
from app.ui.i18n import ui_language
from app.ui.kit.fields import hint
from app.ui.models.rows import RowsModel
from app.ui.pages.operators import local_time


class HistoryTab(CaseTab):
    def __init__(self, context: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = RowsModel([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.table = table_view(self.model, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(
            hint(self.tr("Every reading and change of this file is recorded and cannot be altered."))
        )
        layout.addWidget(self.table, 1)

    def who(self, operator_id: int | None) -> str:
        names: dict[int, str] = self.context.memory.get("operator_names", {})
        if operator_id is None:
            return "—"
        if operator_id == self.context.actor.operator_id:
            return self.context.actor.full_name
        return names.get(operator_id) or self.tr("operator no. {id}").format(id=operator_id)

    def show_case(self, case: CaseFile) -> None:
        super().show_case(case)
        actions = ACTIONS.get(ui_language(), ACTIONS["en"])
        self.model.set_rows(
            [
                (
                    n,
                    [
                        _when(entry.at),
                        entry.operator_name or self.who(entry.operator_id),
                        actions.get(entry.action, entry.action),
                    ],
                )
                for n, entry in enumerate(case.history)
            ]
        )

    def clear(self) -> None:
        super().clear()
        self.model.clear()


def _when(stamp: str) -> str:
    try:
        return local_time(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp
