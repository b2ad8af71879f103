"""records.digitize.archive: a document's pages become one PDF — at the archive's resolution and page size,
in its colour mode (JPEG or CCITT G4), a fitting JPEG embedded untouched — with metadata that reads back."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
import pikepdf
import pytest
from digitize_samples import a4_pixels, document_page, encode
from PIL import Image

from records.clock import VIETNAM_TZ
from records.digitize.archive import (
    ArchiveMetadata,
    ArchiveOptions,
    archive_page,
    build_pdf,
    otsu_threshold,
    read_metadata,
)
from records.digitize.pages import ColourMode, Page
from records.digitize.sources import ImageSource, read_source
from records.errors import UnreadableDocument

A4_POINTS = (595.28, 841.89)
METADATA = ArchiveMetadata(
    title="Giấy khai sinh (bản sao)",
    file_code="000.17.22.H56-260105-0001",
    created_at=datetime(2026, 1, 5, 9, 30, tzinfo=VIETNAM_TZ),
    workstation="000.17.22.H56 / máy 1",
    author="Nguyễn Thị Lan",
)
GRAY, COLOUR, BW = (
    ArchiveOptions(),
    ArchiveOptions(mode=ColourMode.COLOUR),
    ArchiveOptions(mode=ColourMode.BW),
)


def image_of(data: bytes, number: int = 0) -> tuple[dict[str, object], tuple[float, float], bytes]:
    """Page ``number``'s image dictionary, the page's size in points, and the image's stream as stored."""
    with pikepdf.open(io.BytesIO(data)) as document:
        page = document.pages[number]
        (image,) = page.get_images().values()
        box = [float(v) for v in page.mediabox]
        info: dict[str, object] = {}
        for key in ("/Width", "/Height", "/Filter", "/ColorSpace", "/BitsPerComponent"):
            value = image.get(key)
            info[key] = str(value) if isinstance(value, pikepdf.Name) else value
        return info, (box[2] - box[0], box[3] - box[1]), image.read_raw_bytes()


def page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as document:
        return len(document.pages)


def filters(info: dict[str, object]) -> list[str]:
    value = info["/Filter"]
    return [str(v) for v in value] if isinstance(value, pikepdf.Array) else [str(value)]


# -- resolution and page size ----------------------------------------------------------------------------


def test_a_300_dpi_grey_a4_page_becomes_a_200_dpi_a4_page() -> None:
    page = Page(document_page(300, noise=2, paper=240), dpi=300)
    pdf = build_pdf([page], GRAY, METADATA)
    info, size, stream = image_of(pdf)
    width, height = a4_pixels(200)
    assert (info["/Width"], info["/Height"]) == pytest.approx((width, height), abs=1)
    assert size == pytest.approx(A4_POINTS, abs=1.0)
    assert filters(info) == ["/DCTDecode"]
    assert info["/ColorSpace"] == "/DeviceGray"
    decoded = Image.open(io.BytesIO(stream))
    assert decoded.mode == "L"
    assert len(pdf) < 400_000


def test_a_page_coarser_than_the_archive_is_never_upscaled() -> None:
    page = Page(document_page(100), dpi=100)
    info, size, _ = image_of(build_pdf([page], GRAY, METADATA))
    assert (info["/Width"], info["/Height"]) == a4_pixels(100)
    assert size == pytest.approx(A4_POINTS, abs=1.0)  # still A4: laid out at its own 100 dpi


def test_a_page_of_unknown_resolution_is_archived_as_a4() -> None:
    page = Page(document_page(300))  # a camera's page: no dpi, 300 dpi as A4
    info, size, _ = image_of(build_pdf([page], GRAY, METADATA))
    assert (info["/Width"], info["/Height"]) == pytest.approx(a4_pixels(200), abs=1)
    assert size == pytest.approx(A4_POINTS, abs=1.0)


