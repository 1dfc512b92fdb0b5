"""Builders for the recordings tests: WAV files, people of each role, a case with call attempts."""

from __future__ import annotations

import array
import io
import math
import wave
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt
from tests.desk.helpers import case, unit
from tests.users.helpers import accounts

MOBILE_E164 = "+8613812345678"
OTHER_E164 = "+8613912345678"
# The moment of the first call (local time), and the file names its recordings would have.
CALL_AT = datetime(2026, 12, 7, 10, 15, 0, tzinfo=LOCAL_ZONE)


def wav(
    seconds: float = 1.0,
    *,
    rate: int = 8000,
    channels: int = 1,
    width: int = 2,
    tone: float = 440.0,
) -> bytes:
    """A WAV file of a sine tone."""
    frames = int(seconds * rate)
    peak = {1: 100, 2: 12000, 4: 1_000_000_000}.get(width, 1000)
    samples = [int(peak * math.sin(2 * math.pi * tone * n / rate)) for n in range(frames)]
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        if width == 2:
            data = array.array("h", [s for s in samples for _ in range(channels)]).tobytes()
        elif width == 1:
            data = bytes((128 + s) & 0xFF for s in samples for _ in range(channels))
        else:
            data = b"".join(
                int(s).to_bytes(width, "little", signed=True)
                for s in samples
                for _ in range(channels)
            )
        writer.writeframes(data)
    return out.getvalue()


@dataclass
class World:
    admin: int
    lead: int
    operator: int
    auditor: int
    case_id: int
    attempt_id: int  # the operator's call to MOBILE at CALL_AT, 90 s long, call_ref "call-1"


def world(database: Database) -> World:
    people = accounts(database)
    with database.sessions.begin() as session:
        hall = unit(session)
        row = case(session, hall, "BDC2026120700001", date(2026, 12, 1))
        attempt = CallAttempt(
            case_id=row.id,
            attempted_at=CALL_AT,
            outcome="completed",
            phone_original="13812345678",
            phone_e164=MOBILE_E164,
            operator_id=people.operator,
            duration_seconds=90,
            telephony="baresip",
            call_ref="call-1",
            answered_at=CALL_AT + timedelta(seconds=5),
            ended_at=CALL_AT + timedelta(seconds=95),
            talk_seconds=90,
        )
        session.add(attempt)
        session.flush()
        return World(people.admin, people.lead, people.operator, people.auditor, row.id, attempt.id)


def add_attempt(
    database: Database,
    case_id: int,
    at: datetime,
    *,
    operator_id: int | None,
    phone: str | None = MOBILE_E164,
    seconds: int = 60,
    call_ref: str | None = None,
) -> int:
    with database.sessions.begin() as session:
        attempt = CallAttempt(
            case_id=case_id,
            attempted_at=at,
            outcome="completed",
            phone_e164=phone,
            phone_original=phone,
            operator_id=operator_id,
            duration_seconds=seconds,
            call_ref=call_ref,
        )
        session.add(attempt)
        session.flush()
        return attempt.id
