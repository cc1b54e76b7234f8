"""The centre's settings kept in the encrypted database, each declared once: key, type, default, format.

The `setting` table (app.models.accounts.Setting) holds one text per key. Every key the services read or
write is declared here with how its text is read and written, so that a key is spelt once and a value is
written the same way wherever it is set (as app.ui.settings does for the interface, before unlock).
The keys and formats are those of existing databases: changing one loses what a centre has stored.
Keys with a suffix (one per key slot, per partner centre...) are declared as a `Family`.

Reading never fails on a stored value: a missing, hand-edited or out-of-range one gives the default from
`get`, or None from `find` (for the callers to whom "never set" means something).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.accounts import Setting as Row
from app.reports import disclosure

T = TypeVar("T")

KEY_LENGTH = 100
"""The column's width: a family member's key is cut to it (as the services always did)."""


@dataclass(frozen=True)
class DbSetting(Generic[T]):
    """One key of the setting table: `parse` reads its text (raising ValueError, TypeError, KeyError or
    AttributeError on a bad one), `format` writes it; integers may declare their allowed range."""

    key: str
    default: T
    parse: Callable[[str], T]
    format: Callable[[T], str]
    minimum: int | None = None
    maximum: int | None = None

    def accepts(self, value: object) -> bool:
        """Whether `value` may be stored: for a ranged setting, a whole number (not a bool) in range."""
        if self.minimum is None and self.maximum is None:
            return True
        if isinstance(value, bool) or not isinstance(value, int):
            return False
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    def read(self, text: str) -> T | None:
        try:
            value = self.parse(text)
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        return value if self.accepts(value) else None


@dataclass(frozen=True)
class Family(Generic[T]):
    """Keys made of a prefix and a suffix (a slot id, a partner's key), all read and written alike."""

    prefix: str
    default: T
    parse: Callable[[str], T]
    format: Callable[[T], str]

    def of(self, suffix: str) -> DbSetting[T]:
        return DbSetting((self.prefix + suffix)[:KEY_LENGTH], self.default, self.parse, self.format)


# --- how values are written ------------------------------------------------------------------------------
def _text(value: str) -> str:
    return value


def _digits(text: str) -> int:
    """A count the program wrote: digits only (no sign, no blanks)."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


def _flag(_text: str) -> bool:
    return True  # present is set, whatever it holds


def _flag_text(_value: bool) -> str:
    return "1"


def _yes_no(text: str) -> bool:
    return {"true": True, "false": False}[text]


def _yes_no_text(value: bool) -> str:
    return "true" if value else "false"


def _json(**dumps: Any) -> Callable[[Any], str]:
    """JSON written as each setting always was (some sorted, some in the order given)."""

    def write(value: Any) -> str:
        return json.dumps(value, **dumps)

    return write


def _attempts_seen(text: str) -> tuple[str, int]:
    """The failed-login record's serial and count at the last login; a damaged value reads as a record
    nobody has seen (so the next login says the record was replaced)."""
    try:
        before = json.loads(text)
        return str(before["serial"]), int(before["seq"])
    except (ValueError, TypeError, KeyError):
        return "", -1


def _attempts_seen_text(value: tuple[str, int]) -> str:
    return json.dumps({"serial": value[0], "seq": value[1]})


def _text_setting(key: str) -> DbSetting[str]:
    return DbSetting(key, "", _text, _text)


def _flag_setting(key: str) -> DbSetting[bool]:
    return DbSetting(key, False, _flag, _flag_text)


def _int_setting(key: str, default: int, low: int, high: int) -> DbSetting[int]:
    return DbSetting(key, default, int, str, low, high)


def _json_setting(key: str, sort_keys: bool) -> DbSetting[Any]:
    return DbSetting(key, None, json.loads, _json(sort_keys=sort_keys))


# --- keys and the data key (app.services.workspace) ---------------------------------------------------------
RECOVERY_SLOT = _text_setting("recovery_slot_id")
"""The recovery key's slot id."""
ROTATION_PENDING = _flag_setting("key_rotation_pending")
"""Set in the transaction that revokes an account, cleared once the data key has been rotated: a crash
in between leaves it set, and the next unlock finishes the rotation (never rolls the revocation back)."""
KEY_GENERATION: DbSetting[int] = DbSetting("key_generation", 0, _digits, str)
"""The data key's generation, as the database knows it: the slot file says its own (app.services.rollback)."""
SLOT_DIGEST: Family[str] = Family("slot_digest:", "", _text, _text)
"""One per rightful slot: `slot_digest:<slot id>` -> the slot's digest (keyslots.slot_digest).

The id in `Operator.slot_id` (or the recovery setting) says which slot is hers; the digest says which of
the slots with that id: anyone who can write the slot file can add one with her id and his own secret."""
ATTEMPTS_SEEN: DbSetting[tuple[str, int]] = DbSetting(
    "attempts_seen", ("", -1), _attempts_seen, _attempts_seen_text
)
"""Serial and count of the failed-login record at the last login."""

# --- the trail, the ledger, the signing key -------------------------------------------------------------------
ERASURE_LEDGER_KEY = _text_setting("erasure_ledger_key")
"""The secret that authenticates the lines of erasures.jsonl (app.services.erasure_ledger)."""
SIGNING_KEY_HISTORY = _text_setting("signing_key_history")
"""The centre's signing-key changes as compact JSON (app.services.signing_keys parses it)."""
AUDIT_HEAD_WRITTEN = _json_setting("audit_head_written", sort_keys=False)
"""The audit head last written to the folder's head file (app.services.audit_heads)."""
NETWORK_AUDIT_HEAD: Family[Any] = Family("network_audit_head:", None, json.loads, _json())
"""The newest audit head received from a partner centre, by its first known key."""
NETWORK_RELEASE_LOG: Family[Any] = Family("network_release_log:", None, json.loads, _json())
"""The newest release log position received from a partner centre, by its first known key."""
SUPERSEDED_KEY: Family[Any] = Family("superseded_key:", None, json.loads, _json(ensure_ascii=False))
"""A partner's key replaced by a successor it signed, by the old key in base64."""

# --- a centre of several PCs (app.services.centre, app.services.partials) ----------------------------------
ROSTER_SENT: Family[str] = Family("centre_roster_sent:", "", _text, _text)
"""At the main office, one per desk PC (`centre_roster_sent:<install id>`): the digest of the roster it was
last sent, so that an unchanged roster is not sent again."""
PARTIALS_SENT: Family[str] = Family("partials_sent:", "", _text, _text)
"""At a desk PC, one per period (`partials_sent:<period code>`): the digest of the partial last sent for it."""

# --- after a rollback or a restore (app.services.rollback, app.services.backup) ------------------------------
LOGIN_NOTICES = _json_setting("login_notices", sort_keys=True)
"""Findings not yet shown to every administrator: JSON list of {message, params, at, seen_by}."""
ROLLBACK_REPORTED = _json_setting("rollback_reported_heads", sort_keys=True)
"""Hashes of heads already reported, so that one rollback is one finding, not one at every login."""
RESTORE_NOTICE = _json_setting("restore.unverified_notice", sort_keys=True)
"""Left by a restore onto an empty folder: JSON with restored_at, backup_made_at."""
NOTICE_SEEN: Family[Any] = Family("notice_seen:", None, json.loads, _json(sort_keys=True))
"""Who has been shown a notice: `notice_seen:<notice's key>` -> list of operator ids."""

# --- backups --------------------------------------------------------------------------------------------------
LAST_BACKUP: DbSetting[datetime] = DbSetting(
    "last_backup_at", datetime.min, datetime.fromisoformat, datetime.isoformat
)
"""When the last verified backup was made (naive UTC)."""
BACKUP_REMINDER_DAYS = _int_setting("backup_reminder_days", 7, 1, 365)
BACKUP_MANIFESTS_AUTHENTICATED = _flag_setting("backup_manifests_authenticated")
"""Set in the database before each backup copy is made: a restored database carrying it was backed up by a
version that tags manifests, so an untagged manifest around it was stripped (a downgrade), not old."""

# --- the centre's choices ---------------------------------------------------------------------------------------
DISCLOSURE_K = _int_setting("disclosure_k", disclosure.DEFAULT_K, disclosure.MIN_K, 50)
TODAY_INACTIVE_WEEKS = _int_setting("today_inactive_weeks", 6, 1, 52)
"""A case with nothing recorded for this long is listed on the Today page."""
TODAY_REVIEW_MONTHS = _int_setting("today_review_months", 3, 1, 24)
"""A pathway is reviewed at least this often: the next review offered by default, one interval on."""
REVIEW_HIGH_RISK_WEEKS = _int_setting("review_high_risk_weeks", 0, 0, 52)
"""The interval offered instead when her latest risk assessment is high; 0: the centre sets none."""
RETENTION_CASE_YEARS = _int_setting("retention_case_years", 7, 1, 50)
RETENTION_CONTACT_MONTHS = _int_setting("retention_contact_months", 18, 1, 120)
RETENTION_AUDIT_YEARS = _int_setting("retention_audit_years", 10, 1, 50)
RETENTION_FULL_DELETION: DbSetting[bool] = DbSetting("retention_full_deletion", False, _yes_no, _yes_no_text)
"""Delete closed cases whole instead of erasing their identity."""
DEMO_CASES_MADE: DbSetting[int] = DbSetting("demo.cases_made", 0, int, str)
"""Cases the demo generator made in this database (it refuses a folder holding others)."""


# --- access -------------------------------------------------------------------------------------------------
def find(session: Session, setting: DbSetting[T]) -> T | None:
    """The stored value; None if never set, unreadable or out of range."""
    row = session.get(Row, setting.key)
    return None if row is None else setting.read(row.value)


def get(session: Session, setting: DbSetting[T]) -> T:
    """The stored value, or the setting's default."""
    value = find(session, setting)
    return setting.default if value is None else value


def is_set(session: Session, setting: DbSetting[Any]) -> bool:
    """Whether the key is stored at all (whatever its value)."""
    return session.get(Row, setting.key) is not None


def put(session: Session, setting: DbSetting[T], value: T) -> None:
    """Store `value` in the caller's unit of work (inserted or replaced)."""
    if not setting.accepts(value):
        raise ValueError(f"invalid value for {setting.key}")
    text = setting.format(value)
    row = session.get(Row, setting.key)
    if row is None:
        session.add(Row(key=setting.key, value=text))
    else:
        row.value = text


def delete(session: Session, setting: DbSetting[Any]) -> None:
    row = session.get(Row, setting.key)
    if row is not None:
        session.delete(row)


def clear(session: Session, family: Family[Any]) -> int:
    """Delete every stored key of the family (whatever its value); returns how many there were."""
    rows = list(session.scalars(select(Row).where(Row.key.startswith(family.prefix, autoescape=True))))
    for row in rows:
        session.delete(row)
    return len(rows)


def members(session: Session, family: Family[T]) -> dict[str, T]:
    """Suffix -> value of every stored key of the family whose value reads."""
    out: dict[str, T] = {}
    for row in session.scalars(select(Row).where(Row.key.startswith(family.prefix, autoescape=True))):
        value = family.of("").read(row.value)
        if value is not None:
            out[row.key[len(family.prefix) :]] = value
    return out


# --- help desks (app.services.desks) -------------------------------------------------------------------------
DESK_FORMER_NAMES = _json_setting("desk_former_names", sort_keys=True)
"""Former names of renamed help desks (case-folded name -> desk id): a desk PC's partial aggregates that
still carry a desk's old name are matched to it (app.services.partials)."""
