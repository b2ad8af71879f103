"""Cropping one page: the page (turned as it is, without its crop) with a frame the clerk draws with the
mouse or sets side by side with the keyboard; "Toàn trang" removes the crop.

The frame is in the turned page's pixels, which is what :meth:`records.digitize.pages.Page.cropped` takes.
The page is scaled down for the screen on the background pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from records.digitize.pages import Page
from ui.qt_images import pil_to_qimage

Background = Callable[..., Any]
Box = tuple[int, int, int, int]
PREVIEW_PX = 1400  # the longest side of the page as shown for cropping
HANDLE_PX = 8  # how near an edge the mouse grabs it


class CropCanvas(QWidget):
    """The page scaled to fit, the outside of the frame dimmed; drag to draw a frame, drag an edge or a
    corner to move it, drag inside to move the whole frame."""

    box_changed = Signal(object)  # the frame (left, top, right, bottom) in page pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pixmap: QPixmap | None = None
        self._page_size = QSize(1, 1)  # the page's size in pixels (the preview is smaller)
        self._box: Box = (0, 0, 1, 1)
        self._grab: str = ""  # which edges are being dragged: "l", "t", "r", "b" combined, or "move", "new"
        self._press = QPointF()
        self._press_box: Box = self._box

    def set_page(self, preview: QPixmap, page_size: QSize, box: Box) -> None:
        """Show ``preview`` (the page scaled down) of a page of ``page_size`` pixels, framed by ``box``."""
        self._pixmap = preview
        self._page_size = page_size
        self._box = box
        self.update()

    def set_box(self, box: Box) -> None:
        self._box = box
        self.update()

    # geometry: page pixels <-> widget pixels
    def _target(self) -> QRectF:
        if self._pixmap is None:
            return QRectF()
        size = _fit(self._page_size, self.size())
        left = (self.width() - size[0]) / 2
        top = (self.height() - size[1]) / 2
        return QRectF(left, top, size[0], size[1])

    def _scale(self) -> float:
        target = self._target()
        return target.width() / self._page_size.width() if self._page_size.width() else 1.0

    def _to_widget(self, box: Box) -> QRectF:
        target, scale = self._target(), self._scale()
        return QRectF(
            target.left() + box[0] * scale,
            target.top() + box[1] * scale,
            (box[2] - box[0]) * scale,
            (box[3] - box[1]) * scale,
        )

    def _to_page(self, point: QPointF) -> tuple[float, float]:
        target, scale = self._target(), self._scale() or 1.0
        return (point.x() - target.left()) / scale, (point.y() - target.top()) / scale

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#9e9e9e"))
        if self._pixmap is None:
            painter.end()
            return
        target = self._target()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        frame = self._to_widget(self._box)
        outside = QPainterPath()
        outside.setFillRule(Qt.FillRule.OddEvenFill)
        outside.addRect(target)
        outside.addRect(frame)
        painter.fillPath(outside, QColor(0, 0, 0, 120))  # the part cut away, dimmed
        painter.setPen(QPen(QColor("#1565c0"), 2))
        painter.drawRect(frame)
        painter.setBrush(QColor("#1565c0"))
        for x in (frame.left(), frame.right()):
            for y in (frame.top(), frame.bottom()):
                painter.drawRect(QRectF(x - 4, y - 4, 8, 8))
        painter.end()

    def _edges_at(self, point: QPointF) -> str:
        frame = self._to_widget(self._box)
        near = HANDLE_PX
        inside_x = frame.left() - near <= point.x() <= frame.right() + near
        inside_y = frame.top() - near <= point.y() <= frame.bottom() + near
        edges = ""
        if inside_y and abs(point.x() - frame.left()) <= near:
            edges += "l"
        if inside_y and abs(point.x() - frame.right()) <= near:
            edges += "r"
        if inside_x and abs(point.y() - frame.top()) <= near:
            edges += "t"
        if inside_x and abs(point.y() - frame.bottom()) <= near:
            edges += "b"
        if not edges and frame.contains(point):
            return "move"
        return edges

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._pixmap is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self._press = event.position()
        self._press_box = self._box
        self._grab = self._edges_at(event.position()) or "new"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._grab:
            edges = self._edges_at(event.position())
            cursor = {
                "l": Qt.CursorShape.SizeHorCursor,
                "r": Qt.CursorShape.SizeHorCursor,
                "t": Qt.CursorShape.SizeVerCursor,
                "b": Qt.CursorShape.SizeVerCursor,
                "lt": Qt.CursorShape.SizeFDiagCursor,
                "rb": Qt.CursorShape.SizeFDiagCursor,
                "rt": Qt.CursorShape.SizeBDiagCursor,
                "lb": Qt.CursorShape.SizeBDiagCursor,
                "move": Qt.CursorShape.SizeAllCursor,
            }.get(edges, Qt.CursorShape.CrossCursor)
            self.setCursor(cursor)
            return
        x, y = self._to_page(event.position())
        px, py = self._to_page(self._press)
        width, height = self._page_size.width(), self._page_size.height()
        left, top, right, bottom = self._press_box
        if self._grab == "new":
            left, right = sorted((px, x))
            top, bottom = sorted((py, y))
        elif self._grab == "move":
            dx = min(max(x - px, -left), width - right)
            dy = min(max(y - py, -top), height - bottom)
            left, right, top, bottom = left + dx, right + dx, top + dy, bottom + dy
        else:
            if "l" in self._grab:
                left = min(x, right - 1)
            if "r" in self._grab:
                right = max(x, left + 1)
            if "t" in self._grab:
                top = min(y, bottom - 1)
            if "b" in self._grab:
                bottom = max(y, top + 1)
        box = _clamp((left, top, right, bottom), width, height)
        if box[2] - box[0] >= 1 and box[3] - box[1] >= 1:
            self._box = box
            self.update()
            self.box_changed.emit(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._grab = ""


def _fit(size: QSize, bounds: QSize) -> tuple[float, float]:
    """``size`` scaled to fit ``bounds`` (keeping its proportions)."""
    if size.width() <= 0 or size.height() <= 0:
        return 0.0, 0.0
    scale = min(bounds.width() / size.width(), bounds.height() / size.height())
    return size.width() * scale, size.height() * scale


def _clamp(box: tuple[float, float, float, float], width: int, height: int) -> Box:
    left, top, right, bottom = (round(v) for v in box)
    left, right = max(0, min(left, width)), max(0, min(right, width))
    top, bottom = max(0, min(top, height)), max(0, min(bottom, height))
    return left, top, right, bottom


class CropDialog(QDialog):
    """Crop ``page``: :meth:`box` is the frame chosen (``None``: the whole page) once accepted."""

    loaded = Signal()  # the page is on screen

    def __init__(self, page: Page, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cắt trang"))
        self._page = page
        whole = page.cropped(None)
        self._width, self._height = whole.size()
        self.canvas = CropCanvas()
        self.canvas.box_changed.connect(self._canvas_moved)
        self.loading = QLabel(self.tr("Đang tải trang…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.sides: dict[str, QSpinBox] = {}
        form = QFormLayout()
        labels = {
            "left": self.tr("Trái"),
            "top": self.tr("Trên"),
            "right": self.tr("Phải"),
            "bottom": self.tr("Dưới"),
        }
        for name, label in labels.items():
            box = QSpinBox()
            box.setRange(0, self._width if name in ("left", "right") else self._height)
            box.setSuffix(self.tr(" điểm ảnh"))
            box.setKeyboardTracking(False)
            box.setAccelerated(True)
            box.setSingleStep(max(1, min(self._width, self._height) // 200))
            box.valueChanged.connect(self._typed)
            form.addRow(label, box)
            self.sides[name] = box
        hint = QLabel(
            self.tr(
                "Kéo chuột trên trang để vẽ khung cắt, kéo cạnh hoặc góc để chỉnh, "
                "kéo bên trong để dời khung. Hoặc gõ vị trí từng cạnh (tính từ góc trên bên trái)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555")
        self.whole_button = QPushButton(self.tr("Toàn trang (Ctrl+Backspace)"))
        self.whole_button.setToolTip(self.tr("Bỏ cắt: giữ cả trang (Ctrl+Backspace)"))
        self.whole_button.setShortcut(QKeySequence("Ctrl+Backspace"))
        self.whole_button.setAutoDefault(False)
        self.whole_button.clicked.connect(lambda: self.set_box(None))
        self.size_label = QLabel()

        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.size_label)
        side.addWidget(self.whole_button)
        side.addWidget(hint)
        side.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Cắt (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        canvas_column = QVBoxLayout()
        canvas_column.addWidget(self.loading)
        canvas_column.addWidget(self.canvas, 1)
        body.addLayout(canvas_column, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.canvas.hide()
        self._box: Box = page.crop or (0, 0, self._width, self._height)
        self._show_box()
        self.resize(900, 760)

        def render() -> QImage:
            return pil_to_qimage(whole.thumbnail(PREVIEW_PX))

        background(render, self._rendered, self._render_failed)

    def _rendered(self, image: QImage) -> None:
        import shiboken6

        if not shiboken6.isValid(self):
            return
        self.canvas.set_page(QPixmap.fromImage(image), QSize(self._width, self._height), self._box)
        self.loading.hide()
        self.canvas.show()
        self.loaded.emit()

    def _render_failed(self, exc: BaseException) -> None:
        import shiboken6

        if shiboken6.isValid(self):
            self.loading.setText(self.tr("Không hiển thị được trang; vẫn có thể gõ vị trí các cạnh."))

    # -- the frame ------------------------------------------------------------------------------------

    def box(self) -> Box | None:
        """The frame chosen, in the turned page's pixels; ``None`` when it is the whole page."""
        if self._box == (0, 0, self._width, self._height):
            return None
        return self._box

    def set_box(self, box: Box | None) -> None:
        """Frame the page with ``box`` (clamped; ``None``: the whole page)."""
        if box is None:
            box = (0, 0, self._width, self._height)
        clamped = _clamp(box, self._width, self._height)
        if clamped[2] - clamped[0] < 1 or clamped[3] - clamped[1] < 1:
            return
        self._box = clamped
        self._show_box()

    def _show_box(self) -> None:
        for name, value in zip(("left", "top", "right", "bottom"), self._box, strict=True):
            spin = self.sides[name]
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.canvas.set_box(self._box)
        width, height = self._box[2] - self._box[0], self._box[3] - self._box[1]
        self.size_label.setText(self.tr("Còn lại: {0} × {1} điểm ảnh").format(width, height))

    def _canvas_moved(self, box: Box) -> None:
        self._box = box
        self._show_box()

    def _typed(self, _value: int) -> None:
        left, top, right, bottom = (self.sides[n].value() for n in ("left", "top", "right", "bottom"))
        if right - left < 1 or bottom - top < 1:
            self._show_box()  # a frame with nothing inside: put the spin boxes back
            return
        self._box = (left, top, right, bottom)
        self._show_box()
