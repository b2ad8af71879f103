"""Editing a procedure as its catalogue JSON: the text is checked and saved by the catalogue import itself,
so an edit obeys exactly the rules of a file import (a version used by files cannot change; add a version
with a later "effective_from" instead). A refusal names the field at fault and the dialog stays open.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from records.errors import CatalogError, DomainError
from ui.errors import ERROR_STYLE, details_of, show_crash
from ui.session import UiSession

_JSON_POSITION = re.compile(r"line (\d+) column (\d+)")


class ProcedureEditorDialog(QDialog):
    """A text editor over one procedure's catalogue document; "Lưu" imports it (one service call)."""

    saved = Signal(object)  # the CatalogImportResult
    refused = Signal(object)  # the exception

    def __init__(self, session: UiSession, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(title)
        intro = QLabel(
            self.tr(
                "Sửa nội dung thủ tục theo định dạng danh mục (JSON). Phiên bản đã có hồ sơ sử dụng thì "
                'không sửa được: thêm một phiên bản mới với "effective_from" là ngày bắt đầu áp dụng. '
                "Ctrl+S để lưu."
            )
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(text)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 640)

    def text(self) -> str:
        """The document as edited."""
        return self.editor.toPlainText()

    def save(self) -> None:
        """Import the document; close when it is accepted, say why when it is not."""
        catalog, actor = self._session.services.catalog, self._session.actor
        text = self.text()
        self.buttons.setEnabled(False)
        self._session.run(lambda: catalog.import_text(text, actor), self._saved, self._refused)

    def _saved(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, DomainError):
            show_crash(self, details_of(exc))
            return
        field = exc.params.get("field")
        problem = exc.params.get("problem")
        if isinstance(exc, CatalogError) and field:
            text = self.tr("Chưa lưu. Lỗi ở trường {0}: {1}").format(field, problem or exc)
        else:
            text = self.tr("Chưa lưu: {0}").format(exc)
        self.error.setText(text)
        self.error.show()
        self._move_to(str(exc))
        self.refused.emit(exc)

    def _move_to(self, message: str) -> None:
        """Put the cursor where a JSON syntax error is (the message says "line L column C")."""
        match = _JSON_POSITION.search(message)
        if match is None:
            return
        line, column = int(match.group(1)), int(match.group(2))
        block = self.editor.document().findBlockByLineNumber(line - 1)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, max(0, column - 1)
        )
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
