"""`import cases|evaluations|ledger FILE`: a file of the registration system, 好差评 or a ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli.exit_codes import EXIT_NOT_IMPORTED, EXIT_OK, EXIT_REFUSED


def add_commands(commands) -> None:
    imp = commands.add_parser(
        "import", help="import a file: cases, evaluations or ledger / 导入业务件、评价或回访台账"
    )
    imp.add_argument("kind", choices=("cases", "evaluations", "ledger"))
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help='JSON column mapping for other layouts: {"业务编号": "件号", …}',
    )
    imp.add_argument(
        "--strict", action="store_true", help="refuse the whole file if any row is rejected"
    )
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=_import)


def _import(database, args) -> int:
    from app.importing import FileRefused, import_file
    from app.importing.columns import load_mapping_file

    try:
        mapping = load_mapping_file(args.mapping) if args.mapping else None
        with database.sessions.begin() as session:
            summary = import_file(
                session, args.kind, args.file, mapping=mapping, strict=args.strict
            )
    except FileRefused as problem:
        if args.json:
            print(json.dumps({"imported": False, "refusal": problem.message()}, ensure_ascii=False))
        else:
            print(problem.message(), file=sys.stderr)
        return EXIT_REFUSED
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(summary.text())
    return EXIT_OK if summary.imported else EXIT_NOT_IMPORTED
