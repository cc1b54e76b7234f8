"""The outbox against real servers: aiosmtpd over TLS and STARTTLS, Dovecot for PEC receipts, a folder.

Faults: server down, wrong password, a certificate the system does not trust, the connection dropped in
the middle of DATA, a missing folder; a kill between "sending" and the answer.
"""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest

from app.bench import mail_servers
from app.bench.mail_servers import PASSWORD, USER, Authority
from app.models.base import utcnow
from app.models.outbox import OutboxItem
from app.reports.periods import parse_period
from app.services import outbox, releases, reports
from app.services.errors import UserError
from app.services.routes import EmailRoute, FolderRoute, remove_route, routes, set_route
from app.services.workspace import Workspace
from tests.foundation_fixtures import add_women

pytest_plugins = ["tests.foundation_fixtures"]
MARKERS = ("Donna0", "Prova", "Donna9")  # the women's names the release is made from


@pytest.fixture(scope="module")
def authority(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    return mail_servers.make_authority(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def smtp_tls(authority: Authority) -> Iterator[mail_servers.SmtpServer]:
    server = mail_servers.start_smtp(authority, "tls")
    yield server
    server.controller.stop()


def _route(authority: Authority, port: int, security: str = "tls", **changes: object) -> EmailRoute:
    values: dict[str, object] = {
        "address": USER,
        "username": USER,
        "password": PASSWORD,
        "smtp_host": "localhost",
        "smtp_port": port,
        "security": security,
        "recipients": ("rete@pec.example.it",),
        "ca_pem": authority.ca_pem,
    }
    values.update(changes)
    return EmailRoute(**values)  # type: ignore[arg-type]


def _queue_release(ws: Workspace, tmp_path: Path) -> int:
    add_women(ws, 10)
    result = releases.export(ws, reports.prepare(ws, parse_period("2025-03")), tmp_path / "marzo.json")
    files = [(p.name, p.read_bytes()) for p in (result.package_path, result.preview_path)]
    with ws.transaction() as session:
        return outbox.queue(
            session, destination="network", kind="release", period="2025-03", attachments=files
        ).id


def _state(ws: Workspace, item_id: int) -> tuple[str, str]:
    view = next(v for v in outbox.items(ws) if v.id == item_id)
    return view.state, view.reason


def test_a_release_goes_out_over_tls_naming_only_centre_period_and_kind(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    item = _queue_release(fnd_ws, tmp_path)
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port))
    result = outbox.send(fnd_ws)
    assert (result.delivered, result.failed, result.waiting) == (1, 0, 0)
    assert _state(fnd_ws, item) == ("sent", "")
    [raw] = smtp_tls.received
    mail = email.message_from_bytes(raw, policy=default_policy)
    assert mail["Subject"] == "Ascolto BG 2025-03 - dati aggregati"
    names = [part.get_filename() for part in mail.iter_attachments()]
    assert len(names) == 2 and names[0].endswith("marzo.json") and names[1].endswith(".pdf")
    for marker in MARKERS:  # the e-mail as the server stored it: headers, body, attachments
        for needle in (marker.encode(), marker.upper().encode(), marker.encode("utf-16-le")):
            assert needle not in raw
    assert routes(fnd_ws)[0].summary.startswith(USER) and PASSWORD not in repr(routes(fnd_ws))


def test_starttls_route_delivers(fnd_ws: Workspace, tmp_path: Path, authority: Authority) -> None:
    server = mail_servers.start_smtp(authority, "starttls")
    try:
        _queue_release(fnd_ws, tmp_path)
        set_route(fnd_ws, "network", _route(authority, server.port, "starttls", smtp_port=server.port))
        assert outbox.send(fnd_ws).delivered == 1
        assert len(server.received) == 1
    finally:
        server.controller.stop()


def test_faults_leave_the_item_waiting_with_a_reason_and_a_later_retry(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    item = _queue_release(fnd_ws, tmp_path)
    set_route(fnd_ws, "network", _route(authority, mail_servers.free_port()))  # nobody listens there
    assert outbox.send(fnd_ws).failed == 1
    assert _state(fnd_ws, item) == ("failed", "unreachable")
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port, password="wrong"))
    assert outbox.send(fnd_ws).failed == 0  # still within its backoff: not tried again yet
    assert outbox.send(fnd_ws, everything=True).failed == 1  # "send now"
    assert _state(fnd_ws, item) == ("failed", "login")
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port, ca_pem=""))  # the system store lacks our CA
    outbox.send(fnd_ws, everything=True)
    assert _state(fnd_ws, item) == ("failed", "certificate")
    assert not smtp_tls.received
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port))
    later = utcnow() + timedelta(hours=12)
    assert outbox.send(fnd_ws, now=later).delivered == 1  # the backoff ran out: retried by itself
    assert _state(fnd_ws, item) == ("sent", "") and len(smtp_tls.received) == 1


