"""Importing online evaluations exported from the 好差评 platform (J 5.1.2, 5.2.1, 5.2.2, 5.6.1).

The export is read through an import profile (app.importing.profiles): its headers, its rating
and channel codes, how it marks a default rating. A coded file read through a profile that does
not say what its codes mean is refused whole, never guessed (SPEC rule 19). Each evaluation
records what the platform said about it — default rating, 评价次数 (2: a 追评), 评价人, 是否匿名,
审核状态, 差评标签, 行政区划 — and whether it is valid for J 5.1.2 (app.importing.validity).

A 追评 is stored as a later evaluation of the same case (attempt 2, round 1: it is not the
second round of a callback); the database never makes it the scoring evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.clock import local_date
from app.importing.evaluation_fields import FIELDS
from app.importing.follow_up import follow_up
from app.importing.form_a import (
    RATING_FIELDS,
    Answers,
    EvaluationKey,
    EvaluationMatcher,
    fingerprint,
    parse_answers,
)
from app.importing.problems import FileRefused, RowProblem
from app.importing.profiles import BUILTIN, DEFAULT_PROFILE, ImportProfile
from app.importing.rows import SourceRow, parse_rows
from app.importing.summary import ImportSummary
from app.importing.validity import EvaluationFacts, ValidityRules
from app.importing.values import clean_text, normalize, parse_flag
from app.ratings import Channel, channel_from_source
from db.models import Case, Evaluation
from db.types import utcnow

KIND = "evaluations"
__all__ = ["FIELDS", "KIND", "prepare", "store"]

_CHUNK = 500
# A rating or channel written as a bare number (full-width digits too): a code, whose meaning
# only a profile gives.
_BARE_CODE = re.compile(r"[0-9０-９]{1,4}")
_LABEL_SEPARATORS = re.compile(r"[,，;；|、/\s]+")
MAX_LABELS = 20
MAX_ATTEMPT = 9
_FIRST_WORDS = {"首次评价", "首次", "首评", "初评", "第一次"}
_LATER_WORDS = {"追评", "追加评价", "追加", "再次评价", "第二次"}
_ANONYMOUS_WORDS = {"匿名": True, "实名": False, "非匿名": False}
# What the platform says about an evaluation: compared, and brought up to date, on re-import.
METADATA = (
    "is_default",
    "valid",
    "invalid_reason",
    "attempt",
    "evaluator",
    "anonymous",
    "review_status",
    "labels",
    "region_code",
)


@dataclass
class EvaluationRecord:
    line: int
    case_no: str
    evaluated_at: datetime
    source_channel: str | None  # the channel's name (a code's word), as the case shows it
    channel: Channel
    answers: Answers
    level: str | None = None  # 总体情况 on the scale as given (a code's word)
    is_default: bool = False
    attempt: int = 1
    evaluator: str | None = None
    anonymous: bool | None = None
    review_status: str | None = None
    labels: tuple[str, ...] | None = None
    region_code: str | None = None
    valid: bool = True
    invalid_reason: str | None = None

    @property
    def key(self) -> EvaluationKey:
        return EvaluationKey(self.case_no, self.evaluated_at, self.channel)

    @cached_property
    def fingerprint(self) -> str:
        # The answers only: what the platform says about them may change (审核状态) and is
        # brought up to date on re-import instead of counting as another evaluation.
        return fingerprint(
            self.case_no,
            self.evaluated_at.isoformat(),
            self.source_channel,
            self.answers.original,
            self.answers.suggestion,
        )

    def metadata(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in METADATA}
        values["labels"] = list(self.labels) if self.labels is not None else None
        return values


@dataclass
class Prepared:
    """What `store` writes: new evaluations, and stored ones whose platform data changed."""

    new: list[tuple[int, EvaluationRecord]] = field(default_factory=list)
    changed: list[tuple[int, int, EvaluationRecord]] = field(default_factory=list)  # id, case


class RowParser:
    """Reads one row through a profile; the rules that need the case come later."""

    def __init__(self, profile: ImportProfile) -> None:
        self.profile = profile
        # Channel names of the table, to accept a file that writes them out.
        self._channel_codes = {name: code for code, name in profile.channels.items()}
        self._default_channels = {normalize(c) for c in profile.defaults.channels}

    def __call__(self, row: SourceRow) -> EvaluationRecord:
        source, mark, channel_original = self._channel(row)
        answers = parse_answers(row, "content", self.profile.ratings)
        if channel_original is not None:
            answers = replace(answers, original=(*answers.original, channel_original))
        record = EvaluationRecord(
            line=row.line,
            case_no=row.code("case_no", 64, required=True),
            evaluated_at=row.datetime("evaluated_at", required=True),
            source_channel=source,
            channel=channel_from_source(source or ""),
            answers=answers,
            level=_level(answers),
            is_default=mark is not None and mark in self._default_channels,
        )
        # What the platform says about the evaluation, from the columns the file has (most
        # files have few of them: looked at only then, as an import reads every row).
        present = row.columns
        if "labels" in present:
            record.labels, labels_original = self._labels(row)
            if labels_original is not None:
                answers = replace(answers, original=(*answers.original, labels_original))
                record.answers = answers
        if "default_flag" in present:
            record.is_default = row.flag("default_flag") or record.is_default
        if "attempt" in present:
            record.attempt = self._attempt(row)
        if "evaluator" in present:
            record.evaluator = row.text("evaluator", 200)
        if "anonymous" in present:
            record.anonymous = self._anonymous(row)
        if "review_status" in present:
            record.review_status = self._review(row)
        if "region_code" in present:
            record.region_code = row.code("region_code", 20)
        return record

    def _channel(self, row: SourceRow) -> tuple[str | None, str | None, tuple[str, Any] | None]:
        """(the channel's name, its code or name for the default mark, its original if coded)."""
        text = row.text("source_channel", 50)
        if text is None:
            return None, None, None
        if not self.profile.channels:
            return text, normalize(text), None
        code = normalize(text)
        name = self.profile.channel_name(code)
        if name is not None:
            return name, code, (row.label("source_channel"), {"code": code, "word": name})
        if text in self._channel_codes:  # the name itself, as some files write it
            return text, self._channel_codes[text], None
        raise RowProblem(
            "bad_channel_code",
            {
                "field": row.label("source_channel"),
                "value": text,
                "codes": "、".join(f"{c}={n}" for c, n in self.profile.channels.items()),
            },
        )

    def _attempt(self, row: SourceRow) -> int:
        text = row.text("attempt")
        if text is None:
            return 1
        word = normalize(text).replace(" ", "")
        if word.isdigit() and 1 <= int(word) <= MAX_ATTEMPT:
            return int(word)
        if word in _FIRST_WORDS:
            return 1
        if word in _LATER_WORDS:
            return 2
        raise RowProblem("bad_attempt", {"field": row.label("attempt"), "value": text})

    def _anonymous(self, row: SourceRow) -> bool | None:
        text = row.text("anonymous")
        if text is None:
            return None
        word = normalize(text).replace(" ", "")
        if word in _ANONYMOUS_WORDS:
            return _ANONYMOUS_WORDS[word]
        try:
            return parse_flag(word)
        except ValueError:
            raise RowProblem("bad_flag", {"field": row.label("anonymous"), "value": text}) from None

    def _review(self, row: SourceRow) -> str | None:
        text = row.text("review_status", 50)
        if text is None:
            return None
        state = self.profile.review_state(text)
        if state is None:
            known = "、".join(v for values in self.profile.review.values() for v in values)
            raise RowProblem(
                "bad_review_status",
                {"field": row.label("review_status"), "value": text, "known": known},
            )
        return state

    def _labels(self, row: SourceRow) -> tuple[tuple[str, ...] | None, tuple[str, Any] | None]:
        """The 差评标签 codes as exported, and their words from the profile's dictionary."""
        text = row.text("labels", 500)
        if text is None:
            return None, None
        codes: list[str] = []
        for part in _LABEL_SEPARATORS.split(normalize(text)):
            if part and part not in codes:
                if len(part) > 20:
                    raise RowProblem(
                        "too_long", {"field": row.label("labels"), "length": len(part), "limit": 20}
                    )
                codes.append(part)
        if len(codes) > MAX_LABELS:
            raise RowProblem("too_many_labels", {"field": row.label("labels"), "count": len(codes)})
        words = [{"code": c, "word": self.profile.labels.get(c)} for c in codes]
        return tuple(codes), (row.label("labels"), words)


def _level(answers: Answers) -> str | None:
    """总体情况 as the export gave it on its scale (a code's word)."""
    for label, value in answers.original:
        if label == RATING_FIELDS[0].label:
            return value["word"] if isinstance(value, dict) else value
    return None


def refuse_undeclared_codes(rows: list[SourceRow], profile: ImportProfile) -> None:
    """Refuse the whole file when its ratings (or channels) are codes the profile does not
    explain: which way the codes run differs between platforms, and is never guessed."""
    keys = [] if profile.coded_ratings else [f.key for f in RATING_FIELDS]
    if not profile.channels:
        keys.append("source_channel")
    for row in rows:
        for key in keys:
            value = clean_text(row.raw(key))
            if _BARE_CODE.fullmatch(value):
                value = normalize(value)
                code = "channels_coded" if key == "source_channel" else "ratings_coded"
                raise FileRefused(
                    code,
                    {
                        "line": row.line,
                        "field": row.label(key),
                        "value": value,
                        "profile": profile.name,
                    },
                )


def default_profile() -> ImportProfile:
    return BUILTIN[DEFAULT_PROFILE]


def prepare(
    session: Session,
    rows: list[SourceRow],
    summary: ImportSummary,
    tick: Callable[[], None],
    profile: ImportProfile | None = None,
) -> Prepared:
    profile = profile or default_profile()
    refuse_undeclared_codes(rows, profile)
    parsed = parse_rows(rows, RowParser(profile), summary, tick)
    cases = _cases(session, {record.case_no for _row, record in parsed})
    matcher = EvaluationMatcher(session, {no: case_id for no, (case_id, _on) in cases.items()})
    rules = ValidityRules.from_settings(session)
    prepared = Prepared()
    stored: list[tuple[int, int, EvaluationRecord]] = []
    for row, record in parsed:
        try:
            if record.case_no not in cases:
                raise RowProblem("unknown_case", {"case_no": record.case_no})
            case_id, completed_on = cases[record.case_no]
            _judge(record, profile, completed_on, rules)
            seen = matcher.check(row.line, record.key, case_id, record.fingerprint)
        except RowProblem as problem:
            summary.reject(row.line, problem, row.shown_cells())
            continue
        if isinstance(seen, int):
            summary.duplicate(row.line, seen)
        elif seen == "stored":
            evaluation_id = matcher.stored_id(case_id, record.fingerprint)
            assert evaluation_id is not None
            stored.append((evaluation_id, case_id, record))
        else:
            prepared.new.append((case_id, record))
    prepared.changed = _changed(session, stored)
    summary.unchanged += len(stored) - len(prepared.changed)
    return prepared


def _judge(
    record: EvaluationRecord, profile: ImportProfile, completed_on: date, rules: ValidityRules
) -> None:
    """What needs the record's case: a default rating by level and days, and validity."""
    marks = profile.defaults
    record.is_default = record.is_default or (
        marks.level is not None
        and marks.after_days is not None
        and record.level == marks.level
        and not record.answers.suggestion
        and (local_date(record.evaluated_at) - completed_on).days >= marks.after_days
    )
    record.invalid_reason = rules.invalid_reason(
        EvaluationFacts(
            channel=record.channel,
            evaluated_at=record.evaluated_at,
            completed_on=completed_on,
            is_default=record.is_default,
            anonymous=record.anonymous,
            review_status=record.review_status,
        )
    )
    record.valid = record.invalid_reason is None


def _cases(session: Session, case_nos: set[str]) -> dict[str, tuple[int, date]]:
    """case number -> (id, 办结日期) for the numbers that are cases."""
    numbers = sorted(case_nos)
    found: dict[str, tuple[int, date]] = {}
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        rows = session.execute(
            select(Case.case_no, Case.id, Case.completed_on).where(Case.case_no.in_(chunk))
        )
        found.update((no, (case_id, on)) for no, case_id, on in rows)
    return found


def _changed(
    session: Session, stored: list[tuple[int, int, EvaluationRecord]]
) -> list[tuple[int, int, EvaluationRecord]]:
    """The stored evaluations met again whose platform data (or validity) differs now."""
    columns = [getattr(Evaluation, name) for name in METADATA]
    current: dict[int, dict[str, Any]] = {}
    ids = [evaluation_id for evaluation_id, _case, _record in stored]
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Evaluation.id, *columns).where(Evaluation.id.in_(ids[start : start + _CHUNK]))
        )
        for evaluation_id, *values in rows:
            current[evaluation_id] = dict(zip(METADATA, values, strict=True))
    return [item for item in stored if current[item[0]] != item[2].metadata()]


