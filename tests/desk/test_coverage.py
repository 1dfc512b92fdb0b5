"""The coverage plan and the random, recorded, coverage-driven sample (J 5.4.2, W 7.1.3.3.1)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import and_, event, func, select

from app.calendar import WorkingCalendar
from app.desk import coverage
from app.desk.calls import record_failed_call
from app.desk.coverage import coverage_plan
from app.desk.due import DueRules, due_condition
from app.desk.queue import next_case, refresh_queue
from app.reports.quarterly import quarter_bounds
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
        # 4 calls of the quarter ended: 3 completed revisits by phone, 1 unreachable.
        for case in cases[:3]:
            h.evaluate(session, case, h.local(2026, 10, 21, 10), channel="phone")
            h.attempt(session, case, "completed", h.local(2026, 10, 21, 10))
            h.entry(session, case, h.local(2026, 10, 20), status="done", result="completed")
        h.entry(session, cases[3], h.local(2026, 10, 20), status="done", result="unreachable")
        # Not calls that ended: still being tried, or spared by an online evaluation.
        h.entry(session, cases[4], h.local(2026, 10, 20), status="open")
        h.entry(session, cases[5], h.local(2026, 10, 20), status="done", result="evaluated")
        (plan,) = coverage_plan(session, 2026, 4, today=TODAY)
    # The prior 0.6 weighs as 5 cases: (3 + 3) / (4 + 5).
    assert plan.completion_rate == pytest.approx(6 / 9)
    assert plan.shortfall == 4 and plan.calls_needed == 6


def test_completion_rate_is_the_quarters_own(any_db):
    """Issue 23: the rate is of the planned quarter's cases, no longer of all time (which read
    every case in the database); calls of other quarters, and completed attempts recorded
    outside the queue (an imported ledger), weigh on neither side."""
    with any_db.sessions.begin() as session:
        owner = h.unit(session, "甲")
        cases = h.cases(session, owner, 20, COMPLETED)
        earlier = h.cases(session, owner, 10, date(2026, 8, 3), prefix="Q3-")
        for case in earlier:  # last quarter: every call failed
            h.entry(session, case, h.local(2026, 8, 20), status="done", result="unreachable")
        h.attempt(session, cases[0], "completed", h.local(2026, 10, 21, 10))  # no entry
        h.entry(session, cases[1], h.local(2026, 10, 20), status="done", result="completed")
        (q4,) = coverage_plan(session, 2026, 4, today=TODAY)
        q3 = next(u for u in coverage_plan(session, 2026, 3, today=TODAY) if u.unit == "甲")
    assert q4.completion_rate == pytest.approx((1 + 3) / (1 + 5))  # the prior 0.6 as 5 cases
    assert q3.completion_rate == pytest.approx(3 / 15)
    # Nothing ended yet: the prior alone, floored.
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.completion_prior", 0.01)
        (q4,) = coverage_plan(session, 2026, 4, today=TODAY)
        assert q4.completion_rate == pytest.approx((1 + 0.05) / 6)
        other = h.unit(session, "乙")
        h.cases(session, other, 20, COMPLETED, prefix="B-")
        plan = {u.unit: u for u in coverage_plan(session, 2026, 4, today=TODAY)}
    assert plan["乙"].completion_rate == coverage.MIN_COMPLETION_RATE
    assert plan["乙"].calls_needed == 7 * 20  # 7 revisits wanted of 20 cases, at 5 %


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


def test_the_refresh_numbers_entries_by_their_units_place_writing_only_what_changes(any_db):
    def priorities(session) -> dict[int, int]:
        rows = session.execute(
            select(QueueEntry.id, QueueEntry.priority).where(QueueEntry.status == "open")
        )
        return dict(rows.all())

    with any_db.sessions.begin() as session:
        units = _three_units(session)
        result = refresh_queue(session, today=TODAY, seed=3)
        ranks = {u.unit_id: rank for rank, u in enumerate(result.plan)}
        drawn = {e.id: e for e in session.scalars(select(QueueEntry))}
        assert {e.priority for e in drawn.values()} == {0, 1}  # 丙 first, then 乙
        for entry in drawn.values():
            assert entry.priority == ranks[session.get(Case, entry.case_id).unit_id]
        # An entry of a quarter no longer planned, and one of 乙 numbered wrong meanwhile.
        old = h.case(session, units["甲"], "Q3-0001", date(2026, 7, 1))
        stale = h.entry(session, old, h.local(2026, 11, 1), priority=0)
        wrong = next(e for e in drawn.values() if e.priority == 1)
        wrong.priority = 7
        session.flush()
        untouched = {e.id: e.updated_at for e in drawn.values() if e is not wrong}

        refresh_queue(session, today=TODAY, seed=4, now=h.local(2026, 11, 16, 12))

        after = priorities(session)
        assert after[stale.id] == len(result.plan) == 3
        assert after[wrong.id] == 1
        assert {i: p for i, p in after.items() if i in untouched} == {
            i: drawn[i].priority for i in untouched
        }
        session.expire_all()
        for entry_id, updated_at in untouched.items():  # numbered right already: not written
            assert session.get(QueueEntry, entry_id).updated_at == updated_at


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


# The queue figures as they were written before issue 23 (a correlated look-up of the scoring
# evaluation in each figure), and the quarter's ended calls counted the plain way: the one pass
# of app.desk.coverage must give exactly what they give.
def _old_queue_figures(session, start, end, today, calendar):
    due = due_condition(DueRules.from_settings(session), today, calendar)
    valid = Case.has_valid_phone.is_(True)
    rows = session.execute(
        select(
            Case.unit_id,
            coverage._count_if(and_(due, ~valid)),
            coverage._count_if(and_(due, valid, QueueEntry.id.is_(None))),
            coverage._count_if(QueueEntry.status == "open"),
        )
        .outerjoin(QueueEntry, and_(QueueEntry.case_id == Case.id, QueueEntry.kind == "first"))
        .where(Case.completed_on.between(start, end))
        .group_by(Case.unit_id)
    ).all()
    return {unit_id: (int(a), int(b), int(c)) for unit_id, a, b, c in rows}


def _ended_calls(session, start, end, results):
    return dict(
        session.execute(
            select(Case.unit_id, func.count(QueueEntry.id))
            .join(Case, Case.id == QueueEntry.case_id)
            .where(
                Case.completed_on.between(start, end),
                QueueEntry.kind == "first",
                QueueEntry.status == "done",
                results,
            )
            .group_by(Case.unit_id)
        ).all()
    )


def _varied_city(session, rng) -> None:
    """Units with cases of every kind the figures tell apart, at random: inside and around the
    quarter and its online window, enterprise or not, with and without a valid number, with no,
    a valid, an invalid or only a later evaluation, queued open or done or not, called or not."""
    for u in range(4):
        owner = h.unit(session, f"单位{u}")
        for n in range(60):
            completed = date(2026, 9, 20) + timedelta(days=rng.randrange(110))
            phones = rng.choice([("13812345678",), ("12345",), ("12345", "13912345678"), ()])
            row = h.case(
                session,
                owner,
                f"V{u}-{n:03d}",
                completed,
                phones=phones,
                enterprise=rng.random() < 0.2,
            )
            evaluated_at = h.local(completed.year, completed.month, completed.day, 12)
            kind = rng.choice(["none", "none", "valid", "invalid", "late", "second"])
            if kind != "none":
                evaluation = h.evaluate(session, row, evaluated_at + timedelta(days=3))
                evaluation.valid = kind != "invalid"
                evaluation.round = 2 if kind == "second" else 1
                evaluation.attempt = 2 if kind == "late" else 1
            queued = rng.choice([None, None, "open", "done"])
            if queued:
                result = rng.choice(["completed", "evaluated", "unreachable", "refused"])
                h.entry(
                    session,
                    row,
                    evaluated_at,
                    status=queued,
                    result=result if queued == "done" else None,
                )
            for _ in range(rng.choice([0, 0, 1, 2])):
                outcome = rng.choice(["completed", "no_answer", "busy"])
                h.attempt(session, row, outcome, evaluated_at + timedelta(days=1))
    session.flush()


@pytest.mark.parametrize("enterprise_to_phone", [False, True])
def test_rewritten_figures_equal_the_old_queries(any_db, rng, enterprise_to_phone):
    with any_db.sessions.begin() as session:
        _varied_city(session, rng)
        set_setting(session, "desk.enterprise_to_phone", enterprise_to_phone)
        session.flush()
        calendar = WorkingCalendar.load(session)
        for today in (date(2026, 10, 5), date(2026, 11, 16), date(2026, 12, 31), date(2027, 2, 1)):
            for quarter in (3, 4):
                start, end = quarter_bounds(2026, quarter)
                old = _old_queue_figures(session, start, end, today, calendar)
                figures = coverage._quarter_figures(session, start, end, today, calendar)
                assert {
                    unit_id: (f.no_valid_phone, f.due, f.queued) for unit_id, f in figures.items()
                } == old
                completed = _ended_calls(session, start, end, QueueEntry.result == "completed")
                failed = _ended_calls(
                    session, start, end, QueueEntry.result.not_in(("completed", "evaluated"))
                )
                # Q4 holds most of the city's cases (Q3 only its last days).
                assert quarter == 3 or (completed and failed), "calls ended both ways"
                for unit_id, f in figures.items():
                    assert (f.completed, f.failed) == (
                        completed.get(unit_id, 0),
                        failed.get(unit_id, 0),
                    )


def test_the_quarters_bounds_are_in_the_statement(any_db):
    """Issue 23: sent as parameters, PostgreSQL's generic plan for the prepared statement (from
    about its tenth run on one connection) guessed 5 000 cases in the quarter and took 30 s at
    1 M cases; written into the statement, every plan knows the range."""
    sent = []
    with any_db.sessions.begin() as session:
        _three_units(session)
        connection = session.connection()

        def record(_connection, _cursor, statement, parameters, _context, _many):
            sent.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", record)
        start, end = quarter_bounds(2026, 4)
        figures = coverage._quarter_figures(
            session, start, end, TODAY, WorkingCalendar.load(session)
        )
        event.remove(connection, "before_cursor_execute", record)
    assert sum(f.due for f in figures.values()) == 12 + 18 + 20
    (statement, parameters), *_ = [s for s in sent if "call_queue" in s[0]]
    assert "2026-10-01" in statement and "2026-12-31" in statement
    values = parameters.values() if isinstance(parameters, dict) else parameters
    assert start not in values and end not in values
