"""What a door (the window, the command line, a future one) does around a person's request,
beside the role checks the services make themselves (app.staff.require_permission): a refused
request goes into the audit trail, and a log-in that failed is told as a refusal.

A door logs its user in (app.users.authenticate, or app.tokens.log_in_with_token for a scheduled
job) before it runs anything that reads personal data or changes something, and passes the
person's staff id to every service as `by_id`. Where nobody can log in yet, it passes None.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit import record_change
from app.errors import Refused
from app.roles import NotPermitted


class LoginFailed(Refused):
    """A log-in a door asked for did not succeed (wrong password, a locked user, an expired
    password or token); app.users / app.tokens audited it already."""


def record_refusal(
    session: Session,
    *,
    actor_id: int | None,
    door: str,
    request: str,
    refused: NotPermitted,
    username: str | None = None,
) -> None:
    """Audit a request a door refused (action "access.refused"): who (`actor_id`, else the user
    name they gave), at which door, what they asked (`request`: a command's words, never its
    arguments, which may name people) and why (the permission missing, or "login_required")."""
    after = {"door": door, "request": request, "reason": refused.reason}
    if username:
        after["username"] = username
    record_change(
        session,
        actor_id=actor_id,
        action="access.refused",
        entity="request",
        entity_uid=None,
        before=None,
        after=after,
    )
