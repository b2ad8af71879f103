"""The quality gate: what is worth a second look before a file's documents are archived.

Warnings, never refusals: a blank page (the back of a single-sided sheet fed through a duplex scanner),
a page under the archive's resolution, a skewed page, a document that will be too big to send, a checklist
item with no document. The clerk sees them beside the pages and may keep everything as it is.

The measures run on a reduced grey copy of the page (its long side near :data:`ANALYSIS_LONG_SIDE` pixels,
about 130 dpi for A4), inside a margin that leaves out the scanner's edges and shadows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
import numpy.typing as npt
from PIL import Image

from records.attachments import covers
from records.digitize.pages import DraftDocument, Page

ANALYSIS_LONG_SIDE = 1600
MARGIN = 0.03  # of each side, left out of the measures
MAX_SKEW_SEARCHED = 15.0  # degrees either way; a page turned further is for the rotate buttons
_SKEW_POINTS = 60_000  # ink pixels enough to find the lines' angle to a tenth of a degree
_MIN_SKEW_CONTRAST = 1.15  # the best angle's line sharpness over the typical angle's, or no lines at all
_DPI_SLACK = 0.995  # 199.5 dpi is 200 dpi: a resolution guessed from pixels is off by a pixel or two

Gray = npt.NDArray[np.uint8]


class QualityIssue(StrEnum):
    """What a quality warning is about."""

    BLANK_PAGE = "blank_page"
    LOW_RESOLUTION = "low_resolution"
    SKEWED = "skewed"
    OVERSIZED = "oversized"
    MISSING_DOCUMENT = "missing_document"


@dataclass(frozen=True)
class QualityWarning:
    """One warning: the issue, where it is, and the measure behind it (dpi, degrees, bytes, ink ratio)."""

    issue: QualityIssue
    document: str | None = None  # the document's name
    page: int | None = None  # 1-based page number within the document
    value: float | None = None  # the measure: dpi, skew degrees, bytes, ink ratio


@dataclass(frozen=True)
class QualityRules:
    """The thresholds of the gate."""

    min_dpi: float = 200.0
    max_skew_degrees: float = 2.0
    max_document_bytes: int = 10 * 1024 * 1024
    blank_ink_ratio: float = 0.002  # below this fraction of "ink" pixels a page is blank


DEFAULT_RULES = QualityRules()


def page_warnings(page: Page, rules: QualityRules = DEFAULT_RULES) -> list[QualityWarning]:
    """A page's warnings, in this order: blank (value: the ink ratio), low resolution (value: the
    :meth:`~Page.effective_dpi`), skewed (value: :func:`estimate_skew`; not measured on a blank page)."""
    found: list[QualityWarning] = []
    gray = analysis_gray(page.view())
    ink = ink_fraction(gray)
    blank = ink < rules.blank_ink_ratio
    if blank:
        found.append(QualityWarning(QualityIssue.BLANK_PAGE, value=round(ink, 5)))
    dpi = page.effective_dpi()
    if dpi < rules.min_dpi * _DPI_SLACK:
        found.append(QualityWarning(QualityIssue.LOW_RESOLUTION, value=round(dpi, 1)))
    if not blank:
        skew = _skew(gray)
        if abs(skew) > rules.max_skew_degrees:
            found.append(QualityWarning(QualityIssue.SKEWED, value=round(skew, 2)))
    return found


def estimate_skew(image: Image.Image) -> float:
    """The angle of the text lines of a page image in degrees, positive when the content is turned
    anticlockwise (as ``image.rotate(angle)`` turns it: ``image.rotate(-estimate_skew(image))`` puts it
    straight); 0 for a blank page or one without lines of text. Found between ±15° by the projection
    profile: the angle at which the ink's rows are sharpest."""
    return _skew(analysis_gray(image))


def is_blank(image: Image.Image, ink_ratio: float) -> bool:
    """Whether less than ``ink_ratio`` of the page (inside its margin) is ink: pixels clearly darker than
    the paper (see :func:`ink_mask`)."""
    return ink_fraction(analysis_gray(image)) < ink_ratio


