"""Every command of the command line, given what a careless user types — a negative, zero, huge or
non-numeric number, the year 0, 9999 or 10000, the month 13, a folder that does not exist, a
folder for a file, /dev/zero to read, an empty string — answers with a message on stderr and exit
status 2 (issue 19): never a traceback, a hang or a changed database. The table names every
command of the parser, so that a new one cannot be forgotten (as tests/users/test_doors.py)."""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, select

import app.users
from app.zone import LOCAL_ZONE
from cli import arguments, build_parser, main
from db.database import open_database
from db.models import AuditEntry, Base, Unit
from tests.cli_login import log_in_as
from tests.importing.test_profiles import GUANGDONG
from tests.users.helpers import PASSWORD, accounts

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
NOW = datetime(2026, 11, 20, 10, tzinfo=LOCAL_ZONE)
HUGE = "9" * 30
VERY_LONG = "1" * 5000  # more digits than int() takes


@dataclass(frozen=True)
class Bad:
    """Arguments a careless user gives, what the command answers (its exit status, and words of
    its message on stderr in Chinese when given)."""

    args: tuple[str, ...]
    says: str | None = None
    codes: tuple[int, ...] = (2,)

    def __add__(self, more: Bad) -> Bad:
        """The same with more arguments (a line too long otherwise)."""
        return Bad((*self.args, *more.args), self.says or more.says, self.codes)


def bad(*args: str, says: str | None = None, codes: tuple[int, ...] = (2,)) -> Bad:
    return Bad(args, says, codes)


NOT_REGULAR = "不是普通文件"
A_FOLDER = "是一个文件夹"
NO_FOLDER = "不存在，请先建立它"
NO_NAME = "请给出要"
YEAR = "年份应在 2000 到 2100 之间"
QUARTER = "季度应在 1 到 4 之间"
NOT_WHOLE = "应为整数"
NOT_A_DAY = "不是日期：日期应写作 YYYY-MM-DD"
DAY_YEARS = "日期应在 2000 到 2100 年之间"
UNKNOWN = "unrecognized arguments"  # argparse's own words
NUL = "中有文件名不能含有的字符"
LONG_TEXT = "名" * 3000  # longer than any column

# {dir}: a folder; {nodir}: one that does not exist; {zero}: /dev/zero; {null}: /dev/null;
# {garbage}: a file that is nothing the command reads; {samples}: the sample files;
# {profile}: an import profile file.
OUTPUTS = (
    bad("-o", "{nodir}/out.xlsx", says=NO_FOLDER),
    bad("-o", "{dir}", says=A_FOLDER),
    bad("-o", "{null}", says=NOT_REGULAR),
    bad("-o", "", says=NO_NAME),
    bad("-o", "{garbage}/out.xlsx"),  # a file where a folder should be
    bad("-o", "{dir}/" + "x" * 300, says="文件名太长"),
    bad("-o", "a\0b", says=NUL),  # only a caller of main() can pass one
)
READS = (
    bad("{zero}", says=NOT_REGULAR),
    bad("{dir}", says=A_FOLDER),
    bad("", says=NO_NAME),
    bad("{nodir}/file.csv"),  # the command says it is missing, in its own words
    bad("{garbage}"),
    bad("x" * 5000, says="文件名太长"),
    bad("a\0b", says=NUL),
)


def _with(prefix: tuple[str, ...], cases: tuple[Bad, ...], *suffix: str) -> list[Bad]:
    return [Bad((*prefix, *case.args, *suffix), case.says, case.codes) for case in cases]


def _years(*prefix: str, after: tuple[str, ...] = ("--quarter", "4")) -> list[Bad]:
    return [
        bad(*prefix, "--year", year, *after, says=says)
        for year, says in (
            ("0", YEAR),
            ("9999", YEAR),  # its fourth quarter would end in the year 10000
            ("10000", YEAR),
            ("-1", YEAR),
            ("abc", NOT_WHOLE),
            ("", NOT_WHOLE),
            (VERY_LONG, NOT_WHOLE),
        )
    ]


def _quarters(*prefix: str) -> list[Bad]:
    return [
        bad(*prefix, "--year", "2026", "--quarter", quarter, says=says)
        for quarter, says in (("0", QUARTER), ("5", QUARTER), ("-1", QUARTER), ("x", NOT_WHOLE))
    ]


def _today(*prefix: str) -> list[Bad]:
    return [
        bad(*prefix, "--today", "0001-01-01", says=DAY_YEARS),
        bad(*prefix, "--today", "9999-12-31", says=DAY_YEARS),
        bad(*prefix, "--today", "2026-13-01", says=NOT_A_DAY),
        bad(*prefix, "--today", "tomorrow", says=NOT_A_DAY),
        bad(*prefix, "--today", "", says=NOT_A_DAY),
    ]


def _bogus(*words: str) -> list[Bad]:
    """A command without arguments of its own: an option it does not have, an extra word."""
    return [bad(*words, "--bogus", says=UNKNOWN), bad(*words, "extra", says=UNKNOWN)]


QUARTERLY = ("report", "quarterly", "--year", "2026", "--quarter", "3")
SAMPLE = ("report", "sample", "--from", "2026-07-01", "--to", "2026-09-30")

