"""Sổ theo dõi hồ sơ — the register of files (Mẫu 07 of TT 03/2025, Mẫu 06 of TT 01/2018) for a range of
days, on A4 landscape: one ruled line per file, the header row repeated on every page, "Trang k/N" at the
foot of every page, the count and the signatures at the end.

:func:`register_data` builds the frozen data object from the register's lines (a pure function);
:func:`layout_register` lays it out; :mod:`printing.render` paints it. The columns, their headings and
widths come from the agency's form set, so a set that prints other columns needs no code here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from printing.fonts import text_width
from printing.layout import PT, Box, Column, Document, Flow, Item, Line, Metadata, Page, Style, Text, wrap
from printing.parties import Issuer, issuer
from printing.sections import (
    STYLE_REGISTER,
    Letterhead,
    Signature,
    draw_letterhead,
    draw_signatures,
    draw_title,
)
from printing.wording import short_date, short_moment, two_digits
from records.clock import local, now
from records.files import RegisterEntry, timing_of
from records.forms import FormKind, FormSet, FormSpec, RegisterColumn
from records.services.settings import AgencyConfig
from records.workflow import Status

EMPTY_MESSAGE = "Không có hồ sơ nào trong khoảng thời gian này."
SIGNATURES = (Signature("NGƯỜI LẬP SỔ"), Signature("LÃNH ĐẠO ĐƠN VỊ"))
CELL_PADDING_MM = 1.0
# The page number sits in the bottom margin, this far above the sheet's edge.
PAGE_NUMBER_FROM_EDGE_MM = 8.0
# Columns whose cells are short values read down the page: centred.
CENTRED_KEYS = frozenset({"entry", "sets", "received", "appointment", "returned"})

# What the note column says of a file that did not go the ordinary way.
STATUS_NOTES = {
    Status.REFUSED: "Từ chối tiếp nhận",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung hồ sơ",
    Status.WITHDRAWN: "Đã rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
}
OVERDUE_NOTE = "Quá hạn"
_HYPHENATED = re.compile(r"[^-]*-|[^-]+$")  # "000.17.22.H56-", "261116-", "0003"


@dataclass(frozen=True)
class RegisterData:
    """Everything the register prints, as plain values."""

    form: FormSpec
    columns: tuple[RegisterColumn, ...]
    issuer: Issuer
    date_from: date
    date_to: date
    entries: tuple[RegisterEntry, ...]
    books: tuple[str, ...]  # the register books the lines come from: "1/2026"
    generated_at: datetime  # the date line, and the moment "Quá hạn" is judged at

    @property
    def period(self) -> str:
        """``Từ ngày 01/11/2026 đến ngày 30/11/2026``."""
        return f"Từ ngày {short_date(self.date_from)} đến ngày {short_date(self.date_to)}"


def register_data(
    entries: Sequence[RegisterEntry],
    agency: AgencyConfig,
    form_set: FormSet,
    date_from: date,
    date_to: date,
    generated_at: datetime | None = None,
) -> RegisterData:
    """The register of ``entries`` (from :meth:`FileService.register_entries`) for the days ``date_from``
    to ``date_to``; ``generated_at`` (default: now) dates it and decides which open files are overdue."""
    books = sorted({(e.register_year, e.register_book) for e in entries})
    return RegisterData(
        form=form_set.form(FormKind.REGISTER),
        columns=form_set.register_columns,
        issuer=issuer(agency),
        date_from=date_from,
        date_to=date_to,
        entries=tuple(entries),
        books=tuple(f"{book}/{year}" for year, book in books),
        generated_at=local(generated_at) if generated_at is not None else now(),
    )


# -- the cells ---------------------------------------------------------------------------------------------


def note_text(entry: RegisterEntry, at: datetime) -> str:
    """The note column: how the file left the ordinary way (refused, withdrawn, stopped, waiting for a
    supplement), its extension, "Quá hạn" when its result came late or it is still open past its due date
    at ``at``, then the clerk's own note."""
    parts: list[str] = []
    if entry.status in STATUS_NOTES:
        parts.append(STATUS_NOTES[entry.status])
    if entry.extension_count:
        parts.append(f"Gia hạn {entry.extension_count} lần")
    # The same rule as the file list's timing: late against the due date in force (an extension is lawful).
    if timing_of(entry.status, entry.due_at, entry.finished_at, at) in ("late", "overdue"):
        parts.append(OVERDUE_NOTE)
    if entry.note:
        parts.append(entry.note)
    return "; ".join(parts)


def contact_text(entry: RegisterEntry) -> str:
    """``Address; phone`` (either may be missing)."""
    return "; ".join(part for part in (entry.owner_address, entry.owner_phone) if part)


