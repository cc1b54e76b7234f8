"""Who is working (the actor the services check and audit) and the rules for names and passwords."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Centre, HelpDesk, Operator, Role
from app.services import passwords
from app.services.constants import MIN_PASSPHRASE
from app.services.errors import UserError, ValidationError

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def check_passphrase(passphrase: str, username: str = "", personal: Iterable[str] = ()) -> None:
    """Refuse a password an attacker would guess early (app/services/passwords.py decides, for the UI too).

    `personal`: names an attacker who knows the centre would try (full name, centre, help desks)."""
    verdict = passwords.judge(passphrase, [username, *personal])
    if verdict.problem is not None:
        raise ValidationError(verdict.problem, field="password", minimum=MIN_PASSPHRASE)


def known_names(session: Session, *more: str) -> list[str]:
    """What anyone who knows the centre would try first: its name and code, its help desks and towns."""
    names = [*more]
    names.extend(n for row in session.execute(select(Centre.name, Centre.code)) for n in row)
    names.extend(n for row in session.execute(select(HelpDesk.name, HelpDesk.town)) for n in row)
    return [n for n in names if n]


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
    key_rotation: str = ""  # "finished": an interrupted revocation was completed at this login;
    # "pending": it could not be completed now (it is tried again at the next login)
    notices: tuple[
        UserError, ...
    ] = ()  # for an administrator: a rollback seen, a restore (app.services.rollback)


def actor_of(operator: Operator) -> Actor:
    return Actor(
        operator.id, operator.username, operator.full_name, Role(operator.role), operator.help_desk_id
    )
