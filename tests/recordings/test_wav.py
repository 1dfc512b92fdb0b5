"""A recording is kept only when it is a whole PCM WAV file of sane format; baresip's two halves
of a call become one stereo file, the operator left and the respondent right."""

from __future__ import annotations

import array
import io
import struct
import wave

import pytest

from app.recordings.names import BARESIP, DEC, ENC, OTHER, PBX, clean_name, read_name
from app.recordings.wav import RecordingRefused, check_wav, stereo_pair

from .helpers import CALL_AT, MOBILE_E164, wav


def test_a_pcm_wav_is_measured():
    info, audio = check_wav(wav(2.5, rate=16000, channels=2))
    assert (info.channels, info.rate, info.width, info.frames) == (2, 16000, 2, 40000)
    assert info.duration_seconds == 3 and len(audio) == 40000 * 4


@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_every_pcm_width_is_accepted(width):
    info, _ = check_wav(wav(0.5, width=width))
    assert info.width == width and info.frames == 4000


def _header(fmt: int = 1, channels: int = 1, rate: int = 8000, bits: int = 16, data=b"\0\0" * 8):
    block = channels * bits // 8
    chunk = struct.pack("<HHIIHH", fmt, channels, rate, rate * block, block, bits)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(chunk)) + chunk
    body += b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "RIFF/WAVE"),
        (b"ID3\x03\x00" + b"\0" * 100, "RIFF/WAVE"),  # an MP3
        (b"OggS" + b"\0" * 100, "RIFF/WAVE"),
        (b"#!AMR\n" + b"\0" * 50, "RIFF/WAVE"),
        (b"=cmd|' /C calc'!A0", "RIFF/WAVE"),
        (b"RIFF\x00\x00\x00\x00WAVE", "损坏"),  # no chunks at all
        (_header(fmt=7), "PCM"),  # μ-law
        (_header(fmt=6), "PCM"),  # A-law
        (_header(fmt=49), "PCM"),  # GSM 6.10
        (_header(fmt=3, bits=32, data=b"\0" * 32), "PCM"),  # floating point
        (_header(channels=6, data=b"\0" * 24), "声道"),
        (_header(channels=0), "损坏|声道"),
        (_header(rate=12345), "采样率"),
        (_header(rate=0), "损坏|采样率"),
        (_header(bits=64, data=b"\0" * 16), "损坏|位数"),
        (_header(data=b""), "空"),
    ],
)
def test_what_is_not_a_pcm_wav_is_refused_with_the_reason(data, reason):
    with pytest.raises(RecordingRefused, match=reason):
        check_wav(data)


