"""Many operators working one queue at once: claims and saves per second, and nothing lost.

    .venv/bin/python -m bench.load --db URL [--workers 10] [--saves 200] [--cases N]
    .venv/bin/python -m bench.load --db URL --city [--workers 10] [--saves 200] [--seed 1]

Without `--city` the database must hold no cases yet (a new SQLite file, or a new PostgreSQL
database made with createdb); it is brought up to date and given one queue entry per case (bulk
INSERTs), a valid mobile number each, and one operator per worker. With `--city` it holds a city
(`bench.city` on SQLite — give a copy: the test writes — or `bench.postgres.copy_city` on
PostgreSQL) and `measure_city` runs the test on it: one new operator per worker, and the queue
refreshed as on a morning (`app.desk.sampling.refresh_queue`, for bench.desk's day) until it
holds enough entries ready now for every worker's saves and a tenth more. Then each worker, a
process of its own with its own engine as a seat would have, takes the next case and saves Form
A for it as fast as it can until it has saved `--saves` cases or the queue is empty. About one
answer in eight has a 不满意 (which opens a callback task) and one in twenty-five reports a
breach of integrity (有, which is escalated). Each worker writes what it claimed and saved to a
report file of JSON lines as it goes, so that a worker killed halfway has told what it finished.

Afterwards the database is checked against the reports (`check_load`): no entry claimed twice,
every reported save there in full, nothing half-written, the rest of the queue open and free. On
a city it reads only the rows of the workers' operators and entries (and counts the rest in
SQL), not the city's million rows; `measure_city` raises `LoadLost` with the problems.
Printed: claims/s and saves/s over the time the workers ran together, with p50/p95/max latency
of a claim (`next_case`) and of a save (`save_form_a` and its commit). Every claim ends in a save
here, so the two rates are the same number counted twice; the latencies tell them apart.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import Session, configure_mappers

from app.desk.calls import DISSATISFACTION_CATEGORIES, FormAAnswers, save_form_a
from app.desk.do_not_call import callable_case
from app.desk.due import has_valid_evaluation
from app.desk.outcomes import COMPLETED, ensure_outcomes
from app.desk.queue import next_case
from app.desk.sampling import refresh_queue
from app.ratings import Channel, Rating
from app.settings import set_setting
from bench.desk import TODAY as DESK_TODAY
from db.database import Database, open_database
from db.engine import make_engine, make_session_factory
from db.models import (
    CallAttempt,
    CallbackTask,
    Case,
    CasePhone,
    Evaluation,
    IntegrityEscalation,
    QueueEntry,
    Staff,
    Unit,
)

UNITS = (
    "历下区不动产登记中心",
    "市中区不动产登记中心",
    "槐荫区不动产登记中心",
    "天桥区不动产登记中心",
)
DISSATISFIED_SHARE = 1 / 8
INTEGRITY_SHARE = 1 / 25
START_TIMEOUT = 120  # seconds a worker waits for the others to be ready
REPORT_SUFFIX = ".jsonl"
# The day a city's queue is refreshed for: bench.desk's, when bench.city's Q4 cases have left
# their online window. The entries are ready at the real now, when the workers claim.
CITY_TODAY = DESK_TODAY


# The queue


def build_queue(database: Database, *, cases: int, operators: int) -> list[int]:
    """`cases` open first-revisit entries, ready an hour ago, and `operators` operators; returns
    the operators' staff ids. Bulk INSERTs, no ORM objects: a second for thousands of cases."""
    ready_at = datetime.now(UTC) - timedelta(hours=1)
    completed_on = (ready_at - timedelta(days=20)).date()
    with database.sessions.begin() as session:
        ensure_outcomes(session)  # as the first seat's first call would
        unit_ids = session.scalars(
            insert(Unit).returning(Unit.id, sort_by_parameter_order=True),
            [{"name": name, "area_code": "0531"} for name in UNITS],
        ).all()
        staff_ids = session.scalars(
            insert(Staff).returning(Staff.id, sort_by_parameter_order=True),
            [{"name": f"压测回访员{n + 1}", "is_operator": True} for n in range(operators)],
        ).all()
        case_ids = session.scalars(
            insert(Case).returning(Case.id, sort_by_parameter_order=True),
            [_case_row(n, unit_ids[n % len(unit_ids)], completed_on) for n in range(cases)],
        ).all()
        session.execute(
            insert(CasePhone),
            [
                {"case_id": case_id, "position": 0, "original": mobile, "e164": f"+86{mobile}"}
                for case_id, mobile in ((c, f"139{c:08d}") for c in case_ids)
            ],
        )
        session.execute(
            insert(QueueEntry),
            [
                {"kind": "first", "case_id": c, "status": "open", "ready_at": ready_at}
                for c in case_ids
            ],
        )
    return list(staff_ids)