TABLE: dict[str, list[Bad]] = {
    "import cases": [
        *_with(("import", "cases"), READS),
        bad(
            "import", "cases", "{samples}/cases_2026q3.csv", "--mapping", "{zero}", says=NOT_REGULAR
        ),
        bad("import", "cases", "{samples}/cases_2026q3.csv", "--mapping", "{garbage}"),
        bad("import", "cases", "{samples}/cases_2026q3.csv", "--unit-map", "="),
        bad("import", "cases", "{samples}/cases_2026q3.csv", "--unit-map", ""),
    ],
    "import evaluations": [
        *_with(("import", "evaluations"), READS),
        bad("import", "evaluations", "{samples}/evaluations_2026q3.xlsx", "--profile", ""),
        bad("import", "evaluations", "{samples}/evaluations_2026q3.xlsx", "--profile", "nosuch"),
    ],
    "import ledger": _with(("import", "ledger"), READS),
    "import profiles list": _bogus("import", "profiles", "list"),
    "import profiles show": [
        bad("import", "profiles", "show", ""),
        bad("import", "profiles", "show", "no such profile"),
    ],
    "import profiles add": [
        *_with(("import", "profiles", "add"), READS),
        bad("import", "profiles", "add", "{samples}/cases_2026q3.csv"),  # not a profile
    ],
    "import profiles remove": [
        bad("import", "profiles", "remove", ""),
        bad("import", "profiles", "remove", "no such profile"),
        bad("import", "profiles", "remove", "common"),  # shipped with the app
    ],
    "demo": [
        bad("demo", "--cases", "abc", says=NOT_WHOLE),
        bad("demo", "--cases", "", says=NOT_WHOLE),
        bad("demo", "--cases", "-3"),
        bad("demo", "--cases", HUGE),
        bad("demo", "--seed", "-1", says="随机种子应在 0 到 2147483647 之间"),
        bad("demo", "--seed", HUGE, says="随机种子应在 0 到 2147483647 之间"),
        bad("demo", "--seed", "x", says=NOT_WHOLE),
        bad("demo"),  # people have passwords here: no demo data
    ],
    "report quarterly": [
        *_years("report", "quarterly"),
        *_quarters("report", "quarterly"),
        *_with(QUARTERLY, OUTPUTS),
        bad(*QUARTERLY, "--format", "xlsx", says="需要用 -o"),
        bad(*QUARTERLY, "--format", "docx", says="invalid choice"),
    ],
    "report monthly": [
        *_years("report", "monthly", after=("--month", "12")),
        *[
            bad("report", "monthly", "--year", "2026", "--month", month, says=says)
            for month, says in (
                ("13", "月份应在 1 到 12 之间"),
                ("0", "月份应在 1 到 12 之间"),
                ("-1", "月份应在 1 到 12 之间"),
                ("二", NOT_WHOLE),
            )
        ],
        *_with(("report", "monthly", "--year", "2026", "--month", "8"), OUTPUTS),
        bad("report", "monthly", "--year", "2026", "--month", "8", "--format", "xlsx"),
    ],
    "report sample": [
        *[
            bad("report", "sample", "--from", start, "--to", "2026-09-30", "--size", "1", says=says)
            + Bad(("-o", "{dir}/s.xlsx"))
            for start, says in (
                ("0001-01-01", DAY_YEARS),
                ("2026-02-30", NOT_A_DAY),
                ("yesterday", NOT_A_DAY),
                ("", NOT_A_DAY),
            )
        ],
        bad(*SAMPLE[:-1], "9999-12-31", "--size", "1", "-o", "{dir}/s.xlsx", says=DAY_YEARS),
        bad("report", "sample", "--from", "2026-09-30", "--to", "2026-07-01", "--size", "1")
        + Bad(("-o", "{dir}/s.xlsx")),  # backwards
        *[
            bad(*SAMPLE, "--size", size, "-o", "{dir}/s.xlsx", says=says)
            for size, says in (
                ("0", "样本量应在 1 到 100000 之间"),
                ("-1", "样本量应在 1 到 100000 之间"),
                (HUGE, "样本量应在 1 到 100000 之间"),
                ("ten", NOT_WHOLE),
            )
        ],
        bad(*SAMPLE, "--size", "1", "--seed", "-1", "-o", "{dir}/s.xlsx", says="随机种子"),
        bad(*SAMPLE, "--size", "1", "--seed", HUGE, "-o", "{dir}/s.xlsx", says="随机种子"),
        bad(*SAMPLE, "--size", "1", "--unit", "no such unit", "-o", "{dir}/s.xlsx"),
        *_with((*SAMPLE, "--size", "1"), OUTPUTS),
    ],
    "report feedback": [
        *_years("report", "feedback", after=("--quarter", "4", "-o", "{dir}/f.xlsx")),
        *[
            Bad((*case.args, "-o", "{dir}/f.xlsx"), case.says)
            for case in _quarters("report", "feedback")
        ],
        *_with(("report", "feedback", "--year", "2026", "--quarter", "3"), OUTPUTS),
        bad("report", "feedback", "--year", "2026", "--quarter", "3", "--unit", "nosuch")
        + Bad(("-o", "{dir}/f.xlsx")),
    ],
    "report staff": [
        *_years("report", "staff"),
        *_quarters("report", "staff"),
        *_with(("report", "staff", "--year", "2026", "--quarter", "3"), OUTPUTS),
        bad("report", "staff", "--year", "2026", "--quarter", "3", "--format", "xlsx"),
    ],
    "desk refresh": [
        bad("desk", "refresh", "--seed", seed, says=says)
        for seed, says in (
            ("-1", "随机种子应在 0 到 2147483647 之间"),
            ("2147483648", "随机种子应在 0 到 2147483647 之间"),
            (HUGE, "随机种子应在 0 到 2147483647 之间"),
            ("x", NOT_WHOLE),
            ("", NOT_WHOLE),
        )
    ],
    "desk plan": [*_years("desk", "plan"), *_quarters("desk", "plan")],
    "desk outcomes": [
        bad("desk", "outcomes", "no_such_outcome", "--label", "x"),
        bad("desk", "outcomes", "busy", "--retry-minutes", "-5", says="重拨间隔须在 0 到 10080"),
        bad("desk", "outcomes", "busy", "--retry-minutes", HUGE, says="重拨间隔须在 0 到 10080"),
        bad("desk", "outcomes", "busy", "--retry-minutes", "soon", says=NOT_WHOLE),
        bad("desk", "outcomes", "busy", "--label", ""),
        bad("desk", "outcomes", "busy", "--key", "toolong"),
    ],
    "settings": [
        bad("settings", "coverage.target", "5", says="应 ≥ 0.3 且 ≤ 1"),
        bad("settings", "coverage.target", "NaN", says="应为有限的数字"),
        bad("settings", "coverage.target", "-inf", says=UNKNOWN),  # an option, to argparse
        bad("settings", "coverage.target", "--", "-inf", says="应为有限的数字"),
        bad("settings", "coverage.target", "30%", says="应为数字"),
        bad("settings", "retention.years", "0", says="应 ≥ 3"),
        bad("settings", "retention.years", "-1", says="应 ≥ 3"),
        bad("settings", "backup.keep", "0", says="应 ≥ 2"),
        bad("settings", "callbacks.deadline_working_days", "-1", says="应 ≥ 1"),
        bad("settings", "desk.max_attempts", HUGE, says="≤ 20"),
        bad("settings", "desk.max_attempts", VERY_LONG, says="应为整数"),
        bad("settings", "desk.max_attempts", "", says="应为整数"),
        bad("settings", "desk.morning_hours", "25:00-26:00", says="时段格式"),
        bad("settings", "no.such.setting", "1", says="KEY"),
        bad("settings", "coverage.target", says="KEY"),  # no value
        bad("settings", "", "", says="KEY"),
        bad("settings", "backup.folder", "{garbage}", says="是一个文件，不是文件夹"),
        bad("settings", "backup.folder", "{garbage}/backups", says="是一个文件，不是文件夹"),
        bad("settings", "backup.folder", "backups", says="应为完整的文件夹路径"),
        bad("settings", "scanning.inbox_folder", "{garbage}", says="是一个文件，不是文件夹"),
        bad("settings", "centre.name", LONG_TEXT, says="不超过 500 字"),
    ],
    "staff list": _bogus("staff", "list"),
    "staff add": [
        bad("staff", "add", ""),
        bad("staff", "add", "新同事", "--role", "boss"),
        bad("staff", "add", "赵管理"),  # there already
        bad("staff", "add", "新同事", "--username", "admin"),  # taken
        bad("staff", "add", LONG_TEXT, says="姓名应为一行，最多 50 个字"),
        bad("staff", "add", "张\n三", says="姓名应为一行"),
    ],
    "staff role": [
        bad("staff", "role", "", "operator"),
        bad("staff", "role", "nobody", "operator"),
        bad("staff", "role", "王芳", "boss"),
    ],
    "staff password": [bad("staff", "password", ""), bad("staff", "password", "nobody")],
    "do-not-call list": _bogus("do-not-call", "list"),
    "do-not-call mark": [
        bad("do-not-call", "mark", "", "--reason", "x", says="不是有效的电话号码"),
        bad("do-not-call", "mark", "86123456", says="不是有效的电话号码"),  # no area code
        bad("do-not-call", "mark", "13812345678", "--reason", LONG_TEXT, says="原因最多"),
    ],
    "do-not-call clear": [
        bad("do-not-call", "clear", "13812345678", says="--reason"),
        bad("do-not-call", "clear", "13812345678", "--reason", " ", says="原因"),
        bad("do-not-call", "clear", "13812345678", "--reason", "x", says="没有"),
    ],
    "do-not-call import": _with(("do-not-call", "import"), READS),
    "recordings import": [
        bad("recordings", "import", "{garbage}", says="是一个文件，不是文件夹"),
        bad("recordings", "import", "{garbage}/sub"),  # a file where a folder should be
        bad("recordings", "import", "{zero}", says="不是文件夹"),
        bad("recordings", "import", "{nodir}", says="录音文件夹不存在"),
        bad("recordings", "import", "", says="请给出要读取的文件夹"),
        bad("recordings", "import", " ", says="请给出要读取的文件夹"),
        bad("recordings", "import", "a\0b", says=NUL),
        bad("recordings", "import", "=cmd|'/c calc'!A1", says="应为完整的文件夹路径"),
        bad("recordings", "import", "../..", says="应为完整的文件夹路径"),
        bad("recordings", "import", "~nobody-here/x", says="主目录"),
        bad("recordings", "import", "{dir}/" + "x" * 300, says="文件名太长"),
        bad("recordings", "import", "{dir}", "--operator", "", says="请给出回访员姓名"),
        bad("recordings", "import", "{dir}", "--operator", "\n", says="请给出回访员姓名"),
        bad("recordings", "import", "{dir}", "--operator", "=cmd|'/c calc'!A1", says="找不到"),
        bad("recordings", "import", "{dir}", "--operator", "../..", says="找不到回访员"),
        bad("recordings", "import", "{dir}", "--operator", LONG_TEXT, says="找不到回访员"),
        bad("recordings", "import", "{dir}", "--operator", "钱审计", says="找不到回访员"),
        bad("recordings", "import", "{dir}", "--operator", says="expected one argument"),
    ],
    "recordings tray": _bogus("recordings", "tray"),
    "units list": _bogus("units", "list"),
    "units rename": [
        bad("units", "rename", "", "丙单位"),
        bad("units", "rename", "nosuch", "丙单位"),
        bad("units", "rename", "甲单位", ""),
        bad("units", "rename", "甲单位", "乙单位"),  # taken
    ],
    "units set": [
        bad("units", "set", "nosuch", "--district", "历下区"),
        bad("units", "set", "", "--district", "历下区"),
        bad("units", "set", "甲单位", "--area-code", "abc"),
        bad("units", "set", "甲单位", "--active", "--inactive", says="not allowed with"),
    ],
    "units merge": [
        bad("units", "merge", "甲单位", "甲单位"),
        bad("units", "merge", "nosuch", "乙单位"),
        bad("units", "merge", "", ""),
    ],
    "audit export": [
        bad("audit", "export", "--from", "0001-01-01", "-o", "{dir}/t.csv", says=DAY_YEARS),
        bad("audit", "export", "--to", "9999-12-31", "-o", "{dir}/t.csv", says=DAY_YEARS),
        bad("audit", "export", "--from", "last week", "-o", "{dir}/t.csv", says=NOT_A_DAY),
        bad("audit", "export", "-o", "{dir}/t.txt"),  # neither .xlsx nor .csv
        *_with(("audit", "export"), OUTPUTS),
    ],
    "audit verify": [
        bad("audit", "verify", "--anchor", "garbage"),
        bad("audit", "verify", "--anchor", ""),
        bad("audit", "verify", "--anchor", "1:zz"),
        # A head beyond the end: the end was cut, says the check (exit 3), not a traceback.
        bad("audit", "verify", "--anchor", f"{HUGE}:{'0' * 64}", codes=(3,)),
    ],
    "retention preview": _today("retention", "preview"),
    "retention purge": [*_today("retention", "purge"), *_today("retention", "purge", "--yes")],
    "db info": _bogus("db", "info"),
    "db upgrade": _bogus("db", "upgrade"),
    "db create": [*_bogus("db", "create"), bad("db", "create", says="已经存在并有数据")],
    "db encrypt": _bogus("db", "encrypt"),
    "db recover": [
        bad("db", "recover", "--for", ""),
        bad("db", "recover", "--for", "admin", "--recovery-key", "{zero}"),
        bad("db", "recover", "--for", "admin", "--recovery-key", "{dir}"),
    ],
    "backup create": _with(("backup", "create"), OUTPUTS),
    "backup list": _bogus("backup", "list"),
    "backup verify": [
        *_with(("backup", "verify"), READS),
        bad("backup", "verify", "{garbage}", "--recovery-key", "{zero}"),  # 1000 bytes read
        bad("backup", "verify", "{garbage}", "--recovery-key", "{dir}"),
        bad("backup", "verify", "{garbage}", "--recovery-key", "{nodir}/key.txt"),
    ],
    "backup restore": [
        *_with(("backup", "restore"), READS, "--to", "{dir}/new.sqlite3"),
        # A new database, but not in a folder a typo would make (nor over a folder).
        bad("backup", "restore", "{garbage}", "--to", "{nodir}/new.sqlite3", says=NO_FOLDER),
        bad(
            "backup", "restore", "{garbage}", "--to", "sqlite:///{nodir}/n.sqlite3", says=NO_FOLDER
        ),
        bad("backup", "restore", "{garbage}", "--to", "{dir}", says=A_FOLDER),
        bad("backup", "restore", "{garbage}", "--to", "", says=NO_NAME),
        bad("backup", "restore", "{garbage}", "--to", "{garbage}"),  # there: not new
        bad("backup", "restore", "{garbage}", "--to", "mysql://u@h/db"),
        bad("backup", "restore", "{garbage}", "--to", "{dir}/new.sqlite3", "--recovery-key")
        + Bad(("{zero}",)),
    ],
    "calendar show": [
        bad("calendar", "show", "2026", "13", says="月份应为 1 到 12"),
        bad("calendar", "show", "2026", "0", says="月份应为 1 到 12"),
        bad("calendar", "show", "2026", "-1", says="月份应为 1 到 12"),
        bad("calendar", "show", "0", "1", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "show", "10000", "1", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "show", HUGE, "1", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "show", "x", "1", says=NOT_WHOLE),
        bad("calendar", "show", "", "1", says=NOT_WHOLE),
    ],
    "calendar set": [
        bad("calendar", "set", "2026-13-01", "work", says=NOT_A_DAY),
        bad("calendar", "set", "x", "work", says=NOT_A_DAY),
        bad("calendar", "set", "0001-01-01", "work", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "set", "2026-10-01", "holiday", says="invalid choice"),
        bad("calendar", "set", "2026-10-01", "work", "--note", LONG_TEXT, says="备注最多 100 个字"),
    ],
    "calendar clear": [
        bad("calendar", "clear", "2026-02-30", says=NOT_A_DAY),
        bad("calendar", "clear", "9999-12-31", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "clear", "", says=NOT_A_DAY),
    ],
    "calendar add-year": [
        bad("calendar", "add-year", "0", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "add-year", "10000", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "add-year", "-1", says="年份应在 2000 到 2100 之间"),
        bad("calendar", "add-year", "x", says=NOT_WHOLE),
        bad("calendar", "add-year", "2030", "--note", LONG_TEXT, says="备注最多 200 个字"),
    ],
    "calendar notice": [
        *_with(("calendar", "notice"), READS),
        *_with(("calendar", "notice"), READS, "--apply"),
    ],
    "sync export": [
        *_with(("sync", "export"), OUTPUTS),
        bad("sync", "export", "--since", "x", "-o", "{dir}/s.rdsync"),
        bad("sync", "export", "--since", "9999-99-99", "-o", "{dir}/s.rdsync"),
    ],
    "sync import": _with(("sync", "import"), READS),
    "sync send-cases": [
        *_with(("sync", "send-cases", "--unit", "甲单位"), OUTPUTS),
        bad("sync", "send-cases", "--unit", "nosuch", "-o", "{dir}/c.rdsync"),
        bad("sync", "send-cases", "--unit", "", "-o", "{dir}/c.rdsync"),
    ],
    "sync conflicts": _bogus("sync", "conflicts"),
    "sync decide": [
        bad("sync", "decide", "0", "local", says="编号应在 1 到"),
        bad("sync", "decide", "-1", "local", says="编号应在 1 到"),
        bad("sync", "decide", HUGE, "local", says="编号应在 1 到"),
        bad("sync", "decide", "x", "local", says=NOT_WHOLE),
        bad("sync", "decide", "1", "mine", says="invalid choice"),
        bad("sync", "decide", "999", "local"),  # no such conflict
    ],
    "sync status": _bogus("sync", "status"),
    "keys show": _with(("keys", "show"), OUTPUTS),
    "keys trust": [
        *_with(("keys", "trust"), READS, "--peer", "中心"),
        bad("keys", "trust", "{profile}", "--peer", "中心", "--fingerprint", "1234"),
    ],
    "keys list": _bogus("keys", "list"),
    "keys forget": [bad("keys", "forget", ""), bad("keys", "forget", "nosuch")],
    "keys recovery": _bogus("keys", "recovery"),
    "token create": [
        *[
            bad("token", "create", "--for", "operator", "--hours", hours, says=says)
            for hours, says in (
                ("0", "1 到 2160"),
                ("-1", "1 到 2160"),
                (HUGE, "1 到 2160"),
                ("2161", "1 到 2160"),
                ("a day", NOT_WHOLE),
            )
        ],
        bad("token", "create", "--for", "nobody", "--hours", "1"),
        bad("token", "create", "--for", "", "--hours", "1"),
        bad("token", "create", "--for", "operator", "--hours", "1", "--commands", "nosuch"),
    ],
    "token list": _bogus("token", "list"),
    "token revoke": [
        bad("token", "revoke", "0", says="编号应在 1 到"),
        bad("token", "revoke", "-1", says="编号应在 1 到"),
        bad("token", "revoke", HUGE, says="编号应在 1 到"),
        bad("token", "revoke", "x", says=NOT_WHOLE),
        bad("token", "revoke", "999"),  # no such token
    ],
}


