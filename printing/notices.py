"""The notices a file may need after (or instead of) its receipt: Mẫu 02 supplement request, Mẫu 03
refusal, Mẫu 04 apology with the new appointment, and the stop notice of TT 03/2025.

:func:`notice_data` builds the frozen data object from a file (refusing a notice that does not fit the
file's state); :func:`layout_notice` lays it out on A4.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printing.documents import ReceivedDocument, draw_documents_table
from printing.layout import Document, Flow, Run
from printing.parties import Issuer, Party, issuer, party
from printing.sections import (
    STYLE_A4,
    FormStyle,
    Letterhead,
    Signature,
    draw_letterhead,
    draw_signatures,
    draw_title,
    file_metadata,
    label_value,
)
from printing.wording import BLANK, date_words, long_moment
from records.errors import InvalidInput
from records.files import FileDetail
from records.forms import FormKind, FormSet, FormSpec, check_form_fits, extension_event, last_event_into
from records.procedures import ProcedureVersion
from records.services.settings import AgencyConfig
from records.text import fold
from records.workflow import Status

HEAD_SIGNATURE_MM = 48.0  # the recipients list and the head's signature block, kept on one page
NOTICE_KINDS = (FormKind.SUPPLEMENT, FormKind.REFUSAL, FormKind.APOLOGY, FormKind.STOP)
_STATUS_OF_KIND = {
    FormKind.SUPPLEMENT: (Status.SUPPLEMENT_REQUESTED,),
    FormKind.REFUSAL: (Status.REFUSED,),
    FormKind.STOP: (Status.WITHDRAWN, Status.STOPPED),
}


@dataclass(frozen=True)
class NoticeData:
    """What a notice prints, as plain values."""

    kind: FormKind
    form: FormSpec
    issuer: Issuer
    file_code: str
    applicant: Party  # who submitted the file (and receives the notice at the counter)
    owner: Party  # the file's owner (the letters are addressed to them)
    procedure_code: str
    procedure_name: str
    received_at: datetime
    appointment: datetime | None  # the appointment of the receipt
    new_appointment: datetime | None  # the apology's new date
    decided_at: datetime  # when the supplement was asked, the file refused, stopped or extended
    reason: str | None
    officer_name: str | None  # who recorded it
    withdrawn: bool  # the applicant asked to stop (rather than the agency stopping it)
    to_supplement: tuple[ReceivedDocument, ...]


def notice_data(kind: FormKind, detail: FileDetail, agency: AgencyConfig, form_set: FormSet) -> NoticeData:
    """The notice of ``kind`` for a file (:class:`~records.errors.FormNotApplicable` when it does not fit
    the file's state or the agency's form set has no such form)."""
    if kind not in NOTICE_KINDS:
        raise InvalidInput(f"{kind.value} is not a notice", field="kind")
    form = form_set.form(kind)
    check_form_fits(kind, detail)
    if kind is FormKind.APOLOGY:
        event = extension_event(detail)
    else:
        event = None
        for status in _STATUS_OF_KIND[kind]:
            event = event or last_event_into(detail, status)
    assert event is not None  # check_form_fits saw the file in this state
    return NoticeData(
        kind=kind,
        form=form,
        issuer=issuer(agency),
        file_code=detail.code,
        applicant=party(detail.submitter),
        owner=party(detail.owner),
        procedure_code=detail.summary.procedure_code,
        procedure_name=detail.summary.procedure_name,
        received_at=detail.summary.received_at,
        appointment=event.due_before if kind is FormKind.APOLOGY else detail.appointment,
        new_appointment=event.due_after if kind is FormKind.APOLOGY else None,
        decided_at=event.at,
        reason=event.note,
        officer_name=event.user_full_name,
        withdrawn=detail.status is Status.WITHDRAWN,
        to_supplement=_missing_documents(detail) if kind is FormKind.SUPPLEMENT else (),
    )


def _missing_documents(detail: FileDetail) -> tuple[ReceivedDocument, ...]:
    """The mandatory documents of the file's rule version that were not received (by code, else by name)."""
    version = ProcedureVersion.from_json(detail.procedure_rule)
    codes = {d.code for d in detail.documents if d.code}
    names = {fold(d.name) for d in detail.documents}
    return tuple(
        ReceivedDocument(r.name, r.originals, r.certified_copies, r.photocopies)
        for r in version.documents
        if r.mandatory and not (r.code and r.code in codes) and fold(r.name) not in names
    )


