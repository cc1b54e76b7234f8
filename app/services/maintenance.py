"""Checks of the whole data folder: encryption, structure, audit chain, and the chain against what
was seen of it elsewhere (app.services.audit_heads)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.models.accounts import Role
from app.services import audit, audit_heads, release_log, signing_keys
from app.services.workspace import Workspace


@dataclass
class VerifyReport:
    checks: dict[str, list[str]] = field(default_factory=dict)  # check name -> problems (empty = ok)
    notes: list[str] = field(default_factory=list)  # facts to know that are not failures (a restore)

    @property
    def ok(self) -> bool:
        return not any(self.checks.values())

    def failed_checks(self) -> list[str]:
        return [name for name, problems in self.checks.items() if problems]

    def lines(self) -> list[str]:
        out: list[str] = []
        for name, problems in self.checks.items():
            out.append(f"{name}: {'ok' if not problems else 'FAILED'}")
            out.extend(f"    {p}" for p in problems)
        out.extend(f"note: {n}" for n in self.notes)
        return out


def verify(ws: Workspace, backups: Sequence[Path] = ()) -> VerifyReport:
    """cipher_integrity_check (every page's HMAC), integrity_check, key slots that belong to nobody
    (a planted slot keeps nothing after a rotation, but it opens the current key until then: re-key now),
    the audit hash chain, the audit triggers, the anchor's moves, and the chain against every head seen
    outside it: the head file, the backups in the folder and `backups` (e.g. on a USB stick)."""
    actor = ws.require_actor(Role.COORDINATRICE)
    report = VerifyReport()
    problems = ws.integrity_problems()
    report.checks["cipher_integrity_check"] = [p for p in problems if p.startswith("cipher_integrity_check")]
    report.checks["integrity_check"] = [p for p in problems if p.startswith("integrity_check")]
    report.checks["key_slots"] = ws.keys.slot_problems()
    try:
        with ws.transaction(write=False) as session:
            breaks = audit.verify_chain(session)
            report.checks["audit_chain"] = [f"event {b.event_id}: {b.reason}" for b in breaks]
            report.checks["audit_triggers"] = audit.trigger_problems(session)
            report.checks["audit_anchor"] = audit.anchor_problems(session)
            seen, untagged = audit_heads.seen_heads(ws.folder, backups, session)
            report.checks["audit_heads"], report.notes = audit.head_findings(session, seen)
            weak, weak_notes = audit.head_findings(session, untagged)
            report.notes += [f"{p} (an untagged manifest: anyone could have written it)" for p in weak]
            report.notes += weak_notes
            report.checks["release_log"] = release_log.problems(ws.folder, signing_keys.public_keys(session))
    except Exception as exc:  # a damaged page inside the audit table is reported, not raised
        report.checks["audit_chain"] = [f"could not be read ({type(exc).__name__})"]
    if report.ok:
        with ws.transaction() as session:
            audit.record(session, actor.operator_id, "verify", "centre", 1)
        with ws.transaction() as session:
            audit_heads.try_write_head_file(ws.folder, session)
    return report
