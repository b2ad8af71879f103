"""Which checklist item a document stands for: by code when both have one, else by name with case and
diacritics aside. The intake's gate, the checklist's "digitized" column and the quality gate rely on it."""

from __future__ import annotations

from records.attachments import covers, uncovered


def test_a_code_decides_when_both_have_one() -> None:
    assert covers("giay_chung_sinh", "Bản chụp", "giay_chung_sinh", "Giấy chứng sinh")
    assert not covers("to_khai", "Giấy chứng sinh", "giay_chung_sinh", "Giấy chứng sinh")


def test_otherwise_the_name_decides_folded() -> None:
    assert covers(None, "GIAY CHUNG SINH", "giay_chung_sinh", "Giấy chứng sinh")
    assert covers("giay_chung_sinh", "Đơn đề nghị", None, "don de nghi")  # đ folds to d
    assert not covers(None, "Giấy chứng tử", None, "Giấy chứng sinh")


def test_uncovered_lists_the_items_no_document_stands_for_in_order() -> None:
    items = [("to_khai", "Tờ khai"), ("giay_chung_sinh", "Giấy chứng sinh"), (None, "Văn bản ủy quyền")]
    assert uncovered(items, []) == items
    assert uncovered(items, [(None, "van ban uy quyen"), ("to_khai", "x")]) == [items[1]]
    assert uncovered(items, [(None, "Tờ khai"), ("giay_chung_sinh", "")]) == [items[2]]
