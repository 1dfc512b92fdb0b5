"""A call's state machine, the outcome a failure proposes, the one door to dialling (do-not-call),
the facts an attempt keeps, and the simple kinds (tel:, a command)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.desk.do_not_call import FROM_IMPORT, DoNotCallRefused, mark
from app.telephony import (
    Call,
    CallEvent,
    CallFacts,
    CallState,
    TelephonyRefused,
    permit_dial,
    proposed_outcome,
)
from app.telephony.command import CommandTelephone
from app.telephony.tel import TelTelephone
from app.zone import LOCAL_ZONE
from db.database import Database

NOW = datetime(2026, 11, 20, 14, tzinfo=LOCAL_ZONE)
NUMBER = "+8613812345678"


def failed(reason: str | None, **more) -> CallEvent:
    return CallEvent(CallState.FAILED, NOW, reason=reason, **more)


@pytest.mark.parametrize(
    ("reason", "outcome"),
    [
        ("408 Request Timeout", "no_answer"),
        ("480 Temporarily Unavailable", "no_answer"),
        ("487 Request Terminated", "no_answer"),
        ("Local timeout", "no_answer"),
        ("486 Busy Here", "busy"),
        ("600 Busy Everywhere", "busy"),
        ("404 Not Found", "unreachable"),
        ("410 Gone", "unreachable"),
        ("484 Address Incomplete", "unreachable"),
        ("503 Service Unavailable", "unreachable"),
        ("604 Does Not Exist Anywhere", "unreachable"),
        ("403 Forbidden", None),
        ("Connection refused", None),
        ("", None),
        (None, None),
        ("4861 nonsense", None),
    ],
)
def test_a_failure_proposes_the_matching_outcome(reason: str | None, outcome: str | None) -> None:
    assert proposed_outcome(failed(reason)) == outcome


def test_a_call_given_up_after_ringing_is_no_answer_but_a_telephone_problem_is_nothing() -> None:
    hung_up = failed("Connection reset by user", by_us=True)
    assert proposed_outcome(hung_up, rang=True) == "no_answer"
    assert proposed_outcome(hung_up, rang=False) is None  # it never rang: the operator says
    assert proposed_outcome(failed("486 Busy Here", telephone_problem=True)) is None
    assert proposed_outcome(CallEvent(CallState.ENDED, NOW, reason="486 Busy Here")) is None


def new_call() -> Call:
    from app.telephony import _PERMIT_TOKEN, DialPermit

    return Call("baresip", DialPermit(NUMBER, None, NOW, _PERMIT_TOKEN), NOW)


def test_the_state_machine_takes_events_in_order_only() -> None:
    call = new_call()
    at = [NOW + timedelta(seconds=s) for s in range(6)]
    assert call.apply(CallEvent(CallState.RINGING, at[1], call_ref="r"))
    assert not call.apply(CallEvent(CallState.RINGING, at[2], call_ref="r"))  # again: nothing
    assert not call.apply(CallEvent(CallState.ANSWERED, at[2], call_ref="other"))
    assert call.apply(CallEvent(CallState.ANSWERED, at[2], call_ref="r"))
    assert not call.apply(CallEvent(CallState.RINGING, at[3], call_ref="r"))  # backwards
    # a close after the answer is a call that took place, whatever the reason
    assert call.apply(CallEvent(CallState.FAILED, at[5], call_ref="r", reason="BYE"))
    assert call.state == CallState.ENDED and call.finished
    assert not call.apply(CallEvent(CallState.ANSWERED, at[5]))
    facts = call.facts()
    assert (facts.call_ref, facts.answered_at, facts.ended_at) == ("r", at[2], at[5])
    assert facts.talk_seconds == 3 and facts.dialled_at == NOW


def test_a_close_before_any_answer_is_a_failure() -> None:
    call = new_call()
    assert call.apply(CallEvent(CallState.ENDED, NOW, reason="486 Busy Here"))
    assert call.state == CallState.FAILED and call.proposed_outcome() == "busy"
    assert call.facts().talk_seconds is None


def test_facts_that_cannot_be_true_are_left_out() -> None:
    now = NOW + timedelta(minutes=5)
    facts = CallFacts(
        telephony="x" * 50,
        dialled_at=NOW,
        call_ref="c" * 500,
        answered_at=NOW - timedelta(seconds=1),  # before the dial
        ended_at=NOW + timedelta(hours=1),  # after now
        end_reason="r" * 500,
    ).sane(now)
    assert len(facts.telephony) == 20 and len(facts.call_ref) == 200
    assert len(facts.end_reason) == 200
    assert facts.answered_at is None and facts.ended_at is None
    assert CallFacts("baresip", NOW + timedelta(days=3)).sane(now).dialled_at == now
    assert CallFacts("baresip", NOW.replace(tzinfo=None)).sane(now).dialled_at == now


def test_facts_survive_a_draft_and_a_damaged_one_is_dropped() -> None:
    facts = CallFacts("baresip", NOW, "c1", NOW, NOW + timedelta(seconds=9), "bye")
    assert CallFacts.from_dict(facts.to_dict()) == facts
    for damaged in (None, [], {"telephony": "baresip"}, {"dialled_at": "x", "telephony": "t"}):
        assert CallFacts.from_dict(damaged) is None
    assert CallFacts.from_dict({**facts.to_dict(), "answered_at": "not a time"}) is None


def test_a_do_not_call_number_gets_no_permit(any_db: Database) -> None:
    with any_db.sessions.begin() as session:
        permit = permit_dial(session, NUMBER, "801", now=NOW)
        assert (permit.e164, permit.extension) == (NUMBER, "801")
        assert permit_dial(session, NUMBER, "x;evil").extension is None
        mark(session, NUMBER, source=FROM_IMPORT, by_id=None, now=NOW)
    with any_db.sessions() as session:
        with pytest.raises(DoNotCallRefused, match="不再来电"):
            permit_dial(session, NUMBER)
        for bad in (None, "", "13812345678", "+86 138", "+0123456789", "+8613812345678\n"):
            with pytest.raises(TelephonyRefused):
                permit_dial(session, bad)


def test_tel_and_command_hand_the_number_over_and_say_when_they_cannot(
    sqlite_db: Database,
) -> None:
    with sqlite_db.sessions() as session:
        permit = permit_dial(session, NUMBER, "801", now=NOW)
    opened: list[str] = []
    tel = TelTelephone(lambda url: opened.append(url) or True)
    call = tel.dial(permit)
    assert opened == [f"tel:{NUMBER};ext=801"] and not tel.reports
    assert call.state == CallState.DIALLING and not tel.hang_up()
    with pytest.raises(TelephonyRefused, match="tel:"):
        TelTelephone(lambda url: False).dial(permit)
    started: list = []
    command = CommandTelephone(
        'phone "call {number}" {extension}', lambda p, a: started.append((p, a)) or True
    )
    command.dial(permit)
    assert started == [("phone", [f"call {NUMBER}", "801"])]
    with pytest.raises(TelephonyRefused, match="/no/such"):
        CommandTelephone("/no/such {number}", lambda p, a: False).dial(permit)
    with pytest.raises(TelephonyRefused):
        CommandTelephone("", lambda p, a: True).dial(permit)
