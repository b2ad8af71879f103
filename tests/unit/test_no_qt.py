"""The domain (records/) and the print layouts (printing/) are pure Python: none of their modules may
import Qt, so the command line, the tests and a future server run without PySide6 installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from typing import TypedDict

# Run in a fresh interpreter: this one may already have PySide6 loaded by other tests (pytest-qt).
# The blocker goes first on sys.meta_path, so even an installed PySide6 cannot be imported.
SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, json, pkgutil, sys, traceback

    BLOCKED = ("PySide6", "shiboken6")

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname.split(".")[0] in BLOCKED:
                raise ImportError(f"{fullname} is blocked: pure-Python modules must not import Qt")
            return None

    sys.meta_path.insert(0, BlockQt())
    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            del sys.modules[name]

    # The blocker must work, or the test proves nothing.
    for name in BLOCKED:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
        else:
            raise SystemExit(f"the blocker did not stop {name}")

    # alembic's env.py runs migrations on import and only works under alembic.
    SKIP = {"records.store.migrations.env"}
    imported, failed = [], {}

    def onerror(name):
        failed[name] = traceback.format_exc()

    for package_name in sys.argv[1:]:
        try:
            package = importlib.import_module(package_name)
        except BaseException:
            failed[package_name] = traceback.format_exc()
            continue
        imported.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + ".", onerror=onerror):
            if info.name in SKIP:
                continue
            try:
                importlib.import_module(info.name)
            except BaseException:
                failed[info.name] = traceback.format_exc()
            else:
                imported.append(info.name)

    loaded_qt = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    print(json.dumps({"imported": imported, "failed": failed, "loaded_qt": loaded_qt}))
    """
)


class Report(TypedDict):
    imported: list[str]
    failed: dict[str, str]
    loaded_qt: list[str]


def _import_all(*packages: str) -> Report:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *packages],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: Report = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_every_records_module_imports_without_qt() -> None:
    report = _import_all("records")
    assert report["failed"] == {}, "\n".join(report["failed"].values())
    assert report["loaded_qt"] == []
    imported = set(report["imported"])
    # The walk really went through the package, subpackages and migration scripts included.
    for name in (
        "records.workflow",
        "records.file_codes",
        "records.text",
        "records.citizens",
        "records.files",
        "records.clock",
        "records.personal_id",
        "records.store",
        "records.store.models",
        "records.services",
        "records.store.migrations.versions",
    ):
        assert name in imported, name
    assert any(n.startswith("records.store.migrations.versions.0") for n in imported), sorted(imported)
    assert "records.store.migrations.env" not in imported


def test_every_printing_module_imports_without_qt() -> None:
    report = _import_all("printing")
    assert report["failed"] == {}, "\n".join(report["failed"].values())
    assert report["loaded_qt"] == []
    assert "printing" in report["imported"]


def test_the_blocker_catches_qt_imports() -> None:
    """The same script over ui/ (built on Qt) reports the blocked imports: the checks above can fail."""
    report = _import_all("ui")
    failed = report["failed"]
    assert failed, "ui/ imported without Qt: the blocker does not work"
    assert all("blocked" in tb for tb in failed.values())
    assert report["loaded_qt"] == []
