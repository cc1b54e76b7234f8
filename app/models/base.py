"""The one declarative base, with a naming convention so batch migrations can name constraints."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Timestamps are stored in UTC, naive, second precision (SQLite has no time zones)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


RECORD_KEY_RANGE = 4096
"""Record keys of the cell key method are integers 0 .. RECORD_KEY_RANGE - 1 (app.reports.cellkey)."""


def new_record_key() -> int:
    """A random, permanent record key for a counted row: drawn from the OS CSPRNG, derived from nothing."""
    return secrets.randbelow(RECORD_KEY_RANGE)
