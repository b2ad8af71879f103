"""The table of documents with their counts by kind (bản chính, bản sao chứng thực, bản chụp) that the
receipt lists as received and the supplement request lists as missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from printing.layout import Column, Flow, Style
from printing.wording import two_digits

COUNT_HEADINGS = ("Bản chính", "Bản sao chứng thực", "Bản chụp")


@dataclass(frozen=True)
class ReceivedDocument:
    """A document with its counts by kind."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int


def draw_documents_table(
    flow: Flow,
    documents: Sequence[ReceivedDocument],
    style: Style,
    *,
    heading: str,
    empty_row: Sequence[str],
    count_width: float = 21.0,
    padding: float = 1.2,
) -> None:
    """STT, name and the three counts ("-" for none); ``empty_row`` stands in when there is no document."""
    columns = [
        Column(10.0, "center"),
        Column(flow.width - 10.0 - 3 * count_width),
        Column(count_width, "center"),
        Column(count_width, "center"),
        Column(count_width, "center"),
    ]
    rows = [
        [str(i), d.name, _count(d.originals), _count(d.certified_copies), _count(d.photocopies)]
        for i, d in enumerate(documents, start=1)
    ] or [list(empty_row)]
    flow.table(columns, ["STT", heading, *COUNT_HEADINGS], rows, style, padding=padding)


def _count(value: int) -> str:
    return two_digits(value) if value else "-"
