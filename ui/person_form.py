"""One person's block of the intake screen: ID, name, date of birth, sex, phone, address.

The ID field comes first and takes either a typed number (12-digit personal ID or 9-digit old ID), checked
when Enter is pressed or the field is left, or the text a USB 2D scanner types from a chip ID card's QR code
(``ID|old ID|name|ddmmyyyy|Nam/Nữ|address|issue date``, ending in Enter), which fills the block. Either way
the citizen is then looked up in the store on the database worker: a returning citizen's stored particulars
fill the fields still empty, and their previous files are reported to the page.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from records.citizens import CitizenInput, CitizenView, normalise_phone
from records.clock import now
from records.errors import InvalidInput, InvalidPersonalId, InvalidQrText
from records.personal_id import CardQr, check_id, describe_warning, parse_card_qr
from ui.errors import ERROR_STYLE, FieldMessages
from ui.session import UiSession

WARNING_STYLE = "color: #e65100"
NOTE_STYLE = "color: #555555"
DATE_FORMAT = "%d/%m/%Y"

# Why a typed ID cannot be one (records.personal_id.check_id's reasons).
ID_REASONS = {
    "empty": QT_TRANSLATE_NOOP("PersonForm", "Chưa nhập số định danh cá nhân."),
    "not_digits": QT_TRANSLATE_NOOP("PersonForm", "Số định danh chỉ gồm các chữ số 0–9."),
    "wrong_length": QT_TRANSLATE_NOOP(
        "PersonForm", "Số định danh cá nhân có 12 chữ số (CMND cũ: 9 chữ số); số vừa nhập có {0} chữ số."
    ),
    "unknown_province": QT_TRANSLATE_NOOP(
        "PersonForm", "Ba chữ số đầu ({0}) không phải mã tỉnh, thành phố nơi đăng ký khai sinh."
    ),
    "future_birth_year": QT_TRANSLATE_NOOP(
        "PersonForm", "Số định danh cho năm sinh {0}, muộn hơn năm hiện tại: kiểm tra lại các chữ số."
    ),
    "old_id_not_accepted": QT_TRANSLATE_NOOP(
        "PersonForm", "Đây là số CMND cũ (9 chữ số); cần số định danh cá nhân 12 chữ số."
    ),
}

# Why a scanned card QR text cannot be read (records.personal_id.parse_card_qr's reasons).
QR_REASONS = {
    "too_few_fields": QT_TRANSLATE_NOOP(
        "PersonForm", "Mã vừa quét không phải mã QR trên thẻ căn cước (thiếu trường thông tin)."
    ),
    "invalid_personal_id": QT_TRANSLATE_NOOP("PersonForm", "Số định danh trong mã QR của thẻ không hợp lệ."),
    "invalid_old_id": QT_TRANSLATE_NOOP("PersonForm", "Số CMND cũ trong mã QR của thẻ không hợp lệ."),
    "empty_name": QT_TRANSLATE_NOOP("PersonForm", "Mã QR của thẻ không có họ tên."),
    "invalid_date": QT_TRANSLATE_NOOP("PersonForm", "Ngày tháng trong mã QR của thẻ không hợp lệ."),
    "future_date_of_birth": QT_TRANSLATE_NOOP("PersonForm", "Ngày sinh trong mã QR của thẻ ở tương lai."),
    "unknown_sex": QT_TRANSLATE_NOOP("PersonForm", "Giới tính trong mã QR của thẻ không phải Nam hoặc Nữ."),
    "issue_before_birth": QT_TRANSLATE_NOOP(
        "PersonForm", "Ngày cấp trong mã QR của thẻ trước ngày sinh: thẻ hoặc mã không hợp lệ."
    ),
}

# What the card's QR code and its ID disagree on (records.personal_id.CardQr.warnings).
CARD_WARNINGS = {
    "sex_mismatch": QT_TRANSLATE_NOOP(
        "PersonForm", "Giới tính ghi trên thẻ khác với giới tính theo số định danh: đề nghị kiểm tra lại."
    ),
    "birth_year_mismatch": QT_TRANSLATE_NOOP(
        "PersonForm", "Năm sinh ghi trên thẻ khác với năm sinh theo số định danh: đề nghị kiểm tra lại."
    ),
}

# A card's QR text inside other text: 12 digits, then at least six "|"-separated fields.
_CARD_TEXT = re.compile(r"\d{12}(?:\|[^|]*){6,}")
_DATE_PARTS = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_day(text: str) -> date | None:
    """A date as clerks type it: ``01/02/1990``, ``1/2/1990``, ``01.02.1990``, ``01-02-1990`` or
    ``01021990``; ``None`` for an empty field. ``ValueError`` when it is not a real date."""
    cleaned = "".join(text.split())
    if not cleaned:
        return None
    if len(cleaned) == 8 and cleaned.isascii() and cleaned.isdigit():
        return date(int(cleaned[4:]), int(cleaned[2:4]), int(cleaned[:2]))
    match = _DATE_PARTS.match(cleaned)
    if match is None:
        raise ValueError(f"not a date: {text!r}")
    return date(int(match[3]), int(match[2]), int(match[1]))


class PersonForm(QWidget):
    """A person's particulars; ``role`` is the registration's key for them (``applicant`` or ``owner``)."""

    history_found = Signal(object)  # a CitizenHistory (or None: not known yet) after a lookup
    card_read = Signal(object)  # the CardQr a scan gave
    completed = Signal()  # the block needs nothing more: the page moves the cursor on

    def __init__(self, session: UiSession, role: str, mnemonics: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.role = role
        self._processed_id = ""  # the ID text last checked (Enter and leaving the field both finish it)
        self._looked_up = ""  # the number last looked up
        self._generation = 0
        self._old_id: str | None = None
        self._filled: dict[QWidget, str] = {}  # what a lookup or the ID put in a field, undone on a new ID

        def label(with_mnemonic: str, plain: str) -> QLabel:
            return QLabel(with_mnemonic if mnemonics else plain)

        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(self.tr("Quét mã QR trên thẻ căn cước hoặc gõ số định danh"))
        self.id_edit.setClearButtonEnabled(True)
        self.id_message = QLabel()
        self.id_message.setStyleSheet(ERROR_STYLE)
        self.id_message.setWordWrap(True)
        self.id_message.hide()
        self.id_note = QLabel()  # what the ID says, the old ID, the card's warnings
        self.id_note.setWordWrap(True)
        self.id_note.hide()
        self.name_edit = QLineEdit()
        self.dob_edit = QLineEdit()
        self.dob_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.sex_combo = QComboBox()
        self.sex_combo.addItem("", None)
        self.sex_combo.addItem(self.tr("Nam"), "male")
        self.sex_combo.addItem(self.tr("Nữ"), "female")
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(self.tr("ví dụ 0912 345 678"))
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("Thôn/tổ dân phố, xã/phường, tỉnh/thành phố"))

        id_label = label(self.tr("Số định &danh"), self.tr("Số định danh"))
        name_label = label(self.tr("&Họ và tên"), self.tr("Họ và tên"))
        dob_label = label(self.tr("Ngày &sinh"), self.tr("Ngày sinh"))
        sex_label = label(self.tr("&Giới tính"), self.tr("Giới tính"))
        phone_label = label(self.tr("Điện th&oại"), self.tr("Điện thoại"))
        address_label = label(self.tr("Địa &chỉ"), self.tr("Địa chỉ"))
        for text_label, field in (
            (id_label, self.id_edit),
            (name_label, self.name_edit),
            (dob_label, self.dob_edit),
            (sex_label, self.sex_combo),
            (phone_label, self.phone_edit),
            (address_label, self.address_edit),
        ):
            text_label.setBuddy(field)
        self.messages: dict[str, QLabel] = {}
        for key in ("full_name", "date_of_birth", "sex", "phone", "address"):
            message = QLabel()
            message.setStyleSheet(ERROR_STYLE)
            message.setWordWrap(True)
            message.hide()
            self.messages[key] = message

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.addWidget(id_label, 0, 0)
        grid.addWidget(self.id_edit, 0, 1, 1, 3)
        grid.addWidget(self.id_message, 1, 1, 1, 3)
        grid.addWidget(self.id_note, 2, 1, 1, 3)
        grid.addWidget(name_label, 3, 0)
        grid.addWidget(self.name_edit, 3, 1, 1, 3)
        grid.addWidget(self.messages["full_name"], 4, 1, 1, 3)
        grid.addWidget(dob_label, 5, 0)
        grid.addWidget(self.dob_edit, 5, 1)
        grid.addWidget(sex_label, 5, 2)
        grid.addWidget(self.sex_combo, 5, 3)
        grid.addWidget(self.messages["date_of_birth"], 6, 1)
        grid.addWidget(self.messages["sex"], 6, 3)
        grid.addWidget(phone_label, 7, 0)
        grid.addWidget(self.phone_edit, 7, 1, 1, 3)
        grid.addWidget(self.messages["phone"], 8, 1, 1, 3)
        grid.addWidget(address_label, 9, 0)
        grid.addWidget(self.address_edit, 9, 1, 1, 3)
        grid.addWidget(self.messages["address"], 10, 1, 1, 3)

        QWidget.setTabOrder(self.id_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.dob_edit)
        QWidget.setTabOrder(self.dob_edit, self.sex_combo)
        QWidget.setTabOrder(self.sex_combo, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.address_edit)

        self.id_edit.returnPressed.connect(lambda: self._finish_id(advance=True))
        self.id_edit.editingFinished.connect(lambda: self._finish_id(advance=False))
        self.id_edit.textEdited.connect(self._id_edited)
        for edit in (self.name_edit, self.dob_edit, self.phone_edit, self.address_edit):
            edit.returnPressed.connect(lambda edit=edit: self._enter_from(edit))
        self.dob_edit.editingFinished.connect(self._tidy_date)

    # -- the fields in order ------------------------------------------------------------------------------

    def fields(self) -> list[QWidget]:
        """The input widgets in tab order."""
        return [
            self.id_edit,
            self.name_edit,
            self.dob_edit,
            self.sex_combo,
            self.phone_edit,
            self.address_edit,
        ]

    def first_field(self) -> QWidget:
        """Where the cursor goes when the block starts."""
        return self.id_edit

    def last_field(self) -> QWidget:
        """The block's last widget in tab order."""
        return self.address_edit

    def register_messages(self, messages: FieldMessages) -> None:
        """Show the registration's errors about this person next to their fields."""
        messages.add(f"{self.role}.personal_id", self.id_edit, self.id_message)
        messages.add(f"{self.role}.old_id", self.id_edit, self.id_message)
        messages.add(f"{self.role}.full_name", self.name_edit, self.messages["full_name"])
        messages.add(f"{self.role}.date_of_birth", self.dob_edit, self.messages["date_of_birth"])
        messages.add(f"{self.role}.sex", self.sex_combo, self.messages["sex"])
        messages.add(f"{self.role}.phone", self.phone_edit, self.messages["phone"])
        messages.add(f"{self.role}.address", self.address_edit, self.messages["address"])

    def _enter_from(self, field: QLineEdit) -> None:
        """Enter moves to the next empty field of the block, and out of it after the address. A card scanned
        while the cursor was in another field is read as if scanned into the ID field."""
        if self._catch_scan(field):
            return
        order = self.fields()
        after = order[order.index(field) + 1 :]
        for widget in after:
            if isinstance(widget, QLineEdit) and not widget.text().strip():
                widget.setFocus()
                return
        self.completed.emit()

    def _catch_scan(self, field: QLineEdit) -> bool:
        """A card's QR text typed into ``field`` by the scanner: take it out of there and read the card."""
        text = field.text()
        match = _CARD_TEXT.search(text)
        if match is None:
            return False
        field.setText((text[: match.start()] + text[match.end() :]).strip())
        self.id_edit.setText(match.group(0))
        self._finish_id(advance=True)
        return True

    # -- the ID: typed, or scanned from the card ----------------------------------------------------------

    def _id_edited(self, text: str) -> None:
        if self.id_message.isVisible():
            self.id_message.hide()
        if "|" in text:
            self.id_note.hide()  # a scan is arriving

    def _finish_id(self, advance: bool) -> None:
        text = self.id_edit.text()
        if not advance and text == self._processed_id:
            return  # Enter already handled it (editingFinished follows returnPressed)
        self._processed_id = text
        if "|" in text:
            self._read_card(text)
            return
        if not text.strip():
            self._show_id_message("")
            if advance:
                self.name_edit.setFocus()
            return
        result = check_id(text)
        if not result.valid:
            self._show_id_message(self.id_problem(result.reason or "empty", result.number))
            self.id_edit.setFocus()
            self.id_edit.selectAll()
            return
        self._show_id_message("")
        if result.number != text:
            self.id_edit.setText(result.number)
            self._processed_id = result.number
        changed = result.number != self._looked_up
        if changed:
            self._undo_fills()
            self._old_id = None
            if result.sex is not None and self.sex_combo.currentIndex() == 0:
                self._fill_combo(result.sex)
        if result.kind == "personal_id":
            note = self.tr("Nơi đăng ký khai sinh: {0}; năm sinh {1}.").format(
                result.province_name, result.birth_year
            )
        else:
            note = self.tr("Số CMND cũ (9 chữ số).")
        self._show_note(note, NOTE_STYLE)
        if changed:
            self._lookup(result.number)
        if advance:
            self._advance()

    def id_problem(self, reason: str, number: str) -> str:
        """Why ``number`` cannot be an ID, in Vietnamese (``reason``: a :func:`check_id` reason code)."""
        template = self.tr(ID_REASONS.get(reason, ID_REASONS["empty"]))
        if reason == "wrong_length":
            return template.format(len(number))
        if reason == "unknown_province":
            return template.format(number[:3])
        if reason == "future_birth_year" and len(number) >= 6:
            return template.format(1900 + (int(number[3]) // 2) * 100 + int(number[4:6]))
        return template

    def qr_problem(self, reason: str) -> str:
        """Why a scanned text is not a card's QR code, in Vietnamese (a :func:`parse_card_qr` reason)."""
        return self.tr(QR_REASONS.get(reason, QR_REASONS["too_few_fields"]))

    def _read_card(self, text: str) -> None:
        try:
            card = parse_card_qr(text)
        except InvalidQrText as exc:
            self._show_id_message(self.qr_problem(str(exc.params.get("reason", ""))))
            self.id_edit.setFocus()
            self.id_edit.selectAll()
            return
        self.fill_from_card(card)
        self.card_read.emit(card)
        self._advance()

    def fill_from_card(self, card: CardQr) -> None:
        """Put a scanned card's particulars in the fields (the card wins over anything typed), show its
        warnings, and look the citizen up."""
        self._undo_fills()
        self._show_id_message("")
        self.id_edit.setText(card.personal_id)
        self._processed_id = card.personal_id
        self._old_id = card.old_id
        self.name_edit.setText(card.full_name)
        self.dob_edit.setText(card.date_of_birth.strftime(DATE_FORMAT))
        self._fill_combo(card.sex, remember=False)
        self.address_edit.setText(card.address)
        for edit in (self.name_edit, self.address_edit):
            edit.setCursorPosition(0)  # the start of a long address, not its end
        lines = [self.tr("Đã đọc thẻ căn cước.")]
        if card.old_id:
            lines[0] += " " + self.tr("CMND cũ: {0}.").format(card.old_id)
        lines += [self._warning_text(code) for code in card.warnings]
        self._show_note("\n".join(lines), WARNING_STYLE if card.warnings else NOTE_STYLE)
        self._lookup(card.personal_id)

    def _warning_text(self, code: str) -> str:
        text = CARD_WARNINGS.get(code)
        return self.tr(text) if text is not None else describe_warning(code)

    def _show_id_message(self, text: str) -> None:
        self.id_message.setText(text)
        self.id_message.setVisible(bool(text))
        if text:
            self.id_note.hide()

    def _show_note(self, text: str, style: str) -> None:
        self.id_note.setStyleSheet(style)
        self.id_note.setText(text)
        self.id_note.setVisible(bool(text))

    def _advance(self) -> None:
        """After the ID: the first of name and phone still empty, else out of the block."""
        for widget in (self.name_edit, self.phone_edit):
            if not widget.text().strip():
                widget.setFocus()
                return
        self.completed.emit()

    # -- a returning citizen ------------------------------------------------------------------------------

    def _lookup(self, number: str) -> None:
        self._looked_up = number
        self._generation += 1
        generation = self._generation
        citizens, actor = self._session.services.citizens, self._session.actor
        self.history_found.emit(None)
        self._session.run(
            lambda: citizens.lookup(number, actor=actor),
            lambda history: self._found(generation, history),
            lambda exc: self._lookup_failed(generation, exc),
        )

    def _found(self, generation: int, history: Any) -> None:
        if generation != self._generation:
            return  # the ID changed since
        if history is None:
            self.history_found.emit(None)
            return
        focus = QApplication.focusWidget()
        waiting = (
            isinstance(focus, QLineEdit) and focus in (self.name_edit, self.phone_edit) and not focus.text()
        )
        self.fill_from_citizen(history.citizen)
        self.history_found.emit(history)
        if waiting:
            self._advance()

    def _lookup_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._looked_up = ""  # try again next time
            self._show_note(self.tr("Không tra cứu được thông tin công dân đã lưu."), WARNING_STYLE)

    def fill_from_citizen(self, citizen: CitizenView) -> None:
        """Stored particulars go into the fields still empty (what the card or the clerk gave stays)."""
        pairs: list[tuple[QLineEdit, str | None]] = [
            (self.name_edit, citizen.full_name),
            (self.dob_edit, citizen.date_of_birth.strftime(DATE_FORMAT) if citizen.date_of_birth else None),
            (self.phone_edit, citizen.phone),
            (self.address_edit, citizen.address),
        ]
        for edit, value in pairs:
            if value and not edit.text().strip():
                edit.setText(value)
                edit.setCursorPosition(0)
                self._filled[edit] = value
        if citizen.sex and self.sex_combo.currentIndex() == 0:
            self._fill_combo(citizen.sex)
        if citizen.old_id and not self._old_id and citizen.personal_id:
            self._old_id = citizen.old_id

    def _fill_combo(self, sex: str, remember: bool = True) -> None:
        index = self.sex_combo.findData(sex)
        self.sex_combo.setCurrentIndex(index)
        if remember:
            self._filled[self.sex_combo] = sex

    def _undo_fills(self) -> None:
        """Another person's ID: take out what the previous lookup put in, unless the clerk changed it."""
        for widget, value in self._filled.items():
            if isinstance(widget, QLineEdit) and widget.text() == value:
                widget.clear()
            elif isinstance(widget, QComboBox) and widget.currentData() == value:
                widget.setCurrentIndex(0)
        self._filled.clear()

    # -- the registration's view of the person ------------------------------------------------------------

    def problems(self) -> list[InvalidInput]:
        """What stops the registration in this block, every field at once (``records`` stops at the first),
        each naming its field (``applicant.phone``, ...)."""
        role = self.role
        found: list[InvalidInput] = []
        number = "".join(self.id_edit.text().split())
        if "|" in number:
            found.append(InvalidQrText("a card's QR text left in the ID field", field=f"{role}.personal_id"))
        else:
            result = check_id(number)
            if not result.valid:
                found.append(
                    InvalidPersonalId(
                        result.message or "", field=f"{role}.personal_id", reason=result.reason, value=number
                    )
                )
        if not self.name_edit.text().strip():
            found.append(InvalidInput("the name is required", field=f"{role}.full_name"))
        try:
            birth = parse_day(self.dob_edit.text())
        except ValueError:
            birth = None
            found.append(InvalidInput("not a date", field=f"{role}.date_of_birth"))
        if birth is not None and birth > now().date():
            found.append(InvalidInput("a birth in the future", field=f"{role}.date_of_birth"))
        try:
            normalise_phone(self.phone_edit.text())
        except InvalidInput:
            found.append(InvalidInput("not a phone number", field=f"{role}.phone"))
        return found

    def to_json(self) -> dict[str, Any]:
        """The person as the registration reads them (call when :meth:`problems` found none); a refusal by
        ``records`` is :class:`InvalidInput` naming the field (``applicant.phone``, ...)."""
        number = "".join(self.id_edit.text().split())
        data: dict[str, Any] = {"full_name": self.name_edit.text().strip()}
        result = check_id(number)
        if result.valid and result.kind == "old_id":
            data["old_id"] = result.number
        else:
            data["personal_id"] = number
            if self._old_id:
                data["old_id"] = self._old_id
        try:
            birth = parse_day(self.dob_edit.text())
        except ValueError:
            raise InvalidInput("not a date", field=f"{self.role}.date_of_birth") from None
        if birth is not None:
            data["date_of_birth"] = birth.isoformat()
        if self.sex_combo.currentData():
            data["sex"] = self.sex_combo.currentData()
        for key, edit in (("phone", self.phone_edit), ("address", self.address_edit)):
            if edit.text().strip():
                data[key] = edit.text().strip()
        CitizenInput.from_json(data, role=self.role)  # refusals name this person's field
        return data

    def is_empty(self) -> bool:
        """Nothing typed in the block."""
        return not any(edit.text().strip() for edit in (self.id_edit, self.name_edit, self.dob_edit))

    def clear(self) -> None:
        """Empty every field and message (the next citizen)."""
        self._generation += 1
        self._processed_id = ""
        self._looked_up = ""
        self._old_id = None
        self._filled.clear()
        for edit in (self.id_edit, self.name_edit, self.dob_edit, self.phone_edit, self.address_edit):
            edit.clear()
        self.sex_combo.setCurrentIndex(0)
        self.id_message.clear()
        self.id_message.hide()
        self.id_note.hide()
        for message in self.messages.values():
            message.clear()
            message.hide()

    def _tidy_date(self) -> None:
        """A date typed ``01021990`` or ``1/2/1990`` is shown ``01/02/1990``; a bad one is left for the
        save to point at."""
        try:
            day = parse_day(self.dob_edit.text())
        except ValueError:
            return
        if day is not None and day <= now().date():
            self.dob_edit.setText(day.strftime(DATE_FORMAT))
