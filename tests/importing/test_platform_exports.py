"""Evaluation exports in other platforms' layouts, written here (none is in the samples): codes
in both directions, default ratings marked three ways, 追评, 审核状态, anonymity and 差评标签 —
against the expected queue and the expected scoring (J 5.1.2, 5.4.1; SPEC rules 18, 19)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from app import i18n
from app.desk.due import counts_as_revisit, due_case_ids
from app.desk.queue import refresh_queue
from app.importing import FileRefused
from app.importing.profiles import BUILTIN, save_profile
from app.importing.validity import scores
from app.ratings import RATING_SCORES, Channel, Rating
from app.reports.quarterly import quarter_bounds
from app.settings import set_setting
from app.zone import LOCAL_ZONE
from cli import EXIT_OK, EXIT_REFUSED
from db.models import CallbackTask, Case, Evaluation, ImportBatch, QueueEntry

from .helpers import CASE_HEADER, case_row, count, rejected_lines, run_import

Q3 = quarter_bounds(2026, 3)

# A Zhejiang-style interface export: English headers, satisfaction 1 = 非常不满意 … 5 = 非常满意,
# pf 7 = 系统默认评价, an isdefault flag, assessNumber 2 = 追评, auditStatus 0/1.
ZJ_HEADER = [
    "projectNo",
    "assessTime",
    "pf",
    "satisfaction",
    "writingEvaluation",
    "assessNumber",
    "userName",
    "auditStatus",
    "evalDetail",
    "areaCode",
    "isdefault",
]
# (case, time, pf, satisfaction, text, assessNumber, user, audit, labels, area, isdefault)
ZJ_ROWS = [
    ("ZJ01", datetime(2026, 7, 3, 10), 2, 5, "", 1, "张三", 1, "", 370102, 0),
    ("ZJ02", datetime(2026, 7, 4, 9), 1, 1, "等了太久", 1, "李四", 1, "01,03", 370102, 0),
    ("ZJ03", datetime(2026, 7, 8, 0), 7, 5, "", 1, "", 1, "", 370102, 0),  # 系统默认评价
    ("ZJ03", datetime(2026, 7, 12, 15), 2, 2, "还是不满意", 2, "王五", 1, "", 370102, 0),  # 追评
    ("ZJ04", datetime(2026, 7, 5, 11), 3, 4, "", 1, "赵六", 0, "", 370102, 0),  # not yet 审核
    ("ZJ05", datetime(2026, 7, 15, 8), 2, 3, "", 1, "孙七", 1, "", 370102, 0),  # after the week
    ("ZJ07", datetime(2026, 7, 6, 16), 2, 4, "补充", 2, "周八", 1, "", 370102, 0),  # 追评 only
    ("ZJ08", datetime(2026, 7, 9, 0), 2, 5, "", 1, "", 1, "", 370102, 1),  # isdefault
]
ZJ_CASES = [f"ZJ0{n}" for n in range(1, 9)]  # all completed 2026-07-01; ZJ06 never evaluated


@pytest.fixture(autouse=True)
def chinese_messages(monkeypatch):
    monkeypatch.delenv("REVISITDESK_LANG", raising=False)
    monkeypatch.setattr(i18n, "_language", "zh")


def load_cases(db, make_file, numbers: list[str], completed: str) -> None:
    rows = [CASE_HEADER] + [case_row(n, 办结日期=completed, 受理日期=completed) for n in numbers]
    assert run_import(db, "cases", make_file(f"cases-{numbers[0]}.csv", rows)).inserted == len(
        numbers
    )


def zhejiang_file(make_file, suffix: str, rows=ZJ_ROWS, name: str = "zj") -> Path:
    """The export as the platform writes it: real numbers and times in .xlsx, text in .csv."""
    if suffix == ".csv":
        body = [
            [c.strftime("%Y-%m-%d %H:%M:%S") if isinstance(c, datetime) else str(c) for c in row]
            for row in rows
        ]
    else:
        body = [list(row) for row in rows]
    return make_file(f"{name}{suffix}", [ZJ_HEADER, *body])


def by_case(db) -> dict[str, list[Evaluation]]:
    with db.sessions() as session:
        found: dict[str, list[Evaluation]] = {}
        rows = session.execute(
            select(Case.case_no, Evaluation)
            .join(Case, Case.id == Evaluation.case_id)
            .order_by(Evaluation.evaluated_at)
        ).all()
        for case_no, evaluation in rows:
            found.setdefault(case_no, []).append(evaluation)
        session.expunge_all()
        return found


def scoring(db) -> dict[str, Evaluation]:
    """Each case's scoring evaluation (cases.first_evaluation_id)."""
    with db.sessions() as session:
        rows = session.execute(
            select(Case.case_no, Evaluation).join(
                Evaluation, Evaluation.id == Case.first_evaluation_id
            )
        ).all()
        session.expunge_all()
        return dict(rows)


