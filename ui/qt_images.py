"""Converting images between Qt (QImage) and Pillow (``records.digitize`` works on PIL images).

Both functions copy the pixels, so the result owns its memory and may cross threads; neither makes a
QPixmap, so they are safe on the background pool (a QPixmap belongs to the UI thread).
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from PySide6.QtGui import QImage, QPainter

_GRAY_FORMATS = frozenset(
    {QImage.Format.Format_Grayscale8, QImage.Format.Format_Grayscale16, QImage.Format.Format_Alpha8}
)


def qimage_to_pil(image: QImage) -> Image.Image:
    """``image`` as a PIL image: mode ``L`` for a greyscale or 1-bit QImage, ``RGB`` otherwise (an alpha
    channel is composed on white, as a photographed or scanned page has no transparency)."""
    if image.isNull():
        raise ValueError("empty image")
    if image.format() in _GRAY_FORMATS or (
        image.format() in (QImage.Format.Format_Mono, QImage.Format.Format_MonoLSB) and image.isGrayscale()
    ):
        converted, mode, channels = image.convertToFormat(QImage.Format.Format_Grayscale8), "L", 1
    else:
        if image.hasAlphaChannel():
            flat = QImage(image.size(), QImage.Format.Format_RGB32)
            flat.fill(0xFFFFFFFF)
            painter = QPainter(flat)
            painter.drawImage(0, 0, image)
            painter.end()
            image = flat
        converted, mode, channels = image.convertToFormat(QImage.Format.Format_RGB888), "RGB", 3
    width, height, stride = converted.width(), converted.height(), converted.bytesPerLine()
    buffer = np.frombuffer(converted.constBits(), dtype=np.uint8, count=stride * height)
    rows = buffer.reshape(height, stride)[:, : width * channels]
    if channels == 3:
        rows = rows.reshape(height, width, 3)
    return Image.fromarray(np.ascontiguousarray(rows), mode)


def pil_to_qimage(image: Image.Image) -> QImage:
    """``image`` as a QImage (Format_Grayscale8 for ``L`` and ``1``, Format_RGB888 otherwise)."""
    if image.mode in ("L", "1"):
        pixels = np.asarray(image.convert("L"), dtype=np.uint8)
        fmt, channels = QImage.Format.Format_Grayscale8, 1
    else:
        pixels = np.asarray(image.convert("RGB"), dtype=np.uint8)
        fmt, channels = QImage.Format.Format_RGB888, 3
    height, width = pixels.shape[:2]
    stride = (width * channels + 3) // 4 * 4  # QImage wants every scanline 32-bit aligned
    padded = np.zeros((height, stride), dtype=np.uint8)
    padded[:, : width * channels] = pixels.reshape(height, width * channels)
    return QImage(padded.data, width, height, stride, fmt).copy()  # copy: the QImage owns its pixels
