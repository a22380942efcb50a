"""What reading a document gives: blocks, and the rows of cells the matcher reads.

Every reader turns a document into a sequence of :class:`Block`: a heading with its depth, a
paragraph, a list item, a table cell with its table, row and column, or a data value with the
keys that lead to it, each with the line (or, for a Word document, the paragraph) it starts
on. :mod:`~civilframe.analysis.quotes.structure` reads what the blocks claim (a competency, a
level, a column) and hands the matcher :class:`Row` objects; the plain-text reader, whose
tables are TAB-separated lines, makes its rows directly.
"""

from __future__ import annotations

from typing import Literal

import attrs

from ..._format.scalars import Polarity

__all__ = ["Block", "BlockKind", "Cell", "Claims", "Row"]

#: What a block is in its document.
BlockKind = Literal["heading", "paragraph", "item", "cell", "value"]


@attrs.frozen
class Block:
    """One block of a document: its kind, its text (markup removed) and where it stands."""

    #: ``"heading"``, ``"paragraph"``, ``"item"`` (of a list), ``"cell"`` (of a table) or
    #: ``"value"`` (of a data file).
    kind: BlockKind
    #: Its text, markup removed and white space collapsed.
    text: str
    #: The line it starts on, from 1 (for a Word document, its paragraph's number).
    line: int
    #: A heading's level (1 for the top), or a list item's nesting depth (1 for the top).
    depth: int = 0
    #: For a cell: its table's number in the document, from 1, its row (from 1, the header
    #: rows included) and its column, from 1; and whether it is a header cell.
    table: int = 0
    row: int = 0
    column: int = 0
    header: bool = False
    #: For a value: the keys from the document's root to it (a list's items as ``"[0]"``…).
    keys: tuple[str, ...] = ()
    #: The markup its text was read out of, in words ("emphasis markup", "link markup"): for
    #: a quotation, typography the finding lists.
    markup: tuple[str, ...] = ()


@attrs.frozen
class Claims:
    """What the document claims for a statement: competency, level and columns."""

    competency: str | None = None
    level: int | None = None
    #: The polarity claimed for each column, in order; None outside every indicator table.
    polarities: tuple[Polarity | None, ...] | None = None

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
    markup: tuple[str, ...] = ()
    #: The number of the indicator text the cell is, once looked up (-1: not yet; None: none).
    number: int | None = -1


@attrs.define
class Row:
    """One row of cells, with its claims, its table, and whether it presents indicators.

    A row that *presents* indicators (a row of an indicator table, a list item under a
    competency heading, a value under an "effective" key) has every statement reported,
    "unknown" when it matches nothing; any other row (prose) reports only the indicators it
    quotes.
    """

    cells: list[Cell]
    claims: Claims
    table: int  # which table it belongs to, for joining rows broken across lines; 0 for none
    presented: bool = False