def test_a_file_cut_short_is_refused():
    whole = wav(1.0)
    with pytest.raises(RecordingRefused, match="不完整"):
        check_wav(whole[: len(whole) // 2])


def test_a_header_claiming_a_huge_length_is_refused_without_reading_it():
    # 2^32-1 bytes of data claimed, 16 there: longer than four hours, or cut short.
    data = bytearray(_header())
    data[40:44] = struct.pack("<I", 0xFFFFFFFF)
    with pytest.raises(RecordingRefused, match="小时|不完整"):
        check_wav(bytes(data))
    data = bytearray(_header(rate=96000, channels=2, bits=32, data=b"\0" * 64))
    data[40:44] = struct.pack("<I", 0xFFFFFF00)
    with pytest.raises(RecordingRefused, match="小时|不完整"):
        check_wav(bytes(data))


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed():
    with pytest.raises(RecordingRefused, match="过大"):
        check_wav(wav(1.0), max_bytes=1000)


def test_random_bytes_never_crash_the_check(rng):
    good = wav(0.2)
    for _ in range(300):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cut = rng.randrange(len(data) + 1)
        try:
            check_wav(bytes(data[:cut] if rng.random() < 0.3 else data))
        except RecordingRefused:
            pass


def test_the_two_halves_of_a_call_become_one_stereo_file():
    operator = wav(1.0, tone=300)
    respondent = wav(1.5, tone=900)
    joined = stereo_pair(operator, respondent)
    info, audio = check_wav(joined)
    assert (info.channels, info.rate, info.frames) == (2, 8000, 12000)
    samples = array.array("h", audio)
    left, right = samples[0::2], samples[1::2]
    with wave.open(io.BytesIO(operator)) as reader:
        assert left[:8000] == array.array("h", reader.readframes(8000))
    with wave.open(io.BytesIO(respondent)) as reader:
        assert right == array.array("h", reader.readframes(12000))
    assert set(left[8000:]) == {0}  # the operator's shorter half padded with silence


def test_eight_bit_halves_are_padded_with_their_own_silence():
    info, audio = check_wav(stereo_pair(wav(0.5, width=1), wav(1.0, width=1)))
    assert info.width == 1 and info.frames == 8000
    assert set(audio[0::2][4000:]) == {0x80}


def test_halves_that_do_not_fit_together_are_refused():
    with pytest.raises(RecordingRefused, match="采样率或位数"):
        stereo_pair(wav(1.0, rate=8000), wav(1.0, rate=16000))
    with pytest.raises(RecordingRefused, match="声道数 3"):
        stereo_pair(wav(1.0, channels=3), wav(1.0))
    with pytest.raises(RecordingRefused, match="RIFF"):
        stereo_pair(wav(1.0), b"not a wav")


def _stereo(pairs: list[tuple[int, int]], width: int = 2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(2)
        writer.setsampwidth(width)
        writer.setframerate(48000)
        if width == 1:
            writer.writeframes(bytes(v for pair in pairs for v in pair))
        else:
            writer.writeframes(
                b"".join(v.to_bytes(width, "little", signed=True) for pair in pairs for v in pair)
            )
    return out.getvalue()


def test_two_channel_halves_of_opus_are_mixed_down_then_paired():
    # baresip with opus writes each half in two channels: each becomes one side, averaged.
    enc = _stereo([(1000, 3000), (-32768, -32768), (32767, 32767), (-1, 0)])
    dec = _stereo([(10, 20), (7, 8)])
    info, audio = check_wav(stereo_pair(enc, dec))
    assert (info.channels, info.rate, info.frames) == (2, 48000, 4)
    samples = array.array("h", audio)
    assert list(samples[0::2]) == [2000, -32768, 32767, -1]  # the operator, left
    assert list(samples[1::2]) == [15, 7, 0, 0]  # the respondent, right; padded with silence
    # A mono half and a stereo half of the same call pair as well.
    mixed_info, _ = check_wav(stereo_pair(wav(1.0, rate=48000), _stereo([(4, 6)] * 48000)))
    assert (mixed_info.channels, mixed_info.frames) == (2, 48000)


@pytest.mark.parametrize("width", [1, 3, 4])
def test_two_channel_halves_of_every_width_are_mixed_down(width):
    if width == 1:  # unsigned
        pairs, expected = [(0, 255), (100, 101), (200, 200)], [127, 100, 200]
    else:
        top = (1 << (8 * width - 1)) - 1
        pairs = [(top, top), (-top - 1, -top - 1), (-3, 4), (5, -8)]
        expected = [top, -top - 1, 0, -2]  # rounded down
    enc = _stereo(pairs, width)
    info, audio = check_wav(stereo_pair(enc, enc))
    assert (info.channels, info.width) == (2, width)
    left = [
        int.from_bytes(audio[i : i + width], "little", signed=width > 1)
        for i in range(0, len(audio), 2 * width)
    ]
    assert left == expected


def test_names_say_the_time_the_side_and_the_number():
    enc = read_name("dump-2026-12-07-10-15-00-enc.wav")
    dec = read_name("dump-2026-12-07-10-15-00-dec.wav")
    assert (enc.kind, enc.side, dec.side) == (BARESIP, ENC, DEC)
    assert enc.recorded_at == dec.recorded_at == CALL_AT and enc.pair_key == dec.pair_key
    for name in ("13812345678_20261207-101500.wav", "20261207-101500_13812345678.WAV"):
        found = read_name(name)
        assert (found.kind, found.recorded_at, found.phone_e164) == (PBX, CALL_AT, MOBILE_E164)
    for name in (
        "recording.wav",
        "dump-2026-13-40-10-15-00-enc.wav",  # no such day
        "13812345678_20261299-101500.wav",
        "../../etc/passwd",
        '=HYPERLINK("http://x")_20261207-101500.wav',
        "1" * 5000 + "_20261207-101500.wav",
    ):
        assert read_name(name).kind == OTHER


def test_kept_names_lose_folders_and_control_characters():
    assert clean_name("C:\\calls\\..\\a.wav") == "a.wav"
    assert clean_name("../../etc/x.wav") == "x.wav"
    assert clean_name("a\nb\x00c\u202e.wav") == "a b c .wav"
    assert clean_name("x" * 400 + ".wav") == ("x" * 400 + ".wav")[-255:]
    assert clean_name("") is None and clean_name(None) is None
