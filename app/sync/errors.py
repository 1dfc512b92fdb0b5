"""What can stop a sync file from being written, read or decided, in words for the user."""

from __future__ import annotations


class SyncRefused(Exception):
    """The sync file (or the request) cannot be used; nothing was written. str() is the message,
    in the language chosen with app.i18n."""


class SyncError(Exception):
    """A conflict decision or another sync request that cannot be done as asked."""