def scored_points(db, invalid_scores: bool) -> tuple[int, int, int]:
    """(cases scoring, points, valid revisits) as a report reads them through the shared
    conditions (app.importing.validity.scores, app.desk.due.counts_as_revisit)."""
    points = 0
    scoring_cases = revisits = 0
    with db.sessions() as session:
        rows = session.execute(
            select(Evaluation.overall, scores(Evaluation, invalid_scores), counts_as_revisit())
            .select_from(Case)
            .join(Evaluation, Evaluation.id == Case.first_evaluation_id)
        ).all()
    for overall, scored, revisit in rows:
        if scored:
            scoring_cases += 1
            points += RATING_SCORES[Rating(overall)]
        revisits += bool(revisit)
    return scoring_cases, points, revisits


def due(db, today: date, quarter=Q3) -> set[str]:
    with db.sessions() as session:
        ids = due_case_ids(session, today, *quarter)
        return set(session.scalars(select(Case.case_no).where(Case.id.in_(ids))))


# --- A Zhejiang-style export, both file types --------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_zhejiang_style_export_gives_the_expected_queue_and_scoring(any_db, make_file, suffix):
    load_cases(any_db, make_file, ZJ_CASES, "2026-07-01")
    summary = run_import(
        any_db, "evaluations", zhejiang_file(make_file, suffix), profile="zhejiang"
    )
    assert summary.rejected == []
    assert summary.profile == "zhejiang"
    assert summary.inserted == len(ZJ_ROWS)
    assert summary.flagged == {
        "later_evaluations": 2,
        "invalid_default": 2,
        "invalid_late": 2,  # ZJ05, and ZJ03's 追评
        "invalid_unreviewed": 1,
        "callbacks_opened": 1,  # ZJ02's 非常不满意; nothing for an invalid one's words
    }
    found = by_case(any_db)

    # The codes read Zhejiang's way round, the originals kept beside the mapped answers.
    (first,) = found["ZJ01"]
    assert first.overall == Rating.VERY_SATISFIED and first.channel == Channel.PLATFORM
    assert first.source_channel == "移动端"
    assert first.original["总体情况"] == {"code": "5", "word": "非常满意"}
    assert first.original["评价渠道"] == {"code": "2", "word": "移动端"}
    assert (first.valid, first.invalid_reason, first.attempt) == (True, None, 1)
    assert (first.evaluator, first.review_status, first.region_code) == ("张三", "passed", "370102")
    (unhappy,) = found["ZJ02"]
    assert unhappy.overall == Rating.DISSATISFIED
    assert unhappy.labels == ["01", "03"]
    assert unhappy.original["差评标签"] == [
        {"code": "01", "word": None},
        {"code": "03", "word": None},
    ]
    default, follow_up = found["ZJ03"]
    assert (default.is_default, default.valid, default.invalid_reason) == (True, False, "default")
    assert default.source_channel == "系统默认评价"
    assert (follow_up.attempt, follow_up.round, follow_up.invalid_reason) == (2, 1, "late")
    (unreviewed,) = found["ZJ04"]
    assert (unreviewed.channel, unreviewed.invalid_reason) == (Channel.QR, "unreviewed")
    assert found["ZJ05"][0].invalid_reason == "late"
    assert (found["ZJ07"][0].attempt, found["ZJ07"][0].valid) == (2, True)
    assert found["ZJ08"][0].invalid_reason == "default"  # the isdefault flag

    # The scoring evaluation: the first valid one, else the first of any validity; never a 追评.
    first_of = scoring(any_db)
    assert first_of["ZJ03"].id == default.id
    assert "ZJ07" not in first_of and "ZJ06" not in first_of

    # The queue: every case without a valid evaluation is phoned, defaults and 追评 included.
    expected_due = {"ZJ03", "ZJ04", "ZJ05", "ZJ06", "ZJ07", "ZJ08"}
    assert due(any_db, date(2026, 7, 20)) == expected_due
    with any_db.sessions.begin() as session:
        set_setting(session, "desk.sample_all", True)
        refresh_queue(session, today=date(2026, 7, 20), seed=3)
        queued = session.scalars(
            select(Case.case_no).join(QueueEntry, QueueEntry.case_id == Case.id)
        ).all()
        assert set(queued) == expected_due
        assert session.scalar(select(CallbackTask.evaluation_id)) == unhappy.id

    # The scoring: only valid first evaluations score and count as revisits by default …
    assert scored_points(any_db, invalid_scores=False) == (2, 5 + 0, 2)
    # … with the setting, the invalid ones score too (ZJ03 5, ZJ04 满意 3, ZJ05 一般 2,
    # ZJ08 5), still not counted as valid revisits.
    assert scored_points(any_db, invalid_scores=True) == (6, 5 + 0 + 5 + 3 + 2 + 5, 2)


