"""Vietnamese labels for the codes that ``records`` hands out (statuses, timing, error codes, the audit log's
actions).

The texts are marked with ``QT_TRANSLATE_NOOP`` (so ``pyside6-lupdate`` finds them, in the ``labels``
context, and the audit log's in ``audit_labels``) and translated when they are asked for, so an installed
translator is always honoured.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from records.clock import local, now
from records.errors import DomainError, InvalidInput
from records.workflow import Status

_CONTEXT = "labels"
_AUDIT_CONTEXT = "audit_labels"

_STATUSES: dict[Status, str] = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("labels", "Đã tiếp nhận"),
    Status.REFUSED: QT_TRANSLATE_NOOP("labels", "Từ chối tiếp nhận"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "Đang xử lý"),
    Status.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP("labels", "Yêu cầu bổ sung"),
    Status.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("labels", "Chờ thực hiện nghĩa vụ tài chính"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("labels", "Công dân rút hồ sơ"),
    Status.STOPPED: QT_TRANSLATE_NOOP("labels", "Dừng xử lý"),
    Status.RESULT_READY: QT_TRANSLATE_NOOP("labels", "Đã có kết quả"),
    Status.RETURNED: QT_TRANSLATE_NOOP("labels", "Đã trả kết quả"),
}

_TIMINGS: dict[str, str] = {
    "paused": QT_TRANSLATE_NOOP("labels", "Tạm dừng (chờ bổ sung)"),
    "on_track": QT_TRANSLATE_NOOP("labels", "Trong hạn"),
    "due_today": QT_TRANSLATE_NOOP("labels", "Đến hạn hôm nay"),
    "overdue": QT_TRANSLATE_NOOP("labels", "Quá hạn"),
    "early": QT_TRANSLATE_NOOP("labels", "Trước hạn"),
    "on_time": QT_TRANSLATE_NOOP("labels", "Đúng hạn"),
    "late": QT_TRANSLATE_NOOP("labels", "Trễ hạn"),
    "closed": QT_TRANSLATE_NOOP("labels", "Đã kết thúc"),
}

_ERRORS: dict[str, str] = {
    "invalid_personal_id": QT_TRANSLATE_NOOP("labels", "Số định danh cá nhân không hợp lệ."),
    "invalid_qr_text": QT_TRANSLATE_NOOP("labels", "Không đọc được mã QR trên thẻ căn cước."),
    "invalid_agency_code": QT_TRANSLATE_NOOP(
        "labels", "Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242)."
    ),
    "invalid_input": QT_TRANSLATE_NOOP("labels", "Dữ liệu nhập chưa đúng."),
    "not_found": QT_TRANSLATE_NOOP("labels", "Không tìm thấy."),
    "invalid_transition": QT_TRANSLATE_NOOP("labels", "Không thể chuyển hồ sơ sang trạng thái này."),
    "extension_not_allowed": QT_TRANSLATE_NOOP(
        "labels", "Hồ sơ đã được gia hạn một lần hoặc không còn trong quá trình xử lý."
    ),
    "not_initialised": QT_TRANSLATE_NOOP("labels", "Chưa thiết lập cơ quan tiếp nhận."),
    "storage_unavailable": QT_TRANSLATE_NOOP(
        "labels", "Không ghi được dữ liệu (ổ đĩa đầy, tệp bị khóa hoặc hỏng)."
    ),
    "permission_denied": QT_TRANSLATE_NOOP("labels", "Tài khoản không có quyền thực hiện thao tác này."),
    # {0}: when the lock ends, in Vietnam's time (lock_end_text)
    "account_locked": QT_TRANSLATE_NOOP(
        "labels",
        "Tài khoản tạm khóa đến {0} do nhập sai mật khẩu nhiều lần. Hãy thử lại sau hoặc nhờ quản trị viên "
        "mở khóa.",
    ),
    "catalog_error": QT_TRANSLATE_NOOP("labels", "Danh mục thủ tục không hợp lệ."),
    "calendar_error": QT_TRANSLATE_NOOP("labels", "Lịch làm việc không hợp lệ."),
    "form_not_applicable": QT_TRANSLATE_NOOP(
        "labels", "Mẫu này không áp dụng cho hồ sơ ở trạng thái hiện tại."
    ),
    "sequence_exhausted": QT_TRANSLATE_NOOP(
        "labels", "Đã hết số thứ tự mã hồ sơ trong ngày của máy trạm này."
    ),
    "invalid_receipt_code": QT_TRANSLATE_NOOP("labels", "Mã QR không phải mã biên nhận MotCua hợp lệ."),
    "unreadable_document": QT_TRANSLATE_NOOP("labels", "Không đọc được tệp giấy tờ."),
    "scanner_error": QT_TRANSLATE_NOOP("labels", "Máy quét báo lỗi."),
    "bundle_refused": QT_TRANSLATE_NOOP(
        "labels", "Tệp đồng bộ không được chấp nhận: chưa nhận gì từ tệp này."
    ),
    "backup_refused": QT_TRANSLATE_NOOP("labels", "Không dùng được bản sao lưu này."),
    "encryption_refused": QT_TRANSLATE_NOOP("labels", "Không mở được dữ liệu đã mã hóa."),
}

# Why an offered document cannot be taken (``UnreadableDocument``'s reasons); {0} is the file's name.
_UNREADABLE: dict[str, str] = {
    "empty": QT_TRANSLATE_NOOP("labels", "Tệp “{0}” trống (0 byte)."),
    "not_a_document": QT_TRANSLATE_NOOP("labels", "Tệp “{0}” không phải ảnh (JPEG, PNG, TIFF, BMP) hay PDF."),
    "corrupt": QT_TRANSLATE_NOOP("labels", "Tệp “{0}” bị hỏng hoặc không trọn vẹn, không đọc được."),
    "too_many_pixels": QT_TRANSLATE_NOOP(
        "labels", "Ảnh “{0}” quá lớn (quá nhiều điểm ảnh), có thể là tệp độc hại: không nhận."
    ),
    "too_large": QT_TRANSLATE_NOOP("labels", "Tệp “{0}” quá lớn để đính kèm."),
    "encrypted": QT_TRANSLATE_NOOP(
        "labels", "Tệp PDF “{0}” có mật khẩu: hãy xin bản không đặt mật khẩu hoặc quét bản giấy."
    ),
}

# Why the store could not be written or read (``StorageUnavailable``'s reasons, where it gives one).
_STORAGE: dict[str, str] = {
    "disk_full": QT_TRANSLATE_NOOP(
        "labels", "Ổ đĩa đã đầy: chưa lưu được gì. Giải phóng dung lượng rồi thử lại."
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "labels", "Thư mục dữ liệu chỉ đọc (không có quyền ghi): chưa lưu được gì."
    ),
    "missing": QT_TRANSLATE_NOOP(
        "labels",
        "Không tìm thấy tệp tài liệu đã lưu. Báo quản trị viên kiểm tra (motcua attachments verify).",
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "labels",
        "Tệp tài liệu đã lưu bị thay đổi hoặc hỏng. Báo quản trị viên kiểm tra (motcua attachments verify).",
    ),
}

# Why a sync file (a bundle, the centre's acknowledgement) is refused (``BundleRefused``'s reasons).
_BUNDLE_REFUSED: dict[str, str] = {
    "bad_signature": QT_TRANSLATE_NOOP(
        "labels",
        "Chữ ký trên tệp không khớp với khóa của trung tâm đã cấu hình: tệp đã bị sửa, hoặc do trung tâm "
        "khác (khóa khác) cấp. Chưa nhận gì từ tệp này.",
    ),
    "wrong_workstation": QT_TRANSLATE_NOOP(
        "labels", "Tệp này dành cho máy trạm khác (hoặc dữ liệu khác), không phải máy này. Chưa nhận gì."
    ),
    "unknown_format": QT_TRANSLATE_NOOP(
        "labels", "Tệp này không phải giấy xác nhận hay gói đồng bộ của MotCua Desk."
    ),
    "newer_format": QT_TRANSLATE_NOOP(
        "labels", "Tệp được tạo bởi phiên bản MotCua Desk mới hơn: hãy cập nhật chương trình rồi thử lại."
    ),
    "missing": QT_TRANSLATE_NOOP("labels", "Không tìm thấy hoặc không đọc được tệp."),
    "corrupt": QT_TRANSLATE_NOOP("labels", "Tệp bị hỏng hoặc đã bị thay đổi. Chưa nhận gì từ tệp này."),
    "truncated": QT_TRANSLATE_NOOP("labels", "Tệp không trọn vẹn (bị cắt ngắn khi chép). Hãy chép lại tệp."),
    "too_large": QT_TRANSLATE_NOOP("labels", "Tệp quá lớn so với một tệp đồng bộ hợp lệ."),
    "not_encrypted": QT_TRANSLATE_NOOP("labels", "Tệp không phải gói đồng bộ đã mã hóa."),
    "not_encrypted_for_us": QT_TRANSLATE_NOOP(
        "labels", "Gói đồng bộ được mã hóa cho khóa của trung tâm khác, không đọc được ở đây."
    ),
}

# Why a backup cannot be made or used (``BackupRefused``'s reasons).
_BACKUP_REFUSED: dict[str, str] = {
    "damaged_store": QT_TRANSLATE_NOOP(
        "labels",
        "Dữ liệu đang dùng không qua được bước kiểm tra (cơ sở dữ liệu hoặc tệp tài liệu bị hỏng): chưa "
        "ghi bản sao lưu nào. Báo quản trị viên kiểm tra (motcua attachments verify).",
    ),
    "not_a_backup": QT_TRANSLATE_NOOP(
        "labels", "Tệp này không phải bản sao lưu của MotCua Desk (hoặc không tìm thấy tệp)."
    ),
    "damaged_backup": QT_TRANSLATE_NOOP(
        "labels",
        "Bản sao lưu bị hỏng, không trọn vẹn hoặc đã bị sửa (hoặc được lấy từ dữ liệu đã hỏng): không dùng "
        "để khôi phục được.",
    ),
    "newer_backup": QT_TRANSLATE_NOOP(
        "labels",
        "Bản sao lưu được tạo bởi phiên bản MotCua Desk mới hơn: hãy cập nhật chương trình rồi thử lại.",
    ),
    "not_sqlite": QT_TRANSLATE_NOOP(
        "labels",
        "Dữ liệu được lưu trên máy chủ cơ sở dữ liệu (PostgreSQL), không phải trong thư mục dữ liệu của máy "
        "này: hãy sao lưu bằng công cụ của máy chủ (pg_dump) cùng thư mục dữ liệu.",
    ),
    "encrypted_backup": QT_TRANSLATE_NOOP(
        "labels",
        "Bản sao lưu này được mã hóa bằng khóa khác (của máy khác, hoặc trước khi đổi khóa): cần mật khẩu mã "
        "hóa hoặc mã khôi phục lúc tạo bản sao lưu.",
    ),
}

_ENCRYPTION_REFUSED: dict[str, str] = {
    "passphrase_needed": QT_TRANSLATE_NOOP("labels", "Dữ liệu được mã hóa: nhập mật khẩu mã hóa dữ liệu."),
    "wrong_passphrase": QT_TRANSLATE_NOOP(
        "labels",
        "Mật khẩu mã hóa hoặc mã khôi phục không đúng. Kiểm tra bộ gõ và phím Caps Lock rồi thử lại.",
    ),
    "damaged_config": QT_TRANSLATE_NOOP(
        "labels",
        "Tệp khóa mã hóa (encryption.json) trong thư mục dữ liệu bị hỏng: báo quản trị viên khôi phục từ bản "
        "sao lưu.",
    ),
    "no_cipher": QT_TRANSLATE_NOOP(
        "labels",
        "Máy này chưa cài thành phần mã hóa (SQLCipher) nên không mở được dữ liệu đã mã hóa: báo quản trị "
        "viên cài lại chương trình.",
    ),
    "store_in_use": QT_TRANSLATE_NOOP(
        "labels", "Một cửa sổ MotCua Desk khác đang mở dữ liệu này: đóng nó rồi thử lại."
    ),
}

# Why a value was refused, where the reason says more than "Dữ liệu nhập chưa đúng." (``InvalidInput``).
_INVALID_INPUT: dict[str, str] = {
    "not_a_folder": QT_TRANSLATE_NOOP(
        "labels",
        "Không tìm thấy thư mục xuất: chưa cắm USB, ổ mạng chưa kết nối, hoặc thư mục đã bị xóa hay đổi tên.",
    ),
    # Closing a day (chốt sổ, ``ReportService.close_day``).
    "already_closed": QT_TRANSLATE_NOOP("labels", "Ngày này đã được chốt sổ rồi."),
    "future_day": QT_TRANSLATE_NOOP("labels", "Chưa đến ngày này: chưa chốt sổ được."),
}

# Why a password was refused (``records.users.check_password_rules``: an ``InvalidInput`` about a password
# field), formatted with the shortest and the longest length allowed ({0}, {1}).
PASSWORD_FIELDS = frozenset({"password", "admin_password"})
_INVALID_PASSWORD: dict[str, str] = {
    "too_short": QT_TRANSLATE_NOOP("labels", "Mật khẩu cần ít nhất {0} ký tự."),
    "too_long": QT_TRANSLATE_NOOP("labels", "Mật khẩu quá dài: tối đa {1} ký tự."),
    "same_as_username": QT_TRANSLATE_NOOP("labels", "Mật khẩu không được trùng với tên đăng nhập."),
    "too_simple": QT_TRANSLATE_NOOP(
        "labels",
        "Mật khẩu quá dễ đoán (một ký tự lặp lại, hoặc một dãy liên tiếp như 12345678, abcdefgh): hãy chọn "
        "mật khẩu khác.",
    ),
    "too_common": QT_TRANSLATE_NOOP(
        "labels",
        "Mật khẩu này nằm trong số những mật khẩu hay dùng nhất, rất dễ bị đoán: hãy chọn mật khẩu khác.",
    ),
}

# The synced tables, as the sync panel counts their changed rows.
_SYNC_TABLES: dict[str, str] = {
    "files": QT_TRANSLATE_NOOP("labels", "Hồ sơ"),
    "citizens": QT_TRANSLATE_NOOP("labels", "Công dân"),
    "file_documents": QT_TRANSLATE_NOOP("labels", "Giấy tờ trong hồ sơ"),
    "file_fees": QT_TRANSLATE_NOOP("labels", "Phí, lệ phí"),
    "file_events": QT_TRANSLATE_NOOP("labels", "Bước xử lý hồ sơ"),
    "attachments": QT_TRANSLATE_NOOP("labels", "Tài liệu đính kèm"),
    "stored_objects": QT_TRANSLATE_NOOP("labels", "Tệp tài liệu"),
    "objects": QT_TRANSLATE_NOOP("labels", "Tệp tài liệu gửi kèm"),  # the documents' bytes a bundle carries
    "procedures": QT_TRANSLATE_NOOP("labels", "Thủ tục"),
    "procedure_versions": QT_TRANSLATE_NOOP("labels", "Phiên bản thủ tục"),
    "users": QT_TRANSLATE_NOOP("labels", "Tài khoản"),
}

# The audit log's words have a context of their own (``audit_labels``): "Hồ sơ" there is one file ("Hồ sơ
# 000.17.22.H56-…"), in ``labels`` the synced table of files.
#
# The audit log's actions (every ``audit.append`` in ``records``), as the supervisor's view names them, in the
# order its action filter lists them: a file's life first, then documents, citizens, accounts, sync, the
# store and the settings.
_AUDIT_ACTIONS: dict[str, str] = {
    "file.registered": QT_TRANSLATE_NOOP("audit_labels", "Tiếp nhận hồ sơ"),
    "file.status_changed": QT_TRANSLATE_NOOP("audit_labels", "Chuyển trạng thái hồ sơ"),
    "file.opened": QT_TRANSLATE_NOOP("audit_labels", "Mở xem hồ sơ"),
    "file.extended": QT_TRANSLATE_NOOP("audit_labels", "Gia hạn giải quyết hồ sơ"),
    "file.undigitised": QT_TRANSLATE_NOOP("audit_labels", "Nhận giấy tờ chưa số hóa"),
    "form.printed": QT_TRANSLATE_NOOP("audit_labels", "In biểu mẫu, giấy tờ"),
    "attachment.added": QT_TRANSLATE_NOOP("audit_labels", "Đính kèm tài liệu"),
    "attachment.reused": QT_TRANSLATE_NOOP("audit_labels", "Đính kèm tài liệu đã có"),
    "attachment.opened": QT_TRANSLATE_NOOP("audit_labels", "Mở xem tài liệu đính kèm"),
    "attachment.removed": QT_TRANSLATE_NOOP("audit_labels", "Gỡ tài liệu đính kèm"),
    "citizen.looked_up": QT_TRANSLATE_NOOP("audit_labels", "Tra cứu công dân"),
    "audit.subject_exported": QT_TRANSLATE_NOOP("audit_labels", "Trích xuất nhật ký cho công dân"),
    "user.login": QT_TRANSLATE_NOOP("audit_labels", "Đăng nhập"),
    "user.login_failed": QT_TRANSLATE_NOOP("audit_labels", "Đăng nhập sai mật khẩu"),
    "user.login_refused": QT_TRANSLATE_NOOP("audit_labels", "Đăng nhập khi tài khoản đang bị khóa"),
    "user.locked": QT_TRANSLATE_NOOP("audit_labels", "Tạm khóa tài khoản"),
    "user.unlocked": QT_TRANSLATE_NOOP("audit_labels", "Mở khóa tài khoản"),
    "user.added": QT_TRANSLATE_NOOP("audit_labels", "Thêm tài khoản"),
    "user.enabled": QT_TRANSLATE_NOOP("audit_labels", "Cho dùng lại tài khoản"),
    "user.disabled": QT_TRANSLATE_NOOP("audit_labels", "Ngừng sử dụng tài khoản"),
    "user.role_changed": QT_TRANSLATE_NOOP("audit_labels", "Đổi vai trò tài khoản"),
    "user.password_reset": QT_TRANSLATE_NOOP("audit_labels", "Đặt lại mật khẩu"),
    "day.closed": QT_TRANSLATE_NOOP("audit_labels", "Chốt số liệu ngày"),
    "register.exported": QT_TRANSLATE_NOOP("audit_labels", "Xuất sổ theo dõi hồ sơ"),
    "dvcqg.exported": QT_TRANSLATE_NOOP("audit_labels", "Xuất dữ liệu cho Cổng Dịch vụ công quốc gia"),
    "sync.exported": QT_TRANSLATE_NOOP("audit_labels", "Xuất gói đồng bộ"),
    "sync.acknowledged": QT_TRANSLATE_NOOP("audit_labels", "Nhận xác nhận của trung tâm"),
    "sync.configured": QT_TRANSLATE_NOOP("audit_labels", "Cấu hình đồng bộ"),
    "sync.conflict_resolved": QT_TRANSLATE_NOOP("audit_labels", "Giải quyết dữ liệu đồng bộ bị trùng sửa"),
    "store.backed_up": QT_TRANSLATE_NOOP("audit_labels", "Sao lưu dữ liệu"),
    "store.restored": QT_TRANSLATE_NOOP("audit_labels", "Khôi phục dữ liệu từ bản sao lưu"),
    "agency.initialised": QT_TRANSLATE_NOOP("audit_labels", "Thiết lập cơ quan lần đầu"),
    "agency.updated": QT_TRANSLATE_NOOP("audit_labels", "Sửa thông tin cơ quan"),
    "settings.form_set": QT_TRANSLATE_NOOP("audit_labels", "Chọn bộ biểu mẫu"),
    "settings.office_hours": QT_TRANSLATE_NOOP("audit_labels", "Sửa giờ làm việc"),
    "holidays.seeded": QT_TRANSLATE_NOOP("audit_labels", "Nạp lịch nghỉ lễ có sẵn"),
    "holidays.imported": QT_TRANSLATE_NOOP("audit_labels", "Nhập lịch nghỉ lễ từ tệp"),
    "holidays.saved": QT_TRANSLATE_NOOP("audit_labels", "Sửa lịch nghỉ lễ"),
    "catalog.seeded": QT_TRANSLATE_NOOP("audit_labels", "Nạp danh mục thủ tục có sẵn"),
    "catalog.imported": QT_TRANSLATE_NOOP("audit_labels", "Nhập danh mục thủ tục"),
    "receipt.lookup_url_set": QT_TRANSLATE_NOOP("audit_labels", "Đặt địa chỉ tra cứu trên giấy biên nhận"),
    "receipt.key_trusted": QT_TRANSLATE_NOOP("audit_labels", "Tin cậy khóa ký giấy biên nhận"),
    "demo.generated": QT_TRANSLATE_NOOP("audit_labels", "Tạo dữ liệu trình diễn"),
}

# Every action of an area at once (``AuditFilter.action`` ending in "."), listed before the single actions.
_AUDIT_ACTION_GROUPS: dict[str, str] = {
    "file.": QT_TRANSLATE_NOOP("audit_labels", "Mọi thao tác hồ sơ"),
    "attachment.": QT_TRANSLATE_NOOP("audit_labels", "Mọi thao tác với tài liệu đính kèm"),
    "user.": QT_TRANSLATE_NOOP("audit_labels", "Mọi thao tác với tài khoản, đăng nhập"),
    "sync.": QT_TRANSLATE_NOOP("audit_labels", "Mọi thao tác đồng bộ"),
    "store.": QT_TRANSLATE_NOOP("audit_labels", "Sao lưu và khôi phục dữ liệu"),
    "settings.": QT_TRANSLATE_NOOP("audit_labels", "Mọi thay đổi cài đặt"),
}

# What an audit entry is about (``entity``).
_AUDIT_ENTITIES: dict[str, str] = {
    "file": QT_TRANSLATE_NOOP("audit_labels", "Hồ sơ"),
    "citizen": QT_TRANSLATE_NOOP("audit_labels", "Công dân"),
    "user": QT_TRANSLATE_NOOP("audit_labels", "Tài khoản"),
    "day": QT_TRANSLATE_NOOP("audit_labels", "Ngày"),
    "register": QT_TRANSLATE_NOOP("audit_labels", "Sổ theo dõi hồ sơ"),
    "export": QT_TRANSLATE_NOOP("audit_labels", "Tệp xuất"),
    "sync": QT_TRANSLATE_NOOP("audit_labels", "Đồng bộ"),
    "store": QT_TRANSLATE_NOOP("audit_labels", "Dữ liệu"),
    "settings": QT_TRANSLATE_NOOP("audit_labels", "Cài đặt"),
    "holidays": QT_TRANSLATE_NOOP("audit_labels", "Lịch nghỉ lễ"),
    "catalog": QT_TRANSLATE_NOOP("audit_labels", "Danh mục thủ tục"),
}

# The keys of an entry's details, as its summary names them; keys not listed are left out of the summary
# (identifiers and hashes: the tooltip shows the whole details).
_AUDIT_DETAILS: dict[str, str] = {
    "username": QT_TRANSLATE_NOOP("audit_labels", "tài khoản"),
    "role": QT_TRANSLATE_NOOP("audit_labels", "vai trò"),
    "procedure": QT_TRANSLATE_NOOP("audit_labels", "thủ tục"),
    "status": QT_TRANSLATE_NOOP("audit_labels", "trạng thái"),
    "document": QT_TRANSLATE_NOOP("audit_labels", "giấy tờ"),
    "documents": QT_TRANSLATE_NOOP("audit_labels", "giấy tờ"),
    "title": QT_TRANSLATE_NOOP("audit_labels", "tên"),
    "form": QT_TRANSLATE_NOOP("audit_labels", "mẫu"),
    "pages": QT_TRANSLATE_NOOP("audit_labels", "số trang"),
    "reason": QT_TRANSLATE_NOOP("audit_labels", "lý do"),
    "files": QT_TRANSLATE_NOOP("audit_labels", "số hồ sơ"),
    "entries": QT_TRANSLATE_NOOP("audit_labels", "số mục"),
    "failures": QT_TRANSLATE_NOOP("audit_labels", "số lần sai"),
    "until": QT_TRANSLATE_NOOP("audit_labels", "đến"),
    "locked_until": QT_TRANSLATE_NOOP("audit_labels", "khóa đến"),
    "received": QT_TRANSLATE_NOOP("audit_labels", "tiếp nhận"),
    "returned": QT_TRANSLATE_NOOP("audit_labels", "đã trả"),
    "overdue": QT_TRANSLATE_NOOP("audit_labels", "quá hạn"),
    "finished": QT_TRANSLATE_NOOP("audit_labels", "giải quyết xong"),
    "path": QT_TRANSLATE_NOOP("audit_labels", "tệp"),
    "file": QT_TRANSLATE_NOOP("audit_labels", "tệp"),
    "name": QT_TRANSLATE_NOOP("audit_labels", "tên"),
    "changed": QT_TRANSLATE_NOOP("audit_labels", "thay đổi"),
    "changes": QT_TRANSLATE_NOOP("audit_labels", "thay đổi"),
    "field": QT_TRANSLATE_NOOP("audit_labels", "trường"),
    "take": QT_TRANSLATE_NOOP("audit_labels", "giữ bản"),
    "label": QT_TRANSLATE_NOOP("audit_labels", "tên"),
    "form_set": QT_TRANSLATE_NOOP("audit_labels", "bộ biểu mẫu"),
    "template": QT_TRANSLATE_NOOP("audit_labels", "địa chỉ"),
    "date_from": QT_TRANSLATE_NOOP("audit_labels", "từ ngày"),
    "date_to": QT_TRANSLATE_NOOP("audit_labels", "đến ngày"),
    "acked_seq": QT_TRANSLATE_NOOP("audit_labels", "đã xác nhận đến"),
    "missing_objects": QT_TRANSLATE_NOOP("audit_labels", "tệp thiếu"),
    "workstation": QT_TRANSLATE_NOOP("audit_labels", "máy trạm"),
}

# The roles of the accounts, in an entry's details (``user.added``, ``user.role_changed``).
_ROLES: dict[str, str] = {
    "clerk": QT_TRANSLATE_NOOP("audit_labels", "cán bộ tiếp nhận"),
    "supervisor": QT_TRANSLATE_NOOP("audit_labels", "lãnh đạo / giám sát"),
    "admin": QT_TRANSLATE_NOOP("audit_labels", "quản trị"),
}

# Why the audit log's hash chain is broken (``ChainReport.reason``).
_AUDIT_BROKEN: dict[str, str] = {
    "edited": QT_TRANSLATE_NOOP("audit_labels", "nội dung của mục đã bị sửa sau khi ghi"),
    "missing_or_reordered": QT_TRANSLATE_NOOP(
        "audit_labels", "mục này không nối tiếp mục trước nó: có mục đã bị xóa, hoặc các mục đã bị đảo thứ tự"
    ),
    "unchained": QT_TRANSLATE_NOOP(
        "audit_labels", "mục không có mã kiểm tra của chuỗi: được thêm vào ngoài chương trình"
    ),
}

# The reasons ``records.receipt_codes.parse`` gives; the card parser's reasons are different words.
RECEIPT_CODE_REASONS = frozenset(
    {
        "empty",
        "glued",
        "not_receipt_code",
        "several_codes",
        "unknown_version",
        "truncated",
        "bad_file_code",
        "wrong_length",
        "out_of_range",
    }
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _audit(text: str) -> str:
    return QCoreApplication.translate(_AUDIT_CONTEXT, text)


def number_text(value: int) -> str:
    """A count grouped by thousands as the UI's language writes it: ``1.234.567`` in Vietnamese,
    ``1,234,567`` in English (the separator is a translated text)."""
    separator = QCoreApplication.translate("labels", ".", "thousands separator")
    return f"{value:,}".replace(",", separator)


def decimal_text(value: float, places: int = 1) -> str:
    """A measure with ``places`` decimals as the UI's language writes it: ``1,5`` in Vietnamese, ``1.5`` in
    English (the decimal separator is a translated text)."""
    separator = QCoreApplication.translate("labels", ",", "decimal separator")
    return f"{value:.{places}f}".replace(".", separator)


def size_text(size: int) -> str:
    """A file's size for people: ``850 byte``, ``12 KB``, ``3,4 MB``, ``1,2 GB`` (1 KB = 1024 bytes)."""
    if size < 1024:
        return QCoreApplication.translate("labels", "{0} byte").format(size)
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{decimal_text(value, 0 if value >= 100 else 1)} {unit}"


