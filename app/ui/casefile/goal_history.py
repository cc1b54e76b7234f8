"""A goal's earlier versions as the pathway tab's tooltip says them: what it said, until when, who changed it."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from app.services.cases import GoalView
from app.ui.models.codes import code_label, date_text


def history_tooltip(goal: GoalView) -> str:
    """Rich text, oldest version first; '' for a goal never edited."""
    if not goal.history:
        return ""
    title = QCoreApplication.translate("GoalHistory", "Earlier versions of this goal")
    lines = [f"<b>{html.escape(title)}</b>"]
    for old in goal.history:
        until = QCoreApplication.translate("GoalHistory", "Until {day}").format(
            day=date_text(old.replaced_at.date())
        )
        if old.replaced_by:
            until += " " + QCoreApplication.translate("GoalHistory", "(changed by {name})").format(
                name=old.replaced_by
            )
        due = (
            date_text(old.due_on) if old.due_on else QCoreApplication.translate("GoalHistory", "no deadline")
        )
        lines.append(
            f"{html.escape(until)}: {html.escape(old.description or '—')}"
            f" · {html.escape(code_label('goal_status', old.status))} · {html.escape(due)}"
        )
    return "<br>".join(lines)
