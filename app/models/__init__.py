"""The schema. Importing this package registers every table on `Base.metadata`."""

from app.models import accounts, audit, cases, ledger, reports, structure
from app.models.base import Base

__all__ = ["Base", "accounts", "audit", "cases", "ledger", "reports", "structure"]
