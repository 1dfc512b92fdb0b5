"""The system's `tel:` handler: the number is handed over, and the telephone says nothing more.

Which program answers a `tel:` link is the desktop's business; the interface opens the link
(`opener`, e.g. QDesktopServices.openUrl), so this module stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from app.i18n import pick
from app.telephony import TEL, Call, Telephone, TelephonyRefused


def tel_url(number: str, extension: str | None) -> str:
    return f"tel:{number}" + (f";ext={extension}" if extension else "")


class TelTelephone(Telephone):
    kind = TEL
    reports = False

    def __init__(self, opener: Callable[[str], bool]) -> None:
        super().__init__()
        self.opener = opener

    def _start(self, call: Call) -> None:
        url = tel_url(call.permit.e164, call.permit.extension)
        if not self.opener(url):
            raise TelephonyRefused(
                pick(
                    f"系统没有能打开 {url} 的电话程序",
                    f"No program on this computer opens {url}",
                )
            )
