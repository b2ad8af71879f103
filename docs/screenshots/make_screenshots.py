"""Take the README's screenshots of every main screen: the real widgets, offscreen, on a throw-away store.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py [--lang en]

A store of 3,000 demonstration files (``records.demo.generate``) with a clerk and an admin; then, each grabbed
once its data is in: the first-start and login dialogs, intake (a citizen's card QR scanned into the ID
field, a procedure chosen), the file list, one file's page, the supervisor's day, the sync panel after an
export, the settings (the backup tab with the automatic backups), the audit log with its chain checked,
and the screen lock.
``--lang en`` installs the English translation and names the files ``*-en.png``.

The application's own font (Liberation Sans, bundled) is installed, so the pictures look the same on any
machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT)]

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent, QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget  # noqa: E402

CARD_QR = (
    "001099012345|123456789|Nguyễn Văn Bình|15031999|Nam|"
    "Số 12 ngõ 34 phố Hàng Bông, phường Hoàn Kiếm|01072021"
)


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Spin the event loop until ``condition`` holds (or give up loudly)."""
    end = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > end:
            raise SystemExit("a screen did not finish loading in time")
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def settle(seconds: float) -> None:
    """Let the workers answer and the screen repaint for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def type_text(widget: QWidget, text: str) -> None:
    """What a scanner or a Vietnamese keyboard delivers: key presses, letters with diacritics committed."""
    for char in text:
        if char.isascii():
            QApplication.sendEvent(
                widget, QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
            )
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def press_enter(widget: QWidget) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        )


def scanned_page(code: str = "") -> object:
    """One archived page (a synthetic 200-dpi scan) of "Giấy chứng sinh", as a NewAttachment."""
    from PIL import Image, ImageDraw

    from records.attachments import AttachmentSource, NewAttachment
    from records.clock import now
    from records.digitize.archive import ArchiveMetadata, ArchiveOptions, build_pdf
    from records.digitize.pages import Page

    image = Image.new("L", (1654, 2339), 250)
    draw = ImageDraw.Draw(image)
    for line in range(24):
        y = 240 + line * 80
        draw.rectangle((160, y, 1494 - (line % 4) * 180, y + 14), fill=40)
    metadata = ArchiveMetadata("Giấy chứng sinh", code, now(), "000.17.22.H56 / 1")
    pdf = build_pdf([Page(image, 200.0, source="scan:demo")], ArchiveOptions(), metadata)
    return NewAttachment(
        "Giấy chứng sinh",
        pdf,
        AttachmentSource.SCAN,
        checklist_code="giay_chung_sinh",
        dpi=200,
        colour_mode="gray",
    )


def attach_scanned_page(services: object, code: str, actor: object) -> None:
    """Attach one archived page (a synthetic 200-dpi scan) to the file ``code``."""
    services.attachments.attach(code, [scanned_page(code)], actor)  # type: ignore[attr-defined]


def save(widget: QWidget, name: str, suffix: str) -> Path:
    QApplication.processEvents()
    target = HERE / f"{name}{suffix}.png"
    widget.grab().save(str(target))
    print(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    suffix = "-en" if args.lang == "en" else ""

    from desktop import i18n, ui_font
    from desktop.context import open_services, resolve
    from records.demo import generate
    from records.users import Role
    from ui.first_start_dialog import FirstStartDialog
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.session import UiSession
    from ui.tasks import BackgroundPool, DatabaseWorker

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ui_font.install(app)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        translator = i18n.install(app, data_dir, args.lang)
        services = open_services(resolve(data_dir=str(data_dir)))
        services.settings.initialise(
            agency_code="000.17.22.H56",
            agency_name="Trung tâm Phục vụ hành chính công xã Hòa Bình",
            parent_name="UBND xã Hòa Bình",
        )
        generate(services, 3000, seed=1)
        system = services.users.system(1)
        admin = services.users.add(system, "quantri", "Nguyễn Thị Thu Hà", Role.ADMIN, "mat-khau-1")
        services.users.add(system, "lan", "Trần Thị Lan", Role.CLERK, "mat-khau-1")

        first = FirstStartDialog()
        first.agency_code.setText("000.17.22.H56")
        first.agency_name.setText("Trung tâm Phục vụ hành chính công xã Hòa Bình")
        first.parent_name.setText("UBND xã Hòa Bình")
        first.admin_full_name.setText("Nguyễn Thị Thu Hà")
        first.show()
        save(first, "first-start", suffix)
        first.close()

        login = LoginDialog(services.settings.agency().name, lambda *a: None, lambda u, p: None, "lan")
        login.show()
        save(login, "login", suffix)
        login.close()

        # An encrypted store: its passphrase before the login, after a wrong one.
        from ui.unlock_store_dialog import UnlockStoreDialog

        unlock = UnlockStoreDialog(r"C:\Users\motcua\AppData\Local\MotCuaDesk")
        unlock.show()
        unlock.show_error(
            QCoreApplication.translate(
                "labels",
                "Mật khẩu mã hóa hoặc mã khôi phục không đúng. Kiểm tra bộ gõ và phím Caps Lock rồi thử lại.",
            )
        )
        unlock.passphrase.setText("mật khẩu")
        save(unlock, "unlock", suffix)
        unlock.close()

        worker = DatabaseWorker()
        worker.start()
        pool = BackgroundPool()
        session = UiSession(
            services,
            worker,
            pool,
            Preferences(data_dir),
            services.settings.agency(),
            admin,
            "Nguyễn Thị Thu Hà",
        )
        window = MainWindow(session)
        window.resize(1280, 800)
        window.show()
        window.start()
        window.activateWindow()

        window.show_page("intake")
        owner = window.intake.owner_form
        owner.id_edit.setFocus()
        type_text(owner.id_edit, CARD_QR)
        press_enter(owner.id_edit)
        wait_until(lambda: owner.name_edit.text() != "")
        owner.phone_edit.setText("0912 345 678")
        window.intake.load_procedure("1.001193")
        wait_until(lambda: window.intake.procedure_code == "1.001193")
        window.intake.checklist_model.receive_all_mandatory()
        window.intake.documents.add([scanned_page()])  # what the digitizing dialog hands back
        settle(0.5)
        save(window, "intake", suffix)

        window.show_page("files")
        wait_until(lambda: window.files.model.rowCount() > 0 and not window.files.model.is_loading())
        save(window, "files", suffix)

        from records.files import FileQuery
        from records.workflow import Status

        code = services.files.list(FileQuery(statuses=(Status.IN_PROGRESS,), limit=1))[0].code
        attach_scanned_page(services, code, admin)
        window.open_file(code)
        settle(1.0)
        save(window, "file", suffix)

        page = window.tabs.currentWidget()
        panel = page.attachments_panel
        opened: list[QWidget] = []
        panel.viewer_opened.connect(opened.append)
        panel.view_selected()
        wait_until(lambda: bool(opened))
        viewer = opened[0]
        viewer.resize(760, 640)
        settle(1.0)
        save(viewer, "viewer", suffix)
        viewer.close()

        os.environ["MOTCUA_FAKE_SCANNER"] = "sheets=4"  # a scanner with a feeder, for the picture
        from ui.digitize_dialog import DigitizeDialog

        detail = services.files.show(code)
        dialog = DigitizeDialog(session, code, [(d.code, d.name) for d in detail.documents], window)
        dialog.show()
        wait_until(lambda: dialog.device_combo.count() > 1)
        dialog.device_combo.setCurrentIndex(dialog.device_combo.findData("fake:feeder"))
        dialog.source_combo.setCurrentIndex(1)
        scanned: list[int] = []
        dialog.scanned.connect(scanned.append)
        dialog.scan()
        wait_until(lambda: bool(scanned))
        dialog.editor.view.selectionModel().clear()
        if detail.documents:
            dialog.editor.document_row(0).combo.setCurrentIndex(1)
        settle(1.5)
        save(dialog, "digitize", suffix)
        dialog.close()

        from records.clock import local, now

        window.show_page("day")
        # The last working day before today: a whole day's figures whatever the hour the script runs.
        shown = local(now()).date() - timedelta(days=1)
        while shown.weekday() >= 5:
            shown -= timedelta(days=1)
        assert window.day is not None
        window.day.set_day(shown)
        settle(1.5)
        save(window, "day", suffix)

        # The sync panel after an export to a USB stick: the centre's signing key and the times configured.
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from records.keys import public_key_text

        usb = data_dir / "USB"
        usb.mkdir()
        centre_key = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        services.sync.configure(
            admin,
            folder=str(usb),
            on_close=True,
            times=["11:30", "16:45"],
            centre_signing_key=public_key_text(centre_key),
        )
        panel = window.open_sync_panel()
        wait_until(lambda: panel.status() is not None and window.exporter.config is not None)
        exported: list[object] = []
        panel.exported.connect(exported.append)
        panel.export_now()
        wait_until(lambda: bool(exported), timeout=120.0)
        wait_until(lambda: str(usb) in panel.last_export.text())
        settle(0.5)
        save(window, "sync", suffix)

        from ui.settings_dialog import SettingsDialog

        # A clerk's morning for the audit log, at workstation 2: she logs in, looks a citizen up, opens a file
        # and marks its result ready (the wrong passwords below are typed under her name at workstation 1).
        lan = services.users.authenticate("lan", "mat-khau-1", 2)
        assert lan is not None
        owner_id = services.files.show(code).owner.personal_id
        if owner_id:
            services.citizens.lookup(owner_id, actor=lan)
        services.files.show(code, lan)
        services.files.set_status(code, Status.RESULT_READY, lan)

        for _ in range(5):  # a clerk who forgot her password: the users tab shows her name locked out
            services.users.authenticate("lan", "sai-mat-khau", 1)
        services.backups.daily_if_due()  # the backup tab lists today's automatic backup
        settings = SettingsDialog(session, window)
        settings.resize(980, 680)
        settings.show()
        tabs = settings.findChild(QTabWidget)
        assert tabs is not None
        for index, name in (
            (0, "settings-agency"),
            (2, "settings-holidays"),
            (4, "settings-users"),
            (5, "settings-backup"),
        ):
            if index < tabs.count():
                tabs.setCurrentIndex(index)
                settle(0.5)
                save(settings, name, suffix)
        settings.close()

        # The audit log after that morning (and the wrong passwords), its hash chain just checked.
        audit = window.open_audit_page()
        assert audit is not None
        wait_until(lambda: audit.model.rowCount() > 0 and not audit.model.is_loading())
        checked: list[object] = []
        audit.verified.connect(checked.append)
        audit.verify_chain()
        wait_until(lambda: bool(checked))
        settle(0.5)
        save(window, "audit", suffix)

        # The screen lock as it comes up after the workstation's idle time, a password being typed.
        lock = window.locker.lock()
        assert lock is not None
        lock.password.setText("mat-khau")
        settle(0.5)
        save(lock, "lock", suffix)

        window.shutdown()
        window.close()
        worker.stop()
        pool.stop()
        services.db.dispose()
        if translator is not None:
            app.removeTranslator(translator)


if __name__ == "__main__":
    main()
