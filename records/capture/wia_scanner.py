"""Scanners on Windows through WIA 2.0 (Windows Image Acquisition), driven over COM.

WIA's automation layer (``WIA.DeviceManager``, in every Windows since Vista) is reached through pywin32's
``win32com.client`` or, failing that, ``comtypes``; both are optional and imported lazily, so this module
imports everywhere. WIA works from 64-bit Python, where most TWAIN drivers are 32-bit only: TWAIN is not
supported.

All COM calls go through a small seam, :class:`WiaCom` (prepare the thread for COM, create the device
manager, say which exceptions are COM errors), so the logic here is tested with a fake COM layer:

- devices: ``manager.DeviceInfos`` (1-based ``Count``/``Item(i)``), scanners only (``Type`` 1), named by
  their ``Name`` property (id 7); ``info.Connect()`` gives the device, ``device.Items.Item(1)`` its scan
  item;
- the device's WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES (3086) says flatbed / feeder / duplex,
  WIA_DPS_DOCUMENT_HANDLING_SELECT (3088: FEEDER 1, FLATBED 2, DUPLEX 4) picks one,
  WIA_DPS_DOCUMENT_HANDLING_STATUS (3087: FEED_READY 1) tells whether paper is in the feeder (believed
  only when the capabilities include DETECT_FEED 0x20),
  WIA_DPS_PAGES (3096) = 1 asks for one page per transfer;
- the item's WIA_IPS_CUR_INTENT (6146: colour 1, gray 2, text 4, set first: it resets the others),
  WIA_IPA_DATATYPE (4103), WIA_IPS_XRES/YRES (6147/6148);
- ``item.Transfer(BMP)`` returns an ImageFile whose ``FileData.BinaryData`` holds the page; in feeder mode
  it is called until it fails with WIA_ERROR_PAPER_EMPTY (the normal end; on the first page: no paper).

COM errors are translated by their HRESULT (:func:`translate_wia_error`); through ``IDispatch`` the WIA code
arrives inside DISP_E_EXCEPTION (pywin32's ``excepinfo[5]``, comtypes' ``details[4]``). A transfer cannot be
interrupted: cancel is checked between pages.

Pure Python: nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import threading
import warnings
from collections.abc import Iterator
from typing import Any, Protocol

from PIL import Image

from records.capture.scanners import (
    BackendProblem,
    CancelFlag,
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

WIA_BACKEND = "wia"
INSTALL_HINT = "pip install pywin32"

SCANNER_DEVICE_TYPE = 1
WIA_DIP_DEV_NAME = 7
WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES = 3086
WIA_DPS_DOCUMENT_HANDLING_STATUS = 3087
WIA_DPS_DOCUMENT_HANDLING_SELECT = 3088
WIA_DPS_PAGES = 3096
WIA_IPA_DATATYPE = 4103
WIA_IPS_CUR_INTENT = 6146
WIA_IPS_XRES = 6147
WIA_IPS_YRES = 6148
FEEDER, FLATBED, DUPLEX = 0x1, 0x2, 0x4  # capabilities (FEED, FLAT, DUP) and selection share the bits
DETECT_FEED = 0x20  # capability: the feeder senses paper (only then is FEED_READY worth believing)
FEED_READY = 0x1
RANGE_SUBTYPE, LIST_SUBTYPE = 1, 2
WIA_FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"
_SELECT = {
    PaperSource.FLATBED: FLATBED,
    PaperSource.FEEDER: FEEDER,
    PaperSource.FEEDER_DUPLEX: FEEDER | DUPLEX,
}
_INTENT = {ScanColour.COLOUR: 1, ScanColour.GRAY: 2, ScanColour.BW: 4}
_DATATYPE = {ScanColour.COLOUR: 3, ScanColour.GRAY: 2, ScanColour.BW: 0}

DISP_E_EXCEPTION = 0x80020009
WIA_ERROR_PAPER_EMPTY = 0x80210003
# WIA HRESULTs (FACILITY_WIA = 0x21). From COVER_OPEN on, wia.h (MAKE_HRESULT(…, 16…21)) and Microsoft's
# "Error Codes (WIA)" page disagree (0x80210010 vs 0x80210016, …): both spellings are mapped.
WIA_HRESULTS: dict[int, tuple[str, ScannerReason]] = {
    0x80210001: ("WIA_ERROR_GENERAL_ERROR", ScannerReason.IO_ERROR),
    0x80210002: ("WIA_ERROR_PAPER_JAM", ScannerReason.PAPER_JAM),
    WIA_ERROR_PAPER_EMPTY: ("WIA_ERROR_PAPER_EMPTY", ScannerReason.NO_PAPER),
    0x80210004: ("WIA_ERROR_PAPER_PROBLEM", ScannerReason.PAPER_JAM),
    0x80210005: ("WIA_ERROR_OFFLINE", ScannerReason.NO_DEVICE),
    0x80210006: ("WIA_ERROR_BUSY", ScannerReason.DEVICE_BUSY),
    0x80210007: ("WIA_ERROR_WARMING_UP", ScannerReason.DEVICE_BUSY),
    0x80210008: ("WIA_ERROR_USER_INTERVENTION", ScannerReason.IO_ERROR),
    0x80210009: ("WIA_ERROR_ITEM_DELETED", ScannerReason.NO_DEVICE),
    0x8021000A: ("WIA_ERROR_DEVICE_COMMUNICATION", ScannerReason.IO_ERROR),
    0x8021000B: ("WIA_ERROR_INVALID_COMMAND", ScannerReason.UNSUPPORTED),
    0x8021000C: ("WIA_ERROR_INCORRECT_HARDWARE_SETTING", ScannerReason.UNSUPPORTED),
    0x8021000D: ("WIA_ERROR_DEVICE_LOCKED", ScannerReason.DEVICE_BUSY),
    0x8021000E: ("WIA_ERROR_EXCEPTION_IN_DRIVER", ScannerReason.IO_ERROR),
    0x8021000F: ("WIA_ERROR_INVALID_DRIVER_RESPONSE", ScannerReason.IO_ERROR),
    0x80210010: ("WIA_ERROR_COVER_OPEN", ScannerReason.COVER_OPEN),
    0x80210016: ("WIA_ERROR_COVER_OPEN", ScannerReason.COVER_OPEN),
    0x80210011: ("WIA_ERROR_LAMP_OFF", ScannerReason.IO_ERROR),
    0x80210017: ("WIA_ERROR_LAMP_OFF", ScannerReason.IO_ERROR),
    0x80210014: ("WIA_ERROR_MULTI_FEED", ScannerReason.PAPER_JAM),
    0x80210020: ("WIA_ERROR_MULTI_FEED", ScannerReason.PAPER_JAM),
    0x80210015: ("WIA_S_NO_DEVICE_AVAILABLE", ScannerReason.NO_DEVICE),
    0x80070057: ("E_INVALIDARG", ScannerReason.UNSUPPORTED),  # a property value the driver refuses
    0x80004001: ("E_NOTIMPL", ScannerReason.UNSUPPORTED),
}


class WiaCom(Protocol):
    """The COM layer the WIA backend needs (pywin32 or comtypes; a fake in tests)."""

    name: str
    errors: tuple[type[BaseException], ...]  # the exceptions that are COM errors

    def prepare_thread(self) -> None:
        """Initialise COM (single-threaded apartment) on the calling thread, once per thread."""
        ...

    def device_manager(self) -> Any:
        """A new ``WIA.DeviceManager`` automation object."""
        ...


class PyWin32Com:
    """COM through pywin32 (``pythoncom``, ``win32com.client``).

    COM is initialised once per thread and never uninitialised: a COM object released after
    ``CoUninitialize`` (one kept alive by a traceback, say) crashes the process, and the UI's worker
    threads are reused anyway.
    """

    name = "pywin32"

    def __init__(self) -> None:
        self._pythoncom = importlib.import_module("pythoncom")
        self._client = importlib.import_module("win32com.client")
        self.errors: tuple[type[BaseException], ...] = (self._pythoncom.com_error,)
        self._local = threading.local()

    def prepare_thread(self) -> None:
        """``CoInitialize`` on this thread, unless done before."""
        if not getattr(self._local, "ready", False):
            # RPC_E_CHANGED_MODE: the thread already has another apartment; use it as it is.
            with contextlib.suppress(*self.errors):
                self._pythoncom.CoInitialize()
            self._local.ready = True

    def device_manager(self) -> Any:
        """``win32com.client.Dispatch("WIA.DeviceManager")``."""
        return self._client.Dispatch("WIA.DeviceManager")


class ComtypesCom:
    """COM through comtypes (``comtypes.client.CreateObject(..., dynamic=True)``), initialised as
    :class:`PyWin32Com` is."""

    name = "comtypes"

    def __init__(self) -> None:
        self._comtypes = importlib.import_module("comtypes")
        self._client = importlib.import_module("comtypes.client")
        self.errors: tuple[type[BaseException], ...] = (self._comtypes.COMError, OSError)
        self._local = threading.local()

    def prepare_thread(self) -> None:
        """``CoInitialize`` on this thread, unless done before."""
        if not getattr(self._local, "ready", False):
            with contextlib.suppress(OSError):  # RPC_E_CHANGED_MODE, as for pywin32
                self._comtypes.CoInitialize()
            self._local.ready = True

    def device_manager(self) -> Any:
        """The ``WIA.DeviceManager`` object, late-bound."""
        return self._client.CreateObject("WIA.DeviceManager", dynamic=True)


def load_com() -> WiaCom:
    """pywin32's COM layer, else comtypes'; ``ImportError`` when neither is installed."""
    try:
        return PyWin32Com()
    except ImportError as pywin32_missing:
        try:
            return ComtypesCom()
        except ImportError:
            raise ImportError(f"neither pywin32 nor comtypes is installed: {pywin32_missing}") from None


class WiaBackend(SessionBackend):
    """WIA's scanners. ``platform`` is ``sys.platform``; ``com`` replaces the COM layer (tests)."""

    name = WIA_BACKEND

    def __init__(self, platform: str = "win32", com: WiaCom | None = None) -> None:
        self.platform = platform
        self._com = com

    def check(self) -> BackendProblem | None:
        """``unsupported`` outside Windows, ``backend_missing`` without pywin32 or comtypes, else ``None``."""
        if self._com is not None:
            return None
        if self.platform != "win32":
            return BackendProblem(self.name, ScannerReason.UNSUPPORTED, "WIA exists only on Windows")
        try:
            self._com = load_com()
        except ImportError as exc:
            return BackendProblem(self.name, ScannerReason.BACKEND_MISSING, f"{exc} ({INSTALL_HINT})")
        return None

    def devices(self) -> list[ScannerDevice]:
        """WIA's scanners, each connected briefly to read its sources and resolutions (one that cannot be
        connected now is listed with neither)."""
        com = self._layer()
        try:
            return list(self._devices(com))
        except com.errors as exc:
            raise translate_wia_error(exc) from exc

    def open(self, device_id: str, settings: ScanSettings) -> ScanSession:
        """Connect to the device and set source, colour mode and resolution."""
        com = self._layer()
        return _WiaSession(com, device_id, settings)

    def _layer(self) -> WiaCom:
        problem = self.check()
        if problem is not None:
            raise problem.as_error()
        assert self._com is not None
        self._com.prepare_thread()
        return self._com

    def _devices(self, com: WiaCom) -> Iterator[ScannerDevice]:
        for info in com_items(com.device_manager().DeviceInfos):
            if int(info.Type) != SCANNER_DEVICE_TYPE:
                continue
            device_id = str(info.DeviceID)
            name = property_value(info.Properties, WIA_DIP_DEV_NAME)
            sources: tuple[PaperSource, ...] = ()
            resolutions: tuple[int, ...] = ()
            try:
                device = info.Connect()
                sources = _sources(device)
                resolutions = _resolutions(find_property(device.Items.Item(1).Properties, WIA_IPS_XRES))
            except com.errors:
                pass
            device = None  # released before the next one is connected: some drivers allow one connection
            yield ScannerDevice(device_id, str(name or device_id), self.name, sources, resolutions)


