"""The columns of an appointment line, the same on "Oggi" and in the week's agenda."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def appointment_headers() -> list[str]:
    return [
        QCoreApplication.translate("Appointments", "Day"),
        QCoreApplication.translate("Appointments", "Time"),
        QCoreApplication.translate("Appointments", "Purpose"),
        QCoreApplication.translate("Appointments", "Case"),
        QCoreApplication.translate("Appointments", "Name"),
        QCoreApplication.translate("Appointments", "Help desk"),
        QCoreApplication.translate("Appointments", "With"),
    ]


def appointment_cells(
    time: str, what: str, visible: bool, code: str, name: str, desk: str, operator: str | None
) -> tuple[str, ...]:
    """Every column but the day. A case of another help desk shows neither her code nor her name."""
    if not visible:
        code, name = "—", QCoreApplication.translate("Appointments", "a case of another help desk")
    return (time, what, code, name, desk, operator or "—")
