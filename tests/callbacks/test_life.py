"""A second-round callback's whole life (J 5.3.2–5.3.3): opened by a 不满意 taken on the phone,
assigned to an operator, called from their queue with Form A as round 2, resolved, reopened and
closed unresolved by a team lead — while the first evaluation and the quarter's scores stay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.callbacks.board import board_rows
from app.callbacks.contacts import TaskError
from app.callbacks.tasks import assign, close_unresolved, reopen, resolve
from app.desk.calls import FormAAnswers, save_form_a
from app.desk.queue import next_case
from app.ratings import Rating
from app.reports.quarterly import quarterly_report
from app.roles import NotPermitted
from db.models import (
    AuditEntry,
    CallbackContact,
    CallbackTask,
    Case,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
)

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)  # a Monday
SATISFIED = FormAAnswers(
    Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, False
)
UNHAPPY = FormAAnswers(
    Rating.AVERAGE,
    Rating.SATISFIED,
    Rating.DISSATISFIED,
    Rating.SATISFIED,
    False,
    dissatisfaction_category="attitude",
    dissatisfaction_details="窗口人员态度生硬",
)
EVALUATION_FIELDS = ("round", "channel", "overall", "efficiency", "attitude", "materials")


def _save(database, entry_id: int, operator: int, answers: FormAAnswers, now):
    with database.sessions.begin() as session:
        return save_form_a(
            session, entry_id, operator, answers, duration_seconds=90, phone_e164=None, now=now
        )


def _scores(database) -> list[dict]:
    with database.sessions() as session:
        report = quarterly_report(session, 2026, 4, today=date(2026, 11, 30))
    return report.to_json()["units"]


@pytest.fixture
def opened(any_db):
    """A case completed Nov 2 whose phone revisit on Nov 16 gave 服务态度 不满意."""
    with any_db.sessions.begin() as session:
        people = h.people(session)
        case_ = h.case(session, h.unit(session, "历下区登记中心"), "LX-1", date(2026, 11, 2))
        session.add(
            QueueEntry(
                kind="first", case_id=case_.id, status="open", ready_at=NOW - timedelta(hours=1)
            )
        )
    item = next_case(any_db, people.wang, now=NOW)
    result = _save(any_db, item.entry_id, people.wang, UNHAPPY, NOW)
    assert result.callback_task_id is not None
    return any_db, people, result.callback_task_id, result.evaluation_id


def _first(database, evaluation_id: int) -> tuple:
    with database.sessions() as session:
        evaluation = session.get(Evaluation, evaluation_id)
        first_id = session.scalar(select(Case.first_evaluation_id))
        return first_id, tuple(getattr(evaluation, name) for name in EVALUATION_FIELDS)


def test_the_whole_life(opened):
    database, people, task_id, first_id = opened
    first_before, scores_before = _first(database, first_id), _scores(database)
    assert first_before[0] == first_id

    with database.sessions.begin() as session:
        assert assign(session, [task_id], by_id=people.lead, staff_id=people.wang, now=NOW) == 1

    # It waits in 王芳's queue only.
    later = NOW + timedelta(hours=1)
    assert next_case(database, people.li, now=later) is None
    item = next_case(database, people.wang, now=later)
    assert (item.kind, item.callback_task_id) == ("callback", task_id)

    # The second-round call, on the same call screen: Form A as round 2, kept as a contact.
    result = _save(database, item.entry_id, people.wang, SATISFIED, later)
    assert result.callback_task_id is None
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        second = session.get(Evaluation, result.evaluation_id)
        (contact,) = session.scalars(select(CallbackContact)).all()
        assert (second.round, second.overall) == (2, "satisfied")
        assert (task.status, task.second_evaluation_id) == ("contacted", second.id)
        assert contact.means == "phone" and contact.said.startswith("二次回访电话：")
        assert contact.call_attempt_id is not None

    # Resolved with those answers: no need to type them again.
    with database.sessions.begin() as session:
        resolve(
            session, task_id, by_id=people.wang, explanation="已道歉，说明了办理流程", now=later
        )
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        assert (task.status, task.resolution, task.closed_by_id) == (
            "resolved",
            "已道歉，说明了办理流程",
            people.wang,
        )
        assert board_rows(session, today=later.date()) == []
        entry = session.scalar(select(QueueEntry).where(QueueEntry.callback_task_id == task_id))
        assert (entry.status, entry.result) == ("done", "completed")

    # The first evaluation and the quarter's scores never moved.
    assert _first(database, first_id) == first_before
    assert _scores(database) == scores_before

    # Reopening and closing unresolved are for team leads.
    with database.sessions.begin() as session, pytest.raises(NotPermitted):
        reopen(session, task_id, by_id=people.wang, reason="仍不满意")
    with database.sessions.begin() as session:
        reopen(session, task_id, by_id=people.lead, reason="申请人来电仍不满意", now=later)
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        assert (task.status, task.reopened_count, task.second_evaluation_id) == (
            "assigned",
            1,
            None,
        )
        entry = session.scalar(select(QueueEntry).where(QueueEntry.callback_task_id == task_id))
        assert (entry.status, entry.reserved_for_id) == ("open", people.wang)
        (row,) = board_rows(session, today=later.date())
        assert (row.id, row.owner, row.status_label) == (task_id, "王芳", "已分派")
    with database.sessions.begin() as session, pytest.raises(TaskError):
        resolve(session, task_id, by_id=people.wang, explanation="再次解释")  # no round-2 answers
    with database.sessions.begin() as session, pytest.raises(NotPermitted):
        close_unresolved(session, task_id, by_id=people.wang, reason="联系不上")
    with database.sessions.begin() as session:
        close_unresolved(session, task_id, by_id=people.lead, reason="申请人拒绝再沟通", now=later)
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        assert (task.status, task.approved_by_id, task.resolution) == (
            "closed",
            people.lead,
            "申请人拒绝再沟通",
        )
        entry = session.scalar(select(QueueEntry).where(QueueEntry.callback_task_id == task_id))
        assert (entry.status, entry.result) == ("done", "withdrawn")
        actions = session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.entity == "callback_task", AuditEntry.entity_uid == task.uid)
            .order_by(AuditEntry.id)
        ).all()
    assert actions == [
        "callback.assign",
        "callback.contact",
        "callback.resolve",
        "callback.reopen",
        "callback.close",
    ]
    assert _first(database, first_id) == first_before
    assert _scores(database) == scores_before


def test_a_breach_reported_in_the_second_round_is_escalated(opened):
    database, people, task_id, _ = opened
    answers = FormAAnswers(
        Rating.SATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        True,
        integrity_details="回访时反映曾被索要好处费",
    )
    with database.sessions.begin() as session:
        resolve(session, task_id, by_id=people.lead, explanation="已说明", answers=answers, now=NOW)
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        (escalation,) = session.scalars(select(IntegrityEscalation)).all()
        assert escalation.evaluation_id == task.second_evaluation_id
        assert (escalation.details, escalation.reported_by_id) == (
            "回访时反映曾被索要好处费",
            people.lead,
        )