class _WiaSession:
    def __init__(self, com: WiaCom, device_id: str, settings: ScanSettings) -> None:
        self._com = com
        self._device_id = device_id
        self._feeder = settings.source.is_feeder
        self._device: Any = None
        self._item: Any = None
        try:
            self.dpi = self._connect(settings)
        except com.errors as exc:
            self.close()
            raise translate_wia_error(exc, device_id) from exc
        except ScannerError:
            self.close()
            raise

    def _connect(self, settings: ScanSettings) -> float:
        info = next(
            (
                info
                for info in com_items(self._com.device_manager().DeviceInfos)
                if str(info.DeviceID) == self._device_id
            ),
            None,
        )
        if info is None:
            raise ScannerError(
                f"no scanner {self._device_id!r}", reason=ScannerReason.NO_DEVICE, device=self._device_id
            )
        self._device = info.Connect()
        if settings.source not in _sources(self._device):
            raise ScannerError(
                f"the scanner has no {settings.source.value} source",
                reason=ScannerReason.UNSUPPORTED,
                device=self._device_id,
                source=settings.source.value,
                backend=WIA_BACKEND,
            )
        properties = self._device.Properties
        select = find_property(properties, WIA_DPS_DOCUMENT_HANDLING_SELECT)
        if select is not None:
            select.Value = _SELECT[settings.source]
        if self._feeder:
            self._set_quietly(properties, WIA_DPS_PAGES, 1)
            capabilities = int(property_value(properties, WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES) or 0)
            status = find_property(properties, WIA_DPS_DOCUMENT_HANDLING_STATUS)
            senses_paper = bool(capabilities & DETECT_FEED)
            if senses_paper and status is not None and not int(status.Value) & FEED_READY:
                raise ScannerError(
                    "the document feeder is empty: put the papers in the feeder",
                    reason=ScannerReason.NO_PAPER,
                    device=self._device_id,
                    backend=WIA_BACKEND,
                )
        items = self._device.Items
        if int(items.Count) < 1:
            raise ScannerError(
                "the scanner offers nothing to scan",
                reason=ScannerReason.UNSUPPORTED,
                device=self._device_id,
                backend=WIA_BACKEND,
            )
        self._item = items.Item(1)
        item_properties = self._item.Properties
        # The intent first: setting it resets the data type, depth and resolution to its defaults.
        self._set_quietly(item_properties, WIA_IPS_CUR_INTENT, _INTENT[settings.colour])
        self._set_quietly(item_properties, WIA_IPA_DATATYPE, _DATATYPE[settings.colour])
        xres = find_property(item_properties, WIA_IPS_XRES)
        dpi = closest_resolution(settings.dpi, _resolutions(xres))
        if xres is None:
            return float(dpi)
        xres.Value = dpi
        yres = find_property(item_properties, WIA_IPS_YRES)
        if yres is not None:
            yres.Value = dpi
        return float(xres.Value)

    def acquire(self, cancel: CancelFlag | None) -> Image.Image | None:
        try:
            image_file = self._item.Transfer(WIA_FORMAT_BMP)
            data = bytes(image_file.FileData.BinaryData)
            dpi = float(getattr(image_file, "HorizontalResolution", 0) or 0)
        except self._com.errors as exc:
            if self._feeder and wia_hresult(exc) == WIA_ERROR_PAPER_EMPTY:
                return None
            raise translate_wia_error(exc, self._device_id) from exc
        image_file = None
        if dpi > 0:
            self.dpi = dpi
        with warnings.catch_warnings():
            # The pixels come from our own scanner: a 1200-dpi A4 is large, not a decompression bomb.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()
        return image

    def close(self) -> None:
        # Dropping the last references releases the device (WIA has no explicit close).
        self._item = None
        self._device = None

    def _set_quietly(self, properties: Any, property_id: int, value: int) -> None:
        """Set an optional property; a driver without it, or refusing the value, keeps its own."""
        prop = find_property(properties, property_id)
        if prop is not None:
            with contextlib.suppress(*self._com.errors):
                prop.Value = value