def _case_row(n: int, unit_id: int, completed_on: date) -> dict[str, Any]:
    return {
        "case_no": f"YC{completed_on:%Y%m%d}{n:06d}",
        "business_type": "国有建设用地使用权及房屋所有权转移登记",
        "unit_id": unit_id,
        "completed_on": completed_on,
        "applicant": "张三",
        "location": f"历下区泉城路{n % 300 + 1}号",
        "has_valid_phone": True,
    }


# A city's queue


def add_operators(database: Database, count: int) -> list[int]:
    """`count` new operators, numbered after the staff already there; their ids."""
    with database.sessions.begin() as session:
        first = session.scalar(select(func.count()).select_from(Staff)) + 1
        return list(
            session.scalars(
                insert(Staff).returning(Staff.id, sort_by_parameter_order=True),
                [{"name": f"压测回访员{first + n}", "is_operator": True} for n in range(count)],
            ).all()
        )


def claimable_entries(database: Database, now: datetime) -> int:
    """Queue entries any operator's "next case" would take at `now`: open, ready, free, reserved
    for nobody, no appointment, a case not validly evaluated and callable (app.desk.queue's
    conditions)."""
    q = QueueEntry
    with database.sessions() as session:
        return session.scalar(
            select(func.count())
            .select_from(q)
            .where(
                q.status == "open",
                q.ready_at <= now,
                q.claimed_by_id.is_(None),
                q.reserved_for_id.is_(None),
                q.appointment_at.is_(None),
                (q.kind != "first") | ~has_valid_evaluation(q.case_id),
                callable_case(q.case_id),
            )
        )


def fill_city_queue(database: Database, needed: int, *, seed: int) -> int:
    """Refresh the queue as a morning would (bench.desk's day, the coverage plan's draw, ready
    now); when that draws fewer than `needed` entries, refresh again calling every due case
    (desk.sample_all), as bench.desk does. Returns the entries ready; LoadLost when too few."""
    # Ready now by the real clock: the workers, processes of their own, claim by it.
    now = datetime.now(UTC)
    with database.sessions.begin() as session:
        ensure_outcomes(session)  # as the first seat's first call would
        refresh_queue(session, today=CITY_TODAY, seed=seed, now=now)
    ready = claimable_entries(database, now)
    if ready < needed:
        with database.sessions.begin() as session:
            set_setting(session, "desk.sample_all", True)
            session.flush()
            refresh_queue(session, today=CITY_TODAY, seed=seed, now=now)
        ready = claimable_entries(database, now)
    if ready < needed:
        raise LoadLost([f"the city's queue holds {ready} entries ready, {needed} needed"])
    return ready


# A worker: one seat, in a process of its own


def varied_answers(rng: random.Random) -> FormAAnswers:
    """Form A as respondents answer it: mostly content, now and then 不满意 or a breach (有)."""
    ratings = [
        rng.choice((Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.AVERAGE)) for _ in range(4)
    ]
    dissatisfied = rng.random() < DISSATISFIED_SHARE
    if dissatisfied:
        ratings[rng.randrange(4)] = Rating.DISSATISFIED
    integrity = rng.random() < INTEGRITY_SHARE
    return FormAAnswers(
        *ratings,
        integrity_breach=integrity,
        suggestion=rng.choice((None, "希望缩短办理时间", "工作人员很热情")),
        dissatisfaction_category=(
            rng.choice(DISSATISFACTION_CATEGORIES)[0] if dissatisfied else None
        ),
        dissatisfaction_details="窗口排队时间太长" if dissatisfied else None,
        integrity_details="办事人员暗示需要好处费" if integrity else None,
    )


