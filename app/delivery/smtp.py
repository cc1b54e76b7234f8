"""Sending one message over SMTP, implicit TLS or STARTTLS; plain text on the wire is never an option."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage

from app.delivery import tls
from app.delivery.errors import DeliveryError, Failure

SECURITIES = ("tls", "starttls")
"""`tls`: TLS from the first byte (port 465, what PEC providers use); `starttls`: upgraded (port 587)."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: str
    username: str
    password: str
    ca_pem: str = ""
    timeout: float = 30.0


class Connection:
    """One logged-in SMTP session, reused for several messages (a TLS handshake and a login each time
    would cost more than the messages)."""

    def __init__(self, server: SmtpServer) -> None:
        self.server = server
        self._client: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        """Hand the message over; returns only once the server accepted it for every recipient."""
        with _failures():
            if self._client is None:
                client = _connect(self.server, tls.context(self.server.ca_pem))
                try:
                    if self.server.username:
                        client.login(self.server.username, self.server.password)
                except BaseException:
                    client.close()
                    raise
                self._client = client
            try:
                refused = self._client.send_message(message)
            except BaseException:
                self.close()  # the session is in an unknown state: the next message opens a new one
                raise
        if refused:  # some recipients accepted, some not: not delivered as asked
            raise DeliveryError(Failure.REFUSED, ", ".join(sorted(refused)))

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()


def send(server: SmtpServer, message: EmailMessage) -> None:
    connection = Connection(server)
    try:
        connection.send(message)
    finally:
        connection.close()


@contextmanager
def _failures() -> Iterator[None]:
    """Every way SMTP fails, as one of the few reasons a person can act on."""
    try:
        yield
    except ssl.SSLCertVerificationError as exc:
        raise DeliveryError(Failure.CERTIFICATE, exc.verify_message or "") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(Failure.LOGIN, str(exc.smtp_code)) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise DeliveryError(Failure.REFUSED, "STARTTLS") from exc
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        raise DeliveryError(Failure.REFUSED, type(exc).__name__) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise DeliveryError(Failure.DROPPED) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(Failure.UNREACHABLE, type(exc).__name__) from exc


def _connect(server: SmtpServer, context: ssl.SSLContext) -> smtplib.SMTP:
    if server.security == "tls":
        return smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
    client = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        client.ehlo()
        if not client.has_extn("starttls"):
            raise smtplib.SMTPNotSupportedError("STARTTLS")
        client.starttls(context=context)
        client.ehlo()
    except BaseException:
        client.close()
        raise
    return client
