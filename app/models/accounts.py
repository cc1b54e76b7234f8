"""The centre, its help desks and the operators who work there."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utcnow


class Role(StrEnum):
    """Roles are ordered: each includes what the ones before it may do."""

    OPERATRICE = "operatrice"
    COORDINATRICE = "coordinatrice"
    AMMINISTRATRICE = "amministratrice"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Centre(Base):
    """The one centre (data controller) this database belongs to."""

    __tablename__ = "centre"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(8))  # prefix of case codes, e.g. "BG"
    database_id: Mapped[str] = mapped_column(String(32))
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519 private key for aggregate packages
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class HelpDesk(Base):
    """A sportello: a place and team where women are received."""

    __tablename__ = "help_desk"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    town: Mapped[str] = mapped_column(String(200), default="")
    opening_hours: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Operator(Base):
    """A person with an account. Her key slot id ties the account to her slot in the slot file."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    help_desk_id: Mapped[int | None] = mapped_column(ForeignKey("help_desk.id"))
    slot_id: Mapped[str | None] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]

    help_desk: Mapped[HelpDesk | None] = relationship()


class Setting(Base):
    """Settings that belong to the centre and may be sensitive: they live inside the encrypted file."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(2000))