def work_the_queue(
    url: str, operator_id: int, saves: int, report_path: str, start=None, seed: int = 0
) -> None:
    """Claim and save until `saves` cases are saved or none is left, writing each step to the
    report as soon as it is committed. `start` (a multiprocessing Barrier) lines the workers up.

    Opens the database with an engine of its own, as another app instance would, and saves as
    the call screen does: `next_case` in its own transaction, then `save_form_a` in
    `sessions.begin()`.
    """
    engine = make_engine(url)
    try:
        sessions = make_session_factory(engine)
        with engine.connect():  # connect before the start, not on the clock
            pass
        configure_mappers()  # as the app does at its start, before the first case
        rng = random.Random(seed)
        with open(report_path, "a", encoding="utf-8") as report:
            _write(report, event="ready", operator=operator_id, pid=os.getpid())
            if start is not None:
                start.wait(START_TIMEOUT)
            try:
                for _ in range(saves):
                    if not _claim_and_save(sessions, operator_id, rng, report):
                        break
            except Exception as error:
                # What the seat's operator would be shown instead of "saved".
                _write(report, event="error", error=f"{type(error).__name__}: {error}"[:300])
                raise
            _write(report, event="end", at=time.time())
    finally:
        engine.dispose()


def _claim_and_save(sessions, operator_id: int, rng: random.Random, report: IO[str]) -> bool:
    """One turn of a seat: the next case, and Form A saved for it; False when none is left."""
    at, stopwatch = time.time(), Stopwatch()
    item = next_case(sessions, operator_id)
    if item is None:
        _write(report, event="empty", at=time.time())
        return False
    _write(report, event="claim", entry=item.entry_id, case=item.case_id, at=at, **stopwatch.lap())
    answers = varied_answers(rng)
    with sessions.begin() as session:
        result = save_form_a(
            session,
            item.entry_id,
            operator_id,
            answers,
            duration_seconds=rng.randrange(30, 300),
            phone_e164=item.phones[item.next_phone_index].e164,
        )
    _write(
        report,
        event="save",
        entry=item.entry_id,
        case=item.case_id,
        evaluation=result.evaluation_id,
        task=result.callback_task_id,
        dissatisfied=Rating.DISSATISFIED in _ratings(answers),
        integrity=result.integrity_flagged,
        at=time.time(),
        **stopwatch.lap(),
    )
    return True


class Stopwatch:
    """Wall and CPU time of this process since the last lap: a seat on a busy machine waits for
    the CPU as well as for the database, and the two tell them apart."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        lap = {"ms": (wall - self.wall) * 1000, "cpu_ms": (cpu - self.cpu) * 1000}
        self.wall, self.cpu = wall, cpu
        return lap


def _ratings(answers: FormAAnswers) -> tuple[Rating, ...]:
    return (answers.overall, answers.efficiency, answers.attitude, answers.materials)


def _write(report: IO[str], **line: Any) -> None:
    # Flushed at once: a process killed right after still leaves the line (the OS keeps it).
    report.write(json.dumps(line) + "\n")
    report.flush()


@dataclass
class Save:
    entry: int
    case: int
    evaluation: int
    task: int | None
    dissatisfied: bool
    integrity: bool


@dataclass
class WorkerReport:
    """What one worker says it did, read back from its report file."""

    operator: int
    claims: list[dict[str, Any]] = field(default_factory=list)
    saves: list[Save] = field(default_factory=list)
    save_times: list[dict[str, float]] = field(default_factory=list)
    ended: bool = False  # it got to the end (not killed, no error)
    error: str | None = None  # what stopped it

    @property
    def in_flight(self) -> int | None:
        """The entry it claimed and had not reported saved: where a killed worker was."""
        saved = {s.entry for s in self.saves}
        unsaved = [c["entry"] for c in self.claims if c["entry"] not in saved]
        return unsaved[-1] if unsaved else None


def read_report(path: Path) -> WorkerReport:
    if not path.exists():  # the process died before it opened its report
        raise AssertionError(f"{path.name}: the worker never started")
    report = None
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        event = record.pop("event")
        if event == "ready":
            report = WorkerReport(operator=record["operator"])
        elif event == "claim":
            report.claims.append(record)
        elif event == "save":
            report.save_times.append({key: record.pop(key) for key in ("at", "ms", "cpu_ms")})
            report.saves.append(Save(**record))
        elif event == "end":
            report.ended = True
        elif event == "error":
            report.error = record["error"]
    if report is None:
        raise AssertionError(f"{path.name}: the worker never got ready")
    return report


def worker_context() -> multiprocessing.context.BaseContext:
    """Fresh processes, as seats on other machines would be, forked from a server process that
    has imported the app once: ten spawned interpreters importing it each cost more CPU time
    than a test's whole load on two cores. (The app, not this module: run as a command, this
    module is the workers' __main__ and is imported by them under that name.)"""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["app.desk.calls", "app.desk.queue", "db.engine"])
    return context


