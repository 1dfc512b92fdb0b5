"""The quarterly report written as Excel (XlsxWriter) and as PDF (reportlab, embedded font)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.importing import import_file
from app.printing import fonts
from app.printing.fonts import ChineseFontMissingError, register_chinese_font
from app.printing.quarterly_pdf import write_quarterly_pdf
from app.reports.quarterly import FAIL, PASS, QuarterlyReport, UnitQuarter, quarterly_report
from app.reports.quarterly_xlsx import (
    report_notes,
    report_title,
    shortfall,
    write_quarterly_xlsx,
)
from app.zone import LOCAL_ZONE

RED = "FFC00000"


def unit(rank: int, name: str, cases: int, revisited: int, score: int, grade: str) -> UnitQuarter:
    coverage = revisited / cases
    return UnitQuarter(
        unit=name,
        cases=cases,
        revisited=revisited,
        online=revisited - 2,
        phone=1,
        enterprise=1,
        coverage=coverage,
        meets_target=coverage >= 0.3,
        score_total=score,
        score_average=score / revisited,
        rank=rank,
        grade=grade,
        unreported_enterprise=rank % 3,
        revisited_by_deadline=revisited,
    )


@pytest.fixture
def quarterly() -> QuarterlyReport:
    return QuarterlyReport(
        year=2026,
        quarter=3,
        target=0.3,
        start=date(2026, 7, 1),
        end=date(2026, 9, 30),
        supplement_deadline=date(2026, 10, 10),
        generated_at=datetime(2026, 10, 12, 9, 30, tzinfo=LOCAL_ZONE),
        units=[
            unit(1, "槐荫区不动产登记中心", 57, 27, 47, PASS),
            unit(2, "市不动产登记中心专业大厅（高新区分厅）", 47, 15, 39, PASS),
            unit(3, "历下区不动产登记中心", 52, 13, 28, FAIL),
            unit(4, "历城区不动产登记中心", 51, 14, 24, FAIL),
        ],
    )


def xlsx_rows(path: Path) -> tuple[list[tuple], list[list]]:
    """All rows of the sheet, and the table's unit rows (between the header and 合计)."""
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "排名")
    table = []
    for row in rows[header + 1 :]:
        if row[1] in ("合计", None) or row[0] is None:
            break
        table.append(list(row))
    return rows, table


def all_text(rows: list[tuple]) -> str:
    return "\n".join(str(value) for row in rows for value in row if value is not None)


def test_xlsx_holds_title_units_in_rank_order_and_figures(quarterly, tmp_path):
    path = tmp_path / "q.xlsx"
    write_quarterly_xlsx(quarterly, path)
    rows, table = xlsx_rows(path)

    assert rows[0][0] == "2026年第3季度不动产登记回访评价情况通报" == report_title(quarterly)
    text = all_text(rows)
    assert "2026年7月1日至2026年9月30日" in text
    assert "2026年10月10日" in text  # the supplement deadline, in the notes
    assert "生成时间：2026年10月12日 09:30" in text
    assert [row[:2] for row in table] == [[u.rank, u.unit] for u in quarterly.units]
    for row, u in zip(table, quarterly.units, strict=True):
        assert row[2:7] == [u.cases, u.revisited, u.online, u.phone, u.enterprise]
        assert row[7] == pytest.approx(u.coverage)
        assert row[8] == ("是" if u.meets_target else "否")
        assert row[9] == u.score_total
        assert row[10] == pytest.approx(u.score_average, abs=0.005)
        assert row[11:] == [u.unreported_enterprise, u.grade]
    total = rows[rows.index(next(r for r in rows if r[1] == "合计"))]
    assert total[2:4] == (207, 69)


def test_xlsx_formats_coverage_as_percent_marks_shortfalls_red_and_has_a_chart(quarterly, tmp_path):
    path = tmp_path / "q.xlsx"
    write_quarterly_xlsx(quarterly, path)
    sheet = openpyxl.load_workbook(path).active
    header = next(cell.row for cell in sheet["A"] if cell.value == "排名")
    on_target, below = sheet.cell(header + 1, 8), sheet.cell(header + 3, 8)
    assert on_target.number_format == below.number_format == "0.00%"
    assert below.font.color is not None and below.font.color.rgb == RED
    assert on_target.font.color is None or on_target.font.color.rgb != RED
    assert sheet.cell(header + 3, 13).font.color.rgb == RED  # 不合格
    assert len(sheet._charts) == 1
    assert sheet.page_setup.orientation == "landscape"


