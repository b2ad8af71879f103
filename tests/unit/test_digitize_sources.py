"""records.digitize.sources: the files offered for import, taken by content — each image format with its
pages, pixels and resolution, a PDF kept as it is — and every file that cannot be taken refused with the
reason the counter shows."""

from __future__ import annotations

import io
import zipfile

import numpy as np
import pytest
from digitize_samples import (
    a4_pixels,
    bomb_png,
    document_page,
    encode,
    encrypted_pdf,
    pdf,
    tiff,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from records.digitize import sources
from records.digitize.sources import ImageSource, PdfSource, read_source, sniff_format, source_jpeg
from records.errors import InvalidInput, UnreadableDocument

NO_DISK = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def small_page(mode: str = "L", seed: int = 0) -> Image.Image:
    """A 1/4-scale document page (about 207 x 292 pixels): real strokes, quick to encode."""
    return document_page(25, mode=mode, seed=seed)


def image_source(data: bytes, name: str = "giay-to.bin") -> ImageSource:
    source = read_source(data, name)
    assert isinstance(source, ImageSource)
    return source


def refused(data: bytes, name: str = "tep") -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as caught:
        read_source(data, name)
    error = caught.value
    assert error.code == "unreadable_document"
    assert isinstance(error, InvalidInput)
    assert error.params["name"] == name
    return error


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    return float(np.abs(np.asarray(a, dtype=np.int16) - np.asarray(b, dtype=np.int16)).mean())


# -- images ----------------------------------------------------------------------------------------------


def test_a_grey_jpeg_is_one_page_with_its_pixels_and_dpi() -> None:
    original = small_page()
    source = image_source(encode(original, "JPEG", quality=90, dpi=(200, 200)), "CCCD mặt trước.jpg")
    (page,) = source.pages
    assert source.name == "CCCD mặt trước.jpg"
    assert page.image.mode == "L"
    assert page.image.size == original.size
    assert mean_difference(page.image, original) < 3  # JPEG is lossy, but it is the same picture
    assert page.dpi == 200
    assert (page.rotation, page.crop) == (0, None)
    assert page.source == "import:CCCD mặt trước.jpg#1"


def test_a_colour_jpeg_stays_colour() -> None:
    original = small_page("RGB")
    (page,) = image_source(encode(original, "JPEG", quality=90, dpi=(300, 300))).pages
    assert page.image.mode == "RGB"
    assert mean_difference(page.image, original) < 8  # chroma subsampling blurs the blue ink's edges
    assert page.dpi == 300


def test_a_png_reads_exactly_and_its_dpi_is_rounded_from_pixels_per_metre() -> None:
    original = small_page("RGB")
    (page,) = image_source(encode(original, "PNG", dpi=(200, 200))).pages  # stored as 7874 px/m
    assert page.image.mode == "RGB"
    assert page.image.tobytes() == original.tobytes()
    assert page.dpi == 200.0


def test_a_one_bit_png_stays_one_bit() -> None:
    original = small_page("1")
    (page,) = image_source(encode(original, "PNG", dpi=(300, 300))).pages
    assert page.image.mode == "1"
    assert page.image.tobytes() == original.tobytes()
    assert page.dpi == 300


def test_a_multi_page_tiff_gives_every_page_in_order() -> None:
    originals = [small_page(seed=n) for n in range(3)]
    source = image_source(tiff(originals, compression="tiff_lzw", dpi=(300, 300)), "ho-so.tif")
    assert len(source.pages) == 3
    for number, (page, original) in enumerate(zip(source.pages, originals, strict=True), start=1):
        assert page.image.tobytes() == original.tobytes()
        assert page.dpi == 300
        assert page.source == f"import:ho-so.tif#{number}"
    assert source.pages[0].image is not source.pages[1].image


def test_a_group4_tiff_gives_one_bit_pages() -> None:
    originals = [small_page("1", seed=n) for n in range(2)]
    source = image_source(tiff(originals, compression="group4", dpi=(200, 200)))
    assert [p.image.mode for p in source.pages] == ["1", "1"]
    assert [p.image.tobytes() for p in source.pages] == [o.tobytes() for o in originals]
    assert [p.dpi for p in source.pages] == [200, 200]


@pytest.mark.parametrize("mode", ["RGB", "L", "1"])
def test_a_bmp_reads_exactly(mode: str) -> None:
    original = small_page(mode)
    (page,) = image_source(encode(original, "BMP")).pages
    assert page.image.convert("L").tobytes() == original.convert("L").tobytes()
    assert page.image.mode in ({"RGB"} if mode == "RGB" else {"L", "1"})


def test_a_pdf_is_kept_byte_for_byte_with_its_page_count() -> None:
    data = pdf(3)
    source = read_source(data, "Đơn đề nghị.pdf")
    assert isinstance(source, PdfSource)
    assert source == PdfSource("Đơn đề nghị.pdf", data, 3)


def test_the_content_decides_not_the_name() -> None:
    assert isinstance(read_source(encode(small_page(), "PNG"), "scan.pdf"), ImageSource)
    assert isinstance(read_source(pdf(1), "anh.jpg"), PdfSource)
    assert isinstance(read_source(b"%!junk before the header\n" + pdf(1), "x"), PdfSource)


def test_sniff_format() -> None:
    assert sniff_format(encode(small_page(), "JPEG")) == "JPEG"
    assert sniff_format(encode(small_page(), "TIFF")) == "TIFF"
    assert sniff_format(encode(small_page(), "BMP")) == "BMP"
    assert sniff_format(b"BMW 320i, 2019\n") is None  # "BM", but not a bitmap header
    assert sniff_format(b"GIF89a") is None


# -- turned, converted, resolution -----------------------------------------------------------------------


def test_exif_orientation_turns_the_page_upright() -> None:
    original = small_page()  # portrait
    stored = original.transpose(Image.Transpose.ROTATE_90)  # the camera kept it sideways ...
    exif = Image.Exif()
    exif[0x0112] = 6  # ... and says: turn it 90° clockwise to show it
    (page,) = image_source(encode(stored, "JPEG", quality=95, exif=exif.tobytes())).pages
    assert page.image.size == original.size
    assert mean_difference(page.image, original) < 4
    assert source_jpeg(page.image) is None  # the file's pixels are not the page's any more


@pytest.mark.parametrize(
    ("image", "mode"),
    [
        (Image.new("RGBA", (30, 20), (0, 0, 0, 0)), "RGB"),
        (Image.new("LA", (30, 20), (0, 0)), "L"),
        (Image.new("RGB", (30, 20), (200, 30, 30)).convert("P"), "RGB"),
        (Image.new("L", (30, 20), 99).convert("P"), "L"),
        (Image.new("I;16", (30, 20), 51400), "L"),
    ],
    ids=["RGBA", "LA", "P", "P-grey", "I;16"],
)
def test_other_modes_become_page_modes(image: Image.Image, mode: str) -> None:
    (page,) = image_source(encode(image, "PNG")).pages
    assert page.image.mode == mode


def test_transparency_is_laid_on_white() -> None:
    (page,) = image_source(encode(Image.new("RGBA", (30, 20), (0, 0, 0, 0)), "PNG")).pages
    assert page.image.getpixel((5, 5)) == (255, 255, 255)


def test_sixteen_bit_grey_is_scaled_not_clipped() -> None:
    (page,) = image_source(encode(Image.new("I;16", (30, 20), 51400), "PNG")).pages
    assert page.image.getpixel((5, 5)) == 200  # 51400 / 257


def test_a_cmyk_jpeg_becomes_rgb() -> None:
    (page,) = image_source(encode(Image.new("CMYK", (30, 20), (0, 255, 255, 0)), "JPEG", quality=95)).pages
    assert page.image.mode == "RGB"
    red, green, blue = page.image.getpixel((5, 5))  # type: ignore[misc]
    assert red > 200 and green < 60 and blue < 60


def test_a_fax_resolution_is_made_square() -> None:
    original = Image.new("1", (204, 98), 1)
    (page,) = image_source(tiff([original], compression="group4", dpi=(204, 98))).pages
    assert page.dpi == 204
    assert page.image.size == (204, 204)  # an inch by an inch, as it should look


def test_a_camera_dpi_that_is_no_paper_size_is_dropped() -> None:
    photo = Image.new("RGB", (2000, 1500), (200, 200, 200))  # 72 dpi would make it 70 cm wide
    (page,) = image_source(encode(photo, "JPEG", dpi=(72, 72))).pages
    assert page.dpi is None
    a4_at_72 = Image.new("L", a4_pixels(72), 255)  # a real 72-dpi scan of A4 keeps its 72
    assert image_source(encode(a4_at_72, "PNG", dpi=(72, 72))).pages[0].dpi == 72
    no_unit = image_source(encode(small_page(), "TIFF")).pages[0]  # a TIFF without one reads as 1 dpi
    assert no_unit.dpi is None


def test_source_jpeg_is_the_file_of_an_untouched_jpeg_only() -> None:
    data = encode(small_page(), "JPEG", dpi=(200, 200))
    (page,) = image_source(data).pages
    assert source_jpeg(page.image) == data
    assert source_jpeg(page.rendered()) is None  # a copy is not the file
    assert source_jpeg(image_source(encode(small_page(), "PNG")).pages[0].image) is None
    cmyk = encode(Image.new("CMYK", (30, 20)), "JPEG")
    assert source_jpeg(image_source(cmyk).pages[0].image) is None


# -- refusals --------------------------------------------------------------------------------------------


def test_an_empty_file_is_refused() -> None:
    assert refused(b"", "rong.pdf").params["reason"] == "empty"


@pytest.mark.parametrize(
    "data",
    [
        "Đơn đề nghị cấp bản sao\n".encode(),
        b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200),
        encode(Image.new("RGB", (10, 10)), "GIF"),
        encode(Image.new("RGB", (10, 10)), "WEBP"),
        b"\x00" * 100,
    ],
    ids=["text", "exe", "gif", "webp", "zeros"],
)
def test_what_is_neither_image_nor_pdf_is_not_a_document(data: bytes) -> None:
    assert refused(data).params["reason"] == "not_a_document"


