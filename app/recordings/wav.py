"""What a recording file must be before it is kept: a WAV file of linear PCM, whole, of a sane
rate, width, channel count, length and size — checked with the standard library's `wave`, never
by its name. baresip's `sndfile` and a PBX's `wav` format both write such files.

Refused, with the reason: anything that is not RIFF/WAVE (MP3, OGG, AMR, a renamed text file),
WAV files of another encoding (A-law, μ-law, GSM 6.10, ADPCM, floating point, WAVE_FORMAT_EXTENSIBLE:
`wave` cannot measure them — a PBX set to record them can record `wav`, 16-bit PCM, instead, or
they can be converted with `sox in.wav -e signed -b 16 out.wav`), a header that claims more
audio than the file holds (a recording cut short, or still being written), and files over the
size or duration limits.

`stereo_pair` joins baresip's two files of a call — what this side sent (`-enc`) and what it
heard (`-dec`) — into one stereo file: left the operator, right the respondent. With a stereo
codec (opus) baresip writes each half in two channels: such a half is first mixed down to mono
(the average of its two channels).
"""

from __future__ import annotations

import io
import struct
import sys
import wave
from array import array
from dataclasses import dataclass

from app.errors import Refused
from app.i18n import pick

MAX_BYTES = 512 * 1024 * 1024  # 512 MiB: over 2 h of 48 kHz stereo, 18 h of telephone audio
MAX_SECONDS = 4 * 3600  # no call on the desk lasts longer
RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 96000)
MAX_CHANNELS = 2
WAV_MEDIA_TYPE = "audio/wav"


class RecordingRefused(Refused, ValueError):
    """A file that is not an acceptable recording; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class WavInfo:
    channels: int
    rate: int
    width: int  # bytes per sample
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    @property
    def duration_seconds(self) -> int:
        """Whole seconds, rounded (a call of 0.6 s is 1 s long on the record)."""
        return int(self.seconds + 0.5)


def _refused(zh: str, en: str) -> RecordingRefused:
    return RecordingRefused(pick(zh, en))


def check_wav(data: bytes, *, max_bytes: int = MAX_BYTES) -> tuple[WavInfo, bytes]:
    """The file's format and its audio frames; RecordingRefused when it is not acceptable."""
    if len(data) > max_bytes:
        raise _refused(
            f"录音文件过大（{len(data) // (1024 * 1024)} MB，上限 {max_bytes // (1024 * 1024)} MB）",
            f"Recording too large ({len(data) // (1024 * 1024)} MB; at most "
            f"{max_bytes // (1024 * 1024)} MB)",
        )
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise _refused(
            "不是 WAV 录音文件（文件头不是 RIFF/WAVE）；只接受 PCM 编码的 WAV 文件",
            "Not a WAV recording (no RIFF/WAVE header); only PCM WAV files are accepted",
        )
    try:
        with wave.open(io.BytesIO(data), "rb") as reader:
            channels = reader.getnchannels()
            rate = reader.getframerate()
            width = reader.getsampwidth()
            frames = reader.getnframes()
            _check_format(channels, rate, width, frames)
            audio = reader.readframes(frames)
    except RecordingRefused:
        raise
    except wave.Error as error:
        text = str(error)
        if "unknown format" in text:
            raise _refused(
                f"WAV 文件的编码不是 PCM（{text}）：A-law、μ-law、GSM 等编码请先转为 16 位 PCM",
                f"The WAV file is not PCM ({text}): convert A-law, μ-law, GSM… to 16-bit PCM",
            ) from None
        raise _refused(f"WAV 文件已损坏（{text}）", f"The WAV file is damaged ({text})") from None
    except (
        EOFError,
        OSError,
        ValueError,
        OverflowError,
        MemoryError,
        RuntimeError,  # wave's chunk reader, on a chunk size past the file's end
        IndexError,
        struct.error,
    ) as error:
        raise _refused(
            f"WAV 文件已损坏或不完整（{type(error).__name__}）",
            f"The WAV file is damaged or incomplete ({type(error).__name__})",
        ) from None
    if len(audio) != frames * channels * width:
        raise _refused(
            "WAV 文件不完整：文件头所述的录音长度超过文件实际内容（录音被截断或仍在写入）",
            "The WAV file is incomplete: its header claims more audio than it holds "
            "(cut short, or still being written)",
        )
    return WavInfo(channels, rate, width, frames), audio