def store(
    session: Session,
    prepared: Prepared,
    batch_id: int,
    summary: ImportSummary,
    tick: Callable[[], None],
) -> None:
    rows = []
    for case_id, record in prepared.new:
        tick()
        rows.append(
            {
                "case_id": case_id,
                "channel": record.channel,
                "source_channel": record.source_channel,
                "round": 1,
                "evaluated_at": record.evaluated_at,
                "operator_id": None,
                "fingerprint": record.fingerprint,
                "import_batch_id": batch_id,
                "origin": None,
                **record.answers.columns(),
                **record.metadata(),
            }
        )
    if rows:
        # Core, not the ORM's bulk insert: that leaves out None values row by row and so
        # splits a file into a statement every few rows (invalid_reason, evaluator, …).
        session.execute(insert(Evaluation.__table__), rows)
    if prepared.changed:
        now = utcnow()
        session.execute(
            update(Evaluation),
            [
                {"id": evaluation_id, **record.metadata(), "updated_at": now}
                for evaluation_id, _case_id, record in prepared.changed
            ],
        )
    summary.inserted += len(rows)
    summary.updated += len(prepared.changed)
    written = [record for _case, record in prepared.new]
    written += [record for _id, _case, record in prepared.changed]
    for record in written:
        if record.attempt > 1:
            summary.flag("later_evaluations")
        if record.invalid_reason is not None:
            summary.flag(f"invalid_{record.invalid_reason}")
    case_ids = [case_id for case_id, _record in prepared.new]
    case_ids += [case_id for _id, case_id, _record in prepared.changed]
    follow_up(session, case_ids, batch_id, summary)
