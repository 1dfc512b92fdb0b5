"""The coverage plan and the random, recorded, coverage-driven sample (J 5.4.2, W 7.1.3.3.1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.desk.calls import record_failed_call
from app.desk.coverage import coverage_plan
from app.desk.queue import next_case, refresh_queue
from app.settings import set_setting
from db.database import open_database
from db.models import CallSample, Case, QueueEntry, Unit

from . import helpers as h

COMPLETED = date(2026, 10, 12)
TODAY = date(2026, 11, 16)  # a Monday, long after the cases' online window


def _three_units(session) -> dict[str, Unit]:
    """20 cases each: 甲 40 % revisited online, 乙 10 %, 丙 none."""
    units = {}
    for name, revisited in (("甲", 8), ("乙", 2), ("丙", 0)):
        units[name] = owner = h.unit(session, name)
        for case in h.cases(session, owner, 20, COMPLETED)[:revisited]:
            h.evaluate(session, case, h.local(2026, 10, 13, 10))
    return units


def test_plan_puts_the_unit_furthest_behind_first(any_db):
    with any_db.sessions.begin() as session:
        _three_units(session)
        plan = coverage_plan(session, 2026, 4, today=TODAY)
    assert [u.unit for u in plan] == ["丙", "乙", "甲"]
    c, b, a = plan
    # Target 30 % + margin 5 % of 20 cases = 7 revisits.
    assert (a.revisited, a.online, a.coverage, a.shortfall, a.calls_needed) == (8, 8, 0.4, 0, 0)
    assert (b.revisited, b.shortfall, b.completion_rate) == (2, 5, 0.6)
    assert b.calls_needed == 9  # 5 / 0.6 rounded up
    assert (c.shortfall, c.calls_needed, c.queued, c.due, c.target) == (7, 12, 0, 20, 0.3)


def test_completion_rate_comes_from_the_units_calls(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "甲")
        cases = h.cases(session, owner, 20, COMPLETED)
        # 4 calls ended: 3 completed revisits by phone, 1 unreachable.
        for case in cases[:3]:
            h.evaluate(session, case, h.local(2026, 10, 21, 10), channel="phone")
            h.attempt(session, case, "completed", h.local(2026, 10, 21, 10))
        h.entry(session, cases[3], h.local(2026, 10, 20), status="done", result="unreachable")
        (plan,) = coverage_plan(session, 2026, 4, today=TODAY)
    # The prior 0.6 weighs as 5 cases: (3 + 3) / (4 + 5).
    assert plan.completion_rate == pytest.approx(6 / 9)
    assert plan.shortfall == 4 and plan.calls_needed == 6


def test_refresh_draws_for_units_behind_and_records_the_sample(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        units = _three_units(session)
        result = refresh_queue(session, today=TODAY, seed=42)
        assert result.seed == 42
        assert {(s.unit, len(s.case_ids), s.candidate_count) for s in result.samples} == {
            ("丙", 12, 20),
            ("乙", 9, 18),
        }
        samples = session.scalars(select(CallSample).order_by(CallSample.id)).all()
        assert {(s.unit_id, s.seed, s.size, s.year, s.quarter) for s in samples} == {
            (units["丙"].id, 42, 12, 2026, 4),
            (units["乙"].id, 42, 9, 2026, 4),
        }
        for drawn in result.samples:
            entries = session.scalars(
                select(QueueEntry)
                .where(QueueEntry.sample_id == drawn.sample_id)
                .order_by(QueueEntry.sample_position)
            ).all()
            assert [e.case_id for e in entries] == drawn.case_ids
        # After the draw the plan shows the cases queued.
        assert [(u.unit, u.queued) for u in result.plan] == [("丙", 12), ("乙", 9), ("甲", 0)]
        # Enough is queued now: a second refresh the same day draws nothing.
        assert refresh_queue(session, today=TODAY, seed=7).added == 0
    # The unit furthest behind is called first.
    item = next_case(any_db, operator, now=h.local(2026, 11, 16, 9))
    assert item.unit == "丙"


def _drawn_case_numbers(database, seed: int) -> list[str]:
    with database.sessions.begin() as session:
        _three_units(session)
        result = refresh_queue(session, today=TODAY, seed=seed)
        numbers = {c.id: c.case_no for c in session.scalars(select(Case))}
        return [numbers[i] for s in result.samples for i in s.case_ids]


def test_the_same_seed_draws_the_same_sample(sqlite_db, tmp_path: Path):
    first = _drawn_case_numbers(sqlite_db, seed=2026)
    again = open_database(f"sqlite:///{tmp_path / 'again.sqlite3'}")
    other = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        assert _drawn_case_numbers(again, seed=2026) == first
        assert _drawn_case_numbers(other, seed=2027) != first
    finally:
        again.close()
        other.close()


def test_a_case_that_does_not_answer_stays_in_the_sample(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "乙")
        h.cases(session, owner, 10, COMPLETED)
        (sample,) = refresh_queue(session, today=TODAY, seed=5).samples
        drawn = set(sample.case_ids)
    item = next_case(any_db, operator, now=h.local(2026, 11, 16, 9))
    assert item.case_id in drawn
    with any_db.sessions.begin() as session:
        retry = record_failed_call(
            session,
            item.entry_id,
            operator,
            "no_answer",
            phone_e164=None,
            now=h.local(2026, 11, 16, 9, 5),
        )
        assert retry == h.local(2026, 11, 16, 14)
    with any_db.sessions.begin() as session:
        refresh_queue(session, today=date(2026, 11, 17), seed=6)
        entry = session.get(QueueEntry, item.entry_id)
        assert (entry.status, entry.sample_id, entry.attempts) == ("open", sample.sample_id, 1)
        # Nothing drawn before was dropped or replaced.
        open_cases = set(
            session.scalars(select(QueueEntry.case_id).where(QueueEntry.status == "open"))
        )
        assert drawn <= open_cases


def test_sample_all_queues_every_due_case(any_db):
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        _three_units(session)
        result = refresh_queue(session, today=TODAY, seed=1)
        assert result.added == 12 + 18 + 20
        assert all(s.sample_all for s in session.scalars(select(CallSample)))
        assert refresh_queue(session, today=TODAY, seed=2).added == 0


def test_previous_quarter_is_planned_until_its_supplement_deadline(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "甲")
        h.cases(session, owner, 10, date(2026, 9, 24))
        # Q3 ends Wed 09-30; 3 working days later (after the National Day holiday) is Sat 10-10.
        result = refresh_queue(session, today=date(2026, 10, 10), seed=1)
        assert [(u.year, u.quarter, u.unit) for u in result.plan] == [(2026, 3, "甲")]
        assert result.added == 7  # 10 × 35 % = 4 revisits → 4 / 0.6 → 7 calls
        assert refresh_queue(session, today=date(2026, 10, 12), seed=1).plan == []
