"""Files are checked by their content: images and PDFs pass, anything else is refused clearly."""

from __future__ import annotations

import pytest
from PIL import Image

from app.i18n import set_language
from app.scanning.files import ScanRefused, check_scan, page_images, render_page

from .helpers import case_pdf, rasterize, to_bytes

LIMIT = 50 * 1024 * 1024


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("zh")


def test_png_jpeg_and_pdf_are_accepted():
    page = Image.new("L", (200, 300), 255)
    assert check_scan(to_bytes(page), "a.png", max_bytes=LIMIT).media_type == "image/png"
    assert check_scan(to_bytes(page, "JPEG"), None, max_bytes=LIMIT).media_type == "image/jpeg"
    pdf = check_scan(case_pdf("A1", None), "b.pdf", max_bytes=LIMIT)
    assert (pdf.media_type, pdf.pages) == ("application/pdf", 2)


def test_the_name_does_not_decide_the_type():
    # A PNG named .pdf is a PNG; the scanner's naming does not matter.
    scan = check_scan(to_bytes(Image.new("L", (50, 50), 255)), "scan.pdf", max_bytes=LIMIT)
    assert scan.media_type == "image/png"


def test_multi_page_tiff_gives_every_page():
    pages = rasterize(case_pdf("A1", "A2", None), dpi=60)
    scan = check_scan(to_bytes(pages, "TIFF", compression="tiff_deflate"), "x.tif", max_bytes=LIMIT)
    assert (scan.media_type, scan.pages) == ("image/tiff", 3)
    images = page_images(scan)
    assert [image.size for image in images] == [page.size for page in pages]
    assert render_page(scan, 2).size == pages[2].size


def test_two_page_pdf_renders_at_the_asked_resolution():
    scan = check_scan(case_pdf("A1", None), "x.pdf", max_bytes=LIMIT)
    images = page_images(scan, dpi=72)
    assert len(images) == 2
    assert abs(images[0].width - 595) <= 1 and abs(images[0].height - 842) <= 1  # A4 in points


@pytest.mark.parametrize(
    ("data", "reason", "words"),
    [
        (b"", "empty", "is empty"),
        (b"Dear sir, this is a letter, not a scan.\n", "not_scan", "not an image"),
        (to_bytes(Image.new("RGB", (400, 400), "white"))[:300], "corrupt", "damaged"),
        (b"%PDF-1.7\nthis is not really a PDF", "corrupt", "damaged"),
    ],
    ids=["empty", "text-named-pdf", "truncated-png", "fake-pdf"],
)
def test_bad_files_are_refused_with_a_clear_message(english, data, reason, words):
    with pytest.raises(ScanRefused) as refused:
        check_scan(data, "scan.pdf", max_bytes=LIMIT)
    assert refused.value.reason == reason
    assert words in refused.value.message and "scan.pdf" in refused.value.message


def test_a_png_with_a_damaged_body_is_refused():
    data = bytearray(to_bytes(Image.effect_noise((300, 300), 60)))
    data[200:260] = b"\x00" * 60  # the header is intact, the compressed pixels are not
    with pytest.raises(ScanRefused) as refused:
        check_scan(bytes(data), "x.png", max_bytes=LIMIT)
    assert refused.value.reason == "corrupt"


def test_too_large_is_refused_in_chinese_by_default():
    data = to_bytes(Image.new("L", (50, 50), 255))
    with pytest.raises(ScanRefused) as refused:
        check_scan(data, "big.png", max_bytes=len(data) - 1)
    assert refused.value.reason == "too_large"
    assert "太大" in refused.value.message
