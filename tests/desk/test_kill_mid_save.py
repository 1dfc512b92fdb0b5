"""A seat killed mid-save (SIGKILL: no handler, no rollback of its own) loses nothing it committed
and leaves nothing half-written, on SQLite and on PostgreSQL; its claim expires and the case is
taken and saved by someone else."""

from __future__ import annotations

import signal
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select, text, update

from app.desk.calls import FormAAnswers, save_form_a
from app.desk.queue import next_case
from app.ratings import Rating
from bench.load import (
    REPORT_SUFFIX,
    START_TIMEOUT,
    DeskRecords,
    Save,
    build_queue,
    half_written,
    missing_saves,
    read_report,
    varied_answers,
    worker_context,
)
from db.database import Database, open_database
from db.models import CallAttempt, QueueEntry

from .load_worker import STOP_POINTS, save_until_killed

# Each round starts a seat and kills it where its handshake says it is (see load_worker): held
# inside a save, before any statement of its work (claims and commits included), or while it
# runs on freely. Which save or statement is drawn from the test's seeded random generator.
ROUNDS = ("evaluation", "statement", "task", "running", "commit", "statement", "running")
CASES = 2000  # far more than the seats save before they are killed
HANDSHAKE_TIMEOUT = 120  # seconds: only ever waited in full when the seat is broken


def test_a_seat_killed_mid_save_loses_nothing_and_half_writes_nothing(any_db, tmp_path, rng):
    *seats, successor = build_queue(any_db, cases=CASES, operators=len(ROUNDS) + 1)
    held_by_the_killed: set[int] = set()

    for seat, kill_at in zip(seats, ROUNDS, strict=True):
        report_path = tmp_path / f"seat-{seat}{REPORT_SUFFIX}"
        # The nth save (the nth 不满意 one for "task"), or the nth statement of its work.
        nth = (
            rng.randint(1, 4) if kill_at in ("evaluation", "task", "commit") else rng.randint(1, 60)
        )
        _kill_a_seat(any_db.url, seat, report_path, kill_at, nth)
        report = read_report(report_path)
        assert report.error is None, report.error
        with any_db.sessions() as session:
            records = DeskRecords.read(session)

        assert half_written(records) == []
        assert missing_saves(records, report.saves) == []
        # What the seat did beyond its reports: at most the save it was killed in, committed whole.
        entries = records.entry_of_case()
        done = {
            entries[e.case_id].id for e in records.evaluations.values() if e.operator_id == seat
        }
        reported = {s.entry for s in report.saves}
        assert reported <= done and done - reported <= {report.in_flight}
        held = {e.id for e in records.entries.values() if e.claimed_by_id == seat}
        assert len(held) <= 1
        if kill_at in STOP_POINTS:
            # Killed before a COMMIT: nothing of that transaction is in; a case it had claimed
            # is still its own (none when it was stopped inside a claim).
            assert done == reported
            assert held == ({report.in_flight} if report.in_flight else set())
        if kill_at in ("evaluation", "task", "commit"):
            assert report.in_flight is not None
        # A claim left by a killed seat stays its own until it expires: no later seat took one.
        assert not held_by_the_killed & {c["entry"] for c in report.claims}
        held_by_the_killed |= held
        print(
            f"killed at {kill_at} #{nth}: {len(report.saves)} saves reported,"
            f" in flight {report.in_flight} ({'committed' if done - reported else 'not committed'}),"
            f" held {held}"
        )
        _assert_opens_fine(any_db)

    # The stopped saves left their cases claimed; once the claims expire another operator takes
    # exactly those cases first (lowest ids) and saves them.
    with any_db.sessions() as session:
        expiries = session.scalars(
            select(QueueEntry.claim_expires_at).where(QueueEntry.id.in_(held_by_the_killed))
        ).all()
    assert len(held_by_the_killed) >= 3
    assert min(expiries) > datetime.now(UTC)
    later = max(expiries) + timedelta(seconds=1)
    taken = [next_case(any_db, successor, now=later) for _ in held_by_the_killed]
    assert {item.entry_id for item in taken} == held_by_the_killed
    for item in taken:
        with any_db.sessions.begin() as session:
            save_form_a(
                session,
                item.entry_id,
                successor,
                varied_answers(rng),
                duration_seconds=60,
                phone_e164=None,
                now=later,
            )
    with any_db.sessions() as session:
        records = DeskRecords.read(session)
    assert half_written(records) == []
    assert all(records.entries[e].status == "done" for e in held_by_the_killed)


def _kill_a_seat(url: str, seat: int, report_path: Path, kill_at: str, nth: int) -> None:
    """Start a seat, wait for its handshake, SIGKILL it: no handler, no rollback of its own."""
    context = worker_context()
    start, reached = context.Barrier(2), context.Event()
    process = context.Process(
        target=save_until_killed,
        args=(url, seat, str(report_path), start, kill_at, reached, nth),
    )
    process.start()
    try:
        start.wait(START_TIMEOUT)
        assert reached.wait(HANDSHAKE_TIMEOUT), f"the seat never reached {kill_at} #{nth}"
        assert process.is_alive(), f"the seat ended before it was killed ({process.exitcode})"
    finally:
        process.kill()
        process.join(30)
    assert process.exitcode == -signal.SIGKILL, "the seat ended before it was killed"


def _assert_opens_fine(database: Database) -> None:
    """A new app instance opens the database after the kill; SQLite finds its file intact."""
    reopened = open_database(database.url)
    try:
        with reopened.engine.connect() as connection:
            if reopened.engine.dialect.name == "sqlite":
                checked = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                assert checked == ["ok"]
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.execute(text("SELECT count(*) FROM call_queue")).scalar() == CASES
    finally:
        reopened.close()


def test_the_checks_find_a_half_written_save_and_a_lost_one(sqlite_db):
    (operator,) = build_queue(sqlite_db, cases=2, operators=1)
    item = next_case(sqlite_db, operator)
    unhappy = FormAAnswers(
        Rating.DISSATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        Rating.SATISFIED,
        integrity_breach=True,
        dissatisfaction_category="efficiency",
        dissatisfaction_details="排队太久",
        integrity_details="索要好处费",
    )
    with sqlite_db.sessions.begin() as session:
        result = save_form_a(
            session, item.entry_id, operator, unhappy, duration_seconds=60, phone_e164=None
        )
    save = Save(
        item.entry_id, item.case_id, result.evaluation_id, result.callback_task_id, True, True
    )

    def records() -> DeskRecords:
        with sqlite_db.sessions() as session:
            return DeskRecords.read(session)

    assert half_written(records()) == [] and missing_saves(records(), [save]) == []
    assert missing_saves(records(), [replace(save, evaluation=save.evaluation + 1)])
    assert missing_saves(records(), [replace(save, task=None, dissatisfied=False)])
    # What a save cut in half would leave: the evaluation, without its attempt or its entry done.
    with sqlite_db.sessions.begin() as session:
        session.execute(delete(CallAttempt))
        session.execute(update(QueueEntry).values(status="open", result=None))
    problems = half_written(records())
    assert any("0 completed attempts" in p for p in problems)
    assert any("entry is not done" in p for p in problems)
    assert missing_saves(records(), [save])