def wia_hresult(exc: BaseException) -> int | None:
    """The HRESULT (unsigned) a COM error reports: the WIA code inside a DISP_E_EXCEPTION when there is one,
    else the error's own. pywin32's ``com_error`` is ``(hresult, text, excepinfo, argerror)`` with the inner
    code last in the 6-member ``excepinfo``; comtypes' ``COMError`` is ``(hresult, text, details)`` with it
    last in the 5-member ``details``."""
    args = tuple(getattr(exc, "args", ()))
    outer = getattr(exc, "hresult", None)
    if outer is None and args:
        outer = args[0]
    info = getattr(exc, "excepinfo", None)
    if info is None:
        info = getattr(exc, "details", None)
    if info is None and len(args) >= 3:
        info = args[2]
    inner = info[-1] if isinstance(info, tuple) and len(info) in (5, 6) else None
    for code in (inner, outer):
        if isinstance(code, int) and not isinstance(code, bool) and code:
            return code & 0xFFFFFFFF
    return None


def translate_wia_error(exc: BaseException, device: str | None = None) -> ScannerError:
    """A COM error from WIA as a :class:`ScannerError`, by its HRESULT (kept as ``detail``, e.g.
    ``"WIA_ERROR_PAPER_JAM (0x80210002)"``)."""
    code = wia_hresult(exc)
    name, reason = WIA_HRESULTS.get(code or 0, ("HRESULT", ScannerReason.IO_ERROR))
    detail = f"{name} (0x{code:08X})" if code is not None else str(exc)
    params: dict[str, Any] = {"reason": reason, "detail": detail, "backend": WIA_BACKEND}
    if device is not None:
        params["device"] = device
    return ScannerError(f"scanner error: {detail}", **params)


