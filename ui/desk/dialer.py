"""The seat's telephone (app.telephony) with what it needs of Qt, and the call's timer.

`make_telephone` builds the kind chosen in 设置 (ui.preferences): the `tel:` handler opens links
with QDesktopServices, a command starts with QProcess, baresip talks over a QTcpSocket (no
threads: the socket reports in the event loop). `Phone` follows one telephone's calls and says
every change with a signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket

from app.clock import current_time
from app.i18n import pick
from app.telephony import BARESIP, COMMAND, TEL, CallEvent, Telephone, TelephonyRefused
from app.telephony.baresip import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    DEFAULT_URI_TEMPLATE,
    BaresipSettings,
    BaresipTelephone,
)
from app.telephony.command import CommandTelephone, dial_arguments
from app.telephony.tel import TelTelephone
from ui import preferences

__all__ = [
    "CallTimer",
    "Phone",
    "build_telephone",
    "dial_arguments",
    "make_telephone",
    "seat_kind",
]


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def start_detached(program: str, arguments: list[str]) -> bool:
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def seat_kind() -> str:
    """The seat's telephone kind; before it was chosen, as the dial command made it."""
    kind = preferences.TELEPHONE.get()
    if kind in (TEL, COMMAND, BARESIP):
        return kind
    return COMMAND if preferences.DIAL_COMMAND.get() else TEL


def baresip_settings() -> BaresipSettings:
    """The seat's baresip settings as saved (checked when saved; checked again here)."""
    return BaresipSettings.checked(
        preferences.BARESIP_HOST.get() or DEFAULT_HOST,
        preferences.BARESIP_PORT.get() or DEFAULT_PORT,
        preferences.BARESIP_URI.get() or DEFAULT_URI_TEMPLATE,
    )


