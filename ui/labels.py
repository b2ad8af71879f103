"""Vietnamese labels for the codes that ``records`` hands out (statuses, timing, error codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from records.workflow import Status


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: Status) -> str:
    """The status as the counter says it."""
    return {
        Status.RECEIVED: _t("Đã tiếp nhận"),
        Status.REFUSED: _t("Từ chối tiếp nhận"),
        Status.IN_PROGRESS: _t("Đang xử lý"),
        Status.SUPPLEMENT_REQUESTED: _t("Yêu cầu bổ sung"),
        Status.AWAITING_PAYMENT: _t("Chờ thực hiện nghĩa vụ tài chính"),
        Status.WITHDRAWN: _t("Công dân rút hồ sơ"),
        Status.STOPPED: _t("Dừng xử lý"),
        Status.RESULT_READY: _t("Đã có kết quả"),
        Status.RETURNED: _t("Đã trả kết quả"),
    }[status]


def timing_label(timing: str) -> str:
    """Where a file stands against its due date."""
    return {
        "paused": _t("Tạm dừng (chờ bổ sung)"),
        "on_track": _t("Trong hạn"),
        "due_today": _t("Đến hạn hôm nay"),
        "overdue": _t("Quá hạn"),
        "early": _t("Trước hạn"),
        "on_time": _t("Đúng hạn"),
        "late": _t("Quá hạn"),
        "closed": _t("Đã kết thúc"),
    }.get(timing, timing)


def error_message(code: str, fallback: str) -> str:
    """A Vietnamese sentence for a domain error code."""
    messages = {
        "invalid_personal_id": _t("Số định danh cá nhân không hợp lệ."),
        "invalid_qr_text": _t("Không đọc được mã QR trên thẻ căn cước."),
        "invalid_agency_code": _t("Mã cơ quan không đúng định dạng (ví dụ 000.17.22.H56 hoặc H55.242)."),
        "invalid_input": _t("Dữ liệu nhập chưa đúng."),
        "not_found": _t("Không tìm thấy."),
        "invalid_transition": _t("Không thể chuyển hồ sơ sang trạng thái này."),
        "extension_not_allowed": _t("Hồ sơ đã được gia hạn một lần hoặc không còn trong quá trình xử lý."),
        "not_initialised": _t("Chưa thiết lập cơ quan tiếp nhận."),
        "storage_unavailable": _t("Không ghi được dữ liệu (ổ đĩa đầy, tệp bị khóa hoặc hỏng)."),
        "permission_denied": _t("Tài khoản không có quyền thực hiện thao tác này."),
        "catalog_error": _t("Danh mục thủ tục không hợp lệ."),
        "calendar_error": _t("Lịch làm việc không hợp lệ."),
    }
    return messages.get(code, fallback)
