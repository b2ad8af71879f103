"""Scanners on Linux through SANE (the ``sane`` module of python-sane, an optional dependency).

python-sane is imported lazily (``importlib``) on first use, so this module imports everywhere; when it is
missing (``pip install python-sane`` needs ``libsane-dev`` to build) :meth:`SaneBackend.check` says so.

The module's API, as used here: ``sane.init()``; ``sane.get_devices()`` → ``[(name, vendor, model,
type), …]``; ``sane.open(name)`` → a ``SaneDev`` whose options are attributes (``dev.source``, ``dev.mode``,
``dev.resolution``) and whose ``dev.opt[name].constraint`` lists the allowed values (or a ``(min, max,
step)`` range); ``dev.start()`` starts a page; ``dev.snap(no_cancel)`` reads it into a PIL image (RGB or L;
line-art comes back as L 0/255); ``dev.cancel()``; ``dev.close()``. Failures raise ``_sane.error`` whose
text is SANE's status string ("Document feeder out of documents", "Document feeder jammed", "Device busy",
"Scanner cover is open", "Operation was cancelled", …): :func:`translate_sane_error` maps them to
:class:`~records.capture.scanners.ScannerError` reasons.

The feeder loop is one ``start()``/``snap()`` per page until ``start()`` reports "out of documents" (the
normal end; on the first page it means the feeder is empty: ``no_paper``). A cancel during ``snap()`` calls
``sane_cancel`` from a helper thread (the SANE standard allows it at any time); the read then fails with
"Operation was cancelled" and the partial page is dropped.

Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import weakref
from types import ModuleType
from typing import Any

from PIL import Image

from records.capture.scanners import (
    BackendProblem,
    CancelFlag,
    CancelWatch,
    PageCancelled,
    PaperSource,
    ScanColour,
    ScannerDevice,
    ScannerError,
    ScannerReason,
    ScanSession,
    ScanSettings,
    SessionBackend,
    closest_resolution,
    resolutions_in_range,
)

SANE_BACKEND = "sane"
INSTALL_HINT = "install libsane-dev, then pip install python-sane"

# SANE status strings (sane_strstatus) by the words that identify them; first match wins.
_OUT_OF_DOCUMENTS = ("out of documents", "no paper", "no documents")
_CANCELLED = ("cancel",)  # "Operation was cancelled" (older libsane), "Operation was canceled"
_STATUS_REASONS: tuple[tuple[tuple[str, ...], ScannerReason], ...] = (
    (("jammed", "jam", "multi", "double feed"), ScannerReason.PAPER_JAM),
    (("cover is open", "cover open"), ScannerReason.COVER_OPEN),
    (("busy", "warming up", "lamp not ready"), ScannerReason.DEVICE_BUSY),
    (("not supported",), ScannerReason.UNSUPPORTED),
    (("no such scan device", "no scanner"), ScannerReason.NO_DEVICE),
)

# Words in the values of the "source" option, which every driver spells its own way ("Flatbed",
# "FlatBed", "Document Table", "ADF", "ADF Front", "Automatic Document Feeder", "ADF Duplex", "Duplex", …).
_FEEDER_WORDS = ("adf", "feeder", "automatic document")
_FLATBED_WORDS = ("flatbed", "flat bed", "platen", "glass", "document table", "normal")
# Values of the "mode" option per colour mode, best first; a missing one falls back to the next.
_MODE_WORDS: dict[ScanColour, tuple[tuple[str, ...], ...]] = {
    ScanColour.COLOUR: (("color", "colour"),),
    ScanColour.GRAY: (("gray", "grey"), ("color", "colour")),
    ScanColour.BW: (
        ("lineart", "line art", "binary", "black", "mono"),
        ("gray", "grey"),
        ("color", "colour"),
    ),
}
_CAMERA_KINDS = ("camera", "webcam")  # webcams reach SANE through its v4l backend: not document scanners

_init_lock = threading.Lock()
_initialised: weakref.WeakSet[ModuleType] = weakref.WeakSet()  # sane.init() once per loaded module


class SaneBackend(SessionBackend):
    """SANE's scanners (python-sane). ``platform`` is ``sys.platform`` (a parameter for tests)."""

    name = SANE_BACKEND

    def __init__(self, platform: str = "linux") -> None:
        self.platform = platform

    def check(self) -> BackendProblem | None:
        """``unsupported`` on Windows, ``backend_missing`` without python-sane, else ``None``."""
        if self.platform == "win32":
            return BackendProblem(self.name, ScannerReason.UNSUPPORTED, "SANE is not available on Windows")
        try:
            _load_sane()
        except ImportError as exc:
            return BackendProblem(
                self.name,
                ScannerReason.BACKEND_MISSING,
                f"python-sane is not installed ({INSTALL_HINT}): {exc}",
            )
        return None

    def devices(self) -> list[ScannerDevice]:
        """The SANE devices that are scanners (cameras are left out), each opened briefly to read its
        sources and resolutions; one that cannot be opened now (busy) is listed with neither."""
        sane = self._module()
        errors = native_errors(sane)
        try:
            found = list(sane.get_devices())
        except errors as exc:
            raise translate_sane_error(exc) from exc
        devices = []
        for name, vendor, model, kind in found:
            if any(word in str(kind).lower() for word in _CAMERA_KINDS):
                continue
            sources: tuple[PaperSource, ...] = ()
            resolutions: tuple[int, ...] = ()
            try:
                dev = sane.open(name)
            except errors:
                pass
            else:
                try:
                    sources = tuple(
                        source for source in PaperSource if _source_value(dev, source) is not None
                    )
                    if _option(dev, "source") is None:
                        sources = (PaperSource.FLATBED,)
                    resolutions = _resolutions(dev)
                except errors:
                    pass
                finally:
                    _close_quietly(dev, errors)
            label = " ".join(part for part in (str(vendor).strip(), str(model).strip()) if part) or str(name)
            devices.append(ScannerDevice(str(name), label, self.name, sources, resolutions))
        return devices

    def open(self, device_id: str, settings: ScanSettings) -> ScanSession:
        """Open the SANE device and set its source, mode and resolution."""
        sane = self._module()
        errors = native_errors(sane)
        try:
            dev = sane.open(device_id)
        except errors as exc:
            raise translate_sane_error(exc, device_id, opening=True) from exc
        try:
            dpi = _apply(dev, device_id, settings, errors)
        except BaseException:
            _close_quietly(dev, errors)
            raise
        return _SaneSession(dev, dpi, settings.source.is_feeder, errors)

    def _module(self) -> ModuleType:
        problem = self.check()
        if problem is not None:
            raise problem.as_error()
        sane = _load_sane()
        with _init_lock:
            if sane not in _initialised:
                try:
                    sane.init()
                except native_errors(sane) as exc:
                    raise translate_sane_error(exc) from exc
                _initialised.add(sane)
        return sane


