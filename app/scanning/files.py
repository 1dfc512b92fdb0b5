"""Checking a scanned file by its content, and turning its pages into images.

The name of a file says nothing about it: a networked scanner names files as it likes, and a
person may drop anything. A file is accepted when its first bytes are those of a PNG, JPEG, TIFF
or PDF and it opens as one, with at least one page, within the size limit.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageSequence

from app.errors import Refused
from app.i18n import pick

PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
PDF = "application/pdf"
IMAGE_TYPES = (PNG, JPEG, TIFF)

# Where a PDF's header may begin: the PDF reference lets readers accept junk before it.
PDF_HEADER_WINDOW = 1024


class ScanRefused(Refused, ValueError):
    """A file that is not accepted as a scan; `message` says why in the chosen language."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason  # empty / too_large / not_scan / corrupt
        self.message = message


@dataclass
class ScanFile:
    data: bytes
    media_type: str
    pages: int


def _named(filename: str | None) -> str:
    return f"“{filename}”" if filename else pick("文件", "the file")


def sniff_media_type(data: bytes) -> str | None:
    """The media type that the first bytes announce, or None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if b"%PDF-" in data[:PDF_HEADER_WINDOW]:
        return PDF
    return None


def check_scan(data: bytes, filename: str | None = None, *, max_bytes: int) -> ScanFile:
    """The file as an accepted scan; raises ScanRefused saying why it is not one."""
    name = _named(filename)
    if not data:
        raise ScanRefused("empty", pick(f"{name}是空文件", f"{name} is empty"))
    if len(data) > max_bytes:
        size, limit = len(data) / 1_048_576, max_bytes / 1_048_576
        raise ScanRefused(
            "too_large",
            pick(
                f"{name}太大（{size:.1f} MB），上限 {limit:.0f} MB",
                f"{name} is too large ({size:.1f} MB); the limit is {limit:.0f} MB",
            ),
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        raise ScanRefused(
            "not_scan",
            pick(
                f"{name}不是图片（PNG、JPEG、TIFF）或 PDF 文件",
                f"{name} is not an image (PNG, JPEG, TIFF) or a PDF",
            ),
        )
    try:
        pages = _count_pdf_pages(data) if media_type == PDF else _check_image(data)
    except Exception as error:  # every decoder has its own errors; all mean "cannot be read"
        raise ScanRefused(
            "corrupt",
            pick(
                f"{name}已损坏，无法打开（{error}）",
                f"{name} is damaged and cannot be opened ({error})",
            ),
        ) from error
    if pages < 1:
        raise ScanRefused("corrupt", pick(f"{name}没有页面", f"{name} has no pages"))
    return ScanFile(data=data, media_type=media_type, pages=pages)


def _check_image(data: bytes) -> int:
    # Decoding every frame, not only the header, is what finds a truncated or damaged file.
    with Image.open(io.BytesIO(data)) as image:
        count = 0
        for frame in ImageSequence.Iterator(image):
            frame.load()
            count += 1
        return count


def _count_pdf_pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def iter_page_images(scan: ScanFile, dpi: int = 150) -> Iterator[Image.Image]:
    """Each page as an RGB or greyscale image, one at a time (a 50-page PDF would not fit at once).

    Images are given at the resolution they were scanned at; PDF pages are rendered at `dpi`.
    """
    if scan.media_type == PDF:
        import pypdfium2

        document = pypdfium2.PdfDocument(scan.data)
        try:
            for page in document:
                try:
                    yield page.render(scale=dpi / 72).to_pil()
                finally:
                    page.close()
        finally:
            document.close()
        return
    with Image.open(io.BytesIO(scan.data)) as image:
        for frame in ImageSequence.Iterator(image):
            yield _plain(frame)


def page_images(scan: ScanFile, dpi: int = 150) -> list[Image.Image]:
    """All pages (each frame of a multi-page TIFF, each page of a PDF) as images."""
    return list(iter_page_images(scan, dpi))


def render_page(scan: ScanFile, index: int, dpi: int = 150) -> Image.Image:
    """One page as an image, without rendering the others."""
    if not 0 <= index < scan.pages:
        raise IndexError(f"page {index} of a {scan.pages}-page file")
    if scan.media_type == PDF:
        import pypdfium2

        document = pypdfium2.PdfDocument(scan.data)
        try:
            page = document[index]
            try:
                return page.render(scale=dpi / 72).to_pil()
            finally:
                page.close()
        finally:
            document.close()
    with Image.open(io.BytesIO(scan.data)) as image:
        image.seek(index)
        return _plain(image)


def _plain(frame: Image.Image) -> Image.Image:
    # A copy that outlives the file, in a mode every consumer (zxing, Qt) takes.
    if frame.mode in ("L", "RGB"):
        return frame.copy()
    if frame.mode == "1":  # bilevel scans, the usual TIFF from a document scanner
        return frame.convert("L")
    if "A" in frame.mode or "transparency" in frame.info:
        # Transparent areas are paper: white, not the black that a plain convert gives.
        rgba = frame.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return frame.convert("RGB")
