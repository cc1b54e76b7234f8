"""Sending one message over SMTP, implicit TLS or STARTTLS; plain text on the wire is never an option."""

from __future__ import annotations

import smtplib
import ssl
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


def send(server: SmtpServer, message: EmailMessage) -> None:
    """Hand the message to the server; returns only once the server has accepted it for every recipient."""
    context = tls.context(server.ca_pem)
    try:
        client = _connect(server, context)
        with client:
            if server.username:
                client.login(server.username, server.password)
            refused = client.send_message(message)
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
    if refused:  # some recipients accepted, some not: not delivered as asked
        raise DeliveryError(Failure.REFUSED, ", ".join(sorted(refused)))


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
