"""The page editor: pages shown as thumbnails made off the UI thread, put in order by drag and drop and by
keyboard, turned, cropped, removed, cut into documents and tied to the procedure's checklist."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QPixmap
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS, qt_messages

import ui.page_list_model
from records.digitize.pages import Page
from ui.page_editor import PageEditor
from ui.page_list_model import DocumentStartRole, PageListModel, PageRole
from ui.tasks import BackgroundPool

CHECKLIST = [
    ("TK01", "Tờ khai đăng ký khai sinh"),
    ("GCS", "Giấy chứng sinh"),
    (None, "Giấy tờ chứng minh nơi cư trú"),
]
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _page(name: str, size: tuple[int, int] = (420, 594)) -> Page:
    """A small portrait page with some "text" and a mark at its top left (to tell its turn)."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for y in range(60, size[1] - 40, 18):
        draw.rectangle((40, y, size[0] - 40, y + 6), fill=30)
    draw.rectangle((10, 10, 60, 40), fill=0)
    return Page(image, dpi=200.0, source=name)


@pytest.fixture
def background() -> Iterator[Callable[..., Any]]:
    pool = BackgroundPool()
    yield pool.submit
    assert pool.stop(WAIT_MS), "a background task did not finish in time"


def _editor(qtbot: QtBot, background: Callable[..., Any], count: int = 4) -> PageEditor:
    editor = PageEditor(background)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.set_checklist(CHECKLIST)
    editor.add_pages([_page(f"p{n}") for n in range(count)])
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=WAIT_MS)  # the shortcuts work in the active window
    editor.view.setFocus()
    return editor


def _order(editor: PageEditor) -> list[str]:
    return [page.source for page in editor.pages()]


def _documents(editor: PageEditor) -> list[list[str]]:
    return [[page.source for page in document.pages] for document in editor.documents()]


