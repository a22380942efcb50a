"""From cells to statements, each matched to the indicator it quotes and classified."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator

import attrs

from ...errors import NotFoundError
from ...loading import frameworks, load, resolve
from ...model import Framework, Indicator
from ...text import differences, typography, typography_key
from .blocks import Cell, Claims, Row
from .index import Index
from .readers import rows
from .readers.text import LIST_MARKER, WORD
from .report import Elsewhere, QuoteFinding, QuoteReport, QuoteStatus, Rewording
from .source import Document, open_document

__all__ = ["check_against_bundled", "check_quotes"]

_MIN_PIECE_WORDS = 3
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|„([^“”]+)[“”]')
#: Quotation marks a quoted statement may stand in, whole.
_MARKS = "\"“”„‟'‘’‚‛«»"
_BRACKETS = ' "“”„()[]{}<>'


def _pieces(cell: Cell, index: Index, presented: bool) -> list[tuple[str, int | None]]:
    """The statements in a cell, each with the number of the text it is exactly, if any.

    A cell is one statement when it is an indicator's text, this framework's or (typography
    aside) another bundled one's, in quotation marks or not; else, when a quoted string in it
    is another framework's text, each quoted string of three words or more is a statement;
    else it is split around the indicator texts inside it; else, when it holds quoted strings
    (a CSV or JSON data file) and one of them is nearer an indicator than the whole cell is,
    each quoted string is a statement; else the whole cell is one statement.
    """
    number = index.cell_number(cell)
    if number is not None:
        return [(cell.raw if cell.raw in index.exact else cell.clean, number)]
    others, longest = _elsewhere(index.framework.id)
    if len(cell.clean) <= longest and index.key(cell.clean) in others:
        return [(cell.clean, None)]  # another framework's text, whole: not split
    inner = cell.clean.strip(_MARKS + " ")
    if inner != cell.clean and len(inner) <= 2 * index.longest_text:  # a quotation, whole
        number = index.typeset(inner)
        if number is not None or index.key(inner) in others:
            return [(inner, number)]
    quoted = [
        text.strip()
        for match in _QUOTED.finditer(cell.clean)
        if len((text := next(group for group in match.groups() if group)).split())
        >= _MIN_PIECE_WORDS
    ]

    def elsewhere(text: str) -> bool:
        return len(text) <= longest and index.key(text) in others

    pieces = [
        piece
        for text in quoted
        for piece in ([(text, None)] if elsewhere(text) else _split(text, index, 1))
    ]
    if any(elsewhere(text) for text in quoted):  # another framework's quotation, whole
        return pieces
    whole = _split(cell.clean, index, 1 if presented else _MIN_PIECE_WORDS)
    if len(whole) > 1 or whole[0][1] is not None:
        return whole
    if pieces and (
        any(exact is not None for _, exact in pieces)
        or _nearest([text for text, _ in pieces], index) > _nearest([cell.clean], index)
    ):
        return pieces
    return whole


def _split(text: str, index: Index, least: int) -> list[tuple[str, int | None]]:
    """``text`` split around the indicator texts inside it (itself when it holds none)."""
    if text in index.exact:
        return [(text, index.exact[text])]
    if len(text) <= 2 * index.longest_text:
        number = index.typeset(text)
        if number is not None:
            return [(text, number)]
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
    row: Row,
    index: Index,
    notes: tuple[str, ...],
) -> QuoteFinding | None:
    claims = row.claims
    near = index.near(text) if exact is None else []
    others, longest = _elsewhere(index.framework.id)
    elsewhere = others.get(index.key(text), ()) if exact is None and len(text) <= longest else ()
    if exact is None and not near and not elsewhere and not row.presented:
        return None  # prose that quotes nothing
    polarity = claims.polarity(column)
    found = functools.partial(
        QuoteFinding,
        text=text,
        lines=tuple(cell.lines),
        column=column,
        claimed_competency_id=claims.competency,
        claimed_level=claims.level,
        claimed_polarity=polarity,
    )
    typeset: tuple[str, ...] = ()
    if exact is not None:
        indicator = max(index.holders[exact], key=lambda i: _agreement(i, claims, column))
        if text != index.texts[exact]:
            typeset = typography(text, indicator.text)
        if text == cell.clean:  # the markup the reader took out of the whole cell
            typeset = tuple(dict.fromkeys((*typeset, *cell.markup)))
        return found(
            status=_status(indicator, claims.level, polarity, "verbatim"),
            indicator=indicator,
            similarity=1.0,
            typography=typeset,
            closest=indicator,
            closeness=1.0,
            notes=(*notes, *_other_competency(indicator, claims, index)),
        )
    best = (
        max(
            ((ratio, holder) for ratio, number in near for holder in index.holders[number]),
            key=lambda pair: (pair[0], _agreement(pair[1], claims, column)),
        )
        if near
        else None
    )
    if elsewhere:
        if best is None:
            closest = index.closest(text)
            best = (closest[0], index.holders[closest[1]][0]) if closest else None
        nearest = best[1] if best else None
        return found(
            status="other-framework",
            indicator=None,
            similarity=best[0] if best else 0.0,
            difference=_difference(nearest.text, text) if nearest else (),
            elsewhere=elsewhere,
            closest=nearest,
            closeness=best[0] if best else 0.0,
            notes=notes,
        )
    if best is None:
        closest = index.closest(text)
        return found(
            status="unknown",
            indicator=None,
            similarity=0.0,
            closest=index.holders[closest[1]][0] if closest else None,
            closeness=closest[0] if closest else 0.0,
            notes=notes,
        )
    similarity, indicator = best
    return found(
        status=_status(indicator, claims.level, polarity, "near"),
        indicator=indicator,
        similarity=similarity,
        difference=_difference(indicator.text, text),
        closest=indicator,
        closeness=similarity,
        notes=(*notes, *_other_competency(indicator, claims, index)),
    )


def _status(
    indicator: Indicator, level: int | None, polarity: str | None, matched: QuoteStatus
) -> QuoteStatus:
    """Another level or column than claimed, before how well the words match (``matched``)."""
    if level is not None and indicator.level_number != level:
        return "other-level"
    if polarity is not None and indicator.polarity != polarity:
        return "wrong-column"
    return matched


def _other_competency(indicator: Indicator, claims: Claims, index: Index) -> tuple[str, ...]:
    if claims.competency is None or indicator.competency_id == claims.competency:
        return ()
    heading, owner = index.names[claims.competency], index.names[indicator.competency_id]
    return (f"an indicator of {owner}, under the heading {heading}",)


@functools.lru_cache(maxsize=8)
def _elsewhere(checked: str) -> tuple[dict[str, tuple[Elsewhere, ...]], int]:
    """Every other bundled framework's indicators by their typography key, and a bound.

    The bound is how long a statement may be to be one of them: twice the longest, for
    typography's sake.
    """
    found: dict[str, list[Elsewhere]] = {}
    for id in frameworks():
        if id == checked:
            continue
        for indicator in load(id).indicators:
            found.setdefault(typography_key(indicator.text), []).append(
                Elsewhere(framework_id=id, indicator=indicator)
            )
    longest = 2 * max(map(len, found), default=0)
    return {key: tuple(places) for key, places in found.items()}, longest


def _difference(framework: str, text: str) -> tuple[Rewording, ...]:
    """The words that differ, typography aside (that is listed on its own)."""
    theirs, ours = typography_key(framework).split(" "), typography_key(text).split(" ")
    return tuple(
        Rewording(framework=in_framework, document=in_document)
        for tag, in_framework, in_document in differences(theirs, ours)
        if tag != "equal"
    )


def check_quotes(
    source: str | bytes | os.PathLike[str],
    framework: Framework | str,
    level: int | None = None,
    *,
    format: str | None = None,
) -> QuoteReport:
    r"""The statements a document presents as indicators, each classified against ``framework``.

    ``source`` is the document: its text (``str``), its bytes (decoded as
    :mod:`~civilframe.analysis.quotes.source` sets out; the report names the encoding), or
    the path of a file (``os.PathLike``). ``format`` is one of
    :data:`~civilframe.analysis.quotes.readers.FORMATS` (``"text"``, ``"markdown"``,
    ``"html"``, ``"json"``, ``"csv"``, ``"docx"``, ``"pdf"``); without it a path's suffix
    decides, else what the document holds (:mod:`~civilframe.analysis.quotes.readers`).
    ``framework`` is a Framework or a bundled framework's id (:func:`check_against_bundled`
    chooses the bundled one the document quotes most).
    ``level`` claims that level for every statement, overriding the document's own level
    headings; a level the framework does not cover raises :class:`~civilframe.NotFoundError`.

    How statements, claims and statuses are decided is set out in this module's documentation;
    differences of typography alone leave a statement "verbatim", each listed in
    :attr:`QuoteFinding.typography`. A document that cannot be read (binary, over the size
    limit, of an unknown kind, a Word or PDF file without the ``documents`` extra) raises
    :class:`~civilframe.InvalidDocumentError`.

    >>> import civilframe
    >>> from civilframe import check_quotes
    >>> ccf = civilframe.load("competency-framework")
    >>> quoted = ccf.competency("Seeing the Big Picture").level(3).effective[0].text
    >>> report = check_quotes(f"Effective Behaviour\t\n{quoted}", ccf, level=2)
    >>> [(finding.status, finding.indicator.id) for finding in report]
    [('other-level', 'seeing-the-big-picture.l3.e1')]
    >>> curly = quoted.replace("'", "’")
    >>> report = check_quotes(f"## Effective\n\n- **{curly}**.".encode("cp1252"), ccf)
    >>> report.format, report.encoding, report.findings[0].status
    ('markdown', 'Windows-1252', 'verbatim')
    >>> report.findings[0].typography
    ('quotation marks', 'a final full stop', 'emphasis markup')
    """
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise TypeError(f"check_quotes() takes level as a whole number or None, got {level!r}")
    document = open_document(source, format)
    return _check(document, resolve(framework), level)


def check_against_bundled(
    source: str | bytes | os.PathLike[str], level: int | None = None, *, format: str | None = None
) -> QuoteReport:
    r"""The document checked against the bundled framework it quotes most.

    Each bundled framework (that has ``level``, if given) is tried; the one whose indicators
    the most statements quote (verbatim or near, at any level or column) wins, then the one
    with the most verbatim statements, then the first listed. The report says the framework
    was chosen (:attr:`QuoteReport.chosen`). Takes ``source``, ``level`` and ``format`` as
    :func:`check_quotes` does.

    >>> advert = "Effective\nWork with energy and pace to get the job done"
    >>> check_against_bundled(advert).framework_id
    'competency-framework'
    """
    if level is not None and (isinstance(level, bool) or not isinstance(level, int)):
        raise TypeError(
            f"check_against_bundled() takes level as a whole number or None, got {level!r}"
        )
    document = open_document(source, format)
    best: QuoteReport | None = None
    for id in frameworks():
        chosen = load(id)
        if level is not None and level not in chosen.level_numbers:
            continue
        report = _check(document, chosen, level)
        if best is None or _quoted(report) > _quoted(best):
            best = report
    if best is None:
        raise NotFoundError(
            kind="level",
            query=str(level),
            closest=(),
            reason=f"no bundled framework has Level {level}",
        )
    return attrs.evolve(best, chosen=True)


def _quoted(report: QuoteReport) -> tuple[int, int]:
    """How much of a document is the framework's: quotations of it, then verbatim ones."""
    return sum(1 for f in report if f.indicator is not None), report.counts["verbatim"]


def _check(document: Document, framework: Framework, level: int | None) -> QuoteReport:
    if level is not None:
        framework.level_definition(level)
    index = Index.of(framework)
    findings: list[QuoteFinding] = []
    quoted: set[tuple[str, int, str]] = set()
    claimed: list[tuple[str, int]] = []
    found = rows(document.format, document.text, document.data, index, level, document.origin)
    for row in found:
        columns = len(row.claims.polarities or ())
        alike = len(row.cells) > 1 and len({cell.clean for cell in row.cells}) == 1
        for cell in row.cells:
            pieces = _pieces(cell, index, row.presented)
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
                finding = _finding(piece, exact, cell, column, row, index, notes)
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
        format=document.format,
        encoding=document.encoding,
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
