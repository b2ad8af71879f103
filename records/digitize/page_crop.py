"""The document camera's page crop: find the sheet in a photo and straighten it.

A sheet photographed on the counter is a light, convex quadrilateral on a darker desk, seen in
perspective. :func:`find_page_outline` looks for the largest such quadrilateral on a reduced copy of the
photo, two ways (the sheet's brightness against the desk, and its edges), and :func:`straighten` maps it
back to a rectangle of the sheet's own proportions, recovered from the perspective (Zhang and He,
"Whiteboard scanning and image enhancement", 2007) rather than guessed from the sides' lengths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image

Corners = tuple[tuple[float, float], ...]
FloatArray = npt.NDArray[np.float64]

DETECTION_LONG_SIDE = 800  # the photo is searched at this size: enough for corners within a pixel or two
MIN_PAGE_AREA = 0.20  # of the photo
_FULL_FRAME = 0.02  # a "sheet" whose corners are all this close to the photo's is the photo itself
_MIN_CORNER_DEGREES = 40.0  # a sheet in perspective keeps its corners between 40 and 140 degrees
_MAX_SIDE_RATIO = 4.0  # longest side over shortest: a sheet, not a sliver
# Focal lengths in long sides of the photo: a phone's main camera or a document camera sees 60-75 degrees
# across (0.65-0.85); one measured outside this range is taken for noise.
_ASSUMED_FOCAL = 0.8
_FOCAL_RANGE = (0.3, 4.0)
# Sides meeting further away than this many long sides are as good as parallel: the focal length measured
# from where they meet is noise, and the assumed one is nearer the truth.
_FINITE_VANISHING = 30.0


def find_page_outline(image: Image.Image) -> Corners | None:
    """The corners of the sheet in a photo, in the photo's pixels: top-left, top-right, bottom-right,
    bottom-left. The sheet is the largest convex, page-like quadrilateral covering at least 20 % of the
    photo and not the photo's own frame; ``None`` when there is none."""
    gray, scale = _small_gray(image)
    height, width = gray.shape
    blurred = np.asarray(cv2.GaussianBlur(gray, (5, 5), 0), dtype=np.uint8)
    best: FloatArray | None = None
    best_area = MIN_PAGE_AREA * width * height
    for mask in (_bright_mask(blurred), _edge_mask(blurred)):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
            quad = _quadrilateral(contour)
            if quad is None:
                continue
            area = float(cv2.contourArea(quad.astype(np.float32)))
            if area >= best_area and _page_like(quad, width, height):
                best, best_area = quad, area
    if best is None:
        return None
    return tuple((float(x) * scale, float(y) * scale) for x, y in _clockwise(best))


