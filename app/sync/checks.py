"""What a sync file's records may hold: every value checked before anything of the file is stored.

A file signed by a trusted site can still hold what no database should: a rating of "super", a
round of 10³⁰, a time in the year 9999 at −14:00, a text of a million characters, JSON nested
a thousand deep — from a bug at the sending site or written by hand. So a sync file's content is
checked as an import file's is, and the first value that is wrong refuses the whole file, named
by its table, line and field.

Most of the rules come from the models (`db.models`), so that a new column is checked without a
new rule here: a String(n) column takes text of at most n characters, Text at most TEXT_LIMIT;
an Integer fits the column on every database; a Date and a time are real ones within the years
MIN_YEAR–MAX_YEAR, a time with its zone no further than 14 hours from UTC; a JSON column takes
the shape its annotation says (`dict[str, Any]`, `list[str]`), nested at most JSON_DEPTH deep; a
NOT NULL column takes no null. Where the type says too little — codes from a fixed list, counts
that cannot be negative, a SHA-256 — the domain rules below add to it, taken from the modules
that own those codes. References to other records are checked by the importer, against the file
and the database (app.sync.importer).
"""

from __future__ import annotations

import math
import re
import typing
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from functools import cache
from types import NoneType, UnionType
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, String, Uuid
from sqlalchemy.types import BigInteger, SmallInteger

from app.i18n import pick
from app.masking import mask_personal_data
from app.sync.errors import SyncRefused
from app.sync.records import PHONE_FIELDS
from app.sync.tables import BY_NAME
from app.sync.versions import HISTORY_LIMIT
from db import models
from db.types import UTCDateTime

MIN_YEAR, MAX_YEAR = 1900, 2100  # dates and times outside are nobody's record
MAX_OFFSET = timedelta(hours=14)  # the furthest any zone is from UTC (Kiribati, +14:00)
TEXT_LIMIT = 65_535  # characters of a Text column: more than a spreadsheet cell can hold
JSON_DEPTH = 16  # objects and lists within each other in a JSON column
JSON_ITEMS = 10_000  # values in one JSON column
MAX_PHONES = 50  # numbers of one case
TOKEN_LENGTH = 100  # a version token: "site id:fingerprint" (app.sync.versions)
_INTEGER_RANGES = {
    SmallInteger: (-(2**15), 2**15 - 1),
    BigInteger: (-(2**63), 2**63 - 1),
    Integer: (-(2**31), 2**31 - 1),  # PostgreSQL's integer: what every database here stores
}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CANONICAL_UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHOWN = 40  # characters of a wrong value shown in a message

Check = Callable[[Any], None]


class Invalid(ValueError):
    """Why a value cannot be stored, in Chinese and English (`str()`: in the chosen language);
    `field` names where it is, once known."""

    def __init__(self, zh: str, en: str, field: str | None = None) -> None:
        super().__init__(en)
        self.zh, self.en, self.field = zh, en, field

    def __str__(self) -> str:
        return pick(self.zh, self.en)

    def within(self, field: str) -> Invalid:
        """The same problem, said of a value inside `field` (a phone's number, a column)."""
        inner = f"{field}.{self.field}" if self.field else field
        return Invalid(self.zh, self.en, inner)


def shown(value: Any, *, quoted: bool = True) -> str:
    """A wrong value as a message shows it: short, and without phone or ID numbers."""
    if isinstance(value, str):
        text = repr(value) if quoted else value
    else:
        text = _json_text(value)
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1] + "…"
    return mask_personal_data(text)


def _json_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int) and abs(value) >= 10**_SHOWN:
        return f"{'-' if value < 0 else ''}~10^{len(str(abs(value))) - 1}"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    return str(value)


# The kinds of value, from the column types


def text_check(limit: int | None) -> Check:
    limit = limit or TEXT_LIMIT

    def check(value: Any) -> None:
        if value.__class__ is not str:
            raise _wrong_kind(value, "文字", "text")
        if len(value) > limit:
            raise Invalid(
                f"太长（{len(value)} 个字，最多 {limit} 个）",
                f"is too long ({len(value)} characters, at most {limit})",
            )
        _storable(value)

    return check


