"""RevisitDesk (回访台): starts the GUI, or runs a command-line command when one is given."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from app import i18n
    from app.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    if args.lang:
        i18n.set_language(args.lang)
    from db.database import open_database
    from ui.application import run as run_gui  # Qt is imported only for the GUI

    return run_gui(open_database(args.db), language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