class _SaneSession:
    def __init__(self, dev: Any, dpi: float, feeder: bool, errors: tuple[type[BaseException], ...]) -> None:
        self._dev = dev
        self.dpi = dpi
        self._feeder = feeder
        self._errors = errors

    def acquire(self, cancel: CancelFlag | None) -> Image.Image | None:
        try:
            self._dev.start()
        except self._errors as exc:
            if _says(exc, _OUT_OF_DOCUMENTS):
                return None
            if _says(exc, _CANCELLED):
                raise PageCancelled from exc
            raise translate_sane_error(exc) from exc
        with CancelWatch(cancel, self._dev.cancel) as watch:
            try:
                # no_cancel between the pages of a feeder batch: sane_cancel would end the batch.
                image: Image.Image = self._dev.snap(self._feeder)
            except self._errors as exc:
                if watch.fired or _says(exc, _CANCELLED):
                    raise PageCancelled from exc
                if _says(exc, _OUT_OF_DOCUMENTS):
                    return None
                raise translate_sane_error(exc) from exc
        return image

    def close(self) -> None:
        _close_quietly(self._dev, self._errors)


def translate_sane_error(
    exc: BaseException, device: str | None = None, *, opening: bool = False
) -> ScannerError:
    """A python-sane error as a :class:`ScannerError` (its SANE status string kept as ``detail``).
    "Invalid argument" or "Access to resource has been denied" when opening means the device is gone or not
    ours to use: ``no_device``."""
    text = str(exc)
    reason = ScannerReason.IO_ERROR
    for words, candidate in _STATUS_REASONS:
        if _says(exc, words):
            reason = candidate
            break
    else:
        if _says(exc, _OUT_OF_DOCUMENTS):
            reason = ScannerReason.NO_PAPER
        elif opening and _says(exc, ("invalid argument", "access to resource", "denied")):
            reason = ScannerReason.NO_DEVICE
    params: dict[str, Any] = {"reason": reason, "detail": text, "backend": SANE_BACKEND}
    if device is not None:
        params["device"] = device
    return ScannerError(f"scanner error: {text}", **params)


