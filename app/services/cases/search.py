"""Finding a case: by code, or by the beginnings of her name words through accent-folded tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, and_, delete, false, func, or_, select
from sqlalchemy.orm import Session

from app.models.accounts import HelpDesk, Role
from app.models.cases import Case, Identity, NameToken
from app.services import audit
from app.services.cases.records import CasePage, CaseSummary, IdentityInput
from app.services.workspace import Actor, Workspace


def fold(text: str) -> str:
    """Lower case without accents, so 'Nicolò' is found by 'nicolo'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_tokens(first_name: str, last_name: str) -> set[str]:
    """Each word of her names, plus apostrophe words joined ("d'angelo" -> "d", "angelo", "dangelo")."""
    tokens: set[str] = set()
    for word in fold(f"{first_name} {last_name}").replace("-", " ").replace("’", "'").split():
        tokens.update(part for part in word.split("'") if part)
        tokens.add(word.replace("'", ""))
    return {t[:100] for t in tokens if t}


def set_name_tokens(session: Session, case_id: int, identity: IdentityInput | None) -> None:
    session.execute(delete(NameToken).where(NameToken.case_id == case_id))
    if identity is not None:
        for token in name_tokens(identity.first_name, identity.last_name):
            session.add(NameToken(token=token, case_id=case_id))


SORT_KEYS = {
    "code": (Case.year, Case.seq),
    "opened": (Case.opened_on, Case.id),
    "status": (Case.status, Case.id),
    "name": (Identity.last_name.collate("NOCASE"), Identity.first_name.collate("NOCASE"), Case.id),
    "desk": (HelpDesk.name, Case.id),
}


def search_cases(
    ws: Workspace,
    query: str = "",
    *,
    statuses: Iterable[str] | None = None,
    help_desk_id: int | None = None,
    codes: Iterable[str] | None = None,
    order_by: str = "code",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> CasePage:
    """One page of the cases she may see, matching a code or the beginnings of name words.

    `codes` narrows the list to those case codes (the cases a data-quality check found), still only
    among the cases she may see.

    Each page shown is one audit event (not one per row): the filter used, never the text typed (it may
    be a name), and how many cases the page showed.
    """
    actor = ws.require_actor()
    limit = max(1, min(limit, 500))
    statuses = list(statuses) if statuses is not None else None
    with ws.transaction() as session:
        conditions = scope_conditions(actor, query, statuses, help_desk_id)
        if codes is not None:
            conditions.append(Case.code.in_(sorted(set(codes))[:1000]))
        total = session.scalar(select(func.count()).select_from(Case).where(*conditions)) or 0
        keys = SORT_KEYS.get(order_by, SORT_KEYS["code"])
        ordering = [k.desc() for k in keys] if descending else list(keys)
        # the page's cases first, from the case rows alone (and the table the order needs), then their
        # names and desks: joined before the limit, every matching case's name was read, then sorted
        page = select(Case.id).select_from(Case)
        if order_by == "name":
            page = page.outerjoin(Identity, Identity.case_id == Case.id)
        elif order_by == "desk":
            page = page.join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        chosen = page.where(*conditions).order_by(*ordering).limit(limit).offset(max(0, offset)).subquery()
        rows = session.execute(
            _summary_query().join(chosen, chosen.c.id == Case.id).order_by(*ordering)
        ).all()
        items = [
            CaseSummary(
                row.id,
                row.code,
                display_name_of(row.first_name, row.last_name),
                row.status,
                row.help_desk_id,
                row.desk_name,
                row.opened_on,
            )
            for row in rows
        ]
        filters = {
            "text": bool(query.strip()),
            "statuses": sorted(statuses) if statuses is not None else None,
            "desk": searched_desk(actor, help_desk_id),
            "order": order_by,
            "offset": max(0, offset),
            "shown": len(items),
            "total": total,
        }
        audit.record(session, actor.operator_id, "cases.listed", "case_list", None, filters)
        return CasePage(items, total)


def _summary_query() -> Select:  # one row per case for the list
    return (
        select(
            Case.id,
            Case.code,
            Case.status,
            Case.help_desk_id,
            HelpDesk.name.label("desk_name"),
            Case.opened_on,
            Identity.first_name,
            Identity.last_name,
        )
        .join(HelpDesk, HelpDesk.id == Case.help_desk_id)
        .outerjoin(Identity, Identity.case_id == Case.id)
    )


def display_name_of(first: str | None, last: str | None) -> str:
    if first is None and last is None:
        return "—"
    return f"{first or ''} {last or ''}".strip()


def searched_desk(actor: Actor, help_desk_id: int | None) -> int | None:
    """The desk a search really covers (None: every desk): an operatrice's own, whatever she asked for.
    The audit records this, not the request, so the trail says what was searched."""
    return actor.help_desk_id if not actor.at_least(Role.COORDINATRICE) else help_desk_id


def scope_conditions(  # the case list's scope and filters, shared with the note search
    actor: Actor, query: str, statuses: Iterable[str] | None, help_desk_id: int | None
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    desk = searched_desk(actor, help_desk_id)
    if desk is not None or not actor.at_least(Role.COORDINATRICE):
        conditions.append(Case.help_desk_id == desk)
    if statuses:
        conditions.append(Case.status.in_(list(statuses)))
    text = query.strip()[:100]
    if text:
        code = re.sub(r"[^A-Z0-9-]", "", text.upper())
        words = [w for w in re.split(r"[^\w]+", fold(text).replace("'", "").replace("’", "")) if w][:4]
        code_match: ColumnElement[bool] = Case.code.like(code + "%") if code else false()
        if re.fullmatch(r"[0-9]{1,9}", code):
            code_match = or_(code_match, Case.seq == int(code[:9]))
        name_match = (
            and_(
                *[
                    Case.id.in_(
                        select(NameToken.case_id).where(
                            NameToken.token >= word, NameToken.token < word + "\uffff"
                        )
                    )
                    for word in words
                ]
            )
            if words
            else None
        )
        conditions.append(or_(code_match, name_match) if name_match is not None else code_match)
    return conditions
