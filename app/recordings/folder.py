"""The recordings folder a seat's softphone (baresip's `sndfile`) or a PBX drops its files into.

`import_recordings` reads the files old enough not to be still written (app.scanning.inbox),
joins baresip's two halves of a call into one stereo file, and keeps each recording
(app.recordings.filing: filed to its attempt, or in the tray). Only once the caller's transaction
has committed are the files moved aside, as the scan inbox does: to `done/`, or to `refused/`
with a `.txt` saying why. A transaction rolled back (an error, Cancel) moves nothing, and the
next import finds the files again (a file kept before is recognised by its hash). Nothing is
deleted.

A seat's recording without a number (baresip's) is matched by the seat's operator and time; the
operator is kept with it (`CallRecording.operator_id`), so one imported before its call attempt
was saved waits in the tray and is filed when the desk saves that attempt
(app.recordings.matching.match_saved_attempt) or at the next import. baresip names each half by
the second it opened it: an `-enc` and a `-dec` up to `PAIR_SECONDS` apart are one call. A half
whose other half is still being written waits for it; one alone in the folder waits
`WAIT_FOR_PAIR`, then is kept alone.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from app.errors import Refused
from app.file_errors import file_error_text
from app.i18n import pick
from app.importing.rows import quoted
from app.progress import Progress
from app.recordings.filing import add_recording
from app.recordings.matching import FILED, match_tray
from app.recordings.names import BARESIP, DEC, ENC, OTHER, RecordingName, read_name
from app.recordings.wav import MAX_BYTES, RecordingRefused, check_wav, stereo_pair
from app.scanning.inbox import inbox_files
from app.scanning.store import AttachmentStore, sha256_of
from app.staff import acting_member
from db.models import Staff

log = logging.getLogger(__name__)

# What a softphone or a PBX records calls as. A WAV is checked and kept; the others are refused
# with the reason (what this program can play is linear PCM WAV).
SOUND_SUFFIXES = frozenset(
    {".wav", ".wave", ".mp3", ".ogg", ".oga", ".opus", ".amr", ".gsm", ".au", ".flac", ".m4a"}
    | {".aac", ".wma", ".g711", ".ulaw", ".alaw", ".sln", ".raw"}
)
DONE = "done"
REFUSED = "refused"
WAIT_FOR_PAIR = 15 * 60.0  # seconds a baresip half alone in the folder waits for its other half
PAIR_SECONDS = 2  # baresip stamps each half when it opens it: the two may be a second apart
_PENDING = "recordings.after_commit"


@dataclass
class RecordingImport:
    """What one import of the folder did, for the screen and the command line."""

    filed: int = 0  # filed to their call attempts
    tray: int = 0  # waiting in the tray
    duplicate: int = 0  # kept before (moved to done/ all the same)
    refused: int = 0  # not acceptable recordings (moved to refused/)
    waiting: int = 0  # left in the folder for now (a half waiting for its other half)
    matched_from_tray: int = 0  # recordings of earlier imports that now found their attempt
    messages: list[str] = field(default_factory=list)  # one line per refused file

    @property
    def message(self) -> str:
        return pick(
            f"已归档 {self.filed} 个，待匹配 {self.tray} 个，重复 {self.duplicate} 个，"
            f"拒收 {self.refused} 个，暂留 {self.waiting} 个"
            + (
                f"；待匹配区另有 {self.matched_from_tray} 个已归档"
                if self.matched_from_tray
                else ""
            ),
            f"{self.filed} filed, {self.tray} in the tray, {self.duplicate} duplicate, "
            f"{self.refused} refused, {self.waiting} left for later"
            + (f"; {self.matched_from_tray} from the tray filed" if self.matched_from_tray else ""),
        )


class FolderRefused(Refused):
    """The recordings folder cannot be read."""


def after_commit(session: Session, action: Callable[[], None]) -> None:
    """Run `action` once the session's transaction has committed; never when it rolls back."""
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = []

        @event.listens_for(session, "after_commit")
        def _committed(committed: Session) -> None:
            actions = list(committed.info.get(_PENDING, ()))
            committed.info[_PENDING] = []
            for run in actions:
                try:
                    run()
                except OSError:
                    log.exception("recordings: a file could not be moved after the commit")

        @event.listens_for(session, "after_soft_rollback")
        def _rolled_back(rolled: Session, previous: SessionTransaction) -> None:
            if not previous.nested:
                rolled.info[_PENDING] = []

    pending.append(action)


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = os.path.splitext(name)
    counter = 1
    while target.exists():
        target = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return target