def _check_format(channels: int, rate: int, width: int, frames: int) -> None:
    if not 1 <= channels <= MAX_CHANNELS:
        raise _refused(
            f"录音的声道数 {channels} 不在 1–{MAX_CHANNELS} 之间",
            f"The recording has {channels} channels; 1 to {MAX_CHANNELS} are accepted",
        )
    if rate not in RATES:
        raise _refused(
            f"录音的采样率 {rate} Hz 不常见（接受 {', '.join(map(str, RATES))}）",
            f"Unusual sample rate {rate} Hz (accepted: {', '.join(map(str, RATES))})",
        )
    if width not in (1, 2, 3, 4):
        raise _refused(
            f"录音的采样位数 {width * 8} 不受支持", f"Unsupported sample width {width * 8} bits"
        )
    if frames <= 0:
        raise _refused("录音是空的（没有声音数据）", "The recording is empty (no audio)")
    if frames / rate > MAX_SECONDS:
        raise _refused(
            f"录音时长超过 {MAX_SECONDS // 3600} 小时（文件头可能已损坏）",
            f"The recording is longer than {MAX_SECONDS // 3600} hours (a damaged header?)",
        )


def wav_bytes(info: WavInfo, audio: bytes) -> bytes:
    """A WAV file of these frames."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(info.channels)
        writer.setsampwidth(info.width)
        writer.setframerate(info.rate)
        writer.writeframes(audio)
    return out.getvalue()


def _silence(width: int, frames: int) -> bytes:
    # 8-bit WAV is unsigned: its silence is the middle value.
    return (b"\x80" if width == 1 else b"\x00" * width) * frames


_MIX_FRAMES = 1 << 16  # frames mixed down at a time: memory stays small for a long call


def _samples(audio: bytes, width: int) -> array:
    """The samples of little-endian PCM as an array (24-bit ones as 32-bit, low byte zero)."""
    if width == 3:
        wide = bytearray(len(audio) // 3 * 4)
        for byte in range(3):
            wide[byte + 1 :: 4] = audio[byte::3]
        audio = bytes(wide)
    samples = array({1: "B", 2: "h", 3: "i", 4: "i"}[width])
    samples.frombytes(audio)
    if sys.byteorder == "big" and width > 1:
        samples.byteswap()
    return samples


def mono(info: WavInfo, audio: bytes) -> tuple[WavInfo, bytes]:
    """Mono frames of these frames: a two-channel file's channels averaged (rounded down)."""
    if info.channels == 1:
        return info, audio
    samples = _samples(audio, info.width)
    mixed = array(samples.typecode)
    for start in range(0, info.frames * 2, 2 * _MIX_FRAMES):
        chunk = samples[start : start + 2 * _MIX_FRAMES]
        mixed.extend([(a + b) >> 1 for a, b in zip(chunk[0::2], chunk[1::2], strict=True)])
    if sys.byteorder == "big" and info.width > 1:
        mixed.byteswap()
    out = mixed.tobytes()
    if info.width == 3:
        narrow = bytearray(len(out) // 4 * 3)
        for byte in range(3):
            narrow[byte::3] = out[byte + 1 :: 4]
        out = bytes(narrow)
    return WavInfo(1, info.rate, info.width, info.frames), out


def stereo_pair(operator: bytes, respondent: bytes, *, max_bytes: int = MAX_BYTES) -> bytes:
    """One stereo WAV of the two files of the same call: left the operator's side (baresip's
    `-enc`, what it sent), right the respondent's (`-dec`, what it heard). A half in two
    channels (a stereo codec: opus) is mixed down to mono first. The shorter is made as long as
    the other with silence. Refused when either is not an acceptable file or the two differ in
    rate or width."""
    left_info, left = mono(*check_wav(operator, max_bytes=max_bytes // 2))
    right_info, right = mono(*check_wav(respondent, max_bytes=max_bytes // 2))
    if (left_info.rate, left_info.width) != (right_info.rate, right_info.width):
        raise _refused(
            "一次通话的两个录音文件（-enc/-dec）采样率或位数不同，无法合并",
            "The two files of a call (-enc/-dec) differ in rate or width; they cannot be joined",
        )
    width = left_info.width
    frames = max(left_info.frames, right_info.frames)
    left += _silence(width, frames - left_info.frames)
    right += _silence(width, frames - right_info.frames)
    joined = bytearray(2 * frames * width)
    step = 2 * width
    for byte in range(width):
        joined[byte::step] = left[byte::width]
        joined[width + byte :: step] = right[byte::width]
    return wav_bytes(WavInfo(2, left_info.rate, width, frames), bytes(joined))
