"""The one clock of RevisitDesk: what "now" and "today" are, for every module and every thread.

Tests set it (`set_now`) rather than patching a hook of each screen; services that take a `now`
or `today` argument still take it, and fall back to this clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from app.zone import LOCAL_ZONE

_fixed: datetime | None = None


def set_now(moment: datetime | None) -> None:
    """Stop the clock at `moment` (it must carry a zone); None sets it going again."""
    global _fixed
    if moment is not None and moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: give it a time zone")
    _fixed = moment


def now() -> datetime:
    """This moment, in UTC."""
    return datetime.now(UTC) if _fixed is None else _fixed.astimezone(UTC)


def local_now() -> datetime:
    """This moment in the halls' local time."""
    return now().astimezone(LOCAL_ZONE)


def today() -> date:
    """Today in the halls' local time."""
    return local_now().date()


def current_time(moment: datetime | None = None) -> datetime:
    """`moment` when given (it must carry a zone), else the clock."""
    if moment is None:
        return now()
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: give it a time zone")
    return moment


def local_date(moment: datetime) -> date:
    return moment.astimezone(LOCAL_ZONE).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The start of a local day and of the next one."""
    start = datetime.combine(day, time(), LOCAL_ZONE)
    return start, datetime.combine(day + timedelta(days=1), time(), LOCAL_ZONE)
