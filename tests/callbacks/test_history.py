"""A case's whole history: facts, evaluations (the first marked as the one that scores), call
attempts with masked numbers, contacts, the task's steps, complaints, scans — and integrity
reports for the roles that handle them only (SPEC rule 7)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.callbacks.history import (
    ATTACHMENT,
    CALL,
    COMPLAINT_EVENT,
    CONTACT,
    EVALUATION,
    INTEGRITY,
    TASK,
    callback_summary,
    case_history,
)
from app.callbacks.opening import escalate_integrity
from app.callbacks.tasks import assign, record_contact, reopen, resolve
from app.desk.calls import FormAAnswers
from app.ratings import Rating
from app.roles import Role
from db.models import Attachment, CallAttempt, Case, Evaluation, ScanPage

from . import helpers as h

SATISFIED = FormAAnswers(
    Rating.SATISFIED, Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.SATISFIED, False
)


@pytest.fixture
def story(any_db):
    """LX-1: a 好差评 不满意 that also reports a breach, a failed second-round call, a contact,
    an assignment, a resolution and a reopening, a complaint, and a scanned letter."""
    with any_db.sessions.begin() as session:
        people = h.people(session)
        owner = h.unit(session, "历下区登记中心")
        case_ = h.case(session, owner, "LX-1", h.local(2026, 9, 25).date())
        first = h.first_evaluation(
            session, case_, h.local(2026, 9, 28, 9), words="窗口人员索要好处", integrity=True
        )
        from app.callbacks.opening import open_callback

        task = open_callback(
            session,
            case_,
            first.id,
            now=h.local(2026, 9, 28, 9),
            category="attitude",
            words="态度生硬",
        )
        escalate_integrity(session, [first.id], h.local(2026, 9, 28, 9))
        assign(
            session,
            [task.id],
            by_id=people.lead,
            staff_id=people.wang,
            now=h.local(2026, 9, 28, 11),
        )
        session.add(
            CallAttempt(
                case_id=case_.id,
                attempted_at=h.local(2026, 9, 29, 9, 30),
                outcome="no_answer",
                phone_e164="+8613812345678",
                operator_id=people.wang,
                note="下午再打",
                callback_task_id=task.id,
            )
        )
        record_contact(
            session,
            task.id,
            by_id=people.wang,
            means="phone",
            said="申请人仍有意见",
            promised="三日内回电",
            at=h.local(2026, 9, 29, 15),
        )
        resolve(
            session,
            task.id,
            by_id=people.wang,
            explanation="已道歉并说明流程",
            answers=SATISFIED,
            now=h.local(2026, 9, 30, 10),
        )
        reopen(
            session,
            task.id,
            by_id=people.lead,
            reason="申请人来电仍不满意",
            now=h.local(2026, 10, 9, 9),
        )
        h.complaint(session, owner, h.local(2026, 10, 9, 14), case_row=case_, number="TS-7")
        letter = Attachment(
            sha256="a" * 64,
            case_id=case_.id,
            kind="scan",
            filename="投诉信.pdf",
            media_type="application/pdf",
            size=1000,
            pages=2,
            source="scanner",
        )
        session.add(letter)
        session.flush()
        session.add(
            ScanPage(
                attachment_id=letter.id,
                page_index=1,
                status="filed",
                case_id=case_.id,
                filed_at=h.local(2026, 10, 10, 8),
                filed_by="王芳",
                source="scanner",
            )
        )
        return any_db, people, case_.id, task.id, first.id


def test_everything_in_time_order(story):
    database, _, case_id, _, first_id = story
    with database.sessions() as session:
        history = case_history(session, case_id, role=Role.TEAM_LEAD)
    events = history.events
    assert [event.at for event in events] == sorted(event.at for event in events)
    assert history.facts.case_no == "LX-1" and history.facts.phones == ["138****5678"]
    kinds = [event.kind for event in events]
    for kind in (EVALUATION, CALL, CONTACT, TASK, COMPLAINT_EVENT, ATTACHMENT, INTEGRITY):
        assert kind in kinds, kind
    titles = [event.title for event in events]
    text = "\n".join(f"{event.title}\n" + "\n".join(event.lines) for event in events)
    assert "二次回访 电话 · 无人接听 · 王芳" in titles
    assert "号码：138****5678" in text and "13812345678" not in text
    assert "沟通：申请人仍有意见" in text and "承诺：三日内回电" in text
    assert "分派给：王芳" in text
    assert "处理说明：已道歉并说明流程" in text
    assert "重新打开原因：申请人来电仍不满意" in text
    assert "内容：办证窗口排队两小时无人引导" in text
    assert any(
        event.kind == ATTACHMENT and "投诉信.pdf 第 2/2 页" in event.title for event in events
    )


def test_only_the_first_evaluation_is_marked_as_scoring(story):
    database, _, case_id, _, first_id = story
    with database.sessions() as session:
        assert session.get(Case, case_id).first_evaluation_id == first_id
        history = case_history(session, case_id, role=Role.TEAM_LEAD)
        rounds = session.scalars(
            select(Evaluation.round).where(Evaluation.case_id == case_id).order_by(Evaluation.id)
        ).all()
    assert rounds == [1, 2]
    evaluations = [event for event in history.events if event.kind == EVALUATION]
    assert [event.badge for event in evaluations] == ["计分（首次评价）", None]
    assert evaluations[0].title.startswith("首轮评价 · 好差评平台")
    assert evaluations[1].title.startswith("二次回访评价 · 电话回访")
    assert evaluations[0].alert and not evaluations[1].alert
    assert "服务态度：不满意" in evaluations[0].lines[0]


def test_integrity_is_hidden_from_the_operator(story):
    database, _, case_id, _, _ = story
    with database.sessions() as session:
        lead = case_history(session, case_id, role=Role.TEAM_LEAD)
        admin = case_history(session, case_id, role=Role.ADMINISTRATOR)
        operator = case_history(session, case_id, role=Role.OPERATOR)
        nobody = case_history(session, case_id, role=None)
    for history in (lead, admin):
        assert history.integrity_shown
        (report,) = [event for event in history.events if event.kind == INTEGRITY]
        assert report.lines == ["窗口人员索要好处"]
    for history in (operator, nobody):
        assert not history.integrity_shown
        assert INTEGRITY not in {event.kind for event in history.events}
        text = "\n".join(event.title + "\n".join(event.lines) for event in history.events)
        # Not the breach, nor the words of the evaluation that reported it.
        assert "违反廉洁纪律" not in text and "索要好处" not in text and "态度生硬" not in text
        assert "反映：（涉及廉洁纪律反映，仅组长、管理员可见）" in text
    assert "反映：态度生硬" in "\n".join("\n".join(event.lines) for event in lead.events)


def test_the_task_summary(story):
    database, _, _, task_id, _ = story
    with database.sessions() as session:
        summary = callback_summary(session, task_id, role=Role.TEAM_LEAD)
        withheld = callback_summary(session, task_id, role=Role.OPERATOR)
    # Reopened: assigned to 王芳 again, the round-2 answers of before kept on the case only.
    assert (summary.status, summary.owner, summary.reason_label) == (
        "assigned",
        "王芳",
        "服务态度差",
    )
    assert summary.second_round_answers is None and summary.resolution is None
    assert summary.words == "态度生硬"
    assert withheld.words == "（涉及廉洁纪律反映，仅组长、管理员可见）"


def test_an_unknown_case(any_db):
    with any_db.sessions() as session, pytest.raises(LookupError):
        case_history(session, 999, role=Role.TEAM_LEAD)


def _statements(database) -> tuple[list[str], object]:
    from sqlalchemy import event

    seen: list[str] = []

    def record(_conn, _cursor, statement, *_rest) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    return seen, lambda: event.remove(database.engine, "before_cursor_execute", record)


def test_only_the_kinds_of_record_a_case_has_are_read(any_db):
    """Each statement is a round trip to a PostgreSQL server (issue 23): the case is read with
    whether it has each kind of record, and a case with none costs three statements."""
    with any_db.sessions.begin() as session:
        h.people(session)
        owner = h.unit(session, "历下区登记中心")
        bare = h.case(session, owner, "LX-2", h.local(2026, 9, 25).date()).id
        lettered = h.case(session, owner, "LX-3", h.local(2026, 9, 25).date())
        session.add(  # an attachment alone, not a scan: still shown
            Attachment(
                sha256="b" * 64,
                case_id=lettered.id,
                kind="evidence",
                filename="照片.jpg",
                media_type="image/jpeg",
                size=10,
                source="file",
            )
        )
        lettered = lettered.id
    seen, stop = _statements(any_db)
    try:
        with any_db.sessions() as session:
            history = case_history(session, bare, role=Role.ADMINISTRATOR)
    finally:
        stop()
    assert history.events == [] and history.facts.case_no == "LX-2"
    assert len([s for s in seen if s.startswith("SELECT")]) == 3, seen
    with any_db.sessions() as session:
        history = case_history(session, lettered, role=Role.OPERATOR)
    assert [(e.kind, e.title) for e in history.events] == [(ATTACHMENT, "附件 · 照片.jpg")]
