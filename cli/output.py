"""What several commands print when they have written a file."""

from __future__ import annotations

import json
from pathlib import Path

from app.i18n import pick
from cli.exit_codes import EXIT_OK


def write_json(data: dict, output: Path | None) -> int:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        print(text)
        return EXIT_OK
    output.write_text(text + "\n", encoding="utf-8")
    return written(output)


def written(path: Path) -> int:
    print(pick("已写入 {path}", "Written to {path}").format(path=path))
    return EXIT_OK
