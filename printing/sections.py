"""What every form shares: the typography of each paper, the letterhead (issuing unit on the left, the
national title and motto on the right, then place and date), the title, and the signature blocks.

Each ``draw_*`` helper places one section with a :class:`~printing.layout.Flow`; sizes come from the
paper's :class:`FormStyle`, so no form module carries its own coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from printing.layout import (
    A4,
    A4_LANDSCAPE,
    A5,
    PT,
    ROLL_80,
    Flow,
    Line,
    Metadata,
    Paper,
    Run,
    Style,
    Text,
    wrap,
)
from printing.parties import Issuer
from printing.wording import place_and_date
from records.forms import FormSpec

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class FormStyle:
    """The typography and block sizes of the forms on one paper (NĐ 30/2020: national title 12–13 pt bold
    capitals, motto 13–14 pt bold, body 13–14 pt; slips and tables smaller)."""

    paper: Paper
    national: Style
    motto: Style
    unit: Style
    title: Style
    body: Style
    small: Style
    table: Style
    left_share: float  # the issuing unit's share of the letterhead width
    signature_space: float  # room for a handwritten signature, mm
    paragraph_gap: float  # mm between numbered items

    @property
    def italic(self) -> Style:
        """The body in italics (the date line, hints)."""
        return self.body.with_(role="italic")

    @property
    def bold(self) -> Style:
        """The body in bold."""
        return self.body.with_(role="bold")


STYLE_A4 = FormStyle(
    paper=A4,
    national=Style(12, "bold", "center"),
    motto=Style(13, "bold", "center"),
    unit=Style(12, "regular", "center"),
    title=Style(14, "bold", "center"),
    body=Style(13, leading=16),
    small=Style(10.5),
    table=Style(11, leading=13),
    left_share=0.45,
    signature_space=18.0,
    paragraph_gap=0.9,
)
STYLE_A5 = FormStyle(
    paper=A5,
    national=Style(9.5, "bold", "center"),
    motto=Style(10, "bold", "center"),
    unit=Style(9.5, "regular", "center"),
    title=Style(11.5, "bold", "center"),
    body=Style(10, leading=12),
    small=Style(8.5),
    table=Style(9, leading=10.5),
    left_share=0.42,
    signature_space=11.0,
    paragraph_gap=0.4,
)
STYLE_ROLL = FormStyle(
    paper=ROLL_80,
    national=Style(8, "bold", "center"),
    motto=Style(8.5, "bold", "center"),
    unit=Style(8.5, "regular", "center"),
    title=Style(10, "bold", "center"),
    body=Style(9, leading=11),
    small=Style(7.5),
    table=Style(8, leading=9.5),
    left_share=1.0,
    signature_space=11.0,
    paragraph_gap=0.4,
)
STYLE_REGISTER = FormStyle(
    paper=A4_LANDSCAPE,
    national=Style(11, "bold", "center"),
    motto=Style(12, "bold", "center"),
    unit=Style(11, "regular", "center"),
    title=Style(14, "bold", "center"),
    body=Style(11, leading=14),
    small=Style(9),
    table=Style(8.5, leading=10),
    left_share=0.40,
    signature_space=20.0,
    paragraph_gap=1.0,
)
PAPER_STYLES = {"a4": STYLE_A4, "a5": STYLE_A5, "80mm": STYLE_ROLL}


@dataclass(frozen=True)
class Letterhead:
    """The head of a form: who issues it, where and when, and the form's number."""

    parent_name: str | None
    unit_name: str
    place: str | None
    day: date | datetime | None
    form_label: str  # "Mẫu số 01"
    numbered: bool = False  # letters carry "Số: …/…" under the unit
    copy_label: str | None = None  # "Liên 1: Giao người nộp hồ sơ"

    @classmethod
    def of(
        cls,
        issuer: Issuer,
        form: FormSpec,
        day: date | datetime | None,
        *,
        numbered: bool = False,
        copy_label: str | None = None,
    ) -> Letterhead:
        """The letterhead of ``form`` issued by ``issuer`` on ``day``."""
        return cls(issuer.parent_name, issuer.unit_name, issuer.place, day, form.label, numbered, copy_label)


def file_metadata(form: FormSpec, issuer: Issuer, file_code: str, procedure_name: str) -> Metadata:
    """What the PDF of one file's form says about itself (title, author, subject, keywords)."""
    return Metadata(
        title=f"{form.title.capitalize()} {file_code}",
        author=issuer.unit_name,
        subject=f"{form.label}: {procedure_name}",
        keywords=(file_code, issuer.agency_code, f"workstation {issuer.workstation}"),
    )


