"""Which cases are due for a first phone revisit (J 5.1.2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.calendar import WorkingCalendar
from app.desk.due import DueRules, due_case_ids
from app.desk.queue import next_case, refresh_queue
from app.reports.quarterly import quarter_bounds
from app.settings import set_setting
from db.models import QueueEntry

from . import helpers as h

Q3 = quarter_bounds(2026, 3)
Q4 = quarter_bounds(2026, 4)


def test_window_in_calendar_days(any_db):
    with any_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        # The window is 11-02 … 11-09: due from 11-10, not before.
        assert due_case_ids(session, date(2026, 11, 9), *Q4) == []
        assert due_case_ids(session, date(2026, 11, 10), *Q4) == [case.id]


def test_window_in_working_days_spans_the_national_day_holiday(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "desk.online_window_working_days", True)
        case = h.case(session, h.unit(session), "A-1", date(2026, 9, 28))
        # 7 working days after Mon 09-28: 09-29, 09-30, 10-08, 10-09, Sat 10-10 (调休), 10-12,
        # 10-13. Counted in calendar days the case would have been due from 10-06.
        assert due_case_ids(session, date(2026, 10, 13), *Q3) == []
        assert due_case_ids(session, date(2026, 10, 14), *Q3) == [case.id]


def test_window_length_is_a_setting(sqlite_db):
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "desk.online_window_days", 3)
        case = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        assert due_case_ids(session, date(2026, 11, 5), *Q4) == []
        assert due_case_ids(session, date(2026, 11, 6), *Q4) == [case.id]


def test_latest_due_completion_walks_back_over_holidays():
    rules = DueRules(window_days=7, working_days=True)
    calendar = WorkingCalendar()
    assert rules.latest_due_completion(date(2026, 10, 14), calendar) == date(2026, 9, 28)
    assert DueRules().latest_due_completion(date(2026, 11, 10), calendar) == date(2026, 11, 2)


def test_online_evaluation_inside_the_window_means_no_call(any_db):
    with any_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        h.evaluate(session, case, h.local(2026, 11, 9, 20))
        assert due_case_ids(session, date(2026, 11, 16), *Q4) == []


def test_online_evaluation_after_the_window_takes_a_queued_case_out(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        case = h.case(session, h.unit(session), "A-1", date(2026, 11, 2))
        refresh_queue(session, today=date(2026, 11, 10), seed=1)
        (entry,) = session.scalars(select(QueueEntry).where(QueueEntry.case_id == case.id))
        assert entry.status == "open"
        # The respondent evaluates online late, before anyone has called.
        h.evaluate(session, case, h.local(2026, 11, 10, 9), channel="platform")
    # Even before the next refresh, nobody is given the case any more.
    assert next_case(any_db, operator, now=h.local(2026, 11, 10, 9, 30)) is None
    with any_db.sessions.begin() as session:
        result = refresh_queue(session, today=date(2026, 11, 11), seed=1)
        assert result.dropped == 1
        entry = session.get(QueueEntry, entry.id)
        assert (entry.status, entry.result) == ("done", "evaluated")


def test_an_evaluation_by_any_channel_excludes(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session)
        channels = ["qr", "platform", "phone", "enterprise"]
        for n, channel in enumerate(channels):
            case = h.case(session, owner, f"A-{n}", date(2026, 11, 2))
            h.evaluate(session, case, h.local(2026, 11, 20), channel=channel)
        assert due_case_ids(session, date(2026, 11, 25), *Q4) == []


def test_enterprise_cases_go_to_form_b_unless_a_setting_says_phone(any_db):
    with any_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "E-1", date(2026, 11, 2), enterprise=True)
        assert due_case_ids(session, date(2026, 11, 16), *Q4) == []
        set_setting(session, "desk.enterprise_to_phone", True)
        assert due_case_ids(session, date(2026, 11, 16), *Q4) == [case.id]


def test_a_case_without_a_valid_phone_is_not_queued_but_reported(any_db):
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        owner = h.unit(session)
        h.case(session, owner, "A-1", date(2026, 11, 2), phones=("123", "无"))
        valid = h.case(session, owner, "A-2", date(2026, 11, 2))
        assert due_case_ids(session, date(2026, 11, 16), *Q4) == [valid.id]
        result = refresh_queue(session, today=date(2026, 11, 16), seed=1)
        assert result.added == 1
        (plan,) = [u for u in result.plan if u.quarter == 4]
        assert plan.no_valid_phone == 1
