"""The bulk insert of the case import stores what the ORM would, on both backends."""

from __future__ import annotations

import gc
import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.importing import import_file
from app.importing.bulk import insert_rows, reserve_ids
from db.models import Case, CasePhone, Unit

from .helpers import CASE_HEADER, case_row, run_import


def _unit(session) -> int:
    unit = Unit(name="历下区不动产登记中心", district="历下区", area_code="0531")
    session.add(unit)
    session.flush()
    return unit.id


def test_rows_come_back_as_the_orm_reads_them(any_db):
    columns = ("id", "case_no", "unit_id", "accepted_on", "completed_on", "is_enterprise", "uid")
    uid = uuid.uuid4()
    # A time in another zone is stored as UTC, as UTCDateTime does for the ORM.
    east = datetime(2026, 7, 5, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    with any_db.sessions.begin() as session:
        unit_id = _unit(session)
        ids = reserve_ids(session, Case.__table__, 2)
        insert_rows(
            session,
            Case.__table__,
            columns,
            [
                (ids[0], "JN1", unit_id, date(2026, 7, 1), date(2026, 7, 5), True, uid),
                (ids[1], "JN2", unit_id, None, date(2026, 2, 28), False, uuid.uuid4()),
            ],
            constants={
                "origin": None,
                "created_at": east,
                "updated_at": east,
                "has_valid_phone": False,
            },
        )
    with any_db.sessions.begin() as session:
        first, second = session.scalars(select(Case).order_by(Case.case_no)).all()
        assert first.id == ids[0] and second.id == ids[1]
        assert (first.accepted_on, first.completed_on) == (date(2026, 7, 1), date(2026, 7, 5))
        assert second.accepted_on is None and second.completed_on == date(2026, 2, 28)
        assert first.is_enterprise is True and second.is_enterprise is False
        assert first.uid == uid
        assert first.created_at == datetime(2026, 7, 5, 1, 30, tzinfo=UTC)
        assert first.origin is None and first.unit.name == "历下区不动产登记中心"


def test_ids_reserved_follow_the_stored_ones_and_an_insert_without_ids_goes_on(any_db):
    with any_db.sessions.begin() as session:
        unit_id = _unit(session)
        session.add(Case(case_no="JN0", unit_id=unit_id, completed_on=date(2026, 1, 2)))
        session.flush()
        stored = session.scalar(select(Case.id))
        ids = reserve_ids(session, Case.__table__, 3)
        assert len(set(ids)) == 3 and min(ids) > stored
        assert reserve_ids(session, Case.__table__, 0) == []
        insert_rows(
            session,
            Case.__table__,
            ("id", "case_no", "unit_id", "completed_on", "uid"),
            [(i, f"JN{i}x", unit_id, date(2026, 1, 3), uuid.uuid4()) for i in ids],
            constants={
                "is_enterprise": False,
                "has_valid_phone": False,
                "origin": None,
                "created_at": datetime.now(UTC),
                "updated_at": datetime.now(UTC),
            },
        )
        later = Case(case_no="JN-later", unit_id=unit_id, completed_on=date(2026, 1, 4))
        session.add(later)
        session.flush()
        assert later.id not in ids and later.id != stored


def test_a_column_left_out_is_a_bug_not_a_silent_default(sqlite_db):
    with sqlite_db.sessions.begin() as session, pytest.raises(RuntimeError, match="binds"):
        # e164_reversed (a default computed per row) and position are not given
        insert_rows(session, CasePhone.__table__, ("case_id", "original"), [(1, "1")])


def test_phones_keep_their_reversed_number_for_tail_searches(any_db, make_file):
    path = make_file(
        "phones.csv", [CASE_HEADER, case_row("JN-9", 联系电话="13812345678；0531-86001234；无")]
    )

    run_import(any_db, "cases", path)

    with any_db.sessions.begin() as session:
        phones = session.execute(
            select(CasePhone.position, CasePhone.e164, CasePhone.e164_reversed).order_by(
                CasePhone.position
            )
        ).all()
    assert phones == [
        (0, "+8613812345678", "8765432183168+"),
        (1, "+8653186001234", "4321006813568+"),
        (2, None, None),
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_as_it_was_after_an_import(sqlite_db, make_file, enabled):
    good = make_file("good.csv", [CASE_HEADER, case_row("JN-1")])
    refused = make_file("refused.csv", [CASE_HEADER, case_row("JN-2", 办结日期="待定")])
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        for path in (good, refused):
            with sqlite_db.sessions.begin() as session:
                import_file(session, "cases", path)
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