def cell_makers(at: datetime) -> dict[str, Callable[[RegisterEntry], str]]:
    """The text of each register column's cell, by the column's ``key``
    (:data:`records.forms.REGISTER_KEYS`); ``at`` is when overdue files are judged."""
    return {
        "entry": lambda e: str(e.register_entry),
        "code": lambda e: e.code,
        "procedure": lambda e: e.procedure_name,
        "sets": lambda e: two_digits(e.sets),
        "owner": lambda e: e.owner_name,
        "contact": contact_text,
        "received": lambda e: short_moment(e.received_at),
        "appointment": lambda e: short_moment(e.appointment),
        "returned": lambda e: short_moment(e.returned_at),
        "clerk": lambda e: e.clerk_name or "",
        "note": lambda e: note_text(e, at),
    }


def register_rows(data: RegisterData) -> list[list[str]]:
    """The table's cells, one list per file, in the form set's column order."""
    makers = cell_makers(data.generated_at)
    chosen = [makers[column.key] for column in data.columns]
    return [[make(entry) for make in chosen] for entry in data.entries]


def count_text(count: int) -> str:
    """``Tổng số: 1.234 hồ sơ`` (dots group the thousands)."""
    return f"Tổng số: {count:,} hồ sơ".replace(",", ".")


# -- the layout --------------------------------------------------------------------------------------------


def layout_register(data: RegisterData) -> Document:
    """The register laid out on A4 landscape, numbered "Trang k/N"."""
    style = STYLE_REGISTER
    period = f"{short_date(data.date_from)}–{short_date(data.date_to)}"
    title = data.form.title.capitalize()
    flow = Flow(
        style.paper,
        Metadata(
            title=f"{title} {period}",
            author=data.issuer.unit_name,
            subject=f"{data.form.label}: {title}, {count_text(len(data.entries)).lower()}",
            keywords=(data.issuer.agency_code, *(f"quyển {book}" for book in data.books)),
        ),
    )
    draw_letterhead(
        flow,
        Letterhead.of(data.issuer, data.form, data.generated_at),
        style,
    )
    subtitle = data.period
    if data.books:
        subtitle += f"\nQuyển số: {', '.join(data.books)}"
    draw_title(flow, data.form.title, style, subtitle)

    columns = [
        Column(c.width_mm, "center" if c.key in CENTRED_KEYS else "left")
        for c in _fitted(data.columns, flow.width)
    ]
    headings = [c.heading for c in data.columns]
    rows = register_rows(data)
    for index, column in enumerate(data.columns):
        if column.key == "code":
            width = columns[index].width - 2 * CELL_PADDING_MM
            for row in rows:
                row[index] = _break_at_hyphens(row[index], width, style.table)
    if not rows:
        flow.table(columns, headings, [], style.table, padding=CELL_PADDING_MM)
        _empty_row(flow, sum(c.width for c in columns))
    else:
        _draw_rows(flow, columns, headings, rows, _closing_height(flow, data))
    _draw_closing(flow, data)
    document = flow.finish()
    for page in document.pages:
        _rule_as_grid(page)
    _number_pages(document)
    return document


def _draw_rows(
    flow: Flow, columns: list[Column], headings: list[str], rows: list[list[str]], closing: float
) -> None:
    """The table, its last line kept on one page with the count and the signatures that close it: a
    signature page with no line of the register on it could be detached and signed for any register."""
    style = STYLE_REGISTER.table
    body, last = rows[:-1], rows[-1]
    if body:
        flow.table(columns, headings, body, style, padding=CELL_PADDING_MM)
    need = _row_height(columns, last, style) + closing
    if not body:
        need += _row_height(columns, headings, style.with_(role="bold", align="center"))
    if body and flow.y + need > flow.bottom:
        flow.new_page()
        body = []  # the new page's table starts with the header again
    flow.table(columns, None if body else headings, [last], style, padding=CELL_PADDING_MM)


def _break_at_hyphens(text: str, width: float, style: Style) -> str:
    """A file code too wide for its column, broken after its hyphens (``000.17.22.H56-261116-`` over
    ``0003``) rather than between whichever two characters reach the edge. The pieces (agency, day,
    number) repeat from line to line, so their widths come from the cache."""
    if "-" not in text:
        return text
    limit = width / PT
    pieces = _HYPHENATED.findall(text)
    lines: list[str] = []
    current, used = "", 0.0
    for piece in pieces:
        piece_width = text_width(piece, style.role, style.size)
        if current and used + piece_width > limit:
            lines.append(current)
            current, used = "", 0.0
        current += piece
        used += piece_width
    lines.append(current)
    return "\n".join(lines)


def _row_height(columns: Sequence[Column], cells: Sequence[str], style: Style) -> float:
    """The height :meth:`Flow.table` gives a row of ``cells``."""
    lines = max(
        len(wrap(cell, style, col.width - 2 * CELL_PADDING_MM))
        for cell, col in zip(cells, columns, strict=True)
    )
    return lines * style.line_mm + 2 * CELL_PADDING_MM


