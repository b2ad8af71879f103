"""The document camera dialog without a camera: it says so and cannot capture; a photo (made up here, as the
camera's imageCaptured would hand it over) becomes a straightened page off the UI thread, in order, with
"undo the last one", and "Xong" hands the pages over."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from uitest import WAIT_MS

import records.digitize.page_crop
from ui.camera_dialog import CameraDialog
from ui.qt_images import pil_to_qimage
from ui.tasks import BackgroundPool

PHOTO = (1600, 1200)
# A sheet lying askew on a dark desk, in perspective (top-left, top-right, bottom-right, bottom-left).
SHEET = [(520, 130), (1130, 170), (1180, 1060), (440, 1030)]


def _photo(lines: int = 20) -> QImage:
    """A desk with a sheet of paper on it, the sheet's "text" ``lines`` lines long."""
    image = Image.new("RGB", PHOTO, (62, 52, 45))
    draw = ImageDraw.Draw(image)
    draw.polygon(SHEET, fill=(238, 236, 230))
    for n in range(lines):
        y = 220 + n * 38
        draw.line([(560, y), (1080, y + 30)], fill=(40, 40, 40), width=6)
    return pil_to_qimage(image)


@pytest.fixture
def background() -> Iterator[Callable[..., Any]]:
    pool = BackgroundPool()
    yield pool.submit
    assert pool.stop(WAIT_MS), "a background task did not finish in time"


@pytest.fixture
def dialog(qtbot: QtBot, background: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> CameraDialog:
    monkeypatch.setattr(QMediaDevices, "videoInputs", staticmethod(list))  # no camera, as on a test machine
    dialog = CameraDialog(background)
    # closed at the end without "drop the pages taken?" (the question would wait for a click)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(QDialog.DialogCode.Rejected))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def test_without_a_camera_it_says_so_and_cannot_capture(qtbot: QtBot, dialog: CameraDialog) -> None:
    assert dialog.preview.currentWidget() is dialog.message
    text = dialog.message.text()
    assert text.startswith("Không tìm thấy máy ảnh tài liệu")
    assert "máy quét" in text and "nhập tệp" in text  # what to do instead
    assert not dialog.capture_button.isEnabled() and not dialog.done_button.isEnabled()
    assert dialog.cameras() == [] and not dialog.camera_box.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)  # the capture key does nothing
    assert dialog.pages() == [] and dialog.strip.count() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing taken: Esc closes without asking
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_photo_becomes_a_straightened_camera_page_off_the_ui_thread(
    qtbot: QtBot, dialog: CameraDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = records.digitize.page_crop.auto_crop

    def spy(image: Image.Image) -> Image.Image:
        threads.append(threading.current_thread())
        return real(image)

    monkeypatch.setattr(records.digitize.page_crop, "auto_crop", spy)
    added: list[Any] = []
    dialog.page_added.connect(added.append)
    dialog.add_captured_image(_photo())
    assert dialog.pending() == 1 and not dialog.done_button.isEnabled()  # "Xong" waits for the page
    qtbot.waitUntil(lambda: len(dialog.pages()) == 1, timeout=WAIT_MS)
    assert threads and threads[0] is not threading.main_thread()
    [page] = dialog.pages()
    assert added == [page]
    assert page.source == "camera" and page.dpi is None and page.rotation == 0 and page.crop is None
    width, height = page.size()
    assert width < PHOTO[0] * 0.6 and height < PHOTO[1] * 0.95  # the desk is cut away
    assert 1.2 < height / width < 1.6  # a portrait sheet, as photographed
    corner = page.image.convert("L").getpixel((5, 5))
    assert isinstance(corner, int) and corner > 150  # the paper, not the dark desk
    assert dialog.strip.count() == 1 and dialog.strip.item(0).text() == "Trang 1"
    assert not dialog.strip.item(0).icon().isNull()
    assert dialog.done_button.isEnabled()


def test_pages_keep_their_order_undo_drops_the_last_and_done_hands_them_over(
    qtbot: QtBot, dialog: CameraDialog
) -> None:
    dialog.straighten_box.setChecked(False)  # as photographed: the pages are told apart by their size
    for width in (300, 400, 500):
        image = QImage(width, 200, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        dialog.add_captured_image(image)
    qtbot.waitUntil(lambda: len(dialog.pages()) == 3, timeout=WAIT_MS)
    assert [page.size() for page in dialog.pages()] == [(300, 200), (400, 200), (500, 200)]

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [page.size() for page in dialog.pages()] == [(300, 200), (400, 200)]
    assert [dialog.strip.item(n).text() for n in range(dialog.strip.count())] == ["Trang 1", "Trang 2"]
    assert "2 trang" in dialog.status.text()

    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [page.size() for page in dialog.pages()] == [(300, 200), (400, 200)]


def test_a_page_undone_while_it_is_straightened_never_arrives(qtbot: QtBot, dialog: CameraDialog) -> None:
    dialog.add_captured_image(_photo())
    dialog.undo_last()
    assert dialog.strip.count() == 0 and dialog.pending() == 0
    dialog.add_captured_image(_photo(lines=5))
    qtbot.waitUntil(lambda: dialog.pending() == 0, timeout=WAIT_MS)
    qtbot.wait(100)  # the first photo's answer, if it were to come, comes by now
    assert len(dialog.pages()) == 1 and dialog.strip.count() == 1


def test_esc_asks_before_dropping_the_pages_taken(
    qtbot: QtBot, dialog: CameraDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.straighten_box.setChecked(False)
    dialog.add_captured_image(_photo())
    qtbot.waitUntil(lambda: len(dialog.pages()) == 1, timeout=WAIT_MS)
    asked: list[str] = []

    def answer(no_or_yes: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return no_or_yes

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Bỏ 1 trang đã chụp?"] and dialog.isVisible()  # "no": the page is kept
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
