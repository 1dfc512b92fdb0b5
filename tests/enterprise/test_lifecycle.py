"""Form B records: created once per enterprise case, assigned to the right agency, and moved
through printed → returned → scanned → verified → archived only in order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.enterprise.forms import (
    FormBAnswers,
    FormBStatusError,
    archive,
    ensure_form_b_records,
    form_b_list,
    mark_printed,
    mark_returned,
    mark_scanned,
    record_answers,
    verify,
)
from app.i18n import set_language
from app.ratings import Rating
from db.models import EnterpriseFeedback

T1 = datetime(2026, 8, 20, 2, tzinfo=UTC)
T2 = datetime(2026, 8, 21, 2, tzinfo=UTC)


def _record_id(session, case_id: int) -> int:
    return session.scalar(
        select(EnterpriseFeedback.id).where(EnterpriseFeedback.case_id == case_id)
    )


def test_records_created_once_for_enterprise_cases(any_db, world):
    with any_db.sessions.begin() as session:
        assert ensure_form_b_records(session) == 2
        assert ensure_form_b_records(session) == 0
        rows = form_b_list(session)
        assert {r.case_id for r in rows} == {world.window_case, world.online_case}
        assert {r.status for r in rows} == {"to_do"}


def test_fully_online_case_goes_to_the_enterprise_district(any_db, world):
    with any_db.sessions.begin() as session:
        ensure_form_b_records(session)
        by_case = {r.case_id: r for r in form_b_list(session)}
        assert by_case[world.window_case].assigned_unit_id == world.lixia
        assert by_case[world.online_case].assigned_unit_id == world.shizhong
        assert by_case[world.online_case].accepting_unit_id == world.lixia
        assert by_case[world.online_case].online
        assert [r.case_id for r in form_b_list(session, unit_id=world.shizhong)] == [
            world.online_case
        ]


def test_online_case_without_a_district_unit_stays_with_the_accepting_unit(any_db, world):
    from db.models import Case

    with any_db.sessions.begin() as session:
        session.get(Case, world.online_case).district = "长清区"  # no unit there
        ensure_form_b_records(session)
        row = next(r for r in form_b_list(session) if r.case_id == world.online_case)
        assert row.assigned_unit_id == world.lixia


def test_the_whole_lifecycle(any_db, world):
    with any_db.sessions.begin() as session:
        ensure_form_b_records(session)
        fid = _record_id(session, world.window_case)
        mark_printed(session, [fid], now=T1)
        mark_printed(session, [fid], now=T2)  # reprinted: stays printed, newer time
        record = session.get(EnterpriseFeedback, fid)
        assert (record.status, record.printed_at) == ("printed", T2)
        mark_returned(session, [fid], now=T2)
        mark_printed(session, [fid], now=T2)  # reprint after return does not move back
        assert record.status == "returned"
        mark_scanned(session, world.window_case, now=T2)
        mark_scanned(session, world.window_case, now=T2)  # a second page: no change
        assert record.status == "scanned"
        record_answers(session, fid, FormBAnswers(satisfaction=Rating.SATISFIED), now=T2)
        verify(session, fid, "王核对", now=T2)
        assert (record.status, record.verified_by) == ("verified", "王核对")
        with pytest.raises(FormBStatusError):
            mark_printed(session, [fid], now=T2)
        archive(session, fid, "档案柜 3-2", now=T2)
        assert (record.status, record.archive_location, record.archived_at) == (
            "archived",
            "档案柜 3-2",
            T2,
        )
        assert [r.id for r in form_b_list(session, status="archived")] == [fid]


def test_scanning_a_printed_form_records_its_return(any_db, world):
    with any_db.sessions.begin() as session:
        ensure_form_b_records(session)
        fid = _record_id(session, world.window_case)
        mark_printed(session, [fid], now=T1)
        record = mark_scanned(session, world.window_case, now=T2)
        assert (record.status, record.returned_at, record.scanned_at) == ("scanned", T2, T2)


def test_invalid_transitions_are_refused_with_a_clear_message(any_db, world):
    with any_db.sessions.begin() as session:
        ensure_form_b_records(session)
        fid = _record_id(session, world.window_case)
        with pytest.raises(FormBStatusError, match="待打印"):
            mark_returned(session, [fid])
        with pytest.raises(FormBStatusError):
            mark_scanned(session, world.window_case)
        with pytest.raises(FormBStatusError):
            verify(session, fid, "王核对")
        with pytest.raises(FormBStatusError):
            archive(session, fid, "档案柜")
        mark_printed(session, [fid])
        mark_returned(session, [fid])
        mark_scanned(session, world.window_case)
        set_language("en")
        try:
            with pytest.raises(FormBStatusError, match="answers"):
                verify(session, fid, "王核对")  # nothing typed in yet
        finally:
            set_language("zh")
        with pytest.raises(LookupError):
            mark_scanned(session, world.person_case)
        assert session.get(EnterpriseFeedback, fid).status == "scanned"
