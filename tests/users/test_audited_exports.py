"""Exports of personal data are audited (issue 18), from the command line and by the services the
window calls (tests/gui/test_audited_exports.py drives the window): the monthly analysis with its
附录 F ledger, the unit feedback and staff assessment workbooks, evaluation samples, backups.
Each entry says who, which export, the period, how many lines and the file — never a name or a
number of the people in it — and stands or falls with the export: a file that cannot be written
leaves no entry (and the command says why, exit 2)."""

from __future__ import annotations

import errno
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

import app.reports.exports
from app.audit import ACTION_TITLES, record_export
from app.audit_chain import verify_chain
from app.backup import create_backup
from app.backup.service import DAILY
from app.reports.exports import (
    SampleRequest,
    export_feedback_xlsx,
    export_monthly_xlsx,
    export_sample_xlsx,
)
from app.reports.monthly import monthly_analysis
from app.roles import LoginRequired, NotPermitted
from app.zone import LOCAL_ZONE
from cli import main
from db.database import Database
from db.models import AuditEntry, EvaluationSample
from tests.cli_login import log_in_as
from tests.reports.feedback_data import HUAIYIN, seed_quarter
from tests.reports.test_monthly import build_month
from tests.reports.test_samples_draw import build as build_samples

from .helpers import PASSWORD, accounts

NOW = datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE)


@pytest.fixture(autouse=True)
def chinese(monkeypatch, stop_clock) -> None:
    stop_clock(NOW)
    monkeypatch.setattr("app.i18n._language", "zh")


def exports(database: Database) -> list[AuditEntry]:
    with database.sessions() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action.in_(["data.export", "backup.create"]))
                .order_by(AuditEntry.id)
            )
        )


def only_export(database: Database) -> AuditEntry:
    (entry,) = exports(database)
    with database.sessions() as session:
        assert verify_chain(session).intact
    return entry


def nothing_personal(entry: AuditEntry, *values: str) -> None:
    text = json.dumps([entry.before, entry.after], ensure_ascii=False)
    for value in values:
        assert value not in text


def run(database: Database, *args: str) -> int:
    return main(["--db", database.url, *args])


# The monthly analysis: its 附录 F ledger has names and the numbers dialled in full.


def test_the_monthly_workbook_from_the_command_line_is_audited(sqlite_db, tmp_path, monkeypatch):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    with sqlite_db.sessions() as session:
        analysis = monthly_analysis(session, 2026, 8)
    assert analysis.ledger_rows and analysis.dissatisfaction.entries
    log_in_as(monkeypatch, "operator", PASSWORD)  # any role may read the month
    path = tmp_path / "八月.xlsx"
    args = ("report", "monthly", "--year", "2026", "--month", "8", "--format", "xlsx")
    assert run(sqlite_db, *args, "-o", str(path)) == 0
    assert path.exists()
    entry = only_export(sqlite_db)
    assert entry.actor == f"王芳 (#{people.operator})"
    assert entry.after == {
        "what": "monthly_analysis",
        "file": str(path),
        "rows": len(analysis.ledger_rows),
        "period": "2026-08",
        "format": "xlsx",
        "dissatisfied": len(analysis.dissatisfaction.entries),
    }
    nothing_personal(entry, "申请人", "0531-8612", "8612")


def test_the_monthly_json_shows_numbers_in_full_and_is_audited_on_the_terminal_too(
    sqlite_db, tmp_path, monkeypatch, capsys
):
    people = accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    log_in_as(monkeypatch, "lead", PASSWORD)
    assert run(sqlite_db, "report", "monthly", "--year", "2026", "--month", "8") == 0
    assert "0531-86120001" in capsys.readouterr().out  # in full: that is why it is audited
    path = tmp_path / "m.json"
    assert (
        run(sqlite_db, "report", "monthly", "--year", "2026", "--month", "8", "-o", str(path)) == 0
    )
    terminal, written = exports(sqlite_db)
    assert terminal.actor == written.actor == f"张组长 (#{people.lead})"
    assert (terminal.after["file"], terminal.after["format"]) == (None, "json")
    assert (written.after["file"], written.after["format"]) == (str(path), "json")
    assert terminal.after["rows"] == written.after["rows"] > 0


