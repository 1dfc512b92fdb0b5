"""The bulk insert of the case import stores what the ORM would, on both backends."""

from __future__ import annotations

import gc
import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.importing import import_file
from app.importing.bulk import (
    insert_columns,
    insert_rows,
    reserve_ids,
    time_ordered_uid_values,
    time_ordered_uids,
)
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


def test_time_ordered_uids_count_up_as_uuid7():
    first, second = time_ordered_uids(1000), time_ordered_uids(1000)

    for uids in (first, second):
        assert uids == sorted(uids) and len(set(uids)) == 1000
        assert {u.version for u in uids} == {7} and {u.variant for u in uids} == {uuid.RFC_4122}
    assert not set(first) & set(second)  # each batch starts at its own random place
    assert time_ordered_uids(0) == []
    # The first 48 bits are the milliseconds of now.
    assert time_ordered_uids(1, now_ms=1_780_000_000_000)[0].int >> 80 == 1_780_000_000_000


def test_uids_as_the_driver_takes_them_come_back_as_uuids(any_db):
    with any_db.sessions.begin() as session:
        unit_id = _unit(session)
        ids = reserve_ids(session, Case.__table__, 3)
        uids = time_ordered_uid_values(session, Case.__table__, "uid", 3)
        now = datetime.now(UTC)
        insert_columns(
            session,
            Case.__table__,
            {
                "id": ids,
                "case_no": ["JN1", "JN2", "JN3"],
                "unit_id": [unit_id] * 3,
                # A column of few values (dates, flags) with None among them.
                "accepted_on": [date(2026, 7, 1), None, date(2026, 7, 1)],
                "completed_on": [date(2026, 7, 5)] * 3,
                "is_enterprise": [True, False, True],
                "uid": uids,
            },
            constants={
                "has_valid_phone": False,
                "origin": None,
                "created_at": now,
                "updated_at": now,
            },
            ready=("uid",),
        )
    with any_db.sessions.begin() as session:
        cases = session.scalars(select(Case).order_by(Case.id)).all()
    assert [c.case_no for c in cases] == ["JN1", "JN2", "JN3"]
    assert [c.accepted_on for c in cases] == [date(2026, 7, 1), None, date(2026, 7, 1)]
    assert [c.is_enterprise for c in cases] == [True, False, True]
    assert [c.uid.version for c in cases] == [7, 7, 7]
    assert [c.uid for c in cases] == sorted(c.uid for c in cases)


def test_columns_of_different_lengths_are_a_bug(sqlite_db):
    with sqlite_db.sessions.begin() as session, pytest.raises(RuntimeError, match="lengths"):
        insert_columns(session, CasePhone.__table__, {"case_id": [1, 2], "original": ["1"]})


def test_an_imported_case_has_a_time_ordered_uid(any_db, make_file):
    path = make_file("two.csv", [CASE_HEADER, case_row("JN-1"), case_row("JN-2")])

    run_import(any_db, "cases", path)

    with any_db.sessions.begin() as session:
        uids = session.scalars(select(Case.uid).order_by(Case.id)).all()
    assert [u.version for u in uids] == [7, 7] and uids[0] < uids[1]