def check_documents(
    documents: Sequence[DraftDocument],
    required: Sequence[tuple[str | None, str]],
    rules: QualityRules = DEFAULT_RULES,
    sizes: Mapping[str, int] | None = None,
) -> list[QualityWarning]:
    """Every warning of a file's documents: each page's (with the document's name and the page number),
    OVERSIZED for a document whose archived size (``sizes[name]`` in bytes, when given) is over the rule,
    then MISSING_DOCUMENT for each required checklist item ``(code, name)`` that no document with pages
    covers. A document covers an item by its checklist code; one without a code covers it by its name
    (compared folded: case and diacritics aside), as does any document an item without a code."""
    found: list[QualityWarning] = []
    for document in documents:
        for number, page in enumerate(document.pages, start=1):
            found.extend(replace(w, document=document.name, page=number) for w in page_warnings(page, rules))
        size = (sizes or {}).get(document.name)
        if size is not None and size > rules.max_document_bytes:
            found.append(QualityWarning(QualityIssue.OVERSIZED, document=document.name, value=float(size)))
    for code, name in required:
        if not any(_covers(document, code, name) for document in documents):
            found.append(QualityWarning(QualityIssue.MISSING_DOCUMENT, document=name))
    return found


def _covers(document: DraftDocument, code: str | None, name: str) -> bool:
    return bool(document.pages) and covers(document.checklist_code, document.name, code, name)


# -- measures --------------------------------------------------------------------------------------------


def analysis_gray(image: Image.Image, long_side: int = ANALYSIS_LONG_SIDE) -> Gray:
    """``image`` as grey levels, reduced (by whole factors, averaging) until its long side is at most
    ``long_side``, without its margin."""
    factor = max(1, math.ceil(max(image.size) / long_side))
    if image.mode == "1":
        image = image.convert("L")
    if factor > 1:
        image = image.reduce(factor)  # before the grey conversion: a third of the pixels to convert
    if image.mode != "L":
        image = image.convert("L")
    gray: Gray = np.asarray(image, dtype=np.uint8)
    height, width = gray.shape
    top, left = int(height * MARGIN), int(width * MARGIN)
    inner = gray[top : height - top, left : width - left]
    return inner if inner.size else gray


def ink_mask(gray: Gray) -> npt.NDArray[np.bool_]:
    """The ink of a grey page: pixels darker than the paper (the 90th percentile of the grey levels) by
    at least 30 % of its level and by at least 40 levels, so show-through, paper texture and scanner noise
    are not ink."""
    return gray < _ink_threshold(gray)


def ink_fraction(gray: Gray) -> float:
    """The fraction of a grey page that is ink (see :func:`ink_mask`)."""
    if not gray.size:
        return 0.0
    histogram = np.bincount(gray.ravel(), minlength=256)
    return float(histogram[: _ink_threshold(gray, histogram)].sum() / gray.size)


def _ink_threshold(gray: Gray, histogram: npt.NDArray[np.intp] | None = None) -> int:
    if histogram is None:
        histogram = np.bincount(gray.ravel(), minlength=256)
    paper = int(np.searchsorted(np.cumsum(histogram), 0.9 * gray.size))
    return max(0, paper - max(40, round(0.3 * paper)))


def _skew(gray: Gray) -> float:
    """The projection-profile angle of a grey page's ink (see :func:`estimate_skew`)."""
    rows, cols = np.nonzero(ink_mask(gray))
    if rows.size < 50:
        return 0.0
    if rows.size > _SKEW_POINTS:
        pick = np.random.default_rng(0).choice(rows.size, _SKEW_POINTS, replace=False)
        rows, cols = rows[pick], cols[pick]
    y = rows.astype(np.float64) - gray.shape[0] / 2
    x = cols.astype(np.float64) - gray.shape[1] / 2
    reach = math.hypot(*gray.shape) / 2 + 2

    def sharpness(degrees: float) -> float:
        # Turning the content back by `degrees` lines up the ink of each text line on one row: the
        # histogram of the rows is then spikiest, and its sum of squares largest.
        angle = math.radians(degrees)
        turned = x * math.sin(angle) + y * math.cos(angle)
        counts = np.bincount(np.rint(turned + reach).astype(np.intp)).astype(np.float64)
        return float(np.dot(counts, counts))

    coarse = np.arange(-MAX_SKEW_SEARCHED, MAX_SKEW_SEARCHED + 0.25, 0.5)
    scores = np.array([sharpness(float(a)) for a in coarse])
    if scores.max() < _MIN_SKEW_CONTRAST * float(np.median(scores)):
        return 0.0  # no angle lines the ink up better than the others: a photo, a drawing, a stamp
    best = float(coarse[int(np.argmax(scores))])
    fine = np.arange(best - 0.5, best + 0.5 + 0.025, 0.05)
    best = float(fine[int(np.argmax([sharpness(float(a)) for a in fine]))])
    return round(best, 2) + 0.0  # + 0.0: never -0.0