def test_a_connection_dropped_in_data_sends_the_same_message_again(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    item = _queue_release(fnd_ws, tmp_path)
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port))
    smtp_tls.drop_data = 1
    outbox.send(fnd_ws)
    assert _state(fnd_ws, item) == ("failed", "dropped") and not smtp_tls.received
    outbox.send(fnd_ws, everything=True)
    [raw] = smtp_tls.received
    assert email.message_from_bytes(raw)["Message-ID"] == outbox.message_id(fnd_ws_uid(fnd_ws, item))


def fnd_ws_uid(ws: Workspace, item_id: int) -> str:
    with ws.transaction(write=False) as session:
        return session.get_one(OutboxItem, item_id).uid


def test_an_item_interrupted_while_sending_waits_again_and_goes_once(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    item = _queue_release(fnd_ws, tmp_path)
    set_route(fnd_ws, "network", _route(authority, smtp_tls.port))
    with fnd_ws.transaction() as session:  # what a kill after "sending" was committed leaves behind
        session.get_one(OutboxItem, item).state = "sending"
    assert outbox.send(fnd_ws).delivered == 1
    history = next(v for v in outbox.items(fnd_ws) if v.id == item)
    assert history.state == "sent" and len(smtp_tls.received) == 1


def test_a_folder_route_writes_and_reads_back(fnd_ws: Workspace, tmp_path: Path) -> None:
    item = _queue_release(fnd_ws, tmp_path)
    stick = tmp_path / "usb"
    set_route(fnd_ws, "network", FolderRoute(str(stick)))
    outbox.send(fnd_ws)
    assert _state(fnd_ws, item) == ("failed", "folder")  # the stick is not plugged in
    stick.mkdir()
    outbox.send(fnd_ws, everything=True)
    assert _state(fnd_ws, item) == ("delivered", "")
    files = sorted(p.name for p in stick.iterdir())
    assert len(files) == 2 and files[0].endswith(".json")
    outbox.send(fnd_ws, everything=True)  # nothing due: no second copy
    assert sorted(p.name for p in stick.iterdir()) == files


def test_routes_are_for_administrators_and_checked(fnd_ws: Workspace, authority: Authority) -> None:
    with pytest.raises(UserError, match="not an e-mail address"):
        set_route(fnd_ws, "network", _route(authority, 465, recipients=("nobody",)))
    with pytest.raises(UserError, match="full path"):
        set_route(fnd_ws, "network", FolderRoute("relative/folder"))
    with pytest.raises(UserError, match="Unknown destination"):
        set_route(fnd_ws, "elsewhere", FolderRoute("/tmp"))
    with pytest.raises(UserError, match="No route"):
        remove_route(fnd_ws, "network")


def _receipt(kind: str, refers_to: str) -> EmailMessage:
    receipt = EmailMessage()
    receipt["From"] = "posta-certificata@pec.example.it"
    receipt["To"] = USER
    receipt["Subject"] = f"CONSEGNA: Ascolto BG 2025-03 - dati aggregati ({kind})"
    receipt["X-Ricevuta"] = kind
    receipt["X-Riferimento-Message-ID"] = refers_to
    receipt["Message-ID"] = f"<{kind}-{refers_to.strip('<>')}>"
    receipt.set_content("Il messaggio e' stato consegnato.")
    return receipt


@pytest.mark.skipif(
    mail_servers.DOVECOT is None, reason="dovecot-imapd is not installed (dev.py test installs it)"
)
def test_pec_receipts_from_imap_mark_the_item_delivered_and_are_kept(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    imap = mail_servers.start_imap(authority, tmp_path / "imap")
    try:
        item = _queue_release(fnd_ws, tmp_path)
        set_route(
            fnd_ws,
            "network",
            _route(authority, smtp_tls.port, imap_host="localhost", imap_port=imap.port),
        )
        outbox.send(fnd_ws)
        sent_id = outbox.message_id(fnd_ws_uid(fnd_ws, item))
        imap.append(_receipt("accettazione", sent_id), authority)
        imap.append(_receipt("avvenuta-consegna", "<someone-else@example.it>"), authority)
        assert outbox.check_receipts(fnd_ws) == 0  # accepted by the provider, not delivered yet
        assert _state(fnd_ws, item) == ("sent", "")
        imap.append(_receipt("avvenuta-consegna", sent_id), authority)
        assert outbox.check_receipts(fnd_ws) == 1
        assert _state(fnd_ws, item) == ("delivered", "")
        assert outbox.check_receipts(fnd_ws) == 0  # read once: the mailbox position is kept
        view = next(v for v in outbox.items(fnd_ws) if v.id == item)
        assert view.receipts == ("accettazione", "avvenuta-consegna")
        kept = outbox.receipt(fnd_ws, item, 1)
        assert b"X-Ricevuta: avvenuta-consegna" in kept
    finally:
        imap.stop()


def _package_mail(name: str, data: bytes, message_id: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "cav-b@pec.example.it"
    mail["To"] = USER
    mail["Subject"] = "Ascolto CB 2025-03 - dati aggregati"
    mail["Message-ID"] = message_id
    mail.set_content("Centro antiviolenza CB: dati aggregati.")
    mail.add_attachment(data, maintype="application", subtype="json", filename=name)
    return mail


def _pec_envelope(inner: EmailMessage) -> EmailMessage:
    """How a PEC provider hands over a message: a transport envelope with the original as postacert.eml."""
    envelope = EmailMessage()
    envelope["From"] = "per conto di: cav-b@pec.example.it <posta-certificata@pec.example.it>"
    envelope["To"] = USER
    envelope["Subject"] = "POSTA CERTIFICATA: " + str(inner["Subject"])
    envelope["Message-ID"] = "<envelope-" + str(inner["Message-ID"]).strip("<>") + ">"
    envelope["X-Trasporto"] = "posta-certificata"
    envelope.set_content("Messaggio di posta certificata")
    envelope.add_attachment(inner, filename="postacert.eml")
    return envelope


@pytest.mark.skipif(
    mail_servers.DOVECOT is None, reason="dovecot-imapd is not installed (dev.py test installs it)"
)
def test_the_inbox_checks_every_attachment_before_it_is_shown(
    fnd_ws: Workspace, tmp_path: Path, authority: Authority
) -> None:
    from app.services import inbox

    add_women(fnd_ws, 10)
    result = releases.export(
        fnd_ws, reports.prepare(fnd_ws, parse_period("2025-03")), tmp_path / "marzo.json"
    )
    good = result.package_path.read_bytes()
    imap = mail_servers.start_imap(authority, tmp_path / "imap")
    try:
        set_route(
            fnd_ws,
            "inbox",
            _route(authority, 465, smtp_host="", recipients=(), imap_host="localhost", imap_port=imap.port),
        )
        imap.append(_pec_envelope(_package_mail("cb-2025-03.json", good, "<p1@cav-b>")), authority)
        imap.append(
            _package_mail("forged.json", good.replace(b'"2025-03-01"', b'"2025-02-01"'), "<p2@cav-b>"),
            authority,
        )
        imap.append(_package_mail("again.json", good, "<p3@cav-b>"), authority)  # the same bytes again
        imap.append(_package_mail("notes.txt", b"Donna0 Prova", "<p4@cav-b>"), authority)
        found = inbox.fetch_inbox(fnd_ws)
        states = {e.name: (e.state, e.reason) for e in found}
        assert set(states) == {"cb-2025-03.json", "forged.json", "notes.txt"}
        assert states["cb-2025-03.json"][0] == "untrusted"  # checked, kept, waiting for the fingerprint call
        assert states["forged.json"][0] == "refused" and "signature" in states["forged.json"][1]
        assert states["notes.txt"] == ("refused", "not a package")
        saved = list(inbox.inbox_folder(fnd_ws).iterdir())
        assert [p.read_bytes() for p in saved] == [good]  # only what verified reaches the folder
        assert inbox.fetch_inbox(fnd_ws) == []  # read once
        assert len(inbox.entries(fnd_ws)) == 3
    finally:
        imap.stop()


def test_the_inbox_reads_a_folder_too(fnd_ws: Workspace, tmp_path: Path) -> None:
    from app.services import inbox

    add_women(fnd_ws, 10)
    result = releases.export(
        fnd_ws, reports.prepare(fnd_ws, parse_period("2025-03")), tmp_path / "marzo.json"
    )
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.json").write_bytes(result.package_path.read_bytes())
    (share / "big.json").write_bytes(b"{" + b" " * (6_000_000) + b"}")
    set_route(fnd_ws, "inbox", FolderRoute(str(share)))
    states = {e.name: e.state for e in inbox.fetch_inbox(fnd_ws)}
    assert states == {"a.json": "untrusted", "big.json": "refused"}
    assert inbox.fetch_inbox(fnd_ws) == []  # the same files again: recognised


def test_kill_during_data_leaves_the_item_waiting_and_it_goes_once(
    fnd_folder: Path, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    import os
    import signal
    import subprocess
    import sys

    from tests.foundation_fixtures import ADMIN, ADMIN_PW

    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        item = _queue_release(ws, tmp_path)
        set_route(ws, "network", _route(authority, smtp_tls.port))
    smtp_tls.stall_data = True
    sender = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys; from pathlib import Path; from app.services import outbox; "
                "from app.services.workspace import Workspace\n"
                "with Workspace.open(Path(sys.argv[1])) as ws:\n"
                "    ws.unlock(sys.argv[2], sys.argv[3]); outbox.send(ws)\n"
            ),
            str(fnd_folder),
            ADMIN,
            ADMIN_PW,
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    try:
        assert smtp_tls.in_data.wait(60), "the sender never reached DATA"
    finally:
        sender.send_signal(signal.SIGKILL)
        sender.wait(30)
    smtp_tls.stall_data = False
    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        assert _state(ws, item) == ("sending", "")  # the kill came between "sending" and the answer
        assert outbox.send(ws).delivered == 1  # found interrupted, sent again
        assert _state(ws, item) == ("sent", "")
        history = next(v for v in outbox.items(ws) if v.id == item)
        assert history.attempts == 2
    assert len(smtp_tls.received) == 1  # the interrupted DATA never completed


def test_the_command_line_sets_a_route_lists_and_sends(
    fnd_folder: Path, tmp_path: Path, authority: Authority, smtp_tls: mail_servers.SmtpServer
) -> None:
    from tests.foundation_fixtures import ADMIN, ADMIN_PW, run_cli

    with Workspace.open(fnd_folder) as ws:
        ws.unlock(ADMIN, ADMIN_PW)
        _queue_release(ws, tmp_path)
    ca = tmp_path / "ca.pem"
    ca.write_text(authority.ca_pem)
    common = ["--data-dir", str(fnd_folder), "--user", ADMIN, "--password-stdin"]
    set_route_args = [
        "--language", "en", "route", "set", "network", *common, "--email", USER, "--smtp", f"localhost:{smtp_tls.port}",
        "--to", "rete@pec.example.it", "--ca", str(ca),
    ]  # fmt: skip
    done = run_cli(set_route_args, tmp_path / "home", f"{ADMIN_PW}\n{PASSWORD}")
    assert done.returncode == 0, done.stderr
    listed = run_cli(["--language", "en", "route", "list", *common], tmp_path / "home", ADMIN_PW)
    assert f"network\temail\t{USER}" in listed.stdout and PASSWORD not in listed.stdout + listed.stderr
    waiting = run_cli(["--language", "en", "outbox", *common], tmp_path / "home", ADMIN_PW)
    assert "\twaiting\t" in waiting.stdout and "dati aggregati" in waiting.stdout
    sent = run_cli(["--language", "en", "outbox", "send", *common], tmp_path / "home", ADMIN_PW)
    assert sent.returncode == 0, sent.stderr
    assert len(smtp_tls.received) == 1
    assert (
        "\tinviato\t" in run_cli(["--language", "it", "outbox", *common], tmp_path / "home", ADMIN_PW).stdout
    )  # Italian by default


def test_a_first_release_is_queued_for_the_network_once_a_route_is_set(
    fnd_ws: Workspace, tmp_path: Path
) -> None:
    add_women(fnd_ws, 10)
    march, april = parse_period("2025-03"), parse_period("2025-04")
    add_women(fnd_ws, 10, on=april.start)
    releases.export(fnd_ws, reports.prepare(fnd_ws, march), tmp_path / "marzo.json")
    assert outbox.items(fnd_ws) == []  # no route: the coordinator carries the files, as before
    set_route(fnd_ws, "network", FolderRoute(str(tmp_path)))
    releases.export(fnd_ws, reports.prepare(fnd_ws, april), tmp_path / "aprile.json")
    [item] = outbox.items(fnd_ws)
    assert (item.kind, item.state, len(item.files)) == ("release", "waiting", 2)
    assert item.files[0].endswith("aggregati-2025-04.json") and item.files[1].endswith(
        "relazione-2025-04.pdf"
    )
    releases.export(fnd_ws, reports.prepare(fnd_ws, april), tmp_path / "again.json")  # served frozen
    assert len(outbox.items(fnd_ws)) == 1  # a release served again is not sent twice
