"""Tests for app.demo: demo data goes through the importers, is realistic and deterministic."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.calendar import is_working_day
from app.demo import DemoResult, fill_demo_data
from app.errors import Cancelled
from app.phones import parse_phone
from app.zone import LOCAL_ZONE
from db.database import open_database
from db.models import Case, CasePhone, Evaluation, ImportBatch, Staff, Unit

TODAY = date(2026, 11, 20)
UNITS = {
    "历下区不动产登记中心",
    "市中区不动产登记中心",
    "槐荫区不动产登记中心",
    "天桥区不动产登记中心",
    "历城区不动产登记中心",
    "章丘区不动产登记中心",
    "市不动产登记中心专业大厅",
}


def _open(tmp_path, name: str = "d.sqlite3"):
    return open_database(f"sqlite:///{tmp_path / name}")


def _fill(db, **kwargs) -> DemoResult:
    options = {"cases": 500, "seed": 1, "today": TODAY, **kwargs}
    with db.sessions.begin() as session:
        return fill_demo_data(session, **options)


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def _case_fingerprint(db) -> list[tuple]:
    with db.sessions() as session:
        rows = session.execute(
            select(Case.case_no, Case.applicant, Case.completed_on, CasePhone.original)
            .outerjoin(CasePhone, CasePhone.case_id == Case.id)
            .order_by(Case.case_no, CasePhone.position)
        )
        return [tuple(row) for row in rows]


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One demo database of 500 cases, shared by the read-only tests."""
    db = _open(tmp_path_factory.mktemp("demo"))
    result = _fill(db)
    yield db, result
    db.close()


def test_nothing_is_rejected_and_the_result_counts_what_was_added(filled):
    db, result = filled
    cases_summary, evaluations_summary = result.summaries
    assert cases_summary.rejected == []
    assert evaluations_summary.rejected == []
    assert cases_summary.refusal is None and evaluations_summary.refusal is None
    assert cases_summary.duplicates_in_file == 0 and evaluations_summary.duplicates_in_file == 0
    assert result.cases == 500 and result.units == 7
    with db.sessions() as session:
        assert _count(session, Case) == 500
        assert set(session.scalars(select(Unit.name))) == UNITS
        assert result.evaluations == _count(session, Evaluation)
        assert _count(session, ImportBatch) == 2
        # Blank phone cells are flagged, not rejected.
        no_phone = _count(session, Case, Case.has_valid_phone.is_(False))
        assert cases_summary.flagged.get("no_valid_phone", 0) == no_phone


def test_the_data_looks_like_a_jinan_export(filled):
    db, _result = filled
    with db.sessions() as session:
        cases = session.scalars(select(Case)).all()
        assert all(re.fullmatch(r"JN\d{8}\d{6}", c.case_no) for c in cases)
        # Serials stay clear of the sample files' 000000… range.
        assert all(int(c.case_no[-6:]) >= 500000 for c in cases)
        assert all(c.case_no[2:10] == f"{c.completed_on:%Y%m%d}" for c in cases)
        assert all(TODAY - timedelta(days=190) <= c.completed_on < TODAY for c in cases)
        # Working days of the official calendar, 调休 Saturdays included.
        assert all(is_working_day(c.completed_on) for c in cases)
        assert all(is_working_day(c.accepted_on) for c in cases)
        # 2026-10-01…07 is the National Day holiday: no case is completed then.
        assert not [c for c in cases if date(2026, 10, 1) <= c.completed_on <= date(2026, 10, 7)]
        assert all(1 <= (c.completed_on - c.accepted_on).days <= 10 for c in cases)
        assert all(1 <= c.steps <= 4 and 1 <= c.days <= 10 for c in cases)

        enterprises = [c for c in cases if c.is_enterprise]
        assert 0.06 <= len(enterprises) / len(cases) <= 0.20
        assert all(c.enterprise_name and c.enterprise_name.endswith("公司") for c in enterprises)
        assert all(c.enterprise_name is None for c in cases if not c.is_enterprise)
        assert {c.registration_fee_fen for c in enterprises} <= {0, 55000}
        assert {c.registration_fee_fen for c in cases if not c.is_enterprise} <= {0, 8000}
        assert {c.stamp_duty_fen for c in cases} <= {0, 500}

        online = sum(c.channel == "online" for c in cases) / len(cases)
        assert 0.2 <= online <= 0.4
        assert {c.channel for c in cases} == {"online", "window"}

        valid = sum(c.has_valid_phone for c in cases) / len(cases)
        assert valid >= 0.95
        for c in cases:
            district = c.district if c.district != "市本级" else c.location[:3]
            assert c.location.startswith(district)
            assert 2 <= len(c.applicant) <= 3
            assert c.handler_id is not None

        phones = session.scalars(select(CasePhone)).all()
        assert all(p.e164 for p in phones)  # every number written is a valid one
        kinds = {p.kind for p in phones}
        assert kinds == {"mobile", "fixed_line"}
        assert all(p.original.startswith("0531-8") for p in phones if p.kind == "fixed_line")
        # Handlers belong to their unit: a few per unit, none shared.
        assert 21 <= _count(session, Staff) <= 35


