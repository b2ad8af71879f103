"""Sổ theo dõi hồ sơ as an Excel workbook: the same register as the printed one (the same data object, the
same columns in the form set's order, the same note column), for the supervisor who sorts, filters and
sums it.

Cells hold typed values, not printed text: entry numbers and set counts are numbers, the received,
appointment and returned moments are Excel dates in Vietnam's local time (Excel has no time zones). The
title rows name the agency, the form and the period; the header row stays in view (frozen panes) and
carries an autofilter; a totals line closes the table. Text is NFC, and text that a spreadsheet would run
as a formula ("=…" in a note) is kept as text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from printing.register import EMPTY_MESSAGE, RegisterData, contact_text, count_text, note_text
from records.clock import local
from records.files import RegisterEntry
from records.text import nfc

SHEET_TITLE = "Sổ theo dõi hồ sơ"  # at most 31 characters, none of []:*?/\
CREATOR = "MotCua Desk"
DATE_FORMAT = "hh:mm dd/mm/yyyy"  # as the printed register writes a moment: 09:15 25/11/2026
TITLE_ROWS = 3  # agency, form title, period; then a blank row, then the header
HEADER_ROW = TITLE_ROWS + 2
HEADER_HEIGHT_PT = 48.0  # three lines of a wrapped heading ("Số lượng hồ sơ (bộ)")

# Column widths in Excel's units (the width of a "0"): fixed for numbers and moments, fitted to the
# longest cell for text up to a cap beyond which the cells wrap.
FIXED_WIDTHS = {"entry": 7.0, "sets": 9.0, "received": 17.0, "appointment": 17.0, "returned": 17.0}
TEXT_WIDTH_CAPS = {"procedure": 60.0, "contact": 45.0, "note": 40.0, "owner": 32.0, "clerk": 26.0}
DEFAULT_TEXT_CAP = 40.0
MIN_TEXT_WIDTH = 10.0
WRAPPED_KEYS = frozenset({"procedure", "contact", "note", "owner", "clerk"})
CELL_FORMATS = {
    "entry": "0",
    "sets": "00",
    "received": DATE_FORMAT,
    "appointment": DATE_FORMAT,
    "returned": DATE_FORMAT,
}

_THIN = Side(style="thin")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=14)
_ITALIC = Font(italic=True)
_HEADING = Alignment(horizontal="center", vertical="center", wrap_text=True)
_CENTRED = Alignment(horizontal="center", vertical="top")
_WRAPPED = Alignment(horizontal="left", vertical="top", wrap_text=True)
_PLAIN = Alignment(horizontal="left", vertical="top")


def _moment(moment: datetime | None) -> datetime | None:
    """An aware instant as the naive local date-time Excel stores."""
    return local(moment).replace(tzinfo=None) if moment is not None else None


def _text(value: str) -> str:
    """NFC text without the control characters a workbook cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", nfc(value)))


def cell_values(at: datetime) -> dict[str, Callable[[RegisterEntry], Any]]:
    """The typed value of each register column's cell, by the column's ``key``
    (:data:`records.forms.REGISTER_KEYS`); ``at`` is when overdue files are judged (the note column)."""
    return {
        "entry": lambda e: e.register_entry,
        "code": lambda e: e.code,
        "procedure": lambda e: _text(e.procedure_name),
        "sets": lambda e: e.sets,
        "owner": lambda e: _text(e.owner_name),
        "contact": lambda e: _text(contact_text(e)),
        "received": lambda e: _moment(e.received_at),
        "appointment": lambda e: _moment(e.appointment),
        "returned": lambda e: _moment(e.returned_at),
        "clerk": lambda e: _text(e.clerk_name or ""),
        "note": lambda e: _text(note_text(e, at)),
    }


def register_rows(data: RegisterData) -> list[list[Any]]:
    """The table's typed cells, one list per file, in the form set's column order."""
    makers = cell_values(data.generated_at)
    chosen = [makers[column.key] for column in data.columns]
    return [[make(entry) for make in chosen] for entry in data.entries]


