"""Data files: JSON, where every string is a value under its keys, and CSV, a table.

A JSON document's strings are read in document order, each with the keys that lead to it
(a list's items as ``"[0]"``, ``"[1]"``…) and the line it is on; an object's plain members
(strings, numbers) come before its lists and objects, so that ``"level": 3`` claims for the
``"examples"`` beside it wherever it stands. A CSV file is one table: its first row the
header, every field a cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from ...._format.documents import parse_json
from ...._format.problems import invalid
from ....text import unwrapped
from ..blocks import Block

__all__ = ["MAX_DEPTH", "read_csv_table", "read_json"]

#: How deep a JSON document may nest (an indicator list is a few levels down, not hundreds).
MAX_DEPTH = 100

#: A JSON string, as the text writes it: what puts each string value on its line.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def read_json(text: str, origin: str | None = None) -> list[Block]:
    """The string values (and whole numbers) of a JSON document as blocks.

    Raises :class:`~civilframe.InvalidDocumentError` for text that is not JSON, or that nests
    deeper than :data:`MAX_DEPTH` levels.
    """
    value = parse_json(text, origin, max_bytes=None)
    starts = _line_starts(text)
    strings = (_line(starts, found.start()) for found in _STRING.finditer(text))
    lines: dict[tuple[str, ...], int] = {}

    def locate(node: object, keys: tuple[str, ...], line: int) -> None:
        """Give every scalar its line: the strings of the text come in the text's order."""
        if len(keys) > MAX_DEPTH:
            raise invalid(
                (f"nested deeper than {MAX_DEPTH} levels: no tool's data is @ $",), origin
            )
        if isinstance(node, dict):
            for key, member in node.items():
                at = next(strings, line)  # the key, on the line its value starts on
                locate(member, (*keys, key), at)
        elif isinstance(node, list):
            for position, item in enumerate(node):
                locate(item, (*keys, f"[{position}]"), line)
        else:
            lines[keys] = next(strings, line) if isinstance(node, str) else line

    def emit(node: object, keys: tuple[str, ...]) -> Iterator[Block]:
        """An object's plain members first, then what is nested in it, in order."""
        if isinstance(node, dict):
            members = [(key, node[key]) for key in node]
            for key, member in members:
                if not isinstance(member, (dict, list)):
                    yield from emit(member, (*keys, key))
            for key, member in members:
                if isinstance(member, (dict, list)):
                    yield from emit(member, (*keys, key))
        elif isinstance(node, list):
            for position, item in enumerate(node):
                yield from emit(item, (*keys, f"[{position}]"))
        elif isinstance(node, str) or (isinstance(node, int) and not isinstance(node, bool)):
            found = unwrapped(str(node))
            if found:
                yield Block("value", found, lines.get(keys, 1), keys=keys)

    locate(value, (), 1)
    return list(emit(value, ()))


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _line(starts: list[int], position: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, position)


def read_csv_table(text: str) -> Iterator[Block]:
    """The fields of a CSV document as the cells of one table, its first row the header.

    Raises :class:`~civilframe.InvalidDocumentError` for a CSV the :mod:`csv` module cannot
    read (a field longer than its limit of 128 KiB, which no indicator is).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    rows = enumerate(reader, start=1)
    while True:
        try:
            row, fields = next(rows)
        except StopIteration:
            return
        except csv.Error as error:  # a field over the csv module's limit, a stray quote
            raise invalid((f"malformed CSV at line {reader.line_num}: {error} @ $",)) from None
        for column, field in enumerate(fields, start=1):
            found = unwrapped(field)
            if found:
                yield Block("cell", found, line, table=1, row=row, column=column, header=row == 1)
        line = reader.line_num + 1
