"""Style rules of the case screens, added on top of the application theme (app/ui/kit/theme.py)."""

from __future__ import annotations

from app.ui.kit.theme import ACCENT, BASE, BORDER, MUTED, TEXT

CASES_STYLE = f"""
QTableView {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 6px; gridline-color: transparent; }}
QTableView::item {{ padding: 4px 10px; }}
QTableView::item:selected {{ background: #e6e1f2; color: {TEXT}; }}
QTableView:focus {{ border-color: {ACCENT}; }}
QPlainTextEdit {{
    padding: 5px 7px; border: 1px solid {BORDER}; border-radius: 5px; background: {BASE}; min-height: 20px;
}}
QPlainTextEdit:focus {{ border-color: {ACCENT}; }}
*[invalid="true"] {{ border: 1px solid #a12a2a; background: #fdf3f3; }}
QLabel#caseCode {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel#caseStatus {{ background: #e6e1f2; color: {ACCENT}; border-radius: 9px; padding: 2px 10px; font-weight: 600; }}
QLabel#caseMeta {{ color: {MUTED}; }}
QLabel#count {{ color: {MUTED}; }}
QLabel#empty {{ color: {MUTED}; font-size: 11.5pt; }}
QFrame#dangerBanner {{ background: #fbe6e6; border: 1px solid #d99a9a; border-radius: 6px; }}
QFrame#dangerBanner QLabel {{ color: #8a1f1f; font-weight: 700; }}
QFrame#frozenBanner {{ background: #eceef2; border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#frozenBanner QLabel {{ color: {TEXT}; font-weight: 600; }}
QFrame#notice {{ background: #f1eef8; border: 1px solid #d7cfea; border-radius: 6px; }}
QFrame#fastBar {{ background: #f7f6fb; border: 1px solid #d7cfea; border-radius: 6px; }}
QLabel#toast {{
    background: #2f2a40; color: white; border-radius: 8px; padding: 8px 18px; font-weight: 600;
}}
QLabel#sectionTitle {{ font-weight: 600; color: {TEXT}; font-size: 11.5pt; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget#scrollBody {{ background: transparent; }}
"""
