"""What is audited besides changes: full phone numbers put on an operator's screen (the call
desk's claimed case, the one place the window shows them unmasked) and exports of personal data.
Log-ins and failed log-ins are in test_passwords.py."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select

from app.audit import AuditQuery
from app.audit_chain import verify_chain
from app.audit_export import export_audit_trail
from app.desk.queue import load_claimed, next_case
from db.models import AuditEntry, Case, Staff
from tests.desk import helpers as h

NOW = h.local(2026, 11, 16, 10)


def test_the_claimed_cases_numbers_shown_in_full_are_audited_once_per_claim(any_db):
    operator, _other = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        case = h.case(
            session, h.unit(session), "A-1", date(2026, 11, 2), phones=(h.MOBILE, "0531-86123456")
        )
        h.entry(session, case, NOW - timedelta(hours=1))
        case_uid = case.uid
    item = next_case(any_db, operator, now=NOW)
    assert item is not None and item.phones[0].e164 == "+86" + h.MOBILE
    with any_db.sessions.begin() as session:
        assert load_claimed(session, operator, now=NOW).entry_id == item.entry_id  # same claim
    with any_db.sessions() as session:
        (entry,) = session.scalars(select(AuditEntry)).all()
        assert (entry.action, entry.entity, entry.entity_uid) == (
            "case.numbers_shown",
            "case",
            case_uid,
        )
        assert entry.actor == f"王芳 (#{operator})" and entry.after == {"numbers": 2}
        assert h.MOBILE not in json.dumps([entry.before, entry.after])  # who saw, not what
        assert verify_chain(session).intact  # sealed like any other, on the desk's connection


def test_a_case_without_numbers_shows_none_and_audits_nothing(sqlite_db):
    operator, _other = h.two_operators(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "A-2", date(2026, 11, 2), phones=())
        h.entry(session, case, NOW - timedelta(hours=1))
    next_case(sqlite_db, operator, now=NOW)
    with sqlite_db.sessions() as session:
        assert session.scalars(select(AuditEntry.action)).all() == []
        assert session.scalar(select(Case.case_no)) == "A-2"


def test_exporting_the_audit_trail_is_audited_with_who_and_where(sqlite_db, tmp_path):
    with sqlite_db.sessions.begin() as session:  # auditors export the trail (app.audit_export)
        auditor = Staff(name="钱审计", role="auditor")
        session.add(auditor)
        session.flush()
        auditor_id = auditor.id
    path = tmp_path / "trail.csv"
    with sqlite_db.sessions.begin() as session:
        assert export_audit_trail(session, AuditQuery(), path, by_id=auditor_id) == 0
    with sqlite_db.sessions() as session:
        (entry,) = session.scalars(select(AuditEntry)).all()
    assert (entry.action, entry.actor) == ("data.export", f"钱审计 (#{auditor_id})")
    assert entry.after == {"what": "audit_trail", "file": str(path), "rows": 0}
    assert path.exists()


def test_a_sync_file_sent_is_audited_and_its_entries_join_the_centres_chain(
    sqlite_db, migrated_sqlite, tmp_path
):
    from app.sync import export_changes, import_sync_file
    from tests.conftest import copy_of
    from tests.sync.helpers import exchange_keys

    from .test_audit_chain import write_entries

    centre = sqlite_db
    write_entries(centre, 2)  # the centre's own trail first
    outlet = copy_of(migrated_sqlite, tmp_path / "outlet" / "outlet.sqlite3")
    try:
        operator, _other = h.two_operators(outlet)
        write_entries(outlet, 3, start=10)  # other times: not the centre's entries again
        exchange_keys(outlet, centre)  # once, before any sync file (app.keys)
        path = tmp_path / "outlet-0001.rdsync"
        export_changes(outlet, path, by_id=operator)
        with outlet.sessions() as session:
            sent = session.scalar(select(AuditEntry).where(AuditEntry.action == "data.export"))
            assert sent.actor == f"王芳 (#{operator})" and sent.after["what"] == "sync_file"
            assert verify_chain(session).intact
    finally:
        outlet.close()
    import_sync_file(centre, path)
    with centre.sessions() as session:
        result = verify_chain(session)
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    # The outlet's entries are appended to the centre's chain in the order they arrived (each
    # site's trust of the other's keys is an entry too).
    assert result.intact and result.entries == len(actions) == 2 + 1 + 3 + 1 + 1
    assert actions.count("keys.trust") == 2
    assert actions[:2] == ["setting.change"] * 2 and actions[-1] == "sync.import"
