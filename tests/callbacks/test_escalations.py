"""Integrity escalations: listed and marked handled by team leads and administrators only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.callbacks.escalations import (
    HANDLED,
    OPEN,
    EscalationError,
    escalation_rows,
    handle_escalation,
)
from app.callbacks.opening import escalate_integrity
from app.roles import NotPermitted
from db.models import AuditEntry, IntegrityEscalation

from . import helpers as h


@pytest.fixture
def reported(any_db):
    with any_db.sessions.begin() as session:
        people = h.people(session)
        case_ = h.case(
            session, h.unit(session, "历下区登记中心"), "LX-1", h.local(2026, 9, 25).date()
        )
        first = h.first_evaluation(
            session, case_, h.local(2026, 9, 28), words="收红包", integrity=True
        )
        escalate_integrity(session, [first.id], h.local(2026, 9, 28))
        escalation_id = session.scalar(select(IntegrityEscalation.id))
    return any_db, people, escalation_id


def test_operators_may_neither_see_nor_handle(reported):
    database, people, escalation_id = reported
    with database.sessions() as session:
        with pytest.raises(NotPermitted):
            escalation_rows(session, people.wang)
        with pytest.raises(NotPermitted):
            escalation_rows(session, None)
        with pytest.raises(NotPermitted):
            handle_escalation(session, escalation_id, by_id=people.wang, resolution="已核查")


def test_a_lead_marks_it_handled_once_and_it_is_audited(reported):
    database, people, escalation_id = reported
    with database.sessions() as session:
        (row,) = escalation_rows(session, people.lead)
    assert (row.case_no, row.unit, row.details, row.status_label) == (
        "LX-1",
        "历下区登记中心",
        "收红包",
        "待处理",
    )
    with database.sessions.begin() as session:
        with pytest.raises(EscalationError):
            handle_escalation(session, escalation_id, by_id=people.lead, resolution="  ")
    with database.sessions.begin() as session:
        handle_escalation(
            session,
            escalation_id,
            by_id=people.lead,
            resolution="已核查，移交纪检",
            now=h.local(2026, 9, 29),
        )
    with database.sessions.begin() as session:
        with pytest.raises(EscalationError):
            handle_escalation(session, escalation_id, by_id=people.admin, resolution="again")
    with database.sessions() as session:
        escalation = session.get(IntegrityEscalation, escalation_id)
        assert (escalation.status, escalation.handled_by_id) == (HANDLED, people.lead)
        assert escalation.resolution == "已核查，移交纪检"
        audit = session.scalar(
            select(AuditEntry).where(AuditEntry.entity == "integrity_escalation")
        )
        assert audit.action == "integrity.handle" and audit.entity_uid == escalation.uid
        assert (audit.before["status"], audit.after["status"]) == (OPEN, HANDLED)
        assert audit.actor.startswith("张组长")
        assert escalation_rows(session, people.admin, open_only=True) == []
        (row,) = escalation_rows(session, people.admin)
        assert (row.status_label, row.handled_by) == ("已处理", "张组长")