_any_text = text_check(TEXT_LIMIT)


def _storable(text: str) -> None:
    """Text every database takes: no NUL (PostgreSQL refuses it), no half of a surrogate pair
    (not UTF-8 at all)."""
    if text.isascii():
        if "\x00" in text:
            raise _unstorable()
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _unstorable() from None
    if "\x00" in text:
        raise _unstorable()


def _unstorable() -> Invalid:
    return Invalid("含有无法保存的字符", "holds characters that cannot be stored")


def integer_check(low: int, high: int) -> Check:
    def check(value: Any) -> None:
        if value.__class__ is not int:
            raise _wrong_kind(value, "整数", "a whole number")
        if not low <= value <= high:
            raise _out_of_range(value, low, high)

    return check


def _flag(value: Any) -> None:
    if value.__class__ is not bool:
        raise _wrong_kind(value, " true 或 false", "true or false")


def _date(value: Any) -> None:
    if value.__class__ is not str or len(value) > 10:
        raise _wrong_kind(value, "日期（如 2026-07-01）", "a date (such as 2026-07-01)")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise Invalid(
            f"不是有效日期：{shown(value)}", f"is not a valid date: {shown(value)}"
        ) from None
    _within_years(day.year, value)


def _time(value: Any) -> None:
    if value.__class__ is not str or len(value) > 40:
        raise _wrong_kind(value, "带时区的时间", "a time with its zone")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Invalid(
            f"不是有效时间：{shown(value)}", f"is not a valid time: {shown(value)}"
        ) from None
    offset = moment.utcoffset()
    if offset is None:
        raise Invalid(f"没有时区：{shown(value)}", f"is a time without its zone: {shown(value)}")
    if abs(offset) > MAX_OFFSET:
        raise Invalid(
            f"的时区偏移不存在（{shown(value)}，最多 ±14:00）",
            f"has an offset no zone has ({shown(value)}; at most ±14:00)",
        )
    # Checked before it is converted to UTC, which would overflow at the year 9999.
    _within_years(moment.year, value)


