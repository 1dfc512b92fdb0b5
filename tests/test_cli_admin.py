"""The administrators' commands: demo, desk, settings, reports, calendar, db."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.settings import get_setting
from app.users import DEMO_PASSWORD
from app.zone import LOCAL_ZONE
from cli import main
from db.database import open_database
from db.models import CalendarDay, Case, EvaluationSample
from tests.cli_login import log_in_as

# The demo's cases, complaints and deadlines are dated from "today": a fixed Friday, so that the
# commands do not depend on the day the tests run (in late December a deadline a few working days
# ahead falls in a year the calendar does not know yet).
DEMO_NOW = datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE)


@pytest.fixture
def db_url(sqlite_url: str, stop_clock) -> str:
    stop_clock(DEMO_NOW)
    return sqlite_url


def test_demo_fills_the_database_and_the_queue_once(db_url, capsys):
    assert main(["--db", db_url, "demo", "--cases", "300"]) == 0
    assert "300" in capsys.readouterr().out
    assert main(["--db", db_url, "demo", "--cases", "300", "--if-empty"]) == 0
    assert "未添加" in capsys.readouterr().out
    with open_database(db_url).sessions() as session:
        assert session.scalar(select(func.count(Case.id))) == 300


def test_desk_commands(db_url, capsys, monkeypatch):
    main(["--db", db_url, "demo", "--cases", "300"])
    capsys.readouterr()
    # The demo made accounts: the commands now run as the demo's administrator.
    log_in_as(monkeypatch, "admin", DEMO_PASSWORD)
    assert main(["--db", db_url, "desk", "refresh", "--seed", "3"]) == 0
    assert "随机种子 3" in capsys.readouterr().out
    today = DEMO_NOW.date()
    assert (
        main(
            [
                "--db",
                db_url,
                "desk",
                "plan",
                "--year",
                str(today.year),
                "--quarter",
                str((today.month - 1) // 3 + 1),
            ]
        )
        == 0
    )
    assert "需拨打" in capsys.readouterr().out
    assert main(["--db", db_url, "desk", "outcomes", "busy", "--retry-minutes", "25"]) == 0
    assert "25" in capsys.readouterr().out
    assert main(["--db", db_url, "desk", "outcomes", "busy", "--key", "N"]) == 2
    assert "已用于" in capsys.readouterr().err


def test_settings_are_listed_changed_and_checked(db_url, capsys):
    assert main(["--db", db_url, "settings", "coverage.target", "0.35"]) == 0
    assert "0.35" in capsys.readouterr().out
    with open_database(db_url).sessions() as session:
        assert get_setting(session, "coverage.target") == 0.35
    assert main(["--db", db_url, "settings", "desk.max_attempts", "three"]) == 2
    assert "应为整数" in capsys.readouterr().err
    assert main(["--db", db_url, "settings", "no.such.setting", "1"]) == 2


def test_reports_in_every_format(db_url, samples, tmp_path, capsys):
    for kind, name in (
        ("cases", "cases_2026q3.csv"),
        ("evaluations", "evaluations_2026q3.xlsx"),
        ("ledger", "ledger_2026q3.xlsx"),
    ):
        assert main(["--db", db_url, "import", kind, str(samples / name)]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "report", "quarterly", "--year", "2026", "--quarter", "3"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["units"][0]["unit"] == "槐荫区不动产登记中心"
    for fmt in ("xlsx", "pdf"):
        out = tmp_path / f"q3.{fmt}"
        assert (
            main(
                [
                    "--db",
                    db_url,
                    "report",
                    "quarterly",
                    "--year",
                    "2026",
                    "--quarter",
                    "3",
                    "--format",
                    fmt,
                    "-o",
                    str(out),
                ]
            )
            == 0
        )
        assert out.stat().st_size > 1000
    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "quarterly",
                "--year",
                "2026",
                "--quarter",
                "3",
                "--format",
                "pdf",
            ]
        )
        == 2
    )  # a PDF needs -o
    capsys.readouterr()
    assert main(["--db", db_url, "report", "monthly", "--year", "2026", "--month", "8"]) == 0
    assert json.loads(capsys.readouterr().out)["revisit"]["calls"] == 36
    out = tmp_path / "sample.xlsx"
    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "sample",
                "--from",
                "2026-07-01",
                "--to",
                "2026-09-30",
                "--size",
                "5",
                "--seed",
                "9",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.exists()
    with open_database(db_url).sessions() as session:
        assert session.scalar(select(EvaluationSample.seed)) == 9


def test_calendar_commands(db_url, capsys):
    assert main(["--db", db_url, "calendar", "show", "2026", "10"]) == 0
    shown = capsys.readouterr().out
    assert "2026-10-10 六  上班  调休上班" in shown
    assert main(["--db", db_url, "calendar", "show", "2027", "1"]) == 2
    assert "2027" in capsys.readouterr().err
    assert main(["--db", db_url, "calendar", "set", "2027-01-01", "rest", "--note", "元旦"]) == 0
    assert main(["--db", db_url, "calendar", "add-year", "2027"]) == 0
    with open_database(db_url).sessions() as session:
        assert session.get(CalendarDay, date(2027, 1, 1)).is_working_day is False
    capsys.readouterr()
    assert main(["--db", db_url, "calendar", "show", "2027", "1"]) == 0
    assert "2027-01-01 五  休息  元旦" in capsys.readouterr().out


def test_staff_commands_add_people_and_change_roles_with_an_audit_entry(db_url, capsys):
    from db.models import AuditEntry, Staff

    assert main(["--db", db_url, "staff", "add", "王丽", "--role", "team_lead"]) == 0
    assert "王丽" in capsys.readouterr().out
    assert main(["--db", db_url, "staff", "add", "王丽"]) == 2  # already there
    assert "已有" in capsys.readouterr().err
    assert main(["--db", db_url, "staff", "role", "王丽", "boss"]) == 2
    assert "team_lead" in capsys.readouterr().err
    assert main(["--db", db_url, "staff", "role", "王丽", "auditor"]) == 0
    out = capsys.readouterr().out
    assert "审计员" in out
    with open_database(db_url).sessions() as session:
        assert session.scalar(select(Staff.role).where(Staff.name == "王丽")) == "auditor"
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions == ["staff.add", "staff.role"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["settings", "coverage.target", "NaN"], "应为有限的数字"),
        (["settings", "coverage.target", "inf"], "应为有限的数字"),
        (["calendar", "notice", "/nonexistent/notice.txt"], "文件或文件夹不存在"),
        (["calendar", "show", "0", "13"], "年份应在 2000 到 2100 之间"),
        (["calendar", "show", "2026", "13"], "月份应为 1 到 12"),
        (["calendar", "add-year", "0"], "年份应在 2000 到 2100 之间"),
        (["calendar", "set", "1999-01-01", "work"], "年份应在 2000 到 2100 之间"),
        (["demo", "--cases", "-3"], "演示业务件数应在 0 到 100000 之间"),
    ],
)
def test_nonsense_arguments_are_refused_with_a_message(db_url, capsys, args, words):
    assert main(["--db", db_url, *args]) == 2
    captured = capsys.readouterr()
    assert words in captured.err and "Traceback" not in captured.err + captured.out
