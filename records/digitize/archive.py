"""Archiving a document: its pages as one PDF of page images, at the archive's resolution and colour.

Each page is rendered (its rotation and crop applied), brought down to the archive's resolution when it
was captured finer (never up), converted to the archive's colour mode and encoded once: colour and grey as
JPEG, black and white as CCITT G4 after an Otsu threshold. img2pdf puts the encoded images into the PDF as
they are, each on a page of its physical size, so nothing is decoded or compressed a second time; a JPEG
file that already fits the archive is embedded untouched. The PDF carries the document's name, the file's
code, the clerk, the workstation and the time as its metadata.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import img2pdf
import numpy as np
import pikepdf
from PIL import Image

from records.digitize.pages import ColourMode, Page
from records.digitize.sources import source_jpeg
from records.errors import UnreadableDocument
from records.text import nfc

CREATOR = "MotCua Desk"
POINTS_PER_INCH = 72.0
RESAMPLE = Image.Resampling.LANCZOS  # downscaling text: the sharpest of Pillow's filters
JPEG_OPTIMIZE = True  # optimal Huffman tables: about a quarter smaller for 2 ms a page
_DPI_SLACK = 1.005  # a source within 0.5 % of the archive's resolution is not resampled for nothing

Encoded = tuple[bytes, str]


@dataclass(frozen=True)
class ArchiveOptions:
    """How documents are archived: resolution (dpi), colour mode and JPEG quality (1-95)."""

    dpi: int = 200
    mode: ColourMode = ColourMode.GRAY
    jpeg_quality: int = 60

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", ColourMode(self.mode))
        if not 50 <= self.dpi <= 1200:
            raise ValueError(f"an archive's resolution is 50 to 1200 dpi, not {self.dpi}")
        if not 1 <= self.jpeg_quality <= 95:
            raise ValueError(f"JPEG quality is 1 to 95, not {self.jpeg_quality}")


@dataclass(frozen=True)
class ArchiveMetadata:
    """What an archived PDF says about itself."""

    title: str  # the document's name
    file_code: str  # the file's code (the PDF's subject); empty before the file is registered
    created_at: datetime  # aware
    workstation: str  # e.g. "000.17.22.H56 / máy 1"
    author: str | None = None  # the clerk


@dataclass(frozen=True)
class _PageImage:
    data: bytes
    kind: str  # "jpeg" | "ccitt"
    dpi: float  # the resolution the image is laid out at


def archive_page(page: Page, options: ArchiveOptions) -> Encoded:
    """The encoded image of an archived page and its kind (``"jpeg"`` or ``"ccitt"``).

    The page is rendered, downscaled to ``options.dpi`` when its :meth:`~Page.effective_dpi` is finer
    (never upscaled), and converted to the mode: COLOUR and GRAY as a JPEG of ``options.jpeg_quality``
    (a grey source stays grey in COLOUR: there is no colour to keep), BW as a CCITT G4 TIFF after an Otsu
    threshold. A JPEG file that already fits — imported as it is, of the mode's colour, no finer than
    ``options.dpi``, neither turned nor cropped — is returned as it is, without re-encoding.
    """
    encoded = _encode(page, options)
    return encoded.data, encoded.kind


def build_pdf(pages: Sequence[Page], options: ArchiveOptions, metadata: ArchiveMetadata) -> bytes:
    """One PDF of ``pages`` (see :func:`archive_page`), each page at its physical size (its pixels over the
    resolution it was archived at), with the metadata as NFC text: title, subject (the file code), author,
    creator ("MotCua Desk"), keywords (the file code and the workstation) and creation date."""
    if not pages:
        raise ValueError("a document needs at least one page")
    if metadata.created_at.utcoffset() is None:
        raise ValueError("the creation time must be aware")
    images = [_encode(page, options) for page in pages]
    dpis = iter([image.dpi for image in images])

    def layout(width_px: int, height_px: int, _claimed_dpi: object) -> tuple[float, float, float, float]:
        # img2pdf asks once per image, in order; the dpi in a file's header may be a camera's 72.
        dpi = next(dpis)
        width, height = width_px * POINTS_PER_INCH / dpi, height_px * POINTS_PER_INCH / dpi
        return width, height, width, height

    author = nfc(metadata.author) if metadata.author else None
    pdf: bytes = img2pdf.convert(
        [image.data for image in images],
        layout_fun=layout,
        rotation=img2pdf.Rotation.none,  # pages are upright already: an EXIF tag must not turn them again
        engine=img2pdf.Engine.pikepdf,
        title=nfc(metadata.title),
        subject=nfc(metadata.file_code) or None,
        author=author,
        creator=CREATOR,
        keywords=[nfc(k) for k in (metadata.file_code, metadata.workstation) if k],
        creationdate=metadata.created_at,
        moddate=metadata.created_at,
    )
    return pdf


def read_metadata(pdf: bytes) -> dict[str, str]:
    """The metadata of a PDF (``title``, ``subject``, ``author``, ``keywords``, ``creator``), those it has;
    :class:`~records.errors.UnreadableDocument` when it is not a PDF that opens."""
    keys = ("title", "subject", "author", "keywords", "creator")
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            info = document.docinfo
            found = {key: str(info[f"/{key.capitalize()}"]) for key in keys if f"/{key.capitalize()}" in info}
    except pikepdf.PasswordError:
        raise UnreadableDocument("a password-protected PDF", reason="encrypted", name="") from None
    except pikepdf.PdfError as exc:
        raise UnreadableDocument(f"not a readable PDF: {exc}", reason="corrupt", name="") from None
    return found


# -- encoding a page -------------------------------------------------------------------------------------


def _encode(page: Page, options: ArchiveOptions) -> _PageImage:
    fitting = _fitting_jpeg(page, options)
    if fitting is not None:
        return _PageImage(fitting, "jpeg", page.effective_dpi())
    image = page.view()
    if options.mode is not ColourMode.COLOUR or image.mode == "1":
        image = image.convert("L") if image.mode != "L" else image  # one channel to resample, not three
    source_dpi = page.effective_dpi()
    dpi = source_dpi
    if source_dpi > options.dpi * _DPI_SLACK:
        scale = options.dpi / source_dpi
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, RESAMPLE)
        dpi = float(options.dpi)
    if options.mode is ColourMode.BW:
        return _PageImage(_ccitt(_black_and_white(image), dpi), "ccitt", dpi)
    return _PageImage(_jpeg(image, dpi, options.jpeg_quality), "jpeg", dpi)


def _fitting_jpeg(page: Page, options: ArchiveOptions) -> bytes | None:
    """The page's own JPEG file when the archive would only re-encode the same pixels."""
    if page.rotation or page.crop is not None or options.mode is ColourMode.BW:
        return None
    data = source_jpeg(page.image)
    if data is None:
        return None
    wanted = ("RGB", "L") if options.mode is ColourMode.COLOUR else ("L",)
    if page.image.mode not in wanted or page.effective_dpi() > options.dpi * _DPI_SLACK:
        return None
    return data


