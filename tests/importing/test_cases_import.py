"""Importing the registration system's export of completed cases."""

from __future__ import annotations

import json
from contextlib import nullcontext
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import Cancelled
from app.importing import FileRefused, import_file
from app.importing.unknown_units import UnitAction, UnitChoice, UnitChoices
from db.engine import SQLITE_BULK_CACHE_KIB
from db.models import Case, CasePhone, ImportBatch, Staff, Unit

from .helpers import CASE_HEADER, case_row, count, rejected_lines, run_import


def load_case(db, case_no: str) -> Case | None:
    with db.sessions() as session:
        case = session.scalar(select(Case).where(Case.case_no == case_no))
        if case is not None:
            _ = case.unit, case.handler, case.phones  # load before the session closes
            session.expunge_all()
        return case


def messy_rows() -> list[list]:
    """An export as real ones come: title rows, spaced and aliased headers, mixed styles."""
    header = [
        " 业务编号 ",
        "登记类型",  # alias of 办理事项类型
        "受理\u3000单位",  # a full-width space inside
        "所属区县",
        "受理日期",
        "办结 日期",
        "申请人",
        "联系电话",
        "是否企业",
        "企业名称",
        "坐落",  # the other spelling of 座落
        "经办人",
        "办理渠道",
        "办理环节数",
        "办理天数",
        "登记费（元）",
        "契税",
        "印花税",
    ]
    assert len(header) == len(CASE_HEADER)
    return [
        ["济南市不动产登记中心办结业务清单", "", "", ""],
        ["导出时间：2026年10月8日", "", "", ""],
        header,
        [
            "ＪＮ２０２６０７０５０００１",  # full-width digits and letters
            "转移登记",
            "历下区不动产登记中心",
            "历下区",
            "2026/7/1",
            "2026年7月5日",
            "张三",
            "13812345678",
            "否",
            "",
            "历下区泉城路1号",
            "李四",
            "窗口办理",
            "３",
            "2天",
            "80",
            "1,234.50",
            "",
        ],
        [
            "JN202607060002",
            "抵押权首次登记",
            " 历下区不动产登记中心 ",
            "历下区",
            "2026-07-02",
            "2026-07-06",
            "济南某某置业有限公司",
            "(0531)86123456-801；+86 138 1234 5678",
            "是",
            "济南某某置业有限公司",
            "历下区经十路2号",
            "李四",
            "全程网办",
            "2",
            "",
            "550",
            "",
            "5",
        ],
        [],
        [
            "JN202607070003",
            "更正登记",
            "市中区不动产登记中心",
            "市中区",
            "",
            "2026.7.7",
            "王五",
            "",  # no number at all: imported, flagged
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls"])
def test_messy_export_is_read_into_cases(sqlite_db, make_file, suffix):
    options = {"encoding": "gb18030"} if suffix == ".csv" else {}
    path = make_file(f"export{suffix}", messy_rows(), **options)
    summary = run_import(sqlite_db, "cases", path)

    assert summary.imported
    assert summary.rejected == []
    assert summary.header_line == 3
    assert (summary.rows, summary.inserted, summary.updated, summary.unchanged) == (3, 3, 0, 0)
    assert summary.flagged == {"no_valid_phone": 1}

    first = load_case(sqlite_db, "JN202607050001")
    assert first is not None
    assert first.business_type == "转移登记"
    assert first.unit.name == "历下区不动产登记中心"
    assert first.unit.district == "历下区"
    assert (first.accepted_on, first.completed_on) == (date(2026, 7, 1), date(2026, 7, 5))
    assert first.applicant == "张三"
    assert first.is_enterprise is False
    assert first.location == "历下区泉城路1号"
    assert first.handler is not None and first.handler.name == "李四"
    assert first.handler.unit_id == first.unit_id
    assert first.channel == "window"
    assert (first.steps, first.days) == (3, 2)
    assert (first.registration_fee_fen, first.deed_tax_fen, first.stamp_duty_fen) == (
        8000,
        123450,
        None,
    )
    assert first.has_valid_phone is True
    assert [(p.original, p.e164, p.extension, p.kind) for p in first.phones] == [
        ("13812345678", "+8613812345678", None, "mobile")
    ]

    second = load_case(sqlite_db, "JN202607060002")
    assert second.unit_id == first.unit_id  # the same unit despite the stray spaces
    assert second.handler_id == first.handler_id
    assert second.is_enterprise is True
    assert second.enterprise_name == "济南某某置业有限公司"
    assert second.channel == "online"
    assert second.days is None
    assert [(p.position, p.original, p.e164, p.extension) for p in second.phones] == [
        (0, "(0531)86123456-801", "+8653186123456", "801"),
        (1, "+86 138 1234 5678", "+8613812345678", None),
    ]

    third = load_case(sqlite_db, "JN202607070003")
    assert third.unit.name == "市中区不动产登记中心"
    assert third.accepted_on is None
    assert third.completed_on == date(2026, 7, 7)
    assert third.has_valid_phone is False
    assert third.phones == []
    assert third.handler_id is None

    assert count(sqlite_db, Unit) == 2
    assert count(sqlite_db, Staff) == 1


def test_real_date_and_number_cells_in_xlsx(sqlite_db, make_file):
    row = case_row("JN001", 受理日期=date(2026, 7, 1), 办结日期=date(2026, 7, 5))
    row[CASE_HEADER.index("联系电话")] = 13812345678  # a phone number typed as a number
    row[CASE_HEADER.index("登记费")] = 80
    row[CASE_HEADER.index("契税")] = 1234.5
    row[CASE_HEADER.index("办理环节数")] = 3
    path = make_file("export.xlsx", [CASE_HEADER, row])
    summary = run_import(sqlite_db, "cases", path)
    assert summary.rejected == []
    case = load_case(sqlite_db, "JN001")
    assert (case.accepted_on, case.completed_on) == (date(2026, 7, 1), date(2026, 7, 5))
    assert (case.registration_fee_fen, case.deed_tax_fen, case.steps) == (8000, 123450, 3)
    assert [(p.original, p.e164) for p in case.phones] == [("13812345678", "+8613812345678")]


def test_excel_serials_as_text(sqlite_db, make_file):
    path = make_file(
        "export.csv", [CASE_HEADER, case_row("JN001", 受理日期="46204", 办结日期="46208")]
    )
    run_import(sqlite_db, "cases", path)
    case = load_case(sqlite_db, "JN001")
    assert (case.accepted_on, case.completed_on) == (date(2026, 7, 1), date(2026, 7, 5))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("是", True),
        ("否", False),
        ("", False),
        ("企业", True),
        ("个人", False),
        ("非企业", False),
        ("自然人", False),
        ("Y", True),
        ("1", True),
    ],
)
def test_enterprise_flag(sqlite_db, make_file, cell, expected):
    path = make_file("export.csv", [CASE_HEADER, case_row("JN001", 是否企业=cell)])
    summary = run_import(sqlite_db, "cases", path)
    assert summary.rejected == []
    assert load_case(sqlite_db, "JN001").is_enterprise is expected


