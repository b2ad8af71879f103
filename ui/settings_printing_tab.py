"""Settings › In ấn, › Ngôn ngữ and › Khóa màn hình: choices of this workstation, kept in its preferences file
(not in the database): the receipt's paper and copies, where printouts go, the printer, the interface
language, and after how long without use the screen locks.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
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

from ui.lock_dialog import MAX_IDLE_MINUTES, idle_lock_minutes
from ui.preferences import (
    DIGITIZE_CHECK,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    PDF_FOLDER,
    PRINT_DESTINATION,
    PRINTER_NAME,
    RECEIPT_COPIES,
    RECEIPT_PAPER,
)
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint

# The paper names printing.receipt.layout_receipt accepts.
PAPERS = ("a4", "a5", "80mm")
OLD_PAPER_NAMES = {"roll80": "80mm"}
DESTINATIONS = ("preview", "printer", "folder")
LANGUAGES = ("vi", "en")


class PrintingTab(SettingsTab):
    """The receipt's paper and copies, the destination of printouts and the printer."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.paper = QComboBox()
        for value, text in zip(
            PAPERS, (self.tr("A4"), self.tr("A5 (nửa tờ A4)"), self.tr("Cuộn giấy nhiệt 80 mm")), strict=True
        ):
            self.paper.addItem(text, value)
        self.copies = QComboBox()
        self.copies.addItem(self.tr("1 liên"), 1)
        self.copies.addItem(self.tr("2 liên (một liên cơ quan giữ)"), 2)
        receipt_box = QGroupBox(self.tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"))
        receipt_form = QFormLayout(receipt_box)
        receipt_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        paper_label = QLabel(self.tr("&Khổ giấy:"))
        paper_label.setBuddy(self.paper)
        copies_label = QLabel(self.tr("Số &liên:"))
        copies_label.setBuddy(self.copies)
        receipt_form.addRow(paper_label, self.paper)
        receipt_form.addRow(copies_label, self.copies)
        self.digitize_check = QCheckBox(self.tr("Kiểm tra giấy tờ đã &số hóa trước khi in biên nhận"))
        self.digitize_check.setToolTip(
            self.tr(
                "Khi lưu hồ sơ, nhắc nếu còn giấy tờ đã nhận chưa được quét hoặc dùng lại bản số. "
                "Chỉ tắt ở máy không có máy quét."
            )
        )
        receipt_form.addRow(self.digitize_check)

        self.destination = QButtonGroup(self)
        self.preview_button = QRadioButton(self.tr("&Xem trước rồi mới in"))
        self.printer_button = QRadioButton(self.tr("In &thẳng ra máy in, không hỏi lại"))
        self.folder_button = QRadioButton(self.tr("Lưu tệp &PDF vào thư mục (in sau, hoặc in ở máy khác)"))
        for index, button in enumerate((self.preview_button, self.printer_button, self.folder_button)):
            self.destination.addButton(button, index)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(str(session.prefs.data_dir / "printouts"))
        self.choose_folder_button = QPushButton(self.tr("&Chọn…"))
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.destination.idToggled.connect(lambda _id, _on: self._destination_changed())
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(24, 0, 0, 0)
        self.folder.setMaximumWidth(560)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder_button)
        folder_row.addStretch(0)
        destination_box = QGroupBox(self.tr("Khi bấm In"))
        destination_layout = QVBoxLayout(destination_box)
        destination_layout.addWidget(self.preview_button)
        destination_layout.addWidget(self.printer_button)
        destination_layout.addWidget(self.folder_button)
        destination_layout.addLayout(folder_row)

        self.printer = QComboBox()
        self.printer.addItem(self.tr("Máy in mặc định của hệ thống"), "")
        printer_box = QGroupBox(self.tr("Máy in"))
        printer_form = QFormLayout(printer_box)
        printer_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.printer.setMinimumWidth(360)
        printer_label = QLabel(self.tr("&Máy in:"))
        printer_label.setBuddy(self.printer)
        printer_form.addRow(printer_label, self.printer)

        for signal in (
            self.paper.currentIndexChanged,
            self.copies.currentIndexChanged,
            self.printer.currentIndexChanged,
            self.destination.idToggled,
            self.folder.textEdited,
            self.digitize_check.toggled,
        ):
            signal.connect(self.mark_dirty)
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(receipt_box)
        layout.addWidget(destination_box)
        layout.addWidget(printer_box)
        layout.addWidget(hint(self.tr("Các lựa chọn này chỉ áp dụng cho máy tính này.")))
        layout.addStretch(1)
        layout.addLayout(self.footer(self.save_button))
        self.load()

    def title(self) -> str:
        return self.tr("In ấn")

    def load(self) -> None:
        """Ask the system for its printers (in the background: network printers can take a while), then
        show the stored choices."""
        self.background(QPrinterInfo.availablePrinterNames, self._show)

    def _show(self, printers: list[str]) -> None:
        self.printer.clear()
        self.printer.addItem(self.tr("Máy in mặc định của hệ thống"), "")
        for name in printers:
            self.printer.addItem(name, name)
        prefs = self.session.prefs
        paper = prefs.get(RECEIPT_PAPER)
        self.paper.setCurrentIndex(max(0, self.paper.findData(OLD_PAPER_NAMES.get(paper, paper))))
        self.copies.setCurrentIndex(max(0, self.copies.findData(prefs.get(RECEIPT_COPIES))))
        destination = prefs.get(PRINT_DESTINATION)
        index = DESTINATIONS.index(destination) if destination in DESTINATIONS else 0
        self.destination.button(index).setChecked(True)
        self.folder.setText(prefs.get(PDF_FOLDER))
        self.digitize_check.setChecked(prefs.get(DIGITIZE_CHECK))
        printer = prefs.get(PRINTER_NAME)
        found = self.printer.findData(printer)
        if found < 0 and printer:  # a printer remembered but not installed now: keep showing it
            self.printer.addItem(self.tr("{0} (không thấy trên máy)").format(printer), printer)
            found = self.printer.count() - 1
        self.printer.setCurrentIndex(max(0, found))
        self._destination_changed()
        self.mark_clean()
        self.loaded.emit()

    def _destination_changed(self) -> None:
        on = self.folder_button.isChecked()
        self.folder.setEnabled(on)
        self.choose_folder_button.setEnabled(on)

    def _choose_folder(self) -> None:
        folder = self.ask_folder(self.folder.text() or self.folder.placeholderText())
        if folder:
            self.folder.setText(folder)
            self.mark_dirty()

    def ask_folder(self, start: str) -> str:
        """The folder dialog (tests replace this method)."""
        return QFileDialog.getExistingDirectory(self, self.tr("Thư mục lưu bản in PDF"), start)

    def save(self) -> None:
        """Remember the choices for this workstation."""
        prefs = self.session.prefs
        prefs.set(RECEIPT_PAPER, str(self.paper.currentData()))
        prefs.set(RECEIPT_COPIES, int(self.copies.currentData()))
        prefs.set(PRINT_DESTINATION, DESTINATIONS[max(0, self.destination.checkedId())])
        prefs.set(PDF_FOLDER, self.folder.text().strip())
        prefs.set(PRINTER_NAME, str(self.printer.currentData()))
        prefs.set(DIGITIZE_CHECK, self.digitize_check.isChecked())
        prefs.sync()
        self.mark_clean()
        self.show_ok(self.tr("Đã lưu cài đặt in của máy này."))
        self.saved.emit()


