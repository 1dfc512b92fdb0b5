"""`python main.py [--db URL] import cases|evaluations|ledger FILE [--mapping FILE] [--strict] [--json]`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from app import i18n
from cli import EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED
from db.database import open_database
from db.models import Case, Evaluation, ImportBatch, Unit

from .helpers import CASE_HEADER, EVALUATION_HEADER, case_row, count, evaluation_row

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def chinese_messages(monkeypatch):
    """Messages in Chinese, whatever the environment says; a test's --lang does not leak."""
    monkeypatch.delenv("REVISITDESK_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", "zh")


@pytest.fixture
def db_url(sqlite_url: str) -> str:
    return sqlite_url


def cli(db_url: str, *args: str) -> int:
    return main.main(["--db", db_url, *args])


def counts(db_url: str) -> tuple[int, int, int]:
    database = open_database(db_url)
    try:
        return (count(database, Case), count(database, Evaluation), count(database, ImportBatch))
    finally:
        database.close()


def test_import_prints_the_summary(db_url, make_file, capsys):
    path = make_file("cases.csv", [CASE_HEADER, case_row("JN001"), case_row("JN002")])
    assert cli(db_url, "import", "cases", str(path)) == EXIT_OK
    out = capsys.readouterr().out
    assert "cases.csv" in out
    assert "新增 2" in out
    assert counts(db_url) == (2, 0, 1)


def test_rejected_rows_still_exit_zero(db_url, make_file, capsys):
    rows = [["标题"], CASE_HEADER, case_row("JN001"), case_row("JN002", 办结日期="")]
    assert cli(db_url, "import", "cases", str(make_file("cases.csv", rows))) == EXIT_OK
    out = capsys.readouterr().out
    assert "第 4 行" in out and "办结日期" in out
    assert counts(db_url)[0] == 1


def test_json_summary(db_url, make_file, capsys):
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN001"), case_row("", 办结日期="2026-07-05")]
    code = cli(db_url, "import", "cases", str(make_file("cases.csv", rows)), "--json")
    assert code == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["kind"] == "cases"
    assert summary["imported"] is True
    assert summary["header_line"] == 1
    assert (summary["rows"], summary["inserted"], summary["duplicates_in_file"]) == (3, 1, 1)
    assert summary["rejected_count"] == 1
    assert summary["rejected"][0]["line"] == 4
    assert summary["rejected"][0]["code"] == "missing_value"
    assert "业务编号" in summary["rejected"][0]["reason"]


