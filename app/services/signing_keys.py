"""The centre's package-signing key and its history: replaced at every data-key rotation.

A revoked operator may have read the signing key (it sits in the database she could open), and with it
she could sign packages that a coordinator trusting the centre would accept. So every rotation of the
data key (a revocation, or an administrator's "re-key now") also replaces the signing key, and the old
key signs a statement naming the new one (app.crypto.signing.sign_succession). Every package signed
afterwards carries the whole chain (`key_history`), so a coordinator who trusted an earlier key follows
the change without a phone call, records it, and from then on refuses packages signed with the old key.

The chain lives in the database beside the key (a setting holding JSON); the old public keys stay known
so that release-log lines signed before the change still verify.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.crypto import signing
from app.models.accounts import Centre
from app.reports.package import MAX_SUCCESSIONS, KeyChange
from app.services import settings


def history(session: Session) -> list[KeyChange]:
    """The centre's key changes, oldest first (empty before the first rotation)."""
    return parse_history(settings.get(session, settings.SIGNING_KEY_HISTORY))


def parse_history(value: str) -> list[KeyChange]:
    if not value:
        return []
    out: list[KeyChange] = []
    try:
        for step in json.loads(value):
            out.append(
                KeyChange(
                    base64.b64decode(step["old"], validate=True),
                    base64.b64decode(step["new"], validate=True),
                    datetime.strptime(step["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC),
                    base64.b64decode(step["signature"], validate=True),
                )
            )
    except (ValueError, KeyError, TypeError, binascii.Error):
        return []  # a damaged record only costs coordinators a phone call, never a wrong trust
    return out


def package_history(session: Session) -> list[dict[str, str]]:
    """The `key_history` member of the packages signed now: the chain ending at the current key."""
    steps = history(session)
    current = signing.public_key_of(session.get_one(Centre, 1).signing_key)
    if not steps or steps[-1].new != current:
        return []
    return [step.as_json() for step in steps[-MAX_SUCCESSIONS:]]


def public_keys(session: Session) -> list[bytes]:
    """The current public key and every earlier one (release-log lines signed by any still verify)."""
    current = signing.public_key_of(session.get_one(Centre, 1).signing_key)
    return [current, *(step.old for step in reversed(history(session)))]


def carry_forward(session: Session, newer_key: bytes | None, newer_history: str) -> bool:
    """After a restore: take the replaced database's signing key if it succeeds the restored one.

    Coordinators who followed a key change refuse the older key, and a second successor of it would
    look like a forgery; the replaced database's key (and its chain) is the one they know. Taken only
    when the chain ends at that key and passes through the restored one, never when they are unrelated.
    """
    if not newer_key:
        return False
    centre = session.get_one(Centre, 1)
    restored = signing.public_key_of(centre.signing_key)
    newer = signing.public_key_of(newer_key)
    steps = parse_history(newer_history)
    if newer == restored or not steps or steps[-1].new != newer:
        return False
    if restored not in {step.old for step in steps}:
        return False
    settings.put(session, settings.SIGNING_KEY_HISTORY, newer_history)
    centre.signing_key = newer_key
    return True


def replace_signing_key(session: Session, at: datetime | None = None) -> KeyChange:
    """A fresh signing key for the centre, vouched for by the old one; the old private key is dropped.

    Runs inside the caller's transaction (the data-key rotation), so key and history change together.
    """
    centre = session.get_one(Centre, 1)
    old_private = centre.signing_key
    new_private = signing.generate_signing_key()
    new_public = signing.public_key_of(new_private)
    moment = (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    change = KeyChange(
        signing.public_key_of(old_private),
        new_public,
        moment,
        signing.sign_succession(old_private, new_public, stamp),
    )
    steps = [step.as_json() for step in history(session)]
    steps.append(change.as_json())
    value = json.dumps(steps, separators=(",", ":"))
    settings.put(session, settings.SIGNING_KEY_HISTORY, value)
    centre.signing_key = new_private
    return change
