"""records.digitize.pages: a captured page's edits (quarter turns, then a crop), its thumbnails and its
resolution, and cutting a batch of pages into documents."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from digitize_samples import a4_pixels, document_page
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from records.digitize.pages import ColourMode, DraftDocument, Page, split_into_documents

NO_DISK = settings(database=None, deadline=None)  # unit tests keep nothing on disk


def gradient(width: int = 7, height: int = 5, mode: str = "L") -> Image.Image:
    """A small image whose every pixel is different: any wrong turn or crop shows."""
    values = np.arange(width * height, dtype=np.uint8).reshape(height, width)
    image = Image.fromarray(values, "L")
    return image if mode == "L" else Image.merge("RGB", (image, image.point(lambda v: 255 - v), image))


def same(a: Image.Image, b: Image.Image) -> bool:
    return a.mode == b.mode and a.size == b.size and a.tobytes() == b.tobytes()


def turned(image: Image.Image, quarter_turns: int) -> Image.Image:
    """``image`` turned clockwise by quarter turns, the plain way."""
    return image.rotate(-90 * quarter_turns, expand=True)


# -- turning ---------------------------------------------------------------------------------------------


def test_a_quarter_turn_clockwise_moves_the_top_left_pixel_to_the_top_right() -> None:
    image = gradient()
    page = Page(image).rotated(1)
    shown = page.rendered()
    assert page.rotation == 90
    assert shown.size == (5, 7)
    assert shown.getpixel((4, 0)) == image.getpixel((0, 0))
    assert page.rotated(-1).rotation == 0
    assert Page(image).rotated(-1).rotation == 270


def test_four_turns_are_no_turn() -> None:
    image = gradient(mode="RGB")
    page = Page(image, dpi=200, crop=(1, 1, 5, 4), source="camera")
    assert page.rotated(1).rotated(1).rotated(1).rotated(1) == page
    assert page.rotated(4) == page
    assert same(page.rotated(2).rotated(2).rendered(), page.rendered())


def test_edits_leave_the_source_pixels_alone() -> None:
    image = gradient()
    before = image.tobytes()
    page = Page(image)
    page.rotated(1).cropped((0, 0, 3, 3)).rendered().paste(0, (0, 0, 3, 3))
    page.rendered().paste(0, (0, 0, 3, 3))  # rendered() is the caller's own image
    assert image.tobytes() == before
    assert page.rotated(1).image is image  # shared, not copied


def test_rotation_must_be_a_quarter_turn() -> None:
    with pytest.raises(ValueError, match="quarter"):
        Page(gradient(), rotation=45)
    assert Page(gradient(), rotation=-90).rotation == 270


def test_a_page_image_is_rgb_grey_or_one_bit() -> None:
    with pytest.raises(ValueError, match="RGB, L or 1"):
        Page(Image.new("RGBA", (4, 4)))
    with pytest.raises(ValueError, match="dpi"):
        Page(gradient(), dpi=0)


# -- cropping --------------------------------------------------------------------------------------------


def test_crop_is_in_the_turned_page_pixels() -> None:
    image = gradient()
    page = Page(image).rotated(1).cropped((1, 2, 4, 6))
    assert page.size() == (3, 4)
    assert same(page.rendered(), turned(image, 1).crop((1, 2, 4, 6)))


def test_a_crop_turns_with_the_page() -> None:
    image = gradient(mode="RGB")
    page = Page(image).cropped((2, 1, 6, 4))
    for turns in range(-3, 5):
        assert same(page.rotated(turns).rendered(), turned(page.rendered(), turns))


def test_crop_is_clamped_and_none_removes_it() -> None:
    page = Page(gradient())
    assert page.cropped((-10, -3, 4, 100)).crop == (0, 0, 4, 5)
    assert page.cropped((0, 0, 7, 5)).crop is None  # the whole page is no crop
    assert page.cropped((1, 1, 3, 3)).cropped(None).crop is None


@pytest.mark.parametrize("box", [(3, 3, 3, 5), (5, 1, 2, 4), (20, 20, 30, 30), (-9, 0, -1, 5)])
def test_a_crop_that_leaves_nothing_is_refused(box: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError, match="nothing"):
        Page(gradient()).cropped(box)


def test_a_stored_crop_outside_the_page_is_refused() -> None:
    with pytest.raises(ValueError, match="not inside"):
        Page(gradient(), crop=(0, 0, 8, 5))  # 8 > the width


@NO_DISK
@given(
    width=st.integers(1, 9),
    height=st.integers(1, 9),
    edits=st.lists(st.one_of(st.integers(-5, 5), st.tuples(*[st.integers(-3, 12)] * 4)), max_size=6),
)
def test_any_edits_show_what_turning_and_cropping_the_image_shows(
    width: int, height: int, edits: list[int | tuple[int, int, int, int]]
) -> None:
    """After any sequence of edits the page shows: a turn turns what was shown (the crop turns with it);
    a crop is the box, clamped, of the whole page as turned so far."""
    source = gradient(width, height)
    page = Page(source)
    shown = source
    for edit in edits:
        if isinstance(edit, int):
            page, shown = page.rotated(edit), turned(shown, edit)
            continue
        whole = turned(source, page.rotation // 90)
        left, top, right, bottom = edit
        box = (max(left, 0), max(top, 0), min(right, whole.width), min(bottom, whole.height))
        if box[0] >= box[2] or box[1] >= box[3]:
            with pytest.raises(ValueError):
                page.cropped(edit)
            continue
        page, shown = page.cropped(edit), whole.crop(box)
        assert page.size() == shown.size
    assert same(page.rendered(), shown)
    assert page.size() == shown.size
    assert page.rotated(4) == page


# -- what a page looks like ------------------------------------------------------------------------------


def test_thumbnail_is_rgb_with_the_longest_side_asked() -> None:
    page = Page(document_page(100), dpi=100)  # 827 x 1169
    thumb = page.thumbnail(200)
    assert thumb.mode == "RGB"
    assert thumb.size == (141, 200)
    landscape = page.rotated(1).thumbnail(200)
    assert landscape.size == (200, 141)
    cropped = page.cropped((0, 0, 827, 400)).thumbnail(100)
    assert cropped.size == (100, 48)


def test_thumbnail_shows_the_turned_page() -> None:
    image = Image.new("L", (40, 80), 255)
    image.paste(0, (0, 0, 40, 20))  # a black band along the top
    thumb = Page(image).rotated(1).thumbnail(40)  # turned clockwise, the band is along the right side
    assert thumb.size == (40, 20)
    assert thumb.getpixel((37, 10)) == (0, 0, 0)
    assert thumb.getpixel((3, 10)) == (255, 255, 255)


def test_thumbnail_of_a_one_bit_page_keeps_its_strokes() -> None:
    image = Image.new("1", (1000, 1000), 1)
    image.paste(0, (0, 500, 1000, 503))  # a 3-pixel rule across the page
    thumb = Page(image).thumbnail(100)
    assert np.asarray(thumb).min() < 220  # shrunk 10x, the rule is still there


def test_effective_dpi_is_the_dpi_when_known() -> None:
    assert Page(Image.new("L", (100, 100)), dpi=300).effective_dpi() == 300


@pytest.mark.parametrize("dpi", [100, 200, 300])
def test_effective_dpi_of_an_unknown_resolution_is_that_of_a4(dpi: int) -> None:
    page = Page(Image.new("L", a4_pixels(dpi)))
    assert page.effective_dpi() == pytest.approx(dpi, abs=0.2)
    assert page.rotated(1).effective_dpi() == pytest.approx(dpi, abs=0.2)  # landscape: same sheet


def test_effective_dpi_is_limited_by_the_short_axis() -> None:
    # a 4:3 photo is narrower than landscape A4: its width decides; a 2:1 one is wider: its height does
    assert Page(Image.new("RGB", (4000, 3000))).effective_dpi() == pytest.approx(4000 / (297 / 25.4))
    assert Page(Image.new("RGB", (4000, 2000))).effective_dpi() == pytest.approx(2000 / (210 / 25.4))
    assert Page(Image.new("RGB", (3000, 4000))).effective_dpi() == pytest.approx(4000 / (297 / 25.4))
    # cropping to half the sheet halves the guess: a cropped photo is not a finer one
    half = Page(Image.new("L", a4_pixels(200))).cropped((0, 0, a4_pixels(200)[0], a4_pixels(200)[1] // 2))
    assert half.effective_dpi() == pytest.approx(200 * 0.5 * 297 / 210, rel=0.01)


def test_colour_modes_have_stable_values() -> None:
    assert [m.value for m in ColourMode] == ["colour", "gray", "bw"]
    assert ColourMode("bw") is ColourMode.BW


# -- documents -------------------------------------------------------------------------------------------


def pages(count: int) -> list[Page]:
    return [Page(Image.new("L", (4, 4), n), source=f"scan:feeder#{n}") for n in range(count)]


def test_split_cuts_at_the_starts() -> None:
    batch = pages(6)
    documents = split_into_documents(batch, [2, 5], ["Tờ khai", "Giấy khai sinh", "CCCD"])
    assert [d.name for d in documents] == ["Tờ khai", "Giấy khai sinh", "CCCD"]
    assert [len(d.pages) for d in documents] == [2, 3, 1]
    assert documents[1].pages[0] is batch[2]
    assert all(d.checklist_code is None for d in documents)


def test_split_without_starts_is_one_document_and_zero_is_implied() -> None:
    batch = pages(3)
    assert split_into_documents(batch, [], ["Đơn"]) == [DraftDocument("Đơn", tuple(batch))]
    assert split_into_documents(batch, [0, 1], ["A", "B"]) == split_into_documents(batch, [1], ["A", "B"])


def test_split_names_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Giấy khai sinh")  # as some keyboards type it
    assert decomposed != "Giấy khai sinh"
    (document,) = split_into_documents(pages(1), [], ["  " + decomposed + " "])
    assert document.name == "Giấy khai sinh"


@pytest.mark.parametrize(
    ("starts", "names"),
    [([3], ["A", "B"]), ([-1], ["A", "B"]), ([1], ["A"]), ([], ["A", "B"]), ([1], ["A", " "])],
)
def test_split_refuses_what_does_not_add_up(starts: list[int], names: list[str]) -> None:
    with pytest.raises(ValueError):
        split_into_documents(pages(3), starts, names)


def test_draft_document_pages_are_a_tuple() -> None:
    document = DraftDocument("Đơn", pages(2))  # type: ignore[arg-type]  # a list given by mistake
    assert isinstance(document.pages, tuple)
