"""The time zone the registration halls keep: local dates, days and calling hours are in it."""

from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Asia/Shanghai")
