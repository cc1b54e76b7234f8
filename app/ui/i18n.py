"""Installing the Italian (default) or English translation, and translating service messages."""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.services.errors import CONTEXT, UserError

if TYPE_CHECKING:  # the services load after the first screen is shown (cold start)
    from app.services.accounts import Role

TRANSLATIONS_DIR = resources.files("app.resources").joinpath("translations")  # a real folder once installed

_installed: list[QTranslator] = []
_running: list[str] = []  # the language install_translators last installed


def ui_language() -> str:
    """'it' or 'en': the language the interface speaks, as install_translators set the default QLocale.

    Documents made from the interface (reports, her copy, the agenda) follow it unless chosen otherwise.
    """
    return "it" if QLocale().language() == QLocale.Language.Italian else "en"


def running_language() -> str:
    """The language the interface is shown in now (`--language` may differ from the saved setting)."""
    return _running[-1] if _running else "it"


# Qt's own Italian catalogue (qtbase_it) predates the mnemonics of two labels of its file dialog, which
# Qt 6 writes "&Look in:" and "Files of &type:", so they stayed English: our catalogue carries them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def install_translators(app: QCoreApplication, language: str) -> str:
    """Italian unless English is asked for; returns the language actually installed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _running[:] = ["en" if language == "en" else "it"]
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        plurals = QTranslator(app)  # only the "%n" messages: "1 case", "2 cases" from "%n case(s)"
        if plurals.load(str(TRANSLATIONS_DIR / "ascolto_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return "en"
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    qt_base = QTranslator(app)  # standard buttons, QWizard, file and print dialogs
    if qt_base.load("qtbase_it", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    ours = QTranslator(app)  # installed last, so searched first: our texts (and mnemonics) win over Qt's
    if ours.load(str(TRANSLATIONS_DIR / "ascolto_it.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    return "it"


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def error_text(exc: UserError) -> str:
    """A service refusal in the user's language, placeholders filled after translation."""
    return exc.text(translate)


def service_text(text: str) -> str:
    """A constant exported by the services (e.g. PASSPHRASE_HINT), marked in their 'Errors' context."""
    return QCoreApplication.translate(CONTEXT, text)


def role_label(role: Role) -> str:
    from app.services.accounts import Role

    labels = {
        Role.OPERATRICE: QCoreApplication.translate("Roles", "Operator"),
        Role.COORDINATRICE: QCoreApplication.translate("Roles", "Coordinator"),
        Role.AMMINISTRATRICE: QCoreApplication.translate("Roles", "Administrator"),
    }
    return labels[role]