def money_text(amount: int) -> str:
    """An amount in đồng: ``8.000 đồng`` in Vietnamese, ``8,000 VND`` in English."""
    return QCoreApplication.translate("labels", "{0} đồng").format(number_text(amount))


def status_label(status: Status) -> str:
    """The status as the counter says it."""
    return _t(_STATUSES[status])


def timing_label(timing: str) -> str:
    """Where a file stands against its due date."""
    text = _TIMINGS.get(timing)
    return _t(text) if text is not None else timing


def sync_table_label(name: str) -> str:
    """What a synced table holds, as the sync panel names it (the table's own name when unknown)."""
    text = _SYNC_TABLES.get(name)
    return _t(text) if text is not None else name


def audit_action_label(action: str) -> str:
    """An audit log action in words (the action's own code when it is not one the labels know)."""
    text = _AUDIT_ACTIONS.get(action) or _AUDIT_ACTION_GROUPS.get(action)
    return _audit(text) if text is not None else action


def audit_action_choices() -> list[tuple[str, str]]:
    """The audit log's action filter: ``(action, label)`` for every area (an action prefix, ``file.``), then
    for every single action."""
    return [(code, _audit(text)) for code, text in (*_AUDIT_ACTION_GROUPS.items(), *_AUDIT_ACTIONS.items())]


