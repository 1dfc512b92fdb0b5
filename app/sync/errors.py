"""What can stop a sync file from being written, read or decided, in words for the user."""

from __future__ import annotations

from app.errors import Refused


class SyncRefused(Refused):
    """The sync file (or the request) cannot be used; nothing was written. str() is the message,
    in the language chosen with app.i18n."""


class SyncError(Refused):
    """A conflict decision or another sync request that cannot be done as asked."""
