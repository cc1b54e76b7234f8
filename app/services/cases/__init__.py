"""The life of a case, one use case per user action (moved into a package; split follows)."""

from app.services.cases.records import *  # noqa: F403
from app.services.cases.records import _erase  # noqa: F401
