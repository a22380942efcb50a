"""HTML, read with the standard library's parser.

``<h1>``–``<h6>`` are headings, ``<li>`` items (at their list's depth), ``<td>`` and ``<th>``
cells (a cell's own paragraphs each a cell of their own, in its row and column), ``<p>``,
``<dt>``, ``<dd>``, ``<blockquote>`` and ``<caption>`` paragraphs, wherever their tags fall on
lines; text outside them in a ``<div>`` or the body is a paragraph too. ``<script>``,
``<style>``, ``<template>`` and ``<head>`` are never read; character references are decoded;
``<br>`` is a space.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import attrs

from ....text import unwrapped
from ..blocks import Block, BlockKind

__all__ = ["read_html"]

_HEADINGS = {f"h{depth}": depth for depth in range(1, 7)}
_PARAGRAPHS = frozenset({"p", "dt", "dd", "blockquote", "caption", "figcaption", "summary"})
_SKIPPED = frozenset({"script", "style", "template", "head", "noscript", "svg", "math"})
#: Elements whose start or end ends the loose text before it.
_BOUNDARIES = frozenset(
    {"div", "section", "article", "main", "header", "footer", "nav", "aside", "body", "form"}
)
_BOUNDARIES |= {"ul", "ol", "dl", "table", "tr", "hr", "html"}
#: Inline elements a quotation may be marked up with, in words.
_MARKUP = dict.fromkeys(("b", "strong", "i", "em", "u", "mark"), "emphasis markup")
_MARKUP["a"] = "link markup"
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"})


@attrs.define
class _Open:
    """A block element open: what it is, where its text started, and the text so far."""

    tag: str
    kind: BlockKind
    depth: int
    line: int
    parts: list[str] = attrs.Factory(list)
    cell: tuple[int, int, int, bool] = (0, 0, 0, False)  # table, row, column, header
    markup: dict[str, None] = attrs.Factory(dict)


#: Tags that end a ``<head>`` left open: the body has begun.
_BODY_STARTS = frozenset({"body", "p", "ul", "ol", "table", "div", "li", "td", "th", "main"})
_BODY_STARTS |= frozenset(_HEADINGS)


class _Reader(HTMLParser):
    """The blocks of an HTML document, with the end tags HTML lets authors leave out implied.

    An ``<li>`` ends the item before it in its list, a ``<td>``, ``<th>`` or ``<tr>`` the cell
    before it in its table, a ``<p>`` or heading an open paragraph; ``</ul>``, ``</ol>`` and
    ``</table>`` end what is open inside them; ``<body>`` (or the first block of the body)
    ends a ``<head>`` left open. So the open elements stay few, whatever the document.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.open: list[_Open] = []
        self.skipping: list[str] = []
        self.lists = 0
        self.tables: list[list[int]] = []  # per open table: its number, row, column
        self.count = 0
        self.thead = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if self.skipping[0] == "head" and tag in _BODY_STARTS:
                self.skipping.clear()  # the body began without </head>
            else:
                if tag == self.skipping[-1] and tag not in _VOID:
                    self.skipping.append(tag)
                return
        if tag in _SKIPPED:
            self.skipping.append(tag)
            return
        line = self.getpos()[0]
        if tag in _MARKUP and self.open:
            self.open[-1].markup[_MARKUP[tag]] = None
        if tag == "br":
            self._data(" ")
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists += 1
        elif tag == "table":
            self._flush()
            self.count += 1
            self.tables.append([self.count, 0, 0])
        elif tag == "thead":
            self.thead += 1
        elif tag in ("tr", "td", "th") and not self.tables:
            self._flush()  # a cell outside any table: its text stands apart
        elif tag == "tr":
            self._close_cells()
            self.tables[-1][1] += 1
            self.tables[-1][2] = 0
        elif tag in ("td", "th"):
            self._close_cells()
            table = self.tables[-1]
            if table[1] == 0:  # a cell before any <tr>: its row begins
                table[1] = 1
            table[2] += 1
            cell = (table[0], table[1], table[2], tag == "th" or self.thead > 0)
            self.open.append(_Open(tag, "cell", 0, line, cell=cell))
        elif tag in _HEADINGS:
            self._close_paragraph()
            self._flush()
            self.open.append(_Open(tag, "heading", _HEADINGS[tag], line))
        elif tag == "li":
            self._close_item()
            self._flush()
            self.open.append(_Open(tag, "item", self.lists, line))
        elif tag in _PARAGRAPHS:
            self._close_paragraph()
            outer = self.open[-1] if self.open else None
            self._flush()
            if outer is not None and outer.kind in ("cell", "item"):
                self.open.append(_Open(tag, outer.kind, outer.depth, line, cell=outer.cell))
            else:
                self.open.append(_Open(tag, "paragraph", 0, line))
        elif tag in _BOUNDARIES:
            self._flush()

    def _close_while(self, keep_closing: Callable[[_Open], bool]) -> None:
        """Close open blocks, innermost first, while ``keep_closing`` says so of the next."""
        while self.open and keep_closing(self.open[-1]):
            self._pop()

    def _close_to(self, found: Callable[[_Open], bool]) -> None:
        """Close every block inside the innermost open one ``found`` picks, and that one."""
        if not any(found(block) for block in self.open[-_SCAN:]):
            return
        while self.open:
            block = self._pop()
            if found(block):
                return

    def _pop(self) -> _Open:
        """Close the innermost open block: its text so far is emitted."""
        block = self.open[-1]
        self._flush()  # emits it; loose text is closed by it already
        if self.open and self.open[-1] is block:
            self.open.pop()
        return block

    def _close_item(self) -> None:
        lists = self.lists
        self._close_to(lambda block: block.kind == "item" and block.depth == lists)

    def _close_cells(self) -> None:
        table = self.tables[-1][0]
        self._close_to(lambda block: block.kind == "cell" and block.cell[0] == table)

    def _close_paragraph(self) -> None:
        self._close_while(lambda block: block.tag == "p")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.skipping:
            self._data(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "thead":
            self.thead = max(0, self.thead - 1)
        if tag in ("ul", "ol"):
            self._close_item()
            self._flush()
            self.lists = max(0, self.lists - 1)
            return
        if tag == "table" and self.tables:
            self._close_cells()
            self._flush()
            self.tables.pop()
            return
        if tag in ("td", "th") and self.tables:
            self._close_cells()
        elif tag == "li":
            self._close_item()
        elif any(block.tag == tag for block in self.open[-_SCAN:]):
            self._close_to(lambda block: block.tag == tag)
        elif tag in _BOUNDARIES:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._data(data)

    def _data(self, data: str) -> None:
        if not self.open:
            self.open.append(_Open("", "paragraph", 0, self.getpos()[0]))
        current = self.open[-1]
        if not current.parts:
            leading = data[: len(data) - len(data.lstrip())]
            current.line = self.getpos()[0] + leading.count("\n")
            if not data.strip():
                return
        current.parts.append(data)

    def _flush(self) -> None:
        """Emit the innermost open block's text so far, if any; it stays open."""
        if not self.open:
            return
        current = self.open[-1]
        text = unwrapped("".join(current.parts))
        markup = tuple(current.markup)
        current.parts.clear()
        current.markup.clear()
        if current.tag == "":  # loose text: it ends here
            self.open.pop()
        if not text:
            return
        table, row, column, header = current.cell
        self.blocks.append(
            Block(
                current.kind,
                text,
                current.line,
                depth=current.depth,
                table=table,
                row=row,
                column=column,
                header=header,
                markup=markup,
            )
        )


#: How far down the open blocks an end tag looks for its start tag: a document whose blocks
#: nest deeper than this (without their end tags) has them closed by what follows instead.
_SCAN = 64


def read_html(text: str) -> list[Block]:
    """The blocks of an HTML document, in document order."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    while reader.open:
        reader._pop()
    return reader.blocks
