"""Reading the case code (Form B's QR, app.printing.case_code) from a scanned page.

zxing-cpp finds QR codes in any orientation and at a slant of some degrees. What defeats it on
real scans is speckle (dust, a noisy scanner, a stamp over the code) and codes that are too small
or too large for its search: when nothing of ours is found on the page as it is, a few cleaned
and rescaled versions are tried.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PIL import Image, ImageFilter, ImageOps

from app.printing.case_code import decode_case_code

# Below this many pixels on the short side a code is upscaled; above it, halved.
SMALL_PAGE = 1000
LARGE_PAGE = 2400


def _attempts(image: Image.Image) -> Iterator[Callable[[], Image.Image]]:
    grey = image if image.mode == "L" else image.convert("L")
    yield lambda: grey
    # Salt-and-pepper speckle breaks the finder patterns; a median filter removes it.
    yield lambda: grey.filter(ImageFilter.MedianFilter(3))
    yield lambda: ImageOps.autocontrast(grey, cutoff=1)  # faint, grey scans
    short = min(grey.size)
    if short >= 2 * 400:
        yield lambda: grey.reduce(2)  # averaging also smooths speckle
    if short >= LARGE_PAGE:
        yield lambda: grey.reduce(4)
    if short < SMALL_PAGE:
        yield lambda: grey.resize((grey.width * 2, grey.height * 2), Image.Resampling.LANCZOS)


def read_codes(image: Image.Image) -> list[str]:
    """The texts of the QR codes zxing finds on the image as it is (no cleaning)."""
    import zxingcpp

    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found if barcode.text]


def read_page(image: Image.Image) -> tuple[str | None, str | None]:
    """(case number, the text it came from) for a page; (None, any QR text seen) when none.

    Pages that carry two of our codes for different cases are left for a person: filing such a
    page automatically could put it in the wrong case.
    """
    seen: str | None = None
    for attempt in _attempts(image):
        texts = read_codes(attempt())
        ours = {decode_case_code(text): text for text in texts}
        ours.pop(None, None)
        if len(ours) == 1:
            case_no, text = next(iter(ours.items()))
            return case_no, text
        if len(ours) > 1:
            return None, " | ".join(sorted(ours.values()))
        if texts and seen is None:
            seen = texts[0]
    return None, seen


def read_case_code(image: Image.Image) -> str | None:
    """The case number coded on the page, or None when no valid code of ours can be read."""
    return read_page(image)[0]