def layout_notice(data: NoticeData) -> Document:
    """The notice laid out on A4."""
    style = STYLE_A4
    flow = Flow(
        style.paper,
        file_metadata(data.form, data.issuer, data.file_code, data.procedure_name),
    )
    letter = data.kind in (FormKind.APOLOGY, FormKind.STOP)
    draw_letterhead(
        flow,
        Letterhead.of(data.issuer, data.form, data.decided_at, numbered=letter),
        style,
    )
    draw_title(flow, data.form.title, style)
    {
        FormKind.SUPPLEMENT: _draw_supplement,
        FormKind.REFUSAL: _draw_refusal,
        FormKind.APOLOGY: _draw_apology,
        FormKind.STOP: _draw_stop,
    }[data.kind](flow, data, style)
    return flow.finish()


def _say(flow: Flow, runs: list[Run] | str, style: FormStyle, indent_first: bool = True) -> None:
    """A body paragraph, first line indented as Vietnamese administrative letters are."""
    if isinstance(runs, str):
        runs = [(runs, "regular")]
    lead: list[Run] = [("\u2003\u2003", "regular")] if indent_first else []
    flow.paragraph(lead + runs, style.body)
    flow.space(style.paragraph_gap)


def _draw_file_facts(flow: Flow, data: NoticeData, style: FormStyle, opening: str) -> None:
    who = data.applicant
    flow.paragraph([(opening, "regular"), (who.addressed, "bold")], style.body, indent=6.0)
    flow.paragraph(label_value(f"{who.id_label}:", who.id_number or BLANK), style.body, indent=6.0)
    flow.paragraph(label_value("Địa chỉ:", who.address or BLANK), style.body, indent=6.0)
    flow.paragraph(label_value("Số điện thoại:", who.phone or BLANK), style.body, indent=6.0)
    if data.owner.name != who.name or data.owner.id_number != who.id_number:
        flow.paragraph(label_value("Chủ hồ sơ:", data.owner.addressed), style.body, indent=6.0)
    flow.paragraph(
        [("Nội dung yêu cầu giải quyết: ", "regular"), (data.procedure_name, "bold")], style.body, indent=6.0
    )
    flow.paragraph(label_value("Mã hồ sơ:", data.file_code), style.body, indent=6.0)
    flow.paragraph(label_value("Thời gian tiếp nhận:", long_moment(data.received_at)), style.body, indent=6.0)
    flow.space(style.paragraph_gap * 2)


def _you(who: Party) -> str:
    """How a letter addresses its reader: Ông, Bà, Ông/Bà, or an organisation."""
    return who.honorific or "Quý cơ quan, tổ chức"


def _draw_supplement(flow: Flow, data: NoticeData, style: FormStyle) -> None:
    you = _you(data.applicant)
    _draw_file_facts(flow, data, style, "Hồ sơ của: ")
    _say(
        flow,
        f"Sau khi xem xét thành phần hồ sơ, {data.issuer.unit_name} đề nghị {you} "
        "bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        style,
    )
    draw_documents_table(
        flow,
        data.to_supplement,
        style.table,
        heading="Giấy tờ, nội dung cần bổ sung, hoàn thiện",
        empty_row=["1", "Theo lý do nêu dưới đây", "", "", ""],
    )
    flow.space(style.paragraph_gap * 2)
    _say(flow, label_value("Lý do:", data.reason or BLANK), style)
    _say(
        flow,
        "Thời hạn giải quyết hồ sơ được tính lại từ khi nhận đủ hồ sơ đã bổ sung, hoàn thiện.",
        style,
    )
    contact = data.officer_name or BLANK
    _say(
        flow,
        f"Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, {you} "
        f"liên hệ với {contact} để được hướng dẫn./.",
        style,
    )
    draw_signatures(
        flow,
        [
            Signature("NGƯỜI NỘP HỒ SƠ", name=data.applicant.name),
            Signature("NGƯỜI HƯỚNG DẪN", name=data.officer_name),
        ],
        style,
    )


def _draw_refusal(flow: Flow, data: NoticeData, style: FormStyle) -> None:
    unit = data.issuer.unit_name
    _draw_file_facts(flow, data, style, f"{data.issuer.unit_name} tiếp nhận hồ sơ của: ")
    _say(
        flow,
        f"Sau khi xem xét, đối chiếu thành phần hồ sơ với quy định hiện hành, {unit} từ chối "
        "tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
        style,
    )
    _say(flow, [(data.reason or BLANK, "bold")], style)
    _say(
        flow,
        f"Xin thông báo để {_you(data.applicant)} được biết và thực hiện./.",
        style,
    )
    draw_signatures(
        flow,
        [
            Signature("NGƯỜI NỘP HỒ SƠ", name=data.applicant.name),
            Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=data.officer_name),
        ],
        style,
    )


