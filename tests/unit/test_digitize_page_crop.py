"""records.digitize.page_crop: the document camera finds the sheet in a photo and straightens it to the
sheet's own proportions; a photo without a sheet is left as it is."""

from __future__ import annotations

import math

import numpy as np
import pytest
from digitize_samples import desk_photo, document_page, sheetless_photo
from PIL import Image

from records.digitize.page_crop import auto_crop, find_page_outline, straighten
from records.digitize.quality import estimate_skew

A4_RATIO = 210 / 297


def assert_corners_near(
    found: tuple[tuple[float, float], ...] | None,
    truth: tuple[tuple[float, float], ...],
    size: tuple[int, int],
) -> None:
    assert found is not None
    reach = 0.02 * math.hypot(*size)  # 2 % of the photo's diagonal: 25 pixels on 1000 x 750
    for (x, y), (tx, ty) in zip(found, truth, strict=True):
        assert math.hypot(x - tx, y - ty) <= reach, (found, truth)


SHOTS = [(0, 0, 520), (25, 6, 520), (35, -8, 520), (15, 12, 520), (45, 0, 420)]
SHOT_IDS = ["from-above", "tipped", "tipped-more", "turned", "steep"]


@pytest.mark.parametrize(("tilt", "turn", "distance"), SHOTS, ids=SHOT_IDS)
def test_the_sheet_is_found_with_its_corners_in_order(tilt: float, turn: float, distance: float) -> None:
    photo, truth = desk_photo(tilt=tilt, turn=turn, distance=distance)
    assert_corners_near(find_page_outline(photo), truth, photo.size)


def test_corners_are_in_the_photo_pixels_whatever_its_size() -> None:
    photo, truth = desk_photo((1800, 1350), tilt=20, turn=-5, seed=2)  # searched at under half its size
    assert_corners_near(find_page_outline(photo), truth, photo.size)


@pytest.mark.parametrize(("tilt", "turn", "distance"), SHOTS, ids=SHOT_IDS)
def test_the_straightened_sheet_has_a4_proportions(tilt: float, turn: float, distance: float) -> None:
    photo, _ = desk_photo(tilt=tilt, turn=turn, distance=distance)
    page = auto_crop(photo)
    assert page.mode == "RGB"
    # Seen square-on to one pair of sides, the sheet's sides meet only one way: the camera's focal length
    # cannot be measured and a typical one is assumed (64° across where this camera sees 60°).
    tolerance = 0.08 if turn == 0 and tilt else 0.03
    assert page.width / page.height == pytest.approx(A4_RATIO, rel=tolerance)
    # the sheet fills it: paper everywhere but a rim, the desk gone
    pixels = np.asarray(page.convert("L"), dtype=np.float64)
    rim = max(3, page.width // 50)
    assert np.median(pixels[rim:-rim, rim:-rim]) > 150
    assert pixels[rim:-rim, rim:-rim].min() < 100  # and its text


def test_the_proportions_come_from_the_perspective_not_the_sides_lengths() -> None:
    photo, _ = desk_photo(tilt=35, turn=-8)
    corners = find_page_outline(photo)
    assert corners is not None
    top_left, top_right, bottom_right, bottom_left = corners
    across = max(math.dist(top_left, top_right), math.dist(bottom_left, bottom_right))
    down = max(math.dist(top_left, bottom_left), math.dist(top_right, bottom_right))
    assert across / down != pytest.approx(A4_RATIO, rel=0.05)  # the sides as seen are foreshortened ...
    page = straighten(photo, corners)
    assert page.width / page.height == pytest.approx(A4_RATIO, rel=0.03)  # ... the sheet is not


@pytest.mark.parametrize("turn", [-8, 8])
def test_the_straightened_text_lines_are_level(turn: float) -> None:
    photo, _ = desk_photo(tilt=25, turn=turn)  # the sheet lies turned by 8 degrees on the desk
    assert abs(estimate_skew(auto_crop(photo))) < 1


def test_a_photo_without_a_sheet_is_left_as_it_is() -> None:
    photo = sheetless_photo()
    assert find_page_outline(photo) is None
    assert auto_crop(photo) is photo


def test_a_plain_page_filling_the_frame_is_not_a_sheet_to_crop() -> None:
    scan = document_page(60, mode="RGB")
    assert find_page_outline(scan) is None
    assert auto_crop(scan) is scan


def test_a_small_sheet_is_not_taken_for_the_page() -> None:
    photo = sheetless_photo()
    photo.paste((240, 240, 240), (450, 300, 600, 420))  # a receipt covering 2 % of the photo
    assert find_page_outline(photo) is None


def test_straighten_maps_the_corners_to_a_rectangle() -> None:
    image = Image.new("L", (400, 300), 0)
    image.paste(255, (100, 50, 300, 250))  # a white square, seen straight
    page = straighten(image, ((100, 50), (300, 50), (300, 250), (100, 250)))
    assert page.size == (200, 200)
    assert np.asarray(page)[5:-5, 5:-5].min() == 255


def test_straighten_keeps_grey_and_makes_one_bit_grey() -> None:
    corners = ((10, 10), (90, 12), (88, 110), (12, 108))
    assert straighten(Image.new("L", (100, 120), 200), corners).mode == "L"
    assert straighten(Image.new("1", (100, 120), 1), corners).mode == "L"


def test_straighten_needs_four_corners() -> None:
    with pytest.raises(ValueError, match="four"):
        straighten(Image.new("L", (10, 10)), ((0, 0), (5, 0), (5, 5)))
