"""Who is working (the actor the services check and audit) and the rules for names and passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Operator, Role
from app.services.constants import MIN_PASSPHRASE
from app.services.errors import ValidationError

MAX_PASSPHRASE = 1024
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def check_passphrase(passphrase: str, username: str = "") -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password is too short: use at least {minimum} characters."),
            field="password",
            minimum=MIN_PASSPHRASE,
        )
    if len(passphrase) > MAX_PASSPHRASE:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The password is too long."), field="password")
    if username and passphrase.strip().casefold() == username.strip().casefold():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password must not be the user name."), field="password"
        )


def normalise_username(username: str) -> str:
    name = username.strip().casefold()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A user name has 1 to 64 characters: letters without accents, digits, dot, dash or underscore.",
            ),
            field="username",
        )
    return name


@dataclass(frozen=True)
class Actor:
    """Who is working, as the services need to know it for permissions and audit."""

    operator_id: int
    username: str
    full_name: str
    role: Role
    help_desk_id: int | None

    def at_least(self, role: Role) -> bool:
        return self.role.rank >= role.rank


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    failed_attempts: int  # failures on this account since her previous successful login


def actor_of(operator: Operator) -> Actor:
    return Actor(
        operator.id, operator.username, operator.full_name, Role(operator.role), operator.help_desk_id
    )
