"""Everything the complaint window and the printed H.1 show of one complaint: its fields and
clocks, every supervision order, the corrective actions recorded against it, and whether another
order may be issued now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from app.audit import record_change
from app.clock import current_time
from app.complaints.clocks import ComplaintRow, complaint_row
from app.complaints.corrective import CapaRow, capa_list
from app.complaints.registry import get_complaint
from app.complaints.supervision import OrderRow, order_refusal, orders_of
from app.staff import acting_member


@dataclass
class ComplaintDetail:
    complaint: ComplaintRow
    orders: list[OrderRow]  # first issue first
    capas: list[CapaRow]
    order_refusal: str | None  # why no order can be issued now; None: one can (roles aside)


def complaint_detail(
    session: Session, complaint_id: int, now: datetime | None = None
) -> ComplaintDetail:
    now = current_time(now)
    row = complaint_row(session, complaint_id, now)
    orders = orders_of(session, complaint_id, now)
    refusal = order_refusal(get_complaint(session, complaint_id), orders)
    return ComplaintDetail(
        complaint=row,
        orders=orders,
        capas=capa_list(session, complaint_id=complaint_id, now=now),
        order_refusal=refusal,
    )


def open_complaint(
    session: Session, complaint_id: int, now: datetime | None = None, *, viewer_id: int | None
) -> ComplaintDetail:
    """`complaint_detail` for the complaint window as it opens for `viewer_id` (a logged-in
    person, once anybody logs in): it shows the complainant's contact in full, and that is
    audited — who saw which complaint's contact, never the contact itself. Reloads of the open
    window (after a step) read `complaint_detail` and are not audited again."""
    acting_member(session, viewer_id)
    detail = complaint_detail(session, complaint_id, now)
    if detail.complaint.contact:
        complaint = get_complaint(session, complaint_id)
        record_change(
            session,
            actor_id=viewer_id,
            action="complaint.contact_shown",
            entity="complaint",
            entity_uid=complaint.uid,
            before=None,
            after={"number": complaint.number},
        )
    return detail