def test_evaluations_are_realistic(filled):
    db, _result = filled
    with db.sessions() as session:
        cases = _count(session, Case)
        evaluated = session.scalar(select(func.count(func.distinct(Evaluation.case_id))))
        assert 0.17 <= evaluated / cases <= 0.28
        rows = session.execute(
            select(Evaluation, Case.completed_on).join(Case, Case.id == Evaluation.case_id)
        ).all()
        for evaluation, completed_on in rows:
            local_day = evaluation.evaluated_at.astimezone(LOCAL_ZONE).date()
            assert completed_on <= local_day < TODAY
            assert evaluation.channel in {"qr", "platform"}
            assert evaluation.original["总体情况"] in {
                "非常满意", "满意", "基本满意", "一般", "不满意", "非常不满意"
            }  # fmt: skip
        overall = [e.overall for e, _day in rows]
        satisfied = sum(o in {"very_satisfied", "satisfied"} for o in overall) / len(overall)
        assert satisfied >= 0.75
        dissatisfied = [e for e, _day in rows if e.overall == "dissatisfied"]
        assert 0 < len(dissatisfied) / len(rows) <= 0.12
        assert all(e.suggestion for e in dissatisfied)  # a reason is always given
        assert sum(e.integrity_breach for e, _day in rows) <= 3


def test_same_seed_gives_the_same_data(tmp_path, filled):
    db, _result = filled
    again = _open(tmp_path)
    _fill(again)
    assert _case_fingerprint(again) == _case_fingerprint(db)
    other = _open(tmp_path, "other.sqlite3")
    _fill(other, seed=2)
    assert _case_fingerprint(other) != _case_fingerprint(db)
    again.close()
    other.close()


def test_running_twice_adds_nothing(tmp_path):
    db = _open(tmp_path)
    first = _fill(db, cases=200)
    second = _fill(db, cases=200)
    assert first.cases == 200 and first.evaluations > 0
    assert (second.cases, second.evaluations, second.units) == (0, 0, 0)
    cases_summary, evaluations_summary = second.summaries
    assert cases_summary.unchanged == 200 and cases_summary.updated == 0
    assert evaluations_summary.unchanged == first.evaluations
    with db.sessions() as session:
        assert _count(session, Case) == 200
        assert _count(session, Evaluation) == first.evaluations
    db.close()


def test_another_seed_adds_beside_the_first(tmp_path):
    db = _open(tmp_path)
    _fill(db, cases=200, seed=1)
    second = _fill(db, cases=200, seed=2)
    assert second.cases == 200 and second.units == 0
    assert second.summaries[0].updated == 0
    db.close()