def test_the_table_has_every_command_of_the_parser():
    names = build_parser().get_default("command_names")
    leaves = {n for n in names if not any(o.startswith(n + " ") for o in names)}
    assert set(TABLE) == leaves
    for name, cases in TABLE.items():
        assert cases, name
        for case in cases:
            assert " ".join(case.args).startswith(name), (name, case.args)


def test_the_limits_written_here_are_the_apps():
    from app.calendar import FIRST_YEAR, LAST_YEAR
    from app.desk import sampling
    from app.reports import samples

    assert arguments.SEED_LIMIT == sampling.SEED_LIMIT == samples.SEED_LIMIT
    assert (FIRST_YEAR, LAST_YEAR) == (2000, 2100)  # the years the messages above name


@pytest.fixture
def place(sqlite_url: str, tmp_path: Path, monkeypatch, stop_clock) -> dict[str, str]:
    """Four people who log in, two units; every command runs as the administrator. Returns the
    placeholders' values."""
    return _placed(sqlite_url, tmp_path, monkeypatch, stop_clock)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_place(request, tmp_path: Path, monkeypatch, stop_clock) -> dict[str, str]:
    """`place` on SQLite and on PostgreSQL (which refuses a text longer than its column)."""
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("pg_db").url
    return _placed(url, tmp_path, monkeypatch, stop_clock)