def test_reimport_brings_the_review_status_up_to_date(any_db, make_file):
    load_cases(any_db, make_file, ZJ_CASES, "2026-07-01")
    run_import(any_db, "evaluations", zhejiang_file(make_file, ".csv"), profile="zhejiang")
    assert "ZJ04" in due(any_db, date(2026, 7, 20))

    # The platform's next export: ZJ04's evaluation has passed its review.
    reviewed = [(*r[:7], 1, *r[8:]) if r[0] == "ZJ04" else r for r in ZJ_ROWS]
    path = zhejiang_file(make_file, ".csv", reviewed, name="zj-later")
    summary = run_import(any_db, "evaluations", path, profile="zhejiang")
    assert (summary.inserted, summary.updated, summary.unchanged) == (0, 1, len(ZJ_ROWS) - 1)
    (evaluation,) = by_case(any_db)["ZJ04"]
    assert (evaluation.review_status, evaluation.valid, evaluation.invalid_reason) == (
        "passed",
        True,
        None,
    )
    assert "ZJ04" not in due(any_db, date(2026, 7, 20))
    assert scoring(any_db)["ZJ04"].id == evaluation.id
    # The same file once more changes nothing.
    again = run_import(any_db, "evaluations", path, profile="zhejiang")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, len(ZJ_ROWS))


def test_a_phone_revisit_after_a_default_rating_is_the_one_that_scores(any_db, make_file):
    load_cases(any_db, make_file, ZJ_CASES, "2026-07-01")
    run_import(any_db, "evaluations", zhejiang_file(make_file, ".xlsx"), profile="zhejiang")
    with any_db.sessions.begin() as session:
        case_id = session.scalar(select(Case.id).where(Case.case_no == "ZJ03"))
        phone = Evaluation(
            case_id=case_id,
            channel=Channel.PHONE,
            round=1,
            evaluated_at=datetime(2026, 7, 21, 10, tzinfo=LOCAL_ZONE),
            overall=Rating.SATISFIED,
        )
        session.add(phone)
        session.flush()
        phone_id = phone.id
    assert scoring(any_db)["ZJ03"].id == phone_id  # not the earlier default rating
    assert "ZJ03" not in due(any_db, date(2026, 7, 22))
    assert scored_points(any_db, invalid_scores=False) == (3, 5 + 0 + 3, 3)