def test_progress_is_reported_and_cancel_leaves_nothing(tmp_path):
    db = _open(tmp_path)
    calls: list[tuple[int, int]] = []
    _fill(db, cases=50, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(0 <= done <= total for done, total in calls)

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise Cancelled

    other = _open(tmp_path, "cancel.sqlite3")
    with pytest.raises(Cancelled):
        _fill(other, cases=50, progress=cancel)
    with other.sessions() as session:
        assert _count(session, Case) == 0
    db.close()
    other.close()


def test_zero_cases_adds_nothing_and_bad_counts_are_refused(tmp_path):
    db = _open(tmp_path)
    assert _fill(db, cases=0) == DemoResult(cases=0, evaluations=0, units=0)
    with pytest.raises(ValueError):
        _fill(db, cases=-1)
    db.close()


def test_every_generated_number_parses():
    # Guards the prefix table against numbers that the phone parser would refuse.
    from app.demo import _MOBILE_PREFIXES, _landline, _mobile

    rng = random.Random(0)
    assert "154" not in _MOBILE_PREFIXES
    for _ in range(2000):
        assert parse_phone(_mobile(rng)).kind == "mobile"
        assert parse_phone(_landline(rng)).kind == "fixed_line"


@pytest.mark.parametrize("cases", [0, 1, 5, 20])
def test_the_demo_command_works_with_any_small_count(tmp_path, cases):
    """The board's demo complaints name a unit of their own when there are too few cases."""
    from cli import main

    url = f"sqlite:///{tmp_path / 'small.sqlite3'}"
    assert main(["--db", url, "demo", "--cases", str(cases)]) == 0


# --- Issue 22 on the demo: softphone calls, recordings, quality inspection, do-not-call -------

DEMO_MOMENT = datetime(2026, 11, 20, 15, 0, tzinfo=LOCAL_ZONE)  # a Friday afternoon


def _run_demo(path, moment: datetime = DEMO_MOMENT, cases: int = 300):
    from app import clock
    from cli import main

    clock.set_now(moment)
    try:
        assert main(["--db", f"sqlite:///{path}", "demo", "--cases", str(cases)]) == 0
    finally:
        clock.set_now(None)
    return _open(path.parent, path.name)


@pytest.fixture(scope="module")
def demo_command(tmp_path_factory):
    """The database `main.py demo` makes, the clock stopped on a working afternoon."""
    db = _run_demo(tmp_path_factory.mktemp("demo22") / "demo.sqlite3")
    yield db
    db.close()


def _staff(session, username: str) -> Staff:
    return session.scalar(select(Staff).where(Staff.username == username))


def test_the_demo_operator_made_softphone_calls_in_calling_hours(demo_command):
    from app.calendar import WorkingCalendar
    from app.desk.retries import CallingHours
    from db.models import CallAttempt

    with demo_command.sessions() as session:
        operator = _staff(session, "operator")
        attempts = session.scalars(select(CallAttempt).order_by(CallAttempt.attempted_at)).all()
        assert [a.outcome for a in attempts] == [
            "completed", "completed", "do_not_call", "completed", "completed"
        ]  # fmt: skip
        hours = CallingHours.from_settings(session)
        calendar = WorkingCalendar.load(session)
        assert len({a.call_ref for a in attempts}) == 5
        for attempt in attempts:
            assert attempt.operator_id == operator.id and attempt.phone_e164
            assert attempt.telephony == "baresip" and re.fullmatch(
                r"[0-9a-f]{16}", attempt.call_ref
            )
            assert attempt.attempted_at < attempt.answered_at < attempt.ended_at < DEMO_MOMENT
            talk = (attempt.ended_at - attempt.answered_at).total_seconds()
            assert attempt.talk_seconds == talk
            assert attempt.duration_seconds == (attempt.ended_at - attempt.attempted_at).seconds
            assert attempt.end_reason.startswith("Connection reset by")
            local = attempt.attempted_at.astimezone(LOCAL_ZONE)
            assert calendar.is_working_day(local.date())
            assert any(start <= local.time() < end for start, end in hours.spans())
        completed = [a for a in attempts if a.outcome == "completed"]
        assert all(a.evaluation_id is not None for a in completed)
        evaluations = session.scalars(
            select(Evaluation).where(Evaluation.id.in_([a.evaluation_id for a in completed]))
        ).all()
        assert {e.channel for e in evaluations} == {"phone"}
        assert all(e.overall in {"very_satisfied", "satisfied"} for e in evaluations)


def test_each_completed_call_has_its_recording_kept_in_the_store(demo_command):
    from app.recordings.filing import attempt_recordings, tray
    from app.recordings.wav import check_wav
    from app.scanning.store import AttachmentStore, sha256_of
    from db.models import Attachment, AuditEntry, CallAttempt, CallRecording

    store = AttachmentStore.for_database(demo_command)
    with demo_command.sessions() as session:
        operator, lead = _staff(session, "operator"), _staff(session, "lead")
        recordings = session.scalars(select(CallRecording).order_by(CallRecording.id)).all()
        filed = [r for r in recordings if r.status == "filed"]
        assert len(recordings) == 5 and len(filed) == 4
        completed = session.scalars(
            select(CallAttempt.id).where(CallAttempt.outcome == "completed")
        ).all()
        assert sorted(r.call_attempt_id for r in filed) == sorted(completed)
        digests = set()
        for recording in recordings:
            attachment = session.get(Attachment, recording.attachment_id)
            assert attachment.kind == "recording" and attachment.media_type == "audio/wav"
            data = store.get(session, attachment.sha256)  # checks the content against its hash
            assert sha256_of(data) == attachment.sha256 and len(data) == attachment.size
            info, _audio = check_wav(data)
            assert (info.channels, info.rate, info.width) == (2, 8000, 2)
            assert 3 <= info.duration_seconds == recording.duration_seconds <= 5
            digests.add(attachment.sha256)
        assert len(digests) == 5
        for recording in filed:
            attempt = session.get(CallAttempt, recording.call_attempt_id)
            assert recording.operator_id == operator.id and recording.phone_e164 is None
            assert attempt.attempted_at <= recording.recorded_at <= attempt.ended_at
            stamp = recording.recorded_at.astimezone(LOCAL_ZONE)
            assert recording.filename == f"dump-{stamp:%Y-%m-%d-%H-%M-%S}.wav"
            assert session.get(Attachment, recording.attachment_id).case_id == attempt.case_id
            rows = attempt_recordings(session, attempt.id, viewer_id=operator.id)
            assert [row.recording_id for row in rows] == [recording.id]
        # One PBX recording of a number no call dialled waits in the tray.
        (waiting,) = tray(session, viewer_id=lead.id)
        pending = session.get(CallRecording, waiting.recording_id)
        assert pending.call_attempt_id is None and pending.operator_id is None
        assert re.fullmatch(r"139\d{8}_\d{8}-\d{6}\.wav", pending.filename)
        assert pending.phone_e164 == "+86" + pending.filename[:11]
        dialled = set(session.scalars(select(CallAttempt.phone_e164)))
        assert pending.phone_e164 not in dialled
        added = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "recording.add")
        ).all()
        assert len(added) == 5


