"""Errors a person can act on. Each carries an English source text (translated by the UI) and values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Errors"


class UserError(Exception):
    """A refusal or failure explained in one sentence; never a traceback for the user."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params

    def text(self, translate: Callable[[str, str], str] | None = None) -> str:
        source = translate(CONTEXT, self.message) if translate else self.message
        try:
            return source.format(**self.params) if self.params else source
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return self.message.format(**self.params) if self.params else self.message


class PermissionDenied(UserError):
    pass


class NotFound(UserError):
    pass


class ValidationError(UserError):
    """Bad input in a form or argument; `field` names the input so the UI can point at it."""

    def __init__(self, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class WrongCredentials(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(CONTEXT, "Wrong user name or password."))


class LoginDelayed(UserError):
    def __init__(self, seconds: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                CONTEXT, "Too many failed attempts for this account. Wait {seconds} seconds and try again."
            ),
            seconds=seconds,
        )
        self.seconds = seconds


class WorkspaceLocked(UserError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(CONTEXT, "The workspace is locked. Unlock it to continue."))