def test_labels_are_read_through_the_profiles_dictionary(sqlite_db, make_file):
    load_cases(sqlite_db, make_file, ZJ_CASES, "2026-07-01")
    mine = BUILTIN["zhejiang"]
    from dataclasses import replace

    with sqlite_db.sessions.begin() as session:
        save_profile(
            session,
            replace(mine, name="zj-labels", builtin=False, labels={"01": "办事效率低"}),
        )
    run_import(sqlite_db, "evaluations", zhejiang_file(make_file, ".csv"), profile="zj-labels")
    (unhappy,) = by_case(sqlite_db)["ZJ02"]
    assert unhappy.original["差评标签"] == [
        {"code": "01", "word": "办事效率低"},
        {"code": "03", "word": None},  # a code the dictionary does not know: kept as exported
    ]


# --- A GB/T 39046 export: the other direction, anonymity, a flag column ------------------------

GB_HEADER = [
    "办件编号",
    "评价时间",
    "评价渠道",
    "满意度",
    "文字评价",
    "评价次数",
    "评价人姓名",
    "是否匿名",
    "审核状态",
    "差评标签",
    "行政区划代码",
    "是否默认评价",
]
GB_ROWS = [
    ["GB01", "2026-08-04 09:30", "1", "1", "", "1", "王五", "否", "审核通过", "", "370102", "否"],
    ["GB02", "2026-08-05 10:00", "6", "5", "态度差", "1", "赵六", "否", "审核通过", "A1", "", "否"],
    ["GB03", "2026-08-06 11:00", "2", "2", "", "1", "", "是", "审核通过", "", "", "否"],
    ["GB04", "2026-08-10 23:00", "7", "3", "", "1", "", "否", "审核通过", "", "", "是"],
    ["GB05", "2026-08-07 08:00", "3", "4", "", "2", "钱九", "否", "审核通过", "", "", "否"],
]


def test_a_gbt39046_export_reads_its_codes_the_other_way_round(any_db, make_file):
    load_cases(any_db, make_file, [f"GB0{n}" for n in range(1, 6)], "2026-08-03")
    with any_db.sessions.begin() as session:
        set_setting(session, "evaluations.exclude_anonymous", True)
    path = make_file("gb.csv", [["好差评评价数据"], GB_HEADER, *GB_ROWS], encoding="gb18030")
    summary = run_import(any_db, "evaluations", path, profile="gbt39046")
    assert summary.rejected == [] and summary.inserted == 5
    found = by_case(any_db)
    # Code 1 is 非常满意 here, 非常不满意 in Zhejiang's export.
    assert found["GB01"][0].overall == Rating.VERY_SATISFIED
    assert found["GB02"][0].overall == Rating.DISSATISFIED
    assert found["GB02"][0].original["总体情况"] == {"code": "5", "word": "非常不满意"}
    # The platform's 电话 channel is an online evaluation by the hotline, not our phone revisit.
    assert (found["GB02"][0].channel, found["GB02"][0].source_channel) == (Channel.PLATFORM, "电话")
    assert (found["GB03"][0].anonymous, found["GB03"][0].invalid_reason) == (True, "anonymous")
    assert (found["GB04"][0].is_default, found["GB04"][0].source_channel) == (True, "短信")
    assert found["GB05"][0].attempt == 2
    assert due(any_db, date(2026, 8, 20)) == {"GB03", "GB04", "GB05"}


def test_anonymous_evaluations_are_valid_unless_the_centre_excludes_them(sqlite_db, make_file):
    load_cases(sqlite_db, make_file, [f"GB0{n}" for n in range(1, 6)], "2026-08-03")
    path = make_file("gb.xlsx", [GB_HEADER, *GB_ROWS])
    run_import(sqlite_db, "evaluations", path, profile="gbt39046")
    (anonymous,) = by_case(sqlite_db)["GB03"]
    assert (anonymous.anonymous, anonymous.valid) == (True, True)
    assert "GB03" not in due(sqlite_db, date(2026, 8, 20))
    # The setting changes; importing the file again applies it to its evaluations.
    with sqlite_db.sessions.begin() as session:
        set_setting(session, "evaluations.exclude_anonymous", True)
    summary = run_import(sqlite_db, "evaluations", path, profile="gbt39046")
    assert summary.updated == 1
    assert "GB03" in due(sqlite_db, date(2026, 8, 20))


