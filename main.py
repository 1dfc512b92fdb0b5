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
    if getattr(sys, "frozen", False):
        _input_method_for_the_bundled_qt(os.environ)
    from ui.application import run as run_gui  # Qt is imported only for the GUI

    configure_logging(default_log_file())  # no terminal to read: keep a file too
    # The window opens the database (--db, else REVISITDESK_DB, else the default file): a log-in
    # for an encrypted file, a question before a new one; SQLAlchemy is loaded behind its frame.
    return run_gui(args.db, language=args.lang)


def _input_method_for_the_bundled_qt(environment) -> None:
    """Chinese input in the packaged app on a desktop set to fcitx (UOS, Kylin).

    The package's Qt carries the ibus and compose input methods but not fcitx's plugin, which is
    built against the system's own Qt and cannot load into another. fcitx 5 also answers ibus's
    protocol through the portal it offers sandboxed apps: ask Qt's ibus plugin to use that.
    Not tried on UOS or Kylin yet (README, "What to check on UOS and Kylin").
    """
    if environment.get("QT_IM_MODULE", "").startswith("fcitx"):
        environment["QT_IM_MODULE"] = "ibus"
        environment.setdefault("IBUS_USE_PORTAL", "1")


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