def straighten(image: Image.Image, corners: Sequence[tuple[float, float]]) -> Image.Image:
    """The sheet framed by ``corners`` (top-left, top-right, bottom-right, bottom-left, in ``image``'s
    pixels) seen from straight above: a rectangle of the sheet's proportions, no smaller than the sheet
    appears in the photo. A ``1`` image comes back as ``L``; ``RGB`` and ``L`` keep their mode."""
    if len(corners) != 4:
        raise ValueError(f"a sheet has four corners, not {len(corners)}")
    quad = np.array(corners, dtype=np.float64)
    top, bottom = _distance(quad[0], quad[1]), _distance(quad[3], quad[2])
    left, right = _distance(quad[0], quad[3]), _distance(quad[1], quad[2])
    seen_width, seen_height = max(top, bottom), max(left, right)
    if min(seen_width, seen_height) < 1:
        raise ValueError("the corners do not frame a sheet")
    ratio = _true_aspect_ratio(quad, image.size) or seen_width / seen_height
    if seen_width / seen_height > ratio:
        width, height = seen_width, seen_width / ratio
    else:
        width, height = seen_height * ratio, seen_height
    size = (max(1, round(width)), max(1, round(height)))
    target = np.array([[0, 0], [size[0], 0], [size[0], size[1]], [0, size[1]]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    source = image.convert("L") if image.mode == "1" else image
    if source.mode not in ("L", "RGB"):
        source = source.convert("RGB")
    pixels = np.asarray(source)
    warped = cv2.warpPerspective(
        pixels, matrix, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Image.fromarray(np.ascontiguousarray(warped), source.mode)


def auto_crop(image: Image.Image) -> Image.Image:
    """The sheet in a photo, straightened (:func:`straighten` of :func:`find_page_outline`), or ``image``
    itself when no sheet is found."""
    corners = find_page_outline(image)
    return image if corners is None else straighten(image, corners)


# -- finding the sheet -----------------------------------------------------------------------------------


def _small_gray(image: Image.Image) -> tuple[npt.NDArray[np.uint8], float]:
    """A grey copy whose long side is at most DETECTION_LONG_SIDE, and the factor back to ``image``."""
    scale = max(image.size) / DETECTION_LONG_SIDE
    small = image.convert("L") if image.mode != "L" else image
    if scale > 1:
        size = (max(1, round(image.width / scale)), max(1, round(image.height / scale)))
        small = small.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
        scale_x, scale_y = image.width / size[0], image.height / size[1]
        scale = (scale_x + scale_y) / 2
    else:
        scale = 1.0
    return np.asarray(small, dtype=np.uint8), scale


def _bright_mask(blurred: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The light regions (Otsu's threshold), the text on them filled in."""
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    return np.asarray(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel), dtype=np.uint8)


def _edge_mask(blurred: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """The edges (Canny, thresholds from the median grey), thickened so that the sheet's outline closes."""
    median = float(np.median(blurred))
    edges = cv2.Canny(blurred, int(max(0, 0.66 * median)), int(min(255, 1.33 * median) + 1))
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3))
    return np.asarray(cv2.dilate(edges, kernel, iterations=2), dtype=np.uint8)


def _quadrilateral(contour: npt.NDArray[Any]) -> FloatArray | None:
    """The four corners of a contour's convex hull simplified, or None when it is not four-sided."""
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for tolerance in (0.02, 0.03, 0.04, 0.05):
        approx = cv2.approxPolyDP(hull, tolerance * perimeter, True)
        if len(approx) == 4:
            return np.asarray(approx, dtype=np.float64).reshape(4, 2)
        if len(approx) < 4:
            return None
    return None


def _page_like(quad: FloatArray, width: int, height: int) -> bool:
    """Convex, corners near right angles as perspective allows, sides of comparable length, and not the
    photo's own frame."""
    corners = _clockwise(quad)
    sides = [_distance(corners[i], corners[(i + 1) % 4]) for i in range(4)]
    if min(sides) < 0.1 * min(width, height) or max(sides) > _MAX_SIDE_RATIO * min(sides):
        return False
    for i in range(4):
        before, at, after = corners[i - 1], corners[i], corners[(i + 1) % 4]
        u, v = before - at, after - at
        cosine = float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
        angle = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
        if not _MIN_CORNER_DEGREES <= angle <= 180 - _MIN_CORNER_DEGREES:
            return False
    frame = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float64)
    reach = _FULL_FRAME * math.hypot(width, height)
    return not all(_distance(corners[i], frame[i]) <= reach for i in range(4))


def _clockwise(quad: FloatArray) -> FloatArray:
    """The four corners in the order top-left, top-right, bottom-right, bottom-left (as seen, y down)."""
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    ordered = quad[np.argsort(angles)]  # y grows downwards: increasing angle turns clockwise
    start = int(np.argmin(ordered.sum(axis=1)))  # the top-left corner is nearest the origin
    return np.roll(ordered, -start, axis=0)


def _distance(a: FloatArray, b: FloatArray) -> float:
    return float(np.hypot(*(a - b)))


# -- the sheet's proportions -----------------------------------------------------------------------------


def _true_aspect_ratio(quad: FloatArray, size: tuple[int, int]) -> float | None:
    """The width over height of the rectangle whose photo is ``quad`` (top-left, top-right, bottom-right,
    bottom-left), for a camera with square pixels centred on the photo (Zhang and He, 2007). The focal
    length comes from the two vanishing points; when a pair of sides is (nearly) parallel in the photo there
    is only one (or none: then the focal length does not matter) and a phone's or a document camera's is
    assumed.
    ``None`` when the result is not believable for these corners."""
    u0, v0 = size[0] / 2, size[1] / 2
    m1, m2, m4, m3 = (np.array([x, y, 1.0]) for x, y in quad)  # the paper numbers bottom-left as 3
    across2, across3 = float(np.dot(np.cross(m2, m4), m3)), float(np.dot(np.cross(m3, m4), m2))
    if abs(across2) < 1e-9 or abs(across3) < 1e-9:
        return None  # three corners on one line
    k2 = float(np.dot(np.cross(m1, m4), m3)) / across2
    k3 = float(np.dot(np.cross(m1, m4), m2)) / across3
    n2, n3 = k2 * m2 - m1, k3 * m3 - m1
    long_side = max(size)
    focal = _ASSUMED_FOCAL * long_side
    if _vanishing_distance(n2) < _FINITE_VANISHING * long_side > _vanishing_distance(n3):
        f2 = -(
            (n2[0] * n3[0] - (n2[0] * n3[2] + n2[2] * n3[0]) * u0 + n2[2] * n3[2] * u0 * u0)
            + (n2[1] * n3[1] - (n2[1] * n3[2] + n2[2] * n3[1]) * v0 + n2[2] * n3[2] * v0 * v0)
        ) / (n2[2] * n3[2])
        if (
            math.isfinite(f2)
            and (_FOCAL_RANGE[0] * long_side) ** 2 <= f2 <= (_FOCAL_RANGE[1] * long_side) ** 2
        ):
            focal = math.sqrt(f2)
    inverse = np.linalg.inv(np.array([[focal, 0, u0], [0, focal, v0], [0, 0, 1.0]]))
    metric = inverse.T @ inverse
    ratio = math.sqrt(float(n2 @ metric @ n2) / max(1e-18, float(n3 @ metric @ n3)))
    seen = _distance(quad[1], quad[0]) / max(1e-9, _distance(quad[3], quad[0]))
    if not (math.isfinite(ratio) and 0.4 * seen <= ratio <= 2.5 * seen):
        return None
    return ratio


def _vanishing_distance(direction: FloatArray) -> float:
    """How far from the photo's origin, in pixels, the sides along ``direction`` meet (infinity when they
    are parallel)."""
    along = math.hypot(direction[0], direction[1])
    return math.inf if abs(direction[2]) < 1e-12 else along / abs(direction[2])