def audit_entity_label(entity: str) -> str:
    """What an audit entry is about, in words (the entity's own name when unknown)."""
    text = _AUDIT_ENTITIES.get(entity)
    return _audit(text) if text is not None else entity


def audit_detail_label(key: str) -> str | None:
    """The name of a key of an audit entry's details; ``None`` for the keys a summary leaves out."""
    text = _AUDIT_DETAILS.get(key)
    return _audit(text) if text is not None else None


def role_label(role: str) -> str:
    """An account's role, as an audit entry's details give it (``clerk``, ``supervisor``, ``admin``)."""
    text = _ROLES.get(role)
    return _audit(text) if text is not None else role


def audit_broken_reason(reason: str | None) -> str:
    """Why the audit log's hash chain is broken at an entry (``ChainReport.reason``)."""
    text = _AUDIT_BROKEN.get(reason or "")
    return _audit(text) if text is not None else (reason or "")


def lock_end_text(until: datetime) -> str:
    """When a lock ends, in Vietnam's time: ``14:35`` today, ``14:35 26/11/2026`` another day."""
    moment = local(until)
    return moment.strftime("%H:%M" if moment.date() == now().date() else "%H:%M %d/%m/%Y")


def error_message(code: str, fallback: str) -> str:
    """A Vietnamese sentence for a domain error code."""
    text = _ERRORS.get(code)
    return _t(text) if text is not None else fallback


