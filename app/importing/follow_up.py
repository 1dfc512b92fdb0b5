"""After evaluations are imported: what their answers call for, counted in the summary.

A first evaluation with 不满意 opens the case's second-round callback and an answer of 有 on
廉洁纪律 is escalated, exactly as when the answer is taken by phone or on Form B. Re-importing a
file inserts nothing, so it opens nothing.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.callbacks.opening import escalate_integrity, open_for_first_evaluations
from app.importing.summary import ImportSummary
from db.models import Evaluation


def follow_up(session: Session, case_ids: list[int], batch_id: int, summary: ImportSummary) -> None:
    if not case_ids:
        return
    now = clock.now()
    opened = open_for_first_evaluations(session, case_ids, now)
    if opened:
        summary.flagged["callbacks_opened"] = opened
    evaluation_ids = session.scalars(
        select(Evaluation.id).where(
            Evaluation.import_batch_id == batch_id, Evaluation.integrity_breach.is_(True)
        )
    ).all()
    escalated = escalate_integrity(session, evaluation_ids, now)
    if escalated:
        summary.flagged["integrity_escalations"] = escalated
