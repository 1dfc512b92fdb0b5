"""The operators' quality inspection (质检, issue 22) of the 2026 Q3 in feedback_data.py, for the
staff assessment's screen and workbook tests.

李晓燕: three calls of the quarter scored 90, 85 and 80 of 100 → 3 calls, 85.0 %, no critical
        failure; one call of 30 June 23:50 (Q2), scored in July, does not count.
周敏:   two calls scored 35 of 50 (a critical failure) and 95 of 100 → 2 calls, 130 / 150 =
        86.7 %, 1 critical failure; one call still pending and one of 1 October 00:10 (Q4) do
        not count.
Altogether 5 calls, 385 / 450 = 85.6 % (points over the maximum, not the mean of the averages).
"""

from __future__ import annotations

from sqlalchemy import select

from db.database import Database
from db.models import CallAttempt, Case, QcReview, Staff

from .feedback_data import at

LI = "李晓燕"
ZHOU = "周敏"


def seed_quality(database: Database, *, names: tuple[str, str] = (LI, ZHOU)) -> dict[str, int]:
    """Writes the reviews above (the operators named `names`); returns the operators' ids."""
    with database.sessions.begin() as session:
        case_id = session.scalars(select(Case.id).order_by(Case.id)).first()
        li, zhou = (Staff(name=name, role="operator", is_operator=True) for name in names)
        session.add_all([li, zhou])
        session.flush()

        def review(operator: Staff, when: str, points: int | None, maximum: int = 100, **more):
            attempt = CallAttempt(
                case_id=case_id,
                attempted_at=at(*when.split()),
                outcome="completed",
                operator_id=operator.id,
            )
            session.add(attempt)
            session.flush()
            scored = points is not None
            session.add(
                QcReview(
                    call_attempt_id=attempt.id,
                    operator_id=operator.id,
                    status="scored" if scored else "pending",
                    points=points,
                    max_points=maximum if scored else None,
                    scored_at=at("2026-10-09") if scored else None,
                    **more,
                )
            )

        review(li, "2026-07-01 00:05", 90)
        review(li, "2026-08-12", 85)
        review(li, "2026-09-30 23:50", 80)
        review(li, "2026-06-30 23:50", 10)  # Q2
        review(zhou, "2026-07-20", 35, 50, critical_failed=True)
        review(zhou, "2026-09-02", 95)
        review(zhou, "2026-09-03", None)  # not scored yet
        review(zhou, "2026-10-01 00:10", 20, critical_failed=True)  # Q4
        return {names[0]: li.id, names[1]: zhou.id}