def describe_error(exc: DomainError) -> str:
    """A Vietnamese sentence for a domain error: a receipt code that cannot be read is told apart from a
    card's QR code that cannot be read (both are ``invalid_qr_text``)."""
    code = exc.code
    reason = str(exc.params.get("reason", ""))
    if code == "unreadable_document" and reason in _UNREADABLE:
        return _t(_UNREADABLE[reason]).format(exc.params.get("name", ""))
    if code == "storage_unavailable" and reason in _STORAGE:
        return _t(_STORAGE[reason])
    if code == "bundle_refused" and reason in _BUNDLE_REFUSED:
        return _t(_BUNDLE_REFUSED[reason])
    if code == "backup_refused" and reason in _BACKUP_REFUSED:
        return _t(_BACKUP_REFUSED[reason])
    if code == "encryption_refused" and reason in _ENCRYPTION_REFUSED:
        return _t(_ENCRYPTION_REFUSED[reason])
    if code == "invalid_input" and reason in _INVALID_PASSWORD and exc.params.get("field") in PASSWORD_FIELDS:
        from records.users import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH  # argon2: not before the login

        return _t(_INVALID_PASSWORD[reason]).format(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)
    if code == "invalid_input" and reason in _INVALID_INPUT:
        return _t(_INVALID_INPUT[reason])
    if code == "account_locked":
        until = str(exc.params.get("until", ""))
        try:
            when = lock_end_text(datetime.fromisoformat(until))
        except (ValueError, InvalidInput):  # not an ISO moment, or one without its offset
            when = until
        return _t(_ERRORS[code]).format(when)
    if code == "invalid_qr_text" and reason in RECEIPT_CODE_REASONS:
        code = "invalid_receipt_code"
    return error_message(code, str(exc))
