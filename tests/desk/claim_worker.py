"""A separate process claiming queue entries until none is left (spawned by test_claims)."""

from __future__ import annotations

from datetime import datetime

from app.desk.queue import next_case
from db.engine import make_engine, make_session_factory


def claim_until_empty(url: str, operator_id: int, now: str, barrier, results) -> None:
    """Claim with a fresh engine of this process's own, as a second app instance would."""
    engine = make_engine(url)
    try:
        sessions = make_session_factory(engine)
        claimed = []
        barrier.wait()  # every process starts claiming at the same moment
        while (
            item := next_case(sessions, operator_id, now=datetime.fromisoformat(now))
        ) is not None:
            claimed.append(item.entry_id)
        results.put((operator_id, claimed))
    finally:
        engine.dispose()
