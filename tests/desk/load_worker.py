"""A seat saving in a loop that the test kills (started by test_kill_mid_save), with a handshake
that tells the test the seat is where it is meant to be killed.

The handshake is a test hook on SQLAlchemy's engine events, installed in this process only: the
app knows nothing of it. The seat itself is bench.load's worker, as under load; when the queue
runs dry it waits to be killed instead of ending, so no kill ever finds it gone.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine, event

from bench.load import work_the_queue

# Where a seat can be held until the test kills the process, the `nth` time it gets there:
# - "evaluation": after the evaluation's INSERT (its attempt not yet written);
# - "task": before the callback task's INSERT (evaluation and attempt written);
# - "commit": at the COMMIT of a save (every row written, nothing committed);
# - "statement": before its nth database statement or COMMIT, whatever it is doing (claiming,
#   saving, committing either).
STOP_POINTS = ("evaluation", "task", "commit", "statement")
# "running": the seat says so at its nth statement and carries on; the kill lands while it works.
KILL_POINTS = (*STOP_POINTS, "running")


def save_until_killed(
    url: str, operator_id: int, report_path: str, start, kill_at: str, reached, nth: int
) -> None:
    """Save until killed, setting `reached` the `nth` time the seat gets to `kill_at` once it has
    started work (connecting and getting ready are not counted)."""
    armed = _hand_shake_at(kill_at, nth, reached)
    work_the_queue(url, operator_id, 10**9, report_path, _Start(start, armed), seed=operator_id)
    threading.Event().wait()  # out of work: wait for the kill rather than end


class _Start:
    """The start barrier, arming the handshake once the seat is past it."""

    def __init__(self, barrier, armed: threading.Event) -> None:
        self.barrier, self.armed = barrier, armed

    def wait(self, timeout: float) -> None:
        self.barrier.wait(timeout)
        self.armed.set()


def _hand_shake_at(point: str, nth: int, reached) -> threading.Event:
    if point not in KILL_POINTS:
        raise ValueError(f"kill_at must be one of {KILL_POINTS}, not {point!r}")
    armed = threading.Event()
    counts = dict.fromkeys(KILL_POINTS, 0)

    def arrive(at: str) -> None:
        if not armed.is_set():
            return
        counts[at] += 1
        if counts[at] == nth:
            reached.set()
            if at in STOP_POINTS:
                threading.Event().wait()  # until the test kills the process

    def statement() -> None:
        if point in ("statement", "running"):
            arrive(point)

    @event.listens_for(Engine, "before_cursor_execute")
    def _before(connection, _cursor, sql, *_args) -> None:
        statement()
        if sql.startswith("INSERT INTO evaluations"):
            connection.info["saving"] = True  # this transaction is a save, not a claim
        elif point == "task" and sql.startswith("INSERT INTO callback_tasks"):
            arrive("task")

    @event.listens_for(Engine, "after_cursor_execute")
    def _after(_connection, _cursor, sql, *_args) -> None:
        if point == "evaluation" and sql.startswith("INSERT INTO evaluations"):
            arrive("evaluation")

    @event.listens_for(Engine, "commit")
    def _commit(connection) -> None:
        statement()
        if connection.info.pop("saving", False) and point == "commit":
            arrive("commit")

    return armed
