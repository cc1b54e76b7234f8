"""The schema. Importing this package registers every table on `Base.metadata`."""

from app.models import accounts, agenda, audit, cases, centre, documents, ledger, outbox, reports, structure
from app.models.base import Base

__all__ = [
    "Base",
    "accounts",
    "agenda",
    "audit",
    "cases",
    "centre",
    "documents",
    "ledger",
    "outbox",
    "reports",
    "structure",
]
