"""What the main window shows about who is working; gathered on the worker thread right after unlock."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the unlock screen, which shows before the services load
    from app.services.workspace import Actor, LoginResult, Workspace


@dataclass(frozen=True)
class SessionInfo:
    actor: Actor
    failed_attempts: int
    centre_name: str
    centre_code: str
    desk_name: str
    notice: str = ""  # shown once at the top of the main window, e.g. "the backup … was restored"


def describe(workspace: Workspace, login: LoginResult) -> SessionInfo:
    from app.services import accounts
    from app.ui.i18n import error_text

    centre = accounts.centre_info(workspace)
    desks = {desk.id: desk.name for desk in accounts.list_help_desks(workspace, include_inactive=True)}
    desk = desks.get(login.actor.help_desk_id, "") if login.actor.help_desk_id is not None else ""
    notice = "\n\n".join(error_text(n) for n in login.notices)  # a rollback seen, a restore (administrators)
    return SessionInfo(login.actor, login.failed_attempts, centre.name, centre.code, desk, notice)


def _described(workspace: Workspace, login: LoginResult) -> SessionInfo:
    """Never leave the workspace unlocked without a session the UI knows about."""
    try:
        return describe(workspace, login)
    except BaseException:
        workspace.lock()
        raise


def unlock(workspace: Workspace, username: str, password: str) -> SessionInfo:
    return _described(workspace, workspace.unlock(username, password))


def recover(workspace: Workspace, recovery_key: str, username: str, password: str) -> SessionInfo:
    return _described(workspace, workspace.recover(recovery_key, username, password))
