"""records.text: NFC normalisation and diacritic folding for Vietnamese search (issue 2, "Store")."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from records.text import fold, nfc, optional_nfc

NO_DISK = settings(database=None)  # unit tests keep nothing on disk, not even Hypothesis's example database

# Each Vietnamese vowel with its six tones (none, huyền, sắc, hỏi, ngã, nặng), written precomposed.
VOWELS_WITH_TONES = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
BASE = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}
ALL_TONED = "".join(VOWELS_WITH_TONES.values())

VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(list(ALL_TONED + ALL_TONED.upper() + "đĐbcdghklmnpqrstvx BCDGHKLMNPQRSTVX\t\n")),
    max_size=40,
)
ANY_TEXT = st.one_of(st.text(max_size=40), VIETNAMESE_TEXT)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def has_combining(text: str) -> bool:
    return any(unicodedata.combining(ch) for ch in text)


# --- nfc -----------------------------------------------------------------------------------------------


def test_vowel_table_is_complete_and_precomposed() -> None:
    assert len(ALL_TONED) == 12 * 6 == len(set(ALL_TONED))
    assert unicodedata.normalize("NFC", ALL_TONED) == ALL_TONED


def test_nfc_composes_decomposed_input() -> None:
    name = "Nguyễn Thị Ánh Tuyết"
    decomposed = nfd(name)
    assert decomposed != name
    assert nfc(decomposed) == name
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_composes_mixed_forms() -> None:
    # "ễ" as e + circumflex + tilde, and as ê + tilde: both are one code point afterwards.
    assert nfc("Nguye\u0302\u0303n") == "Nguyễn"
    assert nfc("Nguy\u00ea\u0303n") == "Nguyễn"
    assert nfc("Ðặng") == "Ðặng"  # no decomposition: left as typed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Trần   Văn\tBình \n", "Trần Văn Bình"),
        ("Lê\u00a0Thị\u2003Hoa", "Lê Thị Hoa"),  # no-break and em spaces
        ("\n\t ", ""),
        ("", ""),
        ("Thôn 3,\r\nxã Đông Sơn", "Thôn 3, xã Đông Sơn"),
    ],
)
def test_nfc_folds_whitespace(raw: str, expected: str) -> None:
    assert nfc(raw) == expected


def test_optional_nfc() -> None:
    assert optional_nfc(None) is None
    assert optional_nfc("   ") is None
    assert optional_nfc("") is None
    assert optional_nfc(nfd("  xã  Đông Sơn ")) == "xã Đông Sơn"


@given(ANY_TEXT)
@NO_DISK
def test_nfc_output_is_normalised_and_stable(text: str) -> None:
    out = nfc(text)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip()
    assert "  " not in out
    assert not any(ch.isspace() and ch != " " for ch in out)
    assert nfc(out) == out
    assert nfc(nfd(text)) == out


# --- fold ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẶNG", "dang"),
        ("đặng", "dang"),
        ("Đặng Thị Ánh", "dang thi anh"),
        ("NGUYEN VAN DUC", "nguyen van duc"),
        ("  Phạm   Thị\tHương ", "pham thi huong"),
        ("Trương Quỳnh Như", "truong quynh nhu"),
        ("Hồ Ngọc Ước", "ho ngoc uoc"),
        ("Thôn 3, xã Đông Sơn, tỉnh Thanh Hóa", "thon 3, xa dong son, tinh thanh hoa"),
        ("", ""),
    ],
)
def test_fold_examples(raw: str, expected: str) -> None:
    assert fold(raw) == expected
    assert fold(nfd(raw)) == expected


@pytest.mark.parametrize(("vowel", "toned"), VOWELS_WITH_TONES.items())
def test_fold_every_vowel_with_every_tone(vowel: str, toned: str) -> None:
    base = BASE.get(vowel, vowel)
    for ch in toned:
        assert fold(ch) == base, ch
        assert fold(ch.upper()) == base, ch.upper()
        assert fold(nfd(ch)) == base, ascii(nfd(ch))
        assert fold(nfd(ch.upper())) == base, ascii(nfd(ch.upper()))


def test_all_toned_vowels_fold_to_six_base_letters() -> None:
    assert set(fold(ALL_TONED + ALL_TONED.upper())) == set("aeiouy")


def test_fold_d_with_stroke() -> None:
    assert fold("đĐ") == "dd"
    assert fold("ðÐ") == "dd"  # the look-alike eth, typed by mistake on some keyboards


def test_search_keys_meet() -> None:
    keys = {fold(s) for s in ("Nguyễn Văn Đức", "nguyen van duc", "NGUYEN VAN DUC", nfd("NGUYỄN VĂN ĐỨC"))}
    assert keys == {"nguyen van duc"}


@given(ANY_TEXT)
@NO_DISK
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(ANY_TEXT)
@NO_DISK
def test_fold_output_has_no_marks_no_d_with_stroke_no_capitals(text: str) -> None:
    out = fold(text)
    assert not has_combining(out)
    assert not has_combining(nfd(out))
    assert "đ" not in out and "Đ" not in out
    assert out == out.casefold()
    assert out == out.strip() and "  " not in out


@given(ANY_TEXT)
@NO_DISK
def test_fold_ignores_normalisation(text: str) -> None:
    assert fold(nfc(text)) == fold(text)
    assert fold(nfd(text)) == fold(unicodedata.normalize("NFC", text))


@given(VIETNAMESE_TEXT)
@NO_DISK
def test_fold_of_vietnamese_is_ascii(text: str) -> None:
    assert fold(text).isascii()
