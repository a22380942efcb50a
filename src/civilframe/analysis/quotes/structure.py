"""From a document's blocks to the rows the matcher reads: what each block claims, presents.

- A *heading* claims what :func:`~civilframe.analysis.quotes.claims.heading` or a column
  header reads in it, for the blocks after it, until a heading of its depth or higher; so does
  a short paragraph or a list item that is nothing but a heading or a column header ("**Level
  3**", "Effective behaviours:"), until the next heading.
- A *list item*, or a *paragraph* of at most 40 words, under a competency or column claim
  presents indicators: every statement in it is reported, "unknown" when it matches
  nothing. Any other paragraph is prose, in which only the indicators it quotes are reported.
- A *table*'s header row (its ``<th>`` cells, a Markdown table's first row, or a first row
  every cell of which is a column header) claims per column: a column ("Effective"), a
  competency or a level; or names a column whose cells make the claim row by row ("Level",
  "Competency", "Behaviour", "Grade", "Polarity"). A body cell that is a heading in the first
  column claims for its row. A table with any claim presents indicators in its other cells;
  in a data table (one with such claiming columns, as a CSV file has), only in its columns of
  text ("Text", "Indicator", "Statement", "Example", "Description") and its column-claiming
  ones ("Effective").
- A *data value* (JSON) claims by its key: ``"level": 3``, ``"grade": "HEO"``, ``"name":
  "Seeing the Big Picture"``, ``"polarity": "effective"`` claim for the object holding them;
  a key that is a competency's name or id, a column ("effective", "negative_indicators",
  "examples") or a level ("level 3") claims for everything under it. A string value under a
  column key or an indicator-like key ("indicators", "behaviours", "statements", "text")
  presents indicators; other strings are prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs

from ..._format.scalars import Polarity
from ...reference.grade_table import heading_level
from ...text import fold
from .blocks import Block, Cell, Claims, Row
from .claims import column_polarity, heading, key_polarity
from .index import Index

__all__ = ["rows"]

_SHORT_WORDS = 40
#: The depth of a claim made by a paragraph: under every heading, replaced by the next
#: paragraph's claim of its kind, ended by the next heading.
_PARAGRAPH = 7

#: Column names (folded) whose cells claim, row by row: a level, a grade, a competency, a column.
_LEVEL_NAMES = frozenset({"level", "levels", "level number", "framework level"})
_GRADE_NAMES = frozenset({"grade", "grades", "band", "pay band"})
_COMPETENCY_NAMES = frozenset(
    {"competency", "competencies", "behaviour", "behaviours", "behavior", "behaviors", "name"}
)
_COMPETENCY_NAMES |= {"competency id", "competency_id", "title", "heading", "label"}
_POLARITY_NAMES = frozenset({"polarity", "type", "kind", "column"})
#: Data keys under which string values are statements presented as indicators.
_INDICATOR_KEYS = frozenset(
    {"indicators", "indicator", "behaviours", "behaviors", "statements", "statement", "text"}
)
_INDICATOR_KEYS |= {"items", "examples", "example", "bullets", "descriptors"}
#: Column names (folded) of a data table whose cells are statements presented as indicators.
_TEXT_NAMES = frozenset(
    {"text", "indicator", "indicators", "statement", "statements", "example", "examples"}
)
_TEXT_NAMES |= {"behaviour text", "indicator text", "behavioural indicator", "description"}
_INDEX = re.compile(r"\[\d+\]")
_NUMBER = re.compile(r"(?:level\s*)?([0-9]{1,3})")


@attrs.frozen
class _Claim:
    depth: int
    competency: str | None = None
    level: int | None = None
    polarity: Polarity | None = None


def _merged(stack: Iterable[_Claim], level: int | None) -> Claims:
    competency, claimed, polarity = None, None, None
    for claim in stack:
        competency = claim.competency or competency
        claimed = claim.level or claimed
        polarity = claim.polarity or polarity
    return Claims(
        competency=competency,
        level=level or claimed,
        polarities=None if polarity is None else (polarity,),
    )


def _claim(text: str, index: Index, depth: int) -> _Claim | None:
    """What a heading-like text claims, or None when it claims nothing."""
    polarity = column_polarity(text)
    if polarity is not None:
        return _Claim(depth, polarity=polarity)
    if text in index.exact:
        return None
    found = heading(text, index)
    if found is None:
        return None
    return _Claim(depth, competency=found[0], level=found[1])


def _cell(block: Block, column: int) -> Cell:
    """A block as a cell of the matcher's rows: its text (already clean), line and markup."""
    return Cell(
        raw=block.text, clean=block.text, lines=[block.line], column=column, markup=block.markup
    )