def _placed(url: str, tmp_path: Path, monkeypatch, stop_clock) -> dict[str, str]:
    stop_clock(NOW)
    monkeypatch.setattr(
        app.users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    monkeypatch.setattr("app.i18n._language", "zh")
    database = open_database(url)
    try:
        accounts(database)
        with database.sessions.begin() as session:
            session.add_all([Unit(name="甲单位", area_code="0531"), Unit(name="乙单位")])
    finally:
        database.close()
    log_in_as(monkeypatch, "admin", PASSWORD)
    (tmp_path / "garbage.bin").write_bytes(b"not a backup, a sync file, a key or a notice")
    (tmp_path / "profile.json").write_text(json.dumps(GUANGDONG, ensure_ascii=False), "utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "url": url,
        "dir": str(folder),
        "nodir": str(tmp_path / "无此文件夹"),
        "zero": "/dev/zero",
        "null": "/dev/null",
        "garbage": str(tmp_path / "garbage.bin"),
        "samples": str(SAMPLES),
        "profile": str(tmp_path / "profile.json"),
    }


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    """main(argv) as main.py runs it: argparse's refusals exit (SystemExit) with their status."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exited:
        code = exited.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _state(engine) -> dict[str, list[str]]:
    """Every table but the audit trail, and the trail's actions but the log-ins a command
    leaves (as tests/users/test_doors.py, through one engine: quicker)."""
    with engine.connect() as connection:
        state = {
            table.name: sorted(repr(row) for row in connection.execute(table.select()))
            for table in Base.metadata.sorted_tables
            if table.name != "audit_entries"
        }
        state["audit"] = [
            action
            for (action,) in connection.execute(select(AuditEntry.action).order_by(AuditEntry.id))
            if action not in ("user.login", "access.refused")
        ]
    return state


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_command_refuses_what_a_careless_user_types(name, place, capsys, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda _prompt="": pytest.fail("a question asked"))
    engine = create_engine(place["url"])
    try:
        _refused_each(TABLE[name], place, engine, capsys)
    finally:
        engine.dispose()


def _refused_each(cases: list[Bad], place: dict[str, str], engine, capsys) -> None:
    for case in cases:
        argv = ["--db", place["url"], *(arg.format(**place) for arg in case.args)]
        before = _state(engine)
        for lang in ("zh", "en"):
            code, out, err = _run(["--lang", lang, *argv], capsys)
            shown = f"{' '.join(argv)} ({lang}): {code}\n{out}{err}"
            assert code in case.codes, shown
            assert err.strip() or code != 2, shown  # a refusal: a message, on stderr
            assert "Traceback" not in out + err, shown
            assert "意外错误" not in err and "unexpected error" not in err, shown
            if lang == "zh" and case.says is not None:
                assert case.says in err, shown
            if lang == "en":
                assert not _chinese_beyond(err, argv), shown
        assert _state(engine) == before, shown  # nothing changed, nothing lost


def _chinese_beyond(err: str, argv: list[str]) -> bool:
    """Whether the English message has Chinese words of its own (not of the arguments or the
    data it names: a unit, a setting's title is bilingual)."""
    for word in argv:
        err = err.replace(word, "")
    err = re.sub("“[^”]*”", "", err)  # Chinese quoted: what the file should have said
    return any("\u4e00" <= char <= "\u9fff" for char in err) and "REVISITDESK" not in err


def test_the_language_of_the_environment_is_the_messages_too(place, capsys, monkeypatch):
    monkeypatch.setenv("REVISITDESK_LANG", "en")
    code, _out, err = _run(["--db", place["url"], "calendar", "show", "2026", "x"], capsys)
    assert code == 2 and "the month must be a whole number" in err
    monkeypatch.setenv("REVISITDESK_LANG", "fr")
    code, _out, err = _run(["--db", place["url"], "units", "list"], capsys)
    assert code == 2 and "REVISITDESK_LANG=fr" in err and "Traceback" not in err


def test_a_file_is_written_where_the_arguments_allow(place, capsys, tmp_path):
    """The checks let through what is right: a new file in a folder that exists, a file
    replaced."""
    target = Path(place["dir"]) / "季度.json"
    for _twice in range(2):
        code, out, err = _run(
            ["--db", place["url"], "report", "quarterly", "--year", "2026", "--quarter", "3"]
            + ["-o", str(target)],
            capsys,
        )
        assert code == 0, err
        assert json.loads(target.read_text("utf-8"))["quarter"] == 3
    code, out, err = _run(
        ["--db", place["url"], "desk", "plan", "--year", "2100"] + ["--quarter", "4"], capsys
    )
    assert code == 0, err


def test_a_report_that_cannot_be_written_says_why(place, capsys, monkeypatch):
    """The folder checked, then gone (or full) when the file is written: a message, exit 2."""

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device", place["dir"] + "/q.json")

    monkeypatch.setattr(Path, "write_text", full)
    code, _out, err = _run(
        ["--db", place["url"], *QUARTERLY, "-o", place["dir"] + "/q.json"], capsys
    )
    assert code == 2 and "无法写入文件：磁盘空间已满" in err and "Traceback" not in err


def test_the_types_say_why_in_both_languages(monkeypatch):
    import argparse

    for lang, words in (
        ("zh", "年份应在 2000 到 2100 之间，不能是 10000"),
        ("en", "the year must be 2000 to 2100, not 10000"),
    ):
        monkeypatch.setattr("app.i18n._language", lang)
        with pytest.raises(argparse.ArgumentTypeError, match=words):
            arguments.year("10000")
    monkeypatch.setattr("app.i18n._language", "en")
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        arguments.record_id(VERY_LONG)
    assert len(str(refused.value)) < 100  # the number cut short
    assert arguments.day(" 2026-07-05 ").isoformat() == "2026-07-05"
    assert arguments.quarter("4") == 4 and arguments.seed("0") == 0


# --- The parser walked: every argument is checked as it is parsed, or its text is tried ------

# Conversions that end in a traceback or in argparse's English ("invalid int value") instead of
# a message: an argument is typed with cli.arguments.
BARE_TYPES = (int, float, str, Path, datetime.fromisoformat, date.fromisoformat, open)

# The arguments that are free text (a name, a label, a note, a key, an address), each tried in
# a command that takes it, "{text}" replaced by each of HOSTILE_TEXTS. A new command's argument
# is either typed with cli.arguments or listed here.
FREE_TEXT: dict[str, tuple[str, ...]] = {
    "import cases --unit-map": ("import", "cases", "{samples}/cases_2026q3.csv", "--unit-map"),
    "import cases --new-units": ("import", "cases", "{samples}/cases_2026q3.csv", "--new-units"),
    "import evaluations --profile": (
        "import",
        "evaluations",
        "{samples}/evaluations_2026q3.xlsx",
        "--profile",
    ),
    "import profiles show name": ("import", "profiles", "show"),
    "import profiles remove name": ("import", "profiles", "remove"),
    "report sample --unit": (*SAMPLE, "--size", "1", "-o", "{dir}/s.xlsx", "--unit"),
    "report feedback --unit": (
        *("report", "feedback", "--year", "2026", "--quarter", "3", "-o", "{dir}/f.xlsx"),
        "--unit",
    ),
    "desk outcomes code": ("desk", "outcomes", "--label", "x", "{text}"),
    "desk outcomes --label": ("desk", "outcomes", "busy", "--label"),
    "desk outcomes --label-en": ("desk", "outcomes", "busy", "--label-en"),
    "desk outcomes --key": ("desk", "outcomes", "busy", "--key"),
    "settings key": ("settings", "{text}", "1"),
    "settings value": ("settings", "sync.site_name"),
    "staff add name": ("staff", "add"),
    "staff add --role": ("staff", "add", "新同事", "--role"),
    "staff add --unit": ("staff", "add", "新同事", "--unit"),
    "staff add --username": ("staff", "add", "新同事", "--username"),
    "staff role name": ("staff", "role", "{text}", "operator"),
    "staff role role": ("staff", "role", "王芳"),
    "staff password username": ("staff", "password"),
    "units rename old": ("units", "rename", "{text}", "丙单位"),
    "units rename new": ("units", "rename", "甲单位"),
    "units set name": ("units", "set", "{text}", "--district", "历下区"),
    "units set --district": ("units", "set", "甲单位", "--district"),
    "units set --area-code": ("units", "set", "甲单位", "--area-code"),
    "units merge source": ("units", "merge", "{text}", "乙单位"),
    "units merge target": ("units", "merge", "甲单位"),
    "do-not-call mark number": ("do-not-call", "mark", "{text}", "--reason", "x"),
    "do-not-call mark --reason": ("do-not-call", "mark", "13812345678", "--reason"),
    "do-not-call clear number": ("do-not-call", "clear", "{text}", "--reason", "x"),
    "do-not-call clear --reason": ("do-not-call", "clear", "13812345678", "--reason"),
    "recordings import --operator": ("recordings", "import", "{dir}", "--operator"),
    "audit export --actor": ("audit", "export", "-o", "{dir}/a.csv", "--actor"),
    "audit export --entity": ("audit", "export", "-o", "{dir}/a.csv", "--entity"),
    "audit export --action": ("audit", "export", "-o", "{dir}/a.csv", "--action"),
    "audit verify --anchor": ("audit", "verify", "--anchor"),
    "db recover --for": ("db", "recover", "--recovery-key", "{garbage}", "--for"),
    "db recover --recovery-key": ("db", "recover", "--for", "admin", "--recovery-key"),
    "backup verify --recovery-key": ("backup", "verify", "{garbage}", "--recovery-key"),
    "backup restore --recovery-key": (
        *("backup", "restore", "{garbage}", "--to", "{dir}/n.sqlite3"),
        "--recovery-key",
    ),
    "calendar set --note": ("calendar", "set", "2026-10-01", "work", "--note"),
    "calendar add-year --note": ("calendar", "add-year", "2030", "--note"),
    "sync export --since": ("sync", "export", "-o", "{dir}/s.rdsync", "--since"),
    "sync export --to": ("sync", "export", "-o", "{dir}/s.rdsync", "--to"),
    "sync send-cases --unit": ("sync", "send-cases", "-o", "{dir}/c.rdsync", "--unit"),
    "sync send-cases --to": ("sync", "send-cases", "--unit", "甲单位", "-o", "{dir}/c.rdsync")
    + ("--to",),
    "sync decide --by": ("sync", "decide", "1", "local", "--by"),
    "keys trust --peer": ("keys", "trust", "{profile}", "--peer"),
    "keys trust --fingerprint": ("keys", "trust", "{profile}", "--peer", "中心", "--fingerprint"),
    "keys forget peer": ("keys", "forget"),
    "token create --for": ("token", "create", "--hours", "1", "--for"),
    "token create --commands": ("token", "create", "--for", "operator", "--hours", "1")
    + ("--commands",),
}
HOSTILE_TEXTS = (
    LONG_TEXT,
    "第一行\n第二行",
    "",
    "   ",
    "'; DROP TABLE staff; --",
    "\u202egpj.exe",  # right-to-left override
    "{0}%s%n",
    "😀" * 60,  # beyond the Basic Multilingual Plane
)


def _arguments() -> dict[str, argparse.Action]:
    """Every argument of every command that takes a value ("command --option" or "command
    dest"); the parser's own (--db, --lang, --user) are the log-in's and opening's."""
    found: dict[str, argparse.Action] = {}

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, command in action.choices.items():
                    walk(command, (*words, name))
            elif words and action.nargs != 0 and not isinstance(action, argparse._HelpAction):
                name = action.option_strings[-1] if action.option_strings else action.dest
                found[" ".join((*words, name))] = action

    walk(build_parser(), ())
    return found


def test_every_argument_is_checked_as_it_is_parsed_or_tried_as_free_text():
    free = set()
    for name, action in _arguments().items():
        if action.type is None:
            if action.choices is None:
                free.add(name)
            continue
        assert action.type not in BARE_TYPES, name
        assert action.type.__module__ == "cli.arguments", name  # e.g. arguments.integer(…)
    assert free == set(FREE_TEXT)


def test_every_type_answers_any_text_with_a_value_or_a_message(tmp_path: Path, monkeypatch):
    """argparse shows an ArgumentTypeError's words; anything else is its English ("invalid …
    value") or, for an OSError or an OverflowError, a traceback."""
    monkeypatch.setattr("app.i18n._language", "en")
    (tmp_path / "file.txt").write_text("x")
    texts = [
        *("", " ", "0", "-1", "1e3", "0x10", "١٢", "１２", "NaN", "inf", HUGE, VERY_LONG),
        *("2026-02-30", "2026-7-5", "9999-12-31", "0001-01-01", "2026-07-05T10:00"),
        *(LONG_TEXT, "a\0b", "第一行\n第二行", "\u202e", "~nobody_known_here/x"),
        *(str(tmp_path), str(tmp_path / "file.txt"), str(tmp_path / "file.txt" / "x")),
        *(
            str(tmp_path / "无此文件夹" / "x"),
            str(tmp_path / ("x" * 300)),
            "/dev/zero",
            "/dev/null",
        ),
        *("sqlite:///" + str(tmp_path / "无此文件夹" / "x"), "sqlite://", "mysql://u@h/db", "://"),
    ]
    types = {action.type for action in _arguments().values() if action.type is not None}
    assert len(types) >= 10
    for kind in types:
        for text in texts:
            try:
                kind(text)
            except argparse.ArgumentTypeError as refused:
                said = str(refused)
                assert said and len(said) < 600, (kind, text, said)
                own = re.sub(r'"[^"]*"|\([^)]*\)', "", said.replace(text, ""))  # not its words
                assert not any("\u4e00" <= c <= "\u9fff" for c in own), said
            except Exception as error:  # noqa: BLE001 - what argparse would not explain
                pytest.fail(f"{kind.__name__}({text[:40]!r}): {error!r}")


@pytest.mark.parametrize("name", sorted(FREE_TEXT))
def test_free_text_arguments_take_hostile_text_without_a_traceback(
    name, any_place, capsys, monkeypatch
):
    """Each free-text argument given text no one means: taken, or refused with a message — on
    PostgreSQL too, which refuses a text longer than its column only when it is written."""
    monkeypatch.setattr("builtins.input", lambda _prompt="": pytest.fail("a question asked"))
    template = FREE_TEXT[name]
    if "{text}" not in template:
        template = (*template, "{text}")
    for text in HOSTILE_TEXTS:
        argv = ["--db", any_place["url"], *(arg.format(**any_place, text=text) for arg in template)]
        code, out, err = _run(argv, capsys)
        shown = f"{name} {text[:20]!r}: {code}\n{out[-500:]}{err[-2000:]}"
        assert code in (0, 1, 2, 3), shown
        assert err.strip() or code != 2, shown
        assert "Traceback" not in out + err, shown
        assert "意外错误" not in err, shown
