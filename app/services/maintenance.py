"""Checks of the whole data folder: encryption, structure, audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.models.accounts import Role
from app.services import audit
from app.services.workspace import Workspace


@dataclass
class VerifyReport:
    checks: dict[str, list[str]] = field(default_factory=dict)  # check name -> problems (empty = ok)

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
        return out


def verify(ws: Workspace) -> VerifyReport:
    """cipher_integrity_check (every page's HMAC), integrity_check, key slots that belong to nobody
    (a planted slot keeps nothing after a rotation, but it opens the current key until then: re-key now),
    then the audit hash chain."""
    actor = ws.require_actor(Role.COORDINATRICE)
    report = VerifyReport()
    problems = ws.integrity_problems()
    report.checks["cipher_integrity_check"] = [p for p in problems if p.startswith("cipher_integrity_check")]
    report.checks["integrity_check"] = [p for p in problems if p.startswith("integrity_check")]
    report.checks["key_slots"] = ws.slot_problems()
    try:
        with ws.transaction(write=False) as session:
            breaks = audit.verify_chain(session)
        report.checks["audit_chain"] = [f"event {b.event_id}: {b.reason}" for b in breaks]
    except Exception as exc:  # a damaged page inside the audit table is reported, not raised
        report.checks["audit_chain"] = [f"could not be read ({type(exc).__name__})"]
    if report.ok:
        with ws.transaction() as session:
            audit.record(session, actor.operator_id, "verify", "centre", 1)
    return report
