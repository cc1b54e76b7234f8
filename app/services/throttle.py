"""Failed unlocks, counted per account and persisted across restarts, outside the encrypted database.

The database cannot record a failure it cannot open, so failures go to small files in the data folder,
and every one of them is written to the audit trail at the next successful unlock. What these files are
and are not:

* **Two copies.** The state is written to `attempts.json` and to `attempts.mirror.json`, and read back as
  the union of both: deleting (or rolling back) one file neither lifts a delay nor erases the failures
  from the trail. Each state carries a random serial and a count of failures ever recorded; the database
  remembers both at each login, so removing or replacing *both* files is itself written to the audit
  trail at the next login (`login.failures_lost`). What stays possible for someone who can write the
  folder: replacing both files with a copy taken before her guesses, with the same serial and count. No
  file she can write can prevent that; the Argon2id slots, not this file, protect against an attacker who
  copies the folder and guesses offline.
* **Hostile content.** Anyone who can write the folder can write these files, so they are validated on
  every load: anything malformed is dropped, times are clamped to now, the counter is capped (no delay
  ever exceeds MAX_DELAY_S, whatever the file says), and the problem is recorded as suspicious and
  audited at the next login. A failure read from the file is a claim: it is audited as such.
* **Names.** Accounts are keyed by HMAC-SHA256 with a random per-installation pepper (`attempts.key`,
  readable by the application like the rest of the folder) over the database id and the name. The files
  alone, copied or sent somewhere, do not confirm a user name; someone with the whole folder has the
  pepper and can test guesses of names, which protect nothing (the passwords do). Unknown names are
  counted like real ones (no user enumeration through delays).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.fs import atomic_write_bytes, file_mode

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300
MAX_PENDING_EVENTS = 200
MAX_FAILURES = 1000  # more than enough for the longest delay; a larger number in the file is forged
MAX_SUSPICIOUS = 20
MAX_FILE_BYTES = 200_000
FUTURE_SLACK_S = 3600  # a clock set back by up to an hour is not suspicious
MIRROR_SUFFIX = ".mirror.json"
PEPPER_FILE = "attempts.key"
_ACCOUNT_RE = re.compile(r"[0-9a-f]{32}")
_SERIAL_RE = re.compile(r"[0-9a-f]{32}")


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, then 2, 4, 8 ... up to 5 minutes."""
    if failures <= FREE_ATTEMPTS:
        return 0
    return int(min(MAX_DELAY_S, 2 ** min(failures - FREE_ATTEMPTS, 30)))


@dataclass
class _State:
    serial: str = ""
    seq: int = 0  # failures ever recorded under this serial
    accounts: dict[str, dict[str, float]] = field(default_factory=dict)  # account -> failures, last
    pending: list[dict[str, Any]] = field(default_factory=list)  # {"account", "at", "n"} not yet audited
    suspicious: list[dict[str, Any]] = field(default_factory=list)  # {"at", "reason"} not yet audited

    def to_json(self) -> bytes:
        return json.dumps(
            {
                "version": 2,
                "serial": self.serial,
                "seq": self.seq,
                "accounts": self.accounts,
                "pending": self.pending,
                "suspicious": self.suspicious,
            },
            sort_keys=True,
        ).encode()


@dataclass(frozen=True)
class Pending:
    """What the next login writes to the audit trail: failures and suspicious findings, and the record's
    serial and count, which the database keeps to notice the files being removed."""

    failures: list[dict[str, Any]]
    suspicious: list[dict[str, Any]]
    serial: str
    seq: int

    def __len__(self) -> int:
        return len(self.failures)


