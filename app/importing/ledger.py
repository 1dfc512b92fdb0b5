"""Importing an existing phone-revisit ledger (W 附录 F columns, Form A columns and 业务编号).

A row whose 回访情况 is 已回访 is a completed call and a phone evaluation; any other value
(无人接听, 占线, 关机, 空号, 拒访, …) is a failed call attempt with that outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.importing.columns import Field
from app.importing.follow_up import follow_up
from app.importing.form_a import (
    INTEGRITY_FIELD,
    RATING_FIELDS,
    Answers,
    EvaluationKey,
    EvaluationMatcher,
    case_ids,
    fingerprint,
    parse_answers,
)
from app.importing.problems import RowProblem
from app.importing.rows import SourceRow, parse_rows
from app.importing.summary import ImportSummary
from app.outcomes import DEFAULT_OUTCOMES, Outcome, outcome_from_text
from app.phones import parse_phone
from app.ratings import Channel
from db.models import CallAttempt, Evaluation, Staff

KIND = "ledger"
FIELDS = (
    Field("seq", "序号", ("编号", "行号")),
    Field("date", "日期", ("回访日期", "回访时间", "日期时间"), True),
    Field("person", "人员姓名", ("姓名", "服务对象", "被回访人", "申请人")),
    Field("location", "座落", ("坐落", "不动产坐落")),
    Field("business_type", "业务类型", ("办理事项类型", "登记类型")),
    Field("contact", "联系方式", ("联系电话", "电话", "手机")),
    Field("status", "回访情况", ("回访结果", "回访状态", "情况"), True),
    Field("case_no", "业务编号", ("业务号", "办件编号", "受理编号"), True),
    *RATING_FIELDS,
    INTEGRITY_FIELD,
    Field("suggestion", "有无建议", ("建议", "意见建议", "备注")),
    Field("operator", "回访人", ("回访员", "访员", "回访人员", "操作员")),
)


@dataclass(frozen=True)
class LedgerRecord:
    line: int
    case_no: str
    at: datetime
    contact: str | None
    outcome: Outcome
    outcome_text: str
    answers: Answers | None
    operator: str | None

    @property
    def fingerprint(self) -> str:
        return fingerprint(
            self.case_no,
            self.at.isoformat(),
            self.outcome_text,
            self.contact,
            self.operator,
            self.answers.original if self.answers else None,
            self.answers.suggestion if self.answers else None,
        )


def parse_row(row: SourceRow) -> LedgerRecord:
    status = row.text("status", 50, required=True)
    outcome = outcome_from_text(status)
    if outcome is None:
        known = "、".join(o.label for o in DEFAULT_OUTCOMES)
        raise RowProblem("unknown_outcome", {"value": status, "known": known})
    return LedgerRecord(
        line=row.line,
        case_no=row.code("case_no", 64, required=True),
        at=row.datetime("date", required=True),
        contact=row.text("contact", 100),
        outcome=outcome,
        outcome_text=status,
        answers=parse_answers(row, "suggestion") if outcome.code == "completed" else None,
        operator=row.text("operator", 50),
    )


def prepare(
    session: Session, rows: list[SourceRow], summary: ImportSummary, tick: Callable[[], None]
) -> list[tuple[int, LedgerRecord]]:
    parsed = parse_rows(rows, parse_row, summary, tick)
    ids = case_ids(session, (record.case_no for _row, record in parsed))
    matcher = EvaluationMatcher(session, ids)
    stored = _stored_attempts(session, list(ids.values()))
    seen: dict[tuple[int, str], int] = {}  # -> the line it was first seen on
    accepted = []
    for row, record in parsed:
        case_id = ids.get(record.case_no)
        try:
            if case_id is None:
                raise RowProblem("unknown_case", {"case_no": record.case_no})
            key = (case_id, record.fingerprint)
            if key in seen:
                summary.duplicate(row.line, seen[key])
                continue
            if key in stored:
                seen[key] = row.line  # a repeat further down is a duplicate line
                summary.unchanged += 1
                continue
            if record.answers is not None:
                eval_key = EvaluationKey(record.case_no, record.at, Channel.PHONE)
                matcher.check(row.line, eval_key, case_id, record.fingerprint)
        except RowProblem as problem:
            summary.reject(row.line, problem, row.shown_cells())
            continue
        seen[key] = row.line
        accepted.append((case_id, record))
    return accepted


def _stored_attempts(session: Session, ids: list[int]) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(CallAttempt.case_id, CallAttempt.fingerprint).where(
                CallAttempt.case_id.in_(chunk), CallAttempt.fingerprint.is_not(None)
            )
        )
        found.update((case_id, print_) for case_id, print_ in rows)
    return found


def store(
    session: Session,
    records: list[tuple[int, LedgerRecord]],
    batch_id: int,
    summary: ImportSummary,
    tick: Callable[[], None],
) -> None:
    operators = _ensure_operators(session, {r.operator for _id, r in records if r.operator})
    for case_id, record in records:
        tick()
        operator_id = operators.get(record.operator) if record.operator else None
        evaluation_id = None
        if record.answers is not None:
            evaluation_id = session.execute(
                insert(Evaluation).returning(Evaluation.id),
                {
                    "case_id": case_id,
                    "channel": Channel.PHONE,
                    "source_channel": "电话回访台账",
                    "round": 1,
                    "evaluated_at": record.at,
                    "operator_id": operator_id,
                    "fingerprint": record.fingerprint,
                    "import_batch_id": batch_id,
                    **record.answers.columns(),
                },
            ).scalar_one()
            summary.flag("phone_evaluations")
        else:
            summary.flag("failed_calls")
        phone = parse_phone(record.contact) if record.contact else None
        session.execute(
            insert(CallAttempt),
            {
                "case_id": case_id,
                "attempted_at": record.at,
                "outcome": record.outcome.code,
                "outcome_original": record.outcome_text,
                "phone_original": record.contact,
                "phone_e164": phone.e164 if phone else None,
                "operator_id": operator_id,
                "evaluation_id": evaluation_id,
                "fingerprint": record.fingerprint,
                "import_batch_id": batch_id,
            },
        )
        summary.inserted += 1
    follow_up(session, [case_id for case_id, _record in records], batch_id, summary)


def _ensure_operators(session: Session, names: set[str]) -> dict[str, int]:
    """Staff ids of the operators (回访人) named, created as operators when new."""
    query = select(Staff.name, Staff.id).where(Staff.name.in_(names), Staff.is_operator)
    found = dict(session.execute(query.order_by(Staff.id.desc())).all())
    for name in names - set(found):
        staff = Staff(name=name, is_operator=True)
        session.add(staff)
        session.flush()
        found[name] = staff.id
    return found
