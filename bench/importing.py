"""The case import at city scale: a registration-system export through the app's import service
against csv/python-calamine and sqlite3 by hand.

    .venv/bin/python -m bench.importing [--rows 100000] [--runs 3] [--workdir DIR] [--profile]

A realistic export of `rows` cases (the columns of the sample case export; Chinese names, the
city's 12 units, phones written every usual way, a title row, a footer, a few rows to reject and a
few repeated lines) is written as .csv and .xlsx. Each run imports it into a fresh database with
the app's schema and the 12 units of bench.city, once by each side, the two taking turns at
going first:

- app: `import_file` in one `database.sessions.begin()` transaction, as the CLI does, on the
  app's own engine (WAL, synchronous=NORMAL, foreign keys);
- raw: the csv module (python-calamine for .xlsx, in this process: the app reads workbooks
  with it in a child process) and sqlite3 executemany writing the same staff, cases (with
  time-ordered uids, as the app's import makes them), phones (e164_reversed too) and import
  batch, on a connection with the same pragmas and the page cache the app's imports take
  (db.engine.bulk_write_cache).

Afterwards the two databases must hold the same cases, handlers and phones, and both sides must
have rejected and folded the same rows, or the comparison means nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import io
import json
import os
import pstats
import random
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import insert

from app.importing import ImportSummary, import_file
from bench.city import UNITS
from bench.desk import raw_connection
from bench.figures import Figure, median, timed
from db.database import Database, open_database
from db.engine import SQLITE_BULK_CACHE_KIB
from db.models import Unit

GOAL_CSV = 20_000  # rows per second (GitHub issue 8)
HEADER = (
    "业务编号",
    "办理事项类型",
    "受理单位",
    "所属区县",
    "受理日期",
    "办结日期",
    "申请人",
    "联系电话",
    "是否企业",
    "企业名称",
    "座落",
    "经办人",
    "办理渠道",
    "办理环节数",
    "办理天数",
    "登记费",
    "契税",
    "印花税",
)
TITLE = "济南市不动产登记业务办结清单（2026年度）"
FOOTER_WORD = "合计"
BUSINESS_TYPES = (
    ("国有建设用地使用权及房屋所有权转移登记", 30),
    ("抵押权首次登记", 20),
    ("抵押权注销登记", 15),
    ("预告登记", 10),
    ("国有建设用地使用权及房屋所有权首次登记", 8),
    ("变更登记", 7),
    ("在建工程抵押登记", 5),
    ("更正登记", 5),
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉兰萍红鹏飞宇浩然涵欣怡梓轩晨阳雪梅海燕建国志淑珍凤"
FIRMS = tuple("鲁润 泉丰 华达 鑫源 瑞源 齐鲁 海岱 舜和 历山 明湖 金泉 鼎盛".split())
FIRM_KINDS = tuple(
    "房地产开发有限公司 置业有限公司 科技有限公司 商贸有限公司 建设集团有限公司".split()
)
STREETS = tuple(
    "泉城路 经十路 解放路 花园路 明湖西路 旅游路 舜耕路 工业南路 二环东路 历山路 山大路 北园大街 济泺路 汇源大街 凤凰路".split()
)
# 11-digit mobile prefixes in use, all valid for phonenumbers.
MOBILE_PREFIXES = tuple(
    str(p)
    for p in (*range(130, 140), 150, 151, 152, 153, 155, 156, 157, 158, 159, 166, 170, 171)
    + (173, 175, 176, 177, 178, *range(180, 190), 191, 193, 195, 196, 197, 198, 199)
)
AREA_CODE = "0531"
HANDLERS_PER_UNIT = 30
# One row in this many is rejected, one in this many repeats an earlier line exactly.
REJECT_EVERY, REPEAT_EVERY = 1000, 2000
NOTES = {
    "csv": "app: import_file in one transaction (app engine, WAL + synchronous=NORMAL); "
    "raw: csv module + sqlite3 executemany of the same staff, cases and phones",
    "xlsx": "app: import_file (reads with python-calamine in a child process), one "
    "transaction; raw: python-calamine in process + sqlite3 executemany of the same rows",
}


# The export


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _landline(rng: random.Random) -> str:
    return rng.choice("5688") + f"{rng.randrange(10**7):07d}"


def _phone_cell(rng: random.Random) -> str:
    """联系电话 as registration clerks type it: mostly a bare mobile, then everything else."""
    mobile, local = _mobile(rng), _landline(rng)
    shape = rng.random()
    if shape < 0.74:
        return mobile
    if shape < 0.77:
        return f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    if shape < 0.79:
        return rng.choice((f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}", f"+86{mobile}"))
    if shape < 0.81:
        return f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    if shape < 0.87:
        return rng.choice((f"{AREA_CODE}-{local}", f"{AREA_CODE}{local}", f"{AREA_CODE} {local}"))
    if shape < 0.88:
        return rng.choice(
            (
                f"({AREA_CODE}){local}-{rng.randrange(100, 999)}",
                f"{AREA_CODE}-{local}转{rng.randrange(10, 99)}",
            )
        )
    if shape < 0.89:
        return local  # the unit's area code is implied
    if shape < 0.93:
        other = rng.choice((_mobile(rng), f"{AREA_CODE}-{_landline(rng)}"))
        return f"{mobile}{rng.choice(('；', '/', '，'))}{other}"
    if shape < 0.95:
        return rng.choice((f"手机：{mobile}", f"{mobile}（本人）"))
    if shape < 0.97:
        return ""
    return rng.choice(("无", "暂无", mobile[:10], "0000"))


def export_rows(rows: int, seed: int = 8) -> list[list]:
    """The data lines of an export of `rows` lines (rejects and repeats included); dates as
    `date`, counts and amounts as `int`, the rest as text."""
    rng = random.Random(seed)
    handlers = {unit: [_name(rng) for _ in range(HANDLERS_PER_UNIT)] for unit, _district in UNITS}
    start = date(2026, 1, 1)
    lines: list[list] = []
    for number in range(rows):
        if number % REPEAT_EVERY == REPEAT_EVERY - 1 and lines:
            lines.append(list(rng.choice(lines)))
            continue
        unit, district = rng.choice(UNITS)
        completed = start + timedelta(days=rng.randrange(365))
        accepted = completed - timedelta(days=rng.randrange(0, 8))
        enterprise = rng.random() < 0.12
        firm = rng.choice(FIRMS) + rng.choice(FIRM_KINDS) if enterprise else ""
        fee = rng.choice((80, 80, 0, 550))
        line = [
            f"JN{completed:%Y%m%d}{number:06d}",
            rng.choices([t for t, _ in BUSINESS_TYPES], [w for _, w in BUSINESS_TYPES])[0],
            unit,
            district,
            accepted,
            completed,
            firm or _name(rng),
            _phone_cell(rng),
            "是" if enterprise else "否",
            firm,
            f"{district}{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
            f"{rng.randrange(1, 40)}号楼{rng.randrange(1, 6)}单元{rng.randrange(1, 33)}"
            f"{rng.randrange(1, 5):02d}",
            rng.choice(handlers[unit]),
            rng.choice(("窗口", "窗口", "全程网办")),
            rng.randrange(1, 5),
            rng.randrange(1, 6),
            fee,
            rng.randrange(0, 90000) if fee else 0,
            rng.choice((0, 5)),
        ]
        if number % REJECT_EVERY == REJECT_EVERY // 2:
            broken = (number // REJECT_EVERY) % 3
            if broken == 0:
                line[0] = ""  # no case number
            elif broken == 1:
                line[5] = rng.choice(("2026-02-30", "待定"))
            else:
                line[4] = completed + timedelta(days=3)  # completed before accepted
        lines.append(line)
    return lines


def _text_cell(value: object) -> object:
    """A cell as the registration system writes it into CSV: dates as ISO text or 2026/7/5."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_export(workdir: Path, rows: int, seed: int = 8) -> tuple[Path, Path]:
    """cases.csv (UTF-8 with BOM, as the sample) and cases.xlsx of the same export."""
    import openpyxl

    workdir.mkdir(parents=True, exist_ok=True)
    lines = export_rows(rows, seed)
    footer = [f"{FOOTER_WORD}：{rows} 件"] + [""] * (len(HEADER) - 1)
    csv_path, xlsx_path = workdir / "cases.csv", workdir / "cases.xlsx"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow(HEADER)
    rng = random.Random(seed + 1)
    for line in lines:
        cells = [_text_cell(c) for c in line]
        if rng.random() < 0.03:  # some clerks' dates
            for column in (4, 5):
                if isinstance(line[column], date):
                    day = line[column]
                    cells[column] = f"{day.year}/{day.month}/{day.day}"
        writer.writerow(cells)
    writer.writerow(footer)
    csv_path.write_bytes(buffer.getvalue().encode("utf-8-sig"))

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("业务件")
    sheet.append([TITLE])
    sheet.append(HEADER)
    for line in lines:
        sheet.append(line)
    sheet.append(footer)
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


