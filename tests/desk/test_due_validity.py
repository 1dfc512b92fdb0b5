"""The due rule with invalid online evaluations (J 5.1.2, SPEC rule 18), on SQLite and
PostgreSQL: a case whose only online evaluations are not valid stays due; the scoring evaluation
kept by the database is the first valid one and never a 追评; the queue, the coverage plan and the
quarterly report agree."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select, update

from app.desk.coverage import coverage_plan
from app.desk.due import due_case_ids
from app.desk.queue import next_case, refresh_queue
from app.reports.quarterly import quarter_bounds, quarterly_report
from app.settings import set_setting
from db.models import Case, Evaluation, QueueEntry

from . import helpers as h

Q4 = quarter_bounds(2026, 4)
COMPLETED = date(2026, 11, 2)  # its online window: 11-02 … 11-09
TODAY = date(2026, 11, 20)


def invalid(session, case, at, reason: str, **values) -> Evaluation:
    row = h.evaluate(session, case, at, channel="platform", **values)
    row.valid, row.invalid_reason = False, reason
    row.is_default = reason == "default"
    session.flush()
    return row


def first_of(session, case) -> int | None:
    return session.scalar(select(Case.first_evaluation_id).where(Case.id == case.id))


def test_only_invalid_online_evaluations_leave_a_case_due(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session)
        default = h.case(session, owner, "D-1", COMPLETED)
        invalid(session, default, h.local(2026, 11, 9, 0), "default", overall="very_satisfied")
        unreviewed = h.case(session, owner, "U-1", COMPLETED)
        invalid(session, unreviewed, h.local(2026, 11, 4, 9), "unreviewed")
        late = h.case(session, owner, "L-1", COMPLETED)
        invalid(session, late, h.local(2026, 11, 12, 9), "late")
        valid = h.case(session, owner, "V-1", COMPLETED)
        h.evaluate(session, valid, h.local(2026, 11, 4, 9), channel="platform")
        nothing = h.case(session, owner, "N-1", COMPLETED)
        assert due_case_ids(session, TODAY, *Q4) == [default.id, unreviewed.id, late.id, nothing.id]


def test_a_later_evaluation_never_spares_the_call_nor_scores(any_db):
    with any_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "Z-1", COMPLETED)
        later = h.evaluate(session, case, h.local(2026, 11, 3, 9), channel="platform")
        later.attempt = 2  # a 追评 whose first evaluation is not in the database
        session.flush()
        assert first_of(session, case) is None
        assert due_case_ids(session, TODAY, *Q4) == [case.id]
        # Its first evaluation arrives, even later in time: it is the first all the same.
        first = h.evaluate(session, case, h.local(2026, 11, 5, 9), channel="platform")
        assert first_of(session, case) == first.id
        assert due_case_ids(session, TODAY, *Q4) == []


def test_the_scoring_evaluation_follows_validity(any_db):
    with any_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "S-1", COMPLETED)
        default = invalid(session, case, h.local(2026, 11, 9, 0), "default")
        # Alone, the default rating is the case's first evaluation (the report's setting
        # decides whether it scores), and the case is due.
        assert first_of(session, case) == default.id
        assert due_case_ids(session, TODAY, *Q4) == [case.id]
        phone = h.evaluate(session, case, h.local(2026, 11, 16, 10), channel="phone")
        assert first_of(session, case) == phone.id  # later in time, but valid
        unreviewed = invalid(session, case, h.local(2026, 11, 3, 9), "unreviewed")
        assert first_of(session, case) == phone.id
        # The platform's review passes: the earlier evaluation is valid and first now.
        session.execute(
            update(Evaluation)
            .where(Evaluation.id == unreviewed.id)
            .values(valid=True, invalid_reason=None)
        )
        assert first_of(session, case) == unreviewed.id
        session.execute(delete(Evaluation).where(Evaluation.id == unreviewed.id))
        assert first_of(session, case) == phone.id
        session.execute(delete(Evaluation).where(Evaluation.id == phone.id))
        assert first_of(session, case) == default.id
        session.execute(update(Evaluation).where(Evaluation.id == default.id).values(attempt=2))
        assert first_of(session, case) is None


def test_the_refresh_keeps_a_default_rated_case_in_its_sample(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        case = h.case(session, h.unit(session), "A-1", COMPLETED)
        refresh_queue(session, today=date(2026, 11, 10), seed=1)
        (entry,) = session.scalars(select(QueueEntry).where(QueueEntry.case_id == case.id))
        # The platform records its default rating before anyone has called.
        invalid(session, case, h.local(2026, 11, 10, 8), "default")
    with any_db.sessions.begin() as session:
        result = refresh_queue(session, today=date(2026, 11, 11), seed=1)
        assert result.dropped == 0
        assert session.get(QueueEntry, entry.id).status == "open"
        # A valid evaluation (here: the citizen's own, in time) takes it out.
        h.evaluate(session, case, h.local(2026, 11, 8, 20), channel="platform")
    with any_db.sessions.begin() as session:
        result = refresh_queue(session, today=date(2026, 11, 12), seed=1)
        assert result.dropped == 1
        assert session.get(QueueEntry, entry.id).result == "evaluated"
    assert next_case(any_db, operator, now=h.local(2026, 11, 12, 9, 30)) is None


def test_the_plan_counts_due_cases_with_invalid_evaluations(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session)
        for n in range(4):
            case = h.case(session, owner, f"D-{n}", COMPLETED)
            invalid(session, case, h.local(2026, 11, 9, 0), "default")
        (plan,) = coverage_plan(session, 2026, 4, today=TODAY)
        assert plan.due == 4


# What the report must do to agree (part B owns app/reports): count a revisit only where the
# scoring evaluation is valid (app.desk.due.counts_as_revisit) and score by
# app.importing.validity.scores. Until it does, these fail; strict, so that they say when it
# does and the marker must go.


def test_the_report_and_the_plan_count_only_valid_revisits(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session)
        for n in range(10):
            case = h.case(session, owner, f"C-{n}", COMPLETED)
            if n < 6:  # six default ratings of 非常满意, pushed by the platform
                invalid(session, case, h.local(2026, 11, 9, 0), "default", overall="very_satisfied")
            elif n < 7:
                h.evaluate(session, case, h.local(2026, 11, 4, 9), channel="platform")
        (row,) = quarterly_report(session, 2026, 4, today=TODAY).units
        (plan,) = coverage_plan(session, 2026, 4, today=TODAY)
        assert (row.revisited, row.score_total) == (1, 3)
        assert plan.revisited == 1
        assert plan.due == 9 and plan.to_draw > 0


def test_default_ratings_do_not_empty_the_sampled_queue(any_db):
    with any_db.sessions.begin() as session:
        owner = h.unit(session)
        for n in range(10):
            case = h.case(session, owner, f"C-{n}", COMPLETED)
            invalid(session, case, h.local(2026, 11, 9, 0), "default", overall="very_satisfied")
        result = refresh_queue(session, today=TODAY, seed=5)
        assert result.added > 0


# What the claim must do to agree (app/desk/queue.py, not part of this work): pass over a
# first-revisit entry only when its case has a valid evaluation (app.desk.due.
# has_valid_evaluation(QueueEntry.case_id)), not when it has any.
def test_an_operator_is_given_a_case_whose_only_evaluation_is_a_default_rating(any_db):
    operator, _ = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        case = h.case(session, h.unit(session), "D-1", COMPLETED)
        invalid(session, case, h.local(2026, 11, 9, 0), "default")
        refresh_queue(session, today=TODAY, seed=1)
        case_id = case.id
    claimed = next_case(any_db, operator, now=h.local(2026, 11, 20, 9, 30))
    assert claimed is not None and claimed.case_id == case_id
