"""Plain text, as PDF extraction and Word's "save as text" leave it: lines of TAB-separated cells.

The reading is set out in :mod:`civilframe.analysis.quotes`: lines split at TABs into cells
(a Word bullet's "•<TAB>" read as the list marker it is), headings and column headers setting
claims (:mod:`~civilframe.analysis.quotes.claims`), rows broken across lines joined back, and
list items that follow a competency heading (with no prose between) presented as indicators.
Unlike the other readers it makes the matcher's rows itself: its tables are known only line by
line.
"""

from __future__ import annotations

import html
import re

import attrs

from ...._format.scalars import Polarity
from ....text import unwrapped
from ..blocks import Cell, Claims, Row
from ..claims import column_polarity, heading
from ..index import Index

__all__ = ["LIST_MARKER", "WORD", "is_exact", "rows"]

_PROSE_WORDS = 40

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
#: A list marker at the start of a cell: "-", "•", "1.", "(a)".
LIST_MARKER = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s+")
#: A field that is a list marker alone: Word's bullet saved as text, "•<TAB>".
_BULLET = re.compile(r"\s*[•▪◦·o\uf0b7]\s*")
#: A letter or digit: a cell without one is no statement.
WORD = re.compile(r"\w")


def _cells(line: str, number: int, index: Index) -> list[Cell]:
    fields = line.rstrip("\r").split("\t")
    while fields and not fields[-1].strip():
        fields.pop()
    if len(fields) > 1 and _BULLET.fullmatch(fields[0]):  # "•<TAB>text": a bullet, not a cell
        fields = [f"- {fields[1]}", *fields[2:]]
    cells = [
        Cell(raw=unwrapped(field), clean=_clean(field), lines=[number], column=column)
        for column, field in enumerate(fields, start=1)
    ]
    return [cell for cell in cells if WORD.search(cell.clean) or is_exact(cell, index)]


def _clean(field: str) -> str:
    text = field
    if _TAG.search(text):
        text = html.unescape(_TAG.sub(" ", text))
    text = unwrapped(text)  # a no-break space is typography, kept to be reported
    return LIST_MARKER.sub("", text, count=1)


def _header(cells: list[Cell]) -> tuple[Polarity | None, ...] | None:
    """The polarities a column-header line claims, column by column; None if not a header."""
    polarities: list[Polarity | None] = []
    for cell in cells:
        polarity = column_polarity(cell.clean)
        if polarity is None:
            return None
        while len(polarities) < cell.column - 1:
            polarities.append(None)
        polarities.append(polarity)
    return tuple(polarities)


def rows(text: str, index: Index, level: int | None) -> list[Row]:
    """The document's lines as rows of cells, each with its claims, broken rows joined back."""
    claims = Claims(level=level)
    found: list[Row] = []
    tables = 0
    listing = False  # whether list items here are under a competency heading, prose between
    for number, line in enumerate(text.split("\n"), start=1):
        cells = _cells(line, number, index)
        if not cells:
            continue
        if not any(is_exact(cell, index) for cell in cells):
            polarities = _header(cells)
            if polarities is not None:
                tables += 1
                claims = attrs.evolve(claims, polarities=polarities)
                continue
            if len(cells) == 1:
                claimed = heading(cells[0].clean, index)
                if claimed is not None:
                    competency, claimed_level = claimed
                    claims = Claims(
                        competency=competency or claims.competency,
                        level=level or claimed_level or claims.level,
                    )
                    listing = listing or competency is not None
                    continue
                if claims.polarities is not None and _is_prose(cells[0], index):
                    claims = attrs.evolve(claims, polarities=None)
        table = tables if claims.polarities is not None else 0
        previous = found[-1] if found else None
        if (
            table
            and previous is not None
            and previous.table == table
            and _continues(previous, cells, index)
        ):
            for cell in cells:
                above = next(c for c in previous.cells if c.column == cell.column)
                above.raw = f"{above.raw} {cell.raw}"
                above.clean = f"{above.clean} {cell.clean}"
                above.lines.extend(cell.lines)
                above.number = -1  # its text has changed: look it up again
            continue
        listed = len(cells) == 1 and LIST_MARKER.match(cells[0].raw) is not None
        if not table and not listed:
            listing = False  # prose: the list under the competency heading has ended
        presented = bool(table) or (listed and listing)
        found.append(Row(cells=cells, claims=claims, table=table, presented=presented))
    return found


def is_exact(cell: Cell, index: Index) -> bool:
    """Whether the cell, as found or cleaned, is an indicator's text (typography aside)."""
    return index.cell_number(cell) is not None


def _is_prose(cell: Cell, index: Index) -> bool:
    return len(cell.clean.split(" ")) > _PROSE_WORDS and not index.contained(cell.clean)


def _continues(previous: Row, cells: list[Cell], index: Index) -> bool:
    """Whether ``cells`` are the tail of the row ``previous``, broken across lines.

    A row already longer than twice the longest indicator is no broken indicator: nothing
    more joins it (so a run of lines that would all join costs linear time, not quadratic).
    """
    above = {cell.column: cell for cell in previous.cells}
    for cell in cells:
        upper = above.get(cell.column)
        if upper is None or len(upper.clean) > 2 * index.longest_text or is_exact(cell, index):
            return False
        completes = not is_exact(upper, index) and f"{upper.clean} {cell.clean}" in index.exact
        if not (cell.clean[:1].islower() or completes):
            return False
    return True