# The database every run starts from


def template_database(path: Path) -> Path:
    """A database with the app's schema and the city's 12 units, to be copied for each run."""
    path.unlink(missing_ok=True)
    database = open_database(f"sqlite:///{path}")
    with database.sessions.begin() as session:
        session.execute(
            insert(Unit),
            [{"name": name, "district": d, "area_code": AREA_CODE} for name, d in UNITS],
        )
    database.close()
    return path


def _fresh_copy(template: Path, path: Path) -> Path:
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(template, path)
    return path


# The app's side


def app_import(path: Path, database: Database) -> ImportSummary:
    """The file through the app's import service, as `main.py import cases FILE` does once the
    database is open."""
    with database.sessions.begin() as session:
        return import_file(session, "cases", path)


# The raw side: what a hand-written import of this export does


@dataclass
class RawSummary:
    rows: int = 0
    inserted: int = 0
    rejected: int = 0
    repeated: int = 0


_MOBILE = re.compile(r"1[3-9]\d{9}")
_PIECES = re.compile(r"[；/，]")
_NON_DIGITS = re.compile(r"\D")


def _raw_phones(cell: str, area: str) -> list[tuple[str, str | None, str | None, str | None]]:
    """(original, e164, extension, kind) of each number in the cell, for the shapes above."""
    phones = []
    for piece in _PIECES.split(cell):
        piece = piece.strip()
        if not piece:
            continue
        number, extension = piece, None
        if "转" in piece:
            number, extension = piece.split("转")
        elif piece.startswith("("):
            number, extension = piece.rsplit("-", 1)
        digits = _NON_DIGITS.sub("", number)
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        if _MOBILE.fullmatch(digits):
            phones.append((piece, "+86" + digits, extension, "mobile"))
        elif len(digits) == 12 and digits.startswith(area):
            phones.append((piece, "+86" + digits[1:], extension, "fixed_line"))
        elif len(digits) == 8 and digits[0] in "2345678":
            phones.append((piece, "+86" + area[1:] + digits, extension, "fixed_line"))
        else:
            phones.append((piece, None, None, None))
    return phones


