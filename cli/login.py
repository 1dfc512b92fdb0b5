"""Who runs a command: the command line's log-in.

Each command says what it needs (`access` in its parser's defaults, LOG_IN when it says
nothing): OPEN commands read nothing personal and change nothing, and run without a log-in;
the others run as a logged-in user, whose staff id the runner passes to the command
(`args.actor_id`) and the command to every service, which checks the role itself (app/).
Log-in is asked, as in the window, once anybody in the database has a password.

The user is named by --user or $REVISITDESK_USER and types the password on the terminal
(getpass: never on the command line, never from a pipe). A scheduled job has no terminal: it
gives a token an administrator made (`token create`) in $REVISITDESK_TOKEN. PASSWORD commands
(making tokens, another person's password) never take a token.
"""

from __future__ import annotations

import argparse
import os
import sys
from enum import StrEnum

from app.i18n import pick

ENV_USER = "REVISITDESK_USER"
ENV_TOKEN = "REVISITDESK_TOKEN"


class Access(StrEnum):
    OPEN = "open"  # no log-in: nothing personal read, nothing changed
    LOG_IN = "log-in"  # a logged-in user, by password or token; the services check the role
    PASSWORD = "password"  # a logged-in user, by password only (never a token)


def access_of(args: argparse.Namespace) -> Access:
    """What the parsed command needs: its `access` default, or what a function of the arguments
    says (e.g. `settings` lists for anybody logged in and changes for administrators)."""
    access = getattr(args, "access", Access.LOG_IN)
    return Access(access(args) if callable(access) else access)


def command_words(args: argparse.Namespace) -> str:
    """The command as its words ("backup create", "db info"), without its other arguments."""
    words = list(getattr(args, "words", ()) or ())
    action = getattr(args, "action", None)
    if isinstance(action, str) and action not in words:
        words.append(action)  # a positional choice: db info, retention purge
    return " ".join(words)


def given_user(args: argparse.Namespace) -> str | None:
    """The user name given with --user, else in $REVISITDESK_USER."""
    return (getattr(args, "user", None) or os.environ.get(ENV_USER) or "").strip() or None


def unlock_for(args: argparse.Namespace):
    """What opens an encrypted database for the command (app.opening.Unlock): the token of a
    scheduled job, or the user's name and the password typed on the terminal, which then also
    logs them in (`log_in`, not asked twice). Every command needs it, OPEN ones too: nothing of
    an encrypted file can be read without it."""
    from app.opening import Unlock

    command = command_words(args)
    token = (os.environ.get(ENV_TOKEN) or "").strip()
    if token and not getattr(args, "user", None):
        _refuse_token_where_password(args, command)
        return Unlock(token=token)
    username = _required_user(args, command)
    password = ask_secret(pick(f"{username} 的密码：", f"Password for {username}: "), command)
    args.login_password = password  # for a command that needs it again (db encrypt)
    return Unlock(username=username, password=password)


def log_in(database, args: argparse.Namespace, unlock=None):
    """The user the command runs as (app.users.LoggedIn), or None when it needs nobody (OPEN,
    or a database where nobody has a password yet). Raises LoginRequired (no user given, no
    terminal, a token where a password is needed) or LoginFailed (wrong password, locked,
    expired; already audited). `unlock`: what opened an encrypted database (`unlock_for`),
    whose password or token logs in here too."""
    from app.users import accounts_exist

    access = access_of(args)
    if access is Access.OPEN:
        return None
    with database.sessions() as session:
        if not accounts_exist(session):
            return None
    command = command_words(args)
    if unlock is not None:
        if unlock.token is not None:
            return _with_token(database, unlock.token, command)
        return _with_password(database, unlock.username, unlock.password)
    token = (os.environ.get(ENV_TOKEN) or "").strip()
    if token and not getattr(args, "user", None):  # --user on the command line asks a password
        _refuse_token_where_password(args, command)
        return _with_token(database, token, command)
    username = _required_user(args, command)
    password = ask_secret(pick(f"{username} 的密码：", f"Password for {username}: "), command)
    args.login_password = password
    return _with_password(database, username, password)


