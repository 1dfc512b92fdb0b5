"""Saving Form A and failed calls: the rows written, the rules checked, retries and appointments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.desk.calls import (
    CallInvalid,
    FormAAnswers,
    FormAInvalid,
    record_failed_call,
    save_form_a,
)
from app.desk.claims import ClaimLost
from app.desk.queue import next_case, refresh_queue, release_claim
from app.desk.today import operator_today
from app.i18n import set_language
from app.ratings import Rating
from app.settings import set_setting
from db.models import (
    AuditEntry,
    CallAttempt,
    CallbackTask,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
)

from . import helpers as h

NOW = h.local(2026, 11, 16, 10)  # Monday morning
SATISFIED = dict(
    overall=Rating.SATISFIED,
    efficiency=Rating.VERY_SATISFIED,
    attitude=Rating.SATISFIED,
    materials=Rating.AVERAGE,
    integrity_breach=False,
)


def _queue(database, *phones: str, ready_at=NOW - timedelta(hours=1)) -> int:
    with database.sessions.begin() as session:
        case = h.case(
            session, h.unit(session), "A-1", date(2026, 11, 2), phones=phones or (h.MOBILE,)
        )
        return h.entry(session, case, ready_at).id


def _call(database, operator: int, now=NOW) -> int:
    item = next_case(database, operator, now=now)
    assert item is not None
    return item.entry_id


def _fail(database, entry_id: int, operator: int, outcome: str, now=NOW, **options):
    with database.sessions.begin() as session:
        return record_failed_call(
            session, entry_id, operator, outcome, phone_e164=None, now=now, **options
        )


def test_save_form_a_records_the_revisit(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, operator)
    with any_db.sessions.begin() as session:
        answers = FormAAnswers(**SATISFIED, suggestion=" 希望缩短取证时间 ")
        result = save_form_a(
            session,
            entry_id,
            operator,
            answers,
            duration_seconds=95,
            phone_e164="+8613812345678",
            now=NOW,
        )
    assert result.callback_task_id is None and result.integrity_flagged is False
    with any_db.sessions() as session:
        evaluation = session.get(Evaluation, result.evaluation_id)
        assert (evaluation.channel, evaluation.round, evaluation.operator_id) == (
            "phone",
            1,
            operator,
        )
        assert evaluation.evaluated_at == NOW
        assert (evaluation.overall, evaluation.materials) == ("satisfied", "average")
        assert evaluation.suggestion == "希望缩短取证时间"
        (attempt,) = session.scalars(select(CallAttempt)).all()
        assert (attempt.outcome, attempt.evaluation_id, attempt.duration_seconds) == (
            "completed",
            evaluation.id,
            95,
        )
        assert (attempt.phone_e164, attempt.phone_original) == ("+8613812345678", h.MOBILE)
        entry = session.get(QueueEntry, entry_id)
        assert (entry.status, entry.result, entry.claimed_by_id) == ("done", "completed", None)
        assert session.scalars(select(CallbackTask)).all() == []
        shown, audit = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert shown.action == "case.numbers_shown"  # the claim put the numbers on screen
        assert (audit.action, audit.entity, audit.entity_uid) == (
            "evaluation.add",
            "evaluation",
            evaluation.uid,
        )
        assert audit.after["overall"] == "satisfied" and audit.actor.endswith(f"(#{operator})")
    assert next_case(any_db, operator, now=NOW) is None


def test_dissatisfaction_opens_a_second_round_callback_for_the_unit(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, operator)
    with any_db.sessions.begin() as session:
        answers = FormAAnswers(
            **{**SATISFIED, "attitude": Rating.DISSATISFIED},
            dissatisfaction_category="attitude",
            dissatisfaction_details="窗口人员态度生硬",
        )
        result = save_form_a(
            session, entry_id, operator, answers, duration_seconds=None, phone_e164=None, now=NOW
        )
    with any_db.sessions() as session:
        task = session.get(CallbackTask, result.callback_task_id)
        case = session.get(QueueEntry, entry_id).case
        assert (task.status, task.unit_id, task.case_id) == ("open", case.unit_id, case.id)
        assert (task.reason_category, task.respondent_words) == ("attitude", "窗口人员态度生硬")
        assert task.evaluation_id == result.evaluation_id
        assert session.scalars(select(IntegrityEscalation)).all() == []


def test_integrity_breach_is_escalated_apart_from_callbacks(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, operator)
    with any_db.sessions.begin() as session:
        answers = FormAAnswers(
            **{**SATISFIED, "integrity_breach": True}, integrity_details="经办人暗示收取好处费"
        )
        result = save_form_a(
            session, entry_id, operator, answers, duration_seconds=60, phone_e164=None, now=NOW
        )
    assert result.integrity_flagged and result.callback_task_id is None
    with any_db.sessions() as session:
        (flag,) = session.scalars(select(IntegrityEscalation)).all()
        assert (flag.status, flag.details, flag.reported_by_id) == (
            "open",
            "经办人暗示收取好处费",
            operator,
        )
        assert flag.evaluation_id == result.evaluation_id
        assert session.scalars(select(CallbackTask)).all() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"overall": Rating.DISSATISFIED}, "dissatisfaction_category"),
        (
            {"overall": Rating.DISSATISFIED, "dissatisfaction_category": "no-such"},
            "dissatisfaction_category",
        ),
        (
            {"overall": Rating.DISSATISFIED, "dissatisfaction_category": "fees"},
            "dissatisfaction_details",
        ),
        (
            {
                "overall": Rating.DISSATISFIED,
                "dissatisfaction_category": "fees",
                "dissatisfaction_details": "   ",
            },
            "dissatisfaction_details",
        ),
        ({"integrity_breach": True}, "integrity_details"),
        ({"materials": "很好"}, "materials"),
    ],
)
def test_form_a_rules_are_checked_before_anything_is_written(sqlite_db, changes, field):
    operator, _ = h.two_operators(sqlite_db)
    _queue(sqlite_db)
    entry_id = _call(sqlite_db, operator)
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(FormAInvalid) as raised:
            save_form_a(
                session,
                entry_id,
                operator,
                FormAAnswers(**{**SATISFIED, **changes}),
                duration_seconds=None,
                phone_e164=None,
                now=NOW,
            )
        assert raised.value.field == field
        assert session.scalars(select(Evaluation)).all() == []
        assert session.get(QueueEntry, entry_id).status == "open"


def test_form_a_messages_follow_the_language(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    _queue(sqlite_db)
    entry_id = _call(sqlite_db, operator)
    answers = FormAAnswers(**{**SATISFIED, "integrity_breach": True})
    with sqlite_db.sessions.begin() as session:
        with pytest.raises(FormAInvalid, match="廉洁纪律"):
            save_form_a(
                session,
                entry_id,
                operator,
                answers,
                duration_seconds=None,
                phone_e164=None,
                now=NOW,
            )
        set_language("en")
        try:
            with pytest.raises(FormAInvalid, match="integrity breach"):
                save_form_a(
                    session,
                    entry_id,
                    operator,
                    answers,
                    duration_seconds=None,
                    phone_e164=None,
                    now=NOW,
                )
        finally:
            set_language("zh")


def test_only_the_claiming_operator_can_save(any_db):
    mine, theirs = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, mine)
    with any_db.sessions.begin() as session:
        with pytest.raises(ClaimLost):
            save_form_a(
                session,
                entry_id,
                theirs,
                FormAAnswers(**SATISFIED),
                duration_seconds=None,
                phone_e164=None,
                now=NOW,
            )
        with pytest.raises(ClaimLost):
            record_failed_call(session, entry_id, theirs, "busy", phone_e164=None, now=NOW)


def test_a_failed_call_is_recorded_and_retried_later(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, operator)
    retry = _fail(any_db, entry_id, operator, "busy", note="通话中", duration_seconds=3)
    assert retry == NOW + timedelta(minutes=15)
    with any_db.sessions() as session:
        entry = session.get(QueueEntry, entry_id)
        assert (entry.status, entry.attempts, entry.claimed_by_id, entry.ready_at) == (
            "open",
            1,
            None,
            retry,
        )
        (attempt,) = session.scalars(select(CallAttempt)).all()
        assert (attempt.outcome, attempt.note, attempt.operator_id) == ("busy", "通话中", operator)
        assert (attempt.phone_e164, attempt.duration_seconds) == ("+8613812345678", 3)
    assert next_case(any_db, operator, now=NOW + timedelta(minutes=10)) is None
    item = next_case(any_db, operator, now=retry)
    assert [a.outcome_label for a in item.attempts] == ["占线"]


def test_attempts_run_out_and_the_case_ends_unreachable_with_its_reasons(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    moments = iter([NOW])
    retry = NOW
    for outcome in ("no_answer", "unreachable", "no_answer"):
        moment = next(moments, retry)
        entry_id = _call(any_db, operator, now=moment)
        retry = _fail(any_db, entry_id, operator, outcome, now=moment)
    assert retry is None
    with any_db.sessions() as session:
        entry = session.get(QueueEntry, entry_id)
        assert (entry.status, entry.result, entry.attempts) == ("done", "unreachable", 3)
        assert entry.reasons == ["no_answer", "unreachable", "no_answer"]


def test_the_maximum_of_attempts_is_a_setting(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "desk.max_attempts", 1)
    _queue(sqlite_db)
    assert _fail(sqlite_db, _call(sqlite_db, operator), operator, "no_answer") is None


def test_a_wrong_number_moves_on_to_the_next_number(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db, "无效号码", h.MOBILE, h.SECOND_MOBILE)
    item = next_case(any_db, operator, now=NOW)
    assert item.next_phone_index == 1  # the first number never was a valid one
    assert [p.masked for p in item.phones][1:] == ["138****5678", "139****5678"]
    # The next number can be dialled at once.
    assert _fail(any_db, item.entry_id, operator, "wrong_number") == NOW
    item = next_case(any_db, operator, now=NOW)
    assert item.next_phone_index == 2
    # A wrong number on the last number ends the case as unreachable.
    assert _fail(any_db, item.entry_id, operator, "wrong_number") is None
    with any_db.sessions() as session:
        entry = session.get(QueueEntry, item.entry_id)
        assert (entry.result, entry.reasons, entry.attempts) == (
            "unreachable",
            ["wrong_number", "wrong_number"],
            0,
        )
        phones = session.scalars(select(CallAttempt.phone_e164).order_by(CallAttempt.id)).all()
        assert phones == ["+8613812345678", "+8613912345678"]


def test_a_final_outcome_ends_the_case_and_may_need_a_note(any_db):
    operator, _ = h.two_operators(any_db)
    _queue(any_db)
    entry_id = _call(any_db, operator)
    with pytest.raises(CallInvalid):
        _fail(any_db, entry_id, operator, "refused_hard")
    with pytest.raises(CallInvalid):
        _fail(any_db, entry_id, operator, "completed")
    assert _fail(any_db, entry_id, operator, "refused_hard", note="表示不愿接受回访") is None
    with any_db.sessions() as session:
        entry = session.get(QueueEntry, entry_id)
        assert (entry.status, entry.result) == ("done", "refused_hard")


def _book(database, operator: int, at, *, same_operator: bool) -> int:
    """Queue one case, claim it at NOW and record an appointment at `at`; the entry id."""
    _queue(database)
    entry_id = _call(database, operator)
    booked = _fail(
        database,
        entry_id,
        operator,
        "appointment",
        appointment_at=at,
        appointment_same_operator=same_operator,
    )
    assert booked == at
    return entry_id


def test_an_appointment_needs_a_time_to_come(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    _queue(sqlite_db)
    entry_id = _call(sqlite_db, operator)
    with pytest.raises(CallInvalid):
        _fail(sqlite_db, entry_id, operator, "appointment")
    with pytest.raises(CallInvalid):
        _fail(sqlite_db, entry_id, operator, "appointment", appointment_at=NOW - timedelta(hours=1))


def test_due_appointments_come_first_and_may_be_for_the_same_operator(any_db):
    mine, theirs = h.two_operators(any_db)
    at = h.local(2026, 11, 17, 16, 30)
    booked = _book(any_db, mine, at, same_operator=True)
    with any_db.sessions.begin() as session:
        other_case = h.case(session, h.unit(session, "乙"), "B-1", date(2026, 11, 2))
        waiting = h.entry(session, other_case, NOW - timedelta(days=1)).id
    assert next_case(any_db, theirs, now=at - timedelta(minutes=5)).entry_id == waiting
    with any_db.sessions.begin() as session:
        release_claim(session, waiting, theirs)
    # At the appointment the other operator is not given it, although it comes first…
    assert next_case(any_db, theirs, now=at).entry_id == waiting
    with any_db.sessions.begin() as session:
        release_claim(session, waiting, theirs)
    # …while its operator gets it before the case that has waited longer.
    item = next_case(any_db, mine, now=at)
    assert (item.entry_id, item.appointment_at) == (booked, at)
    with any_db.sessions() as session:
        today = operator_today(session, mine, date(2026, 11, 16))
    assert [(r.kind, r.outcome_label, r.at) for r in today] == [
        ("call", "预约回访", NOW),
        ("appointment", "预约回访", at),
    ]


def test_an_appointment_passed_without_a_call_is_recorded_as_missed(any_db):
    mine, theirs = h.two_operators(any_db)
    at = h.local(2026, 11, 17, 10)
    entry_id = _book(any_db, mine, at, same_operator=True)
    # Within the 15 minutes of grace it is still its operator's alone.
    assert next_case(any_db, theirs, now=at + timedelta(minutes=10)) is None
    assert next_case(any_db, theirs, now=at + timedelta(minutes=20)) is None
    with any_db.sessions() as session:
        entry = session.get(QueueEntry, entry_id)
        assert (entry.appointment_at, entry.reserved_for_id, entry.attempts) == (None, None, 0)
        assert entry.ready_at == h.local(2026, 11, 17, 14)
        missed = session.scalars(select(CallAttempt).order_by(CallAttempt.id)).all()[-1]
        assert (missed.outcome, missed.operator_id) == ("missed_appointment", None)
        assert missed.attempted_at == at + timedelta(minutes=15)
    # After that anyone may call, in the next half-day.
    assert next_case(any_db, theirs, now=h.local(2026, 11, 17, 14)).entry_id == entry_id


def test_the_grace_of_an_appointment_is_the_setting_and_nothing_is_locked_before_it(
    any_db, monkeypatch
):
    """Next case reads the settings and the earliest free appointment in one statement, and
    looks for (and locks) missed appointments only once that one is past the grace."""
    import app.desk.queue as queue

    looked = []
    real = queue.missed_appointments
    monkeypatch.setattr(
        queue, "missed_appointments", lambda *args: looked.append(args[1]) or real(*args)
    )
    mine, theirs = h.two_operators(any_db)
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.appointment_grace_minutes", 40)
    at = h.local(2026, 11, 17, 10)
    entry_id = _book(any_db, mine, at, same_operator=True)
    looked.clear()
    assert next_case(any_db, theirs, now=at + timedelta(minutes=39)) is None
    assert looked == []  # within the 40 minutes: not even looked for
    with any_db.sessions() as session:
        assert session.get(QueueEntry, entry_id).appointment_at == at
    assert next_case(any_db, theirs, now=at + timedelta(minutes=41)) is None
    assert looked == [at + timedelta(minutes=41)]
    with any_db.sessions() as session:
        assert session.get(QueueEntry, entry_id).appointment_at is None
        missed = session.scalars(select(CallAttempt).order_by(CallAttempt.id)).all()[-1]
        assert (missed.outcome, missed.attempted_at) == (
            "missed_appointment",
            at + timedelta(minutes=40),
        )


def test_refresh_marks_missed_appointments_too(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    at = h.local(2026, 11, 17, 10)
    _book(sqlite_db, operator, at, same_operator=False)
    with sqlite_db.sessions.begin() as session:
        result = refresh_queue(session, today=date(2026, 11, 17), now=at + timedelta(hours=1))
        assert result.missed_appointments == 1


def test_an_unanswered_call_at_the_appointment_is_a_missed_appointment(any_db):
    mine, _ = h.two_operators(any_db)
    at = h.local(2026, 11, 17, 10)
    entry_id = _book(any_db, mine, at, same_operator=False)
    assert _call(any_db, mine, now=at) == entry_id
    retry = _fail(any_db, entry_id, mine, "no_answer", now=at + timedelta(minutes=1))
    assert retry == h.local(2026, 11, 17, 14)
    with any_db.sessions() as session:
        attempt = session.scalars(select(CallAttempt).order_by(CallAttempt.id)).all()[-1]
        assert (attempt.outcome, attempt.outcome_original) == ("missed_appointment", "no_answer")
        assert session.get(QueueEntry, entry_id).attempts == 1
