"""Importing the registration system's export of completed cases (业务件)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from operator import attrgetter, methodcaller
from typing import NamedTuple

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.importing.bulk import (
    insert_columns,
    insert_rows,
    reserve_ids,
    time_ordered_uid_values,
)
from app.importing.columns import Field
from app.importing.problems import RowProblem
from app.importing.rows import SourceRow, parse_rows
from app.importing.summary import ImportSummary
from app.importing.unknown_units import UnitChoices, UnitPlan, plan_units, unit_name
from app.phones import ParsedPhone, parse_phone, parse_phones, split_phone_cell
from db.models import AuditEntry, Case, CasePhone, Staff, Unit, backwards
from db.types import utcnow

KIND = "cases"
FIELDS = (
    Field(
        "case_no",
        "业务编号",
        ("业务号", "件号", "受理编号", "办件编号", "业务流水号", "案卷号"),
        True,
    ),
    Field(
        "business_type",
        "办理事项类型",
        ("登记类型", "业务类型", "事项名称", "办理事项", "登记小类"),
    ),
    Field("unit", "受理单位", ("受理机构", "登记机构", "受理部门", "办理单位", "受理网点"), True),
    Field("district", "所属区县", ("区县", "行政区", "所在区县", "所属区域", "区域")),
    Field("accepted_on", "受理日期", ("受理时间",)),
    Field("completed_on", "办结日期", ("办结时间", "完成日期", "完结日期", "结案日期"), True),
    Field("applicant", "申请人", ("权利人", "申请人姓名", "当事人", "申请人名称")),
    Field("phones", "联系电话", ("电话", "手机", "手机号", "手机号码", "联系方式", "申请人电话")),
    Field("is_enterprise", "是否企业", ("企业", "是否为企业", "申请人类型")),
    Field("enterprise_name", "企业名称", ("单位名称", "公司名称")),
    Field("location", "座落", ("坐落", "不动产坐落", "房屋坐落", "房屋地址", "不动产单元坐落")),
    Field("handler", "经办人", ("受理人", "承办人", "经办人员")),
    Field("channel", "办理渠道", ("受理渠道", "申请方式", "办理方式")),
    Field("steps", "办理环节数", ("环节数", "办理环节")),
    Field("days", "办理天数", ("用时天数", "办理时间（天）", "办理时限")),
    Field("registration_fee", "登记费", ("登记费（元）",)),
    Field("deed_tax", "契税", ("契税（元）",)),
    Field("stamp_duty", "印花税", ("印花税（元）",)),
)

_ONLINE_WORDS = ("全程网办", "网上", "网办", "不见面", "线上", "online")
_WINDOW_WORDS = ("窗口", "现场", "线下", "大厅", "window")
_CHUNK = 500
# Case numbers looked up at a time: below SQLite's 32 766 parameters, PostgreSQL's 65 535.
_LOOKUP_CHUNK = 5000


# A named tuple: a city's file builds 100 000 of them, made here from the columns of a file at
# the speed of tuples (a dataclass of 18 fields takes three to five times as long).
class CaseRecord(NamedTuple):
    case_no: str
    business_type: str | None
    unit: str
    district: str | None
    accepted_on: date | None
    completed_on: date
    applicant: str | None
    phones: tuple[str, ...]
    is_enterprise: bool
    enterprise_name: str | None
    location: str | None
    handler: str | None
    channel: str | None
    steps: int | None
    days: int | None
    registration_fee_fen: int | None
    deed_tax_fen: int | None
    stamp_duty_fen: int | None


def parse_row(row: SourceRow) -> CaseRecord:
    accepted_on = row.date("accepted_on")
    completed_on = row.date("completed_on", required=True)
    if accepted_on and completed_on < accepted_on:
        raise RowProblem(
            "completed_before_accepted",
            {"completed": completed_on.isoformat(), "accepted": accepted_on.isoformat()},
        )
    enterprise_name = row.text("enterprise_name", 200)
    is_enterprise = _is_enterprise(row)
    return CaseRecord(
        case_no=row.code("case_no", 64, required=True),
        business_type=row.text("business_type", 100),
        unit=unit_name(row.text("unit", 100, required=True)),
        district=row.text("district", 50),
        accepted_on=accepted_on,
        completed_on=completed_on,
        applicant=row.text("applicant", 200),
        # As written: line breaks and runs of spaces separate numbers there.
        phones=tuple(split_phone_cell(row.raw_text("phones"))),
        is_enterprise=is_enterprise,
        enterprise_name=enterprise_name,
        location=row.text("location", 300),
        handler=row.text("handler", 50),
        channel=_channel(row.text("channel", 20)),
        steps=row.count("steps"),
        days=row.count("days"),
        registration_fee_fen=row.money_fen("registration_fee"),
        deed_tax_fen=row.money_fen("deed_tax"),
        stamp_duty_fen=row.money_fen("stamp_duty"),
    )


def _is_enterprise(row: SourceRow) -> bool:
    """是否企业: 企业/单位/公司 (not 非企业), 个人/自然人, else a 是/否 of any spelling."""
    enterprise_cell = row.text("is_enterprise") or ""
    if "企业" in enterprise_cell or "单位" in enterprise_cell or "公司" in enterprise_cell:
        return not enterprise_cell.startswith(("非", "不"))
    if "个人" in enterprise_cell or "自然人" in enterprise_cell:
        return False
    return row.flag("is_enterprise")


# The fields whose cells repeat down a file (a year of dates, a dozen units, a few hundred
# handlers, amounts and counts), each with parse_row's reading of it: parse_rows_of_file reads
# each distinct cell of them once.
_REPEATING: tuple[tuple[str, Callable[[SourceRow], object]], ...] = (
    ("accepted_on", methodcaller("date", "accepted_on")),
    ("completed_on", methodcaller("date", "completed_on", required=True)),
    ("enterprise_name", methodcaller("text", "enterprise_name", 200)),
    ("is_enterprise", _is_enterprise),
    ("business_type", methodcaller("text", "business_type", 100)),
    ("unit", lambda row: unit_name(row.text("unit", 100, required=True))),
    ("district", methodcaller("text", "district", 50)),
    ("handler", methodcaller("text", "handler", 50)),
    ("channel", lambda row: _channel(row.text("channel", 20))),
    ("steps", methodcaller("count", "steps")),
    ("days", methodcaller("count", "days")),
    ("registration_fee", methodcaller("money_fen", "registration_fee")),
    ("deed_tax", methodcaller("money_fen", "deed_tax")),
    ("stamp_duty", methodcaller("money_fen", "stamp_duty")),
)
_FAILED = object()  # where a reading raised: the row is read by parse_row
# Counts and amounts (in fen) of plain digits, as exports write them, read without a call each:
# an amount's cells are as many as its values (契税 differs from case to case).
_PLAIN_NUMBERS = {
    "steps": 1,
    "days": 1,
    "registration_fee": 100,
    "deed_tax": 100,
    "stamp_duty": 100,
}


def parse_rows_of_file(
    rows: list[SourceRow], summary: ImportSummary, tick: Callable[[], None]
) -> list[tuple[SourceRow, CaseRecord]]:
    """parse_rows(rows, parse_row, …) for the rows of one file, read column by column: each
    distinct cell of the repeating fields once, the usual shapes of the other cells in line.

    Its records are parse_row's, and so are its rejections: each value is parse_row's own
    reading of the cell (or, for the usual shapes, what that reading gives them), and a row
    where anything did not pass is read again by parse_row itself, which rejects it for the
    same cell with the same message.
    """
    if not rows:
        return []
    first = rows[0]
    if any(row.columns is not first.columns or row.dates is not first.dates for row in rows):
        return parse_rows(rows, parse_row, summary, tick)
    failed: set[int] = set()
    try:
        columns = _record_columns(rows, failed)
    except TypeError:  # a cell no dict can hold: no reader of files gives one
        return parse_rows(rows, parse_row, summary, tick)
    parsed = list(zip(rows, map(_as_record, zip(*columns, strict=True)), strict=True))
    if not failed:
        for _row in rows:
            tick()
        return parsed
    kept = []
    for index, pair in enumerate(parsed):
        tick()
        if index in failed:
            row = pair[0]
            try:
                pair = (row, parse_row(row))
            except RowProblem as problem:
                summary.reject(row.line, problem, row.shown_cells())
                continue
        kept.append(pair)
    return kept


def _record_columns(rows: list[SourceRow], failed: set[int]) -> list[list]:
    """The values of CaseRecord's fields, a list per field in its order, for rows of one file;
    adds to `failed` the index of each row where a reading did not pass (its values there are
    not to be used)."""
    layout = rows[0].columns
    count = len(rows)
    lines = list(map(_CELLS, rows))
    # The file's columns at once when its rows are all as long (as exports are); else each
    # column read: never a rectangle padded to the longest row (a hostile file's is huge).
    table = list(zip(*lines, strict=True)) if len(set(map(len, lines))) == 1 else None

    def cells_of(key: str) -> Sequence:
        index = layout.get(key)
        if index is None:
            return (None,) * count
        if table is not None:
            return table[index] if index < len(table) else (None,) * count
        return [cells[index] if index < len(cells) else None for cells in lines]

    def read_each(values: list, key: str, read: Callable[[SourceRow], object]) -> list:
        """`values` with each _FAILED replaced by `read` of its row, or noted in `failed`."""
        for index, value in enumerate(values):
            if value is _FAILED:
                try:
                    values[index] = read(rows[index])
                except RowProblem:
                    failed.add(index)
        return values

    found: dict[str, list] = {}
    for key, read in _REPEATING:
        cells = cells_of(key)
        # 1, 1.0 and True are one key to a dict: such cells are told apart by their type.
        if len(set(map(type, cells)) & _NUMBERS) > 1:
            cells = [(cell.__class__, cell) for cell in cells]
        first_row_of = dict(zip(reversed(cells), range(count - 1, -1, -1), strict=True))
        read_once = {}
        plain = _PLAIN_NUMBERS.get(key)
        for cell, index in first_row_of.items():
            if plain is not None and cell.__class__ is str and cell.isdigit() and cell.isascii():
                if len(cell) < 8:  # what values.parse_count and parse_money_fen read first
                    read_once[cell] = int(cell) * plain
                    continue
            try:
                read_once[cell] = read(rows[index])
            except RowProblem:
                read_once[cell] = _FAILED
        found[key] = list(map(read_once.__getitem__, cells))
        if _FAILED in read_once.values():
            failed.update(i for i, value in enumerate(found[key]) if value is _FAILED)
    for index, (accepted_on, completed_on) in enumerate(
        zip(found["accepted_on"], found["completed_on"], strict=True)
    ):
        if accepted_on and completed_on is not _FAILED and completed_on < accepted_on:
            failed.add(index)  # completed_before_accepted, as parse_row words it
    case_nos = read_each(_case_numbers(cells_of("case_no")), "case_no", _CASE_NO)
    phones = [  # row.raw_text's reading of printable text, split as parse_row splits it
        ((c,) if c.isdigit() else tuple(split_phone_cell(c)) if c.isprintable() else _FAILED)
        if c.__class__ is str
        else _FAILED
        for c in cells_of("phones")
    ]
    read_each(phones, "phones", lambda row: tuple(split_phone_cell(row.raw_text("phones"))))
    return [
        case_nos,
        found["business_type"],
        found["unit"],
        found["district"],
        found["accepted_on"],
        found["completed_on"],
        read_each(_plain_texts(cells_of("applicant"), 200), "applicant", _APPLICANT),
        phones,
        found["is_enterprise"],
        found["enterprise_name"],
        read_each(_plain_texts(cells_of("location"), 300), "location", _LOCATION),
        found["handler"],
        found["channel"],
        found["steps"],
        found["days"],
        found["registration_fee"],
        found["deed_tax"],
        found["stamp_duty"],
    ]


_NUMBERS = frozenset({bool, int, float})
_CELLS = attrgetter("cells")
_as_record = partial(tuple.__new__, CaseRecord)  # a CaseRecord of a tuple of its fields
_APPLICANT = methodcaller("text", "applicant", 200)
_LOCATION = methodcaller("text", "location", 300)
_CASE_NO = methodcaller("code", "case_no", 64, required=True)


def _case_numbers(cells: Sequence) -> list:
    """row.code(…, 64) of ASCII case numbers, as most are (upper-cased); _FAILED for others."""
    if _all_text(cells) and min(map(len, cells)) > 0 and max(map(len, cells)) <= 64:
        joined = "".join(cells)
        if joined.isascii() and joined.isalnum():  # the whole column at once
            return list(map(str.upper, cells))
    return [
        c.upper()
        if c.__class__ is str and c.isascii() and c.isalnum() and len(c) <= 64
        else _FAILED
        for c in cells
    ]


def _plain_texts(cells: Sequence, limit: int) -> list:
    """row.text(key, limit) of printable text cells within the limit; _FAILED for the others."""
    if _all_text(cells):
        values = [" ".join(cell.split()) for cell in cells]
        if not values or (max(map(len, values)) <= limit and "".join(values).isprintable()):
            return [value or None for value in values]  # the whole column at once
    found = []
    for cell in cells:
        if cell.__class__ is str:
            value = " ".join(cell.split())
            if len(value) <= limit and value.isprintable():
                found.append(value or None)
                continue
        found.append(_FAILED)
    return found


def _all_text(cells: Sequence) -> bool:
    return set(map(type, cells)) <= {str}


@lru_cache(maxsize=1024)  # and a few channels
def _channel(text: str | None) -> str | None:
    """办理渠道 as a code: 'online' for fully online (全程网办), 'window' for the counter."""
    if not text:
        return None
    lowered = text.lower()
    if any(word in lowered for word in _ONLINE_WORDS):
        return "online"
    if any(word in lowered for word in _WINDOW_WORDS):
        return "window"
    return text


@dataclass
class PreparedCases:
    records: list[CaseRecord]
    units: UnitPlan


def prepare(
    session: Session,
    rows: list[SourceRow],
    summary: ImportSummary,
    tick: Callable[[], None],
    units: UnitChoices,
) -> PreparedCases:
    """Parse the rows; reject the bad ones and those of a unit `units` rejects; count identical
    repeated lines once."""
    parsed = parse_rows_of_file(rows, summary, tick)
    plan = plan_units(session, Counter(record.unit for _row, record in parsed), units)
    summary.unknown_units = plan.unknown
    seen: dict[str, tuple[SourceRow, CaseRecord]] = {}
    rejected = plan.rejected
    for pair in parsed:
        row, record = pair
        if rejected and record.unit in rejected:
            problem = RowProblem("unknown_unit", {"unit": record.unit})
            summary.reject(row.line, problem, row.shown_cells())
            continue
        earlier = seen.get(record.case_no)
        if earlier is None:
            seen[record.case_no] = pair
        elif earlier[1] == record:
            summary.duplicate(row.line, earlier[0].line)
        else:
            problem = RowProblem(
                "conflicting_duplicate", {"case_no": record.case_no, "line": earlier[0].line}
            )
            summary.reject(row.line, problem, row.shown_cells())
    return PreparedCases([record for _row, record in seen.values()], plan)


# The columns of `cases` that an import sets, in the order compared for "unchanged".
_CASE_COLUMNS = (
    "business_type",
    "unit_id",
    "district",
    "accepted_on",
    "completed_on",
    "applicant",
    "is_enterprise",
    "enterprise_name",
    "location",
    "handler_id",
    "channel",
    "steps",
    "days",
    "registration_fee_fen",
    "deed_tax_fen",
    "stamp_duty_fen",
)


# A record's values of _CASE_COLUMNS but unit_id and handler_id (found by `store`).
_RECORD_FIELDS = attrgetter(*(c for c in _CASE_COLUMNS if c not in ("unit_id", "handler_id")))
assert _CASE_COLUMNS.index("unit_id") == 1 and _CASE_COLUMNS.index("handler_id") == 9


def store(
    session: Session,
    prepared: PreparedCases,
    batch_id: int,
    summary: ImportSummary,
    tick: Callable[[], None],
) -> None:
    records = prepared.records
    if not records:  # pragma: no cover - a file without one is refused before it is stored
        return
    # The district of a new unit is that of its first case.
    units = prepared.units.resolve(session, {r.unit: r.district for r in reversed(records)})
    handlers = _ensure_handlers(session, records, units)
    existing = _existing_cases(session, [r.case_no for r in records])
    # The unit's id and area code by name, read off the ORM objects once.
    unit_of = {name: (unit.id, unit.area_code) for name, unit in units.items()}
    # Each distinct phone cell of the file parsed once (an office's or an agent's number comes
    # back on many cases): its numbers, and whether one of them is valid.
    phone_cells: dict[tuple[tuple[str, ...], str | None], tuple[list[ParsedPhone], bool]] = {}
    new_records: list[CaseRecord] = []
    new_units: list[int] = []
    new_handlers: list[int | None] = []
    new_phones: list[list[ParsedPhone]] = []
    new_valid: list[bool] = []
    changed_rows, changed_phones = [], {}
    no_valid_phone = 0
    now = utcnow()
    for record in records:
        tick()
        unit_id, area_code = unit_of[record.unit]
        handler_id = handlers.get((record.handler, unit_id))
        cell = (record.phones, area_code)
        found = phone_cells.get(cell)
        if found is None:
            found = phone_cells[cell] = _parse_phone_cell(*cell)
        phones, has_valid_phone = found
        if not has_valid_phone:
            no_valid_phone += 1
        before = existing.get(record.case_no)
        if before is None:
            new_records.append(record)
            new_units.append(unit_id)
            new_handlers.append(handler_id)
            new_phones.append(phones)
            new_valid.append(has_valid_phone)
            continue
        # The values of _CASE_COLUMNS, in its order.
        fields = _RECORD_FIELDS(record)
        row = (fields[0], unit_id, *fields[1:8], handler_id, *fields[8:])
        if before[1:] == (*row, _originals(phones)):
            summary.unchanged += 1
        else:
            values = dict(zip(_CASE_COLUMNS, row, strict=True))
            values["has_valid_phone"] = has_valid_phone
            changed_rows.append({"id": before[0], **values, "updated_at": now})
            changed_phones[before[0]] = phones
            summary.updated += 1
    if no_valid_phone:
        flagged = summary.flagged
        flagged["no_valid_phone"] = flagged.get("no_valid_phone", 0) + no_valid_phone
    if new_records:
        summary.inserted += len(new_records)
        ids = reserve_ids(session, Case.__table__, len(new_records))
        # Every column in every row, defaults included: one executemany, no per-row defaults.
        columns: dict[str, Sequence] = {"id": ids}
        for name in ("case_no", *_CASE_COLUMNS):
            if name == "unit_id":
                columns[name] = new_units
            elif name == "handler_id":
                columns[name] = new_handlers
            else:
                columns[name] = list(map(attrgetter(name), new_records))
        columns["has_valid_phone"] = new_valid
        columns["uid"] = time_ordered_uid_values(session, Case.__table__, "uid", len(ids))
        insert_columns(
            session,
            Case.__table__,
            columns,
            constants={"origin": None, "created_at": now, "updated_at": now},
            ready=("uid",),
        )
        _insert_phones(session, zip(ids, new_phones, strict=True))
    if changed_rows:
        _audit_changes(session, existing, changed_rows, changed_phones, batch_id, now)
        session.execute(update(Case), changed_rows)
        changed_ids = list(changed_phones)
        for start in range(0, len(changed_ids), _CHUNK):
            chunk = changed_ids[start : start + _CHUNK]
            session.execute(delete(CasePhone).where(CasePhone.case_id.in_(chunk)))
        _insert_phones(session, changed_phones.items())


def _parse_phone_cell(
    pieces: tuple[str, ...], area_code: str | None
) -> tuple[list[ParsedPhone], bool]:
    """The numbers of a 联系电话 cell (as parse_row split it) and whether one is valid."""
    if len(pieces) == 1:  # as most cells: parse_phones of one piece (split again, it is whole)
        phone = parse_phone(pieces[0], area_code)
        return [phone], phone.e164 is not None
    phones = parse_phones("；".join(pieces), area_code)
    return phones, any(p.e164 is not None for p in phones)


def _audit_changes(
    session: Session,
    existing: dict,
    changed_rows: list[dict],
    changed_phones: dict,
    batch_id: int,
    now,
) -> None:
    """An audit entry per case the import changed: the fields before and after (numbers are
    not copied into the trail, only that they changed)."""
    by_id = {row[0]: row for row in existing.values()}
    uids = {}
    ids = [row["id"] for row in changed_rows]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        uids.update(session.execute(select(Case.id, Case.uid).where(Case.id.in_(chunk))).all())
    entries = []
    for row in changed_rows:
        stored = by_id[row["id"]]
        before, after = {}, {}
        for column, old in zip(_CASE_COLUMNS, stored[1:], strict=False):
            if old != row[column]:
                before[column], after[column] = _plain(old), _plain(row[column])
        originals = _originals(changed_phones[row["id"]])
        if stored[-1] != originals:
            before["phones"], after["phones"] = len(stored[-1]), len(originals)
        after["import_batch_id"] = batch_id
        entries.append(
            {
                "at": now,
                "actor": None,
                "action": "case.import_update",
                "entity": "case",
                "entity_uid": uids.get(row["id"]),
                "before": before,
                "after": after,
            }
        )
    session.execute(insert(AuditEntry), entries)


def _originals(phones: list[ParsedPhone]) -> tuple[str, ...]:
    """The numbers as stored: parse_phones drops repeated ones, originals are cut to 100."""
    return tuple(p.original[:100] for p in phones)


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value


def _ensure_handlers(
    session: Session, records: list[CaseRecord], units: dict[str, Unit]
) -> dict[tuple[str | None, int], int]:
    """Staff ids of the handlers (经办人) the records name, created when new, per unit."""
    unit_ids = {name: unit.id for name, unit in units.items()}  # read off the ORM once
    wanted = {(r.handler, unit_ids[r.unit]) for r in records if r.handler}
    names = {name for name, _unit in wanted}
    found: dict[tuple[str | None, int], int] = {}
    for staff in session.scalars(select(Staff).where(Staff.name.in_(names))):
        if staff.unit_id is not None:
            found.setdefault((staff.name, staff.unit_id), staff.id)
    created = [
        Staff(name=name, unit_id=unit_id)
        for name, unit_id in wanted
        if (name, unit_id) not in found
    ]
    session.add_all(created)
    session.flush()
    for staff in created:
        found[(staff.name, staff.unit_id)] = staff.id
    return found


def _existing_cases(session: Session, case_nos: list[str]) -> dict[str, tuple]:
    """For each known case number: (id, the compared columns…, phone originals)."""
    # Which numbers are known first, many at a time (a new city's file: none of them), then
    # the compared columns and phones of those only.
    known: list[int] = []
    for start in range(0, len(case_nos), _LOOKUP_CHUNK):
        chunk = case_nos[start : start + _LOOKUP_CHUNK]
        known.extend(session.scalars(select(Case.id).where(Case.case_no.in_(chunk))))
    found: dict[str, tuple] = {}
    columns = [getattr(Case, c) for c in _CASE_COLUMNS]
    for start in range(0, len(known), _CHUNK):
        chunk = known[start : start + _CHUNK]
        rows = session.execute(select(Case.id, Case.case_no, *columns).where(Case.id.in_(chunk)))
        by_id = {row[0]: row for row in rows}
        phones: dict[int, list[str]] = {case_id: [] for case_id in by_id}
        phone_rows = session.execute(
            select(CasePhone.case_id, CasePhone.original)
            .where(CasePhone.case_id.in_(list(by_id)))
            .order_by(CasePhone.case_id, CasePhone.position)
        )
        for case_id, original in phone_rows:
            phones[case_id].append(original)
        for case_id, row in by_id.items():
            found[row[1]] = (case_id, *row[2:], tuple(phones[case_id]))
    return found


_PHONE_COLUMNS = ("case_id", "position", "original", "e164", "e164_reversed", "extension", "kind")


def _insert_phones(session: Session, phones_by_case: Iterable[tuple[int, list]]) -> None:
    rows = [
        (
            case_id,
            position,
            phone.original[:100],
            phone.e164,
            backwards(phone.e164),  # e164_reversed: insert_rows computes no default
            phone.extension,
            phone.kind,
        )
        for case_id, phones in phones_by_case
        for position, phone in enumerate(phones)
    ]
    insert_rows(session, CasePhone.__table__, _PHONE_COLUMNS, rows)
