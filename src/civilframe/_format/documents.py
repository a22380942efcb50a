"""Reading documents: files and streams within a size limit, and JSON text into Python values.

Every failure is an :class:`~civilframe.InvalidDocumentError` naming the document, so that a
caller meets one error type whatever went wrong: too large, not UTF-8, not JSON.
"""

from __future__ import annotations

import json
import os

from ..errors import InvalidDocumentError

__all__ = ["MAX_BYTES", "check_limit", "parse_json", "read_document", "too_large"]

#: The largest document the loaders read unless told otherwise (``max_bytes``): 64 MiB, some
#: 400 times the largest bundled framework and room for about a quarter of a million
#: indicators, which load in a few seconds.
MAX_BYTES = 64 * 1024 * 1024


def check_limit(max_bytes: int | None) -> None:
    """Refuse a ``max_bytes`` that is neither a positive whole number nor None."""
    if max_bytes is None:
        return
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be a whole number or None, got {max_bytes!r}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be 1 or more (or None for no limit), got {max_bytes}")


def too_large(size: int | None, max_bytes: int, origin: str | None) -> InvalidDocumentError:
    """The error for a document over ``max_bytes``: ``size`` bytes, or more if None."""
    amount = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return InvalidDocumentError(
        (
            f"document too large: {amount}, over the limit of {max_bytes:,} "
            "(pass a larger max_bytes, or None for no limit) @ $",
        ),
        origin,
    )


def read_document(path: str | os.PathLike[str], max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, refusing one larger than ``max_bytes`` unread."""
    check_limit(max_bytes)
    with open(path, "rb") as file:
        if max_bytes is None:
            return file.read()
        size = os.fstat(file.fileno()).st_size
        if size > max_bytes:
            raise too_large(size, max_bytes, os.fspath(path))
        data = file.read(max_bytes + 1)  # a pipe or special file states no size
    if len(data) > max_bytes:  # read no further: its size is not known
        raise too_large(None, max_bytes, os.fspath(path))
    return data


def parse_json(
    data: str | bytes, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> object:
    """JSON text (or UTF-8 bytes) as Python values; every failure is InvalidDocumentError.

    A document over ``max_bytes`` (counted in UTF-8) is refused before it is parsed.
    """
    check_limit(max_bytes)
    if max_bytes is not None and isinstance(data, (str, bytes, bytearray)):
        # a str takes one to four bytes a character: count them only when it could matter
        size = len(data)
        if isinstance(data, str) and size <= max_bytes < 4 * size and not data.isascii():
            size = len(data.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise too_large(size, max_bytes, origin)
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDocumentError(
                (f"not UTF-8: byte 0x{data[error.start]:02x} at position {error.start} @ $",),
                origin,
            ) from None
    elif not isinstance(data, str):
        raise InvalidDocumentError(
            (f"expected JSON text as str or bytes, got {type(data).__name__} @ $",), origin
        )
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno} (position {error.pos})"
        raise InvalidDocumentError(
            (f"malformed JSON at {where}: {error.msg} @ $",), origin
        ) from None
    except ValueError as error:  # a constant (NaN, Infinity) or a number too long to convert
        raise InvalidDocumentError((f"malformed JSON: {error} @ $",), origin) from None
    except RecursionError:
        raise InvalidDocumentError(("malformed JSON: nested too deeply @ $",), origin) from None


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")
