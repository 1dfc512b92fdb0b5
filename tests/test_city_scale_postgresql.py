"""Issue 23 part A: what makes PostgreSQL fast at city scale, checked for what it must keep true.

- case_phones.e164_reversed is e164 backwards whoever writes a phone (the ORM, Core's
  executemany as the imports and sync do, an edit), and migration 0021 fills it;
- the 尾号 search through it finds exactly what `e164 LIKE '%digits'` finds;
- the queue refresh leaves PostgreSQL's statistics of the queue current;
- the app's PostgreSQL sessions run without JIT and generic plans, also after a rollback.

How fast is measured by bench/postgres.py, never here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import insert, select, text

from app.case_list import CaseSearch, SearchKind, case_page
from app.desk.sampling import refresh_queue
from db.database import Database
from db.migrate import run_migrations
from db.models import Case, CasePhone, Unit
from tests.desk.helpers import local, queue_entries

NOW = datetime(2026, 12, 15, 2, 0, tzinfo=UTC)


def _unit_and_case(session, number: int = 1) -> int:
    if session.get(Unit, 1) is None:
        session.add(Unit(id=1, name="历下区不动产登记中心"))
        session.flush()
    row = Case(case_no=f"JN{number:08d}", unit_id=1, completed_on=date(2026, 11, 2))
    session.add(row)
    session.flush()
    return row.id


def _stored(session) -> list[tuple[str | None, str | None]]:
    return session.execute(
        select(CasePhone.e164, CasePhone.e164_reversed).order_by(CasePhone.id)
    ).all()


def test_every_writer_keeps_the_number_backwards(any_db: Database) -> None:
    with any_db.sessions.begin() as session:
        case_id = _unit_and_case(session)
        # The ORM, as the desk and the case editor write.
        session.add(CasePhone(case_id=case_id, original="13800000001", e164="+8613800000001"))
        session.add(CasePhone(case_id=case_id, original="无", e164=None))
        session.flush()
        # Core's executemany, as app.importing and app.sync write: no e164_reversed given.
        session.execute(
            insert(CasePhone.__table__),
            [
                {"case_id": case_id, "position": n, "original": str(n), "e164": e164}
                for n, e164 in enumerate(["+8653186001234", None, "+8613912345678"], start=2)
            ],
        )
        # ORM's bulk insert of dictionaries.
        session.execute(
            insert(CasePhone),
            [{"case_id": case_id, "position": 5, "original": "x", "e164": "+8615000000005"}],
        )
    with any_db.sessions() as session:
        assert _stored(session) == [
            (e164, e164[::-1] if e164 else None)
            for e164 in [
                "+8613800000001",
                None,
                "+8653186001234",
                None,
                "+8613912345678",
                "+8615000000005",
            ]
        ]
    # An edit of the number through the ORM, and a number removed.
    with any_db.sessions.begin() as session:
        first, second = session.scalars(select(CasePhone).order_by(CasePhone.id).limit(2))
        first.e164 = "+8613700000007"
        second.e164 = "+8613600000006"
        session.flush()
        first.e164 = None
    with any_db.sessions() as session:
        stored = _stored(session)
        assert stored[0] == (None, None)
        assert stored[1] == ("+8613600000006", "+8613600000006"[::-1])


def test_the_tail_search_finds_what_the_suffix_finds(any_db: Database, rng) -> None:
    """Random numbers sharing endings, searched by 4–8 of their last digits: the prefix of the
    reversed number gives exactly the cases `e164 LIKE '%digits'` gives, in the list's order."""
    numbers = [f"+86138{rng.choice(['0000', '1234', '5678'])}{rng.randrange(10**4):04d}"]
    numbers += [f"+86{rng.choice('135')}{rng.randrange(10**10):010d}" for _ in range(120)]
    numbers += [f"+86138{rng.randrange(100):02d}{numbers[0][-6:]}" for _ in range(15)]
    with any_db.sessions.begin() as session:
        session.add(Unit(id=1, name="历下区不动产登记中心"))
        session.flush()
        for n, e164 in enumerate(numbers, start=1):
            session.add(
                Case(
                    id=n,
                    case_no=f"JN{n:08d}",
                    unit_id=1,
                    completed_on=date(2026, 11, 1 + n % 20),
                    phones=[CasePhone(original=e164[3:], e164=e164)],
                )
            )
    tails = {e164[-size:] for e164 in numbers for size in (4, 6, 8)} | {"0000", "99999999"}
    # Digits that make a whole number (a landline without its area code) are searched as one.
    tails = {tail for tail in tails if CaseSearch(tail).kind == SearchKind.PHONE_TAIL}
    assert len(tails) > 100
    with any_db.sessions() as session:
        for tail in sorted(tails):
            expected = session.scalars(
                select(Case.id)
                .where(Case.id.in_(select(CasePhone.case_id).where(CasePhone.e164.endswith(tail))))
                .order_by(Case.completed_on.desc(), Case.id.desc())
            ).all()
            page = case_page(session, CaseSearch(tail), limit=500, now=NOW)
            assert [row.case_id for row in page.rows] == expected, tail


