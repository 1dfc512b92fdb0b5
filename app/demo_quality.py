"""Demo calls through a softphone, their recordings, a quality inspection and a do-not-call mark
(issue 22) — made through the same functions the desk, the recordings folder and the team lead
use, so that a newcomer sees each working on the demo database.

Runs after the demo's queue is filled (cli/demo.py): the demo operator takes the next cases
(`next_case`, a claim of its own each, as F2 does), then in one transaction saves four
completed calls with what baresip reported and one call where the respondent asks never to be
called again (the outcome marks the number and ends the case's entry); each completed call's
recording — a few seconds of two quiet tones, the operator's side left and the respondent's
right, joined as the recordings folder joins baresip's halves — is kept and filed to its call by
the app's matching; one PBX recording of a number nobody called waits in the tray. The team
lead draws a quality sample of the operator's calls with the demo's seed and scores two of them
(one full marks, one with a note on a non-critical criterion: no corrective action).

Times are the last calling hours before the demo's clock, randomness the demo's seed: the same seed on the
same queue gives the same calls. Does nothing when the database already holds a recording or a
quality sample, or lacks the demo's operator and team lead.
"""

from __future__ import annotations

import io
import math
import random
import sys
import wave
from array import array
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app import clock
from app.calendar import CalendarUnknownError, WorkingCalendar
from app.desk.calls import DO_NOT_CALL, FormAAnswers, record_failed_call, save_form_a
from app.desk.queue import QueueItem, next_case, release_claim
from app.desk.retries import CallingHours
from app.quality.sampling import SEED_LIMIT, draw_sample
from app.quality.scorecard import scorecard
from app.quality.scoring import sample_reviews, score_review
from app.ratings import Rating
from app.recordings.filing import add_recording
from app.recordings.matching import FILED, TRAY
from app.recordings.names import read_name
from app.recordings.wav import stereo_pair
from app.scanning.store import AttachmentStore
from app.telephony import BARESIP, CallFacts
from app.telephony.baresip import HANGUP_REASON
from app.users import staff_by_username
from app.zone import LOCAL_ZONE
from db.models import CallRecording, CasePhone, QcSample
from db.transactions import write_transaction

__all__ = ["QualityDemoResult", "fill_quality_demo"]

OPERATOR_USERNAME = "operator"  # app.users' demo accounts
LEAD_USERNAME = "lead"
RATE = 8000  # a telephone's rate; 16-bit samples
AMPLITUDE = 0.12  # of full scale: quiet
SAMPLE_SIZE = 3
CALLS_SPAN = timedelta(minutes=50)  # the five calls, nine minutes apart, and their saves
_LOOK_BACK_DAYS = 30
PEER_HANGUP = "Connection reset by peer"  # baresip's reason when the other side hangs up
# The calls, in the order made: Form A answers of a completed call, or the do-not-call outcome.
_S, _V, _A = Rating.SATISFIED, Rating.VERY_SATISFIED, Rating.AVERAGE
_CALLS: tuple[tuple[tuple[Rating, Rating, Rating, Rating], str | None] | None, ...] = (
    ((_V, _V, _V, _V), "工作人员讲解很耐心，材料一次就交齐了"),
    ((_S, _A, _S, _S), "希望周末也能办理抵押登记"),
    None,  # 要求勿扰: the respondent asks never to be called again
    ((_S, _S, _S, _S), None),
    ((_V, _S, _V, _S), "线上预约很方便"),
)
_DO_NOT_CALL_NOTE = "被回访人表示已多次接到回访电话，明确要求今后不再来电"
_LOWER_NOTE = "开头只说了“您好”，未报单位名称"
_REVIEW_NOTE = "逐项询问完整，记录如实；开头用语须报单位名称"
_TRAY_NUMBER_ATTEMPTS = 50


@dataclass
class QualityDemoResult:
    """What fill_quality_demo added."""

    calls: int = 0  # attempts saved (completed and do-not-call)
    recordings_filed: int = 0
    recordings_in_tray: int = 0
    sample_id: int | None = None
    scored: int = 0
    do_not_call: list[str] = field(default_factory=list)  # the numbers marked (E.164)