def _single(block: Block, claims: Claims, presented: bool) -> Row:
    return Row(cells=[_cell(block, 1)], claims=claims, table=0, presented=presented)


def rows(blocks: Iterable[Block], index: Index, level: int | None) -> list[Row]:
    """The rows of a document's blocks, each with its claims (``level`` overriding its own)."""
    found: list[Row] = []
    stack: list[_Claim] = []
    tables: dict[int, list[Block]] = {}  # the cells of the tables open, nested ones too
    around: dict[int, Claims] = {}  # what the headings above each table claim for it
    values: list[Block] = []
    for block in blocks:
        if tables and block.kind != "cell":
            for number, cells in tables.items():
                found.extend(_table(cells, index, around[number]))
            tables.clear()
        if block.kind == "heading":
            stack = [claim for claim in stack if claim.depth < block.depth]
            claim = _claim(block.text, index, block.depth)
            if claim is not None:
                stack.append(claim)
        elif block.kind in ("paragraph", "item"):
            words = len(block.text.split())
            claim = _claim(block.text, index, _PARAGRAPH) if words <= _SHORT_WORDS else None
            if claim is not None:  # it replaces what the paragraphs before claimed of its kind
                stack = [kept for kept in stack if not _same_kind(kept, claim)]
                stack.append(claim)
                continue
            claims = _merged(stack, level)
            under = any(claim.competency or claim.polarity for claim in stack)
            short = block.kind == "item" or words <= _SHORT_WORDS
            found.append(_single(block, claims, under and short))
        elif block.kind == "cell":
            if block.table not in tables:
                tables[block.table] = []
                around[block.table] = _merged(stack, level)
            tables[block.table].append(block)
        else:
            values.append(block)
    for number, cells in tables.items():
        found.extend(_table(cells, index, around[number]))
    found.extend(_values(values, index, level))
    return found


def _same_kind(kept: _Claim, new: _Claim) -> bool:
    """Whether a paragraph's claim ``new`` replaces ``kept``: a paragraph's, of the same kind."""
    return kept.depth == _PARAGRAPH and (
        (new.competency is not None and kept.competency is not None)
        or (new.level is not None and kept.level is not None)
        or (new.polarity is not None and kept.polarity is not None)
    )