def test_phone_numbers_are_parsed_and_kept_as_written(sqlite_db, make_file):
    rows = [
        CASE_HEADER,
        case_row("JN001", 联系电话="+86 138 1234 5678"),
        case_row("JN002", 联系电话="0531-86123456"),
        case_row("JN003", 联系电话="(0510)82712345-801"),
        case_row("JN004", 联系电话="１３８１２３４５６７８"),
        case_row("JN005", 联系电话="13812345678；0531-86123456转12"),
        # Two numbers on two lines of one cell (Alt+Enter), each written with spaces.
        case_row("JN006", 联系电话="138 1234 5678\n0531 8612 3456"),
        case_row("JN007", 联系电话="12345"),  # invalid: kept as written, case flagged
        case_row("JN008", 联系电话="无"),
        case_row("JN009", 联系电话=""),
    ]
    summary = run_import(sqlite_db, "cases", make_file("export.csv", rows))
    assert summary.rejected == []
    assert summary.inserted == 9  # an invalid or missing number never rejects the case
    assert summary.flagged == {"no_valid_phone": 3}

    with sqlite_db.sessions() as session:
        phones = {
            case_no: [(p.original, p.e164, p.extension) for p in phones]
            for case_no, phones in (
                (c.case_no, c.phones) for c in session.scalars(select(Case).order_by(Case.id))
            )
        }
        valid = dict(session.execute(select(Case.case_no, Case.has_valid_phone)).all())
    assert phones == {
        "JN001": [("+86 138 1234 5678", "+8613812345678", None)],
        "JN002": [("0531-86123456", "+8653186123456", None)],
        "JN003": [("(0510)82712345-801", "+8651082712345", "801")],
        "JN004": [("１３８１２３４５６７８", "+8613812345678", None)],
        "JN005": [
            ("13812345678", "+8613812345678", None),
            ("0531-86123456转12", "+8653186123456", "12"),
        ],
        "JN006": [
            ("138 1234 5678", "+8613812345678", None),
            ("0531 8612 3456", "+8653186123456", None),
        ],
        "JN007": [("12345", None, None)],
        "JN008": [("无", None, None)],
        "JN009": [],
    }
    assert {k for k, v in valid.items() if not v} == {"JN007", "JN008", "JN009"}


