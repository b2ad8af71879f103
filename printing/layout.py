"""Layout in millimetres: papers, text styles, the positioned items of a page, and a flow that places
paragraphs, tables and blocks down the page, breaking pages where needed.

A form module turns its data object into a :class:`Document` (pages of positioned items) with a
:class:`Flow`; the renderer (:mod:`printing.render`) only paints items. Coordinates are millimetres from the
page's top-left corner; ``y`` of a text item is its baseline. Because the whole document is laid out before
anything is drawn, a register knows its page count for "Trang 3/12", and a roll slip knows its length.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from printing.fonts import text_width

PT = 25.4 / 72  # one point in millimetres

Align = Literal["left", "center", "right"]
Role = Literal["regular", "bold", "italic", "bolditalic"]


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class Paper:
    """A sheet: its size in millimetres (``height`` ``None`` for a roll, cut where the content ends)."""

    name: str
    width: float
    height: float | None
    margins: Margins

    @property
    def content_width(self) -> float:
        """The width between the margins."""
        return self.width - self.margins.left - self.margins.right


# NĐ 30/2020: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm (A4). TT 01/2018 drew the slips for
# A5; its margins are not prescribed, so A5 keeps the same proportions at a smaller scale.
A4 = Paper("a4", 210.0, 297.0, Margins(top=20.0, right=15.0, bottom=20.0, left=30.0))
A4_LANDSCAPE = Paper("a4-landscape", 297.0, 210.0, Margins(top=15.0, right=10.0, bottom=15.0, left=20.0))
A5 = Paper("a5", 148.0, 210.0, Margins(top=10.0, right=10.0, bottom=10.0, left=15.0))
# An 80 mm roll prints about 72 mm wide.
ROLL_80 = Paper("80mm", 80.0, None, Margins(top=4.0, right=4.0, bottom=6.0, left=4.0))


@dataclass(frozen=True)
class Style:
    """How a run of text looks: face, size and leading in points, alignment."""

    size: float
    role: Role = "regular"
    align: Align = "left"
    leading: float | None = None

    @property
    def line_mm(self) -> float:
        """The height of one line in millimetres."""
        return (self.leading or self.size * 1.22) * PT

    def with_(self, **changes: object) -> Style:
        """A copy with some fields changed."""
        values = {
            "size": self.size,
            "role": self.role,
            "align": self.align,
            "leading": self.leading,
            **changes,
        }
        return Style(**values)  # type: ignore[arg-type]  # the keys are this class's fields


# -- positioned items --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One line of text; ``x`` is its left edge, centre or right edge according to ``align``."""

    x: float
    y: float
    text: str
    role: Role
    size: float
    align: Align = "left"
    underline: bool = False