class QtTransport(QObject):
    """baresip's control connection: connects when there is something to send, keeps what is
    sent until connected, hands what arrives to the telephone."""

    def __init__(self, host: str, port: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host, self.port = host, port
        self.telephone: BaresipTelephone | None = None
        self.pending: list[bytes] = []
        self.socket = QTcpSocket(self)
        self.socket.connected.connect(self._connected)
        self.socket.readyRead.connect(self._read)
        self.socket.errorOccurred.connect(self._failed)

    def send(self, data: bytes) -> None:
        state = self.socket.state()
        if state == QAbstractSocket.SocketState.ConnectedState:
            self.socket.write(data)
            return
        self.pending.append(data)
        if state == QAbstractSocket.SocketState.UnconnectedState:
            self.socket.connectToHost(self.host, self.port)

    def close(self) -> None:
        self.pending.clear()
        self.socket.abort()

    def _connected(self) -> None:
        pending, self.pending = self.pending, []
        for data in pending:
            self.socket.write(data)

    def _read(self) -> None:
        data = bytes(self.socket.readAll().data())
        if data and self.telephone is not None:
            self.telephone.received(data)

    def _failed(self, error: QAbstractSocket.SocketError) -> None:
        self.pending.clear()
        if self.telephone is None:
            return
        where = f"{self.host}:{self.port}"
        if error == QAbstractSocket.SocketError.ConnectionRefusedError:
            message = pick(
                f"baresip 没有运行（{where} 无人应答）。请启动 baresip，或在“设置 → 本机”中改用"
                "其他电话。",
                f"baresip is not running ({where} refused the connection). Start baresip, or "
                "choose another telephone in Settings → This computer.",
            )
        elif error == QAbstractSocket.SocketError.RemoteHostClosedError:
            message = pick(
                "与 baresip 的连接断开了（baresip 已退出？）；下次拨号时会重新连接。",
                "The connection to baresip was lost (did it quit?); the next dial reconnects.",
            )
        else:
            message = pick(
                f"无法连接 baresip（{where}）：{self.socket.errorString()}",
                f"Cannot reach baresip at {where}: {self.socket.errorString()}",
            )
        self.telephone.connection_failed(message)


def make_telephone(parent: QObject, kind: str | None = None) -> Telephone:
    """The seat's telephone; TelephonyRefused when its saved settings cannot work."""
    kind = kind or seat_kind()
    return build_telephone(
        parent,
        kind,
        preferences.DIAL_COMMAND.get(),
        baresip_settings() if kind == BARESIP else None,
    )


def build_telephone(
    parent: QObject, kind: str, command: str, settings: BaresipSettings | None
) -> Telephone:
    """A telephone of `kind` with these settings (the saved ones, or those on screen)."""
    if kind == BARESIP:
        settings = settings or BaresipSettings()
        transport = QtTransport(settings.host, settings.port, parent)
        telephone = BaresipTelephone(settings, transport)
        transport.telephone = telephone
        return telephone
    if kind == COMMAND:
        return CommandTelephone(command, start_detached)
    return TelTelephone(open_url)


class Phone(QObject):
    """One seat's telephone, remade when its settings change, and its calls' events."""

    changed = Signal(object)  # CallEvent, as the call now is

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.telephone: Telephone | None = None
        self._made_from: tuple[str, ...] | None = None

    def current(self) -> Telephone:
        """The telephone as the seat's settings say now (remade when they changed)."""
        wanted = (
            seat_kind(),
            preferences.DIAL_COMMAND.get(),
            preferences.BARESIP_HOST.get(),
            preferences.BARESIP_PORT.get(),
            preferences.BARESIP_URI.get(),
        )
        busy = self.telephone is not None and self.in_call()
        if self.telephone is None or (wanted != self._made_from and not busy):
            if self.telephone is not None:
                self.telephone.close()
            self.telephone = make_telephone(self, wanted[0])
            self.telephone.listener = self.changed.emit
            self._made_from = wanted
        return self.telephone

    def in_call(self) -> bool:
        call = self.telephone.call if self.telephone else None
        return call is not None and not call.finished and self.telephone.reports

    def hang_up(self) -> bool:
        return self.telephone is not None and self.telephone.hang_up()

    def forget(self) -> None:
        """The call's result is recorded: the next case starts without it."""
        if self.telephone is not None:
            self.telephone.call = None

    def close(self) -> None:
        if self.telephone is not None:
            self.telephone.close()


class _AppClock:
    """Seconds since the epoch by the app's one clock (app.clock: the tests stop it), so the
    timer and the times a telephone reports agree."""

    @staticmethod
    def time() -> float:
        return current_time().timestamp()


time = _AppClock()


class CallTimer(QObject):
    """Seconds since the call began, ticking once a second while it runs."""

    ticked = Signal(str)  # "mm:ss"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.started_at: float | None = None  # seconds since the epoch (kept in drafts)
        self.stopped_at: float | None = None  # frozen: the call ended then
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)

    def start(self, started_at: float | None = None) -> None:
        self.started_at = time.time() if started_at is None else started_at
        self.stopped_at = None
        self._clock.start()
        self._tick()

    def stop(self) -> None:
        self.started_at = self.stopped_at = None
        self._clock.stop()
        self.ticked.emit("00:00")

    def freeze(self) -> None:
        """The call is over: the time stays as it was, no longer ticking."""
        if self.started_at is not None and self.stopped_at is None:
            self.stopped_at = time.time()
        self._tick()
        self._clock.stop()

    def running(self) -> bool:
        return self.started_at is not None

    def seconds(self) -> int | None:
        if self.started_at is None:
            return None
        until = time.time() if self.stopped_at is None else self.stopped_at
        return max(0, round(until - self.started_at))

    def _tick(self) -> None:
        minutes, seconds = divmod(self.seconds() or 0, 60)
        self.ticked.emit(f"{minutes:02d}:{seconds:02d}")


__all__ += ["CallEvent", "TelephonyRefused"]
