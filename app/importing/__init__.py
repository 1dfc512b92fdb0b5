"""Imports of the files that come in: case exports, 好差评 evaluations, phone-revisit ledgers.

The import service (with phonenumbers and the file readers) is loaded when first used, not by
everything that only needs a value parser or a Problem: the window starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.importing.problems import FileRefused, Problem
from app.importing.summary import ImportSummary, RejectedRow

if TYPE_CHECKING:
    from app.importing.service import KINDS, import_file, import_table

_FROM_SERVICE = ("KINDS", "import_file", "import_table")

__all__ = [
    "KINDS",
    "FileRefused",
    "ImportSummary",
    "Problem",
    "RejectedRow",
    "import_file",
    "import_table",
]


def __getattr__(name: str) -> Any:
    if name in _FROM_SERVICE:
        from app.importing import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