def test_the_lead_drew_a_quality_sample_and_scored_two_calls(demo_command):
    from app.quality.sampling import samples
    from app.quality.scoring import my_scores, review_detail, sample_reviews
    from db.models import CallAttempt, QcScore

    with demo_command.sessions() as session:
        operator, lead = _staff(session, "operator"), _staff(session, "lead")
        (sample,) = samples(session, by_id=lead.id)
        assert sample.operator_id == operator.id and sample.seed == 2026
        assert (sample.population, sample.size, sample.scored) == (4, 3, 2)
        assert sample.period_start == sample.period_end == DEMO_MOMENT.date()
        reviews = sample_reviews(session, sample.id, by_id=lead.id)
        assert [r.status for r in reviews] == ["scored", "scored", "pending"]
        full, noted, _pending = reviews
        assert (full.points, full.max_points) == (100, 100) and full.note is None
        assert noted.points < noted.max_points == 100 and noted.note
        assert not any(r.critical_failed or r.capa_number for r in reviews)
        assert all(r.reviewer == lead.name for r in (full, noted))
        lowered = session.scalars(
            select(QcScore).where(QcScore.review_id == noted.review_id, QcScore.note.is_not(None))
        ).all()
        assert len(lowered) == 1 and not lowered[0].critical
        assert lowered[0].points < lowered[0].weight
        for review in reviews:
            attempt = session.get(CallAttempt, review.call_attempt_id)
            assert attempt.outcome == "completed" and attempt.operator_id == operator.id
        detail = review_detail(session, full.review_id, viewer_id=lead.id)
        assert detail.telephony == "baresip" and detail.talk_seconds > 0
        # The operator sees the two scores given, not the pending call.
        mine = my_scores(session, viewer_id=operator.id)
        assert {r.review_id for r in mine} == {full.review_id, noted.review_id}