def _within_years(year: int, value: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Invalid(
            f"不在 {MIN_YEAR}—{MAX_YEAR} 年之间：{shown(value)}",
            f"is not within the years {MIN_YEAR}–{MAX_YEAR}: {shown(value)}",
        )


def _uid(value: Any) -> None:
    if value.__class__ is not str or len(value) > 45:
        raise _wrong_kind(value, " UUID", "a UUID")
    if _CANONICAL_UID.fullmatch(value):
        return  # as files write them; uuid.UUID takes other spellings too, more slowly
    try:
        uuid.UUID(value)
    except ValueError:
        raise Invalid(
            f"不是有效的 UUID：{shown(value)}", f"is not a UUID: {shown(value)}"
        ) from None


def json_check(shape: Any) -> Check:
    """A JSON column's value: the annotation's shape (dict[str, Any], list[str] …), nested at
    most JSON_DEPTH deep, at most JSON_ITEMS values, its texts storable."""
    kind = typing.get_origin(shape) or shape
    item = typing.get_args(shape)[-1] if typing.get_args(shape) else Any
    kinds = {dict: ("对象", "an object"), list: ("列表", "a list")}

    def check(value: Any) -> None:
        if kind in kinds and value.__class__ is not kind:
            raise _wrong_kind(value, *kinds[kind])
        if kind is list and item is str and not all(v.__class__ is str for v in value):
            raise Invalid("应为文字的列表", "must be a list of texts")
        _json_value(value)

    return check


def _json_value(value: Any) -> None:
    stack, count = [(value, 0)], 0
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > JSON_ITEMS:
            raise Invalid(
                f"含有太多的值（最多 {JSON_ITEMS} 个）", f"holds over {JSON_ITEMS} values"
            )
        kind = item.__class__
        if kind is dict or kind is list:
            if depth >= JSON_DEPTH:
                raise Invalid(
                    f"嵌套太深（最多 {JSON_DEPTH} 层）",
                    f"is nested too deep (at most {JSON_DEPTH})",
                )
            if kind is dict:
                for key in item:
                    _any_text(key)
                stack.extend((inner, depth + 1) for inner in item.values())
            else:
                stack.extend((inner, depth + 1) for inner in item)
        elif kind is str:
            _any_text(item)
        elif kind is float:
            if not math.isfinite(item):
                raise _wrong_kind(item, "有限的数", "a finite number")
        elif kind not in (int, bool, NoneType):
            raise _wrong_kind(item, " JSON 值", "a JSON value")


def _wrong_kind(value: Any, zh: str, en: str) -> Invalid:
    return Invalid(f"应为{zh}，不能是 {shown(value)}", f"must be {en}, not {shown(value)}")


def _out_of_range(value: Any, low: Any, high: Any) -> Invalid:
    return Invalid(
        f"超出范围：{shown(value)}（应在 {low} 到 {high} 之间）",
        f"is out of range: {shown(value)} ({low} to {high})",
    )


# Domain rules, where the column type says too little


def one_of(codes: Iterable[str]) -> Check:
    allowed = frozenset(str(code) for code in codes)
    listed = "、".join(sorted(allowed))

    def check(value: Any) -> None:
        if value not in allowed:
            raise Invalid(
                f"“{shown(value, quoted=False)}”不是可用的值（{listed}）",
                f"{shown(value)} is not one of {', '.join(sorted(allowed))}",
            )

    return check


def in_range(low: int, high: int | None = None) -> Check:
    def check(value: Any) -> None:
        if high is not None and not low <= value <= high:
            raise _out_of_range(value, low, high)
        if value < low:
            raise Invalid(
                f"超出范围：{shown(value)}（应不小于 {low}）",
                f"is out of range: {shown(value)} (at least {low})",
            )

    return check


def _sha256(value: Any) -> None:
    if not _SHA256.fullmatch(value):
        raise Invalid(
            f"不是 SHA-256（64 位小写十六进制）：{shown(value)}",
            f"is not a SHA-256 (64 lower-case hex digits): {shown(value)}",
        )


def at_most_items(limit: int) -> Check:
    def check(value: Any) -> None:
        if len(value) > limit:
            raise Invalid(
                f"太多（{len(value)} 个，最多 {limit} 个）",
                f"too many ({len(value)}, at most {limit})",
            )

    return check


def items_one_of(codes: Iterable[str]) -> Check:
    """A list (JSON) whose every item is one of `codes`, each at most once."""
    allowed = list(codes)
    item, most = one_of(allowed), at_most_items(len(allowed))

    def check(value: Any) -> None:
        if not isinstance(value, list):
            raise Invalid(f"应为列表：{shown(value)}", f"is not a list: {shown(value)}")
        most(value)
        for each in value:
            item(each)
        if len(set(value)) != len(value):
            raise Invalid(f"有重复：{shown(value)}", f"has repeats: {shown(value)}")

    return check


@cache
def domain_rules() -> dict[tuple[str, str], Check]:
    """(table, column) → the rule a value must also meet, from the module that owns the codes.

    Imported here, not at the top: these modules are services with imports of their own.
    """
    from app import assessment, commendations, suggestion_box, surveys, telephony
    from app.bad_reviews.process import DECIDERS, STAGES
    from app.callbacks.contacts import MEANS
    from app.callbacks.contacts import STATUSES as TASK_STATUSES
    from app.callbacks.escalations import STATUSES as ESCALATION_STATUSES
    from app.complaints.corrective import SOURCES as ACTION_SOURCES
    from app.complaints.corrective import STATUSES as ACTION_STATUSES
    from app.complaints.registry import CATEGORIES, CHANNELS, KINDS
    from app.complaints.registry import STATUSES as COMPLAINT_STATUSES
    from app.desk import do_not_call
    from app.desk.calls import DISSATISFACTION_CATEGORIES
    from app.enterprise.forms import POLICY_KNOWLEDGE
    from app.enterprise.lifecycle import STATUSES as FORM_B_STATUSES
    from app.importing.evaluations import MAX_ATTEMPT, MAX_LABELS
    from app.importing.validity import INVALID_REASONS
    from app.quality import sampling as quality_sampling
    from app.quality import scorecard as quality_scorecard
    from app.quality import scoring as quality_scoring
    from app.ratings import Channel, Rating
    from app.recordings import matching as recording_matching
    from app.recordings import wav as recording_wav
    from app.scanning.filing import DISCARDED, FILED, SOURCES, UNMATCHED

    rating, count = one_of(Rating), in_range(0)
    reasons = one_of(code for code, _words in DISSATISFACTION_CATEGORIES)
    rules: dict[tuple[str, str], Check] = {
        ("cases", "steps"): count,
        ("cases", "days"): count,
        ("evaluations", "channel"): one_of(Channel),
        ("evaluations", "round"): in_range(1, 2),  # first round, or the second-round callback
        ("evaluations", "attempt"): in_range(1, MAX_ATTEMPT),
        ("evaluations", "invalid_reason"): one_of(INVALID_REASONS),
        ("evaluations", "labels"): at_most_items(MAX_LABELS),
        ("call_attempts", "duration_seconds"): count,
        ("callback_tasks", "status"): one_of(TASK_STATUSES),
        ("callback_tasks", "reason_category"): reasons,
        ("callback_tasks", "reopened_count"): count,
        ("callback_contacts", "means"): one_of(MEANS),
        ("complaints", "kind"): one_of(KINDS),
        ("complaints", "channel"): one_of(CHANNELS),
        ("complaints", "category"): one_of(CATEGORIES),
        ("complaints", "status"): one_of(COMPLAINT_STATUSES),
        ("supervision_orders", "sequence"): in_range(1),
        ("corrective_actions", "source"): one_of(ACTION_SOURCES),
        ("corrective_actions", "status"): one_of(ACTION_STATUSES),
        ("corrective_actions", "reason_category"): reasons,
        ("enterprise_feedback", "status"): one_of(FORM_B_STATUSES),
        ("enterprise_feedback", "steps"): count,
        ("enterprise_feedback", "days"): count,
        ("enterprise_feedback", "policy_knowledge"): one_of(POLICY_KNOWLEDGE),
        ("enterprise_feedback", "satisfaction"): rating,
        ("attachments", "sha256"): _sha256,
        ("attachments", "size"): count,
        ("attachments", "pages"): count,
        ("attachments", "source"): one_of(SOURCES),
        ("scan_pages", "page_index"): count,
        ("scan_pages", "status"): one_of((FILED, UNMATCHED, DISCARDED)),
        ("scan_pages", "source"): one_of(SOURCES),
        ("integrity_escalations", "status"): one_of(ESCALATION_STATUSES),
        ("bad_reviews", "stage"): one_of(STAGES),
        ("bad_reviews", "appeal_decider"): one_of(DECIDERS),
        ("bad_reviews", "feedback_means"): one_of(MEANS),
        ("call_samples", "year"): in_range(MIN_YEAR, MAX_YEAR),
        ("call_samples", "quarter"): in_range(1, 4),
        ("call_samples", "candidate_count"): count,
        ("call_samples", "size"): count,
        ("call_queue", "kind"): one_of(("first", "callback")),
        ("call_queue", "status"): one_of(("open", "done")),
        ("call_queue", "sample_position"): count,
        ("call_queue", "phone_index"): count,
        ("call_queue", "attempts"): count,
    }
    for item in ("overall", "efficiency", "attitude", "materials"):
        rules["evaluations", item] = rating
    # Social supervision (issue 21).
    for column, _zh, _en in surveys.ITEMS:
        rules["satisfaction_surveys", column] = one_of(surveys.RATINGS)
    rules["satisfaction_surveys", "age_band"] = one_of(surveys.AGE_BANDS)
    rules["satisfaction_surveys", "channels"] = items_one_of(surveys.CHANNELS)
    rules["suggestion_box_checks", "source"] = one_of(suggestion_box.SOURCES)
    rules["suggestion_box_checks", "slip_count"] = in_range(0, suggestion_box.MAX_SLIPS)
    rules["suggestion_slips", "kind"] = one_of(suggestion_box.KINDS)
    rules["outlet_assessments", "kind"] = one_of(assessment.KINDS)
    rules["outlet_assessments", "status"] = one_of(assessment.STATUSES)
    rules["outlet_assessments", "grade"] = one_of(assessment.GRADES)
    rules["outlet_assessment_scores", "points_tenths"] = count
    rules["outlet_assessment_scores", "score_tenths"] = count
    rules["commendations", "source"] = one_of(commendations.SOURCES)
    # Calls through a softphone, recordings, quality inspection, do not call (issue 22).
    rules["call_attempts", "telephony"] = one_of(telephony.KINDS)
    rules["call_attempts", "talk_seconds"] = count
    rules["call_recordings", "status"] = one_of(recording_matching.STATUSES)
    rules["call_recordings", "duration_seconds"] = in_range(0, recording_wav.MAX_SECONDS)
    rules["do_not_call", "source"] = one_of(do_not_call.SOURCES)
    rules["qc_criteria", "weight"] = in_range(1, quality_scorecard.MAX_WEIGHT)
    rules["qc_samples", "population"] = count
    rules["qc_samples", "size"] = in_range(0, quality_sampling.MAX_SIZE)
    rules["qc_reviews", "status"] = one_of((quality_scoring.PENDING, quality_scoring.SCORED))
    for column in ("points", "max_points", "position"):
        rules["qc_reviews", column] = count
    rules["qc_scores", "weight"] = in_range(1, quality_scorecard.MAX_WEIGHT)
    rules["qc_scores", "points"] = in_range(0, quality_scorecard.MAX_WEIGHT)
    for table in ("cases", "enterprise_feedback"):
        for money in ("registration_fee_fen", "deed_tax_fen", "stamp_duty_fen"):
            rules[table, money] = count  # in fen, never below nothing
    return rules


# A column's check: its type and its domain rule; null is let through where the column takes it


def value_check(model: type, column: Column, rule: Check | None = None) -> Check:
    """How a value (not null) for `column` of `model` is checked, as it travels in JSON (a
    reference as the referenced record's uid)."""
    base = _type_check(model, column)
    if rule is None:
        return base

    def check(value: Any) -> None:
        base(value)
        rule(value)

    return check


def _type_check(model: type, column: Column) -> Check:
    kind = column.type
    if column.foreign_keys:
        return _uid  # references travel as uids
    if isinstance(kind, UTCDateTime):
        return _time
    if isinstance(kind, Date):
        return _date
    if isinstance(kind, Boolean):
        return _flag
    if isinstance(kind, Integer):
        low, high = next(r for t, r in _INTEGER_RANGES.items() if isinstance(kind, t))
        return integer_check(low, high)
    if isinstance(kind, String):
        return text_check(kind.length)
    if isinstance(kind, Uuid):
        return _uid
    if isinstance(kind, JSON):
        return json_check(_annotation(model, column.name))
    raise TypeError(f"no check for {model.__name__}.{column.name} ({kind!r}): add one")


def _annotation(model: type, name: str) -> Any:
    """What `Mapped[…]` says a column holds, without its `| None`."""
    (held,) = typing.get_args(typing.get_type_hints(model)[name])
    if isinstance(held, UnionType) or typing.get_origin(held) is typing.Union:
        others = [t for t in typing.get_args(held) if t is not NoneType]
        held = others[0] if len(others) == 1 else Any
    return held


class Fields(dict[str, Check]):
    """The checks of values by field name (`run` them); `optional` names the fields that may be
    null."""

    optional: frozenset[str] = frozenset()

    @classmethod
    def of(cls, checks: dict[str, Check], optional: Iterable[str] = ()) -> Fields:
        fields = cls(checks)
        fields.optional = frozenset(optional)
        return fields


def field_checks(model: type, table: str, names: Iterable[str]) -> Fields:
    rules, columns = domain_rules(), model.__table__.c
    checks = {name: value_check(model, columns[name], rules.get((table, name))) for name in names}
    return Fields.of(checks, optional=(name for name in checks if columns[name].nullable))


def run(checks: Fields, values: dict[str, Any]) -> None:
    """Every value checked by its field's check (null only where the field may be null); a field
    without a check is refused."""
    for name, value in values.items():
        check = checks.get(name)
        if check is None:
            raise Invalid("不是本程序认识的字段", "is not a field this program knows", name)
        if value is None:
            if name in checks.optional:
                continue
            raise Invalid("不能为空", "must not be empty", name)
        try:
            check(value)
        except Invalid as problem:
            raise problem.within(name) from None


# Records, audit entries and the manifest


RECORD_KEYS = ("uid", "origin", "created_at", "updated_at", "versions", "history", "data")
AUDIT_FIELDS = ("at", "actor", "action", "entity", "entity_uid", "before", "after")


@cache
def _record_checks(table: str) -> tuple[dict[str, Check], dict[str, Check]]:
    """The checks of a table's records: of their uid, origin and times, and of their data."""
    spec = BY_NAME[table]
    meta = field_checks(spec.model, table, ("uid", "origin", "created_at", "updated_at"))
    meta["versions"] = meta["history"] = _tokens
    data = field_checks(spec.model, table, spec.columns)
    if table == "cases":
        data["phones"] = _phones_check()
    return meta, data


@cache
def _required(table: str) -> tuple[str, ...]:
    """The data a new record cannot do without: columns that take no null and have no default.
    (A column a file leaves out keeps its value here, or takes its default: app.sync.records.)"""
    spec = BY_NAME[table]
    return tuple(
        name
        for name in spec.columns
        if not spec.column(name).nullable and not _has_default(spec.column(name))
    )


def _has_default(column: Column) -> bool:
    default = column.default
    return default is not None and default.is_scalar


def _tokens(value: Any) -> None:
    if value.__class__ is not list:
        raise _wrong_kind(value, "列表", "a list")
    if len(value) > HISTORY_LIMIT:
        raise Invalid(
            f"太多（{len(value)} 个，最多 {HISTORY_LIMIT} 个）",
            f"too many ({len(value)}, at most {HISTORY_LIMIT})",
        )
    token = text_check(TOKEN_LENGTH)
    for item in value:
        token(item)


def _phones_check() -> Check:
    """A case's phones as [position, original, e164, extension, kind], each by its column."""
    fields = field_checks(models.CasePhone, "case_phones", PHONE_FIELDS)
    size = len(PHONE_FIELDS)

    def check(value: Any) -> None:
        if value.__class__ is not list:
            raise _wrong_kind(value, "列表", "a list")
        if len(value) > MAX_PHONES:
            raise Invalid(
                f"号码太多（{len(value)} 个，最多 {MAX_PHONES} 个）",
                f"too many numbers ({len(value)}, at most {MAX_PHONES})",
            )
        for phone in value:
            if phone.__class__ is not list or len(phone) != size:
                raise Invalid(
                    f"每个号码应为 {size} 项的列表（{', '.join(PHONE_FIELDS)}）",
                    f"each number must be a list of {size} ({', '.join(PHONE_FIELDS)})",
                )
            run(fields, dict(zip(PHONE_FIELDS, phone, strict=True)))

    return check


def check_record(table: str, record: Any) -> None:
    """A record as a file carries it: its keys, its uid, origin, times and version tokens, and
    every data value. Raises Invalid naming the field."""
    meta, data = _record_checks(table)
    _object_with(record, RECORD_KEYS)
    versions = record["versions"]
    run(meta, {name: record[name] for name in RECORD_KEYS if name != "data"})
    if not versions:
        raise Invalid("不能为空", "must not be empty", "versions")
    values = record["data"]
    if values.__class__ is not dict:
        raise _wrong_kind(values, "对象", "an object").within("data")
    for name in _required(table):
        if name not in values:
            raise Invalid("缺失", "is missing", name)
    run(data, values)


@cache
def _audit_checks() -> dict[str, Check]:
    return field_checks(models.AuditEntry, "audit_entries", AUDIT_FIELDS)


def check_audit_entry(entry: Any) -> None:
    _object_with(entry, AUDIT_FIELDS)
    run(_audit_checks(), entry)


def _object_with(value: Any, keys: tuple[str, ...]) -> None:
    if value.__class__ is not dict:
        raise _wrong_kind(value, " JSON 对象", "a JSON object")
    if len(value) != len(keys) or not all(key in value for key in keys):
        missing = [key for key in keys if key not in value]
        if missing:
            raise Invalid("缺失", "is missing", missing[0])
        unknown = next(key for key in value if key not in keys)
        raise Invalid("不是本程序认识的字段", "is not a field this program knows", shown(unknown))


@cache
def _manifest_fields() -> Fields:
    """The manifest's values that an import uses (its format, kind and columns are checked as
    it is read, app.sync.fileformat)."""
    peer = field_checks(models.SyncPeer, "sync_peers", ("site_id", "name"))
    site_fields = Fields.of({"id": peer["site_id"], "name": peer["name"]}, optional=("name",))
    count = integer_check(0, 2**31 - 1)
    table = text_check(models.SyncRecord.__table__.c.entity.type.length)

    def site(value: Any) -> None:
        if value.__class__ is not dict:
            raise _wrong_kind(value, "对象", "an object")
        if value.get("id") == "":
            raise Invalid("不能为空", "must not be empty", "id")
        run(site_fields, value)

    def counts(value: Any) -> None:
        if value.__class__ is not dict:
            raise _wrong_kind(value, "对象", "an object")
        for name, number in value.items():
            table(name)
            run(Fields.of({name: count}), {name: number})

    checks = {"site": site, "sequence": count, "counts": counts, "attachments": count}
    checks |= dict.fromkeys(("since", "until", "created_at"), _time)
    return Fields.of(checks, optional=("sequence", "since", "until", "created_at", "attachments"))


def check_manifest(manifest: dict[str, Any]) -> None:
    fields = _manifest_fields()
    run(fields, {name: manifest[name] for name in fields if name in manifest})


def _digest(value: Any) -> None:
    text_check(64)(value)
    _sha256(value)


_PART_FIELDS = Fields.of(
    {
        "name": text_check(300),
        "bytes": integer_check(0, 2**63 - 1),
        "sha256": _digest,
        "count": integer_check(0, 2**63 - 1),
        "table": text_check(50),
    },
    optional=("count", "table"),
)


def check_part(part: Any) -> None:
    """A part as the manifest lists it: name, bytes and SHA-256, a count and table for records."""
    if part.__class__ is not dict:
        raise _wrong_kind(part, "对象", "an object")
    for name in ("name", "bytes", "sha256"):
        if name not in part:
            raise Invalid("缺失", "is missing", name)
    run(_PART_FIELDS, part)


# How a problem is told


def record_refused(title: str, part: str, line: int, problem: Invalid) -> SyncRefused:
    """A record's problem as the refusal of the whole file."""
    field_zh = f"字段 {problem.field} " if problem.field else ""
    field_en = f"{problem.field}: " if problem.field else ""
    return SyncRefused(
        pick(
            f"同步文件中 {part} 第 {line} 行的{title}有误：{field_zh}{problem.zh}。整个文件没有导入",
            f"The {in_sentence(title)} on line {line} of {part} in the sync file is invalid: "
            f"{field_en}{problem.en}. Nothing of the file was imported",
        )
    )


def in_sentence(title: str) -> str:
    """A table's English title within a sentence: "Callback task" as "callback task", "Form B"
    as "form B"."""
    return title[:1].lower() + title[1:]
