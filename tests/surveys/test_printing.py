"""The blank form and the analysis as PDFs: their text (pdftotext) and the embedded font (pdffonts)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.printing.survey_form import write_blank_survey_form
from app.surveys.exports import export_survey_analysis
from tests.surveys.quarter import build_quarter


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def fonts_of(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def embedded(path: Path) -> None:
    lines = [line for line in fonts_of(path).splitlines()[2:] if line.strip()]
    assert lines and all("WenQuanYi" in line for line in lines)
    assert all(line.split()[-5] == "yes" for line in lines)  # emb


def test_the_blank_form_as_appendix_e(tmp_path):
    path = tmp_path / "blank.pdf"
    write_blank_survey_form(path, outlet="滨湖区<不动产>登记中心 & 分馆", copies=2)
    text = text_of(path)
    flat = "".join(text.split())
    assert flat.count("群众满意度调查表") == 2  # two pages
    assert "感谢您对无锡自然资源规划" in flat
    assert "网点：滨湖区<不动产>登记中心&分馆" in flat
    for words in (
        "1、您的年龄：",
        "25岁以下□",
        "2、您对服务环境是否满意？",
        "8、您对自然资源规划“四全”服务网点总体印象是否满意？",
        "满意□一般□不满意□",
        "9、您平常通过哪些渠道了解",
        "社区□政府部门□电视报刊□网络□其他□",
        "10、您认为自然资源规划“四全”服务网点的工作还有哪些方面需要改善？",
    ):
        assert words in flat, words
    embedded(path)


def test_the_analysis_pdf(any_db, world, tmp_path):
    with any_db.sessions.begin() as session:
        build_quarter(session, world)
    path = tmp_path / "analysis.pdf"
    with any_db.sessions.begin() as session:
        export_survey_analysis(session, 2026, 2, path, by_id=world.operator, form="pdf")
    flat = "".join(text_of(path).split())
    assert "2026年第二季度群众满意度调查分析" in flat
    assert "滨湖区不动产登记中心：调查表3份，总体满意率62.5%" in flat
    assert "全部网点：调查表4份，总体满意率64.7%" in flat  # 11/17
    assert "增加停车位" in flat
    embedded(path)


def test_an_empty_quarter_still_prints(any_db, world, tmp_path):
    path = tmp_path / "empty.pdf"
    with any_db.sessions.begin() as session:
        export_survey_analysis(session, 2025, 1, path, by_id=world.operator, form="pdf")
    assert "没有录入或导入的调查表" in "".join(text_of(path).split())
