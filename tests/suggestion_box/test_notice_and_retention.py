"""The Wednesday notice against a week worked out by hand (pdftotext), and retention."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.complaints.registry import close_complaint, record_reply
from app.printing.wednesday_notice import wednesday_notice_pdf
from app.retention import preview, purge
from app.suggestion_box import (
    BOOK,
    BOX,
    CRITICISM,
    PRAISE,
    PROBLEM,
    SuggestionBoxError,
    acknowledge_slip,
    notice,
    record_check,
    record_slip,
)
from db.database import Database
from db.models import AuditEntry, Commendation, Complaint, SuggestionBoxCheck, SuggestionSlip

from .conftest import World, at

NOW = at(2026, 9, 30, 9)


def _check(session, w: World, day: date, source: str, count: int, unit=None) -> int:
    return record_check(
        session, unit_id=unit or w.binhu, source=source, day=day, slip_count=count,
        checked_at=time(8, 30), by_id=w.operator, now=NOW,
    ).id  # fmt: skip


def week(db: Database, w: World) -> dict[str, int]:
    """Wed 30 Sep's notice covers Wed 23 … Tue 29 Sep. By hand it lists, in order:
    1. 23 Sep box: 取号机卡纸 — replied 已更换取号机 (replied)
    2. 28 Sep book: 电话 13912345678 打不通 — no reply yet (awaiting contact)
    and counts 4 checks (22 Sep's and 30 Sep's are outside the week, 梁溪's another outlet)
    and 4 slips (two problems, a praise and a criticism)."""
    with db.sessions.begin() as session:
        before = _check(session, w, date(2026, 9, 22), BOX, 1)  # Tuesday before: last week's
        record_slip(session, before, kind=PROBLEM, content="上周的问题", by_id=w.operator, now=NOW)
        first = _check(session, w, date(2026, 9, 23), BOX, 2)
        jammed = record_slip(
            session, first, kind=PROBLEM, content="取号机卡纸", writer="钱多多",
            contact="13800001111", by_id=w.operator, now=NOW,
        )  # fmt: skip
        record_slip(session, first, kind=PRAISE, content="张伟很耐心", staff_id=w.clerk,
                    writer="孙小姐", by_id=w.operator, now=NOW)  # fmt: skip
        _check(session, w, date(2026, 9, 24), BOX, 0)
        book = _check(session, w, date(2026, 9, 28), BOOK, 2)
        phone = record_slip(
            session, book, kind=PROBLEM, content="电话 13912345678 打不通", writer="李四",
            by_id=w.operator, now=NOW,
        )  # fmt: skip
        talk = record_slip(session, book, kind=CRITICISM, content="窗口聊天", staff_id=w.clerk,
                           by_id=w.operator, now=NOW)  # fmt: skip
        _check(session, w, date(2026, 9, 29), BOX, 0)
        today = _check(session, w, date(2026, 9, 30), BOX, 1)  # next week's notice
        record_slip(session, today, kind=PROBLEM, content="本周三的问题", by_id=w.operator, now=NOW)
        other = _check(session, w, date(2026, 9, 25), BOX, 1, unit=w.liangxi)
        record_slip(session, other, kind=PROBLEM, content="梁溪的问题", by_id=w.operator, now=NOW)
        record_reply(
            session, jammed.complaint_id, by_id=w.lead, reply="已更换取号机", at=NOW, now=NOW
        )
    return {"jammed": jammed.id, "phone": phone.id, "talk": talk.id,
            "jammed_complaint": jammed.complaint_id}  # fmt: skip


def test_the_notice_lists_the_weeks_problems(any_db: Database, world: World):
    week(any_db, world)
    with any_db.sessions() as session:
        found = notice(session, world.binhu, date(2026, 9, 30), viewer_id=world.operator)
    assert (found.start, found.end, found.checks, found.slips) == (
        date(2026, 9, 23), date(2026, 9, 29), 4, 4,
    )  # fmt: skip
    assert [(line.found_on.day, line.source, line.content, line.status, line.reply)
            for line in found.lines] == [
        (23, BOX, "取号机卡纸", "replied", "已更换取号机"),
        (28, BOOK, "电话 13912345678 打不通", "open", None),
    ]  # fmt: skip
    assert [line.number for line in found.lines] == ["JY2026-0002", "JY2026-0003"]


def test_a_notice_is_dated_a_wednesday(any_db: Database, world: World):
    with any_db.sessions() as session, pytest.raises(SuggestionBoxError):
        notice(session, world.binhu, date(2026, 9, 29), viewer_id=world.operator)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_printed_notice(sqlite_db: Database, tmp_path: Path):
    from .conftest import make_world  # noqa: PLC0415

    with sqlite_db.sessions.begin() as session:
        w = make_world(session)
    week(sqlite_db, w)
    path = tmp_path / "notice.pdf"
    with sqlite_db.sessions() as session:
        wednesday_notice_pdf(session, w.binhu, date(2026, 9, 30), path, by_id=w.operator, now=NOW)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "WenQuanYi" in fonts and " yes " in fonts  # embedded
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "意见箱、意见簿处理情况公告" in flat
    assert "2026年9月23日至2026年9月29日" in flat
    assert "检查意见箱、意见簿4次，收到意见4条，其中反映问题2条" in flat
    for words in ("取号机卡纸", "已更换取号机", "JY2026-0002", "已答复", "JY2026-0003", "待联系"):
        assert words in flat
    assert flat.index("取号机卡纸") < flat.index("打不通")
    # Nothing of the writers, no phone number even inside the slip, nothing of other weeks.
    for absent in ("钱多多", "13800001111", "孙小姐", "李四", "13912345678", "上周的问题",
                   "本周三的问题", "梁溪的问题", "窗口聊天", "张伟很耐心"):  # fmt: skip
        assert absent not in flat, absent
    assert "电话（号码略）打不通" in flat


def test_a_notice_with_hostile_text(sqlite_db: Database, tmp_path: Path):
    from .conftest import make_world  # noqa: PLC0415

    with sqlite_db.sessions.begin() as session:
        w = make_world(session)
        check_id = _check(session, w, date(2026, 9, 28), BOX, 2)
        for text in ("<b>粗体</b> & <font name='x'>", "长" * 2000):
            record_slip(session, check_id, kind=PROBLEM, content=text, by_id=w.operator, now=NOW)
    path = tmp_path / "notice.pdf"
    with sqlite_db.sessions() as session:
        wednesday_notice_pdf(session, w.binhu, date(2026, 9, 30), path, by_id=w.operator, now=NOW)
    assert path.read_bytes().startswith(b"%PDF")


def test_retention_forgets_the_writers_and_keeps_every_record(
    any_db: Database, world: World, stop_clock
):
    stop_clock(NOW)
    ids = week(any_db, world)
    today = date(2029, 10, 1)  # three years on: the cut-off is 1 Oct 2026
    with any_db.sessions.begin() as session:
        counts = preview(session, today, by_id=None)
    # Dealt with: none yet — the problems are open and the criticism not talked over; the
    # praise (孙小姐) has no contact but a writer: forgotten.
    assert counts.suggestion_slips == 1
    with any_db.sessions.begin() as session:
        close_complaint(session, ids["jammed_complaint"], by_id=world.lead, now=NOW)
        acknowledge_slip(session, ids["talk"], text="已谈话", by_id=world.lead, now=NOW)
    with any_db.sessions.begin() as session:
        counts = purge(session, today, cutoff=date(2026, 10, 1), by_id=None)
    assert counts.suggestion_slips == 2  # the praise and the closed problem's slip
    with any_db.sessions() as session:
        jammed = session.get_one(SuggestionSlip, ids["jammed"])
        assert (jammed.writer, jammed.contact, jammed.content) == (None, None, "取号机卡纸")
        assert session.get_one(SuggestionSlip, ids["phone"]).writer == "李四"  # still open
        complaint = session.get_one(Complaint, ids["jammed_complaint"])
        assert complaint.complainant is None and complaint.contact is None
        # Nothing deleted: every slip, check and what points at them is there.
        assert len(session.scalars(select(SuggestionSlip)).all()) == 7
        assert len(session.scalars(select(SuggestionBoxCheck)).all()) == 7
        commendation = session.scalars(select(Commendation)).one()
        assert session.get(SuggestionSlip, commendation.slip_id) is not None
        for slip in session.scalars(
            select(SuggestionSlip).where(SuggestionSlip.complaint_id.is_not(None))
        ):
            assert session.get(Complaint, slip.complaint_id) is not None
        entries = session.scalars(
            select(AuditEntry.after).where(
                AuditEntry.entity == "suggestion_slip", AuditEntry.entity_uid == jammed.uid
            )
        ).all()
        assert entries and all(entry.get("contact") is None for entry in entries)
