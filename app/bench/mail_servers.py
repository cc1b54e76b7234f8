"""Real mail servers on the loopback, for the outbox and inbox tests and `ascolto bench --delivery`:
aiosmtpd (SMTP with TLS and login) and Dovecot (IMAP over TLS), trusting a certificate authority made here.

No mock: the code under test speaks SMTP and IMAP over TLS to these servers exactly as it would to a PEC
provider. Neither server is a dependency of the application: aiosmtpd comes with the test extras, Dovecot
from the Debian package dovecot-imapd (`dev.py test` installs it as root).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import getpass
import imaplib
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER, PASSWORD = "cav@pec.example.it", "pec-password-1"
DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)


@dataclass(frozen=True)
class Authority:
    ca_pem: str
    cert: Path
    key: Path


def make_authority(folder: Path, host: str = "localhost") -> Authority:
    """A CA and a server certificate for `host` (and 127.0.0.1), valid for a day."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Ascolto test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(host), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_path.chmod(0o600)
    return Authority(ca.public_bytes(serialization.Encoding.PEM).decode(), cert_path, key_path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class SmtpServer:
    port: int
    security: str
    received: list[bytes] = field(default_factory=list)
    drop_data: int = 0  # close the connection during the next N DATA commands, before the reply
    stall_data: bool = False  # hold every DATA for a minute, then refuse it (a kill happens meanwhile)
    in_data: threading.Event = field(default_factory=threading.Event)
    controller: Any = None


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_DATA(self, smtp_server: Any, session: Any, envelope: Any) -> str:
        self.server.in_data.set()
        if self.server.stall_data:
            await asyncio.sleep(60)
            return "451 stalled"
        if self.server.drop_data:
            self.server.drop_data -= 1
            smtp_server.transport.close()
            return "421 dropped"
        self.server.received.append(bytes(envelope.original_content or envelope.content))
        return "250 OK"


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


def start_smtp(authority: Authority, security: str = "tls") -> SmtpServer:
    from aiosmtpd.controller import Controller

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(authority.cert, authority.key)
    server = SmtpServer(free_port(), security)
    options: dict[str, Any] = {"authenticator": _authenticator, "auth_required": True}
    if security == "tls":
        controller = Controller(
            _Handler(server),
            hostname="127.0.0.1",
            port=server.port,
            ssl_context=context,
            server_hostname="localhost",
            **options,
            auth_require_tls=False,
        )
    else:
        controller = Controller(
            _Handler(server),
            hostname="127.0.0.1",
            port=server.port,
            **options,
            tls_context=context,
            require_starttls=True,
        )
    controller.start()
    server.controller = controller
    return server


@dataclass
class ImapServer:
    port: int
    process: subprocess.Popen[bytes]
    root: Path

    def append(self, message: EmailMessage | bytes, authority: Authority) -> None:
        """Deliver a message into the mailbox the way a provider would (IMAP APPEND over TLS)."""
        context = ssl.create_default_context(cadata=authority.ca_pem)
        with imaplib.IMAP4_SSL("localhost", self.port, ssl_context=context) as client:
            client.login(USER, PASSWORD)
            data = message if isinstance(message, bytes) else message.as_bytes()
            client.append("INBOX", "", imaplib.Time2Internaldate(time.time()), data)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        if self.root.name.startswith("ascolto-imap-"):
            shutil.rmtree(self.root, ignore_errors=True)


def start_imap(authority: Authority, root: Path) -> ImapServer:
    if sys.platform == "win32":  # Dovecot, users and ownership as on Debian: the tests skip it elsewhere
        raise RuntimeError("the IMAP test server runs on Linux only")
    assert DOVECOT is not None
    me = getpass.getuser()
    uid, gid = os.getuid(), os.getgid()
    login_user = "dovenull" if uid == 0 else me
    internal_user = "dovecot" if uid == 0 else me
    internal_group = "dovecot" if uid == 0 else me
    if uid == 0:
        # Dovecot never gives mail access to uid 0: as root, the mailbox belongs to its own user, in a
        # folder that user can enter (the test's tmp folders are private to root)
        import pwd
        import tempfile

        owner = pwd.getpwnam("dovecot")
        root = Path(tempfile.mkdtemp(prefix="ascolto-imap-"))
        root.chmod(0o755)
        uid, gid = owner.pw_uid, owner.pw_gid
    for sub in ("run", "state", "home"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    if os.getuid() == 0:
        os.chown(root / "home", uid, gid)
    (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    port = free_port()
    # as root, dovecot's auth runs as its own user, which cannot enter the test's private folders
    as_root = (
        "service auth {\n  user = root\n}\nservice auth-worker {\n  user = root\n}\n"
        if os.getuid() == 0
        else ""
    )
    config = root / "dovecot.conf"
    config.write_text(
        f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{authority.cert}
ssl_key = <{authority.key}
auth_mechanisms = plain login
first_valid_uid = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
{as_root}
service imap-login {{
  chroot =
}}
"""
    )
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((process.stderr.read() if process.stderr else b"").decode() + _log(root))
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return ImapServer(port, process, root)
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("dovecot did not start: " + _log(root))


def _log(root: Path) -> str:
    log = root / "dovecot.log"
    return log.read_text() if log.exists() else ""


def running(server: ImapServer) -> Iterator[ImapServer]:
    try:
        yield server
    finally:
        server.stop()
