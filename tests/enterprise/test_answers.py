"""Typing in Form B: an enterprise evaluation that scores when it is the first, a callback for
不满意, corrections that never touch the evaluation, exact fees."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.enterprise.forms import (
    FormBAnswers,
    FormBInvalid,
    ensure_form_b_records,
    parse_yuan,
    record_answers,
)
from app.ratings import Channel, Rating
from app.reports.quarterly import quarterly_report
from db.models import AuditEntry, CallbackTask, Case, EnterpriseFeedback, Evaluation, Staff

T1 = datetime(2026, 8, 20, 2, tzinfo=UTC)
T2 = datetime(2026, 8, 25, 2, tzinfo=UTC)


def _fid(session, case_id):
    ensure_form_b_records(session)
    return session.scalar(
        select(EnterpriseFeedback.id).where(EnterpriseFeedback.case_id == case_id)
    )


def _lixia(session):
    report = quarterly_report(session, 2026, 3, today=date(2026, 11, 1))
    return next(u for u in report.units if u.unit == "历下区不动产登记中心")


def test_first_evaluation_scores_in_the_enterprise_column(any_db, world):
    with any_db.sessions.begin() as session:
        fid = _fid(session, world.window_case)
        result = record_answers(
            session,
            fid,
            FormBAnswers(satisfaction=Rating.VERY_SATISFIED, policy_knowledge="average"),
            now=T1,
        )
        assert result.created_evaluation and result.scores
        evaluation = session.get(Evaluation, result.evaluation_id)
        assert (evaluation.channel, evaluation.round, evaluation.overall) == (
            Channel.ENTERPRISE,
            1,
            Rating.VERY_SATISFIED,
        )
        assert evaluation.efficiency is None and evaluation.integrity_breach is None
        unit = _lixia(session)
        assert (unit.enterprise, unit.revisited, unit.score_total) == (1, 1, 5)
        assert unit.unreported_enterprise == 1  # the online case is not revisited yet
        assert result.callback_task_id is None


def test_an_earlier_evaluation_keeps_scoring(any_db, world):
    with any_db.sessions.begin() as session:
        session.add(
            Evaluation(
                case_id=world.window_case,
                channel=Channel.PLATFORM,
                round=1,
                evaluated_at=datetime(2026, 8, 19, tzinfo=UTC),
                overall=Rating.AVERAGE,
            )
        )
        session.flush()
        fid = _fid(session, world.window_case)
        result = record_answers(
            session, fid, FormBAnswers(satisfaction=Rating.VERY_SATISFIED), now=T1
        )
        assert result.created_evaluation and not result.scores
        unit = _lixia(session)
        assert (unit.enterprise, unit.online, unit.score_total) == (0, 1, 2)


def test_dissatisfied_opens_a_second_round_callback(any_db, world):
    with any_db.sessions.begin() as session:
        fid = _fid(session, world.online_case)
        result = record_answers(
            session,
            fid,
            FormBAnswers(satisfaction=Rating.DISSATISFIED, suggestion="等待时间太长"),
            now=T1,
        )
        task = session.get(CallbackTask, result.callback_task_id)
        assert (task.case_id, task.evaluation_id, task.status) == (
            world.online_case,
            result.evaluation_id,
            "open",
        )
        assert task.unit_id == world.lixia  # the accepting unit (J 5.3.2)
        assert task.respondent_words == "等待时间太长"


def test_correction_keeps_the_first_evaluation(any_db, world):
    with any_db.sessions.begin() as session:
        staff = Staff(name="李回访")
        session.add(staff)
        session.flush()
        fid = _fid(session, world.window_case)
        first = record_answers(
            session,
            fid,
            FormBAnswers(satisfaction=Rating.SATISFIED, suggestion="很好"),
            operator_id=staff.id,
            now=T1,
        )
        fixed = record_answers(
            session,
            fid,
            FormBAnswers(satisfaction=Rating.DISSATISFIED, suggestion="收费说明不清"),
            operator_id=staff.id,
            now=T2,
        )
        assert not fixed.created_evaluation
        assert fixed.evaluation_id == first.evaluation_id
        assert session.scalar(select(func.count()).select_from(Evaluation)) == 1
        evaluation = session.get(Evaluation, first.evaluation_id)
        assert (evaluation.overall, evaluation.suggestion) == (Rating.SATISFIED, "很好")
        record = session.get(EnterpriseFeedback, fid)
        assert (record.satisfaction, record.corrected_at) == (Rating.DISSATISFIED, T2)
        assert record.first_answers["satisfaction"] == Rating.SATISFIED
        audit = session.get(AuditEntry, fixed.audit_entry_id)
        assert audit.action == "form_b_corrected" and audit.entity_uid == record.uid
        assert audit.before["suggestion"] == "很好"
        assert audit.after["suggestion"] == "收费说明不清"
        assert audit.actor == f"李回访 (#{staff.id})"
        # The enterprise says it was dissatisfied after all: the callback is opened once.
        assert fixed.callback_task_id is not None
        again = record_answers(session, fid, FormBAnswers(satisfaction=Rating.DISSATISFIED), now=T2)
        assert again.callback_task_id is None
        assert session.get(Case, world.window_case).first_evaluation_id == first.evaluation_id
        assert _lixia(session).score_total == 3


def test_fees_are_exact_fen(any_db, world):
    assert parse_yuan("1,234.50") == 123450
    assert parse_yuan("0.10") == 10
    assert parse_yuan("  ") is None
    assert parse_yuan("52072元") == 5207200
    with pytest.raises(FormBInvalid):
        parse_yuan("12.345")
    with pytest.raises(FormBInvalid):
        parse_yuan("abc")
    with any_db.sessions.begin() as session:
        fid = _fid(session, world.window_case)
        record_answers(
            session,
            fid,
            FormBAnswers(
                satisfaction=Rating.SATISFIED,
                registration_fee_fen=parse_yuan("80"),
                deed_tax_fen=parse_yuan("1,234,567.89"),
                stamp_duty_fen=parse_yuan("0.05"),
            ),
            now=T1,
        )
    with any_db.sessions() as session:
        record = session.get(EnterpriseFeedback, fid)
        assert (record.registration_fee_fen, record.deed_tax_fen, record.stamp_duty_fen) == (
            8000,
            123456789,
            5,
        )


def test_invalid_answers_are_refused(any_db, world):
    with any_db.sessions.begin() as session:
        fid = _fid(session, world.window_case)
        with pytest.raises(FormBInvalid) as error:
            record_answers(session, fid, FormBAnswers(satisfaction="so-so"))
        assert error.value.field == "satisfaction"
        with pytest.raises(FormBInvalid) as error:
            record_answers(
                session,
                fid,
                FormBAnswers(satisfaction=Rating.SATISFIED, policy_knowledge="熟悉"),
            )
        assert error.value.field == "policy_knowledge"
        with pytest.raises(FormBInvalid):
            record_answers(session, fid, FormBAnswers(satisfaction=Rating.SATISFIED, days=-1))
        assert session.scalar(select(func.count()).select_from(Evaluation)) == 0
