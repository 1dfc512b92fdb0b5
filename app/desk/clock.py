"""Times of the call desk: "now" as given (tests pass it) or the clock, and local day bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from app.zone import LOCAL_ZONE


def current_time(now: datetime | None = None) -> datetime:
    """`now` when given (it must carry a zone), else the clock."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError(f"naive datetime {now!r}: give it a time zone")
    return now


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_ZONE).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of a local day and of the next one."""
    start = datetime.combine(day, time(), LOCAL_ZONE)
    return start, datetime.combine(day + timedelta(days=1), time(), LOCAL_ZONE)