def test_a_zip_is_not_a_document_even_with_a_pdf_inside() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("ho-so.pdf", pdf(1)[:200])
    assert refused(buffer.getvalue(), "ho-so.zip").params["reason"] == "not_a_document"


@pytest.mark.parametrize(
    "data",
    [
        encode(small_page(), "JPEG"),
        encode(small_page("RGB"), "PNG"),
        tiff([small_page(), small_page(seed=1)], compression="tiff_lzw"),
        tiff([small_page("1"), small_page("1", seed=1)], compression="group4"),
        encode(small_page(), "TIFF"),
        encode(small_page("RGB"), "BMP"),
    ],
    ids=["jpeg", "png", "tiff-lzw", "tiff-g4", "tiff-raw", "bmp"],
)
def test_a_truncated_image_is_corrupt(data: bytes) -> None:
    assert refused(data[: len(data) // 2]).params["reason"] == "corrupt"


def test_a_damaged_image_header_is_corrupt() -> None:
    data = bytearray(encode(small_page(), "PNG"))
    data[16:24] = b"\xff" * 8  # the declared size, nonsense (and the chunk's checksum wrong)
    assert refused(bytes(data)).params["reason"] == "corrupt"


@pytest.mark.parametrize("bit_depth", [8, 1])
def test_a_decompression_bomb_is_refused_before_it_is_decoded(bit_depth: int) -> None:
    data = bomb_png(20_000, 20_000, bit_depth)  # 400 million pixels in a few hundred bytes
    assert len(data) < 1000
    assert refused(data, "bom.png").params["reason"] == "too_many_pixels"


def test_the_page_pixel_limit_is_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    data = encode(small_page(), "PNG")
    monkeypatch.setattr(sources, "MAX_PAGE_PIXELS", 10_000)
    assert refused(data).params["reason"] == "too_many_pixels"


def test_many_frames_together_are_a_bomb_too(monkeypatch: pytest.MonkeyPatch) -> None:
    one = small_page().size[0] * small_page().size[1]
    data = tiff([small_page(seed=n) for n in range(3)], compression="tiff_lzw")
    monkeypatch.setattr(sources, "MAX_TOTAL_PIXELS", 2 * one + 1)
    assert refused(data).params["reason"] == "too_many_pixels"


def test_pillow_bomb_warning_never_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pillow only warns between its limit and twice it; with warnings as errors (as here) that warning
    must become the refusal, not leak out."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 40_000)
    data = encode(Image.new("L", (250, 200), 255), "PNG")  # 50,000 pixels: Pillow warns
    assert refused(data).params["reason"] == "too_many_pixels"


def test_pages_between_pillows_limit_and_ours_are_allowed() -> None:
    assert Image.MAX_IMAGE_PIXELS is not None
    assert Image.MAX_IMAGE_PIXELS >= sources.MAX_PAGE_PIXELS


def test_an_oversized_file_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pdf(1)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", len(data) - 1)
    error = refused(data, "lon.pdf")
    assert error.params["reason"] == "too_large"
    assert error.params["size"] == len(data)
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", len(data))
    assert isinstance(read_source(data, "lon.pdf"), PdfSource)


@pytest.mark.parametrize(("owner", "user"), [("chu", "nguoi-dung"), ("chu", "")], ids=["user", "owner-only"])
def test_a_password_protected_pdf_is_encrypted(owner: str, user: str) -> None:
    assert refused(encrypted_pdf(owner, user), "mat-khau.pdf").params["reason"] == "encrypted"


@pytest.mark.parametrize(
    "data",
    [
        pdf(3)[: len(pdf(3)) // 2],
        pdf(3)[:-30],
        b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n",
        b"%PDF-1.4\n%%EOF\n",
    ],
    ids=["half", "tail-cut", "garbage", "header-only"],
)
def test_a_damaged_pdf_is_corrupt(data: bytes) -> None:
    assert refused(data, "hong.pdf").params["reason"] == "corrupt"


def test_a_pdf_without_pages_is_corrupt() -> None:
    assert refused(pdf(0)).params["reason"] == "corrupt"


# -- nothing but UnreadableDocument, whatever the bytes ---------------------------------------------------

REAL_FILES = [
    encode(small_page(), "JPEG"),
    encode(small_page("RGB"), "PNG"),
    encode(small_page("1"), "PNG"),
    tiff([small_page("1"), small_page("1", seed=1)], compression="group4", dpi=(200, 200)),
    tiff([small_page(), small_page(seed=1)], compression="tiff_lzw"),
    encode(small_page("RGB"), "BMP"),
    pdf(2),
]
MAGIC = [b"%PDF-1.7\n", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"BM"]


def reads_or_refuses(data: bytes) -> None:
    try:
        source = read_source(data, "x")
    except UnreadableDocument as error:
        assert error.params["reason"] in {
            "corrupt",
            "not_a_document",
            "too_many_pixels",
            "empty",
            "too_large",
        }
        return
    pages = source.pages if isinstance(source, ImageSource) else ()
    for page in pages:
        assert page.image.mode in ("1", "L", "RGB")


@NO_DISK
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_anything_else(data: bytes) -> None:
    reads_or_refuses(data)


@NO_DISK
@given(st.sampled_from(MAGIC), st.binary(max_size=600))
def test_random_bytes_behind_a_magic_number_never_raise_anything_else(magic: bytes, tail: bytes) -> None:
    reads_or_refuses(magic + tail)


@NO_DISK
@given(st.sampled_from(REAL_FILES), st.floats(0, 1))
def test_truncated_real_files_never_raise_anything_else(data: bytes, keep: float) -> None:
    reads_or_refuses(data[: int(len(data) * keep)])


@NO_DISK
@given(st.sampled_from(REAL_FILES), st.floats(0, 1), st.binary(min_size=1, max_size=8))
def test_damaged_real_files_never_raise_anything_else(data: bytes, where: float, junk: bytes) -> None:
    at = int((len(data) - 1) * where)
    reads_or_refuses(data[:at] + junk + data[at + len(junk) :])
