"""Code-list labels in the language of the interface (never hard-coded in the UI)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, QLocale

from app.models import codelists
from app.ui.i18n import ui_language


def code_label(list_name: str, code: str | None) -> str:
    if not code:
        return "—"
    return codelists.label(list_name, code, ui_language())


def code_labels(list_name: str, codes: Iterable[str]) -> str:
    values = [code_label(list_name, code) for code in codes]
    return ", ".join(values) if values else "—"


def entries(list_name: str) -> list[tuple[str, str]]:
    """(code, label) pairs in the list's display order."""
    lang = ui_language()
    return [(e.code, e.it if lang == "it" else e.en) for e in codelists.entries(list_name)]


def date_text(day: dt.date | None) -> str:
    if day is None:
        return "—"
    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def date_format() -> str:
    """The locale's short date format with a four-digit year (21/11/2026, not 21/11/26)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def yes_no(value: bool | None) -> str:
    from PySide6.QtCore import QCoreApplication

    if value is None:
        return "—"
    return QCoreApplication.translate("Codes", "yes") if value else QCoreApplication.translate("Codes", "no")
