"""Markdown, read with a CommonMark parser (markdown-it-py, with GitHub's tables).

Headings keep their depth; a list item's paragraphs are items, at their list's depth; a
table's cells keep their row and column, its first row the header. Emphasis, links (their
text kept), images (their alt text kept) and inline HTML are removed from the text, and
soft-wrapped lines joined; code blocks are not read. A block of HTML among the Markdown is read
as HTML (:mod:`.html`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from ....text import unwrapped
from ..blocks import Block, BlockKind

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["read_markdown"]


#: The inline markup a quotation may carry, in words, by the token that opens it.
_MARKUP = {
    "strong_open": "emphasis markup",
    "em_open": "emphasis markup",
    "link_open": "link markup",
    "html_inline": "HTML tags",
}


def _text(token: Token) -> tuple[str, tuple[str, ...]]:
    """An inline token's text (words, code and alt texts), and the markup taken out of it."""
    parts: list[str] = []
    markup: dict[str, None] = {}
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_text(child)[0])
        elif child.type in _MARKUP:
            markup[_MARKUP[child.type]] = None
    return unwrapped("".join(parts)), tuple(markup)


#: How deep lists and quotations may nest and still be read.
_MAX_NESTING = 1000


def read_markdown(text: str) -> Iterator[Block]:
    """The blocks of a Markdown document, in document order."""
    from markdown_it import MarkdownIt

    # CommonMark's parser stops reading at 20 levels of nesting; lists that deep are rare, but
    # what follows them must not be lost
    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    kind: BlockKind = "paragraph"
    depth = 0
    lists = 0
    tables = 0
    row = column = 0
    header = False
    line = 1
    for token in parser.parse(text):
        if token.map is not None:
            line = token.map[0] + 1
        if token.type == "heading_open":
            kind, depth = "heading", int(token.tag[1:])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "paragraph_open":
            kind, depth = ("item", lists) if lists else ("paragraph", 0)
        elif token.type == "table_open":
            tables += 1
            row = 0
        elif token.type == "tr_open":
            row += 1
            column = 0
        elif token.type in ("th_open", "td_open"):
            kind, column, header = "cell", column + 1, token.type == "th_open"
        elif token.type == "html_block":  # HTML among the Markdown, read as HTML
            from .html import read_html

            for block in read_html(token.content):
                yield attrs.evolve(block, line=line + block.line - 1, table=-block.table)
        elif token.type == "inline":
            found, markup = _text(token)
            if kind == "cell" and found:
                yield Block(
                    "cell",
                    found,
                    line,
                    table=tables,
                    row=row,
                    column=column,
                    header=header,
                    markup=markup,
                )
            elif kind != "cell" and found:
                yield Block(kind, found, line, depth=depth, markup=markup)