def test_migration_0021_fills_the_numbers_backwards(any_db: Database) -> None:
    engine = any_db.engine
    run_migrations(engine, "0020", downgrade=True)
    moment = datetime(2026, 11, 16, 2, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO units (id, uid, name, active, created_at, updated_at)"
                " VALUES (1, :uid, '历下区', :yes, :at, :at)"
            ),
            {"uid": uuid.uuid4().hex, "yes": True, "at": moment},
        )
        connection.execute(
            text(
                "INSERT INTO cases (id, uid, case_no, unit_id, completed_on, is_enterprise,"
                " has_valid_phone, created_at, updated_at)"
                " VALUES (1, :uid, 'JN1', 1, :day, :no, :yes, :at, :at)"
            ),
            {"uid": uuid.uuid4().hex, "day": date(2026, 11, 2), "no": False, "yes": True,
             "at": moment},
        )  # fmt: skip
        connection.execute(
            text(
                "INSERT INTO case_phones (case_id, position, original, e164)"
                " VALUES (1, 0, :original, :e164)"
            ),
            [
                {"original": "13812345678", "e164": "+8613812345678"},
                {"original": "不详", "e164": None},
                {"original": "0531-86001234", "e164": "+8653186001234"},
            ],
        )
    run_migrations(engine, "head")
    with any_db.sessions() as session:
        assert _stored(session) == [
            ("+8613812345678", "8765432183168+"),
            (None, None),
            ("+8653186001234", "4321006813568+"),
        ]
        found = case_page(session, CaseSearch("5678"), now=NOW)
        assert [row.case_id for row in found.rows] == [1]


def test_the_queue_refresh_leaves_postgresql_statistics_current(pg_db: Database) -> None:
    """Right after the morning refresh the claim must not plan with the statistics of before
    (issue 23): the refresh analyzes the queue in its own transaction."""
    with pg_db.sessions.begin() as session:
        queue_entries(session, 5, local(2026, 12, 1, 8))
    with pg_db.sessions.begin() as session:
        statistics = text(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'call_queue' AND attname = 'status'"
        )
        assert session.scalar(statistics) == 0  # never analyzed (too few rows for autovacuum)
        refresh_queue(session, today=date(2026, 12, 15), seed=1)
        assert session.scalar(statistics) == 1
    with pg_db.sessions() as session:
        assert session.scalar(statistics) == 1  # committed with the refresh


def test_the_apps_postgresql_sessions_run_without_jit_and_generic_plans(pg_db: Database) -> None:
    for _ in range(2):  # the settings outlive the pool's rollback of a returned connection
        with pg_db.sessions() as session:
            for _ in range(2):
                assert session.scalar(text("SHOW jit")) == "off"
                assert session.scalar(text("SHOW plan_cache_mode")) == "force_custom_plan"
                session.rollback()


def test_a_refresh_does_not_wait_for_another_analyzing_the_queue(pg_db: Database) -> None:
    """Two seats refreshing at once, or autovacuum analyzing meanwhile: the second refresh skips
    the ANALYZE it cannot have now rather than wait (a wait could close a circle of locks)."""
    with pg_db.sessions.begin() as session:
        queue_entries(session, 3, local(2026, 12, 1, 8))
    with pg_db.engine.connect() as other:
        other.exec_driver_sql("ANALYZE call_queue")  # holds its lock until rolled back
        with pg_db.sessions.begin() as session:
            # A regression fails here with an error instead of hanging the run.
            session.execute(text("SET LOCAL lock_timeout = '60s'"))
            refresh_queue(session, today=date(2026, 12, 15), seed=1)
        other.rollback()
