"""The release log's two guards, each pinned alone: the signature (a line nobody with the centre's key
wrote) and the chain (lines the key did write, moved or removed).

A line that does not verify still blocks its period, but its bytes are never served again
(`release_log.merge_into`), so `verified` is what an intruder with write access to the folder wants.
Each test below fails when its guard is taken out of `release_log.read`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date, datetime
from pathlib import Path

from app.crypto import signing
from app.models.reports import ExportRecord
from app.services import release_log
from app.services.validation import encode_codes

KEY = signing.generate_signing_key()
INTRUDER = signing.generate_signing_key()
PUBLIC = signing.public_key_of(KEY)


def _release(folder: Path, quarter: int) -> None:
    package, pdf = f"package {quarter}".encode(), f"pdf {quarter}".encode()
    record = ExportRecord(
        kind="release",
        period_code=f"2026-Q{quarter}",
        period_start=date(2026, 3 * quarter - 2, 1),
        period_end=date(2026, 3 * quarter, 28),
        desk_ids=encode_codes(["1"]),
        threshold=5,
        rule_version="cellkey-1",
        digest=hashlib.sha256(package).hexdigest(),
        pdf_digest=hashlib.sha256(pdf).hexdigest(),
        tables_digest="0" * 64,
        created_at=datetime(2026, 12, 1, 9, quarter),
    )
    release_log.append(folder, record, package, pdf, KEY)


def _log(tmp_path: Path) -> tuple[Path, list[bytes]]:
    """Three releases, logged and signed by the centre's key."""
    for quarter in (1, 2, 3):
        _release(tmp_path, quarter)
    path = release_log.folder_of(tmp_path) / release_log.LOG_FILE
    lines = path.read_bytes().splitlines()
    assert [e.verified for e in release_log.read(tmp_path, PUBLIC)] == [True, True, True]
    return path, lines


def _verified(tmp_path: Path, lines: list[bytes]) -> list[tuple[str, bool]]:
    (release_log.folder_of(tmp_path) / release_log.LOG_FILE).write_bytes(b"\n".join(lines) + b"\n")
    return [(e.period_code, e.verified) for e in release_log.read(tmp_path, PUBLIC)]


def _signed_by(key: bytes, entry: dict[str, object]) -> bytes:
    entry = {k: v for k, v in entry.items() if k != "sig"}
    canonical = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    entry["sig"] = base64.b64encode(signing.sign(key, canonical)).decode()
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def test_a_forged_line_is_not_verified(tmp_path: Path) -> None:
    """The chain holds (the forger names the right previous line); only the signature is wrong: an edited
    period under the old signature, and a line of her own signed with a key of her own."""
    _, lines = _log(tmp_path)
    edited = json.loads(lines[1])
    edited["period"] = "2026-S1"
    forged = json.dumps(edited, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert _verified(tmp_path, [lines[0], forged]) == [("2026-Q1", True), ("2026-S1", False)]
    own = _signed_by(INTRUDER, {**json.loads(lines[2]), "period": "2026"})
    assert _verified(tmp_path, [*lines, own])[-1] == ("2026", False)
    assert _verified(tmp_path, lines) == [("2026-Q1", True), ("2026-Q2", True), ("2026-Q3", True)]


def test_a_reordered_line_is_not_verified(tmp_path: Path) -> None:
    """Every signature holds; only the chain says the second and third lines were swapped."""
    _, lines = _log(tmp_path)
    assert _verified(tmp_path, [lines[0], lines[2], lines[1]]) == [
        ("2026-Q1", True),
        ("2026-Q3", False),
        ("2026-Q2", False),
    ]


def test_a_dropped_line_is_not_verified(tmp_path: Path) -> None:
    """Every remaining signature holds; only the chain says a line is missing: the line after the gap (the
    new first line, when the first was dropped) names a predecessor that is not there. The lines after it
    link to it correctly. (Dropping the last line leaves no trace in the log itself.)"""
    _, lines = _log(tmp_path)
    assert _verified(tmp_path, [lines[0], lines[2]]) == [("2026-Q1", True), ("2026-Q3", False)]
    assert _verified(tmp_path, lines[1:]) == [("2026-Q2", False), ("2026-Q3", True)]
