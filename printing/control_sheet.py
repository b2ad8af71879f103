"""Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of TT 01/2018, Mẫu 06 of TT 03/2025): the sheet that
travels with the file, one block per hand-over — who gave it to whom, when, and whether the step was
early, on time or late (Trước hạn / Đúng hạn / Quá hạn).

The hand-overs recorded in the file's history are printed; empty blocks follow for the hand-overs still to
come, to be filled in by hand as the paper moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printing.layout import Column, Document, Flow
from printing.parties import Issuer, Party, issuer, party
from printing.sections import STYLE_A4, Letterhead, draw_letterhead, draw_title, file_metadata, label_value
from printing.wording import BLANK, long_moment
from records.calendar import ON_TIME_LABELS_VI, classify_completion
from records.files import EventView, FileDetail
from records.forms import FormKind, FormSet, FormSpec, check_form_fits
from records.services.settings import AgencyConfig
from records.workflow import Status

COUNTER = "Bộ phận tiếp nhận và trả kết quả"
PROCESSING = "Bộ phận chuyên môn giải quyết hồ sơ"
APPLICANT = "Tổ chức, cá nhân"
# Who holds the file in each status.
HOLDER = {
    Status.RECEIVED: COUNTER,
    Status.IN_PROGRESS: PROCESSING,
    Status.SUPPLEMENT_REQUESTED: APPLICANT,
    Status.AWAITING_PAYMENT: APPLICANT,
    Status.RESULT_READY: COUNTER,
    Status.RETURNED: APPLICANT,
    Status.REFUSED: APPLICANT,
    Status.WITHDRAWN: APPLICANT,
    Status.STOPPED: APPLICANT,
}
WHAT_HAPPENED = {
    Status.RECEIVED: "Nhận hồ sơ đã bổ sung",
    Status.IN_PROGRESS: "Chuyển giải quyết",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    Status.AWAITING_PAYMENT: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.RESULT_READY: "Chuyển kết quả giải quyết",
    Status.RETURNED: "Trả kết quả",
    Status.REFUSED: "Từ chối giải quyết",
    Status.WITHDRAWN: "Rút hồ sơ theo đề nghị",
    Status.STOPPED: "Dừng giải quyết",
}
MIN_BLOCKS = 4
# Em spaces keep the two captions apart (the line breaker collapses ordinary spaces).
SIGNERS = "Người giao" + "\u2003" * 4 + "Người nhận"


@dataclass(frozen=True)
class HandOver:
    """One hand-over of the file between units."""

    giver: str
    receiver: str
    at: datetime
    timing: str | None  # Trước hạn / Đúng hạn / Quá hạn; none while the clock is stopped
    note: str


@dataclass(frozen=True)
class ControlSheetData:
    """What the control sheet prints."""

    form: FormSpec
    issuer: Issuer
    file_code: str
    applicant: Party
    procedure_name: str
    received_at: datetime
    appointment: datetime | None
    due_at: datetime | None  # the current due date (after an extension)
    hand_overs: tuple[HandOver, ...]


def control_sheet_data(detail: FileDetail, agency: AgencyConfig, form_set: FormSet) -> ControlSheetData:
    """The control sheet of a file (:class:`~records.errors.FormNotApplicable` for a file never accepted)."""
    form = form_set.form(FormKind.CONTROL)
    check_form_fits(FormKind.CONTROL, detail)
    return ControlSheetData(
        form=form,
        issuer=issuer(agency),
        file_code=detail.code,
        applicant=party(detail.submitter),
        procedure_name=detail.summary.procedure_name,
        received_at=detail.accepted_at,
        appointment=detail.appointment,
        due_at=detail.summary.due_at,
        hand_overs=tuple(h for e in detail.events if (h := hand_over(e)) is not None),
    )


def hand_over(event: EventView) -> HandOver | None:
    """The hand-over a status change amounts to (none for the registration or an extension)."""
    if event.kind != "status_changed" or event.from_status is None or event.to_status is None:
        return None
    giver, receiver = HOLDER[event.from_status], HOLDER[event.to_status]
    if giver == receiver == COUNTER:  # accepted at once after a supplement: the counter keeps the file
        receiver = PROCESSING if event.to_status is Status.IN_PROGRESS else COUNTER
    # Handing the result to the citizen says nothing about the agency's timeliness (settled when the
    # result was ready): the citizen may come days later.
    timing = None
    if event.due_before is not None and event.to_status is not Status.RETURNED:
        timing = ON_TIME_LABELS_VI[classify_completion(event.at, event.due_before)]
    note = WHAT_HAPPENED[event.to_status]
    if event.note:
        note += f": {event.note}"
    if event.user_full_name:
        note += f" (ghi nhận: {event.user_full_name})"
    return HandOver(giver, receiver, event.at, timing, note)


def layout_control_sheet(data: ControlSheetData) -> Document:
    """The control sheet on A4."""
    style = STYLE_A4
    flow = Flow(
        style.paper,
        file_metadata(data.form, data.issuer, data.file_code, data.procedure_name),
    )
    draw_letterhead(
        flow,
        Letterhead.of(data.issuer, data.form, data.received_at),
        style,
    )
    draw_title(flow, data.form.title, style)
    body = style.body
    for runs in (
        label_value("Mã hồ sơ:", data.file_code),
        label_value("Người nộp hồ sơ:", data.applicant.addressed),
        label_value("Nội dung yêu cầu giải quyết:", data.procedure_name),
        label_value("Thời gian nhận hồ sơ:", long_moment(data.received_at)),
        label_value("Thời gian hẹn trả kết quả:", long_moment(data.appointment)),
    ):
        flow.paragraph(runs, body, indent=6.0)
    if data.due_at and data.appointment and data.due_at != data.appointment:
        flow.paragraph(label_value("Gia hạn đến:", long_moment(data.due_at)), body, indent=6.0)
    flow.paragraph(label_value("Cơ quan (bộ phận) giải quyết hồ sơ:", PROCESSING), body, indent=6.0)
    flow.paragraph(label_value("Cơ quan phối hợp giải quyết hồ sơ:", BLANK), body, indent=6.0)
    flow.space(style.paragraph_gap * 3)
    rows = [
        [
            f"1. Giao: {h.giver}\n2. Nhận: {h.receiver}",
            f"{long_moment(h.at)}\n\n{SIGNERS}",
            h.timing or "",
            h.note,
        ]
        for h in data.hand_overs
    ]
    blank = [
        "1. Giao: ……………………\n2. Nhận: ……………………",
        f"{long_moment(None)}\n\n{SIGNERS}",
        "",
        "",
    ]
    rows += [blank] * max(MIN_BLOCKS - len(rows), 1)
    flow.table(
        [Column(45.0), Column(54.0, "center"), Column(30.0, "center"), Column(flow.width - 129.0)],
        [
            "TÊN CƠ QUAN, BỘ PHẬN",
            "THỜI GIAN GIAO, NHẬN HỒ SƠ",
            "KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/ Đúng hạn/ Quá hạn)",
            "GHI CHÚ",
        ],
        rows,
        style.table,
        min_row=30.0,
    )
    return flow.finish()
