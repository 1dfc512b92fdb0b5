"""`calendar notice FILE [--apply]`: the days of a holiday notice listed, then saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.audit import audit_entries
from cli import main
from db.database import open_database
from db.models import CalendarDay, CalendarYear

NOTICES = Path(__file__).parent / "data" / "holiday_notices"


def stored_days(url: str) -> int:
    with open_database(url).sessions() as session:
        return session.scalar(select(func.count()).select_from(CalendarDay))


def test_notice_lists_the_days_and_changes_nothing(sqlite_url, capsys):
    assert main(["--db", sqlite_url, "calendar", "notice", str(NOTICES / "2017.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2017-01-01 日  休  元旦"
    assert "2017-01-02 一  休  元旦" in lines
    assert "2017-01-22 日  班  春节调休上班" in lines
    assert "2017-10-04 三  休  中秋节、国庆节" in lines
    assert lines[-1] == "2017 年：放假 24 天，调休上班 5 天。未保存；加 --apply 保存到工作日历。"
    assert len(lines) == 24 + 5 + 1
    assert stored_days(sqlite_url) == 0


def test_apply_saves_them_in_the_calendar_with_an_audit_entry(sqlite_url, tmp_path, capsys):
    # A notice saved by Notepad in GBK, with the full-width punctuation of gov.cn.
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    gbk = tmp_path / "2026.txt"
    gbk.write_bytes(text.replace(",", "，").replace("(", "（").replace(")", "）").encode("gbk"))
    assert main(["--db", sqlite_url, "calendar", "notice", str(gbk), "--apply"]) == 0
    out = capsys.readouterr().out
    assert "2026-02-28 六  班  春节调休上班" in out
    assert out.splitlines()[-1] == "已保存 2026 年：放假 33 天，调休上班 6 天。"
    assert stored_days(sqlite_url) == 39
    with open_database(sqlite_url).sessions() as session:
        assert session.get(CalendarDay, date(2026, 10, 10)).note == "国庆节调休上班"
        assert session.get(CalendarYear, 2026) is not None
        assert [entry.action for entry in audit_entries(session)] == ["calendar.notice"]
    assert main(["--lang", "en", "--db", sqlite_url, "calendar", "notice", str(gbk)]) == 0
    assert "2026-02-28 S  work  春节调休上班" in capsys.readouterr().out


def test_an_unreadable_notice_is_refused_on_stderr(sqlite_url, tmp_path, capsys):
    text = (NOTICES / "2026.txt").read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("9月20日")], encoding="utf-8")
    assert main(["--db", sqlite_url, "calendar", "notice", str(cut), "--apply"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "“七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天”" in captured.err
    assert stored_days(sqlite_url) == 0
    assert main(["--db", sqlite_url, "calendar", "notice", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err


def test_set_clear_and_add_year_are_audited(sqlite_url, capsys):
    assert (
        main(["--db", sqlite_url, "calendar", "set", "2027-01-01", "rest", "--note", "元旦"]) == 0
    )
    assert main(["--db", sqlite_url, "calendar", "clear", "2027-01-01"]) == 0
    assert main(["--db", sqlite_url, "calendar", "add-year", "2027"]) == 0
    with open_database(sqlite_url).sessions() as session:
        entries = audit_entries(session)
    assert [entry.action for entry in entries] == [
        "calendar.year",
        "calendar.days",
        "calendar.days",
    ]
    assert entries[1].before == {"days": {"2027-01-01": {"working": False, "note": "元旦"}}}
    assert entries[1].after == {"days": {"2027-01-01": None}}
