"""The document camera (or a webcam): a live picture, "Chụp" page after page, each photo's sheet found and
straightened (:func:`records.digitize.page_crop.auto_crop`) on the background pool, the pages so far in a
strip with "undo the last one", and "Xong" hands the pages over.

The path from a photo to a page does not need the camera: :meth:`CameraDialog.add_captured_image` is what
the camera's ``imageCaptured`` calls, and what the tests call with a made-up photo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QImageCapture,
    QMediaCaptureSession,
    QMediaDevices,
)
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from records.digitize import page_crop
from records.digitize.pages import Page
from ui.errors import ERROR_STYLE
from ui.qt_images import pil_to_qimage, qimage_to_pil

Background = Callable[..., Any]  # UiSession.background: (fn, on_success, on_error) -> Task
THUMBNAIL_PX = 120


def photo_to_page(photo: QImage, straighten: bool, thumbnail_px: int = THUMBNAIL_PX) -> tuple[Page, QImage]:
    """A camera's photo as a page (the sheet found and straightened when ``straighten``), and its
    thumbnail. For the background pool."""
    image = qimage_to_pil(photo)
    if straighten:
        image = page_crop.auto_crop(image)
    page = Page(image, dpi=None, source="camera")
    return page, pil_to_qimage(page.thumbnail(thumbnail_px))


def best_format(formats: list[QCameraFormat]) -> QCameraFormat | None:
    """The camera's format with the most pixels (a page's small print needs them), then the smoothest."""
    if not formats:
        return None
    return max(
        formats,
        key=lambda f: (f.resolution().width() * f.resolution().height(), f.maxFrameRate()),
    )


@dataclass(eq=False)
class _Shot:
    item: QListWidgetItem
    page: Page | None = None  # None while it is being straightened


class CameraDialog(QDialog):
    """Photograph pages with a document camera; :meth:`pages` once accepted ("Xong").

    ``background`` straightens the photos off the UI thread (``UiSession.background``);
    ``preferred_camera`` is the id of the camera used last time (empty: the system's default).
    """

    page_added = Signal(object)  # a Page, straightened and in the strip
    camera_chosen = Signal(str)  # the id of the camera chosen (to remember for next time)

    def __init__(
        self, background: Background, preferred_camera: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chụp giấy tờ bằng máy ảnh tài liệu"))
        self._background = background
        self._preferred = preferred_camera
        self._shots: list[_Shot] = []
        self.camera: QCamera | None = None

        self.camera_box = QComboBox()
        self.camera_box.setToolTip(self.tr("Máy ảnh dùng để chụp"))
        camera_label = QLabel(self.tr("&Máy ảnh:"))
        camera_label.setBuddy(self.camera_box)
        self.straighten_box = QCheckBox(self.tr("Tự tìm và &nắn thẳng trang"))
        self.straighten_box.setChecked(True)
        self.straighten_box.setToolTip(
            self.tr("Cắt phần bàn xung quanh và nắn trang bị chụp nghiêng thành hình chữ nhật")
        )
        top = QHBoxLayout()
        top.addWidget(camera_label)
        top.addWidget(self.camera_box, 1)
        top.addWidget(self.straighten_box)

        self.video = QVideoWidget()
        self.video.setMinimumSize(480, 360)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 13pt; padding: 24px")
        self.preview = QStackedWidget()
        self.preview.addWidget(self.video)
        self.preview.addWidget(self.message)

        self.strip = QListWidget()
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.strip.setSpacing(6)
        self.strip.setFixedHeight(THUMBNAIL_PX + 60)
        self.strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.strip.setToolTip(self.tr("Các trang đã chụp, theo thứ tự"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.capture_button = QPushButton(self.tr("Chụp (Space)"))
        self.capture_button.setToolTip(self.tr("Chụp trang đang đặt dưới máy ảnh (Space hoặc Enter)"))
        self.capture_button.setAutoDefault(False)
        self.undo_button = QPushButton(self.tr("Bỏ trang vừa chụp (Ctrl+Z)"))
        self.undo_button.setToolTip(self.tr("Bỏ trang chụp sau cùng (Ctrl+Z)"))
        self.undo_button.setAutoDefault(False)
        self.done_button = QPushButton(self.tr("Xong (Ctrl+Enter)"))
        self.done_button.setToolTip(self.tr("Thêm các trang đã chụp vào hồ sơ (Ctrl+Enter)"))
        self.done_button.setAutoDefault(False)
        cancel = QPushButton(self.tr("Hủy (Esc)"))
        cancel.setAutoDefault(False)
        self.capture_button.clicked.connect(self.capture)
        self.undo_button.clicked.connect(self.undo_last)
        self.done_button.clicked.connect(self.finish)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.strip)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        for keys in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, self.capture)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_last)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.finish)

        self.session = QMediaCaptureSession(self)
        self.image_capture = QImageCapture(self)
        self.session.setImageCapture(self.image_capture)
        self.session.setVideoOutput(self.video)
        self.image_capture.imageCaptured.connect(lambda _id, image: self.add_captured_image(image))
        self.image_capture.errorOccurred.connect(self._capture_failed)
        self.image_capture.readyForCaptureChanged.connect(lambda _ready: self._update())
        self.media_devices = QMediaDevices(self)
        self.media_devices.videoInputsChanged.connect(self._cameras_changed)
        self.camera_box.currentIndexChanged.connect(self._camera_picked)

        self.resize(900, 760)
        self._cameras_changed()

    # -- cameras --------------------------------------------------------------------------------------

    def cameras(self) -> list[QCameraDevice]:
        """The cameras offered."""
        return [self.camera_box.itemData(i) for i in range(self.camera_box.count())]

    def _cameras_changed(self) -> None:
        devices = list(QMediaDevices.videoInputs())
        current = self.camera.cameraDevice().id().data() if self.camera is not None else None
        wanted = current or self._preferred.encode()
        self.camera_box.blockSignals(True)
        self.camera_box.clear()
        for device in devices:
            self.camera_box.addItem(device.description(), device)
        chosen = next((i for i, d in enumerate(devices) if d.id().data() == wanted), None)
        if chosen is None:
            default = QMediaDevices.defaultVideoInput()
            chosen = next((i for i, d in enumerate(devices) if d.id() == default.id()), 0)
        self.camera_box.setCurrentIndex(chosen if devices else -1)
        self.camera_box.setEnabled(len(devices) > 1)
        self.camera_box.blockSignals(False)
        if not devices:
            self._stop_camera()
            self._show_message(
                self.tr(
                    "Không tìm thấy máy ảnh tài liệu hay webcam nào.\n"
                    "Hãy cắm máy ảnh vào máy tính rồi chờ vài giây; hoặc dùng máy quét, "
                    "hay nhập tệp ảnh/PDF có sẵn."
                )
            )
        elif self.camera is None or devices[chosen].id() != self.camera.cameraDevice().id():
            self._start_camera(devices[chosen])
        self._update()

    def _camera_picked(self, index: int) -> None:
        device = self.camera_box.itemData(index)
        if isinstance(device, QCameraDevice):
            self._start_camera(device)
            self.camera_chosen.emit(bytes(device.id().data()).decode(errors="replace"))

    def _start_camera(self, device: QCameraDevice) -> None:
        self._stop_camera()
        camera = QCamera(device, self)
        chosen = best_format(list(device.videoFormats()))
        if chosen is not None:
            camera.setCameraFormat(chosen)
        camera.errorOccurred.connect(lambda _error, text: self._camera_failed(text))
        camera.activeChanged.connect(lambda _active: self._update())
        self.camera = camera
        self.session.setCamera(camera)
        self.preview.setCurrentWidget(self.video)
        camera.start()

    def _stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.session.setCamera(None)  # type: ignore[arg-type]
            self.camera.deleteLater()
            self.camera = None

    def _camera_failed(self, text: str) -> None:
        name = self.camera_box.currentText()
        self._show_message(
            self.tr(
                "Không mở được máy ảnh «{0}» ({1}).\n"
                "Có thể một chương trình khác đang dùng nó: hãy đóng chương trình đó, hoặc chọn máy ảnh khác."
            ).format(name, text)
        )
        self._update()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.preview.setCurrentWidget(self.message)

    @property
    def has_camera(self) -> bool:
        """Whether a camera is on and can take a photo."""
        return (
            self.camera is not None and self.camera.isActive() and self.preview.currentWidget() is self.video
        )

    # -- shots ----------------------------------------------------------------------------------------

    def capture(self) -> None:
        """Take a photo (nothing when no camera is ready)."""
        if self.has_camera and self.image_capture.isReadyForCapture():
            self.image_capture.capture()
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Đang chụp…"))

    def add_captured_image(self, image: QImage) -> None:
        """A photo taken: straighten it in the background and add it to the strip as the next page."""
        if image.isNull():
            return
        shot = _Shot(QListWidgetItem(self.tr("Đang xử lý…")))
        shot.item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._shots.append(shot)
        self.strip.addItem(shot.item)
        self.strip.scrollToItem(shot.item)
        straighten = self.straighten_box.isChecked()
        photo = image.copy()  # the camera's frame buffer may be reused

        self._background(
            lambda: photo_to_page(photo, straighten),
            lambda done: self._processed(shot, *done),
            lambda exc: self._failed(shot, exc),
        )
        self._update()

    def _processed(self, shot: _Shot, page: Page, thumbnail: QImage) -> None:
        if not shiboken6.isValid(self) or shot not in self._shots:
            return  # undone meanwhile, or the dialog is gone
        shot.page = page
        shot.item.setIcon(QIcon(QPixmap.fromImage(thumbnail)))
        self._renumber()
        self.page_added.emit(page)
        self._update()

    def _failed(self, shot: _Shot, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or shot not in self._shots:
            return
        self._remove(shot)
        self._update()
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(self.tr("Không xử lý được ảnh vừa chụp; hãy chụp lại. ({0})").format(exc))

    def _capture_failed(self, _id: int, _error: QImageCapture.Error, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(self.tr("Không chụp được: {0}").format(text))

    def undo_last(self) -> None:
        """Drop the last page taken (also one still being straightened)."""
        if self._shots:
            self._remove(self._shots[-1])
            self._update()

    def _remove(self, shot: _Shot) -> None:
        self._shots.remove(shot)
        self.strip.takeItem(self.strip.row(shot.item))
        self._renumber()

    def _renumber(self) -> None:
        for number, shot in enumerate(self._shots, start=1):
            if shot.page is not None:
                shot.item.setText(self.tr("Trang {0}").format(number))

    def pending(self) -> int:
        """How many photos are still being straightened."""
        return sum(1 for shot in self._shots if shot.page is None)

    def pages(self) -> list[Page]:
        """The pages taken, in order (those still being straightened are not yet among them)."""
        return [shot.page for shot in self._shots if shot.page is not None]

    def _update(self) -> None:
        if not shiboken6.isValid(self):
            return
        ready = self.has_camera and self.image_capture.isReadyForCapture()
        self.capture_button.setEnabled(ready)
        self.undo_button.setEnabled(bool(self._shots))
        pending = self.pending()
        self.done_button.setEnabled(bool(self._shots) and not pending)
        if pending:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Đang xử lý %n ảnh vừa chụp…", "", pending))
        elif self._shots:
            self.status.setStyleSheet("")
            taken = self.tr("Đã chụp %n trang.", "", len(self._shots))
            more = self.tr("Đặt trang tiếp theo rồi bấm Space; xong thì bấm Ctrl+Enter.")
            self.status.setText(f"{taken} {more}" if ready else taken)
        elif ready:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Đặt trang dưới máy ảnh rồi bấm Space để chụp."))
        elif self.camera is None:
            self.status.clear()

    # -- closing --------------------------------------------------------------------------------------

    def finish(self) -> None:
        """ "Xong": hand the pages over (once every photo is straightened)."""
        if self.done_button.isEnabled():
            self.accept()

    def reject(self) -> None:
        if self._shots and self.isVisible():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("Bỏ %n trang đã chụp?", "", len(self._shots)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        self._stop_camera()
        super().done(result)
