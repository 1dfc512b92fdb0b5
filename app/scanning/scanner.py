"""Scanning straight from a SANE scanner (Linux), through python-sane when it is installed.

python-sane is optional (it needs libsane-dev to build): without it, or without a scanner, the
panel offers drag and drop, the file dialog and the watched folder instead.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import datetime

from PIL import Image

from app import clock
from app.errors import Refused
from app.i18n import pick

SCAN_DPI = 200  # enough for the QR code and a legible stamp, small enough to store


class ScannerUnavailable(Refused, RuntimeError):
    """No scanner can be used; `message` says why in the chosen language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _sane():
    try:
        import sane
    except ImportError:
        raise ScannerUnavailable(
            pick(
                "未安装扫描仪支持（python-sane）；可拖放文件、选择文件或使用监视文件夹",
                "Scanner support (python-sane) is not installed; drop files, choose them in "
                "a dialog or use the watched folder",
            )
        ) from None
    return sane


@contextmanager
def _sane_session():
    """SANE initialised for one use and closed after it: a later use reads its configuration
    (SANE_CONFIG_DIR, scanners plugged in meanwhile) afresh."""
    sane = _sane()
    sane.init()
    try:
        yield sane
    finally:
        sane.exit()


def devices() -> list[tuple[str, str]]:
    """(device name, description) of each scanner SANE finds; empty without python-sane."""
    try:
        with _sane_session() as sane:
            found = sane.get_devices()
    except ScannerUnavailable:
        return []
    return [(name, f"{vendor} {model}".strip()) for name, vendor, model, _kind in found]


def sane_available() -> bool:
    """True when python-sane is installed and finds at least one scanner."""
    return bool(devices())


def _set(device, option: str, value) -> None:
    # Options differ between backends; a scanner without one scans with its own default.
    try:
        setattr(device, option, value)
    except Exception:
        pass


def scan_pages(device: str | None = None) -> list[Image.Image]:
    """Scan every page in the feeder (or the one on the glass) of `device` (default: the first)."""
    with _sane_session() as sane:
        return _scan(sane, device)


def _scan(sane, device: str | None) -> list[Image.Image]:
    if device is None:
        found = sane.get_devices()
        if not found:
            raise ScannerUnavailable(pick("未找到扫描仪", "No scanner found"))
        device = found[0][0]
    try:
        handle = sane.open(device)
    except Exception as error:
        raise ScannerUnavailable(
            pick(f"无法打开扫描仪 {device}：{error}", f"Cannot open scanner {device}: {error}")
        ) from error
    try:
        _set(handle, "mode", "Gray")
        _set(handle, "resolution", SCAN_DPI)
        source = str(getattr(handle, "source", "") or "")
        if "adf" in source.lower() or "feeder" in source.lower():
            return [image.copy() for image in handle.multi_scan()]
        return [handle.scan()]
    finally:
        handle.close()


def pages_to_tiff(images: list[Image.Image], dpi: int = SCAN_DPI) -> bytes:
    """The scanned pages as one multi-page TIFF (deflate-compressed), the file add_scan stores."""
    if not images:
        raise ValueError("no pages")
    plain = [image if image.mode in ("1", "L", "RGB") else image.convert("RGB") for image in images]
    buffer = io.BytesIO()
    plain[0].save(
        buffer,
        format="TIFF",
        save_all=True,
        append_images=plain[1:],
        compression="tiff_adobe_deflate",
        dpi=(dpi, dpi),
    )
    return buffer.getvalue()


def scan_filename(now: datetime | None = None) -> str:
    return f"scanner-{(now or clock.local_now()).strftime('%Y%m%d-%H%M%S')}.tiff"
