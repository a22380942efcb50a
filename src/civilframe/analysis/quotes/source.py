"""What a document to check is given as: text, the bytes of a file, or a path; decoded once.

Bytes are decoded by what they show of themselves: a byte order mark (UTF-8, UTF-16 or UTF-32)
first; else UTF-16 without a mark, when most pairs of bytes at the start hold a NUL in the
same place (as Windows' "Unicode" text of Latin letters does); else UTF-8, when the bytes are
valid UTF-8; else Windows-1252, the encoding Word and Windows' "ANSI" text use. The report
says which (:attr:`QuoteReport.encoding`).
Anything holding NUL once decoded (an image, a zip file) is refused as binary. A document
over the size limit every civilframe reader has (:data:`MAX_BYTES`, 64 MiB) is refused: a path
unread, bytes or text before they are read.
"""

from __future__ import annotations

import codecs
import os
import re

import attrs

from ..._format.documents import MAX_BYTES, read_document, too_large
from ..._format.problems import invalid
from .readers import BINARY, FORMATS, SUFFIXES, DocumentFormat, detect_bytes, detect_text

__all__ = ["MAX_BYTES", "Document", "decode", "open_document"]

#: How many bytes at the start show UTF-16 without a mark.
_SNIFFED = 4096

#: Byte order marks, longest first (UTF-32's little-endian mark starts with UTF-16's).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

#: What no text document holds: NUL, which nearly every binary format (an image, a zip file,
#: a Word .doc) is full of.
_BINARY = re.compile("\x00")


def decode(data: bytes, origin: str | None = None) -> tuple[str, str]:
    """The text of a document's bytes and the name of the encoding they were read in.

    >>> decode("Lead – and deliver".encode("cp1252"))
    ('Lead – and deliver', 'Windows-1252')
    >>> decode(codecs.BOM_UTF16_LE + "Lead".encode("utf-16-le"))
    ('Lead', 'UTF-16')
    """
    for mark, codec, name in _MARKS:
        if data.startswith(mark):
            return _checked(_decoded(data[len(mark) :], codec, name, origin), origin), name
    head = data[: _SNIFFED - _SNIFFED % 2]
    pairs = len(head) // 2
    high_first, high_second = head[0::2].count(0), head[1::2].count(0)
    if pairs and max(high_first, high_second) * 10 >= pairs * 6:  # a NUL in most pairs
        codec = "utf-16-be" if high_first > high_second else "utf-16-le"
        return _checked(_decoded(data, codec, "UTF-16", origin), origin), "UTF-16"
    try:
        return _checked(data.decode("utf-8"), origin), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _checked(_decoded(data, "cp1252", "Windows-1252", origin), origin), "Windows-1252"


def _decoded(data: bytes, codec: str, name: str, origin: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise invalid(
            (f"not {name}: byte 0x{data[error.start]:02x} at position {error.start} @ $",), origin
        ) from None


def _checked(text: str, origin: str | None) -> str:
    found = _BINARY.search(text)
    if found:
        raise invalid(
            (
                f"binary, not a text document: control character {found.group()!r} "
                f"at position {found.start()} @ $",
            ),
            origin,
        )
    return text


@attrs.frozen
class Document:
    """A document to check, read: its format, and its text (or, for Word and PDF, its bytes)."""

    format: DocumentFormat
    text: str | None
    data: bytes | None
    #: The encoding its bytes were read in, or None when it was given as text (or is binary).
    encoding: str | None
    #: The file it came from, if it was given as a path.
    origin: str | None


def open_document(source: object, format: str | None = None) -> Document:
    """The document ``source`` (text, bytes or a path), in ``format`` or the one it shows.

    ``format`` is one of :data:`~civilframe.analysis.quotes.readers.FORMATS`; without it a
    path's suffix decides, else what the document holds. Text is taken as it is; a byte order
    mark in front of it is dropped. Raises :class:`TypeError` for a source of another type,
    :class:`ValueError` for an unknown ``format``, and
    :class:`~civilframe.InvalidDocumentError` for a binary or unknown kind of file.
    """
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
    chosen: DocumentFormat | None = format
    if isinstance(source, str):
        if chosen in BINARY:
            raise TypeError(f"a {chosen} document is read from its bytes or its path, not text")
        if len(source) > MAX_BYTES:  # a character is at least a byte: over the limit for sure
            raise too_large(len(source), MAX_BYTES, None)
        text = source.removeprefix("\ufeff")
        return Document(chosen or detect_text(text), text, None, None, None)
    origin: str | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise too_large(len(data), MAX_BYTES, None)
    elif isinstance(source, os.PathLike):
        path = os.fspath(source)
        origin = os.fsdecode(path)
        data = read_document(origin, MAX_BYTES)
        chosen = chosen or SUFFIXES.get(os.path.splitext(origin)[1].lower())
    else:
        raise TypeError(
            "check_quotes() takes the document as text (str), its bytes, or a path "
            f"(os.PathLike), got {type(source).__name__}"
        )
    shown = detect_bytes(data, origin) if chosen is None else None
    chosen = chosen or shown
    if chosen in BINARY:
        return Document(chosen, None, data, None, origin)
    text, encoding = decode(data, origin)
    return Document(chosen or detect_text(text), text, None, encoding, origin)
