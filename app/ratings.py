"""Form A's rating scale, the 好差评 five-level scale mapped onto it, scores and channels."""

from __future__ import annotations

from enum import StrEnum

from app.i18n import pick


class Rating(StrEnum):
    """The four answers of Form A (J 附件 A)."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    AVERAGE = "average"  # 一般
    DISSATISFIED = "dissatisfied"  # 不满意

    @property
    def label(self) -> str:
        return RATING_LABELS[self]

    @property
    def shown(self) -> str:
        """The label in the language of the interface."""
        return pick(RATING_LABELS[self], RATING_LABELS_EN[self])

    @property
    def score(self) -> int:
        """Points of a first evaluation's 总体情况 (J 5.4.1)."""
        return RATING_SCORES[self]


RATING_LABELS = {
    Rating.VERY_SATISFIED: "非常满意",
    Rating.SATISFIED: "满意",
    Rating.AVERAGE: "一般",
    Rating.DISSATISFIED: "不满意",
}
RATING_LABELS_EN = {
    Rating.VERY_SATISFIED: "Very satisfied",
    Rating.SATISFIED: "Satisfied",
    Rating.AVERAGE: "Average",
    Rating.DISSATISFIED: "Dissatisfied",
}
RATING_SCORES = {
    Rating.VERY_SATISFIED: 5,
    Rating.SATISFIED: 3,
    Rating.AVERAGE: 2,
    Rating.DISSATISFIED: 0,
}
# 未填报: an enterprise case whose Form B revisit was never done scores as 不满意 does.
UNREPORTED_SCORE = 0

# Answers as written in exports and ledgers. The national 好差评 scale has five levels; they map
# onto Form A's four as 基本满意 → 一般 and 非常不满意 → 不满意 (the original is kept beside).
_RATING_WORDS = {
    "非常满意": Rating.VERY_SATISFIED,
    "很满意": Rating.VERY_SATISFIED,
    "满意": Rating.SATISFIED,
    "比较满意": Rating.SATISFIED,
    "一般": Rating.AVERAGE,
    "基本满意": Rating.AVERAGE,
    "不满意": Rating.DISSATISFIED,
    "非常不满意": Rating.DISSATISFIED,
    "很不满意": Rating.DISSATISFIED,
    "very satisfied": Rating.VERY_SATISFIED,
    "satisfied": Rating.SATISFIED,
    "average": Rating.AVERAGE,
    "neutral": Rating.AVERAGE,
    "dissatisfied": Rating.DISSATISFIED,
}


def rating_from_text(text: str) -> Rating | None:
    """Form A's rating for an answer as written, or None when the text is not a rating."""
    return _RATING_WORDS.get(" ".join(text.split()).lower())


def integrity_from_text(text: str) -> bool | None:
    """有无违反廉洁纪律: True for 有 (a breach reported), False for 没有, None when not a answer."""
    word = "".join(text.split()).lower()
    if word in {"有", "是", "yes", "y"}:
        return True
    if word in {"没有", "无", "否", "no", "n"}:
        return False
    return None


class Channel(StrEnum):
    """How an evaluation was given."""

    QR = "qr"  # 扫码评价 at certificate pickup (J 5.2.1)
    PLATFORM = "platform"  # 好差评 system, 山东政务服务网, 泉城办 app (J 5.2.2)
    PHONE = "phone"  # phone revisit (J 5.1.2)
    ENTERPRISE = "enterprise"  # Form B, in person (J 5.1.3)

    @property
    def is_online(self) -> bool:
        return self in (Channel.QR, Channel.PLATFORM)


CHANNEL_LABELS = {
    Channel.QR: "扫码评价",
    Channel.PLATFORM: "好差评平台",
    Channel.PHONE: "电话回访",
    Channel.ENTERPRISE: "企业回访",
}


def channel_from_source(text: str) -> Channel:
    """The channel of an online evaluation from the export's 评价渠道 (platform when unknown)."""
    if "扫码" in text or "二维码" in text or "qr" in text.lower():
        return Channel.QR
    return Channel.PLATFORM