def _move(path: Path, folder: Path, reason: str | None = None) -> None:
    if not path.exists():
        return  # moved by another seat's import of a shared folder
    folder.mkdir(exist_ok=True)
    target = _free_name(folder, path.name)
    if reason is not None:
        # The reason first: a crash between the two leaves the file where it was.
        target.with_name(target.name + ".txt").write_text(reason + "\n", "utf-8")
    os.replace(path, target)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _read(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise RecordingRefused(
            pick(
                f"录音文件过大（{size // (1024 * 1024)} MB，上限 {max_bytes // (1024 * 1024)} MB）",
                f"Recording too large ({size // (1024 * 1024)} MB; at most "
                f"{max_bytes // (1024 * 1024)} MB)",
            )
        )
    return path.read_bytes()


def seat_operator(session: Session, name: str | None) -> int | None:
    """The id of the operator the call desk at a seat without a log-in works as, by the name it
    remembers (app.desk.operators.ensure_operator's choice, without creating one)."""
    name = (name or "").strip()
    if not name:
        return None
    return session.scalar(
        select(Staff.id)
        .where(Staff.name == name, Staff.is_operator.is_(True))
        .order_by(Staff.active.desc(), Staff.id)
        .limit(1)
    )


def named_operator(session: Session, text: str) -> int:
    """The operator a seat's recordings belong to, named as typed (blanks evened out): one
    there is (`seat_operator`), never created; refused (FolderRefused) otherwise."""
    name = " ".join(text.split())
    if not name:
        raise FolderRefused(pick("请给出回访员姓名", "Give the operator's name, not an empty one"))
    longest = Staff.__table__.c.name.type.length
    if len(name) > longest:  # no one's: not echoed whole either
        raise FolderRefused(
            pick(
                f"找不到回访员：姓名最多 {longest} 个字",
                f"No operator has that name: a name has at most {longest} characters",
            )
        )
    operator_id = seat_operator(session, name)
    if operator_id is None:
        raise FolderRefused(
            pick(
                f"找不到回访员“{quoted(name)}”：请给出已有回访员的姓名（不会新建）",
                f'No operator is named "{quoted(name)}": give the name of an operator there is '
                "(none is created)",
            )
        )
    return operator_id


def _pair_up(halves: list[tuple[RecordingName, Path]]) -> list[dict[str, Path]]:
    """baresip's halves as calls: an `-enc` and a `-dec` of the same second, else the nearest
    lone ones at most PAIR_SECONDS apart; the rest alone."""
    by_stamp: dict[str, dict[str, Path]] = {}
    times: dict[str, datetime] = {}
    for name, path in halves:
        assert name.stamp is not None and name.recorded_at is not None
        by_stamp.setdefault(name.stamp, {})[name.side or ENC] = path
        times[name.stamp] = name.recorded_at
    lone = {side: [s for s, p in by_stamp.items() if list(p) == [side]] for side in (ENC, DEC)}
    for enc_stamp in sorted(lone[ENC]):
        near = [
            (abs((times[dec_stamp] - times[enc_stamp]).total_seconds()), dec_stamp)
            for dec_stamp in lone[DEC]
            if dec_stamp in by_stamp
            and abs((times[dec_stamp] - times[enc_stamp]).total_seconds()) <= PAIR_SECONDS
        ]
        if near:
            dec_stamp = min(near)[1]
            by_stamp[enc_stamp][DEC] = by_stamp.pop(dec_stamp)[DEC]
    return [by_stamp[stamp] for stamp in sorted(by_stamp)]


def _other_half_present(folder: Path, name: RecordingName) -> bool:
    """Whether the other half of this baresip half is in the folder (being written, then)."""
    assert name.recorded_at is not None
    for path in folder.iterdir():
        other = read_name(path.name)
        if (
            other.kind == BARESIP
            and other.side != name.side
            and other.recorded_at is not None
            and abs((other.recorded_at - name.recorded_at).total_seconds()) <= PAIR_SECONDS
        ):
            return True
    return False


def import_recordings(
    session: Session,
    store: AttachmentStore,
    folder: Path,
    *,
    actor_id: int | None,
    operator_id: int | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    min_age_seconds: float = 2.0,
    wait_seconds: float = WAIT_FOR_PAIR,
    max_bytes: int = MAX_BYTES,
) -> RecordingImport:
    """Keep every finished recording in `folder` (see the module's note); the caller owns the
    transaction, and the files move aside when it commits. `actor_id` is who runs the import,
    the actor of the audit entries; `operator_id` the seat's operator, whose calls the seat's
    own recordings (baresip's) belong to — who runs the import when not given.
    `progress(done, total)` may raise app.errors.Cancelled. A file that cannot be read, or a
    store that cannot be written, refuses the whole run (FolderRefused): the caller rolls back
    and no file moves."""
    with _unreadable_files_refuse_the_run():
        acting_member(session, actor_id)  # anyone logged in: the seat's own recordings
        if operator_id is None:
            operator_id = actor_id
        elif session.get(Staff, operator_id) is None:
            raise FolderRefused(
                pick(f"找不到回访员 {operator_id}", f"Operator {operator_id} not found")
            )
        folder = Path(folder)
        if not folder.is_dir():
            raise FolderRefused(
                pick(
                    f"录音文件夹不存在：{folder}", f"The recordings folder does not exist: {folder}"
                )
            )
        try:
            # Only sound files are taken: anything else in the folder (a note, a database pointed
            # at by mistake) is not a recording and is left where it is, untouched.
            files = [
                path
                for path in inbox_files(folder, min_age_seconds=min_age_seconds)
                if path.suffix.lower() in SOUND_SUFFIXES
            ]
        except OSError as error:
            raise FolderRefused(
                pick(f"无法读取录音文件夹：{error}", f"Cannot read the recordings folder: {error}")
            ) from None
        result = RecordingImport()
        seen: set[str] = set()  # the same bytes twice in one run: the second is a duplicate
        halves: list[tuple[RecordingName, Path]] = []
        singles: list[Path] = []
        for path in files:
            name = read_name(path.name)
            if name.kind == BARESIP and name.pair_key:
                halves.append((name, path))
            else:
                singles.append(path)
        calls = _pair_up(halves)
        total = len(calls) + len(singles)
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        if progress is not None:
            progress(0, total)

        def refuse(paths: list[Path], error: RecordingRefused) -> None:
            result.refused += 1
            result.messages.append(f"{paths[0].name}: {error.message}")
            for path in paths:
                after_commit(session, lambda p=path: _move(p, folder / REFUSED, error.message))

        def keep(
            paths: list[Path], data: bytes, filename: str, *, recorded_at, phone, seat_operator
        ) -> None:
            digest = sha256_of(data)
            if digest in seen:
                result.duplicate += 1
            else:
                seen.add(digest)
                added = add_recording(
                    session,
                    store,
                    data,
                    filename,
                    recorded_at=recorded_at,
                    actor_id=actor_id,
                    phone_e164=phone,
                    operator_id=seat_operator,
                    now=now,
                    max_bytes=max_bytes,
                )
                if added.duplicate:
                    result.duplicate += 1
                elif added.status == FILED:
                    result.filed += 1
                else:
                    result.tray += 1
            for path in paths:
                after_commit(session, lambda p=path: _move(p, folder / DONE))

        for pair in calls:
            paths = [pair[side] for side in (ENC, DEC) if side in pair]
            names = [read_name(path.name) for path in paths]
            try:
                if len(paths) == 2:
                    data = stereo_pair(
                        _read(pair[ENC], max_bytes // 2), _read(pair[DEC], max_bytes // 2)
                    )
                elif _other_half_present(folder, names[0]) or _age(paths[0]) < wait_seconds:
                    result.waiting += 1  # its other half is still being written, or may come
                    step()
                    continue
                else:
                    data = _read(paths[0], max_bytes)
                    check_wav(data, max_bytes=max_bytes)
            except RecordingRefused as error:
                refuse(paths, error)
                step()
                continue
            recorded_at = min(name.recorded_at for name in names if name.recorded_at is not None)
            filename = f"dump-{names[0].stamp}.wav" if len(paths) == 2 else paths[0].name
            keep(
                paths,
                data,
                filename,
                recorded_at=recorded_at,
                phone=None,
                seat_operator=operator_id,
            )
            step()
        for path in singles:
            name = read_name(path.name)
            try:
                data = _read(path, max_bytes)
                check_wav(data, max_bytes=max_bytes)
            except RecordingRefused as error:
                refuse([path], error)
                step()
                continue
            recorded_at = name.recorded_at
            if recorded_at is None or name.kind == OTHER:
                recorded_at = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            keep(
                [path],
                data,
                path.name,
                recorded_at=recorded_at,
                phone=name.phone_e164,
                seat_operator=None,  # a PBX's folder: the number says whose call it was
            )
            step()
        result.matched_from_tray = match_tray(session, actor_id=actor_id, now=now)
        return result


@contextmanager
def _unreadable_files_refuse_the_run() -> Iterator[None]:
    """A file that cannot be read or a store that cannot be written (OSError) refuses the whole
    run (FolderRefused, in words a person understands; a long file name cut short)."""
    try:
        yield
    except OSError as error:
        name = error.filename
        if isinstance(name, str) and len(name) > 80:
            error = OSError(error.errno, error.strerror, name[:80] + "…")
        raise FolderRefused(
            pick("导入未完成，未保存任何录音，文件均未移动：", "Nothing was imported or moved: ")
            + file_error_text(error)
        ) from None