def _raw_date(cell: object) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if not cell:
        return None
    year, month, day = str(cell).replace("/", "-").split("-")
    return date(int(year), int(month), int(day))


def _raw_text(cell: object) -> str | None:
    return str(cell).strip() or None if cell is not None else None


def raw_import(path: Path, rows: Iterable[list], db_path: Path) -> RawSummary:
    """The export by hand: header by name, each line checked and converted, then executemany."""
    summary = RawSummary()
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    lines = iter(rows)
    for cells in lines:
        if cells and cells[0] == HEADER[0]:
            column = {name: cells.index(name) for name in HEADER}
            break
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    connection = raw_connection(db_path)
    connection.execute(f"PRAGMA cache_size = {-SQLITE_BULK_CACHE_KIB}")  # as the app's imports
    connection.execute("BEGIN")
    try:
        units = {
            name: (unit_id, code)
            for unit_id, name, code in connection.execute("SELECT id, name, area_code FROM units")
        }
        records: dict[str, tuple] = {}
        for cells in lines:
            first = cells[0] if cells else None
            if isinstance(first, str) and first.startswith(FOOTER_WORD):
                continue
            summary.rows += 1
            try:
                record = _raw_record(cells, column)
            except ValueError:
                summary.rejected += 1
                continue
            earlier = records.get(record[0])
            if earlier is None:
                records[record[0]] = record
            elif earlier == record:
                summary.repeated += 1
            else:
                summary.rejected += 1

        staff = {
            (name, unit_id): staff_id
            for staff_id, name, unit_id in connection.execute(
                "SELECT id, name, unit_id FROM staff WHERE unit_id IS NOT NULL"
            )
        }
        wanted = {(r[11], units[r[2]][0]) for r in records.values() if r[11]} - set(staff)
        connection.executemany(
            "INSERT INTO staff (uid, name, unit_id, is_operator, active, role, failed_logins,"
            " created_at, updated_at) VALUES (?, ?, ?, 0, 1, 'operator', 0, ?, ?)",
            [(uuid.uuid4().hex, name, unit_id, stamp, stamp) for name, unit_id in wanted],
        )
        staff.update(
            ((name, unit_id), staff_id)
            for staff_id, name, unit_id in connection.execute(
                "SELECT id, name, unit_id FROM staff WHERE unit_id IS NOT NULL"
            )
        )
        known = set()
        numbers = list(records)
        for begin in range(0, len(numbers), 5000):  # as many at a time as the app
            chunk = numbers[begin : begin + 5000]
            marks = ",".join("?" * len(chunk))
            known.update(
                row[0]
                for row in connection.execute(
                    f"SELECT case_no FROM cases WHERE case_no IN ({marks})", chunk
                )
            )
        next_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM cases").fetchone()[0]
        # Time-ordered uids as the app's import makes them (UUIDv7 counting up from a random
        # start), so that both sides' uid indexes take the same inserts.
        uid = _first_uid()
        case_rows, phone_rows = [], []
        for record in records.values():
            if record[0] in known:
                continue  # a fresh database has none; a re-import would compare them
            unit_id, area = units[record[2]]
            phones = _raw_phones(record[7], area)
            case_rows.append(
                (
                    next_id,
                    f"{uid:032x}",
                    record[0],
                    record[1],
                    unit_id,
                    *record[3:7],
                    *record[8:11],
                    staff.get((record[11], unit_id)),
                    *record[12:],
                    any(p[1] for p in phones),
                    stamp,
                    stamp,
                )
            )
            phone_rows.extend(
                (next_id, i, p[0], p[1], p[1] and p[1][::-1], p[2], p[3])
                for i, p in enumerate(phones)
            )
            next_id += 1
            uid += 1
        connection.executemany(
            "INSERT INTO cases (id, uid, case_no, business_type, unit_id, district, accepted_on,"
            " completed_on, applicant, is_enterprise, enterprise_name, location, handler_id,"
            " channel, steps, days, registration_fee_fen, deed_tax_fen, stamp_duty_fen,"
            " has_valid_phone, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            case_rows,
        )
        connection.executemany(
            "INSERT INTO case_phones (case_id, position, original, e164, e164_reversed,"
            " extension, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
            phone_rows,
        )
        summary.inserted = len(case_rows)
        connection.execute(
            "INSERT INTO import_batches (uid, kind, filename, sha256, summary, created_at,"
            " updated_at) VALUES (?, 'cases', ?, ?, ?, ?, ?)",
            (uuid.uuid4().hex, path.name, sha256, json.dumps(summary.__dict__), stamp, stamp),
        )
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
    return summary


