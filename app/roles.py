"""Who may see and do what: the four roles of SPEC "Who uses it" and issue 7.

A person's role is kept on their staff record (`Staff.role`). Every check goes through `may`, so
the rules live in one table here and the screens only ask.
"""

from __future__ import annotations

from enum import StrEnum

from app.errors import Refused
from app.i18n import pick


class Role(StrEnum):
    OPERATOR = "operator"  # 回访员
    TEAM_LEAD = "team_lead"  # 组长 / 受理单位负责人
    ADMINISTRATOR = "administrator"  # 管理员
    AUDITOR = "auditor"  # 审计员


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.OPERATOR: ("回访员", "Operator"),
    Role.TEAM_LEAD: ("组长", "Team lead"),
    Role.ADMINISTRATOR: ("管理员", "Administrator"),
    Role.AUDITOR: ("审计员", "Auditor"),
}


class Permission(StrEnum):
    SEE_INTEGRITY = "see_integrity"  # integrity escalations (SPEC rule 7)
    LEAD_BOARD = "lead_board"  # assign, approve closures, reopen, supervision orders
    HANDLE_CALLBACKS = "handle_callbacks"  # record contacts and round-2 answers
    REGISTER_COMPLAINTS = "register_complaints"
    SEE_ASSESSMENT = "see_assessment"  # staff assessment (J 5.4.4)
    # satisfaction surveys, suggestion box checks and slips, commendations (W 7.1.3, J 5.5)
    RECORD_FEEDBACK = "record_feedback"
    ASSESS_OUTLETS = "assess_outlets"  # outlet assessments (W 7.2, 附录 G), exemplary staff
    INSPECT_QUALITY = "inspect_quality"  # quality inspection of calls (质检, W 7.1.2)
    # imports, restore, calendar, outcome table, service phrases, users, settings, retention
    ADMINISTER = "administer"
    AUDIT = "audit"  # read and export the audit trail


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OPERATOR: frozenset(
        {Permission.HANDLE_CALLBACKS, Permission.REGISTER_COMPLAINTS, Permission.RECORD_FEEDBACK}
    ),
    Role.TEAM_LEAD: frozenset(
        {
            Permission.SEE_INTEGRITY,
            Permission.LEAD_BOARD,
            Permission.HANDLE_CALLBACKS,
            Permission.REGISTER_COMPLAINTS,
            Permission.SEE_ASSESSMENT,
            Permission.RECORD_FEEDBACK,
            Permission.ASSESS_OUTLETS,
            Permission.INSPECT_QUALITY,
        }
    ),
    # Administrators answer for the installation: they read the audit trail as auditors do.
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.AUDITOR: frozenset({Permission.AUDIT, Permission.SEE_ASSESSMENT}),
}


def role_of(value: str | None) -> Role:
    """The role stored on a staff record; an unknown or empty value is the least: operator."""
    try:
        return Role(value or Role.OPERATOR)
    except ValueError:
        return Role.OPERATOR


def may(role: Role | str | None, permission: Permission) -> bool:
    return permission in _GRANTS[role_of(role)]


def role_label(role: Role | str | None) -> str:
    zh, en = ROLE_LABELS[role_of(role)]
    return pick(zh, en)


class NotPermitted(Refused, PermissionError):
    """The person's role does not allow the action; the message says which role does."""

    def __init__(self, permission: Permission) -> None:
        allowed = "、".join(ROLE_LABELS[r][0] for r in Role if permission in _GRANTS[r])
        allowed_en = ", ".join(ROLE_LABELS[r][1] for r in Role if permission in _GRANTS[r])
        super().__init__(
            pick(
                f"您的角色无权进行此操作（仅限{allowed}）",
                f"Your role may not do this ({allowed_en} only)",
            )
        )
        self.permission: Permission | None = permission
        self.reason = permission.value


def require(role: Role | str | None, permission: Permission) -> None:
    if not may(role, permission):
        raise NotPermitted(permission)


class LoginRequired(NotPermitted):
    """Nobody is logged in where the database asks for a log-in (somebody has a password), or
    the person acting is unknown or disabled; or an identity was typed instead of logged in."""

    def __init__(self, message: str | None = None, *, reason: str = "login_required") -> None:
        super(NotPermitted, self).__init__(
            message
            or pick(
                "此数据库需要登录：请以有权进行此操作的用户登录后再试",
                "This database asks for a log-in: log in as a user who may do this",
            )
        )
        self.permission = None
        self.reason = reason