def run_load(
    url: str, operator_ids: Sequence[int], saves: int, report_dir: Path, *, seed: int = 0
) -> list[WorkerReport]:
    """One process per operator, all starting together; their reports once all have stopped
    (a worker that failed says so in its report, and check_load in its problems)."""
    context = worker_context()
    start = context.Barrier(len(operator_ids))
    paths = [report_dir / f"operator-{op}{REPORT_SUFFIX}" for op in operator_ids]
    processes = [
        context.Process(target=work_the_queue, args=(url, op, saves, str(path), start, seed + n))
        for n, (op, path) in enumerate(zip(operator_ids, paths, strict=True))
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(START_TIMEOUT + 600)
        if process.is_alive():  # hung: its report says so (it did not end)
            process.kill()
            process.join()
    return [read_report(path) for path in paths]


# What the database holds afterwards


@dataclass
class DeskRecords:
    """The rows a save writes, read at once: evaluations, attempts, entries, tasks, escalations."""

    evaluations: dict[int, Any]
    attempts: list[Any]
    entries: dict[int, Any]
    tasks: list[Any]
    escalations: list[Any]

    @classmethod
    def read(
        cls,
        session: Session,
        operators: Sequence[int] | None = None,
        claimed: Iterable[int] = (),
    ) -> DeskRecords:
        """Every row of those tables; or, given the workers' `operators`, only what they can have
        written or touched: their evaluations and attempts, the tasks and escalations of those
        evaluations, and the entries they claim, hold or claimed (`claimed`, from their reports)
        with the first-revisit entries of the cases they evaluated — a city's other rows stay in
        the database (a few thousand rows read, not millions)."""
        e, a, q, t, i = Evaluation, CallAttempt, QueueEntry, CallbackTask, IntegrityEscalation
        answers = (e.overall, e.efficiency, e.attitude, e.materials, e.integrity_breach)
        evaluations = select(e.id, e.case_id, e.channel, e.round, e.operator_id, *answers)
        attempts = select(a.case_id, a.outcome, a.evaluation_id)
        entries = select(q.id, q.case_id, q.kind, q.status, q.result, q.claimed_by_id)
        tasks = select(t.id, t.case_id, t.evaluation_id)
        escalations = select(i.evaluation_id)
        if operators is None:
            return cls(
                evaluations={row.id: row for row in session.execute(evaluations)},
                attempts=session.execute(attempts).all(),
                entries={row.id: row for row in session.execute(entries)},
                tasks=session.execute(tasks).all(),
                escalations=session.execute(escalations).all(),
            )
        operators = list(operators)
        mine = session.execute(evaluations.where(e.operator_id.in_(operators))).all()
        evaluation_ids = [row.id for row in mine]
        found = session.execute(entries.where(q.claimed_by_id.in_(operators))).all()
        found += _rows_in(session, entries, q.id, claimed)
        found += _rows_in(
            session, entries.where(q.kind == "first"), q.case_id, {row.case_id for row in mine}
        )
        return cls(
            evaluations={row.id: row for row in mine},
            attempts=session.execute(attempts.where(a.operator_id.in_(operators))).all(),
            entries={row.id: row for row in sorted(found, key=lambda row: row.id)},
            tasks=_rows_in(session, tasks, t.evaluation_id, evaluation_ids),
            escalations=_rows_in(session, escalations, i.evaluation_id, evaluation_ids),
        )

    def entry_of_case(self) -> dict[int, Any]:
        return {row.case_id: row for row in self.entries.values() if row.kind == "first"}


IN_CHUNK = 500  # ids per IN (...): well below every backend's limit of parameters


def _rows_in(session: Session, query: Select, column, ids: Iterable[int]) -> list[Any]:
    """The rows of `query` whose `column` is one of `ids`, a chunk of ids at a time."""
    ids, rows = sorted(set(ids)), []
    for start in range(0, len(ids), IN_CHUNK):
        rows += session.execute(query.where(column.in_(ids[start : start + IN_CHUNK]))).all()
    return rows


def _dissatisfied(evaluation) -> bool:
    ratings = (evaluation.overall, evaluation.efficiency, evaluation.attitude, evaluation.materials)
    return Rating.DISSATISFIED.value in ratings


def half_written(records: DeskRecords) -> list[str]:
    """Saves not written whole, whoever made them: every phone evaluation has its one completed
    attempt, its entry done and unclaimed, its callback task exactly when 不满意 and its
    escalation exactly when 有; no completed attempt or done entry without its evaluation; no
    case evaluated twice. Empty when all is well."""
    problems = []
    attempts = defaultdict(list)
    for attempt in records.attempts:
        if attempt.outcome == COMPLETED:
            attempts[attempt.evaluation_id].append(attempt)
    tasks = Counter(t.evaluation_id for t in records.tasks)
    escalations = Counter(e.evaluation_id for e in records.escalations)
    entries = records.entry_of_case()
    evaluated = Counter(e.case_id for e in records.evaluations.values())
    problems += [f"case {c} evaluated {n} times" for c, n in evaluated.items() if n > 1]
    for evaluation in records.evaluations.values():
        if evaluation.channel != Channel.PHONE.value:
            continue
        mine = attempts.get(evaluation.id, [])
        if [a.case_id for a in mine] != [evaluation.case_id]:
            problems.append(f"evaluation {evaluation.id} has {len(mine)} completed attempts")
        entry = entries.get(evaluation.case_id)
        if entry is None or entry.status != "done" or entry.claimed_by_id is not None:
            problems.append(f"evaluation {evaluation.id}: its entry is not done and free: {entry}")
        if tasks[evaluation.id] != int(_dissatisfied(evaluation)):
            problems.append(f"evaluation {evaluation.id} has {tasks[evaluation.id]} callback tasks")
        if escalations[evaluation.id] != int(bool(evaluation.integrity_breach)):
            problems.append(
                f"evaluation {evaluation.id} has {escalations[evaluation.id]} escalations"
            )
    for evaluation_id in attempts.keys() - records.evaluations.keys():
        problems.append(f"completed attempts without their evaluation {evaluation_id}")
    for task in records.tasks:
        if task.evaluation_id not in records.evaluations:
            problems.append(f"callback task {task.id} without its evaluation")
    per_case = Counter(t.case_id for t in records.tasks)
    problems += [f"case {c} has {n} callback tasks" for c, n in per_case.items() if n > 1]
    for entry in records.entries.values():
        if entry.status == "done" and not evaluated[entry.case_id]:
            problems.append(f"entry {entry.id} is done without an evaluation")
    return problems


def missing_saves(records: DeskRecords, saves: Sequence[Save]) -> list[str]:
    """Saves a worker reported committed that the database does not hold as reported."""
    problems = []
    tasks = {t.evaluation_id: t.id for t in records.tasks}
    escalated = {e.evaluation_id for e in records.escalations}
    for save in saves:
        evaluation = records.evaluations.get(save.evaluation)
        entry = records.entries.get(save.entry)
        if evaluation is None or (evaluation.case_id, evaluation.round) != (save.case, 1):
            problems.append(f"save of entry {save.entry} lost: evaluation {save.evaluation}")
        elif entry is None or (entry.status, entry.result) != ("done", COMPLETED):
            problems.append(f"save of entry {save.entry} lost: the entry is {entry}")
        elif (
            tasks.get(save.evaluation) != save.task or (save.task is not None) != save.dissatisfied
        ):
            problems.append(
                f"save of entry {save.entry}: callback task {tasks.get(save.evaluation)}"
            )
        elif (save.evaluation in escalated) != save.integrity:
            problems.append(f"save of entry {save.entry}: escalated is not {save.integrity}")
    return problems


@dataclass(frozen=True)
class QueueState:
    """How many entries of the whole queue are open, open and claimed, and done: taken before
    the workers start on a city, whose other entries check_load then counts instead of reading."""

    open: int
    claimed: int
    done: int

    @classmethod
    def read(cls, session: Session) -> QueueState:
        q = QueueEntry
        is_open = q.status == "open"
        row = session.execute(
            select(
                func.count().filter(is_open),
                func.count().filter(is_open, q.claimed_by_id.is_not(None)),
                func.count().filter(q.status == "done"),
            ).select_from(q)
        ).one()
        return cls(*row)


def check_load(
    database: Database,
    reports: Sequence[WorkerReport],
    before: QueueState | None = None,
) -> list[str]:
    """Everything that must hold after workers that all ended: no entry claimed twice, every
    reported save in the database in full and nothing else done, the rest open and free.

    Without `before` every row is read (a database the load filled itself). With the queue's
    state of before the workers started (a city), only the rows of the reports' operators and
    entries are read, and the rest of the queue is counted: as many open entries fewer and done
    more as were saved, and no more claimed than before (fewer, when a claim someone left before
    expired and a worker took its entry)."""
    claimed = Counter(c["entry"] for r in reports for c in r.claims)
    problems = [f"entry {e} claimed {n} times" for e, n in claimed.items() if n > 1]
    problems += [f"operator {r.operator} stopped: {r.error}" for r in reports if not r.ended]
    saves = [s for r in reports for s in r.saves]
    operators = None if before is None else [r.operator for r in reports]
    with database.sessions() as session:
        records = DeskRecords.read(session, operators, claimed)
        after = QueueState.read(session) if before is not None else None
    problems += half_written(records) + missing_saves(records, saves)
    saved = {s.entry for s in saves}
    if set(claimed) != saved:
        problems.append(f"claimed but not saved: {sorted(set(claimed) - saved)[:10]}")
    done = {e.id for e in records.entries.values() if e.status == "done"}
    if done != saved:
        problems.append(f"{len(done)} entries done, {len(saved)} saved")
    busy = [e.id for e in records.entries.values() if e.status == "open" and e.claimed_by_id]
    if busy:
        problems.append(f"open entries still claimed: {busy[:10]}")
    if before is not None:
        expected = QueueState(before.open - len(saved), before.claimed, before.done + len(saved))
        # Fewer claimed is fine: a claim left by someone before may expire and be taken.
        if (after.open, after.done) != (expected.open, expected.done) or (
            after.claimed > before.claimed
        ):
            problems.append(f"the queue holds {after}, not {expected}")
    return problems


# The figures


@dataclass
class LoadFigures:
    workers: int
    claims: int
    saves: int
    seconds: float  # from the first claim begun to the last save committed
    # p50, p95 and max of the wall time of a claim (next_case) and of a save (with its commit)
    claim_ms: tuple[float, float, float]
    save_ms: tuple[float, float, float]
    # the medians of the CPU time the seat's own process spent on them
    claim_cpu_ms: float
    save_cpu_ms: float

    @property
    def claims_per_second(self) -> float:
        return self.claims / self.seconds

    @property
    def saves_per_second(self) -> float:
        return self.saves / self.seconds

    def lines(self) -> list[str]:
        return [
            f"{self.workers} workers: {self.claims} claims and {self.saves} saves in "
            f"{self.seconds:.2f} s: {self.claims_per_second:.0f} claims/s, "
            f"{self.saves_per_second:.0f} saves/s",
            "claim ms: p50 {:.1f}  p95 {:.1f}  max {:.1f}".format(*self.claim_ms)
            + f"  (seat CPU p50 {self.claim_cpu_ms:.1f})",
            "save ms:  p50 {:.1f}  p95 {:.1f}  max {:.1f}".format(*self.save_ms)
            + f"  (seat CPU p50 {self.save_cpu_ms:.1f})",
        ]

    def properties(self) -> dict[str, float]:
        """The figures by name, e.g. for pytest's record_property."""
        return {
            "claims_per_second": round(self.claims_per_second, 1),
            "saves_per_second": round(self.saves_per_second, 1),
            "claim_p50_ms": round(self.claim_ms[0], 2),
            "claim_p95_ms": round(self.claim_ms[1], 2),
            "save_p50_ms": round(self.save_ms[0], 2),
            "save_p95_ms": round(self.save_ms[1], 2),
        }


def figures(reports: Sequence[WorkerReport]) -> LoadFigures:
    claims = [c for r in reports for c in r.claims]
    saves = [t for r in reports for t in r.save_times]
    return LoadFigures(
        workers=len(reports),
        claims=len(claims),
        saves=len(saves),
        seconds=max(t["at"] for t in saves) - min(c["at"] for c in claims),
        claim_ms=_percentiles([c["ms"] for c in claims]),
        save_ms=_percentiles([t["ms"] for t in saves]),
        claim_cpu_ms=statistics.median(c["cpu_ms"] for c in claims),
        save_cpu_ms=statistics.median(t["cpu_ms"] for t in saves),
    )


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], max(values)


