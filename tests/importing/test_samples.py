"""The sample files of tests/data/samples: imported in order, again, and the Q3 report they give.

The quarterly figures are computed here with one plain SQL query, so that this test guards what
the report relies on from the importers (the first evaluation by time, whatever its channel, and
its 总体情况), not the report code.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import and_, case, func, select

import main
from app.ratings import RATING_SCORES, Channel
from db.models import CallAttempt, CallbackTask, Case, CasePhone, Evaluation, ImportBatch, Unit

from .helpers import count, run_import

FILES = (
    ("cases", "cases_2026q3.csv"),
    ("evaluations", "evaluations_2026q3.xlsx"),
    ("ledger", "ledger_2026q3.xlsx"),
)
Q3 = (date(2026, 7, 1), date(2026, 9, 30))


def import_samples(db, samples):
    return {kind: run_import(db, kind, samples / name) for kind, name in FILES}


def test_samples_import_in_order_and_again(any_db, samples):
    first = import_samples(any_db, samples)
    for summary in first.values():
        assert summary.imported
        assert summary.rejected == []
        assert summary.duplicates_in_file == 0
    assert (first["cases"].rows, first["cases"].inserted) == (400, 400)
    assert (first["evaluations"].rows, first["evaluations"].inserted) == (88, 88)
    assert (first["ledger"].rows, first["ledger"].inserted) == (107, 107)
    # 不满意 in a case's first evaluation opens its one second-round callback (J 5.3.2).
    assert first["evaluations"].flagged == {"callbacks_opened": 61}
    assert first["ledger"].flagged == {
        "phone_evaluations": 53,
        "failed_calls": 54,
        "callbacks_opened": 40,
    }

    assert count(any_db, Case) == 400
    assert count(any_db, Unit) == 7
    assert count(any_db, CasePhone) >= 400
    assert count(any_db, Evaluation, Evaluation.channel.in_([Channel.QR, Channel.PLATFORM])) == 88
    assert count(any_db, Evaluation, Evaluation.channel == Channel.PHONE) == 53
    assert count(any_db, CallAttempt) == 107
    assert count(any_db, CallAttempt, CallAttempt.outcome == "completed") == 53
    assert count(any_db, CallAttempt, CallAttempt.evaluation_id.is_not(None)) == 53
    assert count(any_db, CallAttempt, CallAttempt.outcome != "completed") == 54

    again = import_samples(any_db, samples)
    for kind, rows in (("cases", 400), ("evaluations", 88), ("ledger", 107)):
        summary = again[kind]
        assert summary.imported and summary.rejected == []
        assert (summary.inserted, summary.updated, summary.unchanged) == (0, 0, rows), kind
    assert count(any_db, Case) == 400
    assert count(any_db, Evaluation) == 141
    assert count(any_db, CallAttempt) == 107
    assert count(any_db, ImportBatch) == 6
    assert all(summary.flagged.get("callbacks_opened") is None for summary in again.values())
    assert count(any_db, CallbackTask) == 101


def quarterly(session, start: date, end: date) -> list[dict]:
    """Per unit: cases completed in the quarter, revisited, first channel, score total."""
    first = select(
        Evaluation.case_id,
        Evaluation.channel,
        Evaluation.overall,
        func.row_number()
        .over(partition_by=Evaluation.case_id, order_by=(Evaluation.evaluated_at, Evaluation.id))
        .label("n"),
    ).where(Evaluation.round == 1)
    first = first.subquery()
    online = [Channel.QR.value, Channel.PLATFORM.value]
    score = case(
        {rating.value: points for rating, points in RATING_SCORES.items()},
        value=first.c.overall,
        else_=0,
    )
    query = (
        select(
            Unit.name,
            func.count(Case.id),
            func.count(first.c.case_id),
            func.coalesce(func.sum(case((first.c.channel.in_(online), 1), else_=0)), 0),
            func.coalesce(func.sum(case((first.c.channel == Channel.PHONE.value, 1), else_=0)), 0),
            func.coalesce(func.sum(case((first.c.case_id.is_not(None), score), else_=0)), 0),
        )
        .select_from(Case)
        .join(Unit, Unit.id == Case.unit_id)
        .outerjoin(first, and_(first.c.case_id == Case.id, first.c.n == 1))
        .where(Case.completed_on.between(start, end))
        .group_by(Unit.name)
        .order_by(
            func.coalesce(func.sum(case((first.c.case_id.is_not(None), score), else_=0)), 0).desc()
        )
    )
    units = []
    for rank, (name, cases, revisited, on, phone, total) in enumerate(session.execute(query), 1):
        coverage = round(revisited / cases, 4)
        units.append(
            {
                "unit": name,
                "cases": cases,
                "revisited": revisited,
                "online": on,
                "phone": phone,
                "score_total": total,
                "coverage": coverage,
                "meets_target": coverage >= 0.3,
                "rank": rank,
            }
        )
    return units


def test_samples_give_the_expected_quarterly_figures(any_db, samples):
    expected = json.loads((samples / "expected_quarterly_2026q3.json").read_text(encoding="utf-8"))
    assert (expected["year"], expected["quarter"]) == (2026, 3)
    summaries = import_samples(any_db, samples)

    with any_db.sessions() as session:
        units = quarterly(session, *Q3)
    assert units == expected["units"]

    assert summaries["cases"].inserted == expected["import"]["cases_valid"]
    assert len(summaries["cases"].rejected) == expected["import"]["case_rows_rejected"]
    unknown = [r for r in summaries["evaluations"].rejected if r.code == "unknown_case"]
    assert len(unknown) == expected["import"]["evaluations_unknown_case"]


def test_samples_through_the_command_line(any_db, samples, capsys, monkeypatch):
    monkeypatch.delenv("REVISITDESK_LANG", raising=False)
    for kind, name in FILES:
        assert main.main(["--db", any_db.url, "import", kind, str(samples / name), "--json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert summary["imported"] and summary["rejected_count"] == 0
    assert count(any_db, Case) == 400
    assert count(any_db, Evaluation) == 141