def _width(key: str, heading: str, values: list[Any]) -> float:
    """A column's width: fixed for numbers and moments; for text, the longest cell (or heading word)
    plus a margin, between :data:`MIN_TEXT_WIDTH` and the column's cap."""
    if key in FIXED_WIDTHS:
        return FIXED_WIDTHS[key]
    longest = max((len(str(v)) for v in values if v), default=0)
    longest_word = max((len(word) for word in heading.split()), default=0)
    cap = TEXT_WIDTH_CAPS.get(key, DEFAULT_TEXT_CAP)
    return min(max(longest + 2.0, longest_word + 2.0, MIN_TEXT_WIDTH), cap)


def _column_style(book: Workbook, key: str) -> str:
    """The name of the style of a register column's cells, added to ``book``: ruled, aligned (numbers and
    moments centred, long text wrapped), and formatted (:data:`CELL_FORMATS`)."""
    alignment = _CENTRED if key in FIXED_WIDTHS else _WRAPPED if key in WRAPPED_KEYS else _PLAIN
    style = NamedStyle(
        name=f"Sổ theo dõi – {key}",
        alignment=alignment,
        border=_GRID,
        number_format=CELL_FORMATS.get(key, "General"),
    )
    book.add_named_style(style)
    return str(style.name)


def register_workbook(data: RegisterData) -> bytes:
    """The register of ``data`` (from :func:`printing.register.register_data`) as the bytes of an .xlsx
    workbook with one sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    keys = [column.key for column in data.columns]
    count = len(keys)
    last_letter = get_column_letter(count)
    rows = register_rows(data)

    # -- the title rows: agency, form, period (each across the table's width) --
    issuer = data.issuer
    agency = " – ".join(part for part in (issuer.parent_name, issuer.unit_name) if part)
    period = data.period
    if data.books:
        period += f" – Quyển số: {', '.join(data.books)}"
    titles = (
        (f"{agency} (mã {issuer.agency_code})", _BOLD),
        (f"{data.form.title} – {data.form.label}", _TITLE_FONT),
        (period, _ITALIC),
    )
    for row, (text, font) in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=1, value=_text(text))
        cell.font = font
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)

    # -- the header --
    for index, column in enumerate(data.columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=_text(column.heading))
        cell.font, cell.alignment, cell.border = _BOLD, _HEADING, _GRID
    sheet.row_dimensions[HEADER_ROW].height = HEADER_HEIGHT_PT

    # -- the lines: one named style a column (assigning it is one lookup; fonts, borders and alignments
    # set cell by cell are re-hashed every time, which doubled the time of a 10,000-line register) --
    styles = [_column_style(book, key) for key in keys]
    first = HEADER_ROW + 1
    for offset, values in enumerate(rows):
        for index, value in enumerate(values):
            cell = sheet.cell(row=first + offset, column=index + 1, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula (an address typed at the counter)
            cell.style = styles[index]
    last = first + len(rows) - 1
    if not rows:
        cell = sheet.cell(row=first, column=1, value=EMPTY_MESSAGE)
        cell.font, cell.alignment = _ITALIC, _CENTRED
        sheet.merge_cells(start_row=first, start_column=1, end_row=first, end_column=count)
        last = first

    # -- the totals line: the count of files (and of sets, under their column) --
    totals = last + 1
    label_end = keys.index("sets") if "sets" in keys and keys.index("sets") > 0 else count
    cell = sheet.cell(row=totals, column=1, value=count_text(len(data.entries)))
    cell.font = _BOLD
    if label_end > 1:
        sheet.merge_cells(start_row=totals, start_column=1, end_row=totals, end_column=label_end)
    if label_end < count:
        sets = sheet.cell(row=totals, column=label_end + 1, value=sum(e.sets for e in data.entries))
        sets.font, sets.alignment, sets.number_format = _BOLD, _CENTRED, CELL_FORMATS["sets"]

    for index, (key, column) in enumerate(zip(keys, data.columns, strict=True), start=1):
        values = [row[index - 1] for row in rows]
        sheet.column_dimensions[get_column_letter(index)].width = _width(key, column.heading, values)
    sheet.freeze_panes = sheet.cell(row=first, column=1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_letter}{last if rows else HEADER_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    made = data.generated_at.astimezone(UTC).replace(tzinfo=None)
    book.properties.title = _text(f"{data.form.title} {period}")
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    book.properties.created = made
    book.properties.modified = made
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
