"""The case list's pages and searches (app.case_list), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from app.case_list import (
    CaseSearch,
    PageKey,
    SearchKind,
    case_page,
    count_cases,
)
from app.ratings import Channel, Rating
from app.units import unit_choices
from db.database import Database
from db.models import CallOutcome, Case, CasePhone, Evaluation, QueueEntry, Staff, Unit

NOW = datetime(2026, 12, 15, 2, 0, tzinfo=UTC)
SURNAMES = "王李张"


def _fill(database: Database, cases: int = 450) -> None:
    """`cases` cases over 20 days (many on each day: the order needs the id too), two units,
    each with a mobile number; a few with a landline too."""
    with database.sessions.begin() as session:
        session.add_all(
            [Unit(id=1, name="历下区不动产登记中心"), Unit(id=2, name="市中区不动产登记中心")]
        )
        session.flush()
        session.execute(
            insert(Case),
            [
                {
                    "id": n,
                    "case_no": f"JN2026{n:05d}",
                    "business_type": "抵押权首次登记",
                    "unit_id": 1 + n % 2,
                    "completed_on": date(2026, 11, 1) + timedelta(days=n % 20),
                    "applicant": SURNAMES[n % 3]
                    + "伟芳"[n // 2 % 2]
                    + ("英" if n % 5 == 0 else ""),
                }
                for n in range(1, cases + 1)
            ],
        )
        session.execute(
            insert(CasePhone),
            [
                {
                    "case_id": n,
                    "position": 0,
                    "original": f"138{n:08d}",
                    "e164": f"+86138{n:08d}",
                    "kind": "mobile",
                }
                for n in range(1, cases + 1)
            ]
            + [
                {
                    "case_id": n,
                    "position": 1,
                    "original": f"0531-8{n:07d}",
                    "e164": f"+865318{n:07d}",
                    "kind": "fixed_line",
                }
                for n in range(1, cases + 1, 50)
            ],
        )


def _all_keys(session, search: CaseSearch, limit: int) -> list[int]:
    ids, after = [], None
    while True:
        page = case_page(session, search, after, limit=limit, now=NOW)
        ids += [row.case_id for row in page.rows]
        if page.next_key is None:
            return ids
        assert len(page.rows) == limit
        after = page.next_key


def _expected(session, *conditions) -> list[int]:
    return list(
        session.scalars(
            select(Case.id).where(*conditions).order_by(Case.completed_on.desc(), Case.id.desc())
        )
    )


def test_pages_follow_each_other_newest_completed_first(any_db: Database) -> None:
    _fill(any_db)
    with any_db.sessions() as session:
        ids = _all_keys(session, CaseSearch(), limit=100)
        assert ids == _expected(session)
        assert len(ids) == len(set(ids)) == 450
        assert count_cases(session, CaseSearch()) == 450

        # A case completed meanwhile appears at the top of a new search, not inside the pages
        # that follow the ones already seen.
        first = case_page(session, CaseSearch(), limit=100, now=NOW)
        second_before = case_page(session, CaseSearch(), first.next_key, limit=100, now=NOW)
    with any_db.sessions.begin() as session:
        session.add(Case(id=999, case_no="JN2026-new", unit_id=1, completed_on=date(2026, 12, 1)))
    with any_db.sessions() as session:
        second_after = case_page(session, CaseSearch(), first.next_key, limit=100, now=NOW)
        assert second_after == second_before
        assert case_page(session, CaseSearch(), limit=1, now=NOW).rows[0].case_no == "JN2026-new"


def test_the_unit_filter_pages_its_own_cases(any_db: Database) -> None:
    _fill(any_db)
    with any_db.sessions() as session:
        assert unit_choices(session, active_only=False) == [
            (1, "历下区不动产登记中心"),
            (2, "市中区不动产登记中心"),
        ]
        search = CaseSearch(unit_id=2)
        assert _all_keys(session, search, limit=60) == _expected(session, Case.unit_id == 2)
        assert count_cases(session, search) == 225
        page = case_page(session, search, limit=5, now=NOW)
        assert {row.unit for row in page.rows} == {"市中区不动产登记中心"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", SearchKind.ALL),
        ("   ", SearchKind.ALL),
        ("JN20260", SearchKind.CASE_NO),
        ("王伟", SearchKind.APPLICANT),
        ("13800000042", SearchKind.PHONE),
        ("+86 138 0000 0042", SearchKind.PHONE),
        ("１３８００００００４２", SearchKind.PHONE),  # full-width digits
        ("0531-80000051", SearchKind.PHONE),
        ("0042", SearchKind.PHONE_TAIL),
        ("80000051", SearchKind.PHONE_TAIL),
        ("042", SearchKind.CASE_NO),  # too few digits for a number's tail
        ("202607050001234", SearchKind.CASE_NO),  # digits, but no phone number
        ("王伟2", SearchKind.CASE_NO),  # a name with digits is no name
    ],
)
def test_what_the_search_text_is_taken_for(text: str, kind: SearchKind) -> None:
    assert CaseSearch(text).kind == kind


def test_searching_by_case_number_applicant_and_phone(any_db: Database) -> None:
    _fill(any_db)
    with any_db.sessions() as session:

        def found(text: str, unit_id: int | None = None) -> list[int]:
            search = CaseSearch(text, unit_id)
            ids = _all_keys(session, search, limit=7)
            assert count_cases(session, search) == len(ids)
            return ids

        # 业务编号: its beginning, case-sensitively, with no wildcard in what was typed.
        assert found("JN202600") == _expected(session, Case.case_no.startswith("JN202600"))
        assert len(found("JN2026000")) == 99
        assert found("JN202600042") == [42]
        assert found("jn202600042") == []
        assert found("JN2026_0042") == []
        assert found("JN2026%") == []
        # 申请人: the beginning of the name.
        assert found("王芳") == _expected(session, Case.applicant.startswith("王芳"))
        assert found("王芳英") == _expected(session, Case.applicant == "王芳英")
        assert found("王芳英", unit_id=2) == _expected(
            session, Case.applicant == "王芳英", Case.unit_id == 2
        )
        assert 0 < len(found("王芳英", unit_id=2)) < len(found("王芳英")) < len(found("王芳"))
        # 电话: the whole number however written, or its last digits.
        assert found("13800000042") == [42]
        assert found("+86 138-0000-0042") == [42]
        assert found("0531-80000051") == [51]
        assert found("0051") == [51]  # once, though both its numbers end so
        assert found("0042") == [42]
        assert found("80000051") == [51]  # a landline without its area code
        assert found("13900000042") == []


def test_a_row_shows_the_masked_numbers_the_first_evaluation_and_the_queue(
    any_db: Database,
) -> None:
    _fill(any_db, cases=4)
    with any_db.sessions.begin() as session:
        session.add(
            CallOutcome(code="refused_hard", label="明确拒访", label_en="Refused", position=1)
        )
        session.execute(
            insert(Evaluation),
            [
                {
                    "case_id": 1,
                    "channel": Channel.PLATFORM,
                    "round": 1,
                    "evaluated_at": NOW - timedelta(days=3),
                    "overall": Rating.DISSATISFIED,
                },
                {  # a second-round answer later on never shows as the case's revisit
                    "case_id": 1,
                    "channel": Channel.PHONE,
                    "round": 2,
                    "evaluated_at": NOW - timedelta(days=1),
                    "overall": Rating.SATISFIED,
                },
            ],
        )
        base = {"ready_at": NOW - timedelta(hours=1)}
        session.add_all(
            [
                QueueEntry(case_id=1, status="done", result="evaluated", **base),
                QueueEntry(
                    case_id=1,
                    kind="callback",
                    status="open",
                    claimed_by_id=None,
                    **base,
                ),
                QueueEntry(
                    case_id=2,
                    status="open",
                    appointment_at=NOW + timedelta(hours=3),
                    **base,
                ),
                QueueEntry(
                    case_id=3,
                    status="done",
                    result="refused_hard",
                    **base,
                ),
            ]
        )
    with any_db.sessions() as session:
        rows = {row.case_id: row for row in case_page(session, CaseSearch(), now=NOW).rows}

    assert rows[1].phones == ["138****0001", "0531****0001"]
    assert rows[1].evaluation_channel == Channel.PLATFORM
    assert rows[1].evaluation_rating == Rating.DISSATISFIED
    assert rows[1].queue.kind == "callback" and rows[1].queue.status == "open"  # open first
    assert rows[2].evaluation_channel is None  # 未回访
    assert rows[2].queue.appointment_at == NOW + timedelta(hours=3)
    assert not rows[2].queue.in_call
    assert rows[3].queue.result == "refused_hard" and rows[3].queue.result_title == "明确拒访"
    assert rows[4].queue is None


def test_a_case_held_by_an_operator_is_in_call_until_the_claim_expires(any_db: Database) -> None:
    _fill(any_db, cases=1)
    with any_db.sessions.begin() as session:
        session.add(Staff(id=7, name="回访员甲"))
        session.flush()
        session.add(
            QueueEntry(
                case_id=1,
                status="open",
                ready_at=NOW,
                claimed_by_id=7,
                claim_expires_at=NOW + timedelta(minutes=10),
            )
        )
    with any_db.sessions() as session:
        assert case_page(session, CaseSearch(), now=NOW).rows[0].queue.in_call
        later = NOW + timedelta(minutes=11)
        assert not case_page(session, CaseSearch(), now=later).rows[0].queue.in_call


def test_an_empty_search_has_no_next_page(any_db: Database) -> None:
    _fill(any_db, cases=3)
    with any_db.sessions() as session:
        page = case_page(session, CaseSearch("JN9"), now=NOW)
        assert page.rows == [] and page.next_key is None
        last = case_page(session, CaseSearch(), PageKey(date(2026, 11, 2), 2), now=NOW)
        assert [row.case_id for row in last.rows] == [1]
        assert last.next_key is None
