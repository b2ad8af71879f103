"""The intake screen's table models: the document checklist and a citizen's previous files pass Qt's model
tester while they change; the checklist says what was received and what is missing; dates as clerks type
them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from uitest import summaries

from records.procedures import RequiredDocument
from ui.checklist_table_model import ChecklistTableModel
from ui.citizen_files_table_model import CitizenFilesTableModel
from ui.person_form import parse_day

CHECKED = Qt.CheckState.Checked
CHECK_ROLE = Qt.ItemDataRole.CheckStateRole

DOCUMENTS = (
    RequiredDocument("to_khai", "Tờ khai đăng ký khai sinh", 1, 0, 0),
    RequiredDocument("giay_chung_sinh", "Giấy chứng sinh", 1, 0, 0, note="Nếu không có: văn bản làm chứng."),
    RequiredDocument("uy_quyen", "Văn bản ủy quyền", 0, 1, 0, mandatory=False),
)


def test_checklist_model_passes_the_model_tester_while_edited(qtmodeltester: Any) -> None:
    model = ChecklistTableModel()
    model.set_documents(DOCUMENTS)
    qtmodeltester.check(model)
    model.setData(model.index(0, model.COL_RECEIVED), CHECKED, CHECK_ROLE)
    row = model.add_extra("Giấy tờ tùy thân")
    model.setData(model.index(row, model.COL_PHOTOCOPIES), 2)
    qtmodeltester.check(model)
    assert model.remove_extra(row)
    model.clear()
    qtmodeltester.check(model)


def test_checklist_reports_received_and_missing_papers() -> None:
    model = ChecklistTableModel()
    model.set_documents(DOCUMENTS)
    assert [line.name for line in model.missing_mandatory()] == [
        "Tờ khai đăng ký khai sinh",
        "Giấy chứng sinh",
    ]
    assert model.received_lines() == []
    # Counts start at what the procedure asks for and stay within 0-999.
    assert model.data(model.index(2, model.COL_CERTIFIED), Qt.ItemDataRole.EditRole) == 1
    assert not model.setData(model.index(2, model.COL_CERTIFIED), -1)
    assert not model.setData(model.index(2, model.COL_CERTIFIED), 1000)

    model.setData(model.index(0, model.COL_RECEIVED), CHECKED, CHECK_ROLE)
    assert model.setData(model.index(2, model.COL_CERTIFIED), 2)  # a count typed: the paper is there
    assert [line.name for line in model.missing_mandatory()] == ["Giấy chứng sinh"]
    assert [d.to_json() for d in model.received_lines()] == [
        {
            "name": "Tờ khai đăng ký khai sinh",
            "code": "to_khai",
            "originals": 1,
            "certified_copies": 0,
            "photocopies": 0,
        },
        {
            "name": "Văn bản ủy quyền",
            "code": "uy_quyen",
            "originals": 0,
            "certified_copies": 2,
            "photocopies": 0,
        },
    ]
    assert model.data(model.index(1, model.COL_RECEIVED)) == "bắt buộc"
    assert "văn bản làm chứng" in model.data(model.index(1, model.COL_NAME), Qt.ItemDataRole.ToolTipRole)

    model.receive_all_mandatory()
    assert model.missing_mandatory() == []
    assert not model.remove_extra(0)  # the procedure's own lines stay
    row = model.add_extra()
    assert model.flags(model.index(row, model.COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, model.COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, model.COL_NAME), "  Sổ   hộ khẩu ")
    assert model.line(row).name == "Sổ hộ khẩu" and model.line(row).received


def test_citizen_files_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = CitizenFilesTableModel()
    qtmodeltester.check(model)
    rows = summaries("000.17.22.H56-260302", 3)
    model.set_files(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0, model.COL_CODE)) == rows[0].code
    assert model.data(model.index(0, model.COL_RECEIVED)) == "02/03/2026"
    assert model.data(model.index(0, model.COL_STATUS)) == "Đã tiếp nhận"
    assert model.summary(2) is rows[2]
    model.clear()
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15/03/1999", date(1999, 3, 15)),
        ("5/3/1999", date(1999, 3, 5)),
        ("15031999", date(1999, 3, 15)),
        ("15.03.1999", date(1999, 3, 15)),
        ("  ", None),
    ],
)
def test_dates_as_clerks_type_them(typed: str, day: date | None) -> None:
    assert parse_day(typed) == day


@pytest.mark.parametrize("typed", ["31/02/1999", "1999-03-15", "15/03/99", "abc"])
def test_what_is_not_a_date(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_day(typed)
