"""The centre sends cases to call to an outlet, which works them offline and sends them back."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.desk.calls import FormAAnswers, save_form_a
from app.desk.operators import ensure_operator
from app.desk.queue import next_case
from app.ratings import Rating
from app.sync import SyncRefused, export_cases_to_call, export_changes, import_sync_file
from db.models import CallAttempt, Case, Evaluation, QueueEntry, Unit

from .helpers import at, exchange_keys, name_site, outlet_day, sync_file

FIRM = "JN20260701000002"


def test_cases_sent_back_are_called_at_the_outlet_and_come_home(outlet, any_db, tmp_path):
    centre = any_db
    name_site(centre, "市中心")
    exchange_keys(outlet, centre)
    outlet_day(centre)
    with centre.sessions.begin() as session:
        other = Unit(name="市中区不动产登记中心")
        session.add(other)
        session.flush()
        elsewhere = Case(case_no="SZ-1", unit_id=other.id, completed_on=date(2026, 7, 1))
        session.add(elsewhere)
        session.flush()
        session.add(QueueEntry(kind="first", case_id=elsewhere.id, ready_at=at(7, 10)))
        unit_id = session.scalar(select(Unit.id).where(Unit.name == "历下区不动产登记中心"))
    cases = sync_file(tmp_path, "cases")

    sent = export_cases_to_call(centre, cases, [unit_id])

    assert sent.kind == "cases_to_call" and sent.units == ["历下区不动产登记中心"]
    assert sent.counts["call_queue"] == 1 and sent.counts["cases"] == 1
    received = import_sync_file(outlet, cases)
    assert received.tables["call_queue"].inserted == 1 and received.conflicts == 0
    assert import_sync_file(outlet, cases).changed() is False

    # The outlet's operator takes the case from the queue, offline, and records Form A.
    with outlet.sessions.begin() as session:
        operator = ensure_operator(session, "网点回访员")
    item = next_case(outlet, operator, now=at(7, 20))
    assert item is not None and item.case_no == FIRM and item.phones
    with outlet.sessions.begin() as session:
        answers = FormAAnswers(
            overall=Rating.VERY_SATISFIED,
            efficiency=Rating.SATISFIED,
            attitude=Rating.SATISFIED,
            materials=Rating.SATISFIED,
            integrity_breach=False,
        )
        save_form_a(
            session,
            item.entry_id,
            operator,
            answers,
            duration_seconds=60,
            phone_e164=None,
            now=at(7, 20),
        )
    back = sync_file(tmp_path, "back")
    export_changes(outlet, back)
    summary = import_sync_file(centre, back)

    assert summary.conflicts == 0
    assert summary.tables["call_queue"].updated == 1
    assert summary.tables["evaluations"].inserted == 1
    with centre.sessions() as session:
        entry = session.scalar(select(QueueEntry).join(Case).where(Case.case_no == FIRM))
        assert (entry.status, entry.result) == ("done", "completed")
        assert entry.finished_at == at(7, 20)
        case = session.scalar(select(Case).where(Case.case_no == FIRM))
        first = session.get(Evaluation, case.first_evaluation_id)
        assert (first.channel, first.overall) == ("phone", "very_satisfied")
        attempt = session.scalar(select(CallAttempt).where(CallAttempt.case_id == case.id))
        assert attempt.operator.name == "网点回访员"
        still = session.scalar(select(QueueEntry).join(Case).where(Case.case_no == "SZ-1"))
        assert still.status == "open"


def test_sending_needs_units(any_db, tmp_path):
    with pytest.raises(SyncRefused):
        export_cases_to_call(any_db, sync_file(tmp_path, "none"), [])
