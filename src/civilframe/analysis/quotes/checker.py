"""From cells to statements, each matched to the indicator it quotes and classified."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from ...loading import resolve
from ...model import Framework, Indicator
from ...text import differences, typography, typography_key
from .index import Index
from .reader import LIST_MARKER, WORD, Cell, Claims, rows
from .report import QuoteFinding, QuoteReport, QuoteStatus, Rewording
from .source import read_source

__all__ = ["check_quotes"]

_MIN_PIECE_WORDS = 3
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')
_BRACKETS = ' "“”()[]{}<>'


def _pieces(cell: Cell, index: Index, in_table: bool) -> list[tuple[str, int | None]]:
    """The statements in a cell, each with the number of the text it is exactly, if any.

    A cell is one statement when it is an indicator's text; else it is split around the
    indicator texts inside it; else, when it holds double-quoted strings (a CSV or JSON data
    file) and one of them is nearer an indicator than the whole cell is, each quoted string of
    three words or more is a statement; else the whole cell is one statement.
    """
    for text in (cell.raw, cell.clean):
        if text in index.exact:
            return [(text, index.exact[text])]
    if len(cell.clean) <= 2 * index.longest_text:
        number = index.typeset(cell.clean)
        if number is not None:
            return [(cell.clean, number)]
    whole = _split(cell.clean, index, 1 if in_table else _MIN_PIECE_WORDS)
    if len(whole) > 1 or whole[0][1] is not None:
        return whole
    quoted = [
        match.group(1) or match.group(2)
        for match in _QUOTED.finditer(cell.clean)
        if len((match.group(1) or match.group(2)).split()) >= _MIN_PIECE_WORDS
    ]
    if quoted:
        inner = [piece for text in quoted for piece in _split(text.strip(), index, 1)]
        if any(exact is not None for _, exact in inner) or _nearest(
            [text for text, _ in inner], index
        ) > _nearest([cell.clean], index):
            return inner
    return whole


def _split(text: str, index: Index, least: int) -> list[tuple[str, int | None]]:
    """``text`` split around the indicator texts inside it (itself when it holds none)."""
    if text in index.exact:
        return [(text, index.exact[text])]
    found = index.contained(text)
    if not found:
        return [(text, None)]
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for start, end, number in found:
        pieces.extend(_rest(text[position:start], least))
        pieces.append((index.texts[number], number))
        position = end
    pieces.extend(_rest(text[position:], least))
    return pieces


def _nearest(texts: list[str], index: Index) -> float:
    """The best similarity of any of ``texts`` to any indicator (0.0 when none is near)."""
    return max((ratio for text in texts for ratio, _ in index.near(text)), default=0.0)


def _rest(fragment: str, least: int) -> list[tuple[str, int | None]]:
    """What is left of a cell between indicator texts, as a statement if it has enough words."""
    rest = LIST_MARKER.sub("", fragment.strip(_BRACKETS), count=1).strip(_BRACKETS)
    if sum(1 for word in rest.split(" ") if WORD.search(word)) < least:
        return []
    return [(rest, None)]


def _agreement(indicator: Indicator, claims: Claims, column: int) -> tuple[bool, bool, bool]:
    return (
        indicator.competency_id == claims.competency,
        indicator.level_number == claims.level,
        indicator.polarity == claims.polarity(column),
    )


def _finding(
    text: str,
    exact: int | None,
    cell: Cell,
    column: int,
    claims: Claims,
    index: Index,
    notes: tuple[str, ...],
) -> QuoteFinding | None:
    in_table = claims.polarities is not None
    typeset: tuple[str, ...] = ()
    if exact is not None:
        indicator = max(index.holders[exact], key=lambda i: _agreement(i, claims, column))
        similarity = 1.0
        difference: tuple[Rewording, ...] = ()
        if text != index.texts[exact]:
            typeset = typography(text, indicator.text)
    else:
        near = index.near(text)
        if not near:
            if not in_table:
                return None
            return QuoteFinding(
                status="unknown",
                text=text,
                lines=tuple(cell.lines),
                column=column,
                indicator=None,
                similarity=0.0,
                claimed_competency_id=claims.competency,
                claimed_level=claims.level,
                claimed_polarity=claims.polarity(column),
                notes=notes,
            )
        similarity, indicator = max(
            ((ratio, holder) for ratio, number in near for holder in index.holders[number]),
            key=lambda pair: (pair[0], _agreement(pair[1], claims, column)),
        )
        difference = _difference(indicator.text, text)
    status: QuoteStatus
    polarity = claims.polarity(column)
    if claims.level is not None and indicator.level_number != claims.level:
        status = "other-level"
    elif polarity is not None and indicator.polarity != polarity:
        status = "wrong-column"
    else:
        status = "verbatim" if exact is not None else "near"
    if claims.competency is not None and indicator.competency_id != claims.competency:
        heading, owner = index.names[claims.competency], index.names[indicator.competency_id]
        notes = (*notes, f"an indicator of {owner}, under the heading {heading}")
    return QuoteFinding(
        status=status,
        text=text,
        lines=tuple(cell.lines),
        column=column,
        indicator=indicator,
        similarity=similarity,
        difference=difference,
        typography=typeset,
        claimed_competency_id=claims.competency,
        claimed_level=claims.level,
        claimed_polarity=polarity,
        notes=notes,
    )


def _difference(framework: str, text: str) -> tuple[Rewording, ...]:
    """The words that differ, typography aside (that is listed on its own)."""
    theirs, ours = typography_key(framework).split(" "), typography_key(text).split(" ")
    return tuple(
        Rewording(framework=in_framework, document=in_document)
        for tag, in_framework, in_document in differences(theirs, ours)
        if tag != "equal"
    )


def check_quotes(
    source: str | bytes | os.PathLike[str], framework: Framework | str, level: int | None = None
) -> QuoteReport:
    r"""The indicator-like statements of a document, each classified against ``framework``.

    ``source`` is the document: its text (``str``), its bytes (decoded as
    :mod:`~civilframe.analysis.quotes.source` sets out, and the report names the encoding), or
    the path of a file (``os.PathLike``, read as bytes). How statements, claims and "near" are
    decided is set out in this module's documentation; differences of typography alone
    (quotation marks, dashes, white space, a final full stop, emphasis markup) leave a
    statement "verbatim", each listed in :attr:`QuoteFinding.typography`. ``level`` claims that
    level for every statement, overriding the document's own level headings; a level the
    framework does not cover raises :class:`~civilframe.NotFoundError`. ``framework`` is a
    Framework or a bundled framework's id. Bytes that are binary, not text, raise
    :class:`~civilframe.InvalidDocumentError`.

    >>> import civilframe
    >>> from civilframe import check_quotes
    >>> ccf = civilframe.load("competency-framework")
    >>> quoted = ccf.competency("Seeing the Big Picture").level(3).effective[0].text
    >>> report = check_quotes(f"Effective Behaviour\t\n{quoted}", ccf, level=2)
    >>> [(finding.status, finding.indicator.id) for finding in report]
    [('other-level', 'seeing-the-big-picture.l3.e1')]
    >>> curly = quoted.replace("'", "’")
    >>> report = check_quotes(f"- **{curly}**.".encode("cp1252"), ccf)
    >>> report.encoding, [(f.status, f.typography) for f in report]
    ('Windows-1252', [('verbatim', ('quotation marks', 'a final full stop', 'emphasis markup'))])
    """
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise TypeError(f"check_quotes() takes level as a whole number or None, got {level!r}")
    text, encoding = read_source(source)
    framework = resolve(framework)
    if level is not None:
        framework.level_definition(level)
    index = Index.of(framework)
    findings: list[QuoteFinding] = []
    quoted: set[tuple[str, int, str]] = set()
    claimed: list[tuple[str, int]] = []
    for row in rows(text, index, level):
        in_table = row.table != 0
        columns = len(row.claims.polarities or ())
        alike = len(row.cells) > 1 and len({cell.clean for cell in row.cells}) == 1
        for cell in row.cells:
            pieces = _pieces(cell, index, in_table)
            notes: tuple[str, ...] = ()
            whole_row = len(row.cells) == 1 and 1 < len(pieces) <= columns
            if whole_row:
                notes = (f"one of {len(pieces)} statements of a row merged in one cell",)
            elif len(pieces) > 1:
                notes = (f"one of {len(pieces)} statements merged in one cell",)
            if alike:
                notes = (*notes, "the same text fills every column of the row")
            for place, (piece, exact) in enumerate(pieces, start=1):
                column = place if whole_row else cell.column
                finding = _finding(piece, exact, cell, column, row.claims, index, notes)
                if finding is None:
                    continue
                findings.append(finding)
                competency, claimed_level = row.claims.competency, row.claims.level
                if competency is not None and claimed_level is not None:
                    if (competency, claimed_level) not in claimed:
                        claimed.append((competency, claimed_level))
                    if finding.indicator is not None:
                        quoted.add((competency, claimed_level, finding.indicator.id))
    return QuoteReport(
        framework_id=framework.id,
        level=level,
        encoding=encoding,
        findings=tuple(findings),
        unquoted=tuple(_unquoted(framework, claimed, quoted)),
    )


def _unquoted(
    framework: Framework, claimed: list[tuple[str, int]], quoted: set[tuple[str, int, str]]
) -> Iterator[Indicator]:
    """The unquoted indicators of each claimed competency and level quoted half or more."""
    for competency in framework.competencies:
        for level in competency.levels:
            if (competency.id, level.number) not in claimed:
                continue
            missing = [
                indicator
                for indicator in level
                if (competency.id, level.number, indicator.id) not in quoted
            ]
            if 2 * (len(level) - len(missing)) >= len(level):
                yield from missing
