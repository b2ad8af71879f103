"""Capturing paper files at the counter: document scanners behind one interface.

``records.capture.scanners`` holds the interface (devices, settings, pages, the feeder loop,
:func:`scan_batch`, :func:`list_devices`, :func:`platform_backends`); the backends are
``sane_scanner`` (Linux, python-sane), ``wia_scanner`` (Windows, WIA over COM) and ``fake_scanner`` (tests
and demos). Their native modules are imported only when used, so importing this package works everywhere.
See docs/scanners.md.

Pure Python: nothing here imports Qt.
"""

from records.capture.scanners import (
    BackendProblem,
    CancelFlag,
    DeviceList,
    PaperSource,
    ProgressCallback,
    ScanColour,
    ScannedPage,
    ScannerBackend,
    ScannerDevice,
    ScannerError,
    ScannerReason,
    ScanResult,
    ScanSettings,
    StopReason,
    backend_for,
    list_devices,
    platform_backends,
    scan_batch,
)

__all__ = [
    "BackendProblem",
    "CancelFlag",
    "DeviceList",
    "PaperSource",
    "ProgressCallback",
    "ScanColour",
    "ScanResult",
    "ScanSettings",
    "ScannedPage",
    "ScannerBackend",
    "ScannerDevice",
    "ScannerError",
    "ScannerReason",
    "StopReason",
    "backend_for",
    "list_devices",
    "platform_backends",
    "scan_batch",
]