def test_rejected_rows_name_their_line_and_reason(sqlite_db, make_file):
    rows = [
        ["2026年第三季度办结业务"],  # line 1
        [],  # line 2 (blank)
        CASE_HEADER,  # line 3
        case_row("JN001"),  # line 4: fine
        case_row(""),  # line 5: no 业务编号
        case_row("JN003", 受理单位=""),  # line 6: no 受理单位
        case_row("JN004", 办结日期=""),  # line 7: no 办结日期
        case_row("JN005", 办结日期="2026-02-30"),  # line 8: not a date
        case_row("JN006", 办结日期="下周"),  # line 9: not a date
        case_row("JN007", 受理日期="2026-07-09", 办结日期="2026-07-05"),  # line 10
        case_row("JN008", 契税="12.345"),  # line 11: fen only
        case_row("JN009", 办理环节数="三"),  # line 12
        case_row("JN010", 是否企业="也许"),  # line 13
        case_row("JN011", 申请人="张" * 201),  # line 14: too long
        case_row("JN012"),  # line 15: fine
    ]
    summary = run_import(sqlite_db, "cases", make_file("export.csv", rows))
    assert summary.imported
    assert summary.inserted == 2
    assert rejected_lines(summary) == {
        5: "missing_value",
        6: "missing_value",
        7: "missing_value",
        8: "bad_date",
        9: "bad_date",
        10: "completed_before_accepted",
        11: "bad_money",
        12: "bad_count",
        13: "bad_flag",
        14: "too_long",
    }
    reasons = {r.line: r.reason("zh") for r in summary.rejected}
    assert "业务编号" in reasons[5]
    assert "受理单位" in reasons[6]
    assert "办结日期" in reasons[7]
    assert "2026-02-30" in reasons[8]
    assert "契税" in reasons[11]
    first = summary.rejected[0]
    assert first.cells[CASE_HEADER.index("受理单位")] == "历下区不动产登记中心"  # shown to the user
    assert {c for (c,) in _case_numbers(sqlite_db)} == {"JN001", "JN012"}
    text = summary.text("zh")
    assert "第 5 行" in text and "拒绝 10" in text
    assert summary.to_dict("en")["rejected"][0]["reason"] == "业务编号 is missing"


