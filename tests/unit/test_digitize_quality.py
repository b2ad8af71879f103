"""records.digitize.quality: the warnings the clerk sees before archiving — blank pages, low resolution,
skewed pages, oversized documents, checklist items without a document — each raised when it should be
and not otherwise."""

from __future__ import annotations

import pytest
from digitize_samples import a4_pixels, blank_page, document_page
from PIL import Image

from records.digitize.pages import DraftDocument, Page
from records.digitize.quality import (
    QualityIssue,
    QualityRules,
    QualityWarning,
    check_documents,
    estimate_skew,
    is_blank,
    page_warnings,
)


def issues(warnings: list[QualityWarning]) -> list[QualityIssue]:
    return [w.issue for w in warnings]


# -- blank pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "image",
    [
        blank_page(100),
        blank_page(100, noise=4),
        blank_page(100, paper=205, noise=2),
        blank_page(100, mode="1"),
    ],
    ids=["white", "scanner-noise", "grey-paper", "one-bit"],
)
def test_an_empty_sheet_is_blank(image: Image.Image) -> None:
    assert is_blank(image, 0.002)
    assert issues(page_warnings(Page(image, dpi=200))) == [QualityIssue.BLANK_PAGE]


@pytest.mark.parametrize("mode", ["L", "RGB", "1"])
def test_a_text_page_is_not_blank(mode: str) -> None:
    page = Page(document_page(100, mode=mode), dpi=200)
    assert not is_blank(page.image, 0.002)
    assert page_warnings(page) == []


def test_show_through_and_scanner_edges_are_not_ink() -> None:
    image = document_page(100, paper=245).point(lambda v: 220 if v < 128 else 245)  # the back's text, faintly
    image.paste(0, (0, 0, image.width, 12))  # a black bar along the top edge, from the scanner's lid
    assert is_blank(image, 0.002)


def test_a_single_line_of_text_is_not_blank() -> None:
    image = blank_page(100)
    image.paste(document_page(100).crop((0, 300, 827, 320)), (0, 300))  # one line of words
    assert not is_blank(image, 0.002)
    assert is_blank(image, 0.05)  # the threshold is the rule's


# -- resolution ------------------------------------------------------------------------------------------


def test_a_150_dpi_page_is_low_resolution_and_a_200_dpi_page_is_not() -> None:
    image = document_page(50)  # small pixels: the dpi is what is measured
    low = page_warnings(Page(image, dpi=150))
    assert low == [QualityWarning(QualityIssue.LOW_RESOLUTION, value=150.0)]
    assert page_warnings(Page(image, dpi=200)) == []
    assert page_warnings(Page(image, dpi=300)) == []


