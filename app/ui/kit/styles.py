"""Style additions for the reports, network, backup and retention pages (on top of theme.STYLESHEET)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.ui.kit.theme import ACCENT, BORDER, MUTED, TEXT

PAGE_STYLE = f"""
QLabel#sectionTitle {{
    font-size: 12.5pt; font-weight: 600; color: {ACCENT}; padding-top: 14px; padding-bottom: 2px;
    border-bottom: 1px solid {BORDER};
}}
QLabel#tableTitle {{ font-weight: 600; color: {TEXT}; padding-top: 8px; }}
QLabel#summary {{ color: {TEXT}; }}
QLabel#fingerprint {{
    background: #ffffff; border: 1px solid {BORDER}; border-radius: 6px; padding: 8px 12px; color: {TEXT};
}}
QLabel#refused {{ color: #a12a2a; }}
QLabel#muted {{ color: {MUTED}; }}
QWidget#previewContent {{ background: transparent; }}
QScrollArea#reportPreview {{ background: transparent; }}
QTableWidget#tablePreview QHeaderView::section:vertical {{
    background: #f7f8fa; font-weight: normal; border-bottom: 1px solid #eceef2; text-align: left;
}}
"""


def local_time(stored: datetime) -> datetime:
    """Timestamps are stored as naive UTC; show them in the computer's time zone."""
    aware = stored if stored.tzinfo is not None else stored.replace(tzinfo=UTC)
    return aware.astimezone()


def day_text(day: date) -> str:
    """Italian and British readers both write 31/12/2026."""
    return day.strftime("%d/%m/%Y")


def moment_text(stored: datetime) -> str:
    return local_time(stored).strftime("%d/%m/%Y %H:%M")