def test_a_workbook_that_cannot_be_written_is_said_and_leaves_no_entry(
    sqlite_db, tmp_path, monkeypatch, capsys
):
    accounts(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    log_in_as(monkeypatch, "admin", PASSWORD)
    target = tmp_path / "八月.xlsx"

    def disk_full(*_args) -> None:  # after the arguments were checked
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(app.reports.exports, "write_monthly_xlsx", disk_full)
    monkeypatch.setattr(app.reports.exports, "write_sample_xlsx", disk_full)
    args = ("report", "monthly", "--year", "2026", "--month", "8", "--format", "xlsx")
    code = run(sqlite_db, *args, "-o", str(target))
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("无法写入文件：磁盘空间已满"), err
    assert "Traceback" not in err
    sample = ("--from", "2026-07-01", "--to", "2026-07-31", "--size", "1", "-o", str(target))
    assert run(sqlite_db, "report", "sample", *sample) == 2
    assert exports(sqlite_db) == []
    with sqlite_db.sessions() as session:  # the sample that could not be written: not drawn
        assert session.scalars(select(EvaluationSample)).all() == []


def test_the_service_refuses_a_door_that_did_not_log_in(sqlite_db, tmp_path):
    accounts(sqlite_db)  # somebody has a password: nobody (None) is refused
    path = tmp_path / "m.xlsx"
    with pytest.raises(LoginRequired), sqlite_db.sessions.begin() as session:
        export_monthly_xlsx(session, 2026, 8, path, by_id=None)
    assert not path.exists() and exports(sqlite_db) == []


# Each unit's feedback and the staff assessment: what citizens said, about whom.


def test_the_feedback_workbook_from_the_command_line_is_audited(sqlite_db, tmp_path, monkeypatch):
    seed_quarter(sqlite_db)
    people = accounts(sqlite_db)
    log_in_as(monkeypatch, "operator", PASSWORD)
    path = tmp_path / "反馈.xlsx"
    args = ("report", "feedback", "--year", "2026", "--quarter", "3")
    assert run(sqlite_db, *args, "-o", str(path)) == 0
    assert run(sqlite_db, *args, "--unit", HUAIYIN, "-o", str(tmp_path / "槐荫.xlsx")) == 0
    city, one = exports(sqlite_db)
    assert city.actor == f"王芳 (#{people.operator})"
    assert city.after == {
        "what": "unit_feedback",
        "file": str(path),
        "rows": 10,
        "period": "2026-Q3",
        "units": 5,
    }
    assert one.after["unit"] == HUAIYIN and one.after["rows"] == 2
    nothing_personal(city, "态度生硬", "空调")


def test_the_screens_unit_filter_decides_what_the_service_exports(sqlite_db, tmp_path):
    seed_quarter(sqlite_db)
    with sqlite_db.sessions.begin() as session:
        report = export_feedback_xlsx(
            session, 2026, 3, tmp_path / "f.xlsx", by_id=None, units={HUAIYIN, "没有这个单位"}
        )
    assert [unit.unit for unit in report.units] == [HUAIYIN] and report.unit == HUAIYIN
    assert only_export(sqlite_db).after["rows"] == 2


def test_the_staff_assessment_to_a_file_is_audited_on_the_terminal_it_is_not(
    sqlite_db, tmp_path, monkeypatch, capsys
):
    seed_quarter(sqlite_db)
    people = accounts(sqlite_db)
    args = ("report", "staff", "--year", "2026", "--quarter", "3")
    log_in_as(monkeypatch, "operator", PASSWORD)  # not an operator's to see
    assert run(sqlite_db, *args, "--format", "xlsx", "-o", str(tmp_path / "no.xlsx")) == 2
    assert not (tmp_path / "no.xlsx").exists()
    log_in_as(monkeypatch, "auditor", PASSWORD)
    assert run(sqlite_db, *args) == 0  # the figures on the terminal, as on the screen
    assert "杨帆" in capsys.readouterr().out and exports(sqlite_db) == []
    book = tmp_path / "考核.xlsx"
    assert run(sqlite_db, *args, "--format", "xlsx", "-o", str(book)) == 0
    assert run(sqlite_db, *args, "-o", str(tmp_path / "考核.json")) == 0
    workbook, figures = exports(sqlite_db)
    assert workbook.actor == figures.actor == f"钱审计 (#{people.auditor})"
    assert workbook.after == {
        "what": "staff_assessment",
        "file": str(book),
        "rows": 6,  # the work orders listed
        "period": "2026-Q3",
        "format": "xlsx",
        "people": 5,
    }
    assert (figures.after["format"], figures.after["rows"]) == ("json", 5)
    nothing_personal(workbook, "杨帆", "张晓燕")


# Evaluation samples: the applicants with their answers.


def test_a_sample_drawn_from_the_command_line_is_audited_and_names_who_drew_it(
    sqlite_db, tmp_path, monkeypatch, capsys
):
    with sqlite_db.sessions.begin() as session:
        build_samples(session)
    people = accounts(sqlite_db)
    log_in_as(monkeypatch, "lead", PASSWORD)
    path = tmp_path / "样本.xlsx"
    args = ("--from", "2026-07-01", "--to", "2026-07-31", "--size", "3", "--seed", "7")
    assert run(sqlite_db, "report", "sample", *args, "-o", str(path)) == 0
    entry = only_export(sqlite_db)
    with sqlite_db.sessions() as session:
        sample = session.scalar(select(EvaluationSample))
    assert sample.drawn_by == "张组长"  # the person logged in, never a typed name
    assert entry.actor == f"张组长 (#{people.lead})"
    assert entry.after == {
        "what": "evaluation_sample",
        "file": str(path),
        "rows": 3,
        "period": "2026-07-01..2026-07-31",
        "sample": sample.id,
    }
    nothing_personal(entry, "张三")


def test_a_sample_for_an_unknown_unit_is_refused_and_nothing_is_kept(sqlite_db, tmp_path):
    with sqlite_db.sessions.begin() as session:
        build_samples(session)
    request = SampleRequest(date(2026, 7, 1), date(2026, 7, 31), 2, unit_names=["=1+1"])
    with pytest.raises(ValueError, match="没有这个受理单位"), sqlite_db.sessions.begin() as s:
        export_sample_xlsx(s, request, tmp_path / "s.xlsx", by_id=None)
    assert exports(sqlite_db) == [] and not (tmp_path / "s.xlsx").exists()


# Backups: who made one, which file, how many records.


def test_a_backup_from_the_command_line_is_audited(sqlite_db, tmp_path, monkeypatch):
    with sqlite_db.sessions.begin() as session:
        build_month(session)
    people = accounts(sqlite_db)
    log_in_as(monkeypatch, "operator", PASSWORD)
    refused = tmp_path / "refused.zip"
    assert run(sqlite_db, "backup", "create", "-o", str(refused)) == 2  # administrators only
    assert not refused.exists() and exports(sqlite_db) == []
    log_in_as(monkeypatch, "admin", PASSWORD)
    path = tmp_path / "手动.zip"
    assert run(sqlite_db, "backup", "create", "-o", str(path)) == 0
    entry = only_export(sqlite_db)
    assert (entry.action, entry.entity, entry.actor) == (
        "backup.create",
        "backup",
        f"赵管理 (#{people.admin})",
    )
    assert entry.after["file"] == str(path) and entry.after["kind"] == "manual"
    assert entry.after["counts"]["cases"] == 11 and entry.after["counts"]["staff"] == 6
    assert entry.after["records"] > 11 + 6
    nothing_personal(entry, "申请人", "0531")


def test_the_daily_backup_is_audited_without_anybody(sqlite_db, tmp_path):
    path = tmp_path / "daily.zip"
    create_backup(sqlite_db, path, kind=DAILY)
    entry = only_export(sqlite_db)
    assert entry.actor is None and entry.after["kind"] == "daily"


def test_a_backup_whose_entry_cannot_be_kept_is_removed(sqlite_db, tmp_path, monkeypatch):
    import app.audit

    def broken(*_args, **_kwargs):
        raise RuntimeError("the trail is unreachable")

    monkeypatch.setattr(app.audit, "record_change", broken)
    path = tmp_path / "unaudited.zip"
    with pytest.raises(RuntimeError):
        create_backup(sqlite_db, path, by_id=None)
    assert not path.exists()


# The entry itself.


def test_an_export_entry_has_a_title_and_takes_its_details(sqlite_db, tmp_path):
    assert {"data.export", "backup.create", "complaint.contact_shown"} <= set(ACTION_TITLES)
    with sqlite_db.sessions.begin() as session:
        record_export(
            session,
            actor_id=None,
            what="x",
            path=Path("relative.xlsx"),
            rows=0,
            details={"period": "2026-08"},
        )
    entry = only_export(sqlite_db)
    assert entry.after == {
        "what": "x",
        "file": str(Path("relative.xlsx").absolute()),  # where it went, whatever the directory
        "rows": 0,
        "period": "2026-08",
    }


def test_roles_are_the_services_own_whoever_calls(sqlite_db, tmp_path):
    from app.reports.exports import export_assessment

    seed_quarter(sqlite_db)
    people = accounts(sqlite_db)
    with pytest.raises(NotPermitted), sqlite_db.sessions.begin() as session:
        export_assessment(session, 2026, 3, tmp_path / "a.xlsx", by_id=people.operator)
    assert exports(sqlite_db) == []


# The printed complaint form (H.1): the complainant's name and contact.


def test_a_complaint_form_not_written_leaves_neither_file_nor_entry(
    sqlite_db, tmp_path, monkeypatch
):
    import app.printing.complaint_forms as forms
    from app.complaints.registry import ComplaintInput, register_complaint
    from db.models import Staff, Unit

    with sqlite_db.sessions.begin() as session:
        unit, operator = Unit(name="滨湖区不动产登记中心"), Staff(name="李晓燕", role="operator")
        session.add_all([unit, operator])
        session.flush()
        complaint = register_complaint(
            session,
            ComplaintInput(
                content="收取额外费用",
                channel="phone",
                category="filed",
                contact="13951234567",
                unit_id=unit.id,
            ),
            by_id=operator.id,
        )
        ids = (complaint.id, operator.id)
    folder = tmp_path / "forms"
    folder.mkdir()
    path = folder / "H1.pdf"
    with sqlite_db.sessions.begin() as session:
        forms.save_complaint_form(session, ids[0], path, by_id=ids[1])
    entry = only_export(sqlite_db)
    assert entry.after["what"] == "complaint_form" and entry.after["file"] == str(path)
    nothing_personal(entry, "13951234567")

    def disk_full(_session, _id, partial, _now=None):
        Path(partial).write_bytes(b"%PDF half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(forms, "complaint_form_pdf", disk_full)
    again = folder / "again.pdf"
    with pytest.raises(OSError), sqlite_db.sessions.begin() as session:
        forms.save_complaint_form(session, ids[0], again, by_id=ids[1])
    assert sorted(p.name for p in folder.iterdir()) == ["H1.pdf"]  # no half file, no .partial
    assert len(exports(sqlite_db)) == 1