def _first_uid() -> int:
    """The first of a batch of UUIDv7 as an integer: now's milliseconds, the version, random
    bits, the variant, and a random start with room to count up."""
    now_ms = time.time_ns() // 1_000_000
    random_bits = int.from_bytes(os.urandom(10), "big")
    return (
        now_ms << 80
        | 0x7 << 76
        | (random_bits >> 68) << 64
        | 0b10 << 62
        | random_bits & ((1 << 60) - 1)
    )


def _raw_record(cells: list, column: dict[str, int]) -> tuple:
    """The values of one line in the order of HEADER, converted; ValueError when it is rejected."""

    def cell(name: str) -> object:
        return cells[column[name]]

    case_no = _raw_text(cell("业务编号"))
    unit = _raw_text(cell("受理单位"))
    completed = _raw_date(cell("办结日期"))  # ValueError for 2026-02-30 and 待定
    accepted = _raw_date(cell("受理日期"))
    if not case_no or not unit or completed is None or (accepted and completed < accepted):
        raise ValueError(case_no)
    enterprise = cell("是否企业") == "是"
    channel = {"全程网办": "online", "窗口": "window"}.get(cell("办理渠道"), cell("办理渠道"))
    return (
        case_no.upper(),
        _raw_text(cell("办理事项类型")),
        unit,
        _raw_text(cell("所属区县")),
        accepted and accepted.isoformat(),
        completed.isoformat(),
        _raw_text(cell("申请人")),
        str(cell("联系电话") or ""),
        enterprise,
        _raw_text(cell("企业名称")),
        _raw_text(cell("座落")),
        _raw_text(cell("经办人")),
        channel,
        *(int(cell(name)) for name in ("办理环节数", "办理天数")),
        *(int(cell(name)) * 100 for name in ("登记费", "契税", "印花税")),
    )