def _table(cells: list[Block], index: Index, around: Claims) -> Iterator[Row]:
    """The rows of one table: its header's claims per column, then each body row."""
    by_row: dict[int, list[Block]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    ordered = [by_row[number] for number in sorted(by_row)]
    header: list[Block] = []
    first = ordered[0] if ordered else []
    heads = [_is_header(cell.text, index) for cell in first if cell.text]
    if any(heads) and (all(cell.header for cell in first) or all(heads)):
        # a header row claims something; one that claims nothing is read as a row
        header = ordered.pop(0)
    columns: dict[int, _Claim] = {}  # what a header cell claims for its column
    roles: dict[int, str] = {}  # the header cells whose column's cells claim, row by row
    texts: set[int] = set()  # a data table's columns of statements, by their names
    for cell in header:
        name = fold(cell.text).rstrip(":")
        role = _role(name)
        if role is not None:
            roles[cell.column] = role
            continue
        if name in _TEXT_NAMES:
            texts.add(cell.column)
        claim = _claim(cell.text, index, 0)
        if claim is not None:
            columns[cell.column] = claim
    if roles:  # a data table: its text columns and its column-claiming ones hold statements
        texts |= {column for column, claim in columns.items() if claim.polarity}
    claimed = bool(columns or roles) or bool(around.competency or around.polarities)
    width = max((cell.column for cell in cells), default=0)
    for row in ordered:
        competency, level, polarity = around.competency, around.level, around.polarity(1)
        statements: list[Block] = []
        for cell in row:
            role = roles.get(cell.column)
            label = None
            if role is None and cell.column == 1 and len(row) > 1:
                label = _claim(cell.text, index, 0)
            if role is not None or (label is not None and label.polarity is None):
                found = label or _role_claim(role or "", cell.text, index)
                competency = found.competency or competency
                level = around.level if around.level else found.level or level
                polarity = found.polarity or polarity
                continue
            statements.append(cell)
        polarities = tuple(
            (columns[column].polarity if column in columns else None) or polarity
            for column in range(1, width + 1)
        )
        grouped: dict[tuple[str | None, int | None, bool], list[Cell]] = {}
        for cell in statements:
            claim = columns.get(cell.column) or _Claim(0)
            row_competency = claim.competency or competency
            presented = (claimed or row_competency is not None) and (
                not roles or cell.column in texts
            )
            key = (
                row_competency,
                level if around.level else claim.level or level,
                presented,
            )
            grouped.setdefault(key, []).append(_cell(cell, cell.column))
        for (row_competency, row_level, presented), row_cells in grouped.items():
            yield Row(
                cells=row_cells,
                claims=Claims(
                    competency=row_competency,
                    level=row_level,
                    polarities=polarities if any(polarities) else None,
                ),
                table=row[0].table,
                presented=presented,
            )


def _role(name: str) -> str | None:
    """The claim a column or key of this (folded) name makes for its row or object, if any."""
    for role, names in (
        ("level", _LEVEL_NAMES),
        ("grade", _GRADE_NAMES),
        ("competency", _COMPETENCY_NAMES),
        ("polarity", _POLARITY_NAMES),
    ):
        if name in names:
            return role
    return None


def _is_header(text: str, index: Index) -> bool:
    return _role(fold(text).rstrip(":")) is not None or _claim(text, index, 0) is not None


def _role_claim(role: str, text: str, index: Index) -> _Claim:
    """What a cell of a claiming column (or a data value of a claiming key) claims."""
    if role == "level":
        match = _NUMBER.fullmatch(fold(text))
        return _Claim(0, level=int(match.group(1)) if match else None)
    if role == "grade":
        return _Claim(0, level=heading_level(text, index.framework))
    if role == "polarity":
        return _Claim(0, polarity=column_polarity(text) or key_polarity(text))
    found = heading(text, index)
    return _Claim(0, competency=found[0] if found else None)


def _values(blocks: Iterable[Block], index: Index, level: int | None) -> Iterator[Row]:
    """The rows of data values, each claiming by its keys and its object's scalar members."""
    scoped: dict[tuple[str, ...], list[_Claim]] = {}
    # what the keys down to an object claim, worked out once per object (its siblings share it)
    reached: dict[tuple[str, ...], tuple[tuple[_Claim, ...], bool]] = {(): ((), False)}

    def claims_to(keys: tuple[str, ...]) -> tuple[tuple[_Claim, ...], bool]:
        known = reached.get(keys)
        if known is not None:
            return known
        # the longest prefix already worked out, then the keys below it one by one
        depth = len(keys) - 1
        while keys[:depth] not in reached:
            depth -= 1
        stack, presented = reached[keys[:depth]]
        for at in range(depth, len(keys)):
            stack, presented = _key_claims(keys, at, stack, presented, scoped, index)
            reached[keys[: at + 1]] = (stack, presented)
        return stack, presented

    for block in blocks:
        keys = block.keys
        role = _role(fold(keys[-1])) if keys and not _INDEX.fullmatch(keys[-1]) else None
        if role is not None:
            scoped.setdefault(keys[:-1], []).append(_role_claim(role, block.text, index))
            continue
        stack, presented = claims_to(keys)
        yield _single(block, _merged(stack, level), presented)


def _key_claims(
    keys: tuple[str, ...],
    at: int,
    stack: tuple[_Claim, ...],
    presented: bool,
    scoped: dict[tuple[str, ...], list[_Claim]],
    index: Index,
) -> tuple[tuple[_Claim, ...], bool]:
    """The claims down to ``keys[at]``: those above it, its object's members', and its own."""
    stack = (*stack, *scoped.get(keys[:at], ()))
    key = keys[at]
    if _INDEX.fullmatch(key):
        return stack, presented
    polarity = key_polarity(key)
    if polarity is not None:
        return (*stack, _Claim(0, polarity=polarity)), True
    if fold(key) in _INDICATOR_KEYS:
        return stack, True
    number = _NUMBER.fullmatch(fold(key))
    if number and at and fold(keys[at - 1]) in _LEVEL_NAMES:
        return (*stack, _Claim(0, level=int(number.group(1)))), presented
    claim = _claim(key, index, 0)
    return ((*stack, claim) if claim is not None else stack), presented