def test_the_respondent_who_asked_never_to_be_called_is_marked(demo_command):
    from app.desk.do_not_call import is_marked, marks
    from db.models import CallAttempt, QueueEntry

    with demo_command.sessions() as session:
        admin, operator = _staff(session, "admin"), _staff(session, "operator")
        (mark,) = marks(session, viewer_id=admin.id)
        attempt = session.scalar(select(CallAttempt).where(CallAttempt.outcome == "do_not_call"))
        assert mark.phone_e164 == attempt.phone_e164 and mark.case_id == attempt.case_id
        assert mark.source == "outcome" and mark.reason == attempt.note and mark.reason
        assert mark.marked_by_id == operator.id and is_marked(session, mark.phone_e164)
        entries = session.scalars(select(QueueEntry).where(QueueEntry.case_id == mark.case_id))
        assert [(e.status, e.result) for e in entries] == [("done", "do_not_call")]
        # The demo's queue still offers cases: five were taken for the calls.
        assert _count(session, QueueEntry, QueueEntry.status == "open") > 0
        assert not _count(session, QueueEntry, QueueEntry.claimed_by_id.is_not(None))


def test_the_issue_22_demo_is_deterministic_and_added_once(tmp_path, demo_command):
    from app.demo_quality import fill_quality_demo
    from db.models import Attachment, CallAttempt, CallRecording

    def fingerprint(db) -> list[tuple]:
        with db.sessions() as session:
            calls = session.execute(
                select(Case.case_no, CallAttempt.outcome, CallAttempt.call_ref)
                .join(Case, Case.id == CallAttempt.case_id)
                .order_by(CallAttempt.attempted_at)
            ).all()
            files = session.execute(
                select(Attachment.sha256, CallRecording.recorded_at)
                .join(CallRecording, CallRecording.attachment_id == Attachment.id)
                .order_by(CallRecording.id)
            ).all()
            return [tuple(row) for row in [*calls, *files]]

    again = _run_demo(tmp_path / "again.sqlite3")
    assert fingerprint(again) == fingerprint(demo_command)
    # A second run finds the recordings and the sample and adds nothing.
    assert fill_quality_demo(again, now=DEMO_MOMENT).calls == 0
    assert fingerprint(again) == fingerprint(demo_command)
    again.close()


def test_the_issue_22_demo_at_night_calls_in_the_last_calling_hours(tmp_path):
    """Run at 01:30 on a Monday, the calls were made on Friday afternoon, never at night."""
    from db.models import CallAttempt, QcSample

    db = _run_demo(tmp_path / "night.sqlite3", datetime(2026, 11, 23, 1, 30, tzinfo=LOCAL_ZONE))
    with db.sessions() as session:
        times = [
            t.astimezone(LOCAL_ZONE) for t in session.scalars(select(CallAttempt.attempted_at))
        ]
        assert len(times) == 5
        assert {t.date() for t in times} == {date(2026, 11, 20)}
        assert all(16 <= t.hour < 18 for t in times)
        sample = session.scalar(select(QcSample))
        assert sample.period_start == date(2026, 11, 20) and sample.size == 3
    db.close()


@pytest.mark.postgres
def test_the_issue_22_demo_on_postgresql_keeps_the_recordings_in_the_database(pg_db):
    from app import clock
    from app.recordings.wav import check_wav
    from app.scanning.store import AttachmentStore, DatabaseStore
    from cli import main
    from db.models import Attachment, CallRecording, QcReview

    clock.set_now(DEMO_MOMENT)
    try:
        assert main(["--db", pg_db.url, "demo", "--cases", "150"]) == 0
    finally:
        clock.set_now(None)
    store = AttachmentStore.for_database(pg_db)
    assert isinstance(store, DatabaseStore)
    with pg_db.sessions() as session:
        rows = session.execute(
            select(CallRecording.status, Attachment.sha256).join(
                Attachment, Attachment.id == CallRecording.attachment_id
            )
        ).all()
        assert sorted(status for status, _sha in rows) == ["filed"] * 4 + ["tray"]
        for _status, sha256 in rows:
            assert check_wav(store.get(session, sha256))[0].channels == 2
        assert _count(session, QcReview, QcReview.status == "scored") == 2
