"""RevisitDesk (回访台): starts the GUI, or runs a command-line command when one is given."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app import i18n
    from app.cli import build_parser, run
    from app.logs import configure_logging, default_log_file

    configure_logging()  # phone and ID numbers masked (app.logs)
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    if args.lang:
        i18n.set_language(args.lang)
    from db.database import open_database
    from ui.application import run as run_gui  # Qt is imported only for the GUI

    configure_logging(default_log_file())  # no terminal to read: keep a file too
    return run_gui(open_database(args.db), language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
