"""baresip (Debian `baresip-core`, 1.0) controlled through its TCP control module, ctrl_tcp.

The protocol, as baresip 1.0's modules/ctrl_tcp/ctrl_tcp.c and src/event.c have it: each message
is a netstring (`<length>:<bytes>,`, the length in decimal without leading zeros) holding one
JSON object.

    to baresip    {"command": "dial", "params": "sip:…", "token": "…"}   {"command": "hangup"}
    a response    {"response": true, "ok": true, "data": "…", "token": "…"}
    an event      {"event": true, "class": "call", "type": "CALL_RINGING", "direction":
                   "outgoing", "peeruri": "sip:…", "id": "<SIP Call-ID>", "param": "…"}

A call's events: CALL_RINGING (180) or CALL_PROGRESS (183), CALL_ESTABLISHED, CALL_CLOSED whose
param is the reason — a SIP status ("486 Busy Here", "480 Temporarily Unavailable"), "Local
timeout", or "Connection reset by user" when this side hung up. The dial's response carries no
call id in 1.0: the call is the next outgoing call event to the URI dialled, and its `id` is kept
as the attempt's call_ref. Other events (CALL_RTCP, CALL_LOCAL_SDP, REGISTER_OK, VU reports, …)
and incoming calls are ignored.

The seat's settings: the host and port baresip's `ctrl_tcp_listen` is on, and the template that
makes a number a SIP URI, with `{number}` (E.164, +8613812345678), `{digits}` (as dialled inside
China with the trunk 0: 13812345678, 053186123456) and `{extension}`.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import string
from dataclasses import dataclass
from typing import Any, Protocol

import phonenumbers

from app.clock import current_time
from app.i18n import pick
from app.telephony import BARESIP, Call, CallEvent, CallState, Telephone, TelephonyRefused, sip_code

logger = logging.getLogger(__name__)

MAX_FRAME = 64 * 1024  # baresip's events are well under 1 KB; anything this big is not baresip
_MAX_DIGITS = len(str(MAX_FRAME))
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4444  # ctrl_tcp's own default
DEFAULT_URI_TEMPLATE = "sip:{digits}@127.0.0.1:5060"
PLACEHOLDERS = ("number", "digits", "extension")
HANGUP_REASON = "Connection reset by user"  # ua_hangup's reason in baresip 1.0


class ProtocolError(Exception):
    """What came over the connection is not baresip's protocol (the connection is dropped)."""


def netstring(payload: bytes) -> bytes:
    return str(len(payload)).encode("ascii") + b":" + payload + b","


class NetstringReader:
    """Frames out of a byte stream that arrives in pieces of any size."""

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self.buffer = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        """The whole frames that `data` completes; raises ProtocolError on anything else."""
        self.buffer += data
        frames = []
        while self.buffer:
            colon = self.buffer.find(b":", 0, _MAX_DIGITS + 1)
            digits = bytes(self.buffer[: colon if colon >= 0 else _MAX_DIGITS + 1])
            if digits and not digits.isdigit():
                raise ProtocolError(f"no netstring length: {digits[:20]!r}")
            if colon < 0 and len(digits) > _MAX_DIGITS:
                raise ProtocolError(f"a netstring longer than {self.max_frame} bytes (at most)")
            if colon < 0:
                break  # the length is still arriving
            if not digits or (len(digits) > 1 and digits.startswith(b"0")):
                raise ProtocolError(f"bad netstring length: {digits[:20]!r}")
            length = int(digits)
            if length > self.max_frame:
                raise ProtocolError(f"netstring of {length} bytes (at most {self.max_frame})")
            end = colon + 1 + length
            if len(self.buffer) <= end:
                break  # the frame is still arriving
            if self.buffer[end] != ord(","):
                raise ProtocolError("netstring without its closing comma")
            frames.append(bytes(self.buffer[colon + 1 : end]))
            del self.buffer[: end + 1]
        return frames

    def clear(self) -> None:
        self.buffer.clear()


def command(name: str, params: str | None = None, token: str | None = None) -> bytes:
    message: dict[str, Any] = {"command": name}
    if params is not None:
        message["params"] = params
    if token is not None:
        message["token"] = token
    return netstring(json.dumps(message, ensure_ascii=False).encode("utf-8"))


