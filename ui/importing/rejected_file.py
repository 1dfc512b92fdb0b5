"""Writing the rows an import rejected to a file the operator can correct and import again."""

from __future__ import annotations

from pathlib import Path

from app.importing import RejectedRow
from app.spreadsheets import csv_writer, workbook


def write_rejected_rows(path: Path, headings: list[str], rows: list[RejectedRow]) -> None:
    """An .xlsx, else a UTF-8 .csv with BOM (so Excel reads it): line, reason, the row's cells.

    `headings` names the line and reason columns, followed by the file's own header.
    Reasons are written in the current language of app/'s messages.
    """
    table = [[row.line, row.reason(), *row.cells] for row in rows]
    if Path(path).suffix.lower() == ".xlsx":
        with workbook(path) as book:
            sheet = book.add_worksheet()
            sheet.write_row(0, 0, headings, book.add_format({"bold": True}))
            for number, (line, *texts) in enumerate(table, start=1):
                sheet.write_number(number, 0, line)
                # As strings: case and phone numbers stay as they were, and '=…' is no formula.
                for column, text in enumerate(texts, start=1):
                    sheet.write_string(number, column, text)
            sheet.freeze_panes(1, 0)
    else:
        with open(path, "w", encoding="utf-8-sig", newline="") as stream:
            # Formula-like text gets a leading ' (taken off again when the file is imported).
            writer = csv_writer(stream)
            writer.writerow(headings)
            writer.writerows(table)