def _case_numbers(db):
    with db.sessions() as session:
        return session.execute(select(Case.case_no)).all()


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_spreadsheet_line_numbers_count_title_rows(sqlite_db, make_file, suffix):
    rows = [
        ["办结清单"],
        ["单位：济南"],
        CASE_HEADER,
        case_row("JN001"),
        case_row("JN002", 办结日期=""),
    ]
    summary = run_import(sqlite_db, "cases", make_file(f"export{suffix}", rows))
    assert summary.header_line == 3
    assert rejected_lines(summary) == {5: "missing_value"}


def test_identical_lines_count_once_and_conflicting_repeats_are_rejected(sqlite_db, make_file):
    rows = [
        CASE_HEADER,
        case_row("JN001"),  # line 2
        case_row("JN002"),  # line 3
        case_row("JN001"),  # line 4: the same line again
        case_row("ＪＮ００１"),  # line 5: the same case, written in full width
        case_row("JN002", 申请人="赵六"),  # line 6: the same number, other contents
        case_row("JN002", 申请人="赵六"),  # line 7: and again
    ]
    summary = run_import(sqlite_db, "cases", make_file("export.csv", rows))
    assert summary.inserted == 2
    assert summary.duplicates_in_file == 2
    assert rejected_lines(summary) == {6: "conflicting_duplicate", 7: "conflicting_duplicate"}
    assert summary.rejected[0].params == {"case_no": "JN002", "line": 3}
    assert "第 3 行" in summary.rejected[0].reason("zh")
    assert count(sqlite_db, Case) == 2
    assert load_case(sqlite_db, "JN002").applicant == "张三"  # the earlier line wins


def test_reimport_inserts_updates_and_leaves_unchanged(any_db, make_file):
    first = [CASE_HEADER] + [case_row(f"JN{i:03}") for i in range(1, 6)]
    run_import(any_db, "cases", make_file("q3.csv", first))

    again = run_import(any_db, "cases", make_file("q3.csv", first))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)

    # An overlapping export: two cases as before, one changed, two new ones, in xlsx this time.
    overlapping = [
        CASE_HEADER,
        case_row("JN001"),
        case_row("JN002", 受理日期=date(2026, 7, 1), 办结日期=date(2026, 7, 5)),  # same values
        case_row("JN003", 联系电话="13912345678", 契税="99"),
        case_row("JN006"),
        case_row("JN007"),
    ]
    summary = run_import(any_db, "cases", make_file("q3b.xlsx", overlapping))
    assert (summary.inserted, summary.updated, summary.unchanged) == (2, 1, 2)
    assert count(any_db, Case) == 7
    changed = load_case(any_db, "JN003")
    assert changed.deed_tax_fen == 9900
    assert [p.e164 for p in changed.phones] == ["+8613912345678"]
    assert count(any_db, CasePhone) == 7  # the old number of JN003 replaced, not added
    assert count(any_db, ImportBatch) == 3


@pytest.mark.parametrize(
    "phones",
    [
        "13812345678；13812345678",  # the same number twice in the cell
        "13812345678 / +86 138 1234 5678",
        "x" * 120,  # longer than the stored original
    ],
)
def test_reimport_of_unusual_phone_cells_is_unchanged(sqlite_db, make_file, phones):
    path = make_file("export.csv", [CASE_HEADER, case_row("JN001", 联系电话=phones)])
    assert run_import(sqlite_db, "cases", path).inserted == 1
    again = run_import(sqlite_db, "cases", path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)


def test_a_changed_unit_moves_the_case(sqlite_db, make_file):
    run_import(sqlite_db, "cases", make_file("a.csv", [CASE_HEADER, case_row("JN001")]))
    moved = [CASE_HEADER, case_row("JN001", 受理单位="天桥区不动产登记中心", 所属区县="天桥区")]
    new_unit = UnitChoices({"天桥区不动产登记中心": UnitChoice(UnitAction.NEW)})
    summary = run_import(sqlite_db, "cases", make_file("b.csv", moved), units=new_unit)
    assert summary.updated == 1
    case = load_case(sqlite_db, "JN001")
    assert case.unit.name == "天桥区不动产登记中心"
    assert case.district == "天桥区"
    assert case.handler.unit_id == case.unit_id  # 李四 of the new unit, not of the old one


