"""Seats claiming and saving as fast as they can, each in a process of its own: no case claimed
twice, no save lost, the queue right afterwards; the rates the database sustained are printed.

No timing is asserted: the figures depend on the machine. They are printed to the terminal and
recorded as properties (pytest --junitxml keeps them).
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from app.desk.outcomes import COMPLETED
from bench.load import build_queue, check_load, figures, machine, run_load
from db.models import CallAttempt, CallbackTask, Evaluation, IntegrityEscalation, QueueEntry


@pytest.mark.postgres
def test_ten_seats_on_postgresql_save_200_cases_each(pg_db, tmp_path, record_property, capsys):
    _seats_work_the_queue(pg_db, tmp_path, record_property, capsys, seats=10, saves=200, cases=2100)


def test_four_seats_on_one_sqlite_file_save_50_cases_each(
    sqlite_db, tmp_path, record_property, capsys
):
    _seats_work_the_queue(
        sqlite_db, tmp_path, record_property, capsys, seats=4, saves=50, cases=220
    )


def _seats_work_the_queue(database, tmp_path, record_property, capsys, *, seats, saves, cases):
    operators = build_queue(database, cases=cases, operators=seats)
    before = machine()

    reports = run_load(database.url, operators, saves, tmp_path)

    assert [r.error for r in reports if not r.ended] == []
    claimed = Counter(c["entry"] for r in reports for c in r.claims)
    assert max(claimed.values()) == 1, "an entry was given to two seats"
    assert [len(r.saves) for r in reports] == [saves] * seats
    saved = [s for r in reports for s in r.saves]
    dissatisfied = sum(s.dissatisfied for s in saved)
    flagged = sum(s.integrity for s in saved)
    assert dissatisfied and flagged, "the load has 不满意 and 有 answers too"
    with database.sessions() as session:

        def count(table, *where) -> int:
            return session.scalar(select(func.count()).select_from(table).where(*where))

        assert count(Evaluation, Evaluation.round == 1, Evaluation.channel == "phone") == len(saved)
        assert count(CallAttempt, CallAttempt.outcome == COMPLETED) == len(saved)
        assert count(QueueEntry, QueueEntry.status == "done") == len(saved)
        assert count(
            QueueEntry, QueueEntry.status == "open", QueueEntry.claimed_by_id.is_(None)
        ) == (cases - len(saved))
        assert count(CallbackTask) == dissatisfied
        assert count(IntegrityEscalation) == flagged
    # Row by row: each reported save whole, nothing half-written, nothing else done.
    assert check_load(database, reports) == []

    result = figures(reports)
    with capsys.disabled():
        print("", f"[{database.engine.dialect.name}] {before}", *result.lines(), sep="\n")
    for name, value in result.properties().items():
        record_property(name, value)
