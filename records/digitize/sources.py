"""Reading the files a citizen brings on a USB stick or sends by e-mail, offered for import as documents.

A file is taken by its content, never by its name's extension: a JPEG, PNG, (multi-page) TIFF or BMP image
becomes one :class:`~records.digitize.pages.Page` per page, fully decoded at once so that a truncated file
is refused at the counter rather than found broken later; a PDF is kept byte for byte after its structure
and page count are checked. Everything else is refused with :class:`~records.errors.UnreadableDocument`
and a ``reason``: ``empty``, ``not_a_document``, ``corrupt``, ``too_many_pixels`` (a decompression bomb:
a small file that declares a huge image), ``too_large`` or ``encrypted``.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pikepdf
from PIL import ExifTags, Image

from records.digitize.pages import MM_PER_INCH, Page
from records.errors import UnreadableDocument

MAX_FILE_BYTES = 200 * 1024 * 1024  # bigger: reason "too_large"
MAX_PAGE_PIXELS = 120_000_000  # per image or TIFF frame (A0 at 280 dpi); bigger: reason "too_many_pixels"
# All the frames of one TIFF together (about 110 A4 pages at 300 dpi, a gigabyte decoded): a file of many
# highly compressible frames is a decompression bomb too.
MAX_TOTAL_PIXELS = 1_000_000_000
MAX_PAGES = 1000  # frames of one TIFF; more: reason "too_large"

# Pillow warns above its own limit (about 89 million pixels) and refuses above twice that, also when a
# page is cropped; the pages this module accepts must not trip it. Only ever raised, never lowered.
if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < MAX_PAGE_PIXELS:
    Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS

# A resolution read from a file is believed only when the page it implies is a paper size: cameras and
# phones write 72 dpi into photos of any size, and a TIFF without one reads as 1 dpi.
_MIN_BELIEVABLE_DPI = 20.0
_MAX_BELIEVABLE_DPI = 4800.0
_LARGEST_PAGE_MM = 600.0  # the long side of A2, the largest sheet a counter scans
_SOURCE_JPEG = "_motcua_source_jpeg"  # the attribute holding an image's untouched JPEG file

_PDF = "PDF"
_IMAGE_FORMATS = ("JPEG", "PNG", "TIFF", "BMP")
_BMP_HEADER_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})
# zip (and docx, xlsx, odt), gzip, rar, 7z, Windows and Linux programs, old Office documents
_CONTAINERS = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"MZ",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
)


@dataclass(frozen=True)
class ImageSource:
    """An imported image file (JPEG, PNG, (multi-page) TIFF, BMP): its pages, decoded."""

    name: str
    pages: tuple[Page, ...]


@dataclass(frozen=True)
class PdfSource:
    """An imported PDF, kept byte for byte as it is."""

    name: str
    data: bytes
    page_count: int


def read_source(data: bytes, name: str) -> ImageSource | PdfSource:
    """The document in ``data``, a file named ``name`` offered for import.

    Images are fully decoded, turned upright by their EXIF orientation, and converted to a page's modes:
    ``1`` stays ``1``; grey, 16-bit grey and palettes of greys become ``L``; everything else ``RGB`` (with
    any transparency laid on white). A resolution that is not a paper page's is dropped (``dpi=None``).
    Raises :class:`~records.errors.UnreadableDocument` with the reason the file cannot be taken.
    """
    if not data:
        raise UnreadableDocument(f"{name} is empty", reason="empty", name=name)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableDocument(
            f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
            reason="too_large",
            name=name,
            size=len(data),
            limit=MAX_FILE_BYTES,
        )
    kind = sniff_format(data)
    if kind is None:
        raise UnreadableDocument(
            f"{name} is neither an image (JPEG, PNG, TIFF, BMP) nor a PDF", reason="not_a_document", name=name
        )
    if kind == _PDF:
        return PdfSource(name, data, _pdf_page_count(data, name))
    return ImageSource(name, _image_pages(data, name, kind))


def sniff_format(data: bytes) -> str | None:
    """The format of a file by its first bytes: ``"PDF"``, ``"JPEG"``, ``"PNG"``, ``"TIFF"``, ``"BMP"``, or
    ``None`` for anything else."""
    if data.startswith(b"%PDF-"):
        return _PDF
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if (
        data.startswith(b"BM")
        and len(data) >= 18
        and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES
    ):
        return "BMP"
    if data.startswith(_CONTAINERS):
        return None  # a zip (an Office document), an archive or a program, whatever it holds
    if b"%PDF-" in data[:1024]:
        return _PDF  # PDF readers allow junk before the header (a mail gateway's, a Mac's resource header)
    return None


def source_jpeg(image: Image.Image) -> bytes | None:
    """The JPEG file ``image`` was decoded from, untouched, when :func:`read_source` made it straight from
    one (no conversion, no EXIF turn); ``None`` for any other image, including every image derived from it.
    The archive embeds such a file as it is instead of encoding the pixels again."""
    data = getattr(image, _SOURCE_JPEG, None)
    return data if isinstance(data, bytes) else None


# -- images ----------------------------------------------------------------------------------------------

_QUIET = threading.Lock()


@contextmanager
def _quietly() -> Iterator[None]:
    """Decoding without letting a warning escape: Pillow warns about odd metadata (corrupt EXIF, XMP it
    cannot read) and only warns about a possible decompression bomb, which becomes an error here.

    ``warnings.catch_warnings`` swaps process-wide state, so imports take the lock: two at once would
    otherwise leave the filters of one behind."""
    with _QUIET, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _image_pages(data: bytes, name: str, kind: str) -> tuple[Page, ...]:
    try:
        with _quietly():
            return _decode(data, name, kind)
    except UnreadableDocument:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableDocument(
            f"{name} declares more pixels than a page can have", reason="too_many_pixels", name=name
        ) from None
    except MemoryError:
        raise
    except Exception as exc:  # every decoder error of a damaged file: OSError, SyntaxError, struct.error...
        raise UnreadableDocument(
            f"{name} is damaged or truncated ({exc.__class__.__name__})", reason="corrupt", name=name
        ) from None


def _decode(data: bytes, name: str, kind: str) -> tuple[Page, ...]:
    image = Image.open(io.BytesIO(data), formats=[kind])
    # Every frame of a TIFF is a page; an APNG or an MPO (a phone's JPEG with a preview) is its main image.
    frames = int(getattr(image, "n_frames", 1)) if kind == "TIFF" else 1
    if frames > MAX_PAGES:
        raise UnreadableDocument(
            f"{name} has {frames} pages, more than {MAX_PAGES}", reason="too_large", name=name, pages=frames
        )
    pages: list[Page] = []
    total = 0
    for index in range(frames):
        if index:
            image.seek(index)
        if kind == "TIFF" and frames > 1 and _is_auxiliary_frame(image):
            continue  # a thumbnail or a mask of the page before, not a page
        pixels = image.width * image.height
        total += pixels
        if pixels > MAX_PAGE_PIXELS or total > MAX_TOTAL_PIXELS:
            raise UnreadableDocument(
                f"{name} declares more pixels than a page can have ({image.width}x{image.height})",
                reason="too_many_pixels",
                name=name,
            )
        image.load()
        page_image, dpi = _page_image(image, jpeg=data if kind == "JPEG" else None)
        pages.append(Page(page_image, dpi, source=f"import:{name}#{len(pages) + 1}"))
    if not pages:
        raise UnreadableDocument(f"{name} holds no page", reason="corrupt", name=name)
    return tuple(pages)


def _is_auxiliary_frame(image: Image.Image) -> bool:
    """A TIFF frame marked as a reduced-resolution copy or a transparency mask (NewSubfileType bits 0, 2)."""
    tags = getattr(image, "tag_v2", None)
    subfile = tags.get(254, 0) if tags is not None else 0
    return isinstance(subfile, int) and bool(subfile & 0b101)


def _page_image(image: Image.Image, *, jpeg: bytes | None) -> tuple[Image.Image, float | None]:
    """A decoded frame as a page's pixels (its own copy) and its believable resolution. ``jpeg``: the
    file, when it is a single JPEG image, remembered if the page keeps its pixels exactly as decoded."""
    orientation = _orientation(image)
    result = _page_mode(image)
    if orientation in _EXIF_TURNS:
        result = result.transpose(_EXIF_TURNS[orientation])
        result.info.pop("exif", None)  # upright now: nothing may turn it a second time
    resolution = _resolution(image.info.get("dpi"))
    if resolution is not None and orientation in (5, 6, 7, 8):
        resolution = (resolution[1], resolution[0])  # turned a quarter: the axes swap
    dpi: float | None = None
    if resolution is not None:
        x_dpi, y_dpi = resolution
        if abs(x_dpi - y_dpi) > 0.01 * max(x_dpi, y_dpi):
            result = _square_pixels(result, x_dpi, y_dpi)  # a fax's 204x98 dpi
            x_dpi = y_dpi = max(x_dpi, y_dpi)
        if _believable(result.size, x_dpi):
            dpi = round(x_dpi, 1)  # 7874 pixels per metre is 200 dpi, not 199.9996
    if result is image:
        if jpeg is not None and image.format == "JPEG":
            setattr(image, _SOURCE_JPEG, jpeg)
            return image, dpi
        result = image.copy()  # the next frame reuses the decoder's image; the page owns its pixels
    return result, dpi


# EXIF orientation -> the transpose that makes the image upright (as PIL.ImageOps.exif_transpose does).
_EXIF_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _orientation(image: Image.Image) -> int | None:
    try:
        value = image.getexif().get(ExifTags.Base.Orientation)
    except Exception:  # unreadable EXIF: the image itself may be fine; the clerk can still turn it
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _resolution(value: object) -> tuple[float, float] | None:
    if not isinstance(value, tuple) or len(value) != 2:
        return None
    try:
        x_dpi, y_dpi = float(value[0]), float(value[1])
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    ok = all(math.isfinite(v) and _MIN_BELIEVABLE_DPI <= v <= _MAX_BELIEVABLE_DPI for v in (x_dpi, y_dpi))
    return (x_dpi, y_dpi) if ok else None


def _believable(size: tuple[int, int], dpi: float) -> bool:
    return max(size) / dpi * MM_PER_INCH <= _LARGEST_PAGE_MM


def _square_pixels(image: Image.Image, x_dpi: float, y_dpi: float) -> Image.Image:
    """``image`` resampled to the finer of its two resolutions on both axes."""
    finest = max(x_dpi, y_dpi)
    size = (round(image.width * finest / x_dpi), round(image.height * finest / y_dpi))
    resample = Image.Resampling.NEAREST if image.mode == "1" else Image.Resampling.BICUBIC
    return image.resize(size, resample)


def _page_mode(image: Image.Image) -> Image.Image:
    """``image`` in a page's mode (``1``, ``L`` or ``RGB``); ``image`` itself when it already is."""
    mode = image.mode
    if mode in ("1", "L", "RGB"):
        return image
    if mode.startswith("I;16") or mode in ("I", "F"):
        return _sixteen_bit_grey(image)
    if mode == "P":
        gray = _palette_is_grey(image)
        if image.has_transparency_data:
            return _on_white(image.convert("RGBA"), "L" if gray else "RGB")
        return image.convert("L" if gray else "RGB")
    if mode in ("LA", "La"):
        return _on_white(image.convert("RGBA"), "L")
    if mode in ("RGBA", "RGBa", "PA"):
        return _on_white(image.convert("RGBA"), "RGB")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV


