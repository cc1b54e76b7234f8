"""The database settings, declared once (app.services.settings), read what earlier versions wrote.

Each row below is a key and a value exactly as the code before the declarations wrote it (the literal
strings, not the declarations): a database holding them must read the same values, and writing a value
back must give the same text, or an existing centre would lose her settings at the upgrade.
"""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from app.models.accounts import Setting
from app.services import backup, retention, settings, today
from app.services.settings import DbSetting
from app.services.workspace import Workspace

pytest_plugins = ["tests.foundation_fixtures"]

HEAD = {"events": 12, "hash": "ab" * 32, "at": "2026-03-01T10:00:00Z"}

# (declaration, key and text as written before, the value it means)
WRITTEN_BEFORE: list[tuple[DbSetting[Any], str, str, object]] = [
    (settings.RECOVERY_SLOT, "recovery_slot_id", "0f" * 16, "0f" * 16),
    (settings.ROTATION_PENDING, "key_rotation_pending", "1", True),
    (settings.KEY_GENERATION, "key_generation", "3", 3),
    (settings.SLOT_DIGEST.of("0f" * 16), "slot_digest:" + "0f" * 16, "digest-text", "digest-text"),
    (settings.ATTEMPTS_SEEN, "attempts_seen", '{"serial": "s-1", "seq": 4}', ("s-1", 4)),
    (settings.ERASURE_LEDGER_KEY, "erasure_ledger_key", "c2VjcmV0", "c2VjcmV0"),
    (settings.SIGNING_KEY_HISTORY, "signing_key_history", '[{"old":"a"}]', '[{"old":"a"}]'),
    (
        settings.AUDIT_HEAD_WRITTEN,
        "audit_head_written",
        '{"events": 12, "hash": "' + "ab" * 32 + '", "at": "2026-03-01T10:00:00Z"}',
        HEAD,
    ),
    (
        settings.NETWORK_AUDIT_HEAD.of("S2V5"),
        "network_audit_head:S2V5",
        '{"head": {"events": 12, "hash": "' + "ab" * 32 + '", "at": "2026-03-01T10:00:00Z"}, '
        '"generated_at": "2026-03-02T00:00:00Z"}',
        {"head": HEAD, "generated_at": "2026-03-02T00:00:00Z"},
    ),
    (
        settings.NETWORK_RELEASE_LOG.of("S2V5"),
        "network_release_log:S2V5",
        '{"seq": 2, "head": "h", "generated_at": "2026-03-02T00:00:00Z"}',
        {"seq": 2, "head": "h", "generated_at": "2026-03-02T00:00:00Z"},
    ),
    (
        settings.SUPERSEDED_KEY.of("b2xk"),
        "superseded_key:b2xk",
        '{"new": "bmV3", "at": "2026-03-01T10:00:00Z", "centre": "Città"}',
        {"new": "bmV3", "at": "2026-03-01T10:00:00Z", "centre": "Città"},
    ),
    (
        settings.LOGIN_NOTICES,
        "login_notices",
        '[{"at": "2026-03-01T10:00:00", "message": "m", "params": {}, "seen_by": [1]}]',
        [{"at": "2026-03-01T10:00:00", "message": "m", "params": {}, "seen_by": [1]}],
    ),
    (settings.ROLLBACK_REPORTED, "rollback_reported_heads", '["h1", "h2"]', ["h1", "h2"]),
    (
        settings.RESTORE_NOTICE,
        "restore.unverified_notice",
        '{"backup_made_at": "2026-03-01T09:00:00", "restored_at": "2026-03-01T10:00:00"}',
        {"backup_made_at": "2026-03-01T09:00:00", "restored_at": "2026-03-01T10:00:00"},
    ),
    (
        settings.NOTICE_SEEN.of("restore.unverified_notice"),
        "notice_seen:restore.unverified_notice",
        "[1, 2]",
        [1, 2],
    ),
    (
        settings.LAST_BACKUP,
        "last_backup_at",
        "2026-03-01T10:00:00.123456",
        datetime(2026, 3, 1, 10, 0, 0, 123456),
    ),
    (settings.BACKUP_REMINDER_DAYS, "backup_reminder_days", "30", 30),
    (settings.BACKUP_MANIFESTS_AUTHENTICATED, "backup_manifests_authenticated", "1", True),
    (settings.DISCLOSURE_K, "disclosure_k", "7", 7),
    (settings.TODAY_INACTIVE_WEEKS, "today_inactive_weeks", "9", 9),
    (settings.TODAY_REVIEW_MONTHS, "today_review_months", "2", 2),
    (settings.RETENTION_CASE_YEARS, "retention_case_years", "12", 12),
    (settings.RETENTION_CONTACT_MONTHS, "retention_contact_months", "24", 24),
    (settings.RETENTION_AUDIT_YEARS, "retention_audit_years", "15", 15),
    (settings.RETENTION_FULL_DELETION, "retention_full_deletion", "true", True),
    (settings.DEMO_CASES_MADE, "demo.cases_made", "120", 120),
    (settings.ROSTER_SENT.of("ab" * 16), "centre_roster_sent:" + "ab" * 16, "cd" * 32, "cd" * 32),
    (settings.PARTIALS_SENT.of("2026-Q1"), "partials_sent:2026-Q1", "ef" * 32, "ef" * 32),
]


