"""The command line: `python main.py [--db URL] [--lang zh|en] COMMAND …` for administrators' work.

With no command main.py starts the GUI instead; everything here runs without Qt. Each command
group is a module that adds its subcommands (`add_commands`) with the function that runs them
(`func`, called with the open database and the arguments). Building the parser imports nothing
heavy: each command imports the services it uses when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import i18n
from app.errors import Refused
from app.i18n import pick
from cli import (
    audit,
    backup,
    calendar,
    database,
    demo,
    desk,
    importing,
    reports,
    retention,
    settings,
    staff,
    sync,
    units,
)
from cli.exit_codes import EXIT_INTERRUPTED, EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED

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
    settings,
    staff,
    units,
    audit,
    retention,
    database,
    backup,
    calendar,
    sync,
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
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=os.environ.get("REVISITDESK_LANG") or None,
        help="language of messages: zh (default) or en",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.add_commands(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the command parsed into `args` (its `func`), in the database of --db."""
    if args.lang:
        i18n.set_language(args.lang)
    database = None
    try:
        if not getattr(args, "opens_database", True):
            # e.g. backup verify/restore, which leave the database in use alone: it may be the
            # very one that was lost.
            return args.func(None, args)
        from app.opening import open_app_database

        database = open_app_database(args.db)
        return args.func(database, args)
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
