"""The network side: coordinators import signed packages, confirm each new signing key's fingerprint
once, merge, and print the network report.

A key is trusted for one centre (`trust_key`, after comparing its fingerprint by phone); a change of key
signed by the trusted old key is followed and recorded, and from then on a package signed by the old key
is refused. Each centre's audit head and release log position are kept, to warn when either goes back.
"""

from __future__ import annotations

import base64
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.crypto import signing
from app.i18n import QT_TRANSLATE_NOOP, language_code
from app.models.accounts import Centre, Role
from app.models.base import utcnow
from app.models.reports import TrustedKey
from app.reports import disclosure, indicators, package, shapes
from app.reports.package import KeyChange
from app.reports.periods import named_period
from app.reports.tables import AggregateTable
from app.reports.texts import REPORT_TEXTS as TEXTS
from app.services import audit, audit_heads, releases, settings, signing_keys
from app.services.errors import UserError, ValidationError
from app.services.reports import ReportData, disclosure_threshold, hidden_count
from app.services.workspace import Workspace


@dataclass
class ImportedPackage:
    path: Path
    package: package.VerifiedPackage
    trusted: bool
    problems: list[str] = field(default_factory=list)
    key_changes: list[KeyChange] = field(default_factory=list)
    """Changes of the sender's signing key followed (and recorded) while importing this package."""
    audit_warning: UserError | None = None  # its centre's audit trail went backwards (set by the merge)
    release_warning: UserError | None = None  # its centre's release log went backwards (set by the merge)
    trusted_for: str | None = None
    """The centre its signing key is trusted for, when the package names another: then it is not trusted."""


@dataclass(frozen=True)
class KeyChangeSeen:
    """A partner's signing key replaced by a new one that the old key signed, as the network recorded it."""

    centre: str
    old_fingerprint: str
    new_fingerprint: str
    changed_at: datetime


# --- packages and keys --------------------------------------------------------------------------------------
MAX_PACKAGES = 2000
"""Packages in one network report: a year of monthly packages from every centre of a large network."""


def _b64(public: bytes) -> str:
    return base64.b64encode(public).decode()


def _refused(path: Path, reason: object) -> UserError:
    return UserError(
        QT_TRANSLATE_NOOP("Errors", "The package {name} was refused: {reason}"), name=path.name, reason=reason
    )


def _superseded(session: Session, public: bytes) -> dict[str, str] | None:
    """The recorded replacement of a key; a damaged record still says the key was replaced."""
    setting = settings.SUPERSEDED_KEY.of(_b64(public))
    if not settings.is_set(session, setting):
        return None
    record = settings.find(session, setting)
    return record if isinstance(record, dict) else {"new": "", "at": "", "centre": ""}


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _trust_store(session: Session) -> dict[str, str]:
    """Base64 public key -> the centre it is trusted for: the keys confirmed by fingerprint or followed
    through a signed change, and this centre's own current key for its own name (a coordinator's own
    packages are hers: no phone call). Trust is the pair: a key trusted for one centre is not trusted for
    a package in another's name."""
    store = {k.public_key: k.centre for k in session.scalars(select(TrustedKey))}
    own = session.get_one(Centre, 1)
    store[_b64(signing.public_key_of(own.signing_key))] = own.name
    return store


def _trusted_for(store: dict[str, str], p: package.VerifiedPackage) -> bool:
    centre = store.get(_b64(p.public_key))
    return centre is not None and _same_name(centre, p.centre)


def _predecessors(session: Session) -> dict[str, str]:
    """New key -> the key it replaced, for every change this network followed (base64)."""
    out: dict[str, str] = {}
    for old, record in settings.members(session, settings.SUPERSEDED_KEY).items():
        with contextlib.suppress(TypeError, KeyError):
            out.setdefault(str(record["new"]), old)
    return out


def _source_key(predecessors: dict[str, str], public: bytes) -> str:
    """A centre's first key this network knows, through the changes it followed: one centre, one source."""
    key, seen = _b64(public), set()
    while key in predecessors and key not in seen:
        seen.add(key)
        key = predecessors[key]
    return key


