"""Claiming: one case to one operator, across threads, processes and app instances; expiry."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from sqlalchemy import func, select

from app.desk.calls import FormAAnswers, record_failed_call, save_form_a
from app.desk.claims import ClaimLost
from app.desk.operators import ensure_operator
from app.desk.queue import load_claimed, next_case, release_claim, renew_claim
from app.ratings import Rating
from db.models import CallAttempt, Evaluation, QueueEntry

from . import helpers as h
from .claim_worker import claim_until_empty

NOW = h.local(2026, 11, 16, 10)


def _operators(database, count: int) -> list[int]:
    with database.sessions.begin() as session:
        return [ensure_operator(session, f"回访员{n}") for n in range(count)]


def _fill(database, count: int) -> set[int]:
    with database.sessions.begin() as session:
        return set(h.queue_entries(session, count, NOW - timedelta(hours=1)))


def _assert_each_entry_claimed_once(claims: list[list[int]], entries: set[int]) -> None:
    every = [entry for claimed in claims for entry in claimed]
    assert len(every) == len(set(every)), "an entry was given to two claimers"
    assert set(every) == entries


def test_threads_never_claim_the_same_case(any_db):
    entries = _fill(any_db, 120)
    operators = _operators(any_db, 8)
    start = Barrier(len(operators))

    def claim_all(operator_id: int) -> list[int]:
        start.wait()
        claimed = []
        while (item := next_case(any_db, operator_id, now=NOW)) is not None:
            claimed.append(item.entry_id)
        return claimed

    with ThreadPoolExecutor(len(operators)) as pool:
        claims = list(pool.map(claim_all, operators))
    _assert_each_entry_claimed_once(claims, entries)


def test_operators_working_the_queue_at_once_finish_every_case_once(any_db):
    """Claim, then save in an ordinary transaction as the call screen does, from 8 seats."""
    entries = _fill(any_db, 60)
    operators = _operators(any_db, 8)
    start = Barrier(len(operators))
    answers = FormAAnswers(
        Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, Rating.SATISFIED, False
    )

    def work(operator_id: int) -> list[int]:
        start.wait()
        done = []
        while (item := next_case(any_db, operator_id, now=NOW)) is not None:
            with any_db.sessions.begin() as session:
                if item.entry_id % 2:
                    save_form_a(
                        session,
                        item.entry_id,
                        operator_id,
                        answers,
                        duration_seconds=60,
                        phone_e164=None,
                        now=NOW,
                    )
                else:
                    record_failed_call(
                        session,
                        item.entry_id,
                        operator_id,
                        "refused_hard",
                        phone_e164=None,
                        note="不愿回访",
                        now=NOW,
                    )
            done.append(item.entry_id)
        return done

    with ThreadPoolExecutor(len(operators)) as pool:
        finished = list(pool.map(work, operators))
    _assert_each_entry_claimed_once(finished, entries)
    with any_db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(CallAttempt)) == len(entries)
        saved = session.scalar(select(func.count()).select_from(Evaluation))
        assert saved == len([e for e in entries if e % 2])
        assert set(session.scalars(select(QueueEntry.status))) == {"done"}


def test_processes_never_claim_the_same_case(any_db):
    """Four app instances on one SQLite file, or four seats on one PostgreSQL server."""
    entries = _fill(any_db, 80)
    operators = _operators(any_db, 4)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(operators))
    results = context.Queue()
    processes = [
        context.Process(
            target=claim_until_empty,
            args=(any_db.url, operator, NOW.isoformat(), barrier, results),
        )
        for operator in operators
    ]
    for process in processes:
        process.start()
    try:
        claims = [results.get(timeout=120)[1] for _ in processes]
    finally:
        for process in processes:
            process.join(timeout=30)
    assert [p.exitcode for p in processes] == [0] * len(processes)
    _assert_each_entry_claimed_once(claims, entries)


def test_a_claim_expires_and_can_be_renewed(any_db):
    mine, theirs = h.two_operators(any_db)
    (entry_id,) = _fill(any_db, 1)
    item = next_case(any_db, mine, now=NOW)
    assert item.claim_expires_at == NOW + timedelta(minutes=15)
    assert next_case(any_db, theirs, now=NOW + timedelta(minutes=10)) is None
    with any_db.sessions.begin() as session:
        renewed = renew_claim(session, entry_id, mine, now=NOW + timedelta(minutes=10))
    assert renewed == NOW + timedelta(minutes=25)
    assert next_case(any_db, theirs, now=NOW + timedelta(minutes=20)) is None
    # A claim left by a closed app expires: someone else takes the case, and it is lost to me.
    assert next_case(any_db, theirs, now=NOW + timedelta(minutes=26)).entry_id == entry_id
    with any_db.sessions.begin() as session, pytest.raises(ClaimLost):
        renew_claim(session, entry_id, mine, now=NOW + timedelta(minutes=27))


def test_released_case_goes_back_to_the_queue(any_db):
    mine, theirs = h.two_operators(any_db)
    (entry_id,) = _fill(any_db, 1)
    next_case(any_db, mine, now=NOW)
    with any_db.sessions.begin() as session:
        release_claim(session, entry_id, theirs)  # not theirs to release: nothing happens
    assert next_case(any_db, theirs, now=NOW) is None
    with any_db.sessions.begin() as session:
        release_claim(session, entry_id, mine)
    item = next_case(any_db, theirs, now=NOW)
    assert (item.entry_id, item.attempts) == (entry_id, [])


def test_the_claim_survives_a_restart(any_db):
    mine, theirs = h.two_operators(any_db)
    (entry_id,) = _fill(any_db, 1)
    claimed = next_case(any_db, mine, now=NOW)
    with any_db.sessions() as session:
        assert load_claimed(session, mine, now=NOW + timedelta(minutes=5)) == claimed
        assert load_claimed(session, theirs, now=NOW + timedelta(minutes=5)) is None
        assert load_claimed(session, mine, now=NOW + timedelta(minutes=15)) is None


def test_the_claimed_item_carries_the_case(sqlite_db):
    operator, _ = h.two_operators(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        case = h.case(session, h.unit(session), "370102-2026-0001", h.local(2026, 11, 2).date())
        h.evaluate(session, case, h.local(2026, 11, 3, 9), overall="dissatisfied")
        h.attempt(session, case, "no_answer", h.local(2026, 11, 10, 9), operator)
        h.entry(session, case, NOW, kind="callback")
    item = next_case(sqlite_db, operator, now=NOW)
    assert (item.case_no, item.kind, item.unit, item.applicant) == (
        "370102-2026-0001",
        "callback",
        "历下区不动产登记中心",
        "张三",
    )
    assert [(p.e164, p.masked) for p in item.phones] == [("+8613812345678", "138****5678")]
    assert [(a.outcome_label, a.operator) for a in item.attempts] == [("无人接听", "王芳")]
    assert [(e.channel, e.overall) for e in item.evaluations] == [("qr", "dissatisfied")]
