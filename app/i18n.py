"""Translation markers usable below the UI layer, where Qt must not be imported.

`QT_TRANSLATE_NOOP` has the name pyside6-lupdate looks for, so these strings land in the .ts files; the
UI translates them with `QCoreApplication.translate(context, text)` and then fills `{placeholders}`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate recognises
    return text