def test_import_batch_records_the_file(sqlite_db, make_file):
    path = make_file("q3.csv", [CASE_HEADER, case_row("JN001"), case_row("JN002", 办结日期="")])
    summary = run_import(sqlite_db, "cases", path)
    with sqlite_db.sessions() as session:
        batch = session.scalars(select(ImportBatch)).one()
    assert (batch.kind, batch.filename) == ("cases", "q3.csv")
    import hashlib

    assert batch.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert batch.summary["inserted"] == 1
    assert batch.summary["rejected_count"] == 1
    assert batch.summary == json.loads(json.dumps(summary.to_dict("zh"), ensure_ascii=False))


def test_strict_refuses_the_whole_file(any_db, make_file):
    rows = [
        CASE_HEADER,
        case_row("JN001"),
        case_row("JN002", 办结日期="2026-13-01"),
        case_row("JN003"),
    ]
    path = make_file("export.csv", rows)
    summary = run_import(any_db, "cases", path, strict=True)
    assert not summary.imported
    assert summary.refusal.code == "strict_refused"
    assert rejected_lines(summary) == {3: "bad_date"}
    assert summary.inserted == 0
    assert count(any_db, Case) == 0
    assert count(any_db, Unit) == 0
    assert count(any_db, ImportBatch) == 0

    # Without --strict the same file imports its good rows.
    lenient = run_import(any_db, "cases", path)
    assert lenient.imported and lenient.inserted == 2
    assert count(any_db, Case) == 2


def test_strict_with_nothing_wrong_imports(sqlite_db, make_file):
    path = make_file("export.csv", [CASE_HEADER, case_row("JN001")])
    summary = run_import(sqlite_db, "cases", path, strict=True)
    assert summary.imported and summary.inserted == 1


def test_a_file_without_a_valid_row_is_refused(any_db, make_file):
    rows = [CASE_HEADER, case_row("JN001", 办结日期=""), case_row("", 办结日期="2026-07-05")]
    summary = run_import(any_db, "cases", make_file("export.csv", rows))
    assert not summary.imported
    assert summary.refusal.code == "no_valid_rows"
    assert count(any_db, Case) == 0
    assert count(any_db, ImportBatch) == 0


def test_header_only_is_refused(sqlite_db, make_file):
    with pytest.raises(FileRefused) as refused:
        run_import(sqlite_db, "cases", make_file("export.csv", [["标题"], CASE_HEADER]))
    assert refused.value.code == "no_rows"


