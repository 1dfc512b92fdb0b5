"""The case-import benchmark runs on a small export, and both sides store the same."""

from __future__ import annotations

import sqlite3

from bench.importing import REJECT_EVERY, REPEAT_EVERY, differences, measure


def test_the_import_benchmark_measures_both_sides_on_the_same_rows(tmp_path):
    rows = 2000

    figures = measure(tmp_path, rows=rows, runs=1)

    assert [f.name for f in figures] == ["import cases .csv", "import cases .xlsx"]
    for figure in figures:
        assert figure.unit == "rows/s" and figure.higher_is_better and figure.runs == 1
        assert figure.app > 0 and figure.raw > 0 and figure.note
    assert [f.goal for f in figures] == [20_000, None]

    # measure() asserts that the two sides agreed; here what they agreed on is not nothing.
    imported = rows - rows // REJECT_EVERY - rows // REPEAT_EVERY
    for kind in ("csv", "xlsx"):
        app_db, raw_db = tmp_path / f"app-{kind}.sqlite3", tmp_path / f"raw-{kind}.sqlite3"
        assert differences(app_db, raw_db) == []
        for path in (app_db, raw_db):
            with sqlite3.connect(path) as connection:
                cases, phones, valid = connection.execute(
                    "SELECT count(DISTINCT c.id), count(p.id), count(p.e164)"
                    " FROM cases c LEFT JOIN case_phones p ON p.case_id = c.id"
                ).fetchone()
            assert cases == imported
            assert phones > cases and valid < phones  # second numbers, and some bad ones


def test_the_databases_of_two_sides_that_disagree_differ(tmp_path):
    measure(tmp_path, rows=300, runs=1)
    app_db, raw_db = tmp_path / "app-csv.sqlite3", tmp_path / "raw-csv.sqlite3"
    with sqlite3.connect(raw_db) as connection:
        connection.execute(
            "UPDATE case_phones SET e164 = NULL WHERE id = (SELECT min(id) FROM case_phones)"
        )

    found = differences(app_db, raw_db)

    assert any(line.startswith("phones only on the app side") for line in found)
    assert any(line.startswith("phones only on the raw side") for line in found)
