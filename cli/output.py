"""What several commands print when they have written a file, or could not."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from app.i18n import pick
from cli.exit_codes import EXIT_OK, EXIT_REFUSED


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


def file_errors_reported(command: Callable[..., int]) -> Callable[..., int]:
    """A file that could not be written (the disk full, the folder gone or read-only since the
    arguments were checked) as a message and exit status 2, not a traceback."""

    @functools.wraps(command)
    def run(database, args) -> int:
        try:
            return command(database, args)
        except Exception as error:
            problem = _file_problem(error)
            if problem is None:
                raise
            from app.file_errors import file_error_text

            print(
                pick("无法写入文件：", "Cannot write the file: ") + file_error_text(problem),
                file=sys.stderr,
            )
            return EXIT_REFUSED

    return run


def _file_problem(error: Exception) -> OSError | None:
    """The OSError behind `error`: itself, or the one xlsxwriter wraps (FileCreateError); None
    for anything else, a refusal of the role too (a PermissionError)."""
    from app.errors import Refused

    if isinstance(error, Refused):
        return None
    if isinstance(error, OSError):
        return error
    if type(error).__module__.startswith("xlsxwriter") and error.args:
        cause = error.args[0]
        return cause if isinstance(cause, OSError) else None
    return None
