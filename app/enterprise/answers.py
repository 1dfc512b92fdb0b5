"""A Form B's answers as the answers dialog starts from: what was printed on the form and what
has been typed in so far."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.printing.form_b import form_b_print_data
from db.models import EnterpriseFeedback


def form_b_to_edit(
    session: Session, feedback_id: int, revisit_contact: str | None
) -> dict[str, Any]:
    """The printed facts and the saved answers of one Form B; `revisit_contact` stands in for
    the revisiting person until one is saved. Raises LookupError for a form deleted meanwhile."""
    record = session.get(EnterpriseFeedback, feedback_id)
    if record is None:
        raise LookupError(feedback_id)
    (printed,) = form_b_print_data(session, [feedback_id])
    return {
        "enterprise_name": printed.enterprise_name,
        "registration_type": printed.registration_type,
        "steps": printed.steps,
        "days": printed.days,
        "registration_fee_fen": printed.registration_fee_fen,
        "deed_tax_fen": printed.deed_tax_fen,
        "stamp_duty_fen": printed.stamp_duty_fen,
        "policy_knowledge": record.policy_knowledge,
        "satisfaction": record.satisfaction,
        "suggestion": record.suggestion,
        "enterprise_contact": record.enterprise_contact,
        "revisit_contact": record.revisit_contact or revisit_contact,
    }