def _store(ws: Workspace, rows: dict[str, str]) -> None:
    with ws.transaction() as session:
        session.execute(delete(Setting).where(Setting.key.in_(list(rows))))
        session.add_all(Setting(key=k, value=v) for k, v in rows.items())


def _stored(ws: Workspace) -> dict[str, str]:
    with ws.transaction(write=False) as session:
        return {row.key: row.value for row in session.query(Setting)}


def test_each_setting_reads_what_was_written_before_and_writes_it_back_alike(fnd_ws: Workspace) -> None:
    _store(fnd_ws, {key: text for _, key, text, _ in WRITTEN_BEFORE})
    with fnd_ws.transaction() as session:
        for declared, key, _text, value in WRITTEN_BEFORE:
            assert declared.key == key
            assert settings.get(session, declared) == value, key
            settings.put(session, declared, settings.get(session, declared))
    stored = _stored(fnd_ws)
    for _, key, text, _ in WRITTEN_BEFORE:
        assert stored[key] == text, key


def test_the_services_read_an_earlier_database_settings(fnd_ws: Workspace) -> None:
    _store(
        fnd_ws,
        {
            "today_inactive_weeks": "9",
            "today_review_months": "2",
            "retention_case_years": "12",
            "retention_contact_months": "24",
            "retention_audit_years": "15",
            "retention_full_deletion": "true",
            "backup_reminder_days": "30",
            "last_backup_at": "2026-03-01T10:00:00",
        },
    )
    assert today.get_settings(fnd_ws) == today.TodaySettings(9, 2)
    assert retention.get_policy(fnd_ws) == retention.RetentionPolicy(12, 24, 15, True)
    status = backup.backup_status(fnd_ws, now=datetime(2026, 3, 10))
    assert (status.last_backup_at, status.reminder_days, status.overdue) == (
        datetime(2026, 3, 1, 10),
        30,
        False,
    )


@pytest.mark.parametrize("text", ["", "abc", "-1", "999", "7.5"])
def test_a_damaged_or_out_of_range_value_reads_as_the_default(fnd_ws: Workspace, text: str) -> None:
    _store(fnd_ws, {"retention_case_years": text, "key_generation": text, "last_backup_at": text})
    with fnd_ws.transaction(write=False) as session:
        assert settings.get(session, settings.RETENTION_CASE_YEARS) == 7
        assert settings.find(session, settings.LAST_BACKUP) is None
        if text != "999":
            assert settings.find(session, settings.KEY_GENERATION) is None
    assert retention.get_policy(fnd_ws).case_years == 7


def test_a_value_outside_its_range_is_never_stored(fnd_ws: Workspace) -> None:
    with fnd_ws.transaction() as session, pytest.raises(ValueError):
        settings.put(session, settings.TODAY_REVIEW_MONTHS, 25)


def test_a_family_lists_its_members_and_cuts_long_keys_to_the_column() -> None:
    long = settings.NETWORK_AUDIT_HEAD.of("k" * 200)
    assert len(long.key) == settings.KEY_LENGTH
    assert long.key.startswith("network_audit_head:")


def test_family_members_and_deletion(fnd_ws: Workspace) -> None:
    with fnd_ws.transaction() as session:
        before = settings.members(session, settings.SLOT_DIGEST)
        settings.put(session, settings.SLOT_DIGEST.of("extra"), "d")
        assert settings.members(session, settings.SLOT_DIGEST) == {**before, "extra": "d"}
        settings.delete(session, settings.SLOT_DIGEST.of("extra"))
        assert settings.members(session, settings.SLOT_DIGEST) == before


def test_clearing_a_family_deletes_its_keys_only(fnd_ws: Workspace) -> None:
    _store(fnd_ws, {"partials_sent:2026-01": "a", "partials_sent:2026-Q1": "", "partials_sentinel": "kept"})
    with fnd_ws.transaction() as session:
        assert settings.clear(session, settings.PARTIALS_SENT) == 2
    stored = _stored(fnd_ws)
    assert "partials_sentinel" in stored
    assert not any(key.startswith("partials_sent:") for key in stored)


def _touches_the_setting_table(tree: ast.AST) -> bool:
    """Whether a module imports the `Setting` row class from the schema or reaches it as an attribute."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("app.models")
            and any(alias.name == "Setting" for alias in node.names)
        ):
            return True
        if isinstance(node, ast.Attribute) and node.attr == "Setting":
            return True
    return False


def test_only_the_declarations_touch_the_setting_table() -> None:
    """A key read or written by hand elsewhere escapes its declaration (its spelling, its format)."""
    app = Path(__file__).resolve().parent.parent / "app"
    allowed = {app / "services" / "settings.py"}
    offenders = [
        str(path.relative_to(app.parent))
        for path in sorted(app.rglob("*.py"))
        if path not in allowed
        and app / "models" not in path.parents
        and _touches_the_setting_table(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == [], f"declare these settings in app/services/settings.py: {offenders}"
