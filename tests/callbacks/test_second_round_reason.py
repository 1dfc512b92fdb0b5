"""A second round that is still 不满意: its reason and the respondent's words are required, kept
with the round-2 evaluation (the callback keeps the first round's), and shown in the history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.callbacks.history import case_history
from app.callbacks.tasks import assign, resolve
from app.desk.calls import FormAAnswers, FormAInvalid, save_form_a
from app.desk.queue import next_case
from app.ratings import Rating
from app.roles import Role
from db.models import CallbackTask, Evaluation, QueueEntry

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)  # a Monday
UNHAPPY = FormAAnswers(
    Rating.AVERAGE,
    Rating.SATISFIED,
    Rating.DISSATISFIED,
    Rating.SATISFIED,
    False,
    dissatisfaction_category="attitude",
    dissatisfaction_details="窗口人员态度生硬",
)
STILL_UNHAPPY = replace(
    UNHAPPY,
    attitude=Rating.SATISFIED,
    efficiency=Rating.DISSATISFIED,
    dissatisfaction_category="efficiency",
    dissatisfaction_details="说好三天办完，等了两周",
)


def _save(database, entry_id: int, operator: int, answers: FormAAnswers, now):
    with database.sessions.begin() as session:
        return save_form_a(
            session, entry_id, operator, answers, duration_seconds=60, phone_e164=None, now=now
        )


@pytest.fixture
def second_round(any_db):
    """A callback opened by a first-round 不满意, assigned to 王芳 and in her hands."""
    with any_db.sessions.begin() as session:
        people = h.people(session)
        case_ = h.case(session, h.unit(session, "历下区登记中心"), "LX-1", date(2026, 11, 2))
        session.add(
            QueueEntry(
                kind="first", case_id=case_.id, status="open", ready_at=NOW - timedelta(hours=1)
            )
        )
        case_id = case_.id
    item = next_case(any_db, people.wang, now=NOW)
    task_id = _save(any_db, item.entry_id, people.wang, UNHAPPY, NOW).callback_task_id
    with any_db.sessions.begin() as session:
        assign(session, [task_id], by_id=people.lead, staff_id=people.wang, now=NOW)
    later = NOW + timedelta(hours=1)
    item = next_case(any_db, people.wang, now=later)
    assert item.kind == "callback"
    return any_db, people, item.entry_id, task_id, case_id, later


@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ({"dissatisfaction_details": "  "}, "dissatisfaction_details"),
        ({"dissatisfaction_category": None}, "dissatisfaction_category"),
    ],
)
def test_a_second_round_dissatisfaction_needs_its_reason_and_words(second_round, missing, field):
    database, people, entry_id, _task_id, _case_id, later = second_round
    with pytest.raises(FormAInvalid) as refused:
        _save(database, entry_id, people.wang, replace(STILL_UNHAPPY, **missing), later)
    assert refused.value.field == field
    with database.sessions() as session:
        assert session.scalar(select(Evaluation).where(Evaluation.round == 2)) is None


def test_the_second_round_reason_is_kept_with_its_evaluation_and_shown(second_round):
    database, people, entry_id, task_id, case_id, later = second_round
    result = _save(database, entry_id, people.wang, STILL_UNHAPPY, later)
    with database.sessions() as session:
        second = session.get(Evaluation, result.evaluation_id)
        assert (second.round, second.efficiency) == (2, "dissatisfied")
        assert second.original["reason_category"] == "efficiency"
        assert second.original["words"] == "说好三天办完，等了两周"
        task = session.get(CallbackTask, task_id)  # the first round's reason stays the task's
        assert (task.reason_category, task.respondent_words) == ("attitude", "窗口人员态度生硬")
        history = case_history(session, case_id, role=Role.TEAM_LEAD)
    (event,) = [e for e in history.events if e.kind == "evaluation" and "二次回访" in e.title]
    assert "二次回访不满意原因：办事效率慢" in event.lines
    assert "反映：说好三天办完，等了两周" in event.lines
    assert event.alert


# The board's 解决 takes the round-2 answers through the same rules as the desk's second round.


@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ({"dissatisfaction_details": None}, "dissatisfaction_details"),
        ({"dissatisfaction_category": "weather"}, "dissatisfaction_category"),
    ],
)
def test_resolving_on_the_board_still_unhappy_needs_the_reason_too(second_round, missing, field):
    database, people, _entry_id, task_id, _case_id, later = second_round
    with pytest.raises(FormAInvalid) as refused, database.sessions.begin() as session:
        resolve(
            session,
            task_id,
            by_id=people.lead,
            explanation="已解释",
            answers=replace(STILL_UNHAPPY, **missing),
            now=later,
        )
    assert refused.value.field == field
    with database.sessions() as session:
        assert session.scalar(select(Evaluation).where(Evaluation.round == 2)) is None
        assert session.get(CallbackTask, task_id).status == "assigned"


def test_resolving_on_the_board_keeps_the_reason_as_the_desk_does(second_round):
    database, people, _entry_id, task_id, case_id, later = second_round
    with database.sessions.begin() as session:
        resolve(
            session,
            task_id,
            by_id=people.lead,
            explanation="已解释办理时限",
            answers=STILL_UNHAPPY,
            now=later,
        )
    with database.sessions() as session:
        task = session.get(CallbackTask, task_id)
        second = session.get(Evaluation, task.second_evaluation_id)
        assert second.original == {
            "form": "A",
            "reason_category": "efficiency",
            "words": "说好三天办完，等了两周",
        }
        assert (task.reason_category, task.status) == ("attitude", "resolved")
        history = case_history(session, case_id, role=Role.TEAM_LEAD)
    (event,) = [e for e in history.events if e.kind == "evaluation" and "二次回访" in e.title]
    assert "二次回访不满意原因：办事效率慢" in event.lines


def test_a_satisfied_second_round_on_the_board_keeps_no_reason(second_round):
    database, people, _entry_id, task_id, _case_id, later = second_round
    answers = replace(STILL_UNHAPPY, efficiency=Rating.SATISFIED)
    with database.sessions.begin() as session:
        task = resolve(
            session, task_id, by_id=people.lead, explanation="已解释", answers=answers, now=later
        )
        second = session.get(Evaluation, task.second_evaluation_id)
        assert second.original is None
