"""The printed score sheet (表 G.1) and the ranking, as PDF and Excel."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from app.assessment.service import finalize, new_assessment, score_item
from app.printing.assessment_sheet import save_assessment_sheet, save_ranking_pdf
from app.reports.assessment_xlsx import export_ranking_xlsx
from app.roles import NotPermitted
from db.models import AuditEntry
from tests.assessment.conftest import H1, H2_2025, add_surveys

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


def _text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _fonts(path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def _made(session, world, unit, period=H1, assessors="王建国、李晓燕"):
    return new_assessment(
        session, world.lead, unit_id=unit, kind="internal", period_start=period[0],
        period_end=period[1], assessed_on=period[1], assessors=assessors,
    )  # fmt: skip


def test_the_printed_sheet(sqlite_db, sqlite_world, tmp_path):
    world = sqlite_world
    with sqlite_db.sessions.begin() as session:
        add_surveys(session, world.binhu, date(2026, 3, 2), satisfied=88, other=12)
        earlier = _made(session, world, world.binhu, H2_2025)
        finalize(session, world.lead, earlier)
        made = _made(session, world, world.binhu)
        score_item(session, world.lead, made, 1, [(10, "3月5日<b>符合条件</b>不予受理")])
        finalize(session, world.lead, made)
        path = save_assessment_sheet(session, world.lead, made, tmp_path / "sheet.pdf")
    text = _text(path)
    for words in ("“四全”服务网点考核计分表", "评估项目", "序号", "考评内容", "考评标准", "标准分数",
                  "得分", "考核记录", "滨湖区不动产登记中心", "2026-01-01 至 2026-06-30",
                  "同城通办", "<b>符合条件</b>", "服务礼仪", "88.00%", "总分：29 分", "不合格",
                  "王建国、李晓燕", "与上次考核比较", "上次 32 分", "本次比上次 -3 分", "不是 100 分"):  # fmt: skip
        assert words in text.replace("\n", "") or words in text, words
    fonts = _fonts(path)
    assert "WenQuanYi" in fonts and " no " not in fonts.split("\n", 2)[2].replace("yes no", "")
    with sqlite_db.sessions.begin() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "data.export")).one()
        assert entry.after["what"] == "outlet_assessment_sheet"


def _embedded(fonts: str) -> bool:
    lines = fonts.strip().splitlines()[2:]
    return bool(lines) and all(line.split()[-5] == "yes" for line in lines)


def test_every_font_embedded(sqlite_db, sqlite_world, tmp_path):
    with sqlite_db.sessions.begin() as session:
        made = _made(session, sqlite_world, sqlite_world.binhu)
        path = save_assessment_sheet(session, sqlite_world.lead, made, tmp_path / "s.pdf")
    assert _embedded(_fonts(path))
    assert "草稿" in _text(path)


def test_the_ranking_in_pdf_and_excel(any_db, world, tmp_path):
    hostile = '=HYPERLINK("http://x","y")'
    with any_db.sessions.begin() as session:
        from db.models import Unit

        session.get_one(Unit, world.liangxi).name = hostile
        a = _made(session, world, world.binhu)
        score_item(session, world.lead, a, 1, [(5, "x")])
        finalize(session, world.lead, a)
        finalize(session, world.lead, _made(session, world, world.liangxi))
    with any_db.sessions.begin() as session:
        pdf = tmp_path / "rank.pdf"
        save_ranking_pdf(session, world.auditor, date(2026, 1, 1), date(2026, 12, 31), pdf)
        xlsx = tmp_path / "rank.xlsx"
        export_ranking_xlsx(session, world.auditor, date(2026, 1, 1), date(2026, 12, 31), xlsx)
    text = _text(pdf)
    assert "考核结果通报" in text and "滨湖区不动产登记中心" in text and "31.5" in text
    assert _embedded(_fonts(pdf))
    sheet = openpyxl.load_workbook(xlsx).active
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4, max_row=6)]
    assert rows[0] == ("名次", "网点", "考核类别", "考核期", "总分", "等次")
    assert rows[1][:2] == (1, hostile) and rows[1][4] == 32 and rows[1][5] == "不合格"
    assert rows[2][:2] == (2, "滨湖区不动产登记中心") and rows[2][4] == 31.5
    assert sheet.cell(5, 2).data_type == "s"  # text, not a formula
    with any_db.sessions.begin() as session:
        formats = [e.after["format"] for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "data.export").order_by(AuditEntry.id))]  # fmt: skip
        assert formats == ["pdf", "xlsx"]


def test_the_ranking_refused_to_an_operator_writes_no_file(sqlite_db, sqlite_world, tmp_path):
    with pytest.raises(NotPermitted), sqlite_db.sessions.begin() as session:
        export_ranking_xlsx(session, sqlite_world.operator, H1[0], H1[1], tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()
    assert not list(tmp_path.glob("*.partial"))
