"""PDF documents, read with pypdf: the ``documents`` extra.

The text of every page is extracted in order and read as plain text (see
:mod:`~civilframe.analysis.quotes.readers.text`), once a word hyphenated across a line break
is joined back ("chal-" and "lenging" are "challenging") and a line wrapped in mid-sentence
is joined to the next (one ending in no full stop, colon, semicolon, question or exclamation
mark, before one that starts in lower case).
"""

from __future__ import annotations

import io
import logging
import re

from ...._format.problems import invalid

__all__ = ["pdf_text", "unwrap"]

_HYPHENATED = re.compile(r"(\w)-\n(?=[a-z])")
_WRAPPED = re.compile(r"(?<=[^\s.:;?!])[ \t]*\n(?=[a-z])")


def unwrap(text: str) -> str:
    r"""PDF-extracted ``text`` with hyphenated words and wrapped lines joined back.

    >>> unwrap("Be alert to emerg-\ning issues and\ntrends.\nNext line")
    'Be alert to emerging issues and trends.\nNext line'
    """
    return _WRAPPED.sub(" ", _HYPHENATED.sub(r"\1", text))


def pdf_text(data: bytes, origin: str | None = None) -> str:
    """The text of a PDF's pages, in order, unwrapped."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    log = logging.getLogger("pypdf")
    level, log.level = log.level, logging.ERROR  # its warnings are ours to report, in one line
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise invalid((f"not a readable PDF: {error} @ $",), origin) from None
    finally:
        log.level = level
    return unwrap("\n".join(pages).replace("\r\n", "\n"))