def test_without_a_dpi_the_a4_equivalent_is_measured() -> None:
    assert issues(page_warnings(Page(document_page(150)))) == [QualityIssue.LOW_RESOLUTION]
    assert page_warnings(Page(document_page(200))) == []
    # a 200-dpi-equivalent page cropped to a quarter of it is not a 200-dpi page any more
    width, height = a4_pixels(200)
    quarter = Page(document_page(200)).cropped((0, 0, width // 2, height // 2))
    assert QualityIssue.LOW_RESOLUTION in issues(page_warnings(quarter))


def test_the_resolution_rule_is_configurable() -> None:
    page = Page(document_page(50), dpi=250)
    assert issues(page_warnings(page, QualityRules(min_dpi=300))) == [QualityIssue.LOW_RESOLUTION]


# -- skew ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("angle", [4.0, -4.0, 2.5, -1.3, 0.5, 0.0, 10.0])
def test_skew_is_measured_with_its_sign(angle: float) -> None:
    assert estimate_skew(document_page(100, skew=angle)) == pytest.approx(angle, abs=0.2)


def test_skew_is_measured_the_same_on_a_300_dpi_colour_page() -> None:
    assert estimate_skew(document_page(300, skew=-3, mode="RGB")) == pytest.approx(-3, abs=0.2)


def test_rotating_back_by_the_skew_straightens_the_page() -> None:
    crooked = document_page(100, skew=3.0)
    straightened = crooked.rotate(-estimate_skew(crooked), fillcolor=255)
    assert abs(estimate_skew(straightened)) <= 0.2


def test_a_page_skewed_by_4_degrees_is_flagged_and_one_at_half_a_degree_is_not() -> None:
    flagged = page_warnings(Page(document_page(100, skew=4), dpi=200))
    assert issues(flagged) == [QualityIssue.SKEWED]
    assert flagged[0].value == pytest.approx(4, abs=0.2)
    assert page_warnings(Page(document_page(100, skew=0.5), dpi=200)) == []
    assert page_warnings(Page(document_page(100, skew=-0.5), dpi=200)) == []


def test_skew_is_measured_on_the_page_as_turned() -> None:
    sideways = document_page(100, skew=4).rotate(90, expand=True)  # scanned lying on its side
    page = Page(sideways, dpi=200)
    assert page.rotated(1).rendered().size == document_page(100).size
    assert issues(page_warnings(page.rotated(1))) == [QualityIssue.SKEWED]


def test_a_blank_page_or_a_picture_has_no_skew() -> None:
    assert estimate_skew(blank_page(100, noise=3)) == 0.0
    picture = Image.radial_gradient("L").resize((600, 800))  # shading, no lines of text
    assert estimate_skew(picture) == 0.0
    assert QualityIssue.SKEWED not in issues(page_warnings(Page(blank_page(100), dpi=200)))


def test_the_skew_rule_is_configurable() -> None:
    page = Page(document_page(100, skew=1.5), dpi=200)
    assert page_warnings(page) == []
    assert issues(page_warnings(page, QualityRules(max_skew_degrees=1.0))) == [QualityIssue.SKEWED]


# -- documents -------------------------------------------------------------------------------------------

TEXT = Page(document_page(50), dpi=200)
BLANK = Page(blank_page(50), dpi=200)
LOW = Page(document_page(50), dpi=150)


def test_page_warnings_carry_the_document_and_page_number() -> None:
    documents = [
        DraftDocument("Tờ khai", (TEXT, BLANK), "TK"),
        DraftDocument("Giấy khai sinh", (LOW,), "GKS"),
    ]
    assert check_documents(documents, []) == [
        QualityWarning(QualityIssue.BLANK_PAGE, "Tờ khai", 2, pytest.approx(0, abs=0.002)),  # type: ignore[arg-type]
        QualityWarning(QualityIssue.LOW_RESOLUTION, "Giấy khai sinh", 1, 150.0),
    ]


def test_an_oversized_document_is_flagged_by_its_archived_size() -> None:
    documents = [DraftDocument("Tờ khai", (TEXT,)), DraftDocument("Sổ hộ khẩu", (TEXT,))]
    sizes = {"Tờ khai": 10 * 1024 * 1024, "Sổ hộ khẩu": 10 * 1024 * 1024 + 1}
    assert check_documents(documents, [], sizes=sizes) == [
        QualityWarning(QualityIssue.OVERSIZED, "Sổ hộ khẩu", value=10 * 1024 * 1024 + 1)
    ]
    assert check_documents(documents, [], QualityRules(max_document_bytes=10**9), sizes) == []
    assert check_documents(documents, []) == []  # no sizes yet: nothing to say


def test_a_missing_checklist_item_is_flagged() -> None:
    required = [("TK", "Tờ khai đăng ký khai sinh"), ("GCS", "Giấy chứng sinh"), (None, "Bản sao CCCD")]
    documents = [DraftDocument("Tờ khai", (TEXT,), "TK")]
    assert check_documents(documents, required) == [
        QualityWarning(QualityIssue.MISSING_DOCUMENT, "Giấy chứng sinh"),
        QualityWarning(QualityIssue.MISSING_DOCUMENT, "Bản sao CCCD"),
    ]


def test_a_document_without_a_code_covers_an_item_by_its_folded_name() -> None:
    required = [("GCS", "Giấy chứng sinh"), (None, "Bản sao CCCD")]
    documents = [DraftDocument("GIAY CHUNG SINH", (TEXT,)), DraftDocument("  bản sao cccd ", (TEXT,), "X")]
    assert check_documents(documents, required) == []


def test_a_document_with_another_code_does_not_cover_an_item_of_the_same_name() -> None:
    documents = [DraftDocument("Giấy chứng sinh", (TEXT,), "OTHER")]
    assert issues(check_documents(documents, [("GCS", "Giấy chứng sinh")])) == [QualityIssue.MISSING_DOCUMENT]


def test_a_document_without_pages_covers_nothing() -> None:
    documents = [DraftDocument("Giấy chứng sinh", (), "GCS")]
    assert issues(check_documents(documents, [("GCS", "Giấy chứng sinh")])) == [QualityIssue.MISSING_DOCUMENT]


def test_issue_values_are_stable() -> None:
    assert [i.value for i in QualityIssue] == [
        "blank_page",
        "low_resolution",
        "skewed",
        "oversized",
        "missing_document",
    ]