def fill_quality_demo(
    database, *, seed: int = 2026, now: datetime | None = None
) -> QualityDemoResult:
    """Add the issue 22 demo (see the module's note) to the demo database `database`."""
    result = QualityDemoResult()
    now = clock.current_time(now)
    rng = random.Random(f"quality-demo:{seed}")
    with database.sessions() as session:
        operator = staff_by_username(session, OPERATOR_USERNAME)
        lead = staff_by_username(session, LEAD_USERNAME)
        if operator is None or lead is None or _filled_before(session):
            return result
        operator_id, lead_id = operator.id, lead.id
    # The operator presses "next case" for each call (a claim is a transaction of its own).
    items: list[QueueItem] = []
    for _try in range(len(_CALLS) * 2):
        if len(items) == len(_CALLS):
            break
        item = next_case(database, operator_id, now=now)
        if item is None:
            break
        items.append(item)
    store = AttachmentStore.for_database(database)
    with write_transaction(database) as session:
        calls = [item for item in items if _number(item) is not None][: len(_CALLS)]
        kept = {item.entry_id for item in calls}
        for item in items:
            if item.entry_id not in kept:  # no number to dial: given back as the desk would
                release_claim(session, item.entry_id, operator_id)
        plan = list(_CALLS) if len(calls) >= len(_CALLS) else [c for c in _CALLS if c][: len(calls)]
        start = _calls_start(session, now)
        first_day, last_saved = None, start
        for index, (item, call) in enumerate(zip(calls, plan, strict=False)):
            dialled = start + timedelta(minutes=9 * index, seconds=rng.randrange(40))
            answered = dialled + timedelta(seconds=rng.randrange(6, 18))
            talk = rng.randrange(95, 170) if call else rng.randrange(20, 35)
            ended = answered + timedelta(seconds=talk)
            saved = ended + timedelta(seconds=rng.randrange(25, 50))
            facts = CallFacts(
                telephony=BARESIP,
                dialled_at=dialled,
                call_ref=f"{rng.getrandbits(64):016x}",
                answered_at=answered,
                ended_at=ended,
                end_reason=HANGUP_REASON if call else PEER_HANGUP,
            )
            number = _number(item)
            seconds = int((ended - dialled).total_seconds())
            first_day = first_day or clock.local_date(dialled)
            if call is None:
                record_failed_call(
                    session,
                    item.entry_id,
                    operator_id,
                    DO_NOT_CALL,
                    phone_e164=number,
                    note=_DO_NOT_CALL_NOTE,
                    duration_seconds=seconds,
                    call=facts,
                    now=saved,
                )
                result.do_not_call.append(number)
            else:
                (overall, efficiency, attitude, materials), suggestion = call
                save_form_a(
                    session,
                    item.entry_id,
                    operator_id,
                    FormAAnswers(
                        overall=overall,
                        efficiency=efficiency,
                        attitude=attitude,
                        materials=materials,
                        integrity_breach=False,
                        suggestion=suggestion,
                    ),
                    duration_seconds=seconds,
                    phone_e164=number,
                    call=facts,
                    now=saved,
                )
                # baresip's sndfile names the call by the second it answered; the seat's folder
                # import joins the two halves and files the call by its operator and time.
                stamp = answered.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d-%H-%M-%S")
                added = add_recording(
                    session,
                    store,
                    _call_wav(rng, index),
                    f"dump-{stamp}.wav",
                    recorded_at=answered.replace(microsecond=0),
                    actor_id=operator_id,
                    operator_id=operator_id,
                    now=saved,
                )
                if added.status == FILED:
                    result.recordings_filed += 1
            result.calls += 1
            last_saved = saved
        _tray_recording(session, store, rng, start - timedelta(minutes=40), lead_id, result)
        completed = sum(1 for call in plan[: len(calls)] if call)
        if completed:  # the lead listens in a quarter of an hour later
            inspected = min(now, last_saved + timedelta(minutes=15))
            _inspect(session, operator_id, lead_id, first_day, inspected, seed, result)
    return result


def _calls_start(session, now: datetime) -> datetime:
    """When the first call is dialled: the calls fill the last CALLS_SPAN of calling hours on a
    working day before `now` (the desk calls only then, W 7.1.3.3), or the CALLS_SPAN before
    `now` when the calendar does not know those days."""
    hours, calendar = CallingHours.from_settings(session), WorkingCalendar.load(session)
    local = now.astimezone(LOCAL_ZONE)
    day = local.date()
    try:
        for _day in range(_LOOK_BACK_DAYS):
            if calendar.is_working_day(day):
                for opens, closes in reversed(hours.spans()):
                    end = min(local, datetime.combine(day, closes, LOCAL_ZONE))
                    if end - datetime.combine(day, opens, LOCAL_ZONE) >= CALLS_SPAN:
                        return (end - CALLS_SPAN).replace(second=0, microsecond=0)
            day -= timedelta(days=1)
    except CalendarUnknownError:
        pass
    return (now - CALLS_SPAN).replace(second=0, microsecond=0)


