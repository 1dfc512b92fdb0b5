"""A seat saving in a loop that the test kills, stopped first at a chosen point of its save when
asked (started by test_kill_mid_save).

The stop is a test hook on SQLAlchemy's engine events, installed in this process only: the app
knows nothing of it. The seat itself is bench.load's worker, as under load.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine, event

from bench.load import work_the_queue

# Where a save can be held until the test kills the process: after the evaluation's INSERT
# (its attempt not yet written), before the callback task's INSERT (evaluation and attempt
# written), and at the COMMIT of a save (every row written, nothing committed).
PAUSE_POINTS = ("evaluation", "task", "commit")


def save_until_killed(
    url: str, operator_id: int, report_path: str, start, pause_at=None, paused=None, nth=1
) -> None:
    """Save until killed; with `pause_at`, stop dead the `nth` time the save reaches that point
    and set `paused`, so that the test kills the process there."""
    if pause_at is not None:
        _stop_at(pause_at, nth, paused)
    work_the_queue(url, operator_id, 10**9, report_path, start, seed=operator_id)


def _stop_at(point: str, nth: int, paused) -> None:
    if point not in PAUSE_POINTS:
        raise ValueError(f"pause_at must be one of {PAUSE_POINTS}, not {point!r}")
    reached = 0

    def arrive() -> None:
        nonlocal reached
        reached += 1
        if reached == nth:
            paused.set()
            threading.Event().wait()  # until the test kills the process

    @event.listens_for(Engine, "before_cursor_execute")
    def _before(connection, _cursor, statement, *_args) -> None:
        if statement.startswith("INSERT INTO evaluations"):
            connection.info["saving"] = True  # this transaction is a save, not a claim
        elif point == "task" and statement.startswith("INSERT INTO callback_tasks"):
            arrive()

    @event.listens_for(Engine, "after_cursor_execute")
    def _after(_connection, _cursor, statement, *_args) -> None:
        if point == "evaluation" and statement.startswith("INSERT INTO evaluations"):
            arrive()

    @event.listens_for(Engine, "commit")
    def _commit(connection) -> None:
        if connection.info.pop("saving", False) and point == "commit":
            arrive()
