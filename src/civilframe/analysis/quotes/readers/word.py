"""Word documents (``.docx``), read with python-docx: the ``documents`` extra.

The body is read in order: a paragraph styled "Heading N" (or "Title") is a heading of depth
N; a list paragraph (a "List …" style, or numbering of its own) is an item; any other
paragraph a paragraph; a table's cells keep their row and column, and each paragraph in a cell
is a cell of its own (a table inside a cell is read as part of that cell). A block's line is
its paragraph's number in the document, from 1.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from ...._format.problems import invalid
from ....text import unwrapped
from ..blocks import Block, BlockKind

__all__ = ["read_docx"]

_HEADING = re.compile(r"heading\s*([1-9])", re.IGNORECASE)


def _kind(paragraph: Any) -> tuple[BlockKind, int]:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = _HEADING.fullmatch(style.strip())
    if heading:
        return "heading", int(heading.group(1))
    if style.strip().lower() == "title":
        return "heading", 1
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    if numbered or style.lower().startswith("list"):
        return "item", 1
    return "paragraph", 0


def _paragraphs(cell: Any) -> Iterator[Any]:
    """A table cell's paragraphs, those of the tables inside it too, in order."""
    yield from cell.paragraphs
    for table in cell.tables:
        for row in table.rows:
            for inner in row.cells:
                yield from _paragraphs(inner)


def read_docx(data: bytes, origin: str | None = None) -> Iterator[Block]:
    """The blocks of a Word document's body, in document order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a file that is not one
        raise invalid((f"not a Word document (.docx): {error} @ $",), origin) from None
    number = 0
    tables = 0
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            number += 1
            paragraph = Paragraph(element, document)
            text = unwrapped(paragraph.text)
            if text:
                kind, depth = _kind(paragraph)
                yield Block(kind, text, number, depth=depth)
        elif tag == "tbl":
            tables += 1
            table = Table(element, document)
            for row_number, row in enumerate(table.rows, start=1):
                seen: set[int] = set()
                for column, cell in enumerate(row.cells, start=1):
                    if id(cell._tc) in seen:  # a merged cell repeats: read it once
                        continue
                    seen.add(id(cell._tc))
                    for paragraph in _paragraphs(cell):
                        number += 1
                        text = unwrapped(paragraph.text)
                        if text:
                            yield Block(
                                "cell", text, number, table=tables, row=row_number, column=column
                            )
