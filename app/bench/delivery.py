"""`ascolto bench --delivery`: the outbox and the inbox against real servers on this PC.

Issue targets: an outbox of 100 items delivered to a local SMTP server in under 10 s; 672 packages (56
centres x 12 months) fetched from a local IMAP server and verified in under 10 s (the merge that follows is
the main bench's "network merge"). Needs aiosmtpd (test extras) and Dovecot (dovecot-imapd); synthetic data.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TextIO

from app.bench import mail_servers

ITEMS = 100
CENTRES = 56
TARGET_MS = 10_000


def _workspace(folder: Path) -> tuple[Any, Any]:
    """A small real archive (ten women) and one real release of a month: what the items carry."""
    from app.crypto.keyslots import FLOOR
    from app.reports.periods import parse_period
    from app.services import cases, reports
    from app.services.workspace import Workspace

    ws, _ = Workspace.initialise(
        folder, kdf=FLOOR, centre_name="Centro Bench", centre_code="BE", desk_name="Sportello",
        username="bench", full_name="Bench", password="benchmark synthetic data only",
    )  # fmt: skip
    for i in range(10):
        cases.open_case(
            ws,
            cases.IdentityInput(f"Bench{i}", "Synthetic"),
            cases.ProfileInput(birth_year=1980, country="IT"),
            cases.ConsentInput(("TRATTAMENTO", "STATISTICHE"), date(2025, 3, 1)),
            opened_on=date(2025, 3, 1),
        )
    data = reports.prepare(ws, parse_period("2025-03"))
    return ws, data


def _packages(data: Any) -> list[tuple[str, bytes]]:
    from app.crypto import signing
    from app.reports import package
    from app.reports.periods import Period

    made = []
    for centre in range(CENTRES):
        key = signing.generate_signing_key()
        for month in range(1, 13):
            period = Period.month(2025, month)
            built = package.build_package(
                data.tables, centre=f"Centro {centre + 1}", desks=["Sportello"], period_start=period.start,
                period_end=period.end, disclosure=dict(data.rule), software="Ascolto bench",
                signing_key=key, generated_at=dt.datetime(2026, 1, 15, tzinfo=dt.UTC),
            )  # fmt: skip
            made.append((f"c{centre:02d}-{month:02d}.json", package.package_bytes(built)))
    return made


def run(repeat: int = 3) -> dict[str, Any]:
    from app.services import inbox, outbox
    from app.services.routes import EmailRoute, set_route

    sends: list[float] = []
    fetches: list[float] = []
    with tempfile.TemporaryDirectory(prefix="ascolto-bench-delivery-") as tmp:
        root = Path(tmp)
        authority = mail_servers.make_authority(root / "ca")
        smtp = mail_servers.start_smtp(authority, "tls")
        imap = mail_servers.start_imap(authority, root / "imap")
        try:
            ws, data = _workspace(root / "data")
            with ws:
                files = [("package.json", b"{}" * 20_000), ("report.pdf", b"%PDF" * 30_000)]
                route = EmailRoute(
                    address=mail_servers.USER, username=mail_servers.USER, password=mail_servers.PASSWORD,
                    smtp_host="localhost", smtp_port=smtp.port, recipients=("rete@pec.example.it",),
                    imap_host="localhost", imap_port=imap.port, ca_pem=authority.ca_pem,
                )  # fmt: skip
                set_route(ws, "network", route)
                set_route(ws, "inbox", route)
                for _ in range(repeat):
                    with ws.transaction() as session:
                        for n in range(ITEMS):
                            outbox.queue(
                                session,
                                destination="network",
                                kind="release",
                                period=f"b{n}",
                                attachments=files,
                            )
                    started = time.perf_counter()
                    result = outbox.send(ws)
                    sends.append((time.perf_counter() - started) * 1000)
                    assert result.delivered == ITEMS, result
                packages = _packages(data)
                for n in range(repeat):
                    for name, body in packages:
                        mail = EmailMessage()
                        mail["Subject"], mail["Message-ID"] = "Ascolto", f"<{n}-{name}@bench>"
                        mail.set_content("dati aggregati")
                        mail.add_attachment(
                            body + b" " * n, maintype="application", subtype="json", filename=name
                        )
                        imap.append(mail, authority)
                    started = time.perf_counter()
                    found = inbox.fetch_inbox(ws)
                    fetches.append((time.perf_counter() - started) * 1000)
                    assert len(found) == len(packages), len(found)
        finally:
            imap.stop()
            smtp.controller.stop()
    return {
        "outbox_100_items_ms": round(statistics.median(sends), 1),
        "inbox_672_packages_ms": round(statistics.median(fetches), 1),
        "samples": {"send": sends, "fetch": fetches},
        "target_ms": TARGET_MS,
    }


def main(out: TextIO, repeat: int = 3) -> int:
    if mail_servers.DOVECOT is None:
        print(
            "Dovecot is not installed (sudo apt-get install dovecot-imapd): the delivery bench needs it.",
            file=out,
        )
        return 2
    result = run(repeat)
    for name in ("outbox_100_items_ms", "inbox_672_packages_ms"):
        verdict = "ok" if result[name] < TARGET_MS else "OVER"
        print(f"{name:<28} {result[name]:>10,.1f} ms   target < {TARGET_MS:,} ms   {verdict}", file=out)
    return 0
