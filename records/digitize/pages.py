"""Captured pages and the documents they are grouped into, before anything is archived.

A :class:`Page` holds the pixels as they were scanned, photographed or imported, and the clerk's edits as
plain values (a quarter-turn rotation, then a crop): the editor, the quality gate and the archive all
compute the page they need from the same untouched pixels, so an edit can always be undone and nothing is
re-encoded twice. A :class:`DraftDocument` is the pages that will become one archived PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from PIL import Image

from records.text import nfc

MM_PER_INCH = 25.4
A4_MM = (210.0, 297.0)  # the page an image of unknown resolution is assumed to show
PAGE_MODES = frozenset({"RGB", "L", "1"})

Box = tuple[int, int, int, int]

# A clockwise quarter-turn count (0-3) -> Pillow's transpose, whose names count anticlockwise.
_TRANSPOSE = {
    1: Image.Transpose.ROTATE_270,
    2: Image.Transpose.ROTATE_180,
    3: Image.Transpose.ROTATE_90,
}


class ColourMode(StrEnum):
    """How an archived page keeps its pixels."""

    COLOUR = "colour"
    GRAY = "gray"
    BW = "bw"  # black and white, 1 bit per pixel


@dataclass(frozen=True)
class Page:
    """One captured page; operations return new Pages, the source pixels are never modified.

    ``image`` is the source as captured or imported (mode ``RGB``, ``L`` or ``1``, fully loaded);
    ``dpi`` its resolution, ``None`` when unknown (a camera, a PNG without one); ``rotation`` 0, 90, 180 or
    270 degrees clockwise, applied before ``crop``, a (left, top, right, bottom) box in the rotated image's
    pixels (``None``: the whole page); ``source`` says where it came from: ``"scan:<device>"``,
    ``"camera"``, ``"import:<file name>#<page number from 1>"``.
    """

    image: Image.Image
    dpi: float | None = None
    rotation: int = 0
    crop: Box | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.image.mode not in PAGE_MODES:
            raise ValueError(f"a page image must be RGB, L or 1, not {self.image.mode}")
        if self.image.width < 1 or self.image.height < 1:
            raise ValueError("a page image cannot be empty")
        if self.dpi is not None and not self.dpi > 0:
            raise ValueError(f"a page's dpi must be positive, not {self.dpi}")
        if self.rotation % 90:
            raise ValueError(f"a page turns by quarter turns, not {self.rotation} degrees")
        object.__setattr__(self, "rotation", self.rotation % 360)
        if self.crop is not None:
            box = _int_box(self.crop)
            width, height = self._rotated_size()
            if not (0 <= box[0] < box[2] <= width and 0 <= box[1] < box[3] <= height):
                raise ValueError(f"crop {box} is not inside the {width}x{height} page")
            object.__setattr__(self, "crop", None if box == (0, 0, width, height) else box)
        self.image.load()

    # -- edits -------------------------------------------------------------------------------------------

    def rotated(self, quarter_turns: int) -> Page:
        """The page turned by ``quarter_turns`` (+1 = 90° clockwise, -1 = anticlockwise); a crop turns with
        it, so it still frames the same part of the page."""
        turns = quarter_turns % 4
        crop = self.crop
        width, height = self._rotated_size()
        for _ in range(turns):
            if crop is not None:
                left, top, right, bottom = crop
                crop = (height - bottom, left, height - top, right)
            width, height = height, width
        return Page(self.image, self.dpi, (self.rotation + 90 * turns) % 360, crop, self.source)

    def cropped(self, box: tuple[int, int, int, int] | None) -> Page:
        """The page cropped to ``box`` (left, top, right, bottom in the rotated page's pixels), clamped to
        the page; ``None`` removes the crop. A box with nothing left inside the page is a ValueError; a box
        covering the whole page is no crop at all."""
        if box is None:
            return Page(self.image, self.dpi, self.rotation, None, self.source)
        width, height = self._rotated_size()
        left, top, right, bottom = _int_box(box)
        clamped = (
            min(max(left, 0), width),
            min(max(top, 0), height),
            min(max(right, 0), width),
            min(max(bottom, 0), height),
        )
        if clamped[0] >= clamped[2] or clamped[1] >= clamped[3]:
            raise ValueError(f"crop {box} leaves nothing of the {width}x{height} page")
        return Page(self.image, self.dpi, self.rotation, clamped, self.source)

    # -- what the page looks like ------------------------------------------------------------------------

    def rendered(self) -> Image.Image:
        """The page as edited: the rotation, then the crop applied (a new image the caller owns)."""
        image = self.view()
        return image.copy() if image is self.image else image

    def view(self) -> Image.Image:
        """:meth:`rendered` without the defensive copy: the source image itself when there is no edit.
        For read-only work (measures, encoding); never draw on the result."""
        image = self.image
        if self.crop is not None:
            image = image.crop(self._source_box(self.crop))
        turns = self.rotation // 90
        return image.transpose(_TRANSPOSE[turns]) if turns else image

    def thumbnail(self, size: int) -> Image.Image:
        """The rendered page in RGB, scaled so that its longest side is ``size`` pixels."""
        if size < 1:
            raise ValueError(f"a thumbnail needs a positive size, not {size}")
        width, height = self.size()
        scale = size / max(width, height)
        target = (max(1, round(width * scale)), max(1, round(height * scale)))
        image = self.image
        if self.crop is not None:
            image = image.crop(self._source_box(self.crop))
        if image.mode == "1":
            image = image.convert("L")  # scaled as grey, so thin strokes stay visible
        turns = self.rotation // 90
        if turns % 2:
            target = (target[1], target[0])  # scaled before it is turned: the smaller image turns faster
        image = image.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
        if turns:
            image = image.transpose(_TRANSPOSE[turns])
        return image.convert("RGB")

    def size(self) -> tuple[int, int]:
        """The rendered page's width and height in pixels."""
        if self.crop is not None:
            left, top, right, bottom = self.crop
            return right - left, bottom - top
        return self._rotated_size()

    def effective_dpi(self) -> float:
        """The page's resolution: its dpi when known; otherwise the resolution it would have printed on
        A4 in the same orientation (the smaller of width over 210 mm and height over 297 mm for an upright
        page, of width over 297 mm and height over 210 mm for a landscape one)."""
        if self.dpi is not None:
            return self.dpi
        width, height = self.size()
        short_mm, long_mm = A4_MM
        across, down = (short_mm, long_mm) if height >= width else (long_mm, short_mm)
        return min(width / (across / MM_PER_INCH), height / (down / MM_PER_INCH))

    # -- geometry ----------------------------------------------------------------------------------------

    def _rotated_size(self) -> tuple[int, int]:
        width, height = self.image.size
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def _source_box(self, box: Box) -> Box:
        """A box in the rotated page's pixels as a box in the source image's pixels."""
        left, top, right, bottom = box
        width, height = self.image.size
        if self.rotation == 90:
            return top, height - right, bottom, height - left
        if self.rotation == 180:
            return width - right, height - bottom, width - left, height - top
        if self.rotation == 270:
            return width - bottom, left, width - top, right
        return box


def _int_box(box: Sequence[float]) -> Box:
    if len(box) != 4:
        raise ValueError(f"a crop box has four sides, not {len(box)}")
    left, top, right, bottom = (round(v) for v in box)
    return left, top, right, bottom


@dataclass(frozen=True)
class DraftDocument:
    """Pages to become one archived PDF, named after (and optionally tied to) a checklist item."""

    name: str
    pages: tuple[Page, ...]
    checklist_code: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.pages, tuple):
            object.__setattr__(self, "pages", tuple(self.pages))


def split_into_documents(
    pages: Sequence[Page], starts: Sequence[int], names: Sequence[str]
) -> list[DraftDocument]:
    """Cut a run of pages (a scanner's feeder batch, a multi-page import) into documents.

    ``starts`` are the indexes where a new document begins (0 is implied; order and repeats do not
    matter); ``names[i]`` names document ``i`` (NFC, trimmed). A start outside the pages, a blank name or a
    count of names that is not the count of documents is a ValueError.
    """
    if not pages:
        if starts or names:
            raise ValueError("no pages to split")
        return []
    cuts = sorted({0, *starts})
    if cuts[0] < 0 or cuts[-1] >= len(pages):
        raise ValueError(f"a document must start at a page from 0 to {len(pages) - 1}, not {cuts}")
    if len(names) != len(cuts):
        raise ValueError(f"{len(cuts)} documents but {len(names)} names")
    cleaned = [nfc(name) for name in names]
    if not all(cleaned):
        raise ValueError("every document needs a name")
    ends = [*cuts[1:], len(pages)]
    return [
        DraftDocument(name, tuple(pages[start:end]))
        for name, start, end in zip(cleaned, cuts, ends, strict=True)
    ]
