"""The audit trail: settings and people changes recorded with before and after, read back by
days, person, record and action, and exported for auditors."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from app.audit import AuditQuery, audit_choices, audit_entries, count_audit_entries
from app.audit_export import ExportRefused, write_audit_file
from app.roles import LoginRequired
from app.settings import get_setting, set_setting
from app.staff import change_role
from app.users import set_active
from app.zone import LOCAL_ZONE
from cli import main
from db.database import open_database
from db.models import AuditEntry

from .helpers import accounts


def test_a_setting_change_is_audited_with_who_before_and_after(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.max_attempts", 5, by_id=people.admin)
        set_setting(session, "desk.max_attempts", 5, by_id=people.admin)  # no change: no entry
        set_setting(session, "retention.years", 4, by_id=people.admin)
    # Once anybody can log in, nobody logged in changes nothing (app.staff.acting_member).
    with pytest.raises(LoginRequired), any_db.sessions.begin() as session:
        set_setting(session, "retention.years", 5)
    with any_db.sessions() as session:
        assert get_setting(session, "retention.years") == 4
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "setting").order_by(AuditEntry.id)
        ).all()
    first, second = entries
    assert (first.action, first.actor) == ("setting.change", f"赵管理 (#{people.admin})")
    assert first.before == {"key": "desk.max_attempts", "value": 3}
    assert first.after == {"key": "desk.max_attempts", "value": 5}
    assert second.actor == f"赵管理 (#{people.admin})"
    assert (second.before["value"], second.after["value"]) == (3, 4)


def test_the_settings_command_is_audited(sqlite_url, tmp_path):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "settings", "coverage.target", "0.4"]) == 0
    assert main(["--db", url, "audit", "export", "-o", str(tmp_path / "a.csv")]) == 0
    with (tmp_path / "a.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert [(r["操作"], r["操作人"], r["对象"], r["对象名称"]) for r in rows] == [
        ("更改设置", "（未登录）", "设置", "coverage.target")
    ]
    assert '"value": 0.4' in rows[0]["修改后"]


def test_people_changes_are_audited(any_db):
    people = accounts(any_db)
    with any_db.sessions.begin() as session:
        change_role(session, people.operator, "team_lead", by_id=people.admin)
        set_active(session, people.auditor, False, by_id=people.admin)
    with any_db.sessions() as session:
        rows = audit_entries(session, AuditQuery(entity="staff", actor="赵管理"))
    assert [(r.action, r.subject, r.before, r.after) for r in rows] == [
        ("user.active", "钱审计", {"active": True}, {"active": False}),
        ("staff.role", "王芳", {"role": "operator"}, {"role": "team_lead"}),
    ]


def _entry(session, at: datetime, actor: str, action: str, entity: str = "staff") -> None:
    session.add(
        AuditEntry(at=at, actor=actor, action=action, entity=entity, before=None, after={"n": 1})
    )


@pytest.fixture
def trail(any_db):
    def day(d: int, hour: int = 10) -> datetime:
        return datetime(2026, 11, d, hour, tzinfo=LOCAL_ZONE)

    with any_db.sessions.begin() as session:
        _entry(session, day(1), "王芳 (#3)", "user.login")
        _entry(session, day(2, 0), "王芳 (#3)", "user.login_failed")  # just after midnight
        _entry(session, day(2, 23), "赵管理 (#1)", "setting.change", "setting")
        _entry(session, day(3), "赵管理 (#1)", "staff.role")
    return any_db


def test_the_trail_is_read_by_local_days_person_record_and_action(trail):
    with trail.sessions() as session:

        def actions(**query) -> list[str]:
            return [r.action for r in audit_entries(session, AuditQuery(**query))]

        assert actions() == ["staff.role", "setting.change", "user.login_failed", "user.login"]
        assert actions(start=date(2026, 11, 2), end=date(2026, 11, 2)) == [
            "setting.change",
            "user.login_failed",
        ]
        assert actions(actor="王芳") == ["user.login_failed", "user.login"]
        assert actions(entity="setting") == ["setting.change"]
        assert actions(action="staff.role", actor="赵") == ["staff.role"]
        assert count_audit_entries(session, AuditQuery(end=date(2026, 11, 1))) == 1
        assert len(audit_entries(session, limit=2)) == 2
        choices = audit_choices(session)
    assert choices.actors == ["王芳 (#3)", "赵管理 (#1)"]
    assert choices.entities == ["setting", "staff"]
    assert choices.actions == ["setting.change", "staff.role", "user.login", "user.login_failed"]


def test_export_to_excel_and_csv(trail, tmp_path):
    with trail.sessions() as session:
        rows = audit_entries(session)
    write_audit_file(rows, tmp_path / "trail.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "trail.xlsx").active
    values = list(sheet.values)
    assert values[0][:5] == ("时间", "操作人", "操作", "操作代码", "对象")
    assert values[1][:5] == ("2026-11-03 10:00:00", "赵管理 (#1)", "更改角色", "staff.role", "人员")
    assert values[1][8] == '{"n": 1}'
    assert len(values) == 5
    write_audit_file(rows, tmp_path / "trail.csv")
    with (tmp_path / "trail.csv").open(encoding="utf-8-sig") as file:
        assert len(list(csv.reader(file))) == 5
    with pytest.raises(ExportRefused, match=r"\.xlsx 或 \.csv"):
        write_audit_file(rows, tmp_path / "trail.pdf")


def test_the_export_command_filters_by_days(sqlite_url, tmp_path, capsys):
    url = sqlite_url  # a new database, made as `db create` makes one
    assert main(["--db", url, "staff", "add", "王芳"]) == 0
    # The day the entry was written, not the clock read again: run across midnight they differ.
    database = open_database(url)
    with database.sessions() as session:
        (written,) = session.scalars(select(AuditEntry.at)).all()
    database.close()
    today = written.astimezone(LOCAL_ZONE).date()
    out = tmp_path / "trail.xlsx"
    capsys.readouterr()
    args = ["--db", url, "audit", "export", "-o", str(out)]
    assert main([*args, "--from", str(today), "--to", str(today)]) == 0
    assert "已导出 1 条审计记录" in capsys.readouterr().out
    yesterday = today - timedelta(days=1)
    assert main([*args, "--from", str(yesterday), "--to", str(yesterday)]) == 0
    assert "已导出 0 条审计记录" in capsys.readouterr().out
    assert main([*args[:-1], str(tmp_path / "trail.txt")]) == 2
