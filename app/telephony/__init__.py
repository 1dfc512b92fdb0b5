"""The telephone a seat dials with: one interface, one small module per kind.

    tel.py      the system's `tel:` handler: hands the number over, reports nothing more
    command.py  a seat's softphone command line: runs it, reports nothing more
    baresip.py  the baresip SIP softphone through its TCP control interface (ctrl_tcp): dials,
                reports ringing, answered and closed (with the SIP code), and hangs up

A kind is a `Telephone`: `dial(permit)` starts a call and returns the `Call` it follows,
`hang_up()` ends it; a telephone that reports hands every change to its `listener` as a
`CallEvent`. Nothing here imports Qt: a kind that talks over a network is given a transport by
the interface (`ui/desk/dialer.py` gives baresip a QTcpSocket) and fed what arrives.

Every dial, by any path, needs a `DialPermit`, and `permit_dial` is the one function that makes
one: it refuses a number marked do-not-call (app.desk.do_not_call) first. A centre's own PBX
(Asterisk AMI, FreeSWITCH ESL) is one more module with a `Telephone` subclass and a line in
`KINDS` — the desk only knows this interface (ARCHITECTURE.md).
"""

from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from app.clock import current_time
from app.desk.do_not_call import require_callable
from app.errors import Refused
from app.i18n import pick

logger = logging.getLogger(__name__)

TEL, COMMAND, BARESIP = "tel", "command", "baresip"


class CallState(StrEnum):
    DIALLING = "dialling"
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"  # answered, then hung up by either side
    FAILED = "failed"  # never answered: busy, no answer, unreachable, or the telephone failed


FINISHED = (CallState.ENDED, CallState.FAILED)


@dataclass(frozen=True)
class CallEvent:
    """A change of a call as its telephone reported it."""

    state: CallState
    at: datetime
    call_ref: str | None = None  # the telephone's own id for the call (baresip: the SIP Call-ID)
    sip_code: int | None = None  # a failure's SIP status, e.g. 486
    reason: str | None = None  # e.g. "486 Busy Here", "Local timeout", "Connection reset by user"
    by_us: bool = False  # ended or failed because this seat hung up
    telephone_problem: bool = False  # the telephone itself failed (not running, refused, lost)