def draw_letterhead(flow: Flow, head: Letterhead, style: FormStyle) -> None:
    """The two-column letterhead, the form number in the top corner, and the date line."""
    corner = style.small.with_(role="italic")
    labels = [head.form_label] + ([head.copy_label] if head.copy_label else [])
    flow.text_block(
        " · ".join(labels), corner.with_(align="right"), flow.left, flow.y - corner.line_mm, flow.width
    )
    top = flow.y
    left_width = flow.width * style.left_share
    right_width = flow.width - left_width
    left_used = 0.0
    if head.parent_name:
        left_used += flow.text_block(head.parent_name.upper(), style.unit, flow.left, top, left_width)
    left_used += flow.text_block(
        head.unit_name.upper(), style.unit.with_(role="bold"), flow.left, top + left_used, left_width
    )
    rule_y = top + left_used + 0.8
    centre = flow.left + left_width / 2
    flow.add(Line(centre - left_width * 0.18, rule_y, centre + left_width * 0.18, rule_y, 0.6))
    left_used += 1.5
    if head.numbered:
        left_used += (
            flow.text_block("Số: ……/……", style.unit, flow.left, top + left_used + 1.0, left_width) + 1.0
        )
    x_right = flow.left + left_width
    right_used = flow.text_block(NATIONAL_TITLE, style.national, x_right, top, right_width)
    motto_top = top + right_used
    right_used += flow.text_block(MOTTO, style.motto, x_right, motto_top, right_width)
    _underline_centered(flow, MOTTO, style.motto, x_right + right_width / 2, top + right_used + 0.3)
    right_used += 2.0
    right_used += flow.text_block(
        place_and_date(head.place, head.day),
        style.italic.with_(align="center"),
        x_right,
        top + right_used,
        right_width,
    )
    flow.y = top + max(left_used, right_used) + style.paragraph_gap * 3


def draw_roll_letterhead(flow: Flow, head: Letterhead, style: FormStyle) -> None:
    """The letterhead of a narrow slip: everything centred, one column."""
    if head.parent_name:
        flow.paragraph(head.parent_name.upper(), style.unit)
    flow.paragraph(head.unit_name.upper(), style.unit.with_(role="bold"))
    flow.space(1.0)
    flow.paragraph(NATIONAL_TITLE, style.national)
    flow.paragraph(MOTTO, style.motto)
    _underline_centered(flow, MOTTO, style.motto, flow.left + flow.width / 2, flow.y + 0.3)
    flow.space(1.5)


def _underline_centered(flow: Flow, text: str, style: Style, centre: float, y: float) -> None:
    from printing.fonts import text_width

    half = text_width(text, style.role, style.size) * PT / 2
    flow.add(Line(centre - half, y, centre + half, y, 0.6))


def draw_title(flow: Flow, title: str, style: FormStyle, subtitle: str | None = None) -> None:
    """The form's title, centred, with an optional italic line under it."""
    flow.space(style.paragraph_gap * 2)
    flow.paragraph(title, style.title)
    if subtitle:
        flow.paragraph(subtitle, style.italic.with_(align="center"))
    flow.space(style.paragraph_gap * 3)


@dataclass(frozen=True)
class Signature:
    """A signature block: who signs, the hint under it, and the name printed under the space."""

    title: str
    hint: str = "(Ký và ghi rõ họ tên)"
    name: str | None = None


def draw_signatures(flow: Flow, blocks: Sequence[Signature], style: FormStyle) -> None:
    """Signature blocks side by side (kept together on one page)."""
    if not blocks:
        return
    head = style.body.with_(role="bold", align="center")
    hint = style.italic.with_(align="center", size=style.body.size - 1)
    width = flow.width / len(blocks)

    def lines(text: str | None, st: Style) -> float:
        return len(wrap(text, st, width)) * st.line_mm if text else 0.0

    height = max(
        lines(b.title, head) + lines(b.hint, hint) + style.signature_space + lines(b.name, head)
        for b in blocks
    )
    flow.space(style.paragraph_gap * 3)
    flow.ensure(height)
    top = flow.y
    for index, block in enumerate(blocks):
        x = flow.left + index * width
        used = flow.text_block(block.title, head, x, top, width)
        used += flow.text_block(block.hint, hint, x, top + used, width)
        used += style.signature_space
        if block.name:
            flow.text_block(block.name, head, x, top + used, width)
    flow.y = top + height


def label_value(label: str, value: str) -> list[Run]:
    """Runs for ``Label: value`` with the value in bold (what the clerk filled in)."""
    return [(f"{label} ", "regular"), (value, "bold")]


def text_item(x: float, y: float, text: str, style: Style) -> Text:
    """A single unwrapped line (a page number, a caption)."""
    return Text(x, y, text, style.role, style.size, style.align)
