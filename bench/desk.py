"""The call desk at city scale: "next case" and "save" through the app against raw sqlite3.

    .venv/bin/python -m bench.desk /tmp/city.sqlite3 [--runs 200] [--profile]

The city file (written by bench.city when the path does not exist) is copied to a temporary file
first, since the benchmark writes. On the copy the queue is refreshed for 2026-12-15 (seed 1),
then, interleaved run by run:

- next case: the app's `next_case` (its own BEGIN IMMEDIATE transaction) against a sqlite3
  connection doing the same work by hand: BEGIN IMMEDIATE; the missed-appointment probe; the
  conditional UPDATE that claims the next ready entry by the app's order, picked by its subquery
  (a due appointment first, then priority, ready_at, id); the case with its unit, phones,
  attempts (operator name and outcome label) and evaluations for the screen; COMMIT.
- save: the app's `save_form_a` in `db.sessions.begin()` for an entry the same side claimed,
  against BEGIN IMMEDIATE; the conditional UPDATE that checks the claim and ends the entry;
  INSERT evaluation; INSERT audit_entries (the operator's name looked up by the INSERT); INSERT
  call_attempts; COMMIT.

The app also reads its two desk settings (claim minutes, appointment grace) in each "next case",
one small query, where the raw side takes them as constants.

Both sides run on connections with the app's pragmas (WAL, synchronous=NORMAL, foreign keys,
busy timeout), and afterwards the benchmark checks that they claimed the entries in the same
order and wrote the same rows. Prints medians, p95 and the ratio app / raw for each.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from app.desk.calls import FormAAnswers, save_form_a
from app.desk.outcomes import ensure_outcomes
from app.desk.queue import QueueItem, next_case, refresh_queue
from app.ratings import Channel, Rating
from app.settings import get_setting, set_setting
from app.zone import LOCAL_ZONE
from bench.city import generate
from bench.figures import Figure
from db.database import Database, open_database
from db.engine import SQLITE_BUSY_TIMEOUT_MS

TODAY = date(2026, 12, 15)  # after the generated year's Q4 cases have left their online window
SEED = 1
NOW = datetime(2026, 12, 15, 10, 0, tzinfo=LOCAL_ZONE)  # when every case is taken
SAVED_AT = NOW + timedelta(minutes=5)  # when every Form A is saved
APP_OPERATOR, RAW_OPERATOR = 1, 2  # staff ids bench.city writes
DURATION = 95
GOAL_MS = 2.0  # issue 8: each of "next case" and "save Form A" within 2 ms
MEASURES = (("next", "next case"), ("save", "save Form A"))  # result keys, figure names
T = TypeVar("T")
ANSWERS = FormAAnswers(
    overall=Rating.SATISFIED,
    efficiency=Rating.SATISFIED,
    attitude=Rating.VERY_SATISFIED,
    materials=Rating.SATISFIED,
    integrity_breach=False,
)

# The app's statements (app.desk.queue, app.desk.appointments, app.desk.claims) by hand.
MISSED_SQL = """
SELECT id FROM call_queue
WHERE status = 'open' AND appointment_at < :due
  AND (claimed_by_id IS NULL OR claim_expires_at <= :now)
"""
_FREE = """
SELECT id FROM call_queue
WHERE status = 'open' AND ready_at <= :now
  AND (claimed_by_id IS NULL OR claim_expires_at <= :now)
  AND (reserved_for_id IS NULL OR reserved_for_id = :operator)
  AND (kind != 'first'
    OR (SELECT 1 FROM evaluations e WHERE e.case_id = call_queue.case_id LIMIT 1) IS NULL)
"""
PICK_SQL = (
    _FREE + " AND appointment_at <= :now ORDER BY appointment_at, id LIMIT 1",
    _FREE + " AND appointment_at IS NULL ORDER BY priority, ready_at, id LIMIT 1",
)
# The claim of the entry each pick finds: a due appointment first, then the queue's first.
CLAIM_SQL = tuple(
    f"""
