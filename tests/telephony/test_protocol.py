"""baresip's ctrl_tcp protocol without baresip: netstrings split anyhow, malformed and huge frames,
events of other calls and unknown events, the SIP URI template and the seat's settings."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.telephony import CallState, DialPermit, TelephonyRefused
from app.telephony.baresip import (
    MAX_FRAME,
    BaresipSettings,
    BaresipTelephone,
    NetstringReader,
    ProtocolError,
    check_uri_template,
    command,
    national_digits,
    netstring,
    parse_message,
    sip_uri,
)
from app.telephony.command import check_command, dial_arguments
from app.zone import LOCAL_ZONE

NOW = datetime(2026, 11, 20, 14, tzinfo=LOCAL_ZONE)


def test_netstrings_split_across_reads_at_every_byte_come_out_whole() -> None:
    frames = [b'{"event":true}', b"", "中文".encode(), b"x" * 1000]
    stream = b"".join(netstring(f) for f in frames)
    for size in (1, 2, 3, 7, len(stream)):
        reader = NetstringReader()
        out = []
        for start in range(0, len(stream), size):
            out += reader.feed(stream[start : start + size])
        assert out == frames, size
        assert reader.buffer == b""


@pytest.mark.parametrize(
    "data",
    [
        b"abc:def,",  # no length
        b"01:x,",  # a leading zero
        b":x,",  # an empty length
        b"3:abcX",  # no closing comma
        b"9" * 20,  # a length that never ends
        str(MAX_FRAME + 1).encode() + b":",  # too big: refused before it is read
        b"-1:x,",
    ],
)
def test_malformed_or_huge_frames_are_refused(data: bytes) -> None:
    with pytest.raises(ProtocolError):
        NetstringReader().feed(data)


def test_a_huge_announced_frame_is_refused_without_waiting_for_its_bytes() -> None:
    reader = NetstringReader()
    with pytest.raises(ProtocolError, match="at most"):
        reader.feed(b"999999999:")


def test_commands_are_netstrings_of_json() -> None:
    frame = command("dial", "sip:+8613812345678@127.0.0.1", "t1")
    (payload,) = NetstringReader().feed(frame)
    assert json.loads(payload) == {
        "command": "dial",
        "params": "sip:+8613812345678@127.0.0.1",
        "token": "t1",
    }
    assert json.loads(NetstringReader().feed(command("hangup"))[0]) == {"command": "hangup"}


def test_messages_are_told_apart_and_anything_else_is_ignored() -> None:
    response = parse_message(b'{"response":true,"ok":false,"data":"EINVAL","token":"t"}')
    assert response.ok is False and response.token == "t"
    event = parse_message(
        b'{"event":"true","class":"call","type":"CALL_CLOSED","id":"a1","param":"486 Busy Here",'
        b'"direction":"outgoing","peeruri":"sip:1@h"}'
    )
    assert (event.type, event.call_id, event.param) == ("CALL_CLOSED", "a1", "486 Busy Here")
    assert parse_message(b'{"hello":1}') is None
    assert parse_message(b'{"event":true,"type":5,"id":[1]}').type == ""
    for bad in (b"not json", b"[1,2]", b"\xff\xfe"):
        with pytest.raises(ProtocolError):
            parse_message(bad)


class FakeTransport:
    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.closed = 0

    def send(self, data: bytes) -> None:
        self.sent += [json.loads(f) for f in NetstringReader().feed(data)]

    def close(self) -> None:
        self.closed += 1


def permit(e164: str = "+8613812345678") -> DialPermit:
    from app.telephony import _PERMIT_TOKEN

    return DialPermit(e164, None, NOW, _PERMIT_TOKEN)


def event(type_: str, *, id_: str = "c1", param: str | None = None, **more) -> bytes:
    message = {
        "event": True,
        "class": "call",
        "type": type_,
        "direction": "outgoing",
        "peeruri": "sip:13812345678@127.0.0.1:5060",
        "id": id_,
        **more,
    }
    if param is not None:
        message["param"] = param
    return netstring(json.dumps(message).encode())


def telephone() -> tuple[BaresipTelephone, FakeTransport, list]:
    transport = FakeTransport()
    phone = BaresipTelephone(BaresipSettings(), transport)
    seen: list = []
    phone.listener = seen.append
    return phone, transport, seen


def test_a_call_rings_is_answered_and_hung_up(stop_clock) -> None:
    stop_clock(NOW)
    phone, transport, seen = telephone()
    call = phone.dial(permit())
    assert transport.sent == [
        {"command": "dial", "params": "sip:13812345678@127.0.0.1:5060", "token": "dial-1"}
    ]
    stream = (
        event("CALL_LOCAL_SDP", param="offer")
        + event("CALL_RINGING")
        + event("CALL_RTCP", param="audio")
        + event("CALL_ESTABLISHED")
    )
    phone.received(stream[:50])
    phone.received(stream[50:])
    assert [e.state for e in seen] == [CallState.RINGING, CallState.ANSWERED]
    assert call.call_ref == "c1" and call.answered_at == NOW
    assert phone.hang_up() and transport.sent[-1] == {"command": "hangup"}
    phone.received(event("CALL_CLOSED", param="Connection reset by user"))
    assert call.state == CallState.ENDED and call.proposed_outcome() is None
    assert call.facts().end_reason == "Connection reset by user"
    phone.received(event("CALL_ESTABLISHED"))  # late: changes nothing
    assert len(seen) == 3


def test_events_of_other_calls_and_unknown_events_are_ignored(stop_clock) -> None:
    stop_clock(NOW)
    phone, _transport, seen = telephone()
    call = phone.dial(permit())
    phone.received(event("CALL_INCOMING", direction="incoming"))
    phone.received(event("CALL_RINGING", peeruri="sip:999@elsewhere"))  # not the URI dialled
    phone.received(event("CALL_CLOSED", direction="incoming", param="486 Busy Here"))
    phone.received(event("SOMETHING_NEW") + event("REGISTER_OK", **{"class": "register"}))
    phone.received(netstring(b'{"response":true,"ok":true,"data":"","token":"dial-1"}'))
    assert seen == [] and call.state == CallState.DIALLING
    phone.received(event("CALL_RINGING", id_="mine"))
    phone.received(event("CALL_CLOSED", id_="other", param="486 Busy Here"))
    assert call.state == CallState.RINGING


def test_a_failed_call_proposes_its_outcome(stop_clock) -> None:
    stop_clock(NOW)
    phone, _transport, seen = telephone()
    call = phone.dial(permit())
    phone.received(event("CALL_CLOSED", param="486 Busy Here"))
    assert call.state == CallState.FAILED and seen[-1].sip_code == 486
    assert call.proposed_outcome() == "busy"
    # the next call is not ended by a late report of this one
    second = phone.dial(permit())
    phone.received(event("CALL_CLOSED", param="486 Busy Here"))
    assert second.state == CallState.DIALLING


def test_a_refused_dial_or_a_lost_connection_is_said_and_proposes_nothing(stop_clock) -> None:
    stop_clock(NOW)
    phone, transport, seen = telephone()
    call = phone.dial(permit())
    phone.received(netstring(b'{"response":true,"ok":false,"data":"","token":"dial-1"}'))
    assert call.state == CallState.FAILED and seen[-1].telephone_problem
    assert call.proposed_outcome() is None
    call = phone.dial(permit())
    phone.connection_failed("baresip 没有运行")
    assert call.state == CallState.FAILED and seen[-1].reason == "baresip 没有运行"
    call = phone.dial(permit())
    phone.received(b"garbage that is no netstring")
    assert call.state == CallState.FAILED and transport.closed == 1
    assert phone.reader.buffer == b""


def test_hanging_up_before_baresip_said_anything_ends_the_call_here(stop_clock) -> None:
    stop_clock(NOW)
    phone, transport, _seen = telephone()
    call = phone.dial(permit())
    assert phone.hang_up()
    assert call.state == CallState.FAILED and transport.sent[-1] == {"command": "hangup"}
    assert not phone.hang_up()  # nothing left to end


def test_only_a_permit_dials_and_one_call_at_a_time(stop_clock) -> None:
    stop_clock(NOW)
    phone, _transport, _seen = telephone()
    with pytest.raises(TelephonyRefused):
        phone.dial(DialPermit("+8613812345678", None, NOW))  # not made by permit_dial
    phone.dial(permit())
    with pytest.raises(TelephonyRefused, match="通话"):
        phone.dial(permit())


def test_the_uri_template_is_checked_and_filled() -> None:
    assert sip_uri("sip:{number}@pbx.example:5062", "+8613812345678") == (
        "sip:+8613812345678@pbx.example:5062"
    )
    assert sip_uri("sips:{digits}@10.0.0.1", "+8653186123456") == "sips:053186123456@10.0.0.1"
    assert sip_uri("sip:{digits};ext={extension}@h", "+8613812345678", "801").endswith(";ext=801@h")
    assert national_digits("+8613812345678") == "13812345678"
    for bad in (
        "tel:{number}",
        "sip:{user}@h",
        "sip:alice@h",
        "sip:{number}@h x",
        "sip:{number@h",
        "sip:{number}\n@h",
        "sip:{0}@h",
        "sip:{number.real}@h",
        "sip:" + "a" * 300 + "{number}",
    ):
        with pytest.raises(TelephonyRefused):
            check_uri_template(bad)


def test_the_seat_settings_are_checked() -> None:
    assert BaresipSettings.checked(" 127.0.0.1 ", "4444", "sip:{number}@h") == BaresipSettings(
        "127.0.0.1", 4444, "sip:{number}@h"
    )
    assert BaresipSettings.checked("::1", 1, "sip:{digits}@h").host == "::1"
    for host, port, key in (
        ("", "4444", "baresip_host"),
        ("bad host", "4444", "baresip_host"),
        ("-x", "4444", "baresip_host"),
        ("localhost", "0", "baresip_port"),
        ("localhost", "65536", "baresip_port"),
        ("localhost", "4444x", "baresip_port"),
        ("localhost", "-1", "baresip_port"),
    ):
        with pytest.raises(TelephonyRefused) as refused:
            BaresipSettings.checked(host, port, "sip:{number}@h")
        assert refused.value.key == key


def test_the_dial_command_is_checked() -> None:
    assert dial_arguments('p -c "call {number}"', "+86138", None) == ["p", "-c", "call +86138"]
    assert check_command(" p {number} ") == "p {number}"
    for bad in ("", 'p "unpaired', "p {user}", "p {0}", "p\x00{number}", "p " + "x" * 3000):
        with pytest.raises(TelephonyRefused):
            check_command(bad)
