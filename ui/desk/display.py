"""How the desk writes the domain's values on screen: local times, ratings, channels."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ratings import Channel, Rating
from app.zone import LOCAL_ZONE

ERROR_COLOR = "#b3261e"
ACCENT = "#1a5fb4"  # the focused question, the chosen answer

_CONTEXT = "DeskDisplay"
RATING_TITLES = {
    Rating.VERY_SATISFIED: QT_TRANSLATE_NOOP("DeskDisplay", "非常满意"),
    Rating.SATISFIED: QT_TRANSLATE_NOOP("DeskDisplay", "满意"),
    Rating.AVERAGE: QT_TRANSLATE_NOOP("DeskDisplay", "一般"),
    Rating.DISSATISFIED: QT_TRANSLATE_NOOP("DeskDisplay", "不满意"),
}
CHANNEL_TITLES = {
    Channel.QR: QT_TRANSLATE_NOOP("DeskDisplay", "扫码评价"),
    Channel.PLATFORM: QT_TRANSLATE_NOOP("DeskDisplay", "好差评平台"),
    Channel.PHONE: QT_TRANSLATE_NOOP("DeskDisplay", "电话回访"),
    Channel.ENTERPRISE: QT_TRANSLATE_NOOP("DeskDisplay", "企业回访"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def rating_title(value: str | None) -> str:
    if value in set(Rating):
        return translate(RATING_TITLES[Rating(value)])
    return translate(QT_TRANSLATE_NOOP("DeskDisplay", "未答"))


def channel_title(value: str) -> str:
    return translate(CHANNEL_TITLES[Channel(value)]) if value in set(Channel) else value


def local_time(at: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return "" if at is None else at.astimezone(LOCAL_ZONE).strftime(pattern)