UPDATE call_queue SET claimed_by_id = :operator, claim_expires_at = :expires, updated_at = :stamp
WHERE id = ({pick}) AND status = 'open' AND (claimed_by_id IS NULL OR claim_expires_at <= :now)
RETURNING id
"""
    for pick in PICK_SQL
)
ENTRY_SQL = """
SELECT q.kind, q.case_id, q.phone_index, q.appointment_at, q.claim_expires_at, q.callback_task_id,
  c.case_no, c.business_type, u.name, c.completed_on, c.applicant, c.location
FROM call_queue q JOIN cases c ON c.id = q.case_id JOIN units u ON u.id = c.unit_id
WHERE q.id = ?
"""
PHONES_SQL = "SELECT e164, original, extension FROM case_phones WHERE case_id = ? ORDER BY position"
ATTEMPTS_SQL = """
SELECT a.attempted_at, a.outcome, coalesce(o.label, a.outcome), s.name, a.note,
  coalesce(a.phone_e164, a.phone_original)
FROM call_attempts a LEFT JOIN staff s ON s.id = a.operator_id
  LEFT JOIN call_outcomes o ON o.code = a.outcome
WHERE a.case_id = ? ORDER BY a.attempted_at, a.id
"""
EVALUATIONS_SQL = """
SELECT evaluated_at, channel, round, overall, efficiency, attitude, materials, integrity_breach,
  suggestion
FROM evaluations WHERE case_id = ? ORDER BY evaluated_at
"""
# The check that the operator holds the entry, ending it in the same UPDATE (as the app does
# for answers without 不满意, whose Form A rules it checks first).
HOLD_SQL = """
UPDATE call_queue SET status = 'done', result = 'completed', reasons = NULL, finished_at = :at,
  claimed_by_id = NULL, claim_expires_at = NULL, updated_at = :stamp
WHERE id = :id AND status = 'open' AND claimed_by_id = :operator
RETURNING case_id, kind, callback_task_id
"""
EVALUATION_SQL = """
INSERT INTO evaluations (case_id, channel, round, evaluated_at, overall, efficiency, attitude,
  materials, integrity_breach, suggestion, operator_id, uid, created_at, updated_at)
VALUES (:case_id, :channel, :round, :at, :overall, :efficiency, :attitude, :materials, 0, NULL,
  :operator, :uid, :stamp, :stamp)
"""
AUDIT_SQL = """
INSERT INTO audit_entries (at, actor, action, entity, entity_uid, "before", "after")
VALUES (:at,
  coalesce(nullif((SELECT name FROM staff WHERE id = :operator), ''), '?')
    || ' (#' || :operator || ')',
  'evaluation.add', 'evaluation', :uid, 'null', :after)
"""
ATTEMPT_SQL = """
INSERT INTO call_attempts (case_id, attempted_at, outcome, phone_original, phone_e164,
  operator_id, duration_seconds, evaluation_id, callback_task_id, uid, created_at, updated_at)
VALUES (:case_id, :at, 'completed',
  (SELECT original FROM case_phones WHERE case_id = :case_id AND e164 = :phone
   ORDER BY position LIMIT 1),
  :phone, :operator, :duration, :evaluation_id, :task_id, :uid, :stamp, :stamp)