def _follow_key_changes(
    session: Session, actor_id: int | None, item: ImportedPackage, store: dict[str, str]
) -> None:
    """Follow the package's key history from a key the network already trusts, recording each change.

    The new key is trusted because the trusted old key signed it; the old key is marked replaced, so a
    package it signs later (by whoever kept it) is refused. A key with two different successors is a
    forgery by someone holding the old key: refuse, never pick one. A change is followed only for the
    centre the old key was trusted for: whoever holds a centre's key cannot vouch with it for a key in
    another centre's name.
    """
    centre = item.package.centre
    reached: str | None = None  # the centre the chain is followed for, once it met a trusted key
    for change in item.package.key_history:
        old, new = _b64(change.old), _b64(change.new)
        recorded = _superseded(session, change.old)
        if recorded is not None:
            if recorded.get("new") != new:
                raise _refused(
                    item.path,
                    UserError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "it says the key {old} of {centre} was replaced by {new}, but the network "
                            "recorded another replacement of that key: one of the two is forged. Phone the "
                            "centre before trusting anything signed by either.",
                        ),
                        old=change.old_fingerprint,
                        centre=centre,
                        new=change.new_fingerprint,
                    ),
                )
            if not _same_name(str(recorded.get("centre", "")), centre):
                return  # another centre's chain continued in this name: not followed
            reached = str(recorded.get("centre"))
            continue
        if reached is None:
            if old not in store or not _same_name(store[old], centre):
                continue
            reached = store[old]
        settings.put(
            session,
            settings.SUPERSEDED_KEY.of(old),
            {"new": new, "at": change.as_json()["at"], "centre": reached[:200]},
        )
        if new not in store:
            session.add(
                TrustedKey(
                    public_key=new,
                    fingerprint=change.new_fingerprint,
                    centre=reached[:200],
                    confirmed_by=None,
                )
            )
            store[new] = reached
        item.key_changes.append(change)
        audit.record(
            session, actor_id, "key.succession_followed", "trusted_key", change.new_fingerprint[:40],
            {"old": change.old_fingerprint, "at": change.as_json()["at"]},
        )  # fmt: skip
        session.flush()


def _own_replaced(session: Session, public: bytes) -> dict[str, str] | None:
    """This centre's own earlier key (replaced at a re-key): as for a partner's, a package it signs is
    refused (whoever kept it may have made it)."""
    for step in signing_keys.history(session):
        if step.old == public:
            return {"centre": session.get_one(Centre, 1).name, "at": step.as_json()["at"]}
    return None


def _refuse_replaced_key(session: Session, item: ImportedPackage) -> None:
    """A package signed with a key its centre replaced: whoever kept the old key may have made it."""
    public = item.package.public_key
    record = _superseded(session, public) or _own_replaced(session, public)
    if record is None:
        return
    raise _refused(
        item.path,
        UserError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "it is signed with the key {fingerprint}, which {centre} replaced on {day} (the new key was "
                "signed by the old one). Someone who kept the old key may have made this package: ask the "
                "centre to export it again.",
            ),
            fingerprint=item.package.fingerprint,
            centre=record.get("centre") or item.package.centre,
            day=str(record.get("at", ""))[:10],
        ),
    )


def import_packages(ws: Workspace, paths: Sequence[Path]) -> list[ImportedPackage]:
    """Verify each file (size first, then signature, schema and the tables' code lists), follow the
    signed changes of a trusted key, and say whether each package's key is trusted for its centre.

    Refuses (UserError) at the first bad file, and any package signed by a key its centre replaced.
    """
    actor = ws.require_actor(Role.COORDINATRICE)
    if len(paths) > MAX_PACKAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {n} packages go into one network report."),
            field="packages",
            n=MAX_PACKAGES,
        )
    loaded: list[ImportedPackage] = []
    with package.collector_paused():
        for path in paths:
            try:
                if path.stat().st_size > package.MAX_BYTES:  # refused before reading, let alone parsing
                    raise package.PackageError(
                        QT_TRANSLATE_NOOP("Errors", "package is larger than {size} bytes"),
                        size=package.MAX_BYTES,
                    )
                verified = package.load_package(path)
                shapes.check_tables(verified.table_codes())  # the tables stay unbuilt: merged fast
            except OSError as exc:
                raise _refused(path, exc.strerror or type(exc).__name__) from exc
            except package.PackageError as exc:
                raise _refused(path, exc) from exc
            loaded.append(ImportedPackage(path, verified, False))
    with ws.transaction() as session:
        store = _trust_store(session)
        for item in loaded:
            _follow_key_changes(session, actor.operator_id, item, store)
        audit.record(session, actor.operator_id, "packages.imported", "centre", 1, {"count": len(loaded)})
    with ws.transaction(write=False) as session:
        for item in loaded:
            _refuse_replaced_key(session, item)
            item.trusted = _trusted_for(store, item.package)
            known = store.get(_b64(item.package.public_key))
            item.trusted_for = known if known is not None and not item.trusted else None
    return loaded