def _filled_before(session) -> bool:
    return bool(
        session.scalar(select(func.count(CallRecording.id)))
        or session.scalar(select(func.count(QcSample.id)))
    )


def _number(item: QueueItem) -> str | None:
    """The number the call screen offers (None: the case has none to dial)."""
    if not item.phones or not 0 <= item.next_phone_index < len(item.phones):
        return None
    phone = item.phones[item.next_phone_index]
    return None if phone.do_not_call else phone.e164


def _tray_recording(session, store, rng, at: datetime, actor_id: int, result) -> None:
    """A PBX recording of a number no call dialled: it waits in the tray to be filed by hand."""
    taken = set(session.scalars(select(CasePhone.e164).where(CasePhone.e164.is_not(None))))
    for _try in range(_TRAY_NUMBER_ATTEMPTS):
        digits = f"139{rng.randrange(10**8):08d}"
        name = read_name(f"{digits}_{at.astimezone(LOCAL_ZONE):%Y%m%d-%H%M%S}.wav")
        if name.phone_e164 and name.phone_e164 not in taken:
            break
    else:
        return
    added = add_recording(
        session,
        store,
        _call_wav(rng, len(_CALLS)),
        f"{digits}_{at.astimezone(LOCAL_ZONE):%Y%m%d-%H%M%S}.wav",
        recorded_at=name.recorded_at or at,
        actor_id=actor_id,
        phone_e164=name.phone_e164,
    )
    if added.status == TRAY:
        result.recordings_in_tray += 1


def _inspect(session, operator_id, lead_id, first_day, now, seed, result) -> None:
    """The lead's quality sample of the operator's calls, two of them scored."""
    drawn = draw_sample(
        session,
        operator_id,
        first_day,
        clock.local_date(now),
        SAMPLE_SIZE,
        seed=seed % SEED_LIMIT,
        by_id=lead_id,
        now=now,
    )
    result.sample_id = drawn.sample_id
    card = scorecard(session)
    full = {criterion.code: criterion.weight for criterion in card}
    lower = next((c for c in card if not c.critical and c.weight >= 4), None)
    reviews = sample_reviews(session, drawn.sample_id, by_id=lead_id)
    if reviews:
        score_review(session, reviews[0].review_id, full, by_id=lead_id, now=now)
        result.scored += 1
    if len(reviews) > 1:
        points, notes = dict(full), {}
        if lower is not None:
            points[lower.code] = lower.weight - 4
            notes[lower.code] = _LOWER_NOTE
        score_review(
            session,
            reviews[1].review_id,
            points,
            notes=notes,
            note=_REVIEW_NOTE if lower is not None else None,
            by_id=lead_id,
            now=now,
        )
        result.scored += 1


# A recording: two quiet tones taking turns, the operator's left, the respondent's right


def _call_wav(rng: random.Random, index: int) -> bytes:
    """A short stereo 8 kHz 16-bit WAV, different for every `index` (kept once by SHA-256)."""
    seconds = 3 + index % 3
    frames = RATE * seconds
    operator, respondent = array("h", bytes(2 * frames)), array("h", bytes(2 * frames))
    tones = (440.0 + 20 * index, 587.0 + 15 * index)
    position, speaker = 0, 0
    while position < frames:
        turn = min(frames - position, int(RATE * rng.uniform(0.6, 1.2)))
        _tone((operator, respondent)[speaker], position, turn, tones[speaker])
        position += turn + RATE // 10  # a pause between turns
        speaker = 1 - speaker
    return stereo_pair(_mono_wav(operator), _mono_wav(respondent))


def _tone(samples: array, start: int, length: int, frequency: float) -> None:
    fade = min(RATE // 50, length // 2)  # 20 ms in and out: no click
    peak = AMPLITUDE * 32767
    step = 2 * math.pi * frequency / RATE
    for offset in range(length):
        gain = min(1.0, offset / fade, (length - offset) / fade) if fade else 1.0
        samples[start + offset] = int(peak * gain * math.sin(step * offset))


def _mono_wav(samples: array) -> bytes:
    if sys.byteorder == "big":  # WAV holds its samples little-endian
        samples = array("h", samples)
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(samples.tobytes())
    return out.getvalue()
