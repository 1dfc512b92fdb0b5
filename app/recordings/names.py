"""What a recording's file name says: when it began, the number called, which side of a call.

Recognised (the time is the seat's local time, app.zone):

    dump-2026-12-07-10-15-30-enc.wav    baresip's sndfile: this side (the operator), and
    dump-2026-12-07-10-15-30-dec.wav    … the other side (the respondent), joined in one file
    13812345678_20261207-101530.wav     a PBX: the number dialled, then the time
    20261207-101530_13812345678.wav     a PBX: the time, then the number

Any other WAV file is kept all the same, timed by when it was last written, and waits in the
tray to be filed by hand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from app.phones import parse_phone
from app.zone import LOCAL_ZONE

BARESIP = "baresip"
PBX = "pbx"
OTHER = "other"
ENC, DEC = "enc", "dec"
NAME_LENGTH = 255  # call_recordings.filename, attachments.filename

_BARESIP = re.compile(
    r"^dump-(\d{4})-(\d{1,2})-(\d{1,2})-(\d{1,2})-(\d{1,2})-(\d{1,2})-(enc|dec)\.wav$",
    re.IGNORECASE,
)
_TIME = r"(\d{4})(\d{2})(\d{2})[-_T]?(\d{2})(\d{2})(\d{2})"
_NUMBER_TIME = re.compile(rf"^\+?(\d{{3,20}})_{_TIME}\.wav$", re.IGNORECASE)
_TIME_NUMBER = re.compile(rf"^{_TIME}_\+?(\d{{3,20}})\.wav$", re.IGNORECASE)


@dataclass(frozen=True)
class RecordingName:
    kind: str  # baresip / pbx / other
    recorded_at: datetime | None  # aware; None when the name does not say
    phone_e164: str | None = None
    side: str | None = None  # baresip: enc (this side) / dec (the other side)
    stamp: str | None = None  # baresip: what pairs the two halves of a call

    @property
    def pair_key(self) -> str | None:
        return self.stamp if self.kind == BARESIP else None


def _local(parts: tuple[str, ...]) -> datetime | None:
    try:
        year, month, day, hour, minute, second = (int(part) for part in parts)
        return datetime(year, month, day, hour, minute, second, tzinfo=LOCAL_ZONE)
    except ValueError:
        return None


def _phone(digits: str) -> str | None:
    return parse_phone(digits).e164


def read_name(name: str) -> RecordingName:
    """What the file's name says (never raises)."""
    found = _BARESIP.match(name)
    if found:
        at = _local(found.groups()[:6])
        if at is not None:
            stamp = "-".join(f"{int(part):02d}" for part in found.groups()[:6])
            return RecordingName(BARESIP, at, side=found.group(7).lower(), stamp=stamp)
    found = _NUMBER_TIME.match(name)
    if found:
        at = _local(found.groups()[1:7])
        if at is not None:
            return RecordingName(PBX, at, phone_e164=_phone(found.group(1)))
    found = _TIME_NUMBER.match(name)
    if found:
        at = _local(found.groups()[:6])
        if at is not None:
            return RecordingName(PBX, at, phone_e164=_phone(found.group(7)))
    return RecordingName(OTHER, None)


def clean_name(name: str | None) -> str | None:
    """The name as it is kept: the last part of a path, without control characters, at most
    255 characters (its end kept: the extension)."""
    if not name:
        return None
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in name
    ).strip()
    return name[-NAME_LENGTH:] or None