def com_items(collection: Any) -> Iterator[Any]:
    """The members of a 1-based COM collection (``Count`` and ``Item(i)``), which pywin32 and comtypes
    both expose the same way."""
    for position in range(1, int(collection.Count) + 1):
        yield collection.Item(position)


def find_property(properties: Any, property_id: int) -> Any | None:
    """The WIA property ``property_id`` in a ``Properties`` collection, or None."""
    for prop in com_items(properties):
        if int(prop.PropertyID) == property_id:
            return prop
    return None


def property_value(properties: Any, property_id: int) -> Any | None:
    """The value of the WIA property ``property_id``, or None when there is no such property."""
    prop = find_property(properties, property_id)
    return None if prop is None else prop.Value


def _sources(device: Any) -> tuple[PaperSource, ...]:
    """The paper sources WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES offers; flatbed alone without it."""
    capabilities = property_value(device.Properties, WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES)
    if capabilities is None:
        return (PaperSource.FLATBED,)
    flags = int(capabilities)
    sources = []
    if flags & FLATBED:
        sources.append(PaperSource.FLATBED)
    if flags & FEEDER:
        sources.append(PaperSource.FEEDER)
        if flags & DUPLEX:
            sources.append(PaperSource.FEEDER_DUPLEX)
    return tuple(sources)


def _resolutions(prop: Any | None) -> tuple[int, ...]:
    """The resolutions a WIA_IPS_XRES property allows (a list, or a range); empty when it does not say."""
    if prop is None:
        return ()
    subtype = int(getattr(prop, "SubType", 0) or 0)
    if subtype == LIST_SUBTYPE:
        return tuple(sorted({int(value) for value in com_items(prop.SubTypeValues)}))
    if subtype == RANGE_SUBTYPE:
        return resolutions_in_range(float(prop.SubTypeMin), float(prop.SubTypeMax), float(prop.SubTypeStep))
    return ()