@dataclass(frozen=True)
class Response:
    ok: bool
    data: str
    token: str | None


@dataclass(frozen=True)
class Event:
    type: str
    event_class: str
    call_id: str | None
    direction: str | None
    peer_uri: str | None
    param: str | None


def parse_message(frame: bytes) -> Response | Event | None:
    """A frame's message; None when it is neither (ignored); ProtocolError when not JSON."""
    try:
        message = json.loads(frame.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ProtocolError(f"not JSON: {error}") from error
    if not isinstance(message, dict):
        raise ProtocolError("not a JSON object")

    def text(key: str) -> str | None:
        value = message.get(key)
        return value if isinstance(value, str) else None

    if message.get("response") in (True, "true"):
        return Response(message.get("ok") in (True, "true"), text("data") or "", text("token"))
    if message.get("event") in (True, "true"):
        return Event(
            type=text("type") or "",
            event_class=text("class") or "",
            call_id=text("id"),
            direction=text("direction"),
            peer_uri=text("peeruri"),
            param=text("param"),
        )
    return None


_CALL_STATES = {
    "CALL_RINGING": CallState.RINGING,
    "CALL_PROGRESS": CallState.RINGING,
    "CALL_ESTABLISHED": CallState.ANSWERED,
    "CALL_CLOSED": CallState.ENDED,  # FAILED when it was never answered (app.telephony.Call)
}


def national_digits(e164: str) -> str:
    """The number as dialled inside its country (with the trunk 0 where there is one)."""
    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164.lstrip("+")
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(c for c in national if c.isdigit()) or e164.lstrip("+")


_URI_CHARACTERS = re.compile(r"[A-Za-z0-9\-_.!~*'()&=+$,;?/:@%\[\]{}]+")


def check_uri_template(template: str) -> str:
    template = template.strip()
    problem = None
    if not template.lower().startswith(("sip:", "sips:")):
        problem = pick("须以 sip: 或 sips: 开头", "it must begin with sip: or sips:")
    elif len(template) > 200 or not _URI_CHARACTERS.fullmatch(template):
        problem = pick(
            "含空格或 SIP 地址中不能有的字符", "it has spaces or characters a SIP URI cannot"
        )
    else:
        try:
            fields = [f for _t, f, _s, _c in string.Formatter().parse(template) if f is not None]
        except ValueError as error:
            fields, problem = [], str(error)
        if problem is None and any(f not in PLACEHOLDERS for f in fields):
            problem = pick(
                "花括号中只能是 number、digits 或 extension",
                "only {number}, {digits} or {extension} may be in braces",
            )
        elif problem is None and not {"number", "digits"} & set(fields):
            problem = pick("须含 {number} 或 {digits}", "it needs {number} or {digits}")
    if problem:
        raise TelephonyRefused(
            pick(
                f"SIP 地址模板无法使用：{problem}",
                f"The SIP URI template cannot be used: {problem}",
            ),
            "baresip_uri",
        )
    return template


def sip_uri(template: str, e164: str, extension: str | None = None) -> str:
    return check_uri_template(template).format(
        number=e164, digits=national_digits(e164), extension=extension or ""
    )


def check_host(host: str) -> str:
    host = host.strip()
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    if host and len(host) <= 253 and re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?", host):
        return host
    raise TelephonyRefused(
        pick(
            "baresip 的地址应是 IP 地址或主机名", "baresip's host is an IP address or a host name"
        ),
        "baresip_host",
    )


def check_port(port: str | int) -> int:
    text = str(port).strip()
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise TelephonyRefused(
        pick("端口应是 1–65535 之间的整数", "The port is a whole number from 1 to 65535"),
        "baresip_port",
    )


@dataclass(frozen=True)
class BaresipSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    uri_template: str = DEFAULT_URI_TEMPLATE

    @classmethod
    def checked(cls, host: str, port: str | int, uri_template: str) -> BaresipSettings:
        return cls(check_host(host), check_port(port), check_uri_template(uri_template))


class Transport(Protocol):
    """The connection to baresip, given by the interface: `send` connects when needed and
    queues until connected; what arrives goes to `BaresipTelephone.received`, a lost or refused
    connection to `BaresipTelephone.connection_failed`."""

    def send(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class BaresipTelephone(Telephone):
    kind = BARESIP
    reports = True

    def __init__(self, settings: BaresipSettings, transport: Transport) -> None:
        super().__init__()
        self.settings = settings
        self.transport = transport
        self.reader = NetstringReader()
        self.uri: str | None = None
        self.token = 0
        self.dial_token: str | None = None
        self.finished_refs: set[str] = set()
        self.hanging_up = False

    def _start(self, call: Call) -> None:
        self.uri = sip_uri(self.settings.uri_template, call.permit.e164, call.permit.extension)
        self.token += 1
        self.dial_token = f"dial-{self.token}"
        self.hanging_up = False
        self.transport.send(command("dial", self.uri, self.dial_token))

    def hang_up(self) -> bool:
        call = self.call
        if call is None or call.finished:
            return False
        self.hanging_up = True
        if call.call_ref is None and call.state == CallState.DIALLING:
            # baresip has not said it is calling: end it here too, whatever it answers.
            self.transport.send(command("hangup"))
            self._report(CallState.ENDED, HANGUP_REASON, by_us=True)
            return True
        self.transport.send(command("hangup"))
        return True

    def close(self) -> None:
        self.transport.close()
        self.reader.clear()

    # What baresip sends

    def received(self, data: bytes) -> None:
        try:
            frames = self.reader.feed(data)
        except ProtocolError as error:
            logger.warning("baresip: %s", error)
            self.reader.clear()
            self.transport.close()
            self.connection_failed(
                pick(
                    "baresip 的控制连接收到无法识别的数据，已断开",
                    "baresip's control connection sent something unreadable and was closed",
                )
            )
            return
        for frame in frames:
            try:
                message = parse_message(frame)
            except ProtocolError as error:
                logger.warning("baresip: ignoring a frame: %s", error)
                continue
            if isinstance(message, Response):
                self._response(message)
            elif isinstance(message, Event):
                self._event(message)

    def connection_failed(self, message: str) -> None:
        """The connection is refused or lost: a call under way is over, as far as we can know."""
        self.reader.clear()
        if self.call is not None and not self.call.finished:
            self._report(CallState.FAILED, message, telephone_problem=True)

    def _response(self, response: Response) -> None:
        if response.token == self.dial_token and not response.ok:
            self._report(
                CallState.FAILED,
                pick(
                    f"baresip 无法拨号：{response.data or '未说明原因'}",
                    f"baresip could not dial: {response.data or 'no reason given'}",
                ),
                telephone_problem=True,
            )

    def _event(self, event: Event) -> None:
        state = _CALL_STATES.get(event.type)
        call = self.call
        if state is None or event.event_class not in ("call", "") or call is None:
            return
        if event.direction not in (None, "outgoing") or call.finished:
            return
        if event.call_id in self.finished_refs:
            return  # a late report of an earlier call
        if call.call_ref is None:
            if event.peer_uri and self.uri and event.peer_uri.lower() != self.uri.lower():
                return  # another call than ours
        elif event.call_id and event.call_id != call.call_ref:
            return
        by_us = self.hanging_up or event.param == HANGUP_REASON
        self._report(state, event.param, call_ref=event.call_id, by_us=by_us)

    def _report(
        self,
        state: CallState,
        reason: str | None,
        *,
        call_ref: str | None = None,
        by_us: bool = False,
        telephone_problem: bool = False,
    ) -> None:
        finishing = state in (CallState.ENDED, CallState.FAILED)
        self.report(
            CallEvent(
                state=state,
                at=current_time(),
                call_ref=call_ref,
                sip_code=sip_code(reason) if finishing else None,
                reason=reason if finishing else None,
                by_us=by_us,
                telephone_problem=telephone_problem,
            )
        )
        if self.call is not None and self.call.finished and self.call.call_ref:
            self.finished_refs.add(self.call.call_ref)