def _select(editor: PageEditor, *rows: int) -> None:
    selection = editor.view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(editor.model.index(row), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(editor.model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)


def _thumbnails_done(qtbot: QtBot, editor: PageEditor) -> None:
    qtbot.waitUntil(lambda: editor.model.thumbnails_pending() == 0, timeout=WAIT_MS)


def test_added_pages_become_one_document_with_thumbnails_made_off_the_ui_thread(
    qtbot: QtBot, background: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = ui.page_list_model.make_thumbnail

    def spy(page: Page, size: int = ui.page_list_model.THUMBNAIL_PX) -> Any:
        threads.append(threading.current_thread())
        return real(page, size)

    monkeypatch.setattr(ui.page_list_model, "make_thumbnail", spy)
    changes: list[None] = []
    editor = PageEditor(background)
    qtbot.addWidget(editor)
    editor.changed.connect(lambda: changes.append(None))
    editor.add_pages([_page("p0"), _page("p1"), _page("p2", size=(594, 420))])
    assert changes  # the intake page learns that there is something to save
    assert editor.model.rowCount() == 3
    _thumbnails_done(qtbot, editor)
    assert len(threads) == 3 and threading.main_thread() not in threads
    portrait = editor.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    landscape = editor.model.index(2).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(portrait, QPixmap) and portrait.height() > portrait.width()
    assert isinstance(landscape, QPixmap) and landscape.width() > landscape.height()
    assert _documents(editor) == [["p0", "p1", "p2"]]
    [document] = editor.documents()
    assert document.name == "Tài liệu 1" and document.checklist_code is None
    assert editor.unassigned_documents() == [1]
    assert "3 trang" in editor.status.text() and "1 tài liệu chưa chọn giấy tờ" in editor.status.text()

    editor.clear()
    assert editor.pages() == [] and editor.documents() == []


def test_drag_and_drop_moves_pages_through_the_models_mime_data(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    editor = _editor(qtbot, background, 5)
    model = editor.model
    mime = model.mimeData([model.index(0)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _order(editor) == ["p1", "p2", "p0", "p3", "p4"]

    two = model.mimeData([model.index(4), model.index(1)])  # two pages, dragged together to the front
    assert model.dropMimeData(two, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert _order(editor) == ["p2", "p4", "p1", "p0", "p3"]
    assert model.dropMimeData(
        model.mimeData([model.index(0)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    assert _order(editor) == ["p4", "p1", "p0", "p3", "p2"]  # -1: to the end

    other = PageListModel(background)
    other.add_pages([_page("x")])
    foreign = other.mimeData([other.index(0)])
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert _order(editor) == ["p4", "p1", "p0", "p3", "p2"]  # nothing from another batch, nothing lost


def test_a_page_dropped_inside_another_document_joins_it(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    editor = _editor(qtbot, background, 6)
    model = editor.model
    model.split_at(3)  # [p0 p1 p2] [p3 p4 p5]
    assert model.dropMimeData(model.mimeData([model.index(0)]), Qt.DropAction.MoveAction, 5, 0, QModelIndex())
    assert _documents(editor) == [["p1", "p2"], ["p3", "p4", "p0", "p5"]]
    # a whole document dropped at a border stays a document: documents change places
    assert model.dropMimeData(
        model.mimeData([model.index(r) for r in range(2, 6)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
    )
    assert _documents(editor) == [["p3", "p4", "p0", "p5"], ["p1", "p2"]]


def test_the_keyboard_moves_pages(qtbot: QtBot, background: Callable[..., Any]) -> None:
    editor = _editor(qtbot, background, 4)
    _select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, CTRL)
    assert _order(editor) == ["p1", "p0", "p2", "p3"]
    assert editor.selected_rows() == [1]  # the selection follows the page: press again to go on
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, ALT)
    assert _order(editor) == ["p1", "p2", "p0", "p3"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, ALT)
    qtbot.keyClick(editor.view, Qt.Key.Key_Left, CTRL)
    assert _order(editor) == ["p0", "p1", "p2", "p3"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Left, CTRL)  # already first: nothing happens
    assert _order(editor) == ["p0", "p1", "p2", "p3"]
    assert editor.move_earlier_action.toolTip().endswith("sang tài liệu trước")
    assert "Ctrl+←" in editor.move_earlier_action.toolTip()


def test_at_a_documents_edge_the_keyboard_first_moves_the_page_across_the_border(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    editor = _editor(qtbot, background, 4)
    editor.model.split_at(2)  # [p0 p1] [p2 p3]
    _select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, CTRL)
    assert _documents(editor) == [["p0"], ["p1", "p2", "p3"]]  # same place, now the next document's first
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, CTRL)
    assert _documents(editor) == [["p0"], ["p2", "p1", "p3"]]
    # a whole document (here one page) jumps over its neighbour
    _select(editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, CTRL)
    assert _documents(editor) == [["p2", "p1", "p3"], ["p0"]]


def test_rotate_delete_by_keyboard(qtbot: QtBot, background: Callable[..., Any]) -> None:
    editor = _editor(qtbot, background, 3)
    _select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_R, CTRL)
    qtbot.keyClick(editor.view, Qt.Key.Key_R, CTRL)
    assert editor.pages()[1].rotation == 180
    qtbot.keyClick(editor.view, Qt.Key.Key_L, CTRL)
    assert editor.pages()[1].rotation == 90
    assert editor.pages()[1].image is editor.pages()[1].image  # the source pixels are kept as they were
    assert [p.rotation for p in editor.pages()] == [0, 90, 0]
    _thumbnails_done(qtbot, editor)
    turned = editor.model.index(1).data(Qt.ItemDataRole.DecorationRole)
    assert turned.width() > turned.height()  # the thumbnail shows the page turned
    assert (
        "Ctrl+R" in editor.rotate_right_action.toolTip() and "Ctrl+L" in editor.rotate_left_action.toolTip()
    )

    _select(editor, 0, 2)  # two pages at once
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert _order(editor) == ["p1"]
    assert editor.view.currentIndex().row() == 0  # the cursor stays on a page


def test_crop_sets_the_pages_crop(qtbot: QtBot, background: Callable[..., Any]) -> None:
    editor = _editor(qtbot, background, 2)
    _select(editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_R, CTRL)  # turned first: the crop is in the turned page's pixels
    qtbot.keyClick(editor.view, Qt.Key.Key_K, CTRL)
    dialog = editor.crop_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.canvas.isVisible, timeout=WAIT_MS)  # the page rendered in the background
    assert dialog.box() is None  # not cropped yet: the whole page
    assert dialog.sides["right"].value() == 594 and dialog.sides["bottom"].value() == 420
    dialog.set_box((30, 20, 500, 400))
    dialog.sides["left"].setValue(40)  # the keyboard way: one side typed
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    page = editor.pages()[1]
    assert page.rotation == 90 and page.crop == (40, 20, 500, 400)
    assert page.size() == (460, 380)
    assert editor.pages()[0].crop is None

    editor.crop_current()  # opened again: the frame is where it was; "Toàn trang" removes it
    dialog = editor.crop_dialog
    assert dialog is not None and dialog.box() == (40, 20, 500, 400)
    dialog.whole_button.click()
    dialog.accept()
    assert editor.pages()[1].crop is None

    editor.crop_current()
    dialog = editor.crop_dialog
    assert dialog is not None
    dialog.set_box((0, 0, 100, 100))
    dialog.reject()  # cancelled: unchanged
    assert dialog.result() == QDialog.DialogCode.Rejected and editor.pages()[1].crop is None


def test_split_into_documents_and_merge_back(qtbot: QtBot, background: Callable[..., Any]) -> None:
    editor = _editor(qtbot, background, 5)
    _select(editor, 2)
    qtbot.keyClick(editor.view, Qt.Key.Key_T, CTRL)
    assert _documents(editor) == [["p0", "p1"], ["p2", "p3", "p4"]]
    assert editor.model.index(2).data(DocumentStartRole) and not editor.model.index(3).data(DocumentStartRole)
    assert not editor.split_action.isEnabled()  # a document already begins here
    _select(editor, 4)
    editor.split_action.trigger()
    assert _documents(editor) == [["p0", "p1"], ["p2", "p3"], ["p4"]]
    assert len(editor.documents()) == 3 and editor.unassigned_documents() == [1, 2, 3]
    assert editor.document_row(1).title.text().count("2 trang") == 1

    _select(editor, 3)
    qtbot.keyClick(editor.view, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _documents(editor) == [["p0", "p1", "p2", "p3"], ["p4"]]
    assert "Ctrl+T" in editor.split_action.toolTip() and "Ctrl+Shift+T" in editor.merge_action.toolTip()


def test_each_document_is_tied_to_a_checklist_item_or_named(
    qtbot: QtBot, background: Callable[..., Any]
) -> None:
    editor = _editor(qtbot, background, 4)
    editor.model.split_at(1)
    editor.model.split_at(3)  # [p0] [p1 p2] [p3]
    first, second, third = (editor.document_row(n) for n in range(3))
    assert [first.combo.itemText(i) for i in range(first.combo.count())] == [
        "— Chọn giấy tờ —",
        *[name for _code, name in CHECKLIST],
        "Giấy tờ khác…",
    ]
    changes: list[None] = []
    editor.changed.connect(lambda: changes.append(None))
    first.combo.setCurrentIndex(2)  # Giấy chứng sinh
    assert changes
    third.combo.setCurrentIndex(3)  # an item without a code
    second.combo.setCurrentIndex(second.combo.count() - 1)  # Giấy tờ khác…
    assert second.other_name.isVisible() and second.other_name.hasFocus()
    assert editor.model.index(1).data(ui.page_list_model.DocumentNameRole) == "Giấy tờ khác"  # until typed
    typed = QInputMethodEvent()  # typed through the input method (Unikey, ibus): QTest types ASCII only
    typed.setCommitString("Giấy xác nhận tình trạng hôn nhân")
    QApplication.sendEvent(second.other_name, typed)

    documents = editor.documents()
    assert [(d.name, d.checklist_code, len(d.pages)) for d in documents] == [
        ("Giấy chứng sinh", "GCS", 1),
        ("Giấy xác nhận tình trạng hôn nhân", None, 2),
        ("Giấy tờ chứng minh nơi cư trú", None, 1),
    ]
    assert editor.unassigned_documents() == []
    assert editor.model.index(0).data(ui.page_list_model.DocumentNameRole) == "Giấy chứng sinh"  # on the band

    # Ctrl+G on a page puts the cursor in its document's box
    _select(editor, 2)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(second.combo.view().isVisible, timeout=WAIT_MS)  # its choices open, for the arrows
    assert not first.combo.view().isVisible() and not third.combo.view().isVisible()
    second.combo.hidePopup()
    assert second.combo.hasFocus()

    # a new version of the checklist: an item renamed is still the same paper (same code) …
    editor.set_checklist([("TK01", "Tờ khai đăng ký khai sinh"), ("GCS", "Giấy chứng sinh (bản chính)")])
    assert (editor.documents()[0].name, editor.documents()[0].checklist_code) == (
        "Giấy chứng sinh (bản chính)",
        "GCS",
    )
    # … one gone: the document keeps its name as another paper
    editor.set_checklist([("TK01", "Tờ khai đăng ký khai sinh")])
    documents = editor.documents()
    assert (documents[0].name, documents[0].checklist_code) == ("Giấy chứng sinh (bản chính)", None)
    assert editor.document_row(0).combo.currentText() == "Giấy tờ khác…"


def test_the_page_model_passes_qts_model_tester(
    qtbot: QtBot, qtmodeltester: Any, background: Callable[..., Any]
) -> None:
    model = PageListModel(background)
    with qt_messages("qt.modeltest") as failures:
        qtmodeltester.check(model)
        model.add_pages([_page(f"p{n}") for n in range(5)])
        model.split_at(2)
        qtmodeltester.check(model)
        model.move_pages([0], 4)
        model.move_later([1])
        model.move_earlier([3, 4])
        assert model.moveRows(QModelIndex(), 0, 2, QModelIndex(), 5)
        model.replace_page(1, model.page(1).rotated(1))
        model.remove_pages([0, 3])
        qtmodeltester.check(model)
        qtbot.waitUntil(lambda: model.thumbnails_pending() == 0, timeout=WAIT_MS)
        qtmodeltester.check(model)
    assert failures == []
    assert isinstance(model.index(0).data(PageRole), Page)
    assert model.rowCount() == 3


def test_a_drop_lands_between_the_pages_under_the_mouse(qtbot: QtBot, background: Callable[..., Any]) -> None:
    editor = _editor(qtbot, background, 5)
    view = editor.view
    second = view.visualRect(editor.model.index(1))
    assert view.drop_row(second.center() - QPoint(second.width() // 4, 0)) == 1  # left half: before it
    assert view.drop_row(second.center() + QPoint(second.width() // 4, 0)) == 2  # right half: after it
    assert view.drop_row(QPoint(5, view.viewport().height() - 5)) == 5  # below every page: at the end