def _draw_addressee(flow: Flow, data: NoticeData, style: FormStyle) -> None:
    flow.paragraph(
        [("Kính gửi: ", "regular"), (f"{data.owner.addressed}.", "bold")], style.body.with_(align="center")
    )
    flow.space(style.paragraph_gap * 3)


def _draw_apology(flow: Flow, data: NoticeData, style: FormStyle) -> None:
    unit = data.issuer.unit_name
    you = _you(data.owner)
    _draw_addressee(flow, data, style)
    _say(
        flow,
        [
            (
                f"Ngày {date_words(data.received_at)}, {unit} tiếp nhận hồ sơ đề nghị giải quyết thủ tục ",
                "regular",
            ),
            (data.procedure_name, "bold"),
            (f" của {you}; mã hồ sơ: ", "regular"),
            (data.file_code, "bold"),
            (".", "regular"),
        ],
        style,
    )
    _say(
        flow,
        [
            (
                "Thời hạn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là: ",
                "regular",
            ),
            (long_moment(data.appointment), "bold"),
            (".", "regular"),
        ],
        style,
    )
    _say(
        flow,
        [
            (
                f"Tuy nhiên, đến nay {unit} chưa trả kết quả giải quyết hồ sơ cho {you} đúng hẹn. Lý do: ",
                "regular",
            ),
            (data.reason or BLANK, "bold"),
            (".", "regular") if data.reason and not data.reason.endswith(".") else ("", "regular"),
        ],
        style,
    )
    if data.form.variant == "extension":
        promise = (
            f"{unit} thành thật xin lỗi {you} vì sự chậm trễ này và đề nghị {you} đồng ý gia hạn thời gian "
            "giải quyết hồ sơ; kết quả giải quyết hồ sơ sẽ được trả vào: "
        )
    else:
        promise = (
            f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của {you}. {unit} xin lỗi {you} và "
            "hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: "
        )
    _say(flow, [(promise, "regular"), (long_moment(data.new_appointment), "bold"), (".", "regular")], style)
    _say(flow, f"{unit} xin trân trọng cảm ơn sự hợp tác của {you}./.", style)
    _draw_head_signature(flow, style)


def _draw_stop(flow: Flow, data: NoticeData, style: FormStyle) -> None:
    unit = data.issuer.unit_name
    you = _you(data.owner)
    _draw_addressee(flow, data, style)
    _say(
        flow,
        [
            (f"{unit} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục ", "regular"),
            (data.procedure_name, "bold"),
            (f" của {you}; mã hồ sơ: ", "regular"),
            (data.file_code, "bold"),
            (f"; thời gian tiếp nhận: {long_moment(data.received_at)}.", "regular"),
        ],
        style,
    )
    if data.withdrawn:
        _say(
            flow,
            f"Ngày {date_words(data.decided_at)}, {you} đã đề nghị dừng giải quyết (rút) hồ sơ nêu trên.",
            style,
        )
    _say(
        flow,
        [
            (f"{unit} thông báo dừng giải quyết hồ sơ nêu trên kể từ ", "regular"),
            (long_moment(data.decided_at), "bold"),
            (".", "regular"),
        ],
        style,
    )
    _say(flow, label_value("Lý do:", data.reason or BLANK), style)
    _say(
        flow,
        f"{you} liên hệ {unit} để nhận lại giấy tờ đã nộp (nếu có). Xin thông báo để {you} được biết./.",
        style,
    )
    _draw_head_signature(flow, style)


def _draw_head_signature(flow: Flow, style: FormStyle) -> None:
    """The head of the unit signs letters; the recipients list sits on the left."""
    flow.ensure(HEAD_SIGNATURE_MM)
    top = flow.y + style.paragraph_gap * 3
    small = style.small
    flow.text_block([("Nơi nhận:", "bolditalic")], small, flow.left, top, flow.width / 2)
    flow.text_block("- Như trên;\n- Lưu: VT, hồ sơ.", small, flow.left, top + small.line_mm, flow.width / 2)
    draw_signatures(
        flow,
        [
            Signature("", hint=""),
            Signature("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", hint="(Ký, ghi rõ họ tên và đóng dấu)"),
        ],
        style,
    )