def csv_rows(path: Path) -> Iterator[list]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        yield from csv.reader(file)


def xlsx_rows(path: Path) -> Iterator[list]:
    """The rows of the first sheet, read as the app reads workbooks: python-calamine (here in
    this process: the app reads in a child process, to survive a hostile file)."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        yield from workbook.get_sheet_by_index(0).iter_rows()
    finally:
        workbook.close()


# Do both databases hold the same?

CASES_SQL = """
SELECT c.case_no, c.business_type, u.name, c.district, c.accepted_on, c.completed_on,
  c.applicant, c.is_enterprise, c.enterprise_name, c.location, s.name, s.unit_id = c.unit_id,
  c.channel, c.steps, c.days, c.registration_fee_fen, c.deed_tax_fen, c.stamp_duty_fen,
  c.has_valid_phone, length(c.uid), substr(c.uid, 13, 1), c.origin, c.first_evaluation_id,
  c.created_at IS NOT NULL, c.updated_at IS NOT NULL
FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN staff s ON s.id = c.handler_id
"""
PHONES_SQL = """
SELECT c.case_no, p.position, p.original, p.e164, p.e164_reversed, p.extension, p.kind
FROM case_phones p JOIN cases c ON c.id = p.case_id
"""
STAFF_SQL = "SELECT s.name, u.name, s.is_operator, s.active, s.role FROM staff s JOIN units u ON u.id = s.unit_id"


def differences(app_db: Path, raw_db: Path) -> list[str]:
    """What one database holds and the other not: cases, their phones, the handlers (empty when
    they agree)."""
    found = []
    for what, sql in (("cases", CASES_SQL), ("phones", PHONES_SQL), ("staff", STAFF_SQL)):
        held = []
        for path in (app_db, raw_db):
            with sqlite3.connect(path) as connection:
                held.append(set(connection.execute(sql)))
        app, raw = held
        for side, extra in (("app", app - raw), ("raw", raw - app)):
            for row in sorted(extra, key=repr)[:5]:
                found.append(f"{what} only on the {side} side: {row}")
        if not found and len(app) == 0:
            found.append(f"no {what} at all")
    return found


def _check(summary: ImportSummary, raw: RawSummary, app_db: Path, raw_db: Path) -> None:
    counts = (summary.rows, summary.inserted, len(summary.rejected), summary.duplicates_in_file)
    assert counts == (raw.rows, raw.inserted, raw.rejected, raw.repeated), (
        f"app read/inserted/rejected/repeated {counts}, raw {raw}"
    )
    problems = differences(app_db, raw_db)
    assert not problems, "the databases differ:\n" + "\n".join(problems)


# The measurement


def measure(workdir: Path, *, rows: int = 100_000, runs: int = 3) -> list[Figure]:
    """Rows per second of the app's case import against raw sqlite3, from .csv and from .xlsx.

    Leaves the export and the last run's databases (app-csv.sqlite3, raw-csv.sqlite3, …) in
    `workdir`; raises AssertionError when the two sides did not store the same.
    """
    workdir = Path(workdir)
    files = dict(zip(("csv", "xlsx"), write_export(workdir, rows), strict=True))
    template = template_database(workdir / "template.sqlite3")
    figures = []
    for kind, path in files.items():
        read = csv_rows if kind == "csv" else xlsx_rows
        app_rates, raw_rates = [], []
        for run in range(runs):
            app_db = _fresh_copy(template, workdir / f"app-{kind}.sqlite3")
            raw_db = _fresh_copy(template, workdir / f"raw-{kind}.sqlite3")
            database = open_database(f"sqlite:///{app_db}")  # and its migrations checked
            app_side = partial(app_import, path, database)
            raw_side = partial(raw_import, path, read(path), raw_db)
            if run % 2:  # taking turns at going first, for what the other processes do
                (raw, raw_s), (summary, app_s) = timed(raw_side), timed(app_side)
            else:
                (summary, app_s), (raw, raw_s) = timed(app_side), timed(raw_side)
            database.close()
            _check(summary, raw, app_db, raw_db)
            app_rates.append(rows / app_s)
            raw_rates.append(rows / raw_s)
        figures.append(
            Figure(
                name=f"import cases .{kind}",
                unit="rows/s",
                app=median(app_rates),
                raw=median(raw_rates),
                goal=GOAL_CSV if kind == "csv" else None,
                higher_is_better=True,
                runs=runs,
                note=NOTES[kind],
            )
        )
    return figures


def profile_app(workdir: Path, rows: int, top: int = 30) -> str:
    """cProfile of one app import of the CSV export: the top by cumulative and by own time."""
    workdir = Path(workdir)
    path = workdir / "cases.csv"
    if not path.exists():
        write_export(workdir, rows)
    template = template_database(workdir / "template.sqlite3")
    database = open_database(f"sqlite:///{_fresh_copy(template, workdir / 'profile.sqlite3')}")
    profiler = cProfile.Profile()
    profiler.runcall(app_import, path, database)
    database.close()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def figure_line(figure: Figure) -> str:
    goal = ""
    if figure.goal is not None:
        goal = f", goal {figure.goal:,.0f} ({'met' if figure.met else 'not met'})"
    return (
        f"{figure.name}: app {figure.app:,.0f} {figure.unit}, raw sqlite3 {figure.raw:,.0f} "
        f"{figure.unit}, app/raw {figure.ratio:.2f}{goal} (medians of {figure.runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-importing"))
    parser.add_argument(
        "--profile", action="store_true", help="only profile one app import of the CSV"
    )
    args = parser.parse_args()
    if args.profile:
        print(profile_app(args.workdir, args.rows))
        return
    for figure in measure(args.workdir, rows=args.rows, runs=args.runs):
        print(figure_line(figure))


if __name__ == "__main__":
    main()
