"""`staff list|add|role|password`: the people, their roles and their passwords.

Administrators only, but one's own password: that is changed knowing the present one, which the
command asks for itself (counted like a log-in, cli.login needs none first).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED
from cli.login import Access, ask_secret, given_user

ROLES = "operator, team_lead, administrator, auditor"


def add_commands(commands) -> None:
    staff = commands.add_parser("staff", help="staff and their roles / 人员与角色")
    staff_actions = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    staff_list = staff_actions.add_parser("list", help="the app's users, with role and unit")
    staff_list.add_argument(
        "--all", action="store_true", help="also the handling staff (经办人) who do not use the app"
    )
    staff_list.set_defaults(func=_list)
    staff_add = staff_actions.add_parser("add", help="add a person")
    staff_add.add_argument("name")
    staff_add.add_argument("--role", default="operator", help=ROLES)
    staff_add.add_argument("--unit", help="their accepting unit")
    staff_add.add_argument("--username", help="their user name for logging in")
    staff_add.set_defaults(func=_add)
    staff_role = staff_actions.add_parser("role", help="change a person's role")
    staff_role.add_argument("name")
    staff_role.add_argument("role", help=ROLES)
    staff_role.set_defaults(func=_role)
    staff_password = staff_actions.add_parser(
        "password",
        help="change your password (the present one asked first), or, logged in as an "
        "administrator, set another's / 修改本人密码或（管理员）设置他人密码",
    )
    staff_password.add_argument("username")
    staff_password.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new password from standard input (for setting up a new database from a "
        "script; the present password is always typed on the terminal)",
    )
    staff_password.set_defaults(func=_password, access=_password_access)


def _refusals_reported(command: Callable[..., int]) -> Callable[..., int]:
    @functools.wraps(command)
    def run(database, args) -> int:
        from app.staff import StaffError  # app.users' UserError is one too

        try:
            return command(database, args)
        except StaffError as error:
            print(error, file=sys.stderr)
            return EXIT_REFUSED

    return run


@_refusals_reported
def _add(database, args) -> int:
    from app.staff import add_staff
    from app.users import set_username

    with database.sessions.begin() as session:
        staff = add_staff(session, args.name, args.role, unit=args.unit, by_id=args.actor_id)
        if args.username:
            set_username(session, staff.id, args.username, by_id=args.actor_id)
    return _list(database, args)


@_refusals_reported
def _role(database, args) -> int:
    from app.staff import set_role

    with database.sessions.begin() as session:
        set_role(session, args.name, args.role, by_id=args.actor_id)
    return _list(database, args)


def _password_access(args) -> Access:
    """Another person's password: an administrator logged in by password. One's own (no
    --user, or --user naming oneself): no log-in first, the present password is asked."""
    user = given_user(args)
    if user is not None and user.strip().lower() != args.username.strip().lower():
        return Access.PASSWORD
    return Access.OPEN


@_refusals_reported
def _password(database, args) -> int:
    from app.access import LoginFailed
    from app.users import (
        LoggedIn,
        accounts_exist,
        log_in_with_new_password,
        set_password,
        user_named,
    )

    with database.sessions() as session:
        anybody = accounts_exist(session)
    if args.actor_id is not None or not anybody:
        # An administrator logged in (checked by set_password), or the first passwords of a
        # database where nobody logs in yet.
        with database.sessions.begin() as session:
            user = user_named(session, args.username)
            set_password(session, user.id, _read_password(args.password_stdin), by_id=args.actor_id)
        print(pick("密码已设置。", "Password set."))
        return EXIT_OK
    present = ask_secret(
        pick(f"{args.username} 的当前密码：", f"Present password of {args.username}: "),
        "staff password",
    )
    new = _read_password(args.password_stdin)
    with database.sessions.begin() as session:  # committed whatever the result: the count
        result = log_in_with_new_password(session, args.username, present, new)
    if not isinstance(result, LoggedIn):
        raise LoginFailed(
            result.message
            + pick(
                "（设置他人的密码须以管理员登录：--user 管理员用户名）",
                " (to set another person's password, log in as an administrator: --user NAME)",
            )
        )
    print(pick("密码已修改。", "Password changed."))
    return EXIT_OK


def _list(database, args) -> int:
    from app.roles import role_label
    from app.staff import list_staff

    with database.sessions() as session:
        for row in list_staff(session, viewer_id=args.actor_id):
            user = row.is_operator or row.role != "operator" or row.username
            if not (getattr(args, "all", False) or user):
                continue  # a 经办人 known from the case files, not a user of the app
            state = "" if row.active else pick("（停用）", " (inactive)")
            login = ""
            if row.username:
                login = f"  {row.username}" + (
                    "" if row.has_password else pick("（无密码）", " (no password)")
                )
            print(
                f"{row.name:12} {row.role:14} {role_label(row.role):6} {row.unit or '—'}{state}{login}"
            )
    return EXIT_OK


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice without being shown."""
    import getpass

    from app.users import UserError

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(pick("新密码：", "New password: "))
    if getpass.getpass(pick("再输入一次：", "Again: ")) != password:
        raise UserError(pick("两次输入的密码不一致", "The two passwords differ"))
    return password
