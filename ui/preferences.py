"""What one seat remembers between runs, per user, in QSettings (not in the database): each key
declared here once, with its default. The centre's settings, shared by every seat, are in the
database (app.settings)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from app.i18n import LANGUAGES

ORGANIZATION = "RevisitDesk"
APPLICATION = "RevisitDesk"
DEFAULT_LANGUAGE = "zh"


def _settings() -> QSettings:
    # Named explicitly, so that the preferences do not depend on QApplication's names being set.
    return QSettings(ORGANIZATION, APPLICATION)


@dataclass(frozen=True)
class Preference:
    """A text remembered per seat; "" when not set."""

    key: str

    def get(self) -> str:
        value = _settings().value(self.key, "")
        return value.strip() if isinstance(value, str) else ""

    def set(self, value: str | None) -> None:
        if value and value.strip():
            _settings().setValue(self.key, value.strip())
        else:
            _settings().remove(self.key)


@dataclass(frozen=True)
class Flag:
    """A yes/no remembered per seat; False when not set."""

    key: str

    def get(self) -> bool:
        return _settings().value(self.key, False) in (True, "true")

    def set(self, value: bool) -> None:
        _settings().setValue(self.key, bool(value))


LANGUAGE = Preference("ui/language")
WINDOW_GEOMETRY = Preference("ui/window_geometry")  # the main window's, base64 of saveGeometry
# Who uses the seat where nobody logs in (names, not ids: ids differ per database).
USER_NAME = Preference("user/name")  # chosen on the board
OPERATOR = Preference("desk/operator")  # the call desk's operator
# e.g. linphonec -c "call {number}": split like a shell would, then run without a shell.
DIAL_COMMAND = Preference("desk/dial_command")
# The seat's telephone (app.telephony.KINDS): tel / command / baresip; "" is the command when one
# is set, else tel (as before the setting existed). baresip: its ctrl_tcp address and the SIP URI
# template a number is dialled as (app.telephony.baresip).
TELEPHONE = Preference("desk/telephone")
BARESIP_HOST = Preference("desk/baresip_host")
BARESIP_PORT = Preference("desk/baresip_port")
BARESIP_URI = Preference("desk/baresip_uri")
PDF_FOLDER = Preference("complaints/pdf_folder")  # where complaint forms were last saved
WATCHED_FOLDER = Preference("scanning/watched_folder")  # where the scanner drops its files
WATCHING = Flag("scanning/watching")
# Where this seat's softphone (baresip's sndfile) or a PBX drops call recordings (app.recordings).
RECORDINGS_FOLDER = Preference("recordings/folder")
RECORDINGS_WATCHING = Flag("recordings/watching")  # imported every minute while the tab is open
ARCHIVE_LOCATION = Preference("enterprise/archive_location")  # the last paper archive typed
# The folder last used in a file dialog, per kind of file (ui.file_dialogs); until one was
# used, the dialogs open in the user's documents folder.
LAST_FOLDERS = {
    "report": Preference("folders/report"),  # spreadsheets exported: board, statistics, audit
    "pdf": PDF_FOLDER,  # forms and reports saved as PDF
    "backup": Preference("folders/backup"),  # backups made, verified or restored
    "database": Preference("folders/database"),  # a database restored into
    "sync": Preference("folders/sync"),  # sync files sent and received
    "cases": Preference("folders/cases"),  # case exports read (the first-run units)
    "scans": Preference("folders/scans"),  # scans added by hand
}


def saved_language() -> str:
    language = LANGUAGE.get()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    LANGUAGE.set(language)