def test_notes_state_the_rules_and_the_shortfall(quarterly):
    notes = "\n".join(report_notes(quarterly))
    for words in ("非常满意计5分", "满意计3分", "一般计2分", "未填报计0分", "30%", "3个工作日"):
        assert words in notes
    assert "回访覆盖率高者在前" in notes and "受理单位名称" in notes
    # 历下区: 13 of 52 → 16 needed for 30 %; 历城区: 14 of 51 → 16.
    assert "历下区不动产登记中心差3件" in notes
    assert "历城区不动产登记中心差2件" in notes
    assert shortfall(quarterly.units[0], 0.3) == 0

    unknown = replace(quarterly, supplement_deadline=None)
    assert "尚未录入工作日历" in "\n".join(report_notes(unknown))


def test_shortfall_agrees_with_the_reports_own_test_at_the_boundary():
    at_boundary = unit(1, "甲", 10, 2, 6, FAIL)
    assert shortfall(at_boundary, 0.3) == 1  # 3 of 10 is on target, though 0.3 * 10 > 3 in floats
    assert shortfall(at_boundary, 0.4) == 2


def test_an_empty_quarter_still_writes_both_files(quarterly, tmp_path):
    empty = replace(quarterly, units=[])
    write_quarterly_xlsx(empty, tmp_path / "q.xlsx")
    write_quarterly_pdf(empty, tmp_path / "q.pdf")
    rows, table = xlsx_rows(tmp_path / "q.xlsx")
    assert table == []
    assert "本季度没有办结的业务件。" in all_text(rows)
    assert (tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")


def pdf_fonts(path: Path) -> list[str]:
    """pdffonts' rows (one per font), or skip when poppler-utils is not installed."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    output = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return output.splitlines()[2:]


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_embeds_the_chinese_font_and_only_it(quarterly, tmp_path):
    path = tmp_path / "q.pdf"
    write_quarterly_pdf(quarterly, path)
    assert path.read_bytes().startswith(b"%PDF")
    rows = pdf_fonts(path)
    assert rows, "no fonts in the PDF"
    assert all("WenQuanYiMicroHei" in row for row in rows), rows
    # Columns: name type encoding emb sub uni object ID; a font not embedded shows as tofu.
    assert all(row.split()[-5] == "yes" for row in rows), rows


def test_pdf_text_holds_title_units_figures_and_page_numbers(quarterly, tmp_path):
    path = tmp_path / "q.pdf"
    write_quarterly_pdf(quarterly, path)
    text = pdf_text(path)
    flat = "".join(text.split())
    assert "2026年第3季度不动产登记回访评价情况通报" in flat
    for u in quarterly.units:
        assert "".join(u.unit.split()) in flat, u.unit
    assert "47.37%" in text and "25.00%" in text
    assert "2026年10月10日" in flat
    assert "第1页，共" in flat


def test_register_chinese_font_once_and_explain_a_missing_file(monkeypatch, tmp_path):
    assert register_chinese_font() == register_chinese_font() == fonts.FONT_NAME
    monkeypatch.setattr(fonts, "FONT_PATHS", (tmp_path / "none.ttc",))
    with pytest.raises(ChineseFontMissingError, match="none.ttc"):
        fonts.chinese_font_path()


def test_samples_exported_both_ways(sqlite_db, samples, tmp_path):
    for kind, name in (
        ("cases", "cases_2026q3.csv"),
        ("evaluations", "evaluations_2026q3.xlsx"),
        ("ledger", "ledger_2026q3.xlsx"),
    ):
        with sqlite_db.sessions.begin() as s:
            import_file(s, kind, samples / name)
    with sqlite_db.sessions() as s:
        result = quarterly_report(s, 2026, 3, today=date(2026, 10, 20))
    write_quarterly_xlsx(result, tmp_path / "q.xlsx")
    write_quarterly_pdf(result, tmp_path / "q.pdf")

    _rows, table = xlsx_rows(tmp_path / "q.xlsx")
    assert [(row[1], row[9]) for row in table] == [(u.unit, u.score_total) for u in result.units]
    assert len(table) == 7
    flat = "".join(pdf_text(tmp_path / "q.pdf").split())
    for u in result.units:
        assert u.unit in flat
