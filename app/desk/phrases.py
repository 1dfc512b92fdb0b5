"""The service phrases on the operator's screen (W 附录 D; SPEC rule 17), editable by the team.

Seeded word for word from the Wuxi specification (its punctuation as published there): greetings
and phone phrases from D.1.2 a)–c), closings from D.1.1 g)–h) (without the in-person "您慢走"),
apologies from D.1.1 i), and every phrase never to use from D.1.3 a)–v); and, among the
greetings, the notice that the call may be recorded (`RECORDING_NOTICE`).
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.i18n import pick
from db.models import ServicePhrase

PHRASE_CATEGORIES = [
    ("greeting", "问候"),
    ("closing", "结束语"),
    ("apology", "致歉"),
    ("forbidden", "服务忌语"),
]

# Said at the start of a call the softphone records (issue 22, app.recordings): not in 附录 D,
# it joins the greetings after the first; a database seeded before keeps its own list.
RECORDING_NOTICE = "本次通话可能会被录音"

DEFAULT_PHRASES: dict[str, list[str]] = {
    "greeting": [
        "您好,这里是(单位)",
        RECORDING_NOTICE,
        "请问",
        "您请讲",
        "请问您找哪一位?",
        "请稍候",
        "对不起,不在,有什么事需要转告吗?",
        "请问您要咨询什么问题?",
        "请您慢慢讲,不要着急",
        "对不起,我没听清楚,请您重复一遍,好吗?",
        "对不起,您咨询的问题由部门负责,请打电话",
    ],
    "closing": ["很高兴为您服务", "希望您能满意", "再见", "不客气", "不用谢", "这是我们应该做的"],
    "apology": [
        "请您把详细情况告诉我",
        "很抱歉",
        "实在对不起",
        "我理解您的心情",
        "请您听我解释",
        "请原谅",
        "请别着急",
        "请多提宝贵意见",
        "谢谢您的意见,我们会尽快研究改进",
    ],
    "forbidden": [
        "我没空",
        "喂、喂",
        "喂,干什么",
        "没看我正忙着吗,着什么急",
        "去!到后面等着",
        "喊什么,等一会儿",
        "你问我,我问谁",
        "刚才不是跟你说了,怎么又问",
        "不是告诉你了吗,真罗嗦",
        "怎么这么烦啊",
        "越忙越添乱,真烦人",
        "不知道、不清楚",
        "听不到,大声一点",
        "文件上写着了,自己看",
        "我的态度就这样,怎么啦",
        "电脑坏了,今天不办业务",
        "我也没办法啊,不能办就是不能办",
        "快下班了,明天再来吧",
        "怎么不提前准备好,早干什么了",
        "下班了,谁叫你来这么迟",
        "你去告吧,告到哪儿都不怕",
        "我解决不了,愿意找谁找谁去",
    ],
}
_CATEGORY_CODES = [code for code, _ in PHRASE_CATEGORIES]


def service_phrases(session: Session) -> dict[str, list[str]]:
    """Every category's phrases in order (seeded from 附录 D when the table is empty)."""
    _ensure_phrases(session)
    phrases: dict[str, list[str]] = {code: [] for code in _CATEGORY_CODES}
    rows = session.execute(
        select(ServicePhrase.category, ServicePhrase.text).order_by(
            ServicePhrase.category, ServicePhrase.position, ServicePhrase.id
        )
    ).all()
    for category, text in rows:
        phrases.setdefault(category, []).append(text)
    return phrases


def set_service_phrases(session: Session, category: str, phrases: list[str]) -> None:
    """Replace one category's phrases (blank lines dropped, order kept)."""
    if category not in _CATEGORY_CODES:
        raise ValueError(
            pick(f"未知的用语类别：{category}", f"Unknown phrase category: {category}")
        )
    _ensure_phrases(session)  # so that seeding later cannot overwrite this edit
    session.execute(delete(ServicePhrase).where(ServicePhrase.category == category))
    kept = [text.strip() for text in phrases if text.strip()]
    session.add_all(
        ServicePhrase(category=category, position=position, text=text)
        for position, text in enumerate(kept)
    )


def _ensure_phrases(session: Session) -> None:
    if session.scalar(select(exists().select_from(ServicePhrase))):
        return
    try:
        with session.begin_nested():
            session.add_all(
                ServicePhrase(category=category, position=position, text=text)
                for category, texts in DEFAULT_PHRASES.items()
                for position, text in enumerate(texts)
            )
    except IntegrityError:
        pass  # another seat seeded them a moment ago
