"""Reading documents: files and streams within a size limit, and JSON text into Python values.

Every failure is an :class:`~civilframe.InvalidDocumentError` naming the document, so that a
caller meets one error type whatever went wrong: too large, not UTF-8, not JSON.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..errors import InvalidDocumentError
from .problems import Problems, invalid, key_step

__all__ = [
    "MAX_BYTES",
    "check_limit",
    "parse_json",
    "parse_json_pairs",
    "read_document",
    "repeated_keys",
    "too_large",
]

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


def too_large(
    size: int | None, max_bytes: int, origin: str | None, unit: str = "bytes"
) -> InvalidDocumentError:
    """The error for a document over ``max_bytes``.

    Its size is ``size`` bytes (or characters of text, each at least a byte), or more than
    ``max_bytes`` if None.
    """
    amount = f"{size:,} {unit}" if size is not None else f"more than {max_bytes:,} bytes"
    return InvalidDocumentError(
        (
            f"document too large: {amount}, over the limit of {max_bytes:,} "
            "(pass a larger max_bytes, or None for no limit) @ $",
        ),
        origin,
    )


def read_document(path: str | os.PathLike[str], max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, refusing one larger than ``max_bytes`` unread.

    ``path`` is a path (a string or ``os.PathLike``), never a file descriptor: anything else
    is a :class:`TypeError`, raised before anything is opened.
    """
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise TypeError(f"expected a file path (str or os.PathLike), got {type(path).__name__}")
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

    A document over ``max_bytes`` (counted in UTF-8) is refused before it is parsed, and one
    with an object that gives a key twice (where the last would silently win) is refused too.
    """
    text = _text(data, origin, max_bytes)
    repeated = False

    def json_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
        nonlocal repeated
        found = dict(pairs)
        if len(found) != len(pairs):
            repeated = True
        return found

    value = _parse(text, origin, json_object)
    if repeated:
        raise invalid(repeated_keys(_parse(text, origin, tuple)), origin)
    return value


def parse_json_pairs(
    data: str | bytes, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> object:
    """JSON text (or UTF-8 bytes) as Python values, each object as its ``(key, value)`` pairs.

    An object is the tuple of its pairs in document order, a key it repeats included (find
    them with :func:`repeated_keys`); an array is a list. The parser runs no Python for each
    object, which makes this the quicker way to read a large document. Every failure is
    InvalidDocumentError, as for :func:`parse_json`.
    """
    return _parse(_text(data, origin, max_bytes), origin, tuple)


def _text(data: str | bytes, origin: str | None, max_bytes: int | None) -> str:
    """``data`` as text, if it is text or UTF-8 bytes within ``max_bytes``."""
    check_limit(max_bytes)
    if max_bytes is not None and isinstance(data, (str, bytes, bytearray)):
        # a str takes one to four bytes a character: count them only when it could matter
        size, unit = len(data), "bytes"
        if isinstance(data, str) and not data.isascii():
            if size <= max_bytes < 4 * size:
                size = len(data.encode("utf-8", "surrogatepass"))
            else:
                unit = "characters"  # a character is at least one byte: already too many
        if size > max_bytes:
            raise too_large(size, max_bytes, origin, unit)
    if isinstance(data, (bytes, bytearray)):
        try:
            return bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDocumentError(
                (f"not UTF-8: byte 0x{data[error.start]:02x} at position {error.start} @ $",),
                origin,
            ) from None
    if not isinstance(data, str):
        raise InvalidDocumentError(
            (f"expected JSON text as str or bytes, got {type(data).__name__} @ $",), origin
        )
    return data


def _parse(text: str, origin: str | None, object_pairs_hook: Callable[[Any], object]) -> object:
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=object_pairs_hook
        )
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno} (position {error.pos})"
        raise InvalidDocumentError(
            (f"malformed JSON at {where}: {error.msg} @ $",), origin
        ) from None
    except ValueError as error:  # a constant (NaN, Infinity) or a number too long to convert
        raise InvalidDocumentError((f"malformed JSON: {error} @ $",), origin) from None
    except RecursionError:
        raise InvalidDocumentError(("malformed JSON: nested too deeply @ $",), origin) from None


def repeated_keys(value: object) -> Problems:
    """A problem for each key an object of ``value`` repeats, at the key's path.

    ``value`` is parsed JSON read as pairs (:func:`parse_json_pairs`); the values of a
    repeated key are searched too, each of them.
    """
    problems = Problems()
    stack: list[tuple[object, str]] = [(value, "$")]
    while stack:
        item, path = stack.pop()
        if type(item) is tuple:
            counts = Counter(key for key, _ in item)
            if len(counts) != len(item):
                for key, count in counts.items():
                    if count > 1:
                        problems.append(
                            f"duplicate key {key!r}: each key may appear once in an object"
                            f" @ {path}{key_step(key)}"
                        )
            stack.extend((child, f"{path}{key_step(key)}") for key, child in reversed(item))
        elif type(item) is list:
            stack.extend((child, f"{path}[{n}]") for n, child in reversed(list(enumerate(item))))
    return problems


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")
