"""One reader per document format, and the one place that picks it.

- ``"text"``: :mod:`.text` (TAB tables, ``•<TAB>`` lists), from ``.txt`` or ``.text``;
- ``"markdown"``: :mod:`.markdown` (markdown-it-py), from ``.md`` or ``.markdown``;
- ``"html"``: :mod:`.html` (the standard library's parser), from ``.html`` or ``.htm``;
- ``"json"`` and ``"csv"``: :mod:`.data`, from ``.json`` and ``.csv``;
- ``"docx"``: :mod:`.word` (python-docx, in the ``documents`` extra), from ``.docx``;
- ``"pdf"``: :mod:`.pdf` (pypdf, in the ``documents`` extra), from ``.pdf``.

A document given without a format, and a path with another suffix, is recognised by what it
holds: a PDF or a Word file by its first bytes; JSON when it parses as JSON; HTML when it
starts with a tag such as ``<html>``, ``<body>``, ``<table>`` or ``<p>``; plain text when any
line holds a TAB (a table as PDF extraction leaves it); Markdown when, in its first 64 KiB, a
line is a ``#`` heading or a table row, or the text holds ``**bold**`` or a ``[link](…)``;
else plain text.
"""

from __future__ import annotations

import re
from typing import Literal

from ...._format.problems import invalid
from ..blocks import Row
from ..index import Index

__all__ = ["FORMATS", "SUFFIXES", "DocumentFormat", "detect_bytes", "detect_text", "rows"]

#: A document format the quote checker reads.
DocumentFormat = Literal["text", "markdown", "html", "json", "csv", "docx", "pdf"]

#: Every format, in the order the documentation lists them.
FORMATS: tuple[DocumentFormat, ...] = ("text", "markdown", "html", "json", "csv", "docx", "pdf")

#: The format of a path by its suffix (in lower case).
SUFFIXES: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".csv": "csv",
    ".docx": "docx",
    ".pdf": "pdf",
}

#: The formats read from the document's bytes rather than its text.
BINARY: frozenset[DocumentFormat] = frozenset({"docx", "pdf"})

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|table|div|section|article|main|p|ul|ol|h[1-6])\b",
    re.IGNORECASE,
)
#: What may stand before an HTML document's first tag: an XML declaration, comments.
_PROLOGUE = re.compile(r"\A(?:\s*(?:<\?xml[^>]*>|<!--.*?-->))*\s*", re.DOTALL)
_MARKDOWN = re.compile(r"^#{1,6}[ \t]|^[ \t]*\|.*\|[ \t]*$|\*\*\S|__\S|\]\([^)\s]+\)", re.MULTILINE)


#: How far into a document its Markdown must show (a TAB anywhere makes it plain text).
_SHOWN_WITHIN = 64 * 1024


def detect_bytes(data: bytes, origin: str | None = None) -> DocumentFormat | None:
    """The format a document's first bytes show (PDF, Word), or None for a text document.

    Other binary formats are refused, naming what they are where it is known.
    """
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise invalid(("unknown format: a zip archive, not a document to check @ $",), origin)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise invalid(
            ("unknown format: a Word 97-2003 (.doc) file; save it as .docx to check it @ $",),
            origin,
        )
    return None


def detect_text(text: str) -> DocumentFormat:
    """The format a document's text shows (see the module's documentation)."""
    start = text.lstrip("\ufeff \t\r\n")
    if start[:1] in ("{", "["):
        import json

        try:
            json.loads(start)
        except (ValueError, RecursionError):
            pass
        else:
            return "json"
    if _HTML_START.match(_PROLOGUE.sub("", start[:_SHOWN_WITHIN])):
        return "html"
    if "\t" in text:
        return "text"
    if _MARKDOWN.search(text, 0, _SHOWN_WITHIN):
        return "markdown"
    return "text"


def rows(
    format: DocumentFormat,
    text: str | None,
    data: bytes | None,
    index: Index,
    level: int | None,
    origin: str | None = None,
) -> list[Row]:
    """The rows of a document in ``format``: its text, or for Word and PDF its bytes."""
    from .. import structure
    from .text import rows as text_rows

    if format in BINARY:
        assert data is not None
        _needs_extra(format, origin)
        if format == "pdf":
            from .pdf import pdf_text

            return text_rows(pdf_text(data, origin), index, level)
        from .word import read_docx

        return structure.rows(read_docx(data, origin), index, level)
    assert text is not None
    if format == "text":
        return text_rows(text, index, level)
    if format == "markdown":
        from .markdown import read_markdown

        return structure.rows(read_markdown(text), index, level)
    if format == "html":
        from .html import read_html

        return structure.rows(read_html(text), index, level)
    from .data import read_csv_table, read_json

    blocks = read_json(text, origin) if format == "json" else read_csv_table(text)
    return structure.rows(blocks, index, level)


#: The module each optional reader needs, and the package that gives it.
_EXTRA = {"docx": ("docx", "python-docx"), "pdf": ("pypdf", "pypdf")}


def _needs_extra(format: DocumentFormat, origin: str | None) -> None:
    """Refuse, in one line, a Word or PDF document when the ``documents`` extra is missing."""
    import importlib

    module, package = _EXTRA[format]
    try:
        importlib.import_module(module)
    except ImportError:
        raise invalid(
            (
                f"reading a {format.upper()} document needs {package}, in civilframe's "
                "'documents' extra: pip install 'civilframe[documents]' @ $",
            ),
            origin,
        ) from None