# --- A platform that marks nothing: a level with no text after N days (Guangdong) -----------

GUANGDONG = {
    "name": "guangdong",
    "title": "广东：7 个自然日未评价的记为基本满意，不作标记",
    "columns": {"业务编号": ["申办流水号"], "总体情况": ["评价等级"]},
    "default_ratings": {"level": "基本满意", "after_days": 7},
}


def test_a_profile_file_added_on_the_command_line_reads_unmarked_defaults(
    sqlite_url, tmp_path, make_file, capsys
):
    from db.database import open_database

    database = open_database(sqlite_url)
    try:
        load_cases(database, make_file, [f"GD0{n}" for n in range(1, 5)], "2026-09-01")
    finally:
        database.close()
    profile = tmp_path / "guangdong.json"
    profile.write_text(json.dumps(GUANGDONG, ensure_ascii=False), encoding="utf-8")
    assert main.main(["--db", sqlite_url, "import", "profiles", "add", str(profile)]) == EXIT_OK
    rows = [
        ["申办流水号", "评价时间", "评价渠道", "评价等级", "评价内容"],
        ["GD01", "2026-09-08 00:00", "粤省事", "基本满意", ""],  # 7 days, no text: default
        ["GD02", "2026-09-08 10:00", "粤省事", "基本满意", "材料多"],  # words: the citizen's
        ["GD03", "2026-09-03 12:00", "粤省事", "基本满意", ""],  # day 2: the citizen's
        ["GD04", "2026-09-09 09:00", "粤省事", "非常满意", ""],  # another level, after the week
    ]
    path = make_file("gd.csv", rows)
    capsys.readouterr()
    args = ["--db", sqlite_url, "import", "evaluations", str(path), "--profile", "guangdong"]
    assert main.main([*args, "--json"]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["profile"] == "guangdong"
    assert summary["flagged"] == {"invalid_default": 1, "invalid_late": 1}
    database = open_database(sqlite_url)
    try:
        assert due(database, date(2026, 9, 20), quarter_bounds(2026, 3)) == {"GD01", "GD04"}
        assert by_case(database)["GD01"][0].is_default
    finally:
        database.close()


# --- Codes never guessed ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_coded_file_without_a_profile_for_its_codes_is_refused_whole(any_db, make_file, suffix):
    # The headers are the usual ones (满意度 is 总体情况): only the codes are unexplained.
    load_cases(any_db, make_file, [f"GB0{n}" for n in range(1, 6)], "2026-08-03")
    path = make_file(f"gb{suffix}", [GB_HEADER, *GB_ROWS])
    with pytest.raises(FileRefused) as refused:
        run_import(any_db, "evaluations", path)  # the default profile reads words
    message = refused.value.message()
    assert "第 2 行的总体情况是代码“1”" in message
    assert "没有说明代码的方向" in message and "不会被猜测" in message
    assert count(any_db, Evaluation) == 0 and count(any_db, ImportBatch) == 1  # the cases'


def test_coded_channels_without_a_table_are_refused(sqlite_db, make_file):
    load_cases(sqlite_db, make_file, ["ZJ01"], "2026-07-01")
    rows = [["业务编号", "评价时间", "评价渠道", "总体评价"], ["ZJ01", "2026-07-03", "7", "满意"]]
    with pytest.raises(FileRefused) as refused:
        run_import(sqlite_db, "evaluations", make_file("e.csv", rows))
    assert "评价渠道是代码“7”" in refused.value.message()
    assert "没有渠道代码表" in refused.value.message()


def test_the_refusal_on_the_command_line_in_both_languages(sqlite_url, make_file, capsys):
    from db.database import open_database

    database = open_database(sqlite_url)
    try:
        load_cases(database, make_file, [f"GB0{n}" for n in range(1, 6)], "2026-08-03")
    finally:
        database.close()
    path = make_file("gb.csv", [GB_HEADER, *GB_ROWS])
    assert main.main(["--db", sqlite_url, "import", "evaluations", str(path)]) == EXIT_REFUSED
    assert "没有说明代码的方向" in capsys.readouterr().err
    english = ["--db", sqlite_url, "--lang", "en", "import", "evaluations", str(path), "--json"]
    assert main.main(english) == EXIT_REFUSED
    refusal = json.loads(capsys.readouterr().out)["refusal"]
    assert "does not say which way its codes run" in refusal and "1 = 非常满意" in refusal
    imported = ["--db", sqlite_url, "import", "evaluations", str(path), "--profile", "gbt39046"]
    assert main.main(imported) == EXIT_OK


def test_codes_the_profile_does_not_know_reject_their_rows(sqlite_db, make_file):
    load_cases(sqlite_db, make_file, ZJ_CASES, "2026-07-01")
    rows = [
        ("ZJ01", "2026-07-03 10:00", 2, 6, "", 1, "", 1, "", "", 0),  # satisfaction 6
        ("ZJ02", "2026-07-03 10:00", 9, 5, "", 1, "", 1, "", "", 0),  # pf 9
        ("ZJ03", "2026-07-03 10:00", 2, 5, "", "x", "", 1, "", "", 0),  # assessNumber x
        ("ZJ04", "2026-07-03 10:00", 2, 5, "", 1, "", 7, "", "", 0),  # auditStatus 7
        ("ZJ05", "2026-07-03 10:00", 2, 5, "", 1, "", 1, "", "", "maybe"),  # isdefault
        ("ZJ06", "2026-07-03 10:00", 2, 5, "", 1, "", 1, ",".join(map(str, range(21))), "", 0),
        ("ZJ07", "2026-07-03 10:00", 2, 5, "", 1, "", 1, "", "", 0),
    ]
    summary = run_import(
        sqlite_db, "evaluations", zhejiang_file(make_file, ".csv", rows), profile="zhejiang"
    )
    assert rejected_lines(summary) == {
        2: "bad_rating_code",
        3: "bad_channel_code",
        4: "bad_attempt",
        5: "bad_review_status",
        6: "bad_flag",
        7: "too_many_labels",
    }
    reasons = {r.line: r.reason() for r in summary.rejected}
    assert reasons[2] == (
        "总体情况的代码“6”不在导入方案的等级代码表中"
        "（1=非常不满意、2=不满意、3=基本满意、4=满意、5=非常满意）"
    )
    assert summary.inserted == 1


def test_an_unknown_profile_or_a_profile_for_another_kind_is_refused(sqlite_db, make_file):
    load_cases(sqlite_db, make_file, ZJ_CASES, "2026-07-01")
    with pytest.raises(FileRefused, match="没有名为“henan”的导入方案；已有：common、gbt39046"):
        run_import(sqlite_db, "evaluations", zhejiang_file(make_file, ".csv"), profile="henan")
    cases = make_file("c.csv", [CASE_HEADER, case_row("X1")])
    with pytest.raises(FileRefused, match="导入方案只用于好差评评价导出"):
        run_import(sqlite_db, "cases", cases, profile="zhejiang")


def test_the_sample_layout_reads_as_before(any_db, samples):
    """The samples' file goes through the default profile unchanged: same answers, and a file
    imported before this change is recognised as the same evaluations."""
    for kind, name in (("cases", "cases_2026q3.csv"), ("evaluations", "evaluations_2026q3.xlsx")):
        assert run_import(any_db, kind, samples / name).imported
    again = run_import(any_db, "evaluations", samples / "evaluations_2026q3.xlsx")
    assert (again.inserted, again.updated) == (0, 0)
    with any_db.sessions() as session:
        assert session.scalar(select(Evaluation).where(Evaluation.valid.is_(False))) is None