def _refuse_token_where_password(args: argparse.Namespace, command: str) -> None:
    from app.roles import LoginRequired

    if access_of(args) is Access.PASSWORD:
        raise LoginRequired(
            pick(
                f"“{command}”不能用令牌运行：请在终端用 --user 用户名 登录（输入密码）。",
                f"{command!r} does not run with a token: log in on a terminal with "
                "--user NAME (and your password).",
            ),
            reason="password_required",
        )


def _required_user(args: argparse.Namespace, command: str) -> str:
    from app.roles import LoginRequired

    username = given_user(args)
    if username is None:
        raise LoginRequired(
            pick(
                f"“{command}”需要登录：用 --user 用户名（或环境变量 {ENV_USER}）给出用户名，"
                f"密码在终端输入；计划任务请用管理员创建的令牌（环境变量 {ENV_TOKEN}）。",
                f"{command!r} needs a log-in: give your user name with --user NAME (or "
                f"{ENV_USER}) and type your password on the terminal; a scheduled job uses a "
                f"token made by an administrator ({ENV_TOKEN}).",
            )
        )
    return username


def confirm_password(args: argparse.Namespace) -> str:
    """The logged-in user's password again, for a step that needs it (encrypting the database
    wraps its key with it): the one typed to log in, else asked."""
    typed = getattr(args, "login_password", None)
    if typed:
        return typed
    return ask_secret(pick("您的密码：", "Your password: "), command_words(args))


def ask_new_password(args: argparse.Namespace, username: str) -> str:
    """A new password for `username`, typed twice on the terminal."""
    from app.users import UserError

    command = command_words(args)
    first = ask_secret(pick(f"{username} 的新密码：", f"New password for {username}: "), command)
    again = ask_secret(pick("再次输入新密码：", "The new password again: "), command)
    if first != again:
        raise UserError(pick("两次输入的新密码不一致", "The two new passwords differ"))
    return first


def ask_secret(prompt: str, command: str) -> str:
    """A password typed on the terminal, not shown; refused when there is no terminal, so
    that no password is ever read from a pipe or a file."""
    import getpass

    from app.roles import LoginRequired

    if not stdin_is_terminal():
        raise LoginRequired(
            pick(
                f"“{command}”需要在终端输入密码，但标准输入不是终端：请在终端中运行；"
                f"计划任务请用管理员创建的令牌（环境变量 {ENV_TOKEN}，见 token create）。",
                f"{command!r} asks for a password on a terminal, and standard input is not "
                f"one: run it in a terminal; a scheduled job uses a token made by an "
                f"administrator ({ENV_TOKEN}, see token create).",
            ),
            reason="no_terminal",
        )
    try:
        return getpass.getpass(prompt)
    except EOFError:  # Ctrl+D, or the terminal closed: nothing typed
        print(file=sys.stderr)
        raise LoginRequired(
            pick(
                f"没有输入密码，“{command}”未运行。",
                f"No password was typed; {command!r} did not run.",
            ),
            reason="no_password",
        ) from None


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _with_password(database, username: str, password: str):
    from app.access import LoginFailed
    from app.users import LoggedIn, PasswordExpired, authenticate

    with database.sessions.begin() as session:  # committed whatever the result: the count
        result = authenticate(session, username, password)
    if isinstance(result, PasswordExpired):
        raise LoginFailed(
            result.message
            + pick(
                f"请用 main.py staff password {result.username} 修改（先输入当前密码）。",
                f" Change it with main.py staff password {result.username} (the present "
                "password first).",
            )
        )
    if not isinstance(result, LoggedIn):
        raise LoginFailed(result.message)
    return result


def _with_token(database, token: str, command: str):
    from app.access import LoginFailed
    from app.tokens import log_in_with_token
    from app.users import LoggedIn

    with database.sessions.begin() as session:  # committed whatever the result: the audit
        result = log_in_with_token(session, token, command)
    if not isinstance(result, LoggedIn):
        raise LoginFailed(result.message)
    return result