class TelephonyRefused(Refused, ValueError):
    """A seat's telephone settings that cannot work, or a number it cannot dial; `key` names the
    setting to correct."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class DialPermit:
    """A number cleared for dialling just now (made only by `permit_dial`)."""

    e164: str
    extension: str | None
    checked_at: datetime
    _token: object = field(default=None, repr=False, compare=False)


_PERMIT_TOKEN = object()
E164 = re.compile(r"\+[1-9][0-9]{6,14}")
EXTENSION = re.compile(r"[0-9]{1,8}")


def permit_dial(
    session: Session, e164: str | None, extension: str | None = None, *, now=None
) -> DialPermit:
    """The one door to dialling: the number is a dialable E.164 and not marked do-not-call."""
    if not e164 or not E164.fullmatch(e164):
        raise TelephonyRefused(pick("这个号码无效，无法拨打", "This number cannot be dialled"))
    if extension is not None and not EXTENSION.fullmatch(extension):
        extension = None  # an extension the network cannot take is said by the operator
    require_callable(session, e164)
    return DialPermit(e164, extension, current_time(now), _PERMIT_TOKEN)


def _checked(permit: DialPermit) -> DialPermit:
    if not isinstance(permit, DialPermit) or permit._token is not _PERMIT_TOKEN:
        raise TelephonyRefused(
            pick("拨号须先经过“不再来电”检查", "A number is dialled only once it is checked")
        )
    return permit


@dataclass(frozen=True)
class CallFacts:
    """What an attempt keeps of the call (CallAttempt's telephony columns)."""

    telephony: str
    dialled_at: datetime
    call_ref: str | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    end_reason: str | None = None

    @property
    def talk_seconds(self) -> int | None:
        if self.answered_at is None or self.ended_at is None:
            return None
        return max(0, round((self.ended_at - self.answered_at).total_seconds()))

    def to_dict(self) -> dict[str, str | None]:
        """As kept in a draft file (ui.drafts): texts and ISO times."""
        return {
            "telephony": self.telephony,
            "dialled_at": self.dialled_at.isoformat(),
            "call_ref": self.call_ref,
            "answered_at": self.answered_at.isoformat() if self.answered_at else None,
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "end_reason": self.end_reason,
        }

    @classmethod
    def from_dict(cls, data: object) -> CallFacts | None:
        """What `to_dict` made, or None when it is not that (a damaged draft loses only this)."""
        if not isinstance(data, dict):
            return None
        try:

            def moment(key: str) -> datetime | None:
                value = data.get(key)
                return datetime.fromisoformat(value) if isinstance(value, str) else None

            def text(key: str) -> str | None:
                value = data.get(key)
                return value if isinstance(value, str) else None

            dialled = moment("dialled_at")
            telephony = text("telephony")
            if dialled is None or dialled.tzinfo is None or not telephony:
                return None
            return cls(
                telephony=telephony,
                dialled_at=dialled,
                call_ref=text("call_ref"),
                answered_at=moment("answered_at"),
                ended_at=moment("ended_at"),
                end_reason=text("end_reason"),
            )
        except ValueError:
            return None

    def sane(self, now: datetime) -> CallFacts:
        """The facts with what cannot be true left out: times in order, none after `now` (a
        minute's grace), none a day before it; texts cut to their columns."""
        grace = timedelta(minutes=1)
        dialled = self.dialled_at
        if dialled.tzinfo is None or not now - timedelta(days=1) <= dialled <= now + grace:
            dialled = now
        answered = self.answered_at
        if answered is not None and (
            answered.tzinfo is None or not dialled <= answered <= now + grace
        ):
            answered = None
        ended = self.ended_at
        start = answered or dialled
        if ended is not None and (ended.tzinfo is None or not start <= ended <= now + grace):
            ended = None
        return replace(
            self,
            telephony=self.telephony[:20],
            dialled_at=min(dialled, now),
            call_ref=(self.call_ref or "")[:200] or None,
            answered_at=answered,
            ended_at=ended,
            end_reason=(self.end_reason or "")[:200] or None,
        )


class Call:
    """One call's state machine: the events a telephone reports, in the order they may come.

    Events out of order (an answer after the end, a ringing after the answer) and events of
    another call are ignored, so a late or stray report never rewrites what happened."""

    def __init__(self, telephony: str, permit: DialPermit, dialled_at: datetime) -> None:
        self.telephony = telephony
        self.permit = permit
        self.state = CallState.DIALLING
        self.call_ref: str | None = None
        self.dialled_at = dialled_at
        self.answered_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.last: CallEvent = CallEvent(CallState.DIALLING, dialled_at)
        self.rang = False

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    def apply(self, event: CallEvent) -> bool:
        """Take `event` into the call; False when it changes nothing (ignored)."""
        if self.finished:
            return False
        if event.call_ref and self.call_ref and event.call_ref != self.call_ref:
            return False
        order = [CallState.DIALLING, CallState.RINGING, CallState.ANSWERED]
        state = event.state
        if state == CallState.ENDED and self.answered_at is None:
            state = CallState.FAILED  # closed before anyone answered
        elif state == CallState.FAILED and self.answered_at is not None:
            state = CallState.ENDED  # closed after an answer: a call that took place
        if state in order and order.index(state) <= order.index(self.state):
            return False
        if event.call_ref and self.call_ref is None:
            self.call_ref = event.call_ref
        if state == CallState.RINGING:
            self.rang = True
        if state == CallState.ANSWERED:
            self.answered_at = event.at
        if state in FINISHED:
            self.ended_at = event.at
        self.state = state
        self.last = replace(event, state=state)
        return True

    def facts(self) -> CallFacts:
        return CallFacts(
            telephony=self.telephony,
            dialled_at=self.dialled_at,
            call_ref=self.call_ref,
            answered_at=self.answered_at,
            ended_at=self.ended_at,
            end_reason=self.last.reason if self.finished else None,
        )

    def proposed_outcome(self) -> str | None:
        if self.state != CallState.FAILED:
            return None
        return proposed_outcome(self.last, rang=self.rang)


# SIP status → the outcome code of app/outcomes.py that a failed call of it is.
NO_ANSWER_CODES = frozenset({408, 480, 487})
BUSY_CODES = frozenset({486, 600})
UNREACHABLE_CODES = frozenset({404, 410, 484, 503, 604})
_NO_ANSWER_REASONS = ("timeout", "time out", "timed out")
SIP_STATUS = re.compile(r"\s*([1-6][0-9]{2})(?:\s|$)")


def sip_code(reason: str | None) -> int | None:
    """The SIP status at the start of a reason such as "486 Busy Here"."""
    match = SIP_STATUS.match(reason or "")
    return int(match.group(1)) if match else None


def proposed_outcome(event: CallEvent, *, rang: bool = False) -> str | None:
    """The outcome code a failed call is proposed as, or None when the telephone cannot say
    (the operator chooses): no answer, busy or unreachable."""
    if event.state != CallState.FAILED or event.telephone_problem:
        return None
    code = event.sip_code if event.sip_code is not None else sip_code(event.reason)
    if code in NO_ANSWER_CODES:
        return "no_answer"
    if code in BUSY_CODES:
        return "busy"
    if code in UNREACHABLE_CODES:
        return "unreachable"
    if code is None and any(word in (event.reason or "").lower() for word in _NO_ANSWER_REASONS):
        return "no_answer"
    if event.by_us and rang:
        return "no_answer"  # it rang until the operator gave up
    return None


Listener = Callable[[CallEvent], None]


class Telephone(ABC):
    """A kind of telephone. `reports` says whether it follows the call after dialling."""

    kind: str = ""
    reports: bool = False

    def __init__(self) -> None:
        self.listener: Listener | None = None
        self.call: Call | None = None

    def dial(self, permit: DialPermit, *, now=None) -> Call:
        """Start a call to the permitted number; raises TelephonyRefused when it cannot."""
        permit = _checked(permit)
        if self.call is not None and not self.call.finished:
            raise TelephonyRefused(
                pick("还有一个通话没有结束，请先挂断", "A call is still on: hang up first")
            )
        call = Call(self.kind, permit, current_time(now))
        self._start(call)
        self.call = call
        return call

    @abstractmethod
    def _start(self, call: Call) -> None:
        """Hand the call to the telephone (raise TelephonyRefused when it cannot)."""

    def hang_up(self) -> bool:
        """End the call under way; False when there is none this telephone can end."""
        return False

    def close(self) -> None:
        """Let go of what the telephone holds (a connection)."""
        return None

    def report(self, event: CallEvent) -> None:
        """Take an event into the current call and tell the listener when it changed it."""
        if self.call is None or not self.call.apply(event):
            return
        if self.listener is not None:
            self.listener(self.call.last)


@dataclass(frozen=True)
class KindInfo:
    code: str
    title: str
    title_en: str


KINDS: dict[str, KindInfo] = {
    TEL: KindInfo(TEL, "系统电话程序（tel: 链接）", "The system's telephone (tel: link)"),
    COMMAND: KindInfo(COMMAND, "软电话命令", "A softphone command"),
    BARESIP: KindInfo(BARESIP, "baresip 软电话（由本程序控制）", "baresip, controlled by the app"),
}


def kind_title(code: str) -> str:
    info = KINDS.get(code)
    return pick(info.title, info.title_en) if info else code
