"""The printed face covers Vietnamese, the line breaker keeps text inside its box, and the forms say
times, dates and money the Vietnamese way."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resources
from printing import fonts
from printing.layout import PT, Style, line_width, wrap
from printing.wording import long_moment, money, place_and_date, processing_time, short_moment
from records.calendar import ProcessingTime

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VIETNAMESE = {unicodedata.normalize("NFC", b + t) for b in BASES + BASES.upper() for t in TONES} | set("đĐ")
PRINTING = Path(__file__).resolve().parents[2] / "printing"


@pytest.mark.parametrize("face", sorted(fonts.FACES))
def test_every_vietnamese_letter_is_in_every_face(face: str) -> None:
    assert len(VIETNAMESE) == 146
    assert fonts.missing_glyphs("".join(VIETNAMESE), face) == set()


def test_every_character_the_forms_print_is_in_the_font() -> None:
    used = set()
    for source in PRINTING.glob("*.py"):
        used |= set(source.read_text(encoding="utf-8"))
    for name in ("tt03-2025.json", "tt01-2018.json"):
        used |= set(resources.read_text("forms", name))
    printable = {ch for ch in used if ch.isprintable() and not ch.isspace()}
    for face in fonts.FACES:
        assert fonts.missing_glyphs("".join(printable), face) == set(), face


def test_the_font_and_its_licence_ship_together() -> None:
    licence = resources.read_text("fonts", fonts.LICENCE_FILE)
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    for _, file_name in fonts.FACES.values():
        assert resources.path("fonts", file_name).is_file()


WORDS = st.lists(
    st.text(alphabet=sorted(VIETNAMESE) + list("bcdghklmnpqrstvx0123456789.,-/"), min_size=1, max_size=30),
    min_size=0,
    max_size=40,
)


@given(WORDS, st.floats(min_value=15, max_value=160))
def test_wrapped_lines_fit_and_keep_every_word(words: list[str], width: float) -> None:
    style = Style(11)
    text = " ".join(words)
    lines = wrap(text, style, width)
    for line in lines:
        assert line_width(line, style.size) <= width + 1e-6
    rebuilt = "".join("".join(t for t, _ in line) for line in lines)
    assert rebuilt.replace(" ", "") == text.replace(" ", "")


def test_wrap_keeps_faces_and_honours_newlines() -> None:
    style = Style(12)
    lines = wrap(
        [("Mã hồ sơ: ", "regular"), ("000.17.22.H56-261125-0001", "bold"), ("\ndòng hai", "regular")],
        style,
        150,
    )
    assert lines == [
        [("Mã hồ sơ:", "regular"), (" 000.17.22.H56-261125-0001", "bold")],
        [("dòng hai", "regular")],
    ]


def test_a_word_wider_than_the_box_is_cut() -> None:
    style = Style(12)
    lines = wrap("0" * 200, style, 20)
    assert len(lines) > 1
    assert all(line_width(line, 12) <= 20 for line in lines)
    assert pytest.approx(0.3528, abs=1e-4) == PT


VN = timezone(timedelta(hours=7))


def test_moments_dates_and_money() -> None:
    moment = datetime(2026, 11, 25, 2, 5, tzinfo=UTC)  # 09:05 in Vietnam
    assert long_moment(moment) == "09 giờ 05 phút, ngày 25 tháng 11 năm 2026"
    assert long_moment(None) == "…… giờ …… phút, ngày …… tháng …… năm ……"
    assert short_moment(moment) == "09:05 25/11/2026"
    assert place_and_date("Bình Minh", moment) == "Bình Minh, ngày 25 tháng 11 năm 2026"
    assert place_and_date(None, datetime(2026, 1, 2, 23, 0, tzinfo=VN)) == "……, ngày 02 tháng 01 năm 2026"
    assert money(8000) == "8.000 đồng"
    assert money(1250000) == "1.250.000 đồng"


def test_processing_times() -> None:
    assert processing_time(ProcessingTime("working_days", 3)) == "03 ngày làm việc"
    assert processing_time(ProcessingTime("working_hours", 4)) == "04 giờ làm việc"
    assert processing_time(ProcessingTime("working_days", 1.5)) == "1,5 ngày làm việc"
    assert (
        processing_time(ProcessingTime("same_day", 0, time(15, 0)))
        == "trong ngày làm việc (tiếp nhận trước 15 giờ 00)"
    )