def key_changes(ws: Workspace) -> list[KeyChangeSeen]:
    """Every partner key replaced by a successor it signed, as followed by this network (newest first)."""
    ws.require_actor(Role.COORDINATRICE)
    out: list[KeyChangeSeen] = []
    with ws.transaction(write=False) as session:
        for old_key, record in settings.members(session, settings.SUPERSEDED_KEY).items():
            try:
                old = base64.b64decode(old_key, validate=True)
                new = base64.b64decode(record["new"], validate=True)
                at = datetime.strptime(record["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                out.append(
                    KeyChangeSeen(
                        str(record.get("centre", "")), signing.fingerprint(old), signing.fingerprint(new), at
                    )
                )
            except (ValueError, KeyError, TypeError):
                continue
    return sorted(out, key=lambda c: c.changed_at, reverse=True)


def trust_key(ws: Workspace, item: ImportedPackage) -> None:
    """Record a signing key as trusted for the package's centre, after the coordinator compared its
    fingerprint with the sender. A key belongs to one centre: confirmed for another name (a centre that
    renamed itself), it is trusted for that name from then on, and no longer for the former one."""
    actor = ws.require_actor(Role.COORDINATRICE)
    public = base64.b64encode(item.package.public_key).decode()
    centre = item.package.centre[:200]
    with ws.transaction() as session:
        row = session.scalar(select(TrustedKey).where(TrustedKey.public_key == public))
        if row is None or not _same_name(row.centre, centre):
            details = {"centre": centre} if row is None else {"centre": centre, "was": row.centre}
            if row is None:
                session.add(
                    TrustedKey(
                        public_key=public,
                        fingerprint=item.package.fingerprint,
                        centre=centre,
                        confirmed_by=actor.operator_id,
                    )
                )
            else:
                row.centre, row.confirmed_by, row.confirmed_at = centre, actor.operator_id, utcnow()
            audit.record(
                session,
                actor.operator_id,
                "key.trusted",
                "trusted_key",
                item.package.fingerprint[:40],
                details,
            )
    item.trusted = True
    item.trusted_for = None


def trusted_keys(ws: Workspace) -> list[tuple[str, str, datetime]]:
    ws.require_actor(Role.COORDINATRICE)
    with ws.transaction(write=False) as session:
        return [
            (k.centre, k.fingerprint, k.confirmed_at)
            for k in session.scalars(select(TrustedKey).order_by(TrustedKey.centre))
        ]


# --- the network report -------------------------------------------------------------------------------------
def _note_audit_heads(session: Session, operator_id: int, items: Sequence[ImportedPackage]) -> None:
    """Keep each centre's newest audit head; a centre whose trail went backwards is warned and audited.

    Centres are told apart by key and succession (`_source_key`), as for the release log."""
    predecessors = _predecessors(session)
    for item in sorted(items, key=lambda i: i.package.generated_at):
        p = item.package
        stamp = p.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        source = _source_key(predecessors, p.public_key)
        item.audit_warning = audit_heads.note_received(session, source, p.centre, p.audit_head, stamp)
        if item.audit_warning is not None:
            audit.record(session, operator_id, "network.audit_backwards", "trusted_key", p.fingerprint[:40])


def _note_release_logs(session: Session, operator_id: int, items: Sequence[ImportedPackage]) -> None:
    """Keep each centre's newest release log position; warn and audit when its log went backwards.

    A package carries the number of releases logged before it (`seq`) and the hash of the last one
    (`head`), and is itself logged once it leaves. So a package generated later than another must find
    more releases before it; as many or fewer means releases vanished from the log (its folder deleted, an
    older copy restored), and a period could then leave twice. A release served again keeps its first
    `generated_at` and position, so it is never a step back. Centres are told apart by key and succession
    (`_source_key`), not by name.
    """
    predecessors = _predecessors(session)
    for item in sorted(items, key=lambda i: i.package.generated_at):
        p = item.package
        if p.release_log is None:
            continue
        stamp = p.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        seq, head = int(p.release_log["seq"]), str(p.release_log["head"])
        setting = settings.NETWORK_RELEASE_LOG.of(_source_key(predecessors, p.public_key))
        known = settings.find(session, setting)
        earlier, earlier_stamp = -1, ""
        if known is not None:
            with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
                earlier, earlier_stamp = int(known["seq"]), str(known["generated_at"])
        if stamp > earlier_stamp and seq <= earlier:
            item.release_warning = UserError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The release log of {centre} went backwards: {seq} releases were logged before this "
                    "package, {earlier} before an earlier one, which was then logged too. Ask the centre why "
                    "(its releases folder deleted, or an older copy restored): a period could leave twice.",
                ),
                centre=p.centre,
                seq=seq,
                earlier=earlier,
            )
            audit.record(
                session, operator_id, "network.release_log_backwards", "trusted_key", p.fingerprint[:40],
                {"seq": seq, "earlier": earlier},
            )  # fmt: skip
        elif stamp >= earlier_stamp and seq >= earlier:
            settings.put(session, setting, {"seq": seq, "head": head, "generated_at": stamp})


