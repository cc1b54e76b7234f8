"""Delivery routes: how files for one destination leave the installation (e-mail or folder), set by an
administrator. Credentials are stored inside the encrypted database and never returned to a caller that
displays them: `RouteView` has no password.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.delivery.imap import ImapMailbox
from app.delivery.smtp import SECURITIES, SmtpServer
from app.i18n import QT_TRANSLATE_NOOP
from app.models.accounts import Role
from app.models.base import utcnow
from app.models.outbox import DeliveryRoute
from app.services import audit
from app.services.errors import UserError, ValidationError
from app.services.workspace import Workspace

DESTINATIONS = ("network", "centre", "inbox")
"""`network`: releases for the Rete's coordinators; `centre`: bundles for the centre's main office;
`inbox`: where this installation reads what is sent to it (packages, bundles), and nothing is sent."""
_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
MAX_CERTIFICATE = 20_000


@dataclass(frozen=True)
class EmailRoute:
    """One mailbox: SMTP to send, optionally IMAP to read (PEC receipts, or the inbox), one login."""

    address: str
    username: str
    password: str
    smtp_host: str = ""
    smtp_port: int = 465
    security: str = "tls"
    recipients: tuple[str, ...] = ()
    imap_host: str = ""
    imap_port: int = 993
    imap_folder: str = "INBOX"
    ca_pem: str = ""

    def smtp(self) -> SmtpServer:
        return SmtpServer(
            self.smtp_host, self.smtp_port, self.security, self.username, self.password, self.ca_pem
        )

    def imap(self) -> ImapMailbox | None:
        if not self.imap_host:
            return None
        return ImapMailbox(
            self.imap_host, self.imap_port, self.username, self.password, self.imap_folder, self.ca_pem
        )


@dataclass(frozen=True)
class FolderRoute:
    """A USB stick or a network share: files are written there (or, for the inbox, read from there)."""

    path: str


Route = EmailRoute | FolderRoute


@dataclass(frozen=True)
class RouteView:
    destination: str
    kind: str
    summary: str  # host and address, or the folder: never the password
    reads_mail: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def host_and_port(text: str, default: int) -> tuple[str, int]:
    """'host:port' or 'host' (the default port) as a person types it; empty: no server. A port that is not a
    number is a ValidationError here, whoever asked (the command line, the window)."""
    text = text.strip()
    if not text:
        return "", default
    host, _, port = text.rpartition(":") if ":" in text else (text, "", str(default))
    if not port.isdigit():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{value} is not a port number."), field="server", value=port
        )
    return host, int(port)


def set_route(ws: Workspace, destination: str, route: Route, *, keep_password: bool = False) -> None:
    """`keep_password`: an e-mail route given without a password keeps the one stored for `destination`
    (the window shows a route for editing without its password, `editable_route`)."""
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction() as session:
        row = session.scalar(select(DeliveryRoute).where(DeliveryRoute.destination == destination))
        if keep_password and isinstance(route, EmailRoute) and not route.password and row is not None:
            stored = parse(row)
            if isinstance(stored, EmailRoute):
                route = replace(route, password=stored.password)
        _check(destination, route)
        kind = "email" if isinstance(route, EmailRoute) else "folder"
        settings = json.dumps(asdict(route), sort_keys=True)
        if row is None:
            row = DeliveryRoute(
                destination=destination, kind=kind, settings=settings, uid_validity=0, last_uid=0
            )
            session.add(row)
        else:
            if row.settings != settings and _mailbox_changed(row, route):
                row.uid_validity, row.last_uid = 0, 0
            row.kind, row.settings, row.updated_at = kind, settings, utcnow()
        session.flush()
        audit.record(
            session,
            actor.operator_id,
            "route.set",
            "delivery_route",
            row.id,
            {"destination": destination, "kind": kind},
        )


def remove_route(ws: Workspace, destination: str) -> None:
    actor = ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction() as session:
        row = session.scalar(select(DeliveryRoute).where(DeliveryRoute.destination == destination))
        if row is None:
            raise UserError(
                QT_TRANSLATE_NOOP("Errors", "No route is set for {destination}."), destination=destination
            )
        audit.record(
            session,
            actor.operator_id,
            "route.removed",
            "delivery_route",
            row.id,
            {"destination": destination},
        )
        session.delete(row)


def editable_route(ws: Workspace, destination: str) -> Route | None:
    """The route set for `destination` as the window shows it for editing: everything but the password,
    which never leaves the database (`set_route(..., keep_password=True)` keeps it)."""
    ws.require_actor(Role.AMMINISTRATRICE)
    with ws.transaction(write=False) as session:
        found = route_of(session, destination)
    if found is None:
        return None
    route = found[1]
    return replace(route, password="") if isinstance(route, EmailRoute) else route


def routes(ws: Workspace) -> list[RouteView]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [
            _view(row) for row in session.scalars(select(DeliveryRoute).order_by(DeliveryRoute.destination))
        ]


def route_of(session: Session, destination: str) -> tuple[DeliveryRoute, Route] | None:
    row = session.scalar(select(DeliveryRoute).where(DeliveryRoute.destination == destination))
    return None if row is None else (row, parse(row))


def parse(row: DeliveryRoute) -> Route:
    values = json.loads(row.settings)
    if row.kind == "folder":
        return FolderRoute(**values)
    values["recipients"] = tuple(values.get("recipients", ()))
    return EmailRoute(**values)


def _view(row: DeliveryRoute) -> RouteView:
    route = parse(row)
    if isinstance(route, FolderRoute):
        return RouteView(row.destination, row.kind, route.path)
    where = (
        f"{route.address} ({route.smtp_host}:{route.smtp_port}, {route.security})"
        if route.smtp_host
        else route.address
    )
    reads = f"IMAP {route.imap_host}:{route.imap_port}/{route.imap_folder}" if route.imap_host else ""
    return RouteView(
        row.destination,
        row.kind,
        where,
        bool(route.imap_host),
        {
            "recipients": ", ".join(route.recipients),
            "reads": reads,
            "custom_certificate": "yes" if route.ca_pem else "",
        },
    )


def _mailbox_changed(row: DeliveryRoute, route: Route) -> bool:
    old = parse(row)
    if isinstance(old, FolderRoute) or isinstance(route, FolderRoute):
        return True
    return (old.imap_host, old.imap_port, old.imap_folder, old.username) != (
        route.imap_host,
        route.imap_port,
        route.imap_folder,
        route.username,
    )


def _check(destination: str, route: Route) -> None:
    if destination not in DESTINATIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown destination {destination}: use one of {known}."),
            field="destination",
            destination=destination,
            known=", ".join(DESTINATIONS),
        )
    if isinstance(route, FolderRoute):
        if not route.path or not Path(route.path).is_absolute():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Give the folder as a full path."), field="folder"
            )
        return
    if not _ADDRESS.match(route.address):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{value} is not an e-mail address."),
            field="address",
            value=route.address,
        )
    for recipient in route.recipients:
        if not _ADDRESS.match(recipient):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{value} is not an e-mail address."),
                field="address",
                value=recipient,
            )
    sends = destination != "inbox"
    if sends and (not route.smtp_host or not route.recipients):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A route that sends needs the SMTP server and at least one recipient."
            ),
            field="server",
        )
    if not sends and not route.imap_host:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The inbox needs the IMAP server to read."), field="server"
        )
    if route.security not in SECURITIES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Security must be tls or starttls."), field="server"
        )
    for port in (route.smtp_port, route.imap_port):
        if not 0 < port < 65536:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "{value} is not a port number."), field="server", value=port
            )
    if len(route.ca_pem) > MAX_CERTIFICATE or (route.ca_pem and "BEGIN CERTIFICATE" not in route.ca_pem):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The certificate must be a PEM file."), field="certificate"
        )
