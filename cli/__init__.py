"""The command line: `python main.py [--db URL] [--lang zh|en] [--user NAME] COMMAND …`.

With no command main.py starts the GUI instead; everything here runs without Qt. Each command
group is a module that adds its subcommands (`add_commands`) with the function that runs them
(`func`, called with the open database and the arguments) and what it needs to run (`access`,
cli.login: most commands run as a logged-in user, whose staff id is `args.actor_id`). Building
the parser imports nothing heavy: each command imports the services it uses when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import i18n
from app.errors import Refused
from app.i18n import pick
from app.roles import NotPermitted
from cli import (
    audit,
    backup,
    calendar,
    database,
    demo,
    desk,
    do_not_call,
    importing,
    keys,
    recordings,
    reports,
    retention,
    settings,
    staff,
    sync,
    tokens,
    units,
)
from cli.exit_codes import EXIT_INTERRUPTED, EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED
from cli.login import command_words, given_user, log_in, unlock_for

__all__ = [
    "EXIT_BUG",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_IMPORTED",
    "EXIT_OK",
    "EXIT_REFUSED",
    "build_parser",
    "main",
    "run",
]

EXIT_BUG = 70  # an unexpected error, a bug (sysexits' EX_SOFTWARE)

# In the order `--help` lists them.
COMMAND_GROUPS = (
    importing,
    demo,
    reports,
    desk,
    do_not_call,
    recordings,
    settings,
    staff,
    units,
    audit,
    retention,
    database,
    backup,
    calendar,
    sync,
    keys,
    tokens,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revisitdesk",
        description="回访台 RevisitDesk. 不带命令时启动图形界面 / Starts the GUI when no command is given.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. sqlite:///path/file.sqlite3 or "
        "postgresql+psycopg://user:password@host/dbname (default: $REVISITDESK_DB, "
        "else a SQLite file in the user's data directory)",
    )
    language = os.environ.get("REVISITDESK_LANG") or None
    if language in i18n.LANGUAGES:
        i18n.set_language(language)  # for the messages about the arguments, too
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help="show the version")
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=language,
        action=_Language,
        help="language of messages: zh (default) or en",
    )
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="log in as NAME (default: $REVISITDESK_USER); the password is asked on the terminal. "
        "A scheduled job gives a token in $REVISITDESK_TOKEN instead (token create)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    parser.set_defaults(command_names=frozenset(_name_commands(parser, ())))
    return parser


class _ShowVersion(argparse.Action):
    """--version: the version, and the day a packaged build was made (app.version)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from app.version import app_version

        version = app_version()
        built = pick(f"（{version.built_on} 构建）", f" (built {version.built_on})")
        print(f"RevisitDesk {version.number}{built if version.built_on else ''}")
        parser.exit()


class _Language(argparse.Action):
    """--lang takes effect as it is read: the arguments after it are checked in its language."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        i18n.set_language(values)
        setattr(namespace, self.dest, values)


def _name_commands(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> set[str]:
    """Give each command's parser its words (`args.words`, e.g. ("backup", "create")): what a
    log-in, a token and the audit trail call the command. Returns every command's words, the
    groups' too ("backup"), and those a positional choice ends ("db info")."""
    names: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                sub.set_defaults(words=(*words, name))
                names.add(" ".join((*words, name)))
                names |= _name_commands(sub, (*words, name))
        elif words and action.dest == "action" and action.choices:
            names.update(" ".join((*words, choice)) for choice in action.choices)
    return names


def run(args: argparse.Namespace) -> int:
    """Run the command parsed into `args` (its `func`), in the database of --db, as the user
    who logs in for it (cli.login)."""
    if args.lang not in (None, *i18n.LANGUAGES):  # from $REVISITDESK_LANG
        print(f"REVISITDESK_LANG={args.lang}: 应为 zh 或 en / should be zh or en", file=sys.stderr)
        return EXIT_REFUSED
    if args.lang:
        i18n.set_language(args.lang)
    database = None
    args.actor_id = None
    try:
        if not getattr(args, "opens_database", True):
            # e.g. backup verify/restore, which leave the database in use alone: it may be the
            # very one that was lost.
            return args.func(None, args)
        from app.opening import encrypted_file, open_app_database

        # An encrypted file opens only through the log-in (its password or token unlocks it).
        unlock = unlock_for(args) if encrypted_file(args.db) is not None else None
        database = open_app_database(
            args.db, unlock, create=getattr(args, "creates_database", False)
        )
        actor = log_in(database, args, unlock)
        args.actor_id = actor.staff_id if actor is not None else None
        return args.func(database, args)
    except NotPermitted as refused:  # a role, a log-in or a typed identity: audited
        print(refused, file=sys.stderr)
        _audit_refusal(database, args, refused)
        return EXIT_REFUSED
    except Refused as refused:  # what the domain refuses, said as it says it
        print(refused, file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(
            pick("已中断，本次操作未保存任何数据。", "Interrupted; nothing was saved."),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except Exception:
        return _unexpected(args)
    finally:
        if database is not None:
            database.close()


def _audit_refusal(database, args: argparse.Namespace, refused: NotPermitted) -> None:
    """The refused command in the audit trail (app.access), with who asked; its own
    transaction, the command's was rolled back. Never in the way of saying no."""
    if database is None:
        return
    import logging

    from app.access import record_refusal

    try:
        with database.sessions.begin() as session:
            record_refusal(
                session,
                actor_id=args.actor_id,
                door="command line",
                request=command_words(args),
                refused=refused,
                username=given_user(args) if args.actor_id is None else None,
            )
    except Exception:
        logging.getLogger("cli").exception("The refusal could not be audited")


def _unexpected(args: argparse.Namespace) -> int:
    """A bug: its traceback logged without phone or ID numbers (app.logs, app.masking), and a
    polite word; the transaction it was in has rolled back."""
    import logging

    from app.logs import log_unexpected_error

    command = " ".join(str(part) for part in (args.command, getattr(args, "action", None)) if part)
    log_unexpected_error(logging.getLogger("cli"), f"Unexpected error in command {command!r}")
    print(
        pick(
            "发生了意外错误（程序缺陷），命令未能完成。错误详情见上方（电话号码和身份证号已隐去），"
            "请提供给维护人员。",
            "An unexpected error (a bug) stopped the command. The details are above (phone and "
            "ID numbers hidden); please pass them on to support.",
        ),
        file=sys.stderr,
    )
    return EXIT_BUG


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (the GUI is main.py's business)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_usage(sys.stderr)
        return EXIT_REFUSED
    return run(args)