class LoginThrottle:
    def __init__(self, path: Path, database_id: str) -> None:
        self.path = path
        self.mirror = path.with_name(path.stem + MIRROR_SUFFIX)
        self._database_id = database_id
        self._pepper: bytes | None = None
        self._pepper_replaced = False

    # --- keying ------------------------------------------------------------------------------------------
    def _pepper_bytes(self) -> bytes:
        if self._pepper is None:
            had_state = self.path.exists() or self.mirror.exists()
            self._pepper, made = _load_or_make_pepper(self.path.with_name(PEPPER_FILE))
            self._pepper_replaced = made and had_state  # the counts kept so far no longer match a name
        return self._pepper

    def _account(self, username: str) -> str:
        message = f"{self._database_id}\x00{username.strip().casefold()}".encode()
        return hmac.new(self._pepper_bytes(), message, hashlib.sha256).hexdigest()[:32]

    # --- loading: both copies, validated -----------------------------------------------------------------
    def _load(self, now: float) -> _State:
        """The union of both copies; a missing copy is written again at once (and that is suspicious)."""
        self._pepper_bytes()
        states = [_read(p, now) for p in (self.path, self.mirror)]
        present = [s for s in states if s is not None]
        state = _merge(present, now) if present else _State(serial=secrets.token_hex(16))
        if self._pepper_replaced:
            state.suspicious.append({"at": int(now), "reason": "pepper_replaced"})
            self._pepper_replaced = False
        if len(present) == 1:
            state.suspicious.append({"at": int(now), "reason": "copy_missing"})
        if len(present) < 2 or any(s.suspicious for s in present):
            with contextlib.suppress(OSError):  # findings are kept until a login audits them
                self._save(state)
        return state

    def _save(self, state: _State) -> None:
        state.pending = state.pending[-MAX_PENDING_EVENTS:]
        state.suspicious = _unique(state.suspicious)[-MAX_SUSPICIOUS:]
        data = state.to_json()
        atomic_write_bytes(self.path, data)
        atomic_write_bytes(self.mirror, data)

    # --- the interface used by unlocking ------------------------------------------------------------------
    def wait_seconds(self, username: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        entry = self._load(now).accounts.get(self._account(username), {})
        failures = int(entry.get("failures", 0))
        remaining = float(entry.get("last", 0)) + delay_after(failures) - now
        if remaining <= 0.25:  # a countdown shown to the user may end a hair early
            return 0
        return min(MAX_DELAY_S, int(remaining + 0.999))

    def record_failure(self, username: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        state = self._load(now)
        account = self._account(username)
        entry = state.accounts.setdefault(account, {"failures": 0, "last": 0})
        entry["failures"] = min(MAX_FAILURES, int(entry.get("failures", 0)) + 1)
        entry["last"] = now
        state.seq += 1
        state.pending.append({"account": account, "at": int(now), "n": state.seq})
        self._save(state)
        return int(entry["failures"])

    def peek(self, username: str, now: float | None = None) -> tuple[int, Pending]:
        """This account's failures since its last login, and everything not yet audited."""
        now = time.time() if now is None else now
        state = self._load(now)
        entry = state.accounts.get(self._account(username), {})
        pending = Pending(list(state.pending), list(state.suspicious), state.serial, state.seq)
        return int(entry.get("failures", 0)), pending

    def clear(self, username: str, audited: Pending | None = None, now: float | None = None) -> None:
        """After the login committed: reset this account and drop what was audited."""
        now = time.time() if now is None else now
        state = self._load(now)
        state.accounts.pop(self._account(username), None)
        if audited is not None:
            done = {_key(f) for f in audited.failures}
            state.pending = [f for f in state.pending if _key(f) not in done]
            reasons = {s["reason"] for s in audited.suspicious}
            state.suspicious = [s for s in state.suspicious if s["reason"] not in reasons]
        self._save(state)


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One finding per reason (the first): a file read many times says the same thing many times."""
    return list({item["reason"]: item for item in reversed(items)}.values())[::-1]


def _key(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True)


def _load_or_make_pepper(path: Path) -> tuple[bytes, bool]:
    """The installation's pepper (32 random bytes, made once) and whether it was just made."""
    with contextlib.suppress(OSError, ValueError):
        text = path.read_text(encoding="ascii").strip()
        if re.fullmatch(r"[0-9a-f]{64}", text):
            return bytes.fromhex(text), False
    pepper = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode())
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(pepper.hex())
            handle.flush()
            os.fsync(handle.fileno())
    except FileExistsError:  # present but unreadable or malformed: replaced (the counts start again)
        with contextlib.suppress(OSError):
            atomic_write_bytes(path, pepper.hex().encode("ascii"))
    except OSError:  # a full or read-only disk: this session keys in memory (nothing can be recorded
        pass  # anyway), and unlock goes on to say what is wrong with the disk
    return pepper, True


def _read(path: Path, now: float) -> _State | None:
    """One copy, validated: None if missing; anything wrong is dropped and noted as suspicious."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError:
        return _State(suspicious=[{"at": int(now), "reason": "unreadable"}])
    reasons: list[str] = []
    try:
        data = json.loads(raw) if len(raw) <= MAX_FILE_BYTES else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return _State(suspicious=[{"at": int(now), "reason": "malformed"}])
    state = _State()
    serial = data.get("serial")
    state.serial = serial if isinstance(serial, str) and _SERIAL_RE.fullmatch(serial) else ""
    seq = data.get("seq")
    state.seq = seq if type(seq) is int and 0 <= seq < 2**53 else 0
    accounts = data.get("accounts")
    if not isinstance(accounts, dict):
        reasons.append("malformed")
        accounts = {}
    for account, entry in list(accounts.items())[:MAX_PENDING_EVENTS]:
        failures = entry.get("failures") if isinstance(entry, dict) else None
        last = entry.get("last") if isinstance(entry, dict) else None
        if (
            not isinstance(account, str)
            or not _ACCOUNT_RE.fullmatch(account)
            or type(failures) is not int
            or failures < 0
            or not isinstance(last, int | float)
            or isinstance(last, bool)
            or not 0 <= last < 2**53
        ):
            reasons.append("malformed")
            continue
        if failures > MAX_FAILURES:
            reasons.append("too_many")
        if last > now + FUTURE_SLACK_S:
            reasons.append("future")
        state.accounts[account] = {"failures": min(failures, MAX_FAILURES), "last": min(float(last), now)}
    pending = data.get("pending")
    if not isinstance(pending, list):
        reasons.append("malformed")
        pending = []
    for item in pending[:MAX_PENDING_EVENTS]:
        if not isinstance(item, dict) or set(item) - {"account", "at", "n"}:
            reasons.append("malformed")
            continue
        account, at, n = item.get("account"), item.get("at"), item.get("n", 0)
        if (
            not isinstance(account, str)
            or not _ACCOUNT_RE.fullmatch(account)
            or type(at) is not int
            or type(n) is not int
        ):
            reasons.append("malformed")
            continue
        if at > now + FUTURE_SLACK_S or at < 0:
            reasons.append("future" if at > 0 else "malformed")
        state.pending.append({"account": account, "at": max(0, min(at, int(now))), "n": n})
    suspicious = data.get("suspicious", [])
    for item in suspicious[:MAX_SUSPICIOUS] if isinstance(suspicious, list) else []:
        if isinstance(item, dict) and set(item) == {"at", "reason"} and item["reason"] in REASONS:
            at = item["at"] if type(item["at"]) is int else 0
            state.suspicious.append({"at": max(0, min(at, int(now))), "reason": item["reason"]})
    state.suspicious += [{"at": int(now), "reason": r} for r in dict.fromkeys(reasons)]
    return state


REASONS = frozenset(
    {"unreadable", "malformed", "too_many", "future", "copy_missing", "differ", "pepper_replaced"}
)


def _merge(states: list[_State], now: float) -> _State:
    """The union of both copies: the larger count and the later time per account, every failure once."""
    serials = [s.serial for s in states if s.serial]
    merged = _State(serial=serials[0] if serials else secrets.token_hex(16), seq=max(s.seq for s in states))
    for state in states:
        for account, entry in state.accounts.items():
            known = merged.accounts.setdefault(account, {"failures": 0, "last": 0})
            known["failures"] = max(known["failures"], entry["failures"])
            known["last"] = max(known["last"], entry["last"])
        for item in state.pending:
            if item not in merged.pending:
                merged.pending.append(item)
        merged.suspicious += state.suspicious
    if len(set(serials)) > 1 or len({s.seq for s in states}) > 1:
        merged.suspicious.append({"at": int(now), "reason": "differ"})  # one copy was rolled back or forged
    merged.pending.sort(key=lambda i: (i["at"], i["n"]))
    merged.suspicious = _unique(merged.suspicious)
    return merged