@dataclass(frozen=True)
class Line:
    """A straight line, ``width`` in points."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    dashed: bool = False


@dataclass(frozen=True)
class Box:
    """A rectangle outline; ``y`` is its top edge."""

    x: float
    y: float
    w: float
    h: float
    width: float = 0.5


@dataclass(frozen=True)
class QrSymbol:
    """A QR code: its module matrix (without quiet zone) drawn as a square of side ``size``."""

    x: float
    y: float
    size: float
    modules: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class Barcode:
    """A Code 128 barcode of ``value``; ``module`` is the narrowest bar in millimetres, ``width`` the whole
    symbol with its quiet zones. ``rotated`` turns it a quarter (bars across a narrow roll)."""

    x: float
    y: float
    value: str
    module: float
    height: float
    width: float
    rotated: bool = False


Item = Text | Line | Box | QrSymbol | Barcode


@dataclass
class Page:
    """The items of one page, and its height (a roll page's is only known at the end)."""

    height: float
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Metadata:
    """What the PDF says about itself."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A laid-out document: the paper, the pages and the metadata."""

    paper: Paper
    pages: tuple[Page, ...]
    metadata: Metadata


# -- line breaking -----------------------------------------------------------------------------------------

Run = tuple[str, Role]  # a piece of text in one face


def _words(runs: Sequence[Run]) -> list[tuple[str, Role, bool]]:
    """The runs cut into words: (text, face, whether a space precedes it)."""
    out: list[tuple[str, Role, bool]] = []
    pending_space = False
    for text, role in runs:
        parts = text.split(" ")
        for index, part in enumerate(parts):
            if index > 0:
                pending_space = True
            if part:
                out.append((part, role, pending_space and bool(out)))
                pending_space = False
    return out


def _split_long(word: str, role: Role, size: float, width_pt: float) -> list[str]:
    """A word wider than the line, cut between characters."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, role, size) > width_pt:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(runs: Sequence[Run] | str, style: Style, width: float) -> list[list[Run]]:
    """Break text into lines no wider than ``width`` millimetres; each line is a list of runs.

    Explicit newlines start new lines; a word longer than a line is cut between characters."""
    if isinstance(runs, str):
        runs = [(runs, style.role)]
    width_pt = width / PT
    space = {role: text_width(" ", role, style.size) for role in ("regular", "bold", "italic", "bolditalic")}
    lines: list[list[Run]] = []
    # Newlines split the runs into paragraphs first.
    paragraphs: list[list[Run]] = [[]]
    for text, role in runs:
        chunks = text.split("\n")
        for index, chunk in enumerate(chunks):
            if index > 0:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append((chunk, role))
    for paragraph in paragraphs:
        line: list[Run] = []
        used = 0.0
        for word, role, spaced in _words(paragraph):
            w = text_width(word, role, style.size)
            gap = space[role] if spaced and line else 0.0
            if line and used + gap + w > width_pt:
                lines.append(line)
                line, used, gap = [], 0.0, 0.0
            if not line and w > width_pt:
                pieces = _split_long(word, role, style.size, width_pt)
                lines.extend([[(piece, role)] for piece in pieces[:-1]])
                word = pieces[-1]
                w = text_width(word, role, style.size)
            if line and line[-1][1] == role:
                line[-1] = (line[-1][0] + (" " if gap else "") + word, role)
            else:
                line.append(((" " if gap else "") + word, role))
            used += gap + w
        lines.append(line)
    return lines


def line_width(line: Sequence[Run], size: float) -> float:
    """The width of a wrapped line in millimetres."""
    return sum(text_width(text, role, size) for text, role in line) * PT


# -- the flow ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A table column: width in millimetres and alignment of its cells."""

    width: float
    align: Align = "left"


class Flow:
    """Places content down the pages of one paper, from the top margin, breaking pages as needed.

    ``on_new_page`` is called at the top of every page after the first (a register repeats its table
    header there). On a roll (paper height ``None``) there is one page, as long as its content.
    """

    def __init__(self, paper: Paper, metadata: Metadata) -> None:
        self.paper = paper
        self.metadata = metadata
        self.pages: list[Page] = []
        self.y = 0.0
        self.on_new_page: Callable[[Flow], None] | None = None
        self.new_page()

    # -- geometry

    @property
    def left(self) -> float:
        """The left margin's x."""
        return self.paper.margins.left

    @property
    def right(self) -> float:
        """The right margin's x."""
        return self.paper.width - self.paper.margins.right

    @property
    def width(self) -> float:
        """The content width."""
        return self.paper.content_width

    @property
    def bottom(self) -> float:
        """The lowest y content may reach."""
        if self.paper.height is None:
            return float("inf")
        return self.paper.height - self.paper.margins.bottom

    @property
    def page(self) -> Page:
        """The page being filled."""
        return self.pages[-1]

    def room(self) -> float:
        """Millimetres left on this page."""
        return self.bottom - self.y

    # -- pages

    def new_page(self) -> None:
        """Start a new page (and call ``on_new_page``); on a roll, the page ends where its content does."""
        if self.pages and self.paper.height is None:
            self.page.height = self.y + self.paper.margins.bottom
        self.pages.append(Page(self.paper.height or 0.0))
        self.y = self.paper.margins.top
        if len(self.pages) > 1 and self.on_new_page is not None:
            self.on_new_page(self)

    def ensure(self, height: float) -> None:
        """Break the page unless ``height`` millimetres fit (a block that must not be split)."""
        if self.y + height > self.bottom and self.y > self.paper.margins.top + 0.01:
            self.new_page()

    def space(self, height: float) -> None:
        """Leave ``height`` millimetres of blank space (dropped at a page top)."""
        if self.y + height > self.bottom:
            self.new_page()
        elif self.y > self.paper.margins.top + 0.01:
            self.y += height

    def add(self, item: Item) -> None:
        """Put an item on the current page."""
        self.page.items.append(item)

    # -- text

    def paragraph(
        self,
        text: Sequence[Run] | str,
        style: Style,
        *,
        x: float | None = None,
        width: float | None = None,
        indent: float = 0.0,
        underline: bool = False,
    ) -> int:
        """Wrapped text at the cursor; ``indent`` is the hanging indent of the continuation lines.
        Returns the number of lines."""
        left = self.left if x is None else x
        avail = (self.width if width is None else width) - indent
        lines = wrap(text, style, avail)
        for index, line in enumerate(lines):
            self.ensure(style.line_mm)
            self.y += style.line_mm
            self._line(line, style, left + (indent if index else 0.0), avail, underline)
        return len(lines)

    def _line(self, line: Sequence[Run], style: Style, left: float, width: float, underline: bool) -> None:
        baseline = self.y - (style.line_mm - style.size * PT) / 2 - style.size * PT * 0.22
        total = line_width(line, style.size)
        if style.align == "center":
            x = left + (width - total) / 2
        elif style.align == "right":
            x = left + width - total
        else:
            x = left
        for text, role in line:
            self.add(Text(x, baseline, text, role, style.size, "left", underline))
            x += text_width(text, role, style.size) * PT

    def text_block(
        self, text: Sequence[Run] | str, style: Style, x: float, top: float, width: float
    ) -> float:
        """Wrapped text in a box at (``x``, ``top``) without moving the cursor or breaking pages (a
        column of a header, a table cell). Returns the height used."""
        lines = wrap(text, style, width)
        saved = self.y
        self.y = top
        for line in lines:
            self.y += style.line_mm
            self._line(line, style, x, width, False)
        used = self.y - top
        self.y = saved
        return used

    def line_across(self, width: float = 0.5) -> None:
        """A horizontal rule across the content width at the cursor."""
        self.add(Line(self.left, self.y, self.right, self.y, width))

    # -- tables

    def table(
        self,
        columns: Sequence[Column],
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        style: Style,
        header_style: Style | None = None,
        *,
        padding: float = 1.2,
        min_row: float = 0.0,
        repeat_header: bool = True,
    ) -> None:
        """A ruled table at the cursor; rows never split across pages, and the header is drawn again at
        the top of each new page."""
        x0 = self.left
        head = header_style or style.with_(role="bold", align="center")

        cell_styles = [style.with_(align=col.align) for col in columns]

        def measure(cells: Sequence[str], st: Style) -> tuple[list[list[list[Run]]], float]:
            wrapped = [
                wrap(cell, st, col.width - 2 * padding) for cell, col in zip(cells, columns, strict=True)
            ]
            height = max(len(lines) for lines in wrapped) * st.line_mm + 2 * padding
            return wrapped, max(height, min_row)

        def draw(cells_wrapped: list[list[list[Run]]], height: float, st: Style, aligns: bool) -> None:
            top = self.y
            x = x0
            for lines, col, cell_style in zip(
                cells_wrapped, columns, cell_styles if aligns else [st] * len(columns), strict=True
            ):
                # Body cells start at the top; header cells are centred vertically.
                slack = 0.0 if aligns else (height - 2 * padding - len(lines) * st.line_mm) / 2
                self.y = top + padding + slack
                for line in lines:
                    self.y += st.line_mm
                    self._line(line, cell_style, x + padding, col.width - 2 * padding, False)
                self.add(Box(x, top, col.width, height, 0.5))
                x += col.width
            self.y = top + height

        header_cells = measure(header, head) if header else None

        def draw_header() -> None:
            if header_cells is not None:
                draw(header_cells[0], header_cells[1], head, False)

        if header_cells is not None:
            first_row = measure(rows[0], style)[1] if rows else 0.0
            self.ensure(header_cells[1] + first_row)
            draw_header()
        for row in rows:
            wrapped, height = measure(row, style)
            if self.y + height > self.bottom:
                self.new_page()
                if repeat_header:
                    draw_header()
            draw(wrapped, height, style, True)

    def finish(self) -> Document:
        """The laid-out document (a roll page gets its length here)."""
        if self.paper.height is None:
            self.page.height = self.y + self.paper.margins.bottom
        return Document(self.paper, tuple(self.pages), self.metadata)