def test_each_page_has_its_own_size() -> None:
    fine = Page(document_page(300), dpi=300)
    coarse = Page(document_page(100), dpi=100)
    half = Page(document_page(100), dpi=100).cropped((0, 0, a4_pixels(100)[0], a4_pixels(100)[1] // 2))
    pdf = build_pdf([fine, coarse, half, fine.rotated(1)], GRAY, METADATA)
    assert page_count(pdf) == 4
    assert image_of(pdf, 0)[1] == pytest.approx(A4_POINTS, abs=1.0)
    assert image_of(pdf, 1)[1] == pytest.approx(A4_POINTS, abs=1.0)
    assert image_of(pdf, 2)[1] == pytest.approx((A4_POINTS[0], A4_POINTS[1] / 2), abs=1.0)
    assert image_of(pdf, 3)[1] == pytest.approx(A4_POINTS[::-1], abs=1.0)  # turned: landscape
    info, _, _ = image_of(pdf, 3)
    assert (info["/Width"], info["/Height"]) == pytest.approx(a4_pixels(200)[::-1], abs=1)


def test_the_archived_page_shows_the_turned_page() -> None:
    image = Image.new("L", a4_pixels(100), 255)
    image.paste(0, (0, 0, image.width, 100))  # a black band along the top
    data, kind = archive_page(Page(image, dpi=100).rotated(1), GRAY)  # clockwise: the band goes right
    shown = np.asarray(Image.open(io.BytesIO(data)))
    assert kind == "jpeg"
    assert shown.shape == (image.width, image.height)
    assert shown[:, -50:].mean() < 30 and shown[:, :50].mean() > 225


# -- colour modes ----------------------------------------------------------------------------------------


def test_colour_is_a_colour_jpeg() -> None:
    page = Page(document_page(100, mode="RGB"), dpi=200)
    info, _, stream = image_of(build_pdf([page], COLOUR, METADATA))
    assert filters(info) == ["/DCTDecode"]
    assert info["/ColorSpace"] == "/DeviceRGB"
    pixels = np.asarray(Image.open(io.BytesIO(stream)).convert("RGB"), dtype=np.int16)
    ink = pixels[pixels.sum(axis=2) < 300]
    assert len(ink) > 1000
    assert ink[:, 2].mean() > ink[:, 0].mean() + 60  # the blue ink stayed blue


def test_grey_archives_a_colour_page_in_grey() -> None:
    page = Page(document_page(100, mode="RGB"), dpi=200)
    info, _, _ = image_of(build_pdf([page], GRAY, METADATA))
    assert info["/ColorSpace"] == "/DeviceGray"


def test_colour_keeps_a_grey_page_grey() -> None:
    info, _, _ = image_of(build_pdf([Page(document_page(100), dpi=200)], COLOUR, METADATA))
    assert info["/ColorSpace"] == "/DeviceGray"  # no colour to keep: three channels would only cost


def test_black_and_white_is_ccitt_g4() -> None:
    source = document_page(300, paper=230, noise=3)
    page = Page(source, dpi=300)
    pdf = build_pdf([page], BW, METADATA)
    info, size, _ = image_of(pdf)
    assert filters(info) == ["/CCITTFaxDecode"]
    assert info["/BitsPerComponent"] == 1
    assert (info["/Width"], info["/Height"]) == pytest.approx(a4_pixels(200), abs=1)
    assert size == pytest.approx(A4_POINTS, abs=1.0)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        (image,) = document.pages[0].get_images().values()
        assert isinstance(image, pikepdf.Stream)
        shown = np.asarray(pikepdf.PdfImage(image).as_pil_image().convert("L"))
    ink = (np.asarray(source) < 128).mean()
    assert (shown == 0).mean() == pytest.approx(ink, rel=0.25)  # the text is black, the grey paper white
    assert len(pdf) < 60_000


def test_black_and_white_encodes_a_g4_tiff() -> None:
    data, kind = archive_page(Page(document_page(100, mode="1"), dpi=100), BW)
    tiff = Image.open(io.BytesIO(data))
    assert kind == "ccitt"
    assert (tiff.format, tiff.mode, tiff.info["compression"]) == ("TIFF", "1", "group4")


def test_otsu_splits_ink_from_paper() -> None:
    pixels = np.full((10, 10), 220, np.uint8)
    pixels[:3] = 40
    assert 40 <= otsu_threshold(Image.fromarray(pixels, "L")) < 220
    assert otsu_threshold(Image.new("L", (5, 5), 255)) < 255  # a white page stays white
    assert otsu_threshold(Image.new("L", (5, 5), 0)) == 255  # a black one black


# -- a JPEG that already fits ----------------------------------------------------------------------------


def jpeg_page(data: bytes) -> Page:
    source = read_source(data, "anh.jpg")
    assert isinstance(source, ImageSource)
    return source.pages[0]


def test_a_fitting_jpeg_is_embedded_byte_identical() -> None:
    data = encode(document_page(150), "JPEG", quality=80, dpi=(150, 150))
    page = jpeg_page(data)
    assert archive_page(page, GRAY) == (data, "jpeg")
    pdf = build_pdf([page], GRAY, METADATA)
    _, size, stream = image_of(pdf)
    assert stream == data
    assert size == pytest.approx(A4_POINTS, abs=1.0)


def test_a_fitting_camera_jpeg_is_laid_out_as_a4_not_at_its_72_dpi() -> None:
    data = encode(document_page(150, mode="RGB"), "JPEG", quality=80, dpi=(72, 72))
    page = jpeg_page(data)
    assert page.dpi is None
    pdf = build_pdf([page], COLOUR, METADATA)
    _, size, stream = image_of(pdf)
    assert stream == data
    assert size == pytest.approx(A4_POINTS, abs=1.0)


@pytest.mark.parametrize(
    ("edit", "options"),
    [
        (lambda p: p.rotated(1), GRAY),
        (lambda p: p.cropped((0, 0, 500, 500)), GRAY),
        (lambda p: p, ArchiveOptions(dpi=100)),  # finer than the archive
        (lambda p: p, BW),
    ],
    ids=["turned", "cropped", "too-fine", "black-and-white"],
)
def test_a_jpeg_that_does_not_fit_is_encoded_again(
    edit: Callable[[Page], Page], options: ArchiveOptions
) -> None:
    data = encode(document_page(150), "JPEG", quality=80, dpi=(150, 150))
    encoded, _ = archive_page(edit(jpeg_page(data)), options)
    assert encoded != data


def test_a_colour_jpeg_in_a_grey_archive_is_encoded_again_in_grey() -> None:
    data = encode(document_page(100, mode="RGB"), "JPEG", quality=80, dpi=(100, 100))
    encoded, _ = archive_page(jpeg_page(data), GRAY)
    assert encoded != data
    assert Image.open(io.BytesIO(encoded)).mode == "L"
    assert archive_page(jpeg_page(data), COLOUR)[0] == data


# -- metadata --------------------------------------------------------------------------------------------


def test_metadata_reads_back() -> None:
    pdf = build_pdf([Page(document_page(50), dpi=200)], GRAY, METADATA)
    meta = read_metadata(pdf)
    assert meta["title"] == "Giấy khai sinh (bản sao)"
    assert meta["subject"] == "000.17.22.H56-260105-0001"
    assert meta["author"] == "Nguyễn Thị Lan"
    assert meta["creator"] == "MotCua Desk"
    assert "000.17.22.H56-260105-0001" in meta["keywords"]
    assert "000.17.22.H56 / máy 1" in meta["keywords"]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        created = str(document.docinfo["/CreationDate"])
    assert created == f"D:{METADATA.created_at.astimezone(UTC):%Y%m%d%H%M%S}Z"  # 09:30 in Vietnam


def test_metadata_is_nfc_whatever_it_was_given_in() -> None:
    decomposed = unicodedata.normalize("NFD", "Tờ khai đăng ký khai sinh")
    assert decomposed != "Tờ khai đăng ký khai sinh"
    metadata = ArchiveMetadata(decomposed, "C-1", METADATA.created_at, unicodedata.normalize("NFD", "máy 2"))
    meta = read_metadata(build_pdf([Page(document_page(50), dpi=200)], GRAY, metadata))
    assert meta["title"] == "Tờ khai đăng ký khai sinh"
    assert "máy 2" in meta["keywords"]
    assert "author" not in meta  # none given


def test_read_metadata_of_what_is_not_a_pdf_is_unreadable() -> None:
    with pytest.raises(UnreadableDocument):
        read_metadata(b"not a pdf at all")


# -- refusals --------------------------------------------------------------------------------------------


def test_a_document_needs_pages_and_an_aware_time() -> None:
    with pytest.raises(ValueError, match="page"):
        build_pdf([], GRAY, METADATA)
    naive = ArchiveMetadata("Đơn", "C-1", datetime(2026, 1, 5, 9, 30), "máy 1")
    with pytest.raises(ValueError, match="aware"):
        build_pdf([Page(document_page(50), dpi=200)], GRAY, naive)


def test_options_are_checked_and_take_the_mode_by_name() -> None:
    assert ArchiveOptions(mode="bw").mode is ColourMode.BW  # type: ignore[arg-type]  # as read from settings
    assert ArchiveOptions() == ArchiveOptions(200, ColourMode.GRAY, 60)
    with pytest.raises(ValueError):
        ArchiveOptions(dpi=20)
    with pytest.raises(ValueError):
        ArchiveOptions(jpeg_quality=0)
    with pytest.raises(ValueError):
        ArchiveOptions(mode="sepia")  # type: ignore[arg-type]
