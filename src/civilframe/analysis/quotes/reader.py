"""Reading a document as rows of cells, each with what its headings claim for it.

The reading is set out in :mod:`civilframe.analysis.quotes`: lines split at TABs into cells,
headings and column headers setting claims, rows broken across lines joined back.
"""

from __future__ import annotations

import html
import re

import attrs

from ..._format.scalars import Polarity
from ...text import collapse, fold
from .index import Index

__all__ = ["LIST_MARKER", "WORD", "Cell", "Claims", "Row", "is_exact", "rows"]

_PROSE_WORDS = 40
_HEADING_WORDS = 25

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
#: A list marker at the start of a cell: "-", "•", "1.", "(a)".
LIST_MARKER = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s+")
#: A letter or digit: a cell without one is no statement.
WORD = re.compile(r"\w")
_LEVEL = re.compile(r"\blevel\s+([0-9]{1,3})\b")
_LEVEL_PHRASE = re.compile(r"\blevel\s+[0-9]{1,3}\b\)?")
#: What may stand before a level phrase ("Seeing the Big Picture – Level 3") and go with it.
_BEFORE_LEVEL = ",:;(–—-"
#: Heading markup in front ("## ", "** ", "3. ") and behind (":", ".", "*").
_HEADING_START = re.compile(r"^(?:#+\s*|\*+\s*|\d{1,2}[.)]?\s+)")
_HEADING_END = ":.*"
_HEADER_CELL = re.compile(
    r"(?:(?P<neg>ineffective|less effective)|effective)(?: behaviou?rs?| indicators?)?"
    r"(?: people who are (?:less )?effective are likely to)?"
    r"|people who are (?P<neg2>less )?effective are likely to"
)


@attrs.frozen
class Claims:
    """What the headings above a row claim for it: competency, level and columns."""

    competency: str | None = None
    level: int | None = None
    polarities: tuple[Polarity | None, ...] | None = None  # None: not in an indicator table

    def polarity(self, column: int) -> Polarity | None:
        """The polarity claimed for the 1-based ``column``, if any."""
        if self.polarities is None or column > len(self.polarities):
            return None
        return self.polarities[column - 1]


@attrs.define
class Cell:
    """One cell of a row: its text as found, cleaned, its lines and its column."""

    raw: str
    clean: str
    lines: list[int]
    column: int


@attrs.define
class Row:
    """One row of cells, with its claims and the indicator table it is in."""

    cells: list[Cell]
    claims: Claims
    table: int  # which indicator table it belongs to; 0 outside tables


def _cells(line: str, number: int, index: Index) -> list[Cell]:
    fields = line.rstrip("\r").split("\t")
    while fields and not fields[-1].strip():
        fields.pop()
    cells = [
        Cell(raw=collapse(field), clean=_clean(field), lines=[number], column=column)
        for column, field in enumerate(fields, start=1)
    ]
    return [cell for cell in cells if WORD.search(cell.clean) or is_exact(cell, index)]


def _clean(field: str) -> str:
    text = field
    if _TAG.search(text):
        text = html.unescape(_TAG.sub(" ", text))
    text = collapse(text)
    return LIST_MARKER.sub("", text, count=1)


def _header(cells: list[Cell]) -> tuple[Polarity | None, ...] | None:
    """The polarities a column-header line claims, column by column; None if not a header."""
    polarities: list[Polarity | None] = []
    for cell in cells:
        folded = fold(cell.clean).rstrip(".:… ")
        match = _HEADER_CELL.fullmatch(folded)
        if match is None:
            return None
        while len(polarities) < cell.column - 1:
            polarities.append(None)
        negative = match.group("neg") or match.group("neg2")
        polarities.append("ineffective" if negative else "effective")
    return tuple(polarities)


def _heading(text: str, index: Index) -> tuple[str | None, int | None] | None:
    """The competency and level a heading line claims; None if the line is no heading."""
    folded = fold(text)
    levels = {int(number) for number in _LEVEL.findall(folded)}
    kept, start = [], 0
    for match in _LEVEL_PHRASE.finditer(folded):
        kept.append(_strip_end(folded[start : match.start()], _BEFORE_LEVEL))
        start = match.end()
    rest = "".join([*kept, folded[start:]])
    for _ in range(2):
        rest = _strip_end(_HEADING_START.sub("", rest), _HEADING_END).strip()
    competency = index.competencies.get(rest)
    level = levels.pop() if len(levels) == 1 else None
    if competency is not None:
        return competency, level
    if level is not None and len(folded.split(" ")) <= _HEADING_WORDS:
        return None, level
    return None


def _strip_end(text: str, characters: str) -> str:
    """``text`` without the white space and ``characters`` at its end (in linear time)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in characters):
        end -= 1
    return text[:end]


def rows(text: str, index: Index, level: int | None) -> list[Row]:
    """The document's lines as rows of cells, each with its claims, broken rows joined back."""
    claims = Claims(level=level)
    found: list[Row] = []
    tables = 0
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
                heading = _heading(cells[0].clean, index)
                if heading is not None:
                    competency, claimed_level = heading
                    claims = Claims(
                        competency=competency or claims.competency,
                        level=level or claimed_level or claims.level,
                    )
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
            continue
        found.append(Row(cells=cells, claims=claims, table=table))
    return found


def is_exact(cell: Cell, index: Index) -> bool:
    """Whether the cell, as found or cleaned, is an indicator's text (typography aside)."""
    return cell.raw in index.exact or cell.clean in index.exact or _typeset(cell, index)


def _typeset(cell: Cell, index: Index) -> bool:
    return len(cell.clean) <= 2 * index.longest_text and index.typeset(cell.clean) is not None


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