"""


@dataclass
class RawItem:
    """What the raw side shows for a claimed entry: the rows, as sqlite3 gives them."""

    entry_id: int
    case_id: int
    case_no: str
    phones: list[tuple]
    attempts: list[tuple]
    evaluations: list[tuple]

    @property
    def phone_e164(self) -> str | None:
        return next((p[0] for p in self.phones if p[0] is not None), None)


def _stamp(moment: datetime) -> str:
    """A time as the app stores it on SQLite: naive UTC text with microseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def raw_connection(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection with the pragmas db.engine gives the app's connections."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    return connection


def raw_next_case(
    raw: sqlite3.Connection, operator_id: int, now: datetime, claim_minutes: int, grace: int
) -> RawItem | None:
    params = {
        "now": _stamp(now),
        "due": _stamp(now - timedelta(minutes=grace)),
        "operator": operator_id,
        "expires": _stamp(now + timedelta(minutes=claim_minutes)),
        "stamp": _stamp(datetime.now(UTC)),
    }
    raw.execute("BEGIN IMMEDIATE")
    try:
        # Nothing is marked in this benchmark (no appointments), but the probe is part of the work.
        assert not raw.execute(MISSED_SQL, params).fetchall()
        entry_id = None
        for sql in CLAIM_SQL:
            claimed = raw.execute(sql, params).fetchall()
            if claimed:
                entry_id = claimed[0][0]
                break
        if entry_id is None:
            raw.execute("COMMIT")
            return None
        entry = raw.execute(ENTRY_SQL, (entry_id,)).fetchone()
        case_id = entry[1]
        item = RawItem(
            entry_id=entry_id,
            case_id=case_id,
            case_no=entry[6],
            phones=raw.execute(PHONES_SQL, (case_id,)).fetchall(),
            attempts=raw.execute(ATTEMPTS_SQL, (case_id,)).fetchall(),
            evaluations=raw.execute(EVALUATIONS_SQL, (case_id,)).fetchall(),
        )
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    return item


def raw_save_form_a(
    raw: sqlite3.Connection,
    entry_id: int,
    operator_id: int,
    answers: FormAAnswers,
    *,
    duration_seconds: int,
    phone_e164: str | None,
    now: datetime,
) -> int:
    """The evaluation and completed attempt of a held entry, which ends done; the evaluation id."""
    stamp = _stamp(datetime.now(UTC))
    at = _stamp(now)
    raw.execute("BEGIN IMMEDIATE")
    try:
        held = raw.execute(
            HOLD_SQL, {"operator": operator_id, "at": at, "stamp": stamp, "id": entry_id}
        ).fetchall()
        if not held:
            raise LookupError(f"entry {entry_id} is not held by {operator_id}")
        case_id, kind, task_id = held[0]
        ratings = {
            name: Rating(getattr(answers, name)).value
            for name in ("overall", "efficiency", "attitude", "materials")
        }
        evaluation = {"channel": Channel.PHONE.value, "round": 2 if kind == "callback" else 1}
        uid = uuid.uuid4().hex
        evaluation_id = raw.execute(
            EVALUATION_SQL,
            {
                **evaluation,
                **ratings,
                "case_id": case_id,
                "at": at,
                "operator": operator_id,
                "uid": uid,
                "stamp": stamp,
            },
        ).lastrowid
        # The audit entry keeps the answers as JSON, as app.desk.calls.save_form_a writes it.
        after = {"case_id": case_id, **evaluation, "evaluated_at": now.isoformat(), **ratings}
        after["integrity_breach"] = answers.integrity_breach
        raw.execute(
            AUDIT_SQL, {"at": at, "operator": operator_id, "uid": uid, "after": json.dumps(after)}
        )
        raw.execute(
            ATTEMPT_SQL,
            {
                "case_id": case_id,
                "at": at,
                "phone": phone_e164,
                "operator": operator_id,
                "duration": duration_seconds,
                "evaluation_id": evaluation_id,
                "task_id": task_id,
                "uid": uuid.uuid4().hex,
                "stamp": stamp,
            },
        )
        raw.execute("COMMIT")
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    return evaluation_id


def app_save(database: Database, item: QueueItem, operator_id: int) -> int:
    phone = item.phones[item.next_phone_index].e164 if item.phones else None
    with database.sessions.begin() as session:
        result = save_form_a(
            session,
            item.entry_id,
            operator_id,
            ANSWERS,
            duration_seconds=DURATION,
            phone_e164=phone,
            now=SAVED_AT,
        )
    return result.evaluation_id


def _fill_queue(database: Database, needed: int) -> int:
    """Refresh the queue for TODAY; when the coverage plan draws too few, call every due case."""
    with database.sessions.begin() as session:
        ensure_outcomes(session)  # as the app's first next_case would; the raw side joins them
        refresh_queue(session, today=TODAY, seed=SEED)
    if _open_entries(database) < needed:
        with database.sessions.begin() as session:
            set_setting(session, "desk.sample_all", True)
            session.flush()
            refresh_queue(session, today=TODAY, seed=SEED)
    queued = _open_entries(database)
    assert queued >= needed, f"only {queued} entries queued, {needed} needed"
    return queued


def _open_entries(database: Database) -> int:
    with database.engine.connect() as connection:
        return connection.exec_driver_sql(
            "SELECT count(*) FROM call_queue WHERE status = 'open'"
        ).scalar_one()


def _expected_order(raw: sqlite3.Connection, count: int) -> list[int]:
    """The first `count` free entries in the app's order (no appointments in this benchmark)."""
    params = {"now": _stamp(NOW), "operator": APP_OPERATOR}
    sql = _FREE + f" AND appointment_at IS NULL ORDER BY priority, ready_at, id LIMIT {count}"
    return [row[0] for row in raw.execute(sql, params)]


def _shown(raw: sqlite3.Connection, case_id: int) -> tuple[str, int, int, int]:
    """What the screen must show of a case, counted by hand: case number, phones, attempts,
    evaluations."""
    return raw.execute(
        "SELECT case_no, (SELECT count(*) FROM case_phones WHERE case_id = c.id),"
        " (SELECT count(*) FROM call_attempts WHERE case_id = c.id),"
        " (SELECT count(*) FROM evaluations WHERE case_id = c.id) FROM cases c WHERE id = ?",
        (case_id,),
    ).fetchone()


def _check_claims(
    raw: sqlite3.Connection,
    claims: list[tuple[str, int]],
    expected: list[int],
    app_items,
    raw_items,
) -> None:
    """Both sides took the entries in the app's order, each held by its operator, and fetched
    everything the screen shows."""
    assert [entry_id for _, entry_id in claims] == expected, "not taken in the app's order"
    for operator, items in ((APP_OPERATOR, app_items), (RAW_OPERATOR, raw_items)):
        held = raw.execute(
            "SELECT id FROM call_queue WHERE status = 'open' AND claimed_by_id = ?"
            " AND claim_expires_at > ? ORDER BY id",
            (operator, _stamp(NOW)),
        ).fetchall()
        assert [row[0] for row in held] == sorted(i.entry_id for i in items), (
            f"entries held by operator {operator}"
        )
    for i in app_items:
        shown = (i.case_no, len(i.phones), len(i.attempts), len(i.evaluations))
        assert shown == _shown(raw, i.case_id), f"app showed {shown} for case {i.case_id}"
    for i in raw_items:
        shown = (i.case_no, len(i.phones), len(i.attempts), len(i.evaluations))
        assert shown == _shown(raw, i.case_id), f"raw showed {shown} for case {i.case_id}"


# The columns of the rows a save writes, compared between the two sides (ids and times aside).
_EVALUATION_COLUMNS = (
    "e.channel, e.source_channel, e.round, e.evaluated_at, e.overall, e.efficiency, e.attitude,"
    " e.materials, e.integrity_breach, e.suggestion, e.original, e.fingerprint, e.import_batch_id,"
    " e.origin, e.uid IS NOT NULL, e.created_at IS NOT NULL, c.first_evaluation_id = e.id"
)
_ATTEMPT_COLUMNS = (
    "a.attempted_at, a.outcome, a.outcome_original, a.phone_original IS NOT NULL,"
    " a.phone_e164 IS NOT NULL, a.duration_seconds, a.note, a.callback_task_id, a.fingerprint,"
    " a.origin, a.uid IS NOT NULL"
)
_ENTRY_COLUMNS = "q.status, q.result, q.reasons, q.finished_at, q.claimed_by_id, q.claim_expires_at"
# The evaluation's audit entry: its own case and operator, the rest the same on both sides.
_AUDIT_COLUMNS = (
    "u.at, u.action, u.entity, u.before, json_remove(u.after, '$.case_id'),"
    " json_extract(u.after, '$.case_id') = q.case_id,"
    " u.actor = (SELECT name FROM staff WHERE id = e.operator_id) || ' (#' || e.operator_id || ')'"
)


def _check_saves(raw: sqlite3.Connection, saved: dict[int, list[tuple[int, int]]]) -> None:
    """Each side's entries are done with one evaluation and one completed attempt by its operator,
    and both sides wrote the same values."""
    written = {}
    for operator, pairs in saved.items():
        rows = set()
        for entry_id, evaluation_id in pairs:
            found = raw.execute(
                f"SELECT {_EVALUATION_COLUMNS}, {_ATTEMPT_COLUMNS}, {_ENTRY_COLUMNS},"
                f" {_AUDIT_COLUMNS},"
                " (SELECT count(*) FROM evaluations WHERE case_id = q.case_id),"
                " (SELECT count(*) FROM call_attempts WHERE evaluation_id = e.id)"
                " FROM call_queue q JOIN cases c ON c.id = q.case_id"
                " JOIN evaluations e ON e.case_id = q.case_id AND e.operator_id = ?"
                " JOIN call_attempts a ON a.evaluation_id = e.id"
                " JOIN audit_entries u ON u.entity = 'evaluation' AND u.entity_uid = e.uid"
                " WHERE q.id = ? AND e.id = ?",
                (operator, entry_id, evaluation_id),
            ).fetchall()
            assert len(found) == 1, f"entry {entry_id}: {found}"
            rows.add(found[0])
        assert len(rows) == 1, f"operator {operator} wrote different rows: {rows}"
        written[operator] = rows.pop()
    app_row, raw_row = written[APP_OPERATOR], written[RAW_OPERATOR]
    assert app_row == raw_row, f"app wrote {app_row}, raw wrote {raw_row}"
    assert app_row[-2:] == (1, 1) and "completed" in app_row, app_row
    assert app_row[-4:-2] == (1, 1), "audit entry of another case or actor"


def _summary(times: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in ms."""
    if len(times) == 1:
        return times[0] * 1000, times[0] * 1000
    p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
    return statistics.median(times) * 1000, p95 * 1000


def _timed(call: Callable[..., T], *args, **kwargs) -> tuple[T, float]:
    began = time.perf_counter()
    result = call(*args, **kwargs)
    return result, time.perf_counter() - began


def _profile_text(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def measure_copy(path: Path, runs: int, *, warmup: int = 5, profile: int = 0) -> dict:
    """The benchmark on the city file at `path` itself (it writes to it); see `measure`."""
    database = open_database(f"sqlite:///{path}")
    total = warmup + runs
    queued = _fill_queue(database, 2 * total + profile)
    raw = raw_connection(path)
    with database.sessions() as session:
        claim_minutes = get_setting(session, "desk.claim_minutes")
        grace = get_setting(session, "desk.appointment_grace_minutes")
    cases = raw.execute("SELECT max(id) FROM cases").fetchone()[0]

    # Next case: the two sides take turns on the same queue.
    expected = _expected_order(raw, 2 * total)
    app_items, raw_items, claims = [], [], []
    next_times: dict[str, list[float]] = {"app": [], "raw": []}
    for run in range(total):
        item, app_s = _timed(next_case, database.sessions, APP_OPERATOR, now=NOW)
        assert item is not None, "the queue ran dry"
        app_items.append(item)
        claims.append(("app", item.entry_id))
        raw_item, raw_s = _timed(raw_next_case, raw, RAW_OPERATOR, NOW, claim_minutes, grace)
        assert raw_item is not None, "the queue ran dry"
        raw_items.append(raw_item)
        claims.append(("raw", raw_item.entry_id))
        if run >= warmup:
            next_times["app"].append(app_s)
            next_times["raw"].append(raw_s)
    _check_claims(raw, claims, expected, app_items, raw_items)

    # Save: each side saves Form A for the entries it took, again taking turns.
    saved: dict[int, list[tuple[int, int]]] = {APP_OPERATOR: [], RAW_OPERATOR: []}
    save_times: dict[str, list[float]] = {"app": [], "raw": []}
    for run, (item, raw_item) in enumerate(zip(app_items, raw_items, strict=True)):
        evaluation_id, app_s = _timed(app_save, database, item, APP_OPERATOR)
        saved[APP_OPERATOR].append((item.entry_id, evaluation_id))
        evaluation_id, raw_s = _timed(
            raw_save_form_a,
            raw,
            raw_item.entry_id,
            RAW_OPERATOR,
            ANSWERS,
            duration_seconds=DURATION,
            phone_e164=raw_item.phone_e164,
            now=SAVED_AT,
        )
        saved[RAW_OPERATOR].append((raw_item.entry_id, evaluation_id))
        if run >= warmup:
            save_times["app"].append(app_s)
            save_times["raw"].append(raw_s)
    _check_saves(raw, saved)

    result: dict = {"cases": cases, "queued": queued, "runs": runs, "claimed": len(claims)}
    result["saved"] = sum(len(pairs) for pairs in saved.values())
    for name, times in (("next", next_times), ("save", save_times)):
        app_ms, app_p95 = _summary(times["app"])
        raw_ms, raw_p95 = _summary(times["raw"])
        result[name] = {
            "app_ms": app_ms,
            "app_p95_ms": app_p95,
            "raw_ms": raw_ms,
            "raw_p95_ms": raw_p95,
            "ratio": app_ms / raw_ms,
        }

    if profile:
        # Where the app spends its time: cProfile over more of the same calls, app side only.
        profilers = {"next": cProfile.Profile(), "save": cProfile.Profile()}
        items = []
        for _ in range(profile):
            profilers["next"].enable()
            items.append(next_case(database.sessions, APP_OPERATOR, now=NOW))
            profilers["next"].disable()
        for item in items:
            profilers["save"].enable()
            app_save(database, item, APP_OPERATOR)
            profilers["save"].disable()
        result["profile"] = {name: _profile_text(p, 25) for name, p in profilers.items()}
    raw.close()
    database.close()
    return result


def measure(path: Path, runs: int, *, warmup: int = 5, profile: int = 0) -> dict:
    """Next case and save on a copy of the city at `path`, app against raw sqlite3.

    Returns {"cases", "queued", "runs", "claimed", "saved", "next": {...}, "save": {...}} where
    each measurement has app_ms, app_p95_ms, raw_ms, raw_p95_ms and ratio (app / raw medians);
    with `profile` N, also "profile": the cProfile top of N more app calls of each.
    """
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():  # committed transactions not yet checkpointed into the file
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        return measure_copy(copy, runs, warmup=warmup, profile=profile)


def figures(result: dict) -> list[Figure]:
    """measure()'s result as the figures of bench/RESULTS.md: "next case" and "save Form A"."""
    rows = []
    for key, title in MEASURES:
        m = result[key]
        note = f"p95: app {m['app_p95_ms']:.2f} ms, raw {m['raw_p95_ms']:.2f} ms"
        rows.append(
            Figure(
                name=title,
                unit="ms",
                app=m["app_ms"],
                raw=m["raw_ms"],
                goal=GOAL_MS,
                runs=result["runs"],
                note=note,
            )
        )
    return rows


def report_lines(result: dict) -> list[str]:
    lines = []
    for name, title in MEASURES:
        m = result[name]
        lines.append(
            f"{title}: app {m['app_ms']:.2f} ms (p95 {m['app_p95_ms']:.2f}), "
            f"raw sqlite3 {m['raw_ms']:.3f} ms (p95 {m['raw_p95_ms']:.3f}), "
            f"ratio {m['ratio']:.1f} (medians of {result['runs']}; {result['cases']} cases, "
            f"{result['queued']} queued)"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--cases", type=int, default=1_000_000, help="for a city to generate")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument(
        "--profile", type=int, nargs="?", const=200, default=0, help="cProfile N more app calls"
    )
    args = parser.parse_args()
    if not args.path.exists():
        generate(
            args.path, cases=args.cases, evaluations=args.cases * 3 // 10, attempts=args.cases // 2
        )
    result = measure(args.path, args.runs, warmup=args.warmup, profile=args.profile)
    for line in report_lines(result):
        print(line)
    for name, text in result.get("profile", {}).items():
        print(f"\n=== profile: app {name} ({args.profile} calls) ===\n{text}")


if __name__ == "__main__":
    main()
