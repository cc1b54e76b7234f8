"""Failed unlocks, counted per account and persisted across restarts, outside the encrypted database.

The database cannot record a failure it cannot open, so failures go to a small file in the data folder.
Accounts are named there only by a salted hash, and unknown names are counted like real ones (no user
enumeration). The file is a deterrent against guessing at the keyboard; the protection against an
attacker who copies the folder is Argon2id, not this file. Every failure is written to the audit trail
at the next successful unlock.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from app.fs import atomic_write_bytes

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300
MAX_PENDING_EVENTS = 200


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, then 2, 4, 8 ... up to 5 minutes."""
    if failures <= FREE_ATTEMPTS:
        return 0
    return int(min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS)))


class LoginThrottle:
    def __init__(self, path: Path, pepper: str) -> None:
        self.path = path
        self._pepper = pepper

    def _account(self, username: str) -> str:
        return hashlib.sha256(f"{self._pepper}\x00{username.strip().casefold()}".encode()).hexdigest()[:32]

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {"accounts": {}, "pending": []}
        if not isinstance(data, dict):
            return {"accounts": {}, "pending": []}
        data.setdefault("accounts", {})
        data.setdefault("pending", [])
        return data

    def _save(self, data: dict[str, Any]) -> None:
        atomic_write_bytes(self.path, json.dumps(data, sort_keys=True).encode())

    def wait_seconds(self, username: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        entry = self._load()["accounts"].get(self._account(username), {})
        failures = int(entry.get("failures", 0))
        remaining = float(entry.get("last", 0)) + delay_after(failures) - now
        if remaining <= 0.25:  # a countdown shown to the user may end a hair early
            return 0
        return int(remaining + 0.999)

    def record_failure(self, username: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        data = self._load()
        account = self._account(username)
        entry = data["accounts"].setdefault(account, {"failures": 0, "last": 0})
        entry["failures"] = int(entry.get("failures", 0)) + 1
        entry["last"] = now
        data["pending"] = [*data["pending"], {"account": account, "at": int(now)}][-MAX_PENDING_EVENTS:]
        self._save(data)
        return int(entry["failures"])

    def peek(self, username: str) -> tuple[int, list[dict[str, Any]]]:
        """This account's failures since its last login, and every failure not yet audited."""
        data = self._load()
        entry = data["accounts"].get(self._account(username), {})
        return int(entry.get("failures", 0)), list(data["pending"])

    def clear(self, username: str, audited: int) -> None:
        """After the login committed: reset this account and drop the `audited` oldest pending failures."""
        data = self._load()
        data["accounts"].pop(self._account(username), None)
        data["pending"] = data["pending"][audited:]
        self._save(data)
