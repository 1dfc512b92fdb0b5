"""The command line's exit statuses."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_IMPORTED = 1  # the file was read but nothing of it was imported
EXIT_REFUSED = 2  # the file (or an argument) could not be used at all
EXIT_INTERRUPTED = 130
