"""Importing the registration system's export of completed cases (业务件)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import attrgetter

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.importing.bulk import insert_rows, reserve_ids
from app.importing.columns import Field
from app.importing.problems import RowProblem
from app.importing.rows import SourceRow, parse_rows
from app.importing.summary import ImportSummary
from app.importing.unknown_units import UnitChoices, UnitPlan, plan_units, unit_name
from app.phones import ParsedPhone, parse_phones, split_phone_cell
from db.models import AuditEntry, Case, CasePhone, Staff, Unit, backwards
from db.types import new_uid, utcnow

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


# Not frozen: a frozen dataclass of 18 fields takes three times as long to build, and a city's
# file builds 100 000 of them.
@dataclass(slots=True)
class CaseRecord:
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
    enterprise_cell = row.text("is_enterprise") or ""
    if "企业" in enterprise_cell or "单位" in enterprise_cell or "公司" in enterprise_cell:
        is_enterprise = not enterprise_cell.startswith(("非", "不"))
    elif "个人" in enterprise_cell or "自然人" in enterprise_cell:
        is_enterprise = False
    else:
        is_enterprise = row.flag("is_enterprise")
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
    parsed = parse_rows(rows, parse_row, summary, tick)
    plan = plan_units(session, Counter(record.unit for _row, record in parsed), units)
    summary.unknown_units = plan.unknown
    seen: dict[str, tuple[int, CaseRecord]] = {}
    for row, record in parsed:
        if record.unit in plan.rejected:
            problem = RowProblem("unknown_unit", {"unit": record.unit})
            summary.reject(row.line, problem, row.shown_cells())
            continue
        earlier = seen.get(record.case_no)
        if earlier is None:
            seen[record.case_no] = (row.line, record)
        elif earlier[1] == record:
            summary.duplicate(row.line, earlier[0])
        else:
            problem = RowProblem(
                "conflicting_duplicate", {"case_no": record.case_no, "line": earlier[0]}
            )
            summary.reject(row.line, problem, row.shown_cells())
    return PreparedCases([record for _line, record in seen.values()], plan)


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

# A new case's columns, in the order of the rows `store` builds (then id, origin and times).
_NEW_CASE_COLUMNS = ("case_no", *_CASE_COLUMNS, "has_valid_phone", "uid")


def store(
    session: Session,
    prepared: PreparedCases,
    batch_id: int,
    summary: ImportSummary,
    tick: Callable[[], None],
) -> None:
    records = prepared.records
    # The district of a new unit is that of its first case.
    units = prepared.units.resolve(session, {r.unit: r.district for r in reversed(records)})
    handlers = _ensure_handlers(session, records, units)
    existing = _existing_cases(session, [r.case_no for r in records])
    new_rows: list[tuple] = []
    new_phones: list[list[ParsedPhone]] = []
    changed_rows, changed_phones = [], {}
    now = utcnow()
    for record in records:
        tick()
        unit = units[record.unit]
        # The values of _CASE_COLUMNS, in its order.
        fields = _RECORD_FIELDS(record)
        handler_id = handlers.get((record.handler, unit.id))
        row = (fields[0], unit.id, *fields[1:8], handler_id, *fields[8:])
        phones = parse_phones("；".join(record.phones), unit.area_code)
        has_valid_phone = any(p.valid for p in phones)
        if not has_valid_phone:
            summary.flag("no_valid_phone")
        before = existing.get(record.case_no)
        if before is None:
            # Every column in every row, defaults included: one executemany, no per-row defaults.
            new_rows.append((record.case_no, *row, has_valid_phone, new_uid()))
            new_phones.append(phones)
            summary.inserted += 1
        elif before[1:] == (*row, _originals(phones)):
            summary.unchanged += 1
        else:
            values = dict(zip(_CASE_COLUMNS, row, strict=True))
            values["has_valid_phone"] = has_valid_phone
            changed_rows.append({"id": before[0], **values, "updated_at": now})
            changed_phones[before[0]] = phones
            summary.updated += 1
    if new_rows:
        ids = reserve_ids(session, Case.__table__, len(new_rows))
        insert_rows(
            session,
            Case.__table__,
            ("id", *_NEW_CASE_COLUMNS),
            [(case_id, *row) for case_id, row in zip(ids, new_rows, strict=True)],
            constants={"origin": None, "created_at": now, "updated_at": now},
        )
        _insert_phones(session, dict(zip(ids, new_phones, strict=True)))
    if changed_rows:
        _audit_changes(session, existing, changed_rows, changed_phones, batch_id, now)
        session.execute(update(Case), changed_rows)
        changed_ids = list(changed_phones)
        for start in range(0, len(changed_ids), _CHUNK):
            chunk = changed_ids[start : start + _CHUNK]
            session.execute(delete(CasePhone).where(CasePhone.case_id.in_(chunk)))
        _insert_phones(session, changed_phones)


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
    wanted = {(r.handler, units[r.unit].id) for r in records if r.handler}
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
    found: dict[str, tuple] = {}
    columns = [getattr(Case, c) for c in _CASE_COLUMNS]
    for start in range(0, len(case_nos), _CHUNK):
        chunk = case_nos[start : start + _CHUNK]
        rows = session.execute(
            select(Case.id, Case.case_no, *columns).where(Case.case_no.in_(chunk))
        )
        by_id = {row[0]: row for row in rows}
        phones: dict[int, list[str]] = {case_id: [] for case_id in by_id}
        if by_id:
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


def _insert_phones(session: Session, phones_by_case: dict[int, list]) -> None:
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
        for case_id, phones in phones_by_case.items()
        for position, phone in enumerate(phones)
    ]
    insert_rows(session, CasePhone.__table__, _PHONE_COLUMNS, rows)