def _on_white(image: Image.Image, mode: str) -> Image.Image:
    """An RGBA image laid on a white sheet: a page has no transparency."""
    sheet = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(sheet, image).convert(mode)


def _palette_is_grey(image: Image.Image) -> bool:
    palette = image.getpalette("RGB") or []
    return all(palette[i] == palette[i + 1] == palette[i + 2] for i in range(0, len(palette) - 2, 3))


def _sixteen_bit_grey(image: Image.Image) -> Image.Image:
    """16- or 32-bit grey (a scanner's 16-bit TIFF or PNG) as 8-bit ``L``: values above 255 are read as
    16-bit and scaled down, otherwise kept."""
    values = np.asarray(image, dtype=np.float64)
    if not values.size:
        return Image.new("L", image.size)
    if float(np.nanmax(values)) > 255:
        values = values / 257.0
    return Image.fromarray(np.nan_to_num(values).clip(0, 255).round().astype(np.uint8), "L")


# -- PDF -------------------------------------------------------------------------------------------------


def _pdf_page_count(data: bytes, name: str) -> int:
    """The number of pages of a PDF that opens without a password, whose structure reads and that is whole
    (it ends with ``%%EOF``, as a truncated download or copy does not)."""

    def corrupt(why: str) -> UnreadableDocument:
        return UnreadableDocument(f"{name} is a damaged PDF ({why})", reason="corrupt", name=name)

    if b"%%EOF" not in data[-1024:]:
        raise corrupt("truncated: no end-of-file marker")
    try:
        with _quietly(), pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise _encrypted(name)
            count = len(pdf.pages)
            for page in pdf.pages:
                _ = page.mediabox
                contents = page.obj.get("/Contents")
                streams = contents if isinstance(contents, pikepdf.Array) else [contents]
                for stream in streams:
                    if isinstance(stream, pikepdf.Stream):
                        stream.read_bytes()  # a content stream that does not decode is damage
    except UnreadableDocument:
        raise
    except pikepdf.PasswordError:
        raise _encrypted(name) from None
    except MemoryError:
        raise
    except Exception as exc:  # pikepdf.PdfError, and the odd KeyError/TypeError of a mangled object
        raise corrupt(str(exc).rsplit(": ", 1)[-1][:200] or exc.__class__.__name__) from None
    if count < 1:
        raise corrupt("no pages")
    return count


def _encrypted(name: str) -> UnreadableDocument:
    return UnreadableDocument(
        f"{name} is a password-protected PDF: ask for a copy without a password",
        reason="encrypted",
        name=name,
    )
