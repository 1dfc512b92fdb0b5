"""Builders for the users tests: people with roles, user names and passwords."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.users
from app.staff import add_staff
from app.users import set_password, set_username
from db.database import Database
from db.models import AuditEntry

PASSWORD = "Correct horse 7"
# Taken before the tests' fixtures put cheaper parameters in its place.
PRODUCTION_HASHER = app.users._hasher


@dataclass
class Accounts:
    admin: int
    lead: int
    operator: int
    auditor: int


def accounts(database: Database) -> Accounts:
    """One person of each role, each with user name = role and password PASSWORD."""
    ids = {}
    with database.sessions.begin() as session:
        for name, role, username in (
            ("赵管理", "administrator", "admin"),
            ("张组长", "team_lead", "lead"),
            ("王芳", "operator", "operator"),
            ("钱审计", "auditor", "auditor"),
        ):
            staff = add_staff(session, name, role)
            set_username(session, staff.id, username)
            set_password(session, staff.id, PASSWORD)
            ids[username] = staff.id
    return Accounts(**ids)


def audit_actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
