"""Settings › Thủ tục: the procedure catalogue — browse and search it, import or export it as a file, and edit
one procedure as its catalogue JSON (checked and saved by the catalogue import itself).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.calendar import ProcessingTime
from records.clock import now
from records.errors import CatalogError
from records.procedures import CATALOG_FORMAT, Procedure, ProcedureVersion, dump_catalog
from ui.preferences import EXPORT_FOLDER
from ui.procedure_catalog_table_model import ProcedureCatalogTableModel, ProcedureFilterProxyModel
from ui.procedure_editor_dialog import ProcedureEditorDialog
from ui.session import UiSession
from ui.settings_tab import SettingsTab, hint, read_text_file, write_text_file


def new_procedure_text(today: date) -> str:
    """A catalogue document with one blank procedure to fill in (every key present)."""
    version = ProcedureVersion(
        effective_from=today, effective_to=None, processing_time=ProcessingTime("working_days", 3)
    ).to_json()
    procedure = {"code": "", "name": "", "field": "", "field_code": None, "versions": [version]}
    document = {"format": CATALOG_FORMAT, "source": None, "procedures": [procedure]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class CatalogTab(SettingsTab):
    """The catalogue of procedures."""

    editor_opened = Signal(object)  # the ProcedureEditorDialog (tests drive it)

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo mã, tên thủ tục hoặc lĩnh vực"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Tìm:"))
        search_label.setBuddy(self.search)
        self.count = QLabel()
        self.model = ProcedureCatalogTableModel(now().date())
        self.proxy = ProcedureFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProcedureCatalogTableModel.COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setToolTip(self.tr("Enter hoặc nháy đúp để sửa thủ tục"))
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ProcedureCatalogTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        widths = {
            ProcedureCatalogTableModel.COL_CODE: metrics.horizontalAdvance("1.001193.000.00.00.H56") + 16,
            ProcedureCatalogTableModel.COL_FIELD: metrics.horizontalAdvance("Chứng thực, hộ tịch") + 24,
            ProcedureCatalogTableModel.COL_TIME: metrics.horizontalAdvance("Trong ngày (nhận trước 15:00)")
            + 16,
            ProcedureCatalogTableModel.COL_SINCE: metrics.horizontalAdvance("Áp dụng từ") + 28,
        }
        for column, pixels in widths.items():
            self.table.setColumnWidth(column, pixels)

        self.add_button = QPushButton(self.tr("Thêm thủ tục…"))
        self.edit_button = QPushButton(self.tr("&Sửa…"))
        self.import_button = QPushButton(self.tr("&Nhập danh mục…"))
        self.export_button = QPushButton(self.tr("&Xuất danh mục…"))
        self.add_button.clicked.connect(self.add_procedure)
        self.edit_button.clicked.connect(self.edit_selected)
        self.import_button.clicked.connect(self.import_from_file)
        self.export_button.clicked.connect(self.export_to_file)
        self.table.activated.connect(lambda _index: self.edit_selected())

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            hint(
                self.tr(
                    "Danh mục nhập từ tệp JSON (định dạng motcua.catalog/1) được kiểm tra toàn bộ: có lỗi "
                    "thì không thay đổi gì. Phiên bản thủ tục đã có hồ sơ sử dụng không thể sửa, chỉ có thể "
                    "thêm phiên bản mới áp dụng từ một ngày sau."
                )
            )
        )
        layout.addLayout(self.footer())

        self.search.textChanged.connect(self._filter)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        for before, after in (
            (self.search, self.table),
            (self.table, self.add_button),
            (self.add_button, self.edit_button),
            (self.edit_button, self.import_button),
            (self.import_button, self.export_button),
        ):
            QWidget.setTabOrder(before, after)

    def title(self) -> str:
        return self.tr("Thủ tục")

    # -- the list -----------------------------------------------------------------------------------------

    def load(self) -> None:
        self.call(self.session.services.catalog.procedures, self._loaded)

    def _loaded(self, procedures: list[Procedure]) -> None:
        self.model.set_procedures(procedures)
        self._show_count()
        self.loaded.emit()

    def _filter(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(self.tr("%n thủ tục", "", total))
        else:
            self.count.setText(self.tr("{0}/{1} thủ tục").format(shown, total))

    def selected_code(self) -> str | None:
        """The code of the procedure selected in the list."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.procedure(source.row()).code

    def select_code(self, code: str) -> bool:
        """Select the procedure ``code`` in the list (if it is shown)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() == code:
                self.table.setCurrentIndex(index)
                return True
        return False

    # -- editing ------------------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        """Open the selected procedure's catalogue JSON in the editor."""
        code = self.selected_code()
        if code is None:
            self.messages.show_text(None, self.tr("Chọn một thủ tục trong danh sách để sửa."))
            return
        catalog = self.session.services.catalog
        self.call(
            lambda: dump_catalog([catalog.get(code)]),
            lambda text: self._open_editor(self.tr("Sửa thủ tục {0}").format(code), text),
        )

    def add_procedure(self) -> None:
        """Open the editor on a blank procedure."""
        self._open_editor(self.tr("Thêm thủ tục"), new_procedure_text(now().date()))

    def _open_editor(self, title: str, text: str) -> None:
        dialog = ProcedureEditorDialog(self.session, title, text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._edited)
        self.editor_opened.emit(dialog)
        dialog.open()

    def _edited(self, result: Any) -> None:
        self.show_ok(self._result_text(result))
        self.saved.emit()
        self.load()

    # -- import and export --------------------------------------------------------------------------------

    def _folder(self) -> str:
        return self.session.prefs.get(EXPORT_FOLDER) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

    def import_from_file(self) -> None:
        """Ask for a catalogue file and import it."""
        path = self.ask_open_path()
        if path is not None:
            self.import_file(path)

    def ask_open_path(self) -> Path | None:
        """The open dialog (tests replace this method)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Nhập danh mục thủ tục"), self._folder(), self.tr("Danh mục thủ tục (*.json)")
        )
        return Path(chosen) if chosen else None

    def import_file(self, path: Path) -> None:
        """Read ``path`` (background) and import it: all of it, or nothing (one service call)."""
        catalog, actor = self.session.services.catalog, self.session.actor
        self.messages.clear()
        self.background(
            lambda: read_text_file(path),
            lambda text: self.call(
                lambda: catalog.import_text(text, actor), self._imported, self._import_refused
            ),
        )

    def _imported(self, result: Any) -> None:
        self.show_ok(self._result_text(result))
        self.saved.emit()
        self.load()

    def _result_text(self, result: Any) -> str:
        return self.tr(
            "Đã nhập danh mục: thêm {0} thủ tục, cập nhật {1}; thêm {2} phiên bản, cập nhật {3}; {4} thủ tục "
            "không đổi."
        ).format(
            result.procedures_added,
            result.procedures_updated,
            result.versions_added,
            result.versions_updated,
            result.unchanged,
        )

    def _import_refused(self, exc: BaseException) -> None:
        if isinstance(exc, CatalogError):
            self.show_failure(exc, None, self.tr("Không nhập danh mục (không thay đổi gì): {0}").format(exc))
        else:
            self.show_failure(exc)

    def export_to_file(self) -> None:
        """Ask where to save the catalogue and write it."""
        default = Path(self._folder()) / f"danh-muc-thu-tuc-{now().date().isoformat()}.json"
        path = self.ask_save_path(default)
        if path is not None:
            self.export_file(path)

    def ask_save_path(self, default: Path) -> Path | None:
        """The save dialog (tests replace this method)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Xuất danh mục thủ tục"), str(default), self.tr("Danh mục thủ tục (*.json)")
        )
        return Path(chosen) if chosen else None

    def export_file(self, path: Path) -> None:
        """Write the whole catalogue to ``path`` (read on the worker, written in the background)."""
        self.session.prefs.set(EXPORT_FOLDER, str(path.parent))
        self.messages.clear()
        self.call(
            self.session.services.catalog.export_text,
            lambda text: self.background(lambda: write_text_file(path, text), self._exported),
        )

    def _exported(self, path: Path) -> None:
        self.show_ok(self.tr("Đã xuất danh mục thủ tục ra {0}").format(path))
        self.saved.emit()

    def busy_changed(self, busy: bool) -> None:
        for button in (self.import_button, self.export_button, self.edit_button, self.add_button):
            button.setEnabled(not busy)
