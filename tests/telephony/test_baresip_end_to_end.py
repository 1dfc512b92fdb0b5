"""The call desk dialling through a real baresip, on loopback only (127.0.0.1).

Two baresip 1.0 processes, each with its own config folder: the operator's, driven by the desk
through ctrl_tcp and recording with sndfile, and a respondent's that answers by itself (the
account's `;answermode=auto`) and plays a tone (aufile, a WAV written here). No sound card: the players are aubridge
devices nobody reads. A call is dialled with Ctrl+D, answered, talks until a second of audio is
recorded, and is hung up with F8; the saved attempt holds the times and baresip's call id. A
second call rings at a respondent that does not answer, the operator gives up with F8, and
"无人接听" is proposed and recorded with Enter. Then the recordings are imported and filed to the
first attempt. Everything started here is stopped here (a finalizer; kill after a timeout).
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import socket
import struct
import subprocess
import wave
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.recordings.folder import import_recordings
from app.recordings.names import read_name
from app.roles import Role
from app.scanning.store import AttachmentStore
from app.staff import StaffMember
from app.telephony import CallState
from app.telephony.baresip import national_digits
from app.zone import LOCAL_ZONE
from db.database import Database
from db.models import CallAttempt, CallRecording
from db.transactions import write_transaction
from tests.gui.conftest import window  # noqa: F401  (a fixture)
from tests.gui.test_call_desk import (  # noqa: F401  (fixtures)
    DESK_NOW,
    OPERATOR,
    Keyboard,
    desk,
    desk_db,
    drafts_dir,
    operator,
    operator_id,
    take_next,
)
from ui import operations, preferences
from ui.pages.call_desk_page import CallDeskPage
from ui.recordings.player import RecordingPlayer

MODULES = Path("/usr/lib/baresip/modules")
pytestmark = pytest.mark.skipif(
    shutil.which("baresip") is None or not (MODULES / "ctrl_tcp.so").exists(),
    reason="baresip-core is not installed (scripts/setup.sh installs it for the tests)",
)
WAIT_MS = 30_000  # for a process or a SIP exchange on a busy machine; the waits end at once
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CODEC = "audio_codecs=PCMU/8000/1"  # G.711, mono, as a PBX's calls are


def tone(folder: Path, hertz: int, seconds: int = 30) -> Path:
    """A sine tone, 8 kHz mono 16-bit: what a softphone plays into the call."""
    path = folder / f"tone-{hertz}.wav"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        rate = 8000
        samples = (
            int(8000 * math.sin(2 * math.pi * hertz * i / rate)) for i in range(rate * seconds)
        )
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (SIP listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = tcp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free port")


class Baresips:
    """The baresip processes of one test, each in its own folder, all stopped at the end."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str, config: list[str], accounts: list[str]) -> Path:
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        modules = ["g711", "aufile", "aubridge", "account"]
        lines = [
            f"module_path {MODULES}",
            f"audio_player aubridge,{name}",
            f"audio_alert aubridge,{name}",
            *config,
            *(f"module {m}.so" for m in modules),
            "module_app menu.so",
        ]
        (folder / "config").write_text("\n".join(lines) + "\n")
        (folder / "accounts").write_text("\n".join(accounts) + "\n")
        log = folder / "log.txt"
        # The softphone's local time is the app's zone: sndfile names recordings by it.
        env = {**os.environ, "TZ": str(LOCAL_ZONE)}
        with log.open("wb") as out:
            self.processes[name] = subprocess.Popen(
                ["baresip", "-f", str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        return log

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


@pytest.fixture
def baresips(tmp_path: Path) -> Iterator[Baresips]:
    started = Baresips(tmp_path / "baresip")
    try:
        yield started
    finally:
        started.stop_all()


def wait_ready(qtbot: QtBot, baresips: Baresips, name: str, log: Path) -> None:
    def ready() -> bool:
        process = baresips.processes[name]
        assert process.poll() is None, log.read_text(errors="replace")
        return "baresip is ready" in log.read_text(errors="replace")

    qtbot.waitUntil(ready, timeout=WAIT_MS)


def wait_listening(qtbot: QtBot, port: int) -> None:
    def accepts() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            return False

    qtbot.waitUntil(accepts, timeout=WAIT_MS)


def respondent(baresips: Baresips, qtbot: QtBot, port: int, number: str, *, answers: bool) -> None:
    """The respondent's softphone for `number`: it answers by itself, or only rings."""
    baresips.stop("respondent")
    mode = "auto" if answers else "manual"
    log = baresips.start(
        "respondent",
        [f"sip_listen 127.0.0.1:{port}", f"audio_source aufile,{tone(baresips.root, 880)}"],
        [f"<sip:{national_digits(number)}@127.0.0.1:{port}>;regint=0;answermode={mode};{CODEC}"],
    )
    wait_ready(qtbot, baresips, "respondent", log)


@pytest.fixture
def seat(baresips: Baresips, qtbot: QtBot, tmp_path: Path) -> Iterator[dict]:
    """The operator's baresip, and this seat set to dial through it."""
    control, operator_sip, respondent_sip = free_port(), free_port(), free_port()
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    log = baresips.start(
        "operator",
        [
            f"sip_listen 127.0.0.1:{operator_sip}",
            f"audio_source aufile,{tone(baresips.root, 440)}",
            "module sndfile.so",
            f"snd_path {recordings}",
            "module_app ctrl_tcp.so",
            f"ctrl_tcp_listen 127.0.0.1:{control}",
        ],
        [f"<sip:operator@127.0.0.1:{operator_sip}>;regint=0;{CODEC}"],
    )
    wait_ready(qtbot, baresips, "operator", log)
    wait_listening(qtbot, control)
    preferences.TELEPHONE.set("baresip")
    preferences.BARESIP_HOST.set("127.0.0.1")
    preferences.BARESIP_PORT.set(str(control))
    preferences.BARESIP_URI.set(f"sip:{{digits}}@127.0.0.1:{respondent_sip}")
    yield {"respondent_port": respondent_sip, "recordings": recordings, "log": log}


def state_text(page: CallDeskPage) -> str:
    return page.case_panel.call_state_label.text()


def test_a_call_dialled_from_the_desk_is_answered_recorded_hung_up_and_kept(
    qtbot: QtBot,
    seat: dict,
    baresips: Baresips,
    desk: CallDeskPage,  # noqa: F811
    desk_db: Database,  # noqa: F811
    stop_clock,
) -> None:
    keys = Keyboard(qtbot)
    states: list[CallState] = []
    desk.phone.changed.connect(lambda event: states.append(event.state))

    # 1. Answered, talked, hung up with F8, saved with Form A.
    take_next(qtbot, keys, desk)
    first = desk.item
    number = first.phones[first.next_phone_index].e164
    respondent(baresips, qtbot, seat["respondent_port"], number, answers=True)
    wall_at_dial = datetime.now(LOCAL_ZONE)  # only to rename the recordings (below)
    keys.press("D", CTRL)
    qtbot.waitUntil(lambda: state_text(desk) == "通话中", timeout=WAIT_MS)
    assert states[-1] == CallState.ANSWERED and CallState.FAILED not in states
    call_ref = desk.phone.telephone.call.call_ref
    assert call_ref

    def heard_a_second() -> bool:  # 8 kHz, mono, 16 bits
        files = list(seat["recordings"].glob("dump-*-dec.wav"))
        return bool(files) and files[0].stat().st_size > 8_000 * 2

    qtbot.waitUntil(heard_a_second, timeout=WAIT_MS)
    stop_clock(DESK_NOW + timedelta(seconds=2))  # the desk's clock: two seconds of talk
    keys.press(Key.Key_F8)
    qtbot.waitUntil(lambda: state_text(desk) == "已挂断", timeout=WAIT_MS)
    assert desk.case_panel.timer_label.text() == "00:02"
    for key in "11111":
        keys.press(key)
    with qtbot.waitSignal(desk.case_saved, timeout=WAIT_MS):
        keys.press(Key.Key_Return, CTRL)
    with desk_db.sessions() as session:
        attempt = session.scalars(
            select(CallAttempt).where(CallAttempt.case_id == first.case_id)
        ).one()
        assert attempt.outcome == "completed"
        assert attempt.telephony == "baresip"
        assert attempt.call_ref == call_ref
        assert attempt.attempted_at.astimezone(LOCAL_ZONE) == DESK_NOW
        assert attempt.answered_at.astimezone(LOCAL_ZONE) == DESK_NOW
        assert attempt.ended_at.astimezone(LOCAL_ZONE) == DESK_NOW + timedelta(seconds=2)
        assert attempt.talk_seconds == 2 and attempt.duration_seconds == 2
        assert attempt.end_reason == "Connection reset by user"
        first_attempt_id = attempt.id

    # 2. The next case rings at a respondent who does not answer: 无人接听, confirmed with Enter.
    qtbot.waitUntil(lambda: desk.item is not None and not operations.busy(), timeout=WAIT_MS)
    second = desk.item
    later = DESK_NOW + timedelta(minutes=10)  # the next call, some minutes on
    stop_clock(later)
    number = second.phones[second.next_phone_index].e164
    respondent(baresips, qtbot, seat["respondent_port"], number, answers=False)
    keys.press("D", CTRL)
    qtbot.waitUntil(lambda: state_text(desk) == "振铃", timeout=WAIT_MS)
    assert desk.case_panel.timer_label.text() == "00:00"  # nobody talks yet
    keys.press(Key.Key_F8)
    qtbot.waitUntil(lambda: desk.strip.isVisible(), timeout=WAIT_MS)
    assert state_text(desk).startswith("失败：")
    assert desk.strip.chosen is not None and desk.strip.chosen.code == "no_answer"
    assert "无人接听" in desk.strip.title.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.strip)
    with qtbot.waitSignal(desk.call_recorded, timeout=WAIT_MS):
        keys.press(Key.Key_Return)
    with desk_db.sessions() as session:
        attempt = session.scalars(
            select(CallAttempt).where(CallAttempt.case_id == second.case_id)
        ).one()
        assert attempt.outcome == "no_answer"
        assert attempt.telephony == "baresip" and attempt.call_ref
        assert attempt.answered_at is None and attempt.talk_seconds is None
        assert attempt.attempted_at.astimezone(LOCAL_ZONE) == later
        assert attempt.ended_at is not None and attempt.end_reason

    # 3. The recordings, imported from the softphone's folder, belong to the first call.
    baresips.stop_all()  # sndfile closes its files
    recording_of_first_call(qtbot, seat["recordings"], desk_db, first_attempt_id, wall_at_dial)


def recording_of_first_call(
    qtbot: QtBot, folder: Path, database: Database, attempt_id: int, wall_at_dial: datetime
) -> None:

    # sndfile names a recording by the wall clock; the desk's clock is stopped at DESK_NOW. The
    # names are moved by that known difference: what a softphone on the desk's clock would write.
    shift = DESK_NOW - wall_at_dial.replace(microsecond=0)
    for path in folder.glob("dump-*.wav"):
        name = read_name(path.name)
        at = (name.recorded_at + shift).astimezone(LOCAL_ZONE)
        path.rename(folder / f"dump-{at:%Y-%m-%d-%H-%M-%S}-{name.side}.wav")
    store = AttachmentStore.for_database(database)
    # As the recordings tab imports: once the desk's own work is done, in a write transaction
    # (a deferred one could meet the desk's next claim committed in between: database locked).
    qtbot.waitUntil(lambda: not operations.busy(), timeout=WAIT_MS)
    with write_transaction(database) as session:
        result = import_recordings(
            session,
            store,
            folder,
            actor_id=operator_id(database),  # the seat's operator: their calls are matched
            now=DESK_NOW + timedelta(minutes=15),
            min_age_seconds=0,
        )
    assert result.filed >= 1, result.messages
    with database.sessions() as session:
        filed = session.scalars(
            select(CallRecording).where(CallRecording.call_attempt_id == attempt_id)
        ).all()
    assert filed and all(r.status == "filed" for r in filed)
    # And it plays, as the case history and the board play it.
    staff = StaffMember(operator_id(database), OPERATOR, Role.OPERATOR)
    player = RecordingPlayer(database, lambda: staff)
    qtbot.addWidget(player)
    player.show()
    with qtbot.waitSignal(player.loaded, timeout=WAIT_MS):
        player.show_attempt(attempt_id)
    assert player.play_button.isEnabled()
    with qtbot.waitSignal(player.listened, timeout=WAIT_MS):
        qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.media.duration() >= 1_000, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: player.position() > 0, timeout=WAIT_MS)
    player.stop()