def _draw_closing(flow: Flow, data: RegisterData) -> None:
    """The count of files and the signature blocks under the table."""
    flow.space(STYLE_REGISTER.paragraph_gap * 2)
    flow.paragraph(count_text(len(data.entries)), STYLE_REGISTER.body.with_(role="bold"))
    draw_signatures(flow, SIGNATURES, STYLE_REGISTER)


def _closing_height(flow: Flow, data: RegisterData) -> float:
    """How much room :func:`_draw_closing` takes, measured by drawing it on a scratch page (so it stays
    right whatever the sections module makes of the signatures)."""
    scratch = Flow(flow.paper, flow.metadata)
    # Below the top margin: a gap at the very top of a page is dropped, and here it must count.
    start = scratch.y = flow.paper.margins.top + 1.0
    _draw_closing(scratch, data)
    return scratch.y - start


def _fitted(columns: Sequence[RegisterColumn], width: float) -> list[RegisterColumn]:
    """The columns scaled down to the content width when a form set's widths add up to more (a set's
    widths are data: an overflowing table would run off the sheet)."""
    total = sum(c.width_mm for c in columns)
    if total <= width:
        return list(columns)
    scale = width / total
    return [RegisterColumn(c.key, c.heading, c.width_mm * scale) for c in columns]


def _empty_row(flow: Flow, width: float) -> None:
    """One ruled row across the table saying that no file was received in the range."""
    style = STYLE_REGISTER.italic.with_(align="center")
    top = flow.y
    used = flow.text_block(EMPTY_MESSAGE, style, flow.left, top + 2.0, width)
    flow.add(Box(flow.left, top, width, used + 4.0, 0.5))
    flow.y = top + used + 4.0


def _number_pages(document: Document) -> None:
    """Number every page "Trang k/N", centred in its bottom margin: only now, the whole document laid out,
    is the page count known."""
    paper = document.paper
    style = STYLE_REGISTER.small.with_(align="center")
    total = len(document.pages)
    centre = paper.margins.left + paper.content_width / 2
    for number, page in enumerate(document.pages, start=1):
        page.items.append(
            Text(
                centre,
                page.height - PAGE_NUMBER_FROM_EDGE_MM,
                f"Trang {number}/{total}",
                style.role,
                style.size,
                "center",
            )
        )


def _rule_as_grid(page: Page) -> None:
    """Replace the table's cell boxes by the grid they draw: each run of touching edges becomes one line.

    :meth:`Flow.table` outlines every cell, so each inner edge is stroked twice and a page of the register
    carries some 150 rectangles; its grid is some 25 lines. The sheet looks the same (without the doubled
    strokes) and a 10,000-line register renders about a quarter faster. The boxes come row by row, left to
    right, so a row's cells are merged as they come and only its outline and inner edges are kept."""
    boxes = [item for item in page.items if isinstance(item, Box)]
    if not boxes:
        return
    horizontal: dict[tuple[float, float], list[tuple[float, float]]] = {}
    vertical: dict[tuple[float, float], list[tuple[float, float]]] = {}

    def close_row(first: Box, last: Box) -> None:
        left, right, top, bottom = first.x, last.x + last.w, first.y, first.y + first.h
        horizontal.setdefault((round(top, 4), first.width), []).append((left, right))
        horizontal.setdefault((round(bottom, 4), first.width), []).append((left, right))
        vertical.setdefault((round(right, 4), first.width), []).append((top, bottom))

    first = last = boxes[0]
    vertical.setdefault((round(first.x, 4), first.width), []).append((first.y, first.y + first.h))
    for box in boxes[1:]:
        same_row = box.y == last.y and box.h == last.h and box.width == last.width
        if not (same_row and abs(box.x - (last.x + last.w)) < 1e-6):
            close_row(first, last)
            first = box
        vertical.setdefault((round(box.x, 4), box.width), []).append((box.y, box.y + box.h))
        last = box
    close_row(first, last)
    lines: list[Item] = []
    for (y, width), spans in horizontal.items():
        # Half the stroke past each end: butt-capped lines would leave the outer corners notched.
        reach = width * PT / 2
        lines.extend(Line(a - reach, y, b + reach, y, width) for a, b in _merged(spans))
    for (x, width), spans in vertical.items():
        reach = width * PT / 2
        lines.extend(Line(x, a - reach, x, b + reach, width) for a, b in _merged(spans))
    page.items[:] = [item for item in page.items if not isinstance(item, Box)] + lines


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Intervals joined where they touch or overlap."""
    spans.sort()
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start <= last_end + 1e-6:
            out[-1] = (last_start, max(last_end, end))
        else:
            out.append((start, end))
    return out