@pytest.mark.parametrize("cancel_at", ["start", "checking", "storing"])
def test_cancelled_import_leaves_nothing(any_db, make_file, cancel_at):
    rows = [CASE_HEADER] + [case_row(f"JN{i:04}", 经办人=f"经办{i % 7}") for i in range(600)]
    path = make_file("export.csv", rows)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        stop = {"start": 0, "checking": total // 4, "storing": total * 3 // 4}[cancel_at]
        if done >= stop:
            raise Cancelled

    with pytest.raises(Cancelled):
        with any_db.sessions.begin() as session:
            import_file(session, "cases", path, progress=progress)
    assert calls and calls[-1][1] == 1200
    assert count(any_db, Case) == 0
    assert count(any_db, CasePhone) == 0
    assert count(any_db, Unit) == 0
    assert count(any_db, Staff) == 0
    assert count(any_db, ImportBatch) == 0


def test_progress_reaches_the_end(sqlite_db, make_file):
    rows = [CASE_HEADER] + [case_row(f"JN{i:04}") for i in range(50)]
    calls: list[tuple[int, int]] = []
    with sqlite_db.sessions.begin() as session:
        import_file(
            session, "cases", make_file("e.csv", rows), progress=lambda d, t: calls.append((d, t))
        )
    assert calls[0] == (0, 100)
    assert calls[-1] == (100, 100)
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


@pytest.mark.parametrize("cancel", [False, True])
def test_the_import_works_with_a_larger_cache_and_gives_it_back(sqlite_db, make_file, cancel):
    rows = [CASE_HEADER] + [case_row(f"JN{i:04}") for i in range(50)]
    sizes: list[int] = []
    with sqlite_db.sessions() as session:

        def cache_size() -> int:
            return session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()

        def progress(done: int, total: int) -> None:
            sizes.append(cache_size())
            if cancel and done >= total // 2:
                raise Cancelled

        default = cache_size()
        with pytest.raises(Cancelled) if cancel else nullcontext():
            import_file(session, "cases", make_file("e.csv", rows), progress=progress)
        after = cache_size()
    # In KiB; the first call of progress comes before, the last after.
    assert set(sizes[1 : None if cancel else -1]) == {-SQLITE_BULK_CACHE_KIB}
    assert after == default


def test_unreadable_file_leaves_nothing(any_db, tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04 damaged")
    with pytest.raises(FileRefused):
        run_import(any_db, "cases", path)
    assert count(any_db, ImportBatch) == 0


OTHER_LAYOUT = [
    ["件号", "办理机构名称", "归档日期", "联系人", "电话号码"],
    ["JN001", "历下区不动产登记中心", "2026-07-05", "张三", "13812345678"],
]


def test_other_layout_needs_a_mapping(sqlite_db, make_file):
    path = make_file("other.csv", OTHER_LAYOUT)
    with pytest.raises(FileRefused) as refused:
        run_import(sqlite_db, "cases", path)
    assert refused.value.code in {"header_not_found", "missing_columns"}
    assert "受理单位" in refused.value.message("zh")
    mapping = {
        "受理单位": "办理机构名称",
        "办结日期": "归档日期",
        "applicant": "联系人",
        "联系电话": "电话号码",
    }
    summary = run_import(sqlite_db, "cases", path, mapping=mapping)
    assert summary.inserted == 1
    case = load_case(sqlite_db, "JN001")
    assert case.unit.name == "历下区不动产登记中心"
    assert case.completed_on == date(2026, 7, 5)
    assert case.applicant == "张三"
    assert [p.e164 for p in case.phones] == ["+8613812345678"]


def test_mapping_overrides_the_usual_header(sqlite_db, make_file):
    rows = [
        ["业务编号", "受理单位", "办结日期", "归档日期"],
        ["JN001", "历下区不动产登记中心", "2026-07-05", "2026-07-09"],
    ]
    summary = run_import(
        sqlite_db, "cases", make_file("e.csv", rows), mapping={"completed_on": " 归档 日期 "}
    )
    assert summary.inserted == 1
    assert load_case(sqlite_db, "JN001").completed_on == date(2026, 7, 9)


@pytest.mark.parametrize(
    ("mapping", "code"),
    [
        ({"受理单位": "办理机构名称", "办结日期": "不存在的列"}, "mapping_unknown_column"),
        ({"不是字段": "办理机构名称"}, "mapping_unknown_field"),
    ],
)
def test_bad_mappings_are_refused(sqlite_db, make_file, mapping, code):
    with pytest.raises(FileRefused) as refused:
        run_import(sqlite_db, "cases", make_file("other.csv", OTHER_LAYOUT), mapping=mapping)
    assert refused.value.code == code


def test_missing_required_column_is_named(sqlite_db, make_file):
    rows = [["业务编号", "受理单位", "申请人"], ["JN001", "历下区不动产登记中心", "张三"]]
    with pytest.raises(FileRefused) as refused:
        run_import(sqlite_db, "cases", make_file("e.csv", rows))
    assert refused.value.code == "missing_columns"
    assert refused.value.params == {"columns": "办结日期"}