def _jpeg(image: Image.Image, dpi: float, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=JPEG_OPTIMIZE, dpi=(round(dpi), round(dpi)))
    return buffer.getvalue()


def _ccitt(image: Image.Image, dpi: float) -> bytes:
    """A 1-bit image as a G4 TIFF in one strip: the strip is what img2pdf copies into the PDF as it is."""
    buffer = io.BytesIO()
    row_bytes = (image.width + 7) // 8
    image.save(
        buffer,
        "TIFF",
        compression="group4",
        dpi=(round(dpi), round(dpi)),
        strip_size=row_bytes * image.height,
    )
    return buffer.getvalue()


def otsu_threshold(image: Image.Image) -> int:
    """The grey level (0-255) that best separates ink from paper in an ``L`` image (Otsu's method: the
    split with the largest variance between the two classes); pixels at or below it are ink."""
    histogram = np.bincount(np.asarray(image, dtype=np.uint8).ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(histogram)  # pixels at or below each level
    mass = np.cumsum(histogram * levels)
    background = total - weight
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_low = mass / weight
        mean_high = (mass[-1] - mass) / background
        between = weight * background * (mean_low - mean_high) ** 2
    between = np.nan_to_num(between, nan=-1.0, posinf=-1.0, neginf=-1.0)
    if between.max() <= 0:  # one grey level only: a blank sheet is paper, not ink
        return 127 if total and int(np.argmax(histogram)) > 127 else 255
    return int(np.argmax(between))


def _black_and_white(image: Image.Image) -> Image.Image:
    threshold = otsu_threshold(image)
    table = [0] * (threshold + 1) + [255] * (255 - threshold)
    return image.point(table, "1")
