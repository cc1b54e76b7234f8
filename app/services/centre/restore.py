"""Across a restore: the centre's rows of the replaced database are carried into the restored one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models.centre import BundleRecord, CaseTombstone, Installation


@dataclass(frozen=True)
class CentreState:
    """The centre's rows of a database about to be replaced by a restore: facts about the world outside
    (keys, who belongs, bundle numbers, cases that left) that an older backup must not roll back. Put
    back, the desk's next bundle takes the next number instead of one the main office already has, and a
    case that left stays a tombstone."""

    installations: tuple[dict[str, Any], ...] = ()
    bundles: tuple[dict[str, Any], ...] = ()
    tombstones: tuple[dict[str, Any], ...] = ()


def _rows(
    session: Session, model: type[Installation | BundleRecord | CaseTombstone]
) -> tuple[dict[str, Any], ...]:
    columns = [c.key for c in model.__table__.columns]
    return tuple(
        {k: getattr(r, k) for k in columns} for r in session.scalars(select(model).order_by(model.id))
    )


def state_of(session: Session) -> CentreState:
    return CentreState(
        _rows(session, Installation), _rows(session, BundleRecord), _rows(session, CaseTombstone)
    )


def carry_forward(session: Session, state: CentreState) -> bool:
    """After a restore: the replaced database's centre rows replace the restored one's (inside reapply)."""
    if not state.installations:
        return False
    for row in state.installations:
        session.merge(Installation(**row))
    session.flush()
    session.execute(delete(BundleRecord))
    session.execute(delete(CaseTombstone))
    session.add_all([BundleRecord(**row) for row in state.bundles])
    session.add_all([CaseTombstone(**row) for row in state.tombstones])
    session.flush()
    return True
