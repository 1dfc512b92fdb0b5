"""Imports of the files that come in: case exports, 好差评 evaluations, phone-revisit ledgers."""

from app.importing.problems import FileRefused, ImportCancelled, Problem
from app.importing.service import KINDS, import_file, import_table
from app.importing.summary import ImportSummary, RejectedRow

__all__ = [
    "KINDS",
    "FileRefused",
    "ImportCancelled",
    "ImportSummary",
    "Problem",
    "RejectedRow",
    "import_file",
    "import_table",
]