class LanguageTab(SettingsTab):
    """The interface language, applied at the next start."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.languages = QButtonGroup(self)
        self.vietnamese = QRadioButton("Tiếng &Việt")
        self.english = QRadioButton("&English")
        self.languages.addButton(self.vietnamese, 0)
        self.languages.addButton(self.english, 1)
        self.languages.idToggled.connect(self.mark_dirty)
        box = QGroupBox(self.tr("Ngôn ngữ giao diện"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.vietnamese)
        box_layout.addWidget(self.english)
        box_layout.addWidget(
            hint(
                self.tr(
                    "Ngôn ngữ mới được áp dụng từ lần mở ứng dụng sau. Giấy tờ in ra (biên nhận, phiếu, sổ) "
                    "luôn bằng tiếng Việt."
                )
            )
        )
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addLayout(self.footer(self.save_button))
        self.load()

    def title(self) -> str:
        return self.tr("Ngôn ngữ")

    def load(self) -> None:
        language = self.session.prefs.get(LANGUAGE)
        (self.english if language == "en" else self.vietnamese).setChecked(True)
        self.mark_clean()
        self.loaded.emit()

    def save(self) -> None:
        """Remember the language for the next start."""
        language = LANGUAGES[max(0, self.languages.checkedId())]
        self.session.prefs.set(LANGUAGE, language)
        self.session.prefs.sync()
        self.mark_clean()
        self.show_ok(
            self.tr("Đã lưu. Giao diện sẽ dùng tiếng Việt từ lần mở sau.")
            if language == "vi"
            else self.tr(
                "Đã lưu. Giao diện sẽ dùng tiếng Anh từ lần mở sau "
                "(the interface will be in English from the next start)."
            )
        )
        self.saved.emit()


class ScreenLockTab(SettingsTab):
    """After how many minutes without use the screen of this workstation locks (0: never)."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" phút"))
        self.minutes.setSpecialValueText(self.tr("Không bao giờ"))
        self.minutes.setMinimumWidth(160)
        self.minutes.valueChanged.connect(self.mark_dirty)
        minutes_label = QLabel(self.tr("Khóa &sau khi không dùng máy:"))
        minutes_label.setBuddy(self.minutes)
        box = QGroupBox(self.tr("Tự khóa màn hình"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(minutes_label, self.minutes)
        form.addRow(
            hint(
                self.tr(
                    "Khi không ai gõ phím hay dùng chuột trong ứng dụng quá số phút này, màn hình được che "
                    "lại; người đang đăng nhập nhập lại mật khẩu để làm việc tiếp, hoặc đăng xuất để người "
                    "khác đăng nhập. 0: không bao giờ tự khóa. Chỉ áp dụng cho máy tính này."
                )
            )
        )
        self.save_button = QPushButton(self.tr("&Lưu"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addLayout(self.footer(self.save_button))
        self.load()

    def title(self) -> str:
        return self.tr("Khóa màn hình")

    def load(self) -> None:
        self.minutes.setValue(idle_lock_minutes(self.session.prefs.get(IDLE_LOCK_MINUTES)))
        self.mark_clean()
        self.loaded.emit()

    def save(self) -> None:
        """Remember the idle time for this workstation (the open window uses it at once)."""
        minutes = self.minutes.value()
        self.session.prefs.set(IDLE_LOCK_MINUTES, minutes)
        self.session.prefs.sync()
        self.mark_clean()
        self.show_ok(
            self.tr("Đã lưu: máy này không tự khóa màn hình.")
            if minutes == 0
            else self.tr("Đã lưu: màn hình tự khóa sau {0} phút không dùng máy.").format(minutes)
        )
        self.saved.emit()