def test_english_messages(db_url, make_file, capsys):
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002", 办结日期="")]
    path = make_file("cases.csv", rows)
    assert main.main(["--db", db_url, "--lang", "en", "import", "cases", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "inserted 1" in out and "line 3: 办结日期 is missing" in out


def test_reimport_exits_zero_and_adds_nothing(db_url, make_file, capsys):
    path = make_file("cases.csv", [CASE_HEADER, case_row("JN001")])
    assert cli(db_url, "import", "cases", str(path)) == EXIT_OK
    capsys.readouterr()
    assert cli(db_url, "import", "cases", str(path), "--json") == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert (summary["imported"], summary["inserted"], summary["unchanged"]) == (True, 0, 1)
    assert counts(db_url) == (1, 0, 2)


def test_nothing_imported_exits_non_zero(db_url, make_file, capsys):
    rows = [CASE_HEADER, case_row("JN001", 受理单位=""), case_row("JN002", 办结日期="")]
    code = cli(db_url, "import", "cases", str(make_file("cases.csv", rows)), "--json")
    assert code == EXIT_NOT_IMPORTED
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] is False
    assert summary["refusal"]
    assert counts(db_url) == (0, 0, 0)


def test_strict_exits_non_zero_and_writes_nothing(db_url, make_file, capsys):
    rows = [CASE_HEADER, case_row("JN001"), case_row("JN002", 办结日期="2026-02-30")]
    path = make_file("cases.csv", rows)
    assert cli(db_url, "import", "cases", str(path), "--strict") == EXIT_NOT_IMPORTED
    out = capsys.readouterr().out
    assert "严格模式" in out and "第 3 行" in out
    assert counts(db_url) == (0, 0, 0)


def test_evaluations_before_cases_import_nothing(db_url, make_file, capsys):
    rows = [EVALUATION_HEADER, evaluation_row("JN001")]
    path = make_file("hcp.csv", rows)
    assert cli(db_url, "import", "evaluations", str(path)) == EXIT_NOT_IMPORTED
    assert "请先导入业务件" in capsys.readouterr().out
    assert counts(db_url) == (0, 0, 0)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cases.pdf", b"%PDF"),
        ("cases.xlsx", b"not a workbook"),
        ("cases.csv", "申请人,电话\r\n张三,13812345678\r\n".encode()),  # no header found
        ("cases.csv", "业务编号,受理单位,申请人\r\nJN001,历下区,张三\r\n".encode()),  # no 办结日期
        ("cases.csv", "业务编号,受理单位,办结日期\r\n".encode()),  # no data rows
    ],
)
def test_refused_files_exit_with_refusal(db_url, tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert cli(db_url, "import", "cases", str(path)) == EXIT_REFUSED
    captured = capsys.readouterr()
    assert captured.err.strip()  # the reason, on stderr
    assert cli(db_url, "import", "cases", str(path), "--json") == EXIT_REFUSED
    refusal = json.loads(capsys.readouterr().out)
    assert refusal["imported"] is False and refusal["refusal"]
    assert counts(db_url) == (0, 0, 0)


def test_missing_file(db_url, tmp_path, capsys):
    assert cli(db_url, "import", "cases", str(tmp_path / "nowhere.csv")) == EXIT_REFUSED
    assert "nowhere.csv" in capsys.readouterr().err


OTHER_LAYOUT = [
    ["办件清单"],
    ["件号", "办理机构名称", "归档日期", "电话号码"],
    ["JN001", "历下区不动产登记中心", "2026-07-05", "13812345678"],
]


@pytest.mark.parametrize(
    "mapping",
    [
        {"受理单位": "办理机构名称", "办结日期": "归档日期", "联系电话": "电话号码"},
        {"columns": {"unit": "办理机构名称", "completed_on": "归档日期"}},
    ],
)
def test_mapping_file(db_url, make_file, tmp_path, capsys, mapping):
    path = make_file("other.csv", OTHER_LAYOUT)
    assert cli(db_url, "import", "cases", str(path)) == EXIT_REFUSED
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8-sig")
    code = cli(db_url, "import", "cases", str(path), "--mapping", str(mapping_file), "--json")
    capsys.readouterr()
    assert code == EXIT_OK
    assert counts(db_url)[0] == 1


@pytest.mark.parametrize(
    "content", ["{not json", '["业务编号"]', '{"受理单位": 3}', '{"不是字段": "件号"}']
)
def test_bad_mapping_file_is_refused(db_url, make_file, tmp_path, capsys, content):
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(content, encoding="utf-8")
    path = make_file("other.csv", OTHER_LAYOUT)
    assert cli(db_url, "import", "cases", str(path), "--mapping", str(mapping_file)) == EXIT_REFUSED
    assert capsys.readouterr().err.strip()
    assert counts(db_url) == (0, 0, 0)


def test_main_py_as_a_program(sqlite_url, make_file):
    path = make_file("cases.csv", [CASE_HEADER, case_row("JN001")])
    url = sqlite_url
    result = subprocess.run(
        [sys.executable, "main.py", "--db", url, "import", "cases", str(path), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert json.loads(result.stdout)["inserted"] == 1


# Unknown units (issue 15): rejected by default, or mapped, or added, as the options say.

MISSPELT = "历下区不动产登记中"


def unit_names(db_url: str) -> list[str]:
    database = open_database(db_url)
    try:
        with database.sessions() as session:
            return list(session.scalars(select(Unit.name).order_by(Unit.name)))
    finally:
        database.close()


@pytest.fixture
def misspelt(db_url, make_file, capsys):
    """A database that knows 历下区不动产登记中心, and a file misspelling it twice and naming
    天桥区不动产登记中心 once."""
    cli(db_url, "import", "cases", str(make_file("first.csv", [CASE_HEADER, case_row("JN001")])))
    capsys.readouterr()
    rows = [
        CASE_HEADER,
        case_row("JN002", 受理单位=MISSPELT),
        case_row("JN003", 受理单位=MISSPELT),
        case_row("JN004", 受理单位="天桥区不动产登记中心"),
    ]
    return make_file("second.csv", rows)


def test_unknown_units_are_rejected_by_default_and_reported(db_url, misspelt, capsys):
    assert cli(db_url, "import", "cases", str(misspelt)) == EXIT_NOT_IMPORTED
    captured = capsys.readouterr()
    assert f"未知受理单位“{MISSPELT}”（2 行）：这些行被拒绝" in captured.out
    assert "未知受理单位“天桥区不动产登记中心”（1 行）：这些行被拒绝" in captured.out
    assert "第 2 行：受理单位“历下区不动产登记中”不是已有的单位" in captured.out
    assert "--unit-map" in captured.err  # how to import them
    assert unit_names(db_url) == ["历下区不动产登记中心"]
    assert counts(db_url)[0] == 1


def test_unit_map_and_new_units(db_url, misspelt, capsys):
    code = cli(
        db_url,
        "import",
        "cases",
        str(misspelt),
        "--unit-map",
        f"{MISSPELT}=历下区不动产登记中心",
        "--new-units",
        "天桥区不动产登记中心",
        "--json",
    )
    assert code == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["inserted"] == 3
    assert [(u["name"], u["rows"], u["action"], u["unit"]) for u in summary["unknown_units"]] == [
        (MISSPELT, 2, "mapped", "历下区不动产登记中心"),
        ("天桥区不动产登记中心", 1, "created", None),
    ]
    assert unit_names(db_url) == ["历下区不动产登记中心", "天桥区不动产登记中心"]


def test_a_mapping_is_remembered(db_url, misspelt, make_file, capsys):
    mapped = f"{MISSPELT}＝历下区不动产登记中心"  # typed with a full-width 等号
    assert cli(db_url, "import", "cases", str(misspelt), "--unit-map", mapped) == EXIT_OK
    capsys.readouterr()
    later = make_file("later.csv", [CASE_HEADER, case_row("JN010", 受理单位=MISSPELT)])
    assert cli(db_url, "import", "cases", str(later)) == EXIT_OK
    captured = capsys.readouterr()
    assert "新增 1" in captured.out and "未知受理单位" not in captured.out
    assert counts(db_url)[0] == 4  # JN001, JN002, JN003 and now JN010; 天桥区's row rejected


def test_new_units_all(db_url, misspelt, capsys):
    assert cli(db_url, "import", "cases", str(misspelt), "--new-units-all") == EXIT_OK
    assert "已新建为单位" in capsys.readouterr().out
    assert unit_names(db_url) == [MISSPELT, "历下区不动产登记中心", "天桥区不动产登记中心"]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--unit-map", "历下区不动产登记中"], "应写成"),
        (["--unit-map", f"{MISSPELT}=不存在的中心"], "不存在的中心"),
        (["--unit-map", f"{MISSPELT}=历下区不动产登记中心", "--new-units", MISSPELT], "两次"),
    ],
)
def test_unusable_unit_options_are_refused(db_url, misspelt, capsys, options, words):
    assert cli(db_url, "import", "cases", str(misspelt), *options) == EXIT_REFUSED
    assert words in capsys.readouterr().err
    assert counts(db_url)[0] == 1
    assert unit_names(db_url) == ["历下区不动产登记中心"]


def test_a_choice_naming_no_unknown_unit_is_noted(db_url, misspelt, capsys):
    code = cli(db_url, "import", "cases", str(misspelt), "--new-units-all", "--new-units", "某中心")
    assert code == EXIT_OK
    assert "“某中心”不是这个文件中的未知受理单位" in capsys.readouterr().err


def test_the_unit_options_are_explained_in_both_languages(capsys):
    with pytest.raises(SystemExit):
        main.main(["import", "cases", "--help"])  # unit options are for case files
    help_text = capsys.readouterr().out
    for words in ("--unit-map", "--new-units-all", "remember", "记住", "未知受理单位"):
        assert words in help_text
