"""RevisitDesk (回访台): starts the GUI, or runs a command-line command when one is given."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False) and sys.argv[1:] == ["--read-workbook-child"]:
        # The frozen app's workbook reader (app.importing.reader._child_command): nothing else.
        from app.importing.sheet_child import main as read_workbook

        read_workbook()
        return 0
    from app import i18n
    from app.logs import configure_logging, default_log_file

    configure_logging()  # phone and ID numbers masked (app.logs)
    args = _gui_options(sys.argv[1:] if argv is None else argv)
    if args is None:
        from cli import build_parser, run

        args = build_parser().parse_args(argv)
        if args.command is not None:
            return run(args)
    if args.lang:
        i18n.set_language(args.lang)
    from db.engine import resolve_database_url
    from ui.application import run as run_gui  # Qt is imported only for the GUI

    configure_logging(default_log_file())  # no terminal to read: keep a file too
    # The window opens the database: a log-in for an encrypted file, a question before a new one.
    return run_gui(resolve_database_url(args.db), language=args.lang)


def _gui_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """--db and --lang when they are all the arguments (the GUI starts), else None.

    cli's parser, with every command, takes longer to build than the window to open; it is
    built only for a command, for --help, or to report what is wrong with the arguments.
    """
    from app.i18n import LANGUAGES

    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--db")
    parser.add_argument("--lang", default=os.environ.get("REVISITDESK_LANG") or None)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. --db without a value
        return None
    if rest or (args.lang is not None and args.lang not in LANGUAGES):
        return None
    return args


if __name__ == "__main__":
    sys.exit(main())
