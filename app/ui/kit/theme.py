"""A calm, restrained look: Fusion, a light neutral palette and one muted violet accent."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.ui.kit.icons import icon_path

ACCENT = "#5b4a8b"
ACCENT_DARK = "#47396e"
WINDOW = "#f4f5f7"
BASE = "#ffffff"
TEXT = "#1f2430"
MUTED = "#5f6675"
BORDER = "#d5d8de"

CHEVRON_DOWN = icon_path("chevron-down")
CHEVRON_UP = icon_path("chevron-up")

STYLESHEET = f"""
QWidget {{ font-size: 10.5pt; }}
QLabel#title {{ font-size: 17pt; font-weight: 600; color: {TEXT}; }}
QLabel#subtitle {{ color: {MUTED}; }}
QLabel#hint {{ color: {MUTED}; font-size: 9.5pt; }}
QLabel#error {{ color: #a12a2a; }}
QLabel#recoveryKey {{
    font-family: "DejaVu Sans Mono", "Consolas", "Menlo", monospace; font-size: 17pt; font-weight: 600;
    background: {BASE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 14px; color: {TEXT};
}}
QFrame#card {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#banner {{ background: #fff6e0; border: 1px solid #e8cf8a; border-radius: 6px; }}
QFrame#success {{ background: #e8f4ea; border: 1px solid #a9d3b0; border-radius: 6px; }}
QListWidget#navigation {{
    background: #eceef2; border: none; border-right: 1px solid {BORDER}; padding-top: 8px; outline: 0;
}}
QListWidget#navigation::item {{ padding: 9px 12px; margin: 2px 8px; border-radius: 6px; color: {TEXT}; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #e0e2e8; }}
QPushButton {{
    padding: 6px 14px; border: 1px solid {BORDER}; border-radius: 5px; background: {BASE}; min-height: 20px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #a0a4ad; background: #f0f1f3; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-color: {ACCENT_DARK}; font-weight: 600; }}
QPushButton#primary:hover {{ background: {ACCENT_DARK}; }}
QPushButton#primary:disabled {{ background: #b9b3cc; border-color: #b9b3cc; color: #f4f4f7; }}
QPushButton#link {{ border: none; background: transparent; color: {ACCENT}; text-decoration: underline; padding: 2px; }}
QLineEdit, QSpinBox, QComboBox {{
    padding: 5px 7px; border: 1px solid {BORDER}; border-radius: 5px; background: {BASE}; min-height: 20px;
}}
QLineEdit:focus, QSpinBox:focus, QComboBox:focus {{ border-color: {ACCENT}; }}
QComboBox {{ combobox-popup: 0; }}
QComboBox::drop-down {{ border: none; width: 24px; }}
QComboBox QAbstractItemView {{
    background: {BASE}; border: 1px solid {BORDER}; outline: 0; padding: 2px;
    selection-background-color: {ACCENT}; selection-color: white;
}}
QComboBox QAbstractItemView::item {{ padding: 4px 8px; min-height: 20px; color: {TEXT}; }}
QComboBox QAbstractItemView::item:selected {{ background: {ACCENT}; color: white; }}
QComboBox::down-arrow {{ image: url({CHEVRON_DOWN}); width: 12px; height: 12px; }}
QSpinBox {{ padding-right: 22px; }}
QSpinBox::up-button, QSpinBox::down-button {{ border: none; width: 20px; background: transparent; }}
QSpinBox::up-arrow {{ image: url({CHEVRON_UP}); width: 10px; height: 10px; }}
QSpinBox::down-arrow {{ image: url({CHEVRON_DOWN}); width: 10px; height: 10px; }}
QGroupBox {{
    border: 1px solid {BORDER}; border-radius: 6px; margin-top: 22px; padding: 14px 12px 10px 12px;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600; color: {TEXT}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QToolButton#userButton {{ padding-right: 18px; }}
QToolButton#userButton::menu-indicator {{
    image: url({CHEVRON_DOWN}); subcontrol-position: right center; subcontrol-origin: padding; right: 4px;
}}
QLabel#statusUser {{ padding: 2px 10px; }}
QToolBar {{ background: {BASE}; border: none; border-bottom: 1px solid {BORDER}; spacing: 6px; padding: 4px; }}
QToolButton {{ padding: 4px 8px; border-radius: 5px; }}
QToolButton:hover {{ background: #eceef2; }}
QStatusBar {{ background: {BASE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QTableWidget {{ background: {BASE}; border: 1px solid {BORDER}; border-radius: 6px; }}
QTableWidget::item {{ padding: 6px 10px; }}
QTableWidget::item:selected {{ background: #e6e1f2; color: {TEXT}; }}
QHeaderView::section {{
    background: #eceef2; border: none; border-bottom: 1px solid {BORDER}; padding: 7px 10px; font-weight: 600;
}}
/* the sort arrow as people read it (Fusion draws a descending sort pointing up): down, newest or Z first */
QHeaderView::down-arrow {{ image: url({CHEVRON_DOWN}); width: 10px; height: 10px; subcontrol-position: center right; }}
QHeaderView::up-arrow {{ image: url({CHEVRON_UP}); width: 10px; height: 10px; subcontrol-position: center right; }}
QListWidget#desks::item {{ padding: 7px 10px; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: #eceef2; height: 8px; text-align: center; }}
QProgressBar::chunk {{ border-radius: 3px; background: {ACCENT}; }}
QProgressBar[strength="weak"]::chunk {{ background: #c0504d; }}
QProgressBar[strength="fair"]::chunk {{ background: #d89a2b; }}
QProgressBar[strength="good"]::chunk {{ background: #4f9a5b; }}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; background: {BASE}; top: -1px; }}
QTabBar::tab {{ padding: 7px 16px; border: 1px solid transparent; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; font-weight: 600; }}
"""


def apply_theme(app: QApplication) -> None:
    """Idempotent: replacing the style of an application that already has widgets is asking for trouble."""
    if app.styleSheet() == STYLESHEET:
        return
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: BASE,
        QPalette.ColorRole.AlternateBase: "#f7f8fa",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: BASE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: BASE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#8a909c",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#a0a4ad"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#a0a4ad"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def monospace_font(point_size: int = 11) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(point_size)
    return font
