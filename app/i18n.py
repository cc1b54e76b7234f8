"""Translation below the UI layer, where Qt must not be imported: markers, and the command line's catalogue.

`QT_TRANSLATE_NOOP` has the name pyside6-lupdate looks for, so these strings land in the .ts files; the
UI translates them with `QCoreApplication.translate(context, text)` and then fills `{placeholders}`.

The command line has no Qt application to install a translator in, so `translate` reads the finished
messages of the same .ts, compiled to JSON beside the .qm by tools/update_translations.py: one catalogue
for the UI and for the command line.
Italian by default; English when chosen (`--language en`, ASCOLTO_LANG) or when the locale is not Italian.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from datetime import date
from importlib import resources

MESSAGES_FILE = ("translations", "messages_it.json")  # inside app.resources
LANGUAGE_ENV = "ASCOLTO_LANG"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None  # None: from the environment, on first use


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate recognises
    return text


def language_code(lang: str) -> str:
    """ "en" when `lang` names English ("en", "en_GB", "English"), else "it": the one rule for every document."""
    return "en" if lang.strip().lower().startswith("en") else "it"


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """ "it" or "en": ASCOLTO_LANG if set, else the POSIX locale; Italian unless it names another language.

    An unset locale, or "C"/"POSIX" (what a service or a container has), is not a choice of English.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(LANGUAGE_ENV, "").strip().lower()
    if chosen:
        return language_code(chosen)
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if value:  # the first set variable wins, as in POSIX
            if value in ("C", "POSIX") or value.startswith(("C.", "it")):
                return "it"
            return "en"
    return "it"


def day_text(day: date, language: str | None = None) -> str:
    """A date as a message in `language` (default: the current one) writes it: 01/12/2026, or 2026-12-01."""
    chosen = current_language() if language is None else language_code(language)
    return day.isoformat() if chosen == "en" else f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def set_language(language: str) -> None:
    global _language
    _language = language_code(language)


def current_language() -> str:
    global _language
    if _language is None:
        _language = language_from_environment()
    return _language


def translate(context: str, text: str) -> str:
    """`text` (an English source string of `context`) in the current language; itself when untranslated."""
    return translate_in(current_language(), context, text)


def translate_in(language: str, context: str, text: str) -> str:
    """`text` in `language` whatever the current one (a document, a test); itself when untranslated."""
    if language_code(language) == "en":
        return text
    return _catalogue().get((context, text), text)


@functools.cache
def _catalogue() -> dict[tuple[str, str], str]:
    """{(context, source): Italian} for every finished message of the catalogue."""
    import json

    try:
        raw = resources.files("app.resources").joinpath(*MESSAGES_FILE).read_text(encoding="utf-8")
        contexts = json.loads(raw)
    except (OSError, ValueError, ModuleNotFoundError):  # a broken installation still speaks, in English
        return {}
    return {
        (context, source): text for context, messages in contexts.items() for source, text in messages.items()
    }