def native_errors(sane: ModuleType) -> tuple[type[BaseException], ...]:
    """The exceptions python-sane raises: ``_sane.error`` (``sane.error`` in old versions) and the
    ``RuntimeError`` of ``SaneDev`` ("No such scan device", "Scanner returned no data")."""
    found: list[type[BaseException]] = [RuntimeError]
    for holder in (sane, getattr(sane, "_sane", None)):
        error = getattr(holder, "error", None)
        if isinstance(error, type) and issubclass(error, BaseException) and error not in found:
            found.append(error)
    return tuple(found)


def _load_sane() -> ModuleType:
    try:
        return importlib.import_module("sane")
    except OSError as exc:  # the extension is there but libsane.so is not
        raise ImportError(str(exc)) from exc


def _says(exc: BaseException, words: tuple[str, ...]) -> bool:
    text = str(exc).lower()
    return any(word in text for word in words)


def _close_quietly(dev: Any, errors: tuple[type[BaseException], ...]) -> None:
    """End any batch in progress (the feeder stops) and release the device."""
    try:
        with contextlib.suppress(*errors):
            dev.cancel()
    finally:
        with contextlib.suppress(*errors):
            dev.close()


def _option(dev: Any, name: str) -> Any | None:
    options = getattr(dev, "opt", None)
    option = options.get(name) if isinstance(options, dict) else None
    if option is None:
        return None
    is_active = getattr(option, "is_active", None)
    if callable(is_active) and not is_active():
        return None
    return option


def _choices(dev: Any, name: str) -> list[Any]:
    option = _option(dev, name)
    constraint = getattr(option, "constraint", None) if option is not None else None
    return list(constraint) if isinstance(constraint, list) else []


def _source_value(dev: Any, source: PaperSource) -> str | None:
    """The driver's value of the "source" option for ``source``, or None when it has none."""
    for value in _choices(dev, "source"):
        text = str(value).lower()
        if source is PaperSource.FLATBED:
            if any(word in text for word in _FLATBED_WORDS):
                return str(value)
        elif "duplex" in text:
            if source is PaperSource.FEEDER_DUPLEX:
                return str(value)
        elif (
            source is PaperSource.FEEDER
            and any(word in text for word in _FEEDER_WORDS)
            and "back" not in text
        ):
            return str(value)
    return None


def _mode_value(dev: Any, colour: ScanColour) -> str | None:
    values = [str(value) for value in _choices(dev, "mode")]
    for words in _MODE_WORDS[colour]:
        for value in values:
            if any(word in value.lower() for word in words) and "halftone" not in value.lower():
                return value
    return None


def _resolutions(dev: Any) -> tuple[int, ...]:
    option = _option(dev, "resolution")
    constraint = getattr(option, "constraint", None) if option is not None else None
    if isinstance(constraint, list):
        return tuple(sorted({round(float(value)) for value in constraint}))
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, step = (float(value) for value in constraint)
        return resolutions_in_range(low, high, step)
    return ()


def _apply(
    dev: Any, device_id: str, settings: ScanSettings, errors: tuple[type[BaseException], ...]
) -> float:
    """Set source, mode and resolution (in that order: a driver may change the others' ranges when the
    source changes); return the resolution the device took."""
    has_source = _option(dev, "source") is not None
    value = _source_value(dev, settings.source) if has_source else None
    if value is None and (has_source or settings.source is not PaperSource.FLATBED):
        raise ScannerError(
            f"the scanner has no {settings.source.value} source",
            reason=ScannerReason.UNSUPPORTED,
            device=device_id,
            source=settings.source.value,
            backend=SANE_BACKEND,
        )
    try:
        if value is not None:
            dev.source = value
        mode = _mode_value(dev, settings.colour)
        if mode is not None:
            dev.mode = mode
        dpi = closest_resolution(settings.dpi, _resolutions(dev))
        if _option(dev, "resolution") is not None:
            dev.resolution = dpi
            return float(getattr(dev, "resolution", dpi))
    except AttributeError as exc:  # python-sane: an inactive or read-only option
        raise ScannerError(
            f"the scanner refused a setting: {exc}",
            reason=ScannerReason.UNSUPPORTED,
            device=device_id,
            detail=str(exc),
            backend=SANE_BACKEND,
        ) from exc
    except errors as exc:
        raise translate_sane_error(exc, device_id) from exc
    return float(dpi)
