"""Settings › Cơ quan: the receiving agency, this workstation's number, and the set of forms printed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.errors import DomainError, InvalidAgencyCode
from records.forms import FormSet, form_sets
from records.services.settings import AgencyConfig
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint, with_error

FIELD_WIDTH = 560


class AgencyTab(SettingsTab):
    """The agency's identity (one "Lưu") and its form set (one "Áp dụng")."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._form_set_id: str | None = None
        self.agency_code = QLineEdit()
        self.agency_code.setPlaceholderText("000.17.22.H56")
        self.agency_name = QLineEdit()
        self.agency_name.setPlaceholderText(self.tr("UBND xã …"))
        self.parent_name = QLineEdit()
        self.parent_name.setPlaceholderText(self.tr("UBND tỉnh … (không bắt buộc)"))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("in trước ngày tháng trên giấy tờ (không bắt buộc)"))
        for edit in (self.agency_code, self.agency_name, self.parent_name, self.place):
            edit.setMaximumWidth(FIELD_WIDTH)
        self.agency_code.setMaximumWidth(FIELD_WIDTH // 2)
        self.workstation = QSpinBox()
        self.workstation.setRange(1, session.agency.scheme.max_workstations)
        self.workstation.setMaximumWidth(80)

        form = QFormLayout()
        rows = (
            ("agency_code", self.tr("&Mã cơ quan (mã định danh điện tử):"), self.agency_code),
            ("agency_name", self.tr("&Tên cơ quan tiếp nhận:"), self.agency_name),
            ("parent_name", self.tr("Cơ quan &chủ quản:"), self.parent_name),
            ("place", self.tr("Đị&a danh:"), self.place),
            ("workstation", self.tr("Số má&y trạm:"), self.workstation),
        )
        for field, text, widget in rows:
            box, error = with_error(widget)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, box)
            self.messages.add(field, widget, error)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.mark_dirty)
        self.workstation.valueChanged.connect(self.mark_dirty)
        self.save_button = QPushButton(self.tr("&Lưu thông tin cơ quan"))
        self.save_button.clicked.connect(self.save)
        agency_box = QGroupBox(self.tr("Cơ quan tiếp nhận"))
        agency_layout = QVBoxLayout(agency_box)
        agency_layout.addLayout(form)
        agency_layout.addWidget(
            hint(
                self.tr(
                    "Mã cơ quan và số máy trạm tạo nên mã hồ sơ: mỗi máy trạm của cùng cơ quan phải có một "
                    "số riêng. Tên cơ quan in trên biên nhận và các phiếu từ nay về sau."
                )
            )
        )

        self.form_set_buttons = QButtonGroup(self)
        forms_box = QGroupBox(self.tr("Bộ mẫu biểu in"))
        forms_layout = QVBoxLayout(forms_box)
        self._sets: list[FormSet] = form_sets()
        for index, form_set in enumerate(self._sets):
            button = QRadioButton(form_set.basis)
            self.form_set_buttons.addButton(button, index)
            forms_layout.addWidget(button)
        self.form_set_buttons.idClicked.connect(self._form_set_chosen)
        self.apply_form_set_button = QPushButton(self.tr("Áp &dụng bộ mẫu"))
        self.apply_form_set_button.setEnabled(False)
        self.apply_form_set_button.clicked.connect(self.apply_form_set)
        forms_row = QHBoxLayout()
        forms_row.addWidget(
            hint(self.tr("Số hiệu và tên các mẫu (biên nhận, phiếu, sổ theo dõi) theo thông tư đã chọn.")), 1
        )
        forms_row.addWidget(self.apply_form_set_button)
        forms_layout.addLayout(forms_row)

        layout = QVBoxLayout(self)
        layout.addWidget(agency_box)
        layout.addWidget(forms_box)
        layout.addStretch(1)
        layout.addLayout(self.footer(self.save_button))

        QWidget.setTabOrder(self.agency_code, self.agency_name)
        QWidget.setTabOrder(self.agency_name, self.parent_name)
        QWidget.setTabOrder(self.parent_name, self.place)
        QWidget.setTabOrder(self.place, self.workstation)
        QWidget.setTabOrder(self.workstation, self.save_button)

    def title(self) -> str:
        return self.tr("Cơ quan")

    def load(self) -> None:
        settings = self.session.services.settings
        self.call(lambda: (settings.agency(), settings.form_set().id), self._loaded)

    def _loaded(self, answer: tuple[AgencyConfig, str]) -> None:
        agency, form_set_id = answer
        self._show_agency(agency)
        self._form_set_id = form_set_id
        for index, form_set in enumerate(self._sets):
            if form_set.id == form_set_id:
                self.form_set_buttons.button(index).setChecked(True)
        self.apply_form_set_button.setEnabled(False)
        self.mark_clean()
        self.loaded.emit()

    def _show_agency(self, agency: AgencyConfig) -> None:
        self.agency_code.setText(agency.code)
        self.agency_name.setText(agency.name)
        self.parent_name.setText(agency.parent_name or "")
        self.place.setText(agency.place or "")
        self.workstation.blockSignals(True)
        self.workstation.setValue(agency.workstation)
        self.workstation.blockSignals(False)

    # -- the agency -------------------------------------------------------------------------------------

    def save(self) -> None:
        """Save the agency's identity and this workstation's number (one service call)."""
        self.messages.clear()
        values: dict[str, Any] = {
            "agency_code": self.agency_code.text().strip(),
            "agency_name": self.agency_name.text().strip(),
            "parent_name": self.parent_name.text().strip() or None,
            "place": self.place.text().strip() or None,
            "workstation": self.workstation.value(),
        }
        if not values["agency_name"]:
            self.messages.show_text("agency_name", self.tr("Cần nhập tên cơ quan tiếp nhận."))
            return
        settings, actor = self.session.services.settings, self.session.actor
        self.call(lambda: settings.update_agency(actor, **values), self._saved, self._refused)

    def _saved(self, agency: Any) -> None:
        if isinstance(agency, AgencyConfig):
            self.session.agency = agency
            self._show_agency(agency)
        self.mark_clean()
        self.show_ok(self.tr("Đã lưu thông tin cơ quan. Tên mới hiện trên thanh tiêu đề từ lần mở sau."))
        self.saved.emit()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidAgencyCode):
            self.show_failure(
                exc,
                "agency_code",
                self.tr("Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242)."),
            )
        elif isinstance(exc, DomainError) and "workstation" in exc.params and "field" not in exc.params:
            high = self.session.agency.scheme.max_workstations
            self.show_failure(exc, "workstation", self.tr("Số máy trạm phải từ 1 đến {0}.").format(high))
        elif isinstance(exc, DomainError) and exc.params.get("field") == "agency_name":
            self.show_failure(exc, "agency_name", self.tr("Cần nhập tên cơ quan tiếp nhận."))
        else:
            self.show_failure(exc)

    # -- the form set -----------------------------------------------------------------------------------

    def _form_set_chosen(self, index: int) -> None:
        self.apply_form_set_button.setEnabled(self._sets[index].id != self._form_set_id)

    def chosen_form_set(self) -> str | None:
        """The id of the form set ticked."""
        index = self.form_set_buttons.checkedId()
        return self._sets[index].id if index >= 0 else None

    def choose_form_set(self, set_id: str) -> None:
        """Tick the form set ``set_id`` (not applied until "Áp dụng")."""
        for index, form_set in enumerate(self._sets):
            if form_set.id == set_id:
                self.form_set_buttons.button(index).setChecked(True)
                self._form_set_chosen(index)

    def apply_form_set(self) -> None:
        """Use the ticked form set from now on (one service call)."""
        chosen = self.chosen_form_set()
        if chosen is None:
            return
        settings, actor = self.session.services.settings, self.session.actor
        self.call(lambda: settings.use_form_set(actor, chosen), self._form_set_applied)

    def _form_set_applied(self, form_set: FormSet) -> None:
        self._form_set_id = form_set.id
        self.apply_form_set_button.setEnabled(False)
        self.show_ok(self.tr("Từ nay in theo mẫu của {0}.").format(form_set.name))
        self.saved.emit()

    def busy_changed(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
