"""Half-filled Form A answers kept on disk while the operator types, so a crash loses nothing.

One JSON file per operator and queue entry, written whole or not at all (app.atomic_file), so a
file is either the previous draft or the new one, never half of each.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.atomic_file import write_atomically
from db.engine import data_dir

logger = logging.getLogger(__name__)

# Another folder for the drafts (tests, a portable install); the user data folder otherwise.
DRAFTS_DIR_ENV = "REVISITDESK_DRAFTS_DIR"
_VERSION = 1


def default_directory() -> Path:
    configured = os.environ.get(DRAFTS_DIR_ENV)
    return Path(configured) if configured else data_dir() / "drafts"


@dataclass
class Draft:
    operator_id: int
    entry_id: int
    case_no: str
    # Form A's answers by field (overall, …, integrity_breach) and its texts (suggestion, …).
    answers: dict[str, Any] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    timer_started_at: float | None = None  # seconds since the epoch, when the call began
    phone_index: int = 0
    # What the telephone reported of the call (app.telephony.CallFacts.to_dict), if it reports.
    call: dict[str, Any] | None = None


class DraftStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_directory()

    def path(self, operator_id: int, entry_id: int) -> Path:
        return self.directory / f"{operator_id}-{entry_id}.json"

    def save(self, draft: Draft) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path(draft.operator_id, draft.entry_id)
        text = json.dumps({"version": _VERSION, **asdict(draft)}, ensure_ascii=False, indent=1)
        write_atomically(target, text)

    def load(self, operator_id: int, entry_id: int) -> Draft | None:
        """The draft for this entry, or None when there is none or it cannot be read."""
        path = self.path(operator_id, entry_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("version", None)
            return Draft(**data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError):
            logger.warning("Ignoring the unreadable draft %s", path, exc_info=True)
            return None

    def delete(self, operator_id: int, entry_id: int) -> None:
        self.path(operator_id, entry_id).unlink(missing_ok=True)