class LoadLost(Exception):
    """The load test found work lost or half-done (or could not start): `problems` says what."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        super().__init__(
            "\n".join(
                [
                    f"{len(self.problems)} problem{'' if len(self.problems) == 1 else 's'}:",
                    *shown,
                    *([f"… and {more} more"] if more else []),
                ]
            )
        )


def measure_city(url: str, *, workers: int = 10, saves: int = 200, seed: int = 1) -> LoadFigures:
    """The load test on the city the database at `url` holds (at the newest schema; it is
    written to: a copy): `workers` new operators, the queue refreshed until it holds
    workers × saves × 1.1 entries ready, the workers run, and the database checked. Raises
    LoadLost with the problems when anything was lost or half-written, or a worker saved fewer
    than `saves` cases; returns the figures otherwise."""
    needed = -(-workers * saves * 11 // 10)
    database = open_database(url)
    try:
        operators = add_operators(database, workers)
        fill_city_queue(database, needed, seed=seed)
        with database.sessions() as session:
            before = QueueState.read(session)
        with tempfile.TemporaryDirectory(prefix="revisitdesk-load-") as folder:
            reports = run_load(url, operators, saves, Path(folder), seed=seed)
        problems = check_load(database, reports, before)
    finally:
        database.close()
    problems += [
        f"operator {r.operator} saved {len(r.saves)} cases, not {saves}"
        for r in reports
        if r.ended and len(r.saves) != saves
    ]
    if problems:
        raise LoadLost(problems)
    return figures(reports)


def machine() -> str:
    """What the figures were measured on: they mean little without it."""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load average {load} before the run"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        required=True,
        help="SQLAlchemy URL of a database with no cases (with --city: holding a city)",
    )
    parser.add_argument(
        "--city",
        action="store_true",
        help="the database holds a city (bench.city, or copied by bench.postgres): work its "
        "queue after a morning refresh; it is written to, so give a copy",
    )
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--saves", type=int, default=200, help="cases each worker saves")
    parser.add_argument("--cases", type=int, help="queue size (default: 10%% more than saved)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.city:
        main_city(args)
        return
    cases = args.cases or args.workers * args.saves * 11 // 10
    database = open_database(args.db)
    try:
        with database.sessions() as session:
            if session.scalar(select(func.count()).select_from(Case)):
                raise SystemExit(f"{database.display_url()} holds cases already: give a new one")
        print(machine())
        began = time.perf_counter()
        operators = build_queue(database, cases=cases, operators=args.workers)
        print(
            f"{database.display_url()}: {cases} cases queued in {time.perf_counter() - began:.1f} s"
        )
        with tempfile.TemporaryDirectory(prefix="revisitdesk-load-") as folder:
            reports = run_load(args.db, operators, args.saves, Path(folder), seed=args.seed)
        problems = check_load(database, reports)
    finally:
        database.close()
    if any(r.saves for r in reports):
        print("\n".join(figures(reports).lines()))
    if problems:
        print("\n".join(["PROBLEMS:", *problems[:50]]), file=sys.stderr)
        raise SystemExit(1)
    print("checked: no entry claimed twice, every save complete, the rest of the queue free")


def main_city(args: argparse.Namespace) -> None:
    if args.cases:
        raise SystemExit("--cases is the size of the queue the load fills: not with --city")
    print(machine())
    began = time.perf_counter()
    try:
        result = measure_city(args.db, workers=args.workers, saves=args.saves, seed=args.seed)
    except LoadLost as lost:
        print(f"PROBLEMS: {lost}", file=sys.stderr)
        raise SystemExit(1) from None
    print("\n".join(result.lines()))
    print(
        "checked: no entry claimed twice, every save complete, the rest of the queue free "
        f"({time.perf_counter() - began:.1f} s with the queue's refresh and the checks)"
    )


if __name__ == "__main__":
    main()
