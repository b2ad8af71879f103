"""Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả: on A4 or A5, one or two copies (liên), and a compact
slip for 80 mm roll printers. Every receipt carries the file code as a Code 128 barcode and the signed
receipt code as a QR (:mod:`records.receipt_codes`).

:func:`receipt_data` builds the frozen data object from the records' views (a pure function);
:func:`layout_receipt` lays it out; :mod:`printing.render` paints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from printing.codes import barcode, barcode_length, qr_symbol
from printing.documents import ReceivedDocument, draw_documents_table
from printing.layout import Document, Flow, Run
from printing.parties import Issuer, Party, issuer, party
from printing.sections import (
    PAPER_STYLES,
    FormStyle,
    Letterhead,
    Signature,
    draw_letterhead,
    draw_roll_letterhead,
    draw_signatures,
    draw_title,
    file_metadata,
    label_value,
)
from printing.wording import (
    BLANK,
    CHANNELS,
    RETURN_METHODS,
    long_moment,
    money,
    processing_time,
    short_moment,
    two_digits,
)
from records.errors import InvalidInput
from records.files import FileDetail
from records.forms import FormKind, FormSet, FormSpec, check_form_fits
from records.procedures import ProcedureVersion
from records.services.settings import AgencyConfig

PaperName = Literal["a4", "a5", "80mm"]
PAPERS: tuple[PaperName, ...] = ("a4", "a5", "80mm")
COPY_LABELS = ("Liên 1: Giao người nộp hồ sơ", "Liên 2: Lưu tại Bộ phận tiếp nhận và trả kết quả")
QR_SIZE_MM = {"a4": 28.0, "a5": 26.0, "80mm": 30.0}
BARCODE_HEIGHT_MM = 9.0
QR_GAP_MM = 4.0
TABLE_PADDING_MM = {"a4": 1.2, "a5": 0.8, "80mm": 0.6}
INDENT_MM = 6.0


@dataclass(frozen=True)
class FeeLine:
    """A fee as the receipt states it (``amount`` ``None``: set by the province, not known here)."""

    name: str
    amount: int | None


@dataclass(frozen=True)
class ReceiptData:
    """Everything Mẫu 01 prints, as plain values."""

    form: FormSpec
    issuer: Issuer
    file_code: str
    qr_text: str
    submitter: Party
    owner: Party | None  # the file's owner when someone else submits it
    channel: str
    procedure_code: str
    procedure_name: str
    documents: tuple[ReceivedDocument, ...]
    sets: int
    processing_time: str
    received_at: datetime
    appointment: datetime
    return_method: str
    fees: tuple[FeeLine, ...]
    fee_total: int | None
    register_book: str  # "1/2026"
    register_entry: int
    clerk_name: str | None


def receipt_data(detail: FileDetail, agency: AgencyConfig, form_set: FormSet, qr_text: str) -> ReceiptData:
    """The receipt of a file (:class:`~records.errors.FormNotApplicable` when it was never accepted)."""
    check_form_fits(FormKind.RECEIPT, detail)
    appointment = detail.appointment
    assert appointment is not None  # check_form_fits refuses a file without one
    version = ProcedureVersion.from_json(detail.procedure_rule)
    owner = None if detail.owner.id == detail.submitter.id else party(detail.owner)
    return ReceiptData(
        form=form_set.form(FormKind.RECEIPT),
        issuer=issuer(agency),
        file_code=detail.code,
        qr_text=qr_text,
        submitter=party(detail.submitter),
        owner=owner,
        channel=CHANNELS[detail.channel],
        procedure_code=detail.summary.procedure_code,
        procedure_name=detail.summary.procedure_name,
        documents=tuple(
            ReceivedDocument(d.name, d.originals, d.certified_copies, d.photocopies) for d in detail.documents
        ),
        sets=detail.sets,
        processing_time=processing_time(version.processing_time),
        received_at=detail.accepted_at,
        appointment=appointment,
        return_method=RETURN_METHODS[detail.return_method],
        fees=tuple(FeeLine(f.name, f.amount) for f in detail.fees),
        fee_total=detail.fee_total,
        register_book=f"{detail.register_book}/{detail.register_year}",
        register_entry=detail.register_entry,
        clerk_name=detail.received_by_name,
    )


def fee_text(data: ReceiptData) -> str:
    """``Lệ phí …: 8.000 đồng``, several joined, or ``Không thu`` when the procedure has none."""
    if not data.fees:
        return "Không thu"
    parts = []
    for fee in data.fees:
        if fee.amount is None:
            amount = "theo mức thu do Hội đồng nhân dân tỉnh quy định"
        elif fee.amount == 0:
            amount = "miễn thu"
        else:
            amount = money(fee.amount)
        parts.append(f"{fee.name}: {amount}")
    text = "; ".join(parts)
    if len(data.fees) > 1 and data.fee_total:
        text += f". Tổng cộng: {money(data.fee_total)}"
    return text


def layout_receipt(data: ReceiptData, paper: str = "a4", copies: int = 1) -> Document:
    """The receipt laid out on ``paper`` (``a4``, ``a5`` or ``80mm``), ``copies`` (1 or 2) copies."""
    if paper not in PAPER_STYLES:
        raise InvalidInput(f"unknown paper {paper!r}; one of: {', '.join(PAPERS)}", field="paper")
    if copies not in (1, 2):
        raise InvalidInput("a receipt is printed in 1 or 2 copies (liên)", field="copies")
    style = PAPER_STYLES[paper]
    flow = Flow(
        style.paper,
        file_metadata(data.form, data.issuer, data.file_code, data.procedure_name),
    )
    for copy in range(copies):
        if copy:
            flow.new_page()
        label = COPY_LABELS[copy] if copies == 2 else None
        if paper == "80mm":
            _draw_slip(flow, data, style, label)
        else:
            _draw_sheet(flow, data, style, label)
    return flow.finish()


# -- A4 / A5 -----------------------------------------------------------------------------------------------


def _draw_sheet(flow: Flow, data: ReceiptData, style: FormStyle, copy_label: str | None) -> None:
    draw_letterhead(flow, _letterhead(data, copy_label), style)
    draw_title(flow, data.form.title, style)
    qr_bottom = _draw_codes(flow, data, style)
    _draw_parties(flow, data, style, qr_bottom)
    _draw_documents(flow, data, style)
    _draw_terms(flow, data, style)
    draw_signatures(
        flow,
        [
            Signature("NGƯỜI NỘP HỒ SƠ", name=data.submitter.name),
            Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=data.clerk_name),
        ],
        style,
    )


def _letterhead(data: ReceiptData, copy_label: str | None) -> Letterhead:
    return Letterhead.of(data.issuer, data.form, data.received_at, copy_label=copy_label)


def _draw_codes(flow: Flow, data: ReceiptData, style: FormStyle) -> float:
    """The file code over its barcode; the signed QR in the right margin, level with the code where the
    barcode leaves room (A4) or just under it (A5). Returns the QR's bottom edge: text beside the QR is
    narrowed until then."""
    size = QR_SIZE_MM[style.paper.name]
    beside = flow.width - size - QR_GAP_MM
    top = flow.y
    flow.paragraph(label_value("Mã hồ sơ:", data.file_code), style.body)
    flow.add(barcode(data.file_code, flow.left, flow.y + 1.0, BARCODE_HEIGHT_MM))
    qr_top = top if barcode_length(data.file_code) <= beside else flow.y + BARCODE_HEIGHT_MM + 2.0
    flow.add(qr_symbol(data.qr_text, flow.right - size, qr_top, size))
    flow.y += BARCODE_HEIGHT_MM + 2.0
    if qr_top == top:  # the caption fits beside the QR; on A5 the QR speaks for itself
        caption = style.small.with_(role="italic")
        flow.paragraph("Quét mã QR để kiểm tra giấy hẹn và tra cứu hồ sơ.", caption, width=beside)
    flow.space(style.paragraph_gap * 2)
    return qr_top + size + 1.0


def _draw_parties(flow: Flow, data: ReceiptData, style: FormStyle, qr_bottom: float) -> None:
    def width() -> float:
        return flow.width - QR_SIZE_MM[style.paper.name] - QR_GAP_MM if flow.y < qr_bottom else flow.width

    body = style.body
    submitter = data.submitter
    flow.paragraph(
        [(f"{data.issuer.unit_name} tiếp nhận hồ sơ của: ", "regular"), (submitter.addressed, "bold")],
        body,
        width=width(),
        indent=INDENT_MM,
    )
    _draw_identity(flow, submitter, style, width)
    if data.owner is not None:
        flow.paragraph(
            [("Chủ hồ sơ (người được nộp thay): ", "regular"), (data.owner.addressed, "bold")],
            body,
            width=width(),
            indent=INDENT_MM,
        )
        _draw_identity(flow, data.owner, style, width)
    flow.paragraph(label_value("Hình thức nộp hồ sơ:", data.channel), body, width=width(), indent=INDENT_MM)
    flow.paragraph(
        [
            ("Nội dung yêu cầu giải quyết: ", "regular"),
            (data.procedure_name, "bold"),
            (f" (mã thủ tục {data.procedure_code})", "regular"),
        ],
        body,
        width=width(),
        indent=INDENT_MM,
    )
    flow.y = max(flow.y, qr_bottom)


def _draw_identity(flow: Flow, who: Party, style: FormStyle, width: Callable[[], float]) -> None:
    body = style.body
    first: list[Run] = [*label_value(f"{who.id_label}:", who.id_number or BLANK)]
    first += [("   ", "regular"), *label_value("Điện thoại:", who.phone or BLANK)]
    if who.email:
        first += [("   ", "regular"), *label_value("Email:", who.email)]
    flow.paragraph(first, body, width=width(), indent=INDENT_MM)
    flow.paragraph(label_value("Địa chỉ:", who.address or BLANK), body, width=width(), indent=INDENT_MM)


def _draw_documents(flow: Flow, data: ReceiptData, style: FormStyle) -> None:
    flow.space(style.paragraph_gap)
    flow.paragraph("1. Thành phần hồ sơ nộp gồm:", style.body)
    flow.space(1.0)
    draw_documents_table(
        flow,
        data.documents,
        style.table,
        heading="Tên giấy tờ",
        empty_row=["", "(không có giấy tờ kèm theo)", "", "", ""],
        count_width={"a4": 21.0, "a5": 18.0}[style.paper.name],
        padding=TABLE_PADDING_MM[style.paper.name],
    )
    flow.space(style.paragraph_gap * 2)


def _draw_terms(flow: Flow, data: ReceiptData, style: FormStyle) -> None:
    body = style.body
    items: list[list[Run]] = [
        label_value("2. Số lượng hồ sơ:", f"{two_digits(data.sets)} (bộ)"),
        label_value("3. Thời gian giải quyết hồ sơ theo quy định là:", data.processing_time),
        label_value("4. Thời gian nhận hồ sơ:", long_moment(data.received_at)),
        label_value("5. Thời gian trả kết quả giải quyết hồ sơ:", long_moment(data.appointment)),
        label_value("6. Đăng ký nhận kết quả:", data.return_method),
        label_value("7. Phí, lệ phí:", fee_text(data)),
    ]
    for runs in items:
        flow.paragraph(runs, body, indent=5.0)
        flow.space(style.paragraph_gap)
    flow.paragraph(
        [
            ("Vào Sổ theo dõi hồ sơ, Quyển số: ", "regular"),
            (data.register_book, "bold"),
            (", Số thứ tự: ", "regular"),
            (str(data.register_entry), "bold"),
        ],
        body,
    )


# -- 80 mm slip --------------------------------------------------------------------------------------------


def _draw_slip(flow: Flow, data: ReceiptData, style: FormStyle, copy_label: str | None) -> None:
    body = style.body
    centre = body.with_(align="center")
    draw_roll_letterhead(flow, _letterhead(data, copy_label), style)
    flow.paragraph(data.form.title, style.title)
    flow.paragraph(
        f"({data.form.label}{' · ' + copy_label if copy_label else ''})",
        style.small.with_(align="center", role="italic"),
    )
    flow.space(1.5)
    flow.paragraph("Mã hồ sơ", centre)
    flow.paragraph(data.file_code, centre.with_(role="bold", size=body.size + 1.5))
    flow.space(1.5)
    lines: list[list[Run]] = [
        label_value("Người nộp:", data.submitter.addressed),
        label_value(f"{data.submitter.id_label}:", data.submitter.id_number or "……"),
    ]
    if data.owner is not None:
        lines.append(label_value("Chủ hồ sơ:", data.owner.addressed))
    lines += [
        label_value("Thủ tục:", f"{data.procedure_name} ({data.procedure_code})"),
        label_value("Giấy tờ nộp:", f"{len(data.documents)} loại, {two_digits(data.sets)} bộ"),
        label_value("Nhận lúc:", short_moment(data.received_at)),
        label_value("Hẹn trả:", long_moment(data.appointment)),
        label_value("Nhận kết quả:", data.return_method),
        label_value("Phí, lệ phí:", fee_text(data)),
        label_value("Sổ theo dõi:", f"quyển {data.register_book}, số {data.register_entry}"),
        label_value("Người tiếp nhận:", data.clerk_name or "……"),
    ]
    for runs in lines:
        flow.paragraph(runs, body, indent=3.0)
    flow.space(3.0)
    _draw_slip_codes(flow, data, style)


def _draw_slip_codes(flow: Flow, data: ReceiptData, style: FormStyle) -> None:
    """The barcode turned a quarter along the roll's length, the QR beside it: at two printer dots per bar
    the file code's barcode is longer than the roll is wide."""
    size = QR_SIZE_MM["80mm"]
    bar_height = 12.0
    length = barcode_length(data.file_code)
    top = flow.y
    flow.add(barcode(data.file_code, flow.left, top, bar_height, rotated=True))
    x = flow.left + bar_height + 6.0
    width = flow.right - x
    flow.add(qr_symbol(data.qr_text, x + (width - size) / 2, top + 3.0, size))
    caption = style.small.with_(role="italic", align="center")
    flow.text_block(
        "Quét mã QR để kiểm tra giấy hẹn. Xuất trình giấy hẹn này khi nhận kết quả.",
        caption,
        x,
        top + size + 6.0,
        width,
    )
    flow.y = top + length