def _source_names(packages: Sequence[package.VerifiedPackage]) -> list[str]:
    """Each package's centre as the report names it: two centres of the same name (told apart by their
    keys, `package.sources`) are named with the start of their key's fingerprint, so the list shows two."""
    sources = package.sources(packages)
    by_name: dict[str, set[int]] = {}
    for source, p in zip(sources, packages, strict=True):
        by_name.setdefault(" ".join(p.centre.split()).casefold(), set()).add(source)
    return [
        f"{p.centre} ({p.fingerprint[:9]})"
        if len(by_name[" ".join(p.centre.split()).casefold()]) > 1
        else p.centre
        for p in packages
    ]


def network_report(
    ws: Workspace,
    items: Sequence[ImportedPackage],
    out: str | Path | IO[bytes],
    lang: str = "it",
) -> ReportData:
    """Merge trusted packages of one period, protect the merged tables again and print the network report."""
    actor = ws.require_actor(Role.COORDINATRICE)
    lang = language_code(lang)
    if not items:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one package."), field="packages")
    if len(items) > MAX_PACKAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "At most {n} packages go into one network report."),
            field="packages",
            n=MAX_PACKAGES,
        )
    with ws.transaction(write=False) as session:
        store = _trust_store(session)  # the store decides, not the items' flags
        untrusted = [i for i in items if not _trusted_for(store, i.package)]
        if untrusted:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The signing key of {centre} is not trusted yet (fingerprint {fingerprint})."
                ),
                centre=untrusted[0].package.centre,
                fingerprint=untrusted[0].package.fingerprint,
            )
        for item in items:  # a key replaced since this package was imported (another package said so)
            _refuse_replaced_key(session, item)
    packages = [i.package for i in items]
    try:
        with package.collector_paused():
            merged = package.merge_packages(packages)
    except package.PackageError as exc:
        raise UserError(
            QT_TRANSLATE_NOOP("Errors", "The packages cannot be merged: {reason}"), reason=exc
        ) from exc
    over_time = package.mixes_periods(packages)  # then only what adds up over time is merged
    omitted, partial = package.time_parts(packages)  # read without building each package's tables
    k = max([disclosure_threshold(ws), *(int(p.disclosure.get("threshold", 0)) for p in packages)])
    period = named_period(min(p.period_start for p in packages), max(p.period_end for p in packages))
    names = _source_names(packages)
    desks = sorted({f"{names[i]} – {d}" for i, p in enumerate(packages) for d in p.desks})
    rule = disclosure.rule(k)
    data = ReportData(
        ", ".join(sorted(set(names))),
        [],
        desks,
        period,
        lang,
        list[AggregateTable](merged),
        dict(rule),
        sum(hidden_count(t) for t in merged),
        omitted=omitted if over_time else (),
    )
    texts = TEXTS[lang]
    note = texts["network_method"]
    if data.omitted:
        note += texts["network_omitted"].replace(
            "{tables}", ", ".join(indicators.title(t, lang) for t in data.omitted)
        )
    if over_time and partial:
        note += texts["network_partial"].replace(
            "{tables}", ", ".join(indicators.title(t, lang) for t in partial)
        )
    releases.write_output(
        out, releases.render(releases.document(data, title=texts["network_title"], extra_method=note))
    )
    with ws.transaction() as session:
        _note_audit_heads(session, actor.operator_id, items)
        _note_release_logs(session, actor.operator_id, items)
        audit.record(
            session,
            actor.operator_id,
            "network_report.printed",
            "centre",
            1,
            {"packages": len(items), "period": period.code},
        )
    return data
