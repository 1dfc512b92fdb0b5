"""Importing online evaluations exported from the 好差评 platform (J 5.2.1, 5.2.2, 5.6.1)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert
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
from app.ratings import Channel, channel_from_source
from db.models import Evaluation

KIND = "evaluations"
FIELDS = (
    Field("case_no", "业务编号", ("业务号", "办件编号", "受理编号", "办件号", "事项编号"), True),
    Field("evaluated_at", "评价时间", ("评价日期", "评价时刻"), True),
    Field("source_channel", "评价渠道", ("渠道", "评价来源", "评价方式")),
    *RATING_FIELDS,
    INTEGRITY_FIELD,
    Field("content", "评价内容", ("评价意见", "意见建议", "有无建议", "建议", "评价描述")),
)


@dataclass(frozen=True)
class EvaluationRecord:
    line: int
    case_no: str
    evaluated_at: datetime
    source_channel: str | None
    channel: Channel
    answers: Answers

    @property
    def key(self) -> EvaluationKey:
        return EvaluationKey(self.case_no, self.evaluated_at, self.channel)

    @property
    def fingerprint(self) -> str:
        return fingerprint(
            self.case_no,
            self.evaluated_at.isoformat(),
            self.source_channel,
            self.answers.original,
            self.answers.suggestion,
        )


def parse_row(row: SourceRow) -> EvaluationRecord:
    source = row.text("source_channel", 50)
    return EvaluationRecord(
        line=row.line,
        case_no=row.code("case_no", 64, required=True),
        evaluated_at=row.datetime("evaluated_at", required=True),
        source_channel=source,
        channel=channel_from_source(source or ""),
        answers=parse_answers(row, "content"),
    )


def prepare(
    session: Session, rows: list[SourceRow], summary: ImportSummary, tick: Callable[[], None]
) -> list[tuple[int, EvaluationRecord]]:
    parsed = parse_rows(rows, parse_row, summary, tick)
    ids = case_ids(session, (record.case_no for _row, record in parsed))
    matcher = EvaluationMatcher(session, ids)
    accepted = []
    for row, record in parsed:
        case_id = ids.get(record.case_no)
        try:
            if case_id is None:
                raise RowProblem("unknown_case", {"case_no": record.case_no})
            seen = matcher.check(row.line, record.key, case_id, record.fingerprint)
        except RowProblem as problem:
            summary.reject(row.line, problem, row.shown_cells())
            continue
        if isinstance(seen, int):
            summary.duplicate(row.line, seen)
        elif seen == "stored":
            summary.unchanged += 1
        else:
            accepted.append((case_id, record))
    return accepted


def store(
    session: Session,
    records: list[tuple[int, EvaluationRecord]],
    batch_id: int,
    summary: ImportSummary,
    tick: Callable[[], None],
) -> None:
    rows = []
    for case_id, record in records:
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
            }
        )
    if rows:
        session.execute(insert(Evaluation), rows)
    summary.inserted += len(rows)
    follow_up(session, [case_id for case_id, _record in records], batch_id, summary)
