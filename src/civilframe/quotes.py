"""Checking the indicators a document quotes: adverts, candidate packs, other tools' data files.

:func:`check_quotes` reads a document as plain text (as extracted from a PDF, a web page or a
data file), finds the statements in it that quote, or look like they quote, a framework's
behavioural indicators, and classifies each against the framework:

``"verbatim"``
    the framework's text exactly, in the right place (only runs of white space, HTML tags and
    a list marker may differ);
``"near"``
    close to an indicator's text but not equal to it (a dropped word, an added full stop, a
    hyphen for an en dash); the finding carries the word difference;
``"wrong-column"``
    an ineffective indicator presented as effective, or the reverse;
``"other-level"``
    an indicator of another level than the one the document claims;
``"unknown"``
    a statement presented as an indicator (a row of an indicator table) that matches none.

**How the document is read.** Lines are numbered from 1 and split at TABs into cells (the
columns of a table extracted from a PDF); empty trailing cells are dropped, HTML tags such as
``<p>`` are removed and list markers (``-``, ``•``, ``1.``) are stripped from a cell's start.
Blank lines are skipped and end nothing. A line none of whose cells is an indicator's text can
be a heading, which sets a *claim* for the lines after it:

- a *column header*: every cell reads like "Effective Behaviour", "Ineffective Behaviour",
  "People who are (less) effective are likely to…", "Effective" or "Ineffective" (several
  may share a cell). It starts an *indicator table* whose columns claim those polarities,
  left to right; a header of one cell starts a table of one column;
- a *competency heading* (a line of one cell): the name or id of one of the framework's
  competencies, forgiving case, spacing, "&" for "and", numbering ("1. ") and a trailing
  colon, optionally with a level ("Leading and Communicating – Level 3"). It claims that
  competency (and that level);
- a *level heading*: a line of one cell and at most 25 words naming one "Level N" (e.g.
  "Level 4 Behavioural Indicators for Grade 6 and Grade 7 Posts"). It claims that level,
  unless the caller gave ``level=``, which claims that level for the whole document.

A heading sets its own claim and keeps the others. Competency and level headings end an
indicator table; so does a line of one cell holding more than 40 words in which no indicator's
text occurs (a paragraph of prose).

**Statements.** A row broken across lines is joined back first: a line of an indicator table
continues the row above it (blank lines between them are skipped) when none of its cells is an
indicator's text and each of its cells starts with a lower-case letter, or completes the cell
above it in the same column into an indicator's text. Then each cell with a letter or digit in
it is read:

1. a cell that is an indicator's text is one statement;
2. else the cell is split around every indicator text inside it that is delimited by white
   space, quotation marks or brackets (merged cells, as PDF extraction makes them: "E I");
   each indicator text and each remaining piece is a statement of its own;
3. else, if the cell holds double-quoted strings (a CSV or JSON data file) and one of them is
   nearer an indicator than the whole cell, each quoted string of three words or more is
   read as a cell by steps 1–2;
4. else the whole cell is one statement.

A statement takes the claimed column of its cell; a line of one cell in a table of several
columns whose cell splits into no more statements than the table has columns is a whole row
merged into one cell, and its statements take the columns in order. A row whose cells hold the
same merged text is read cell by cell, so the effective cell's ineffective part is reported in
the wrong column, and the reverse. In an indicator table every statement is reported ("unknown"
when it matches nothing; remaining pieces need one word). Outside indicator tables only
statements that are or are near an indicator are reported (remaining pieces need three words),
so that prose, JSON and CSV files and quotations inside sentences can be checked too.

**Near.** Statements and indicators are compared as sequences of words (split at white space,
so that punctuation stays on its word and counts as a difference), with
:class:`difflib.SequenceMatcher`. A statement is near an indicator when the ratio is at least
:data:`NEAR_RATIO` (0.6) and they share at least :data:`NEAR_MIN_WORDS` (3) words in order.
Of all indicators a statement is near, the most similar wins; among equally similar ones,
the one that agrees most with the claims (competency, then level, then column). Identical
texts held by more than one indicator are resolved the same way. On the Home Office candidate
pack (source 003), every statement that is not a framework indicator is below 0.4 of its
nearest indicator, and the only truncated quotation, the shortest near one, is at 0.62.

**Status.** With the matched indicator chosen: "other-level" when a level is claimed and the
indicator's level differs; else "wrong-column" when a column is claimed and the indicator's
polarity differs; else "verbatim" or "near" by the text. A difference in wording is recorded
whatever the status. An indicator of another competency than the heading claims is said in the
finding's notes. :attr:`QuoteReport.unquoted` lists what a claimed competency and level leaves
out, where the document quotes at least half of that level's indicators under that claim.

**Cost.** The framework's texts are indexed once per call: exact texts in a dictionary, first
words for finding texts inside cells, and word postings for a prefix filter that leaves difflib
only the few indicators that could be near: an indicator sharing at least ``k`` of a
statement's ``n`` words shares one of its ``n - k + 1`` rarest words.
"""

from __future__ import annotations

import difflib
import html
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from ._names import normalise
from ._types import Polarity
from .model import Framework, Indicator

__all__ = [
    "NEAR_MIN_WORDS",
    "NEAR_RATIO",
    "STATUSES",
    "QuoteFinding",
    "QuoteReport",
    "Rewording",
    "Status",
    "check_quotes",
    "render_quote_report",
]

#: What a finding says about a statement.
Status = Literal["verbatim", "near", "wrong-column", "other-level", "unknown"]

#: Every status, in the order reports list their counts.
STATUSES: tuple[Status, ...] = ("verbatim", "near", "wrong-column", "other-level", "unknown")

#: The least word-sequence similarity (difflib ratio) at which a statement is near an indicator.
NEAR_RATIO = 0.6

#: The fewest words, in order, that a statement must share with an indicator to be near it.
NEAR_MIN_WORDS = 3

_PROSE_WORDS = 40
_HEADING_WORDS = 25
_MIN_PIECE_WORDS = 3

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_SPACES = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)]|\([a-z0-9]{1,3}\))\s+")
_WORD = re.compile(r"\w")
_LEVEL = re.compile(r"\blevel\s+([0-9]{1,3})\b")
_LEVEL_PHRASE = re.compile(r"[\s,:;(–—-]*\blevel\s+[0-9]{1,3}\b\)?")
_HEADING_NOISE = re.compile(r"^(?:#+\s*|\*+\s*|\d{1,2}[.)]?\s+)|[\s:.*]+$")
_HEADER_CELL = re.compile(
    r"(?:(?P<neg>ineffective|less effective)|effective)(?: behaviou?rs?| indicators?)?"
    r"(?: people who are (?:less )?effective are likely to)?"
    r"|people who are (?P<neg2>less )?effective are likely to"
)
_OPENERS = frozenset("\"'“‘([{<")
#: Where a word may start an indicator's text: after white space or an opening mark.
_WORD_START = re.compile(r"(?<![^\s\"'“‘(\[{<])(?=[^\s\"'“‘(\[{<])")
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')
_CLOSERS = frozenset("\"'”’)]}>")
_BRACKETS = ' "“”()[]{}<>'


@attrs.frozen(kw_only=True)
class Rewording:
    """One difference in wording between an indicator and the statement quoting it.

    Words are split at white space, so punctuation stays on its word: an added full stop shows
    as ``"decisions"`` → ``"decisions."``.
    """

    #: The indicator's words that the statement changed or dropped (empty for an insertion).
    framework: str
    #: The statement's words in their place (empty for a deletion).
    document: str

    def __str__(self) -> str:
        if not self.framework:
            return f"added {self.document!r}"
        if not self.document:
            return f"dropped {self.framework!r}"
        return f"{self.framework!r} → {self.document!r}"


@attrs.frozen(kw_only=True)
class QuoteFinding:
    """One indicator-like statement found in a document, and what it quotes.

    The ``claimed_*`` fields say what the document presents the statement as, from its
    headings and column headers (or the ``level=`` given to :func:`check_quotes`); each is
    ``None`` where the document makes no such claim.
    """

    #: What the statement is: ``"verbatim"``, ``"near"``, ``"wrong-column"``, … (see module).
    status: Status
    #: The statement as found (HTML tags, list markers and repeated white space removed).
    text: str
    #: The document's line numbers the statement was read from, 1-based (more than one when a
    #: row broken across lines was joined back).
    lines: tuple[int, ...]
    #: The column it sits in, 1-based: its TAB-separated field, or, for a line of one cell
    #: holding a whole table row merged, its place in that cell.
    column: int
    #: The framework indicator it quotes, or ``None`` for ``"unknown"``.
    indicator: Indicator | None
    #: Word-sequence similarity to that indicator's text: 1.0 for the exact text, 0.0 for none.
    similarity: float
    #: How its wording differs from the indicator's, word by word (empty when identical).
    difference: tuple[Rewording, ...] = ()
    #: The id of the competency the document claims for it.
    claimed_competency: str | None = None
    #: The level the document claims for it.
    claimed_level: int | None = None
    #: The column the document claims for it: ``"effective"`` or ``"ineffective"``.
    claimed_polarity: Polarity | None = None
    #: Further facts worth knowing: a merged cell, another competency than claimed, ….
    notes: tuple[str, ...] = ()

    @property
    def line(self) -> int:
        """The first line it was read from."""
        return self.lines[0]


@attrs.frozen(kw_only=True)
class QuoteReport:
    """What :func:`check_quotes` found in a document: its findings, in document order."""

    #: The id of the framework the document was checked against.
    framework: str
    #: The level given to :func:`check_quotes` for the whole document, if any.
    level: int | None
    #: Every finding, in document order (by line, then column, then place in the cell).
    findings: tuple[QuoteFinding, ...]
    #: Indicators the document leaves out of a competency and level it quotes (half or more of
    #: the level's indicators quoted under that claim): a lost or replaced row shows here.
    unquoted: tuple[Indicator, ...] = ()

    @property
    def counts(self) -> dict[Status, int]:
        """How many findings have each status, every status listed, in :data:`STATUSES` order."""
        tally = Counter(finding.status for finding in self.findings)
        return {status: tally[status] for status in STATUSES}

    @property
    def problems(self) -> tuple[QuoteFinding, ...]:
        """The findings that are not verbatim."""
        return tuple(finding for finding in self.findings if finding.status != "verbatim")

    def __iter__(self) -> Iterator[QuoteFinding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)


# ---------------------------------------------------------------------------------------------
# The framework's texts, indexed once per call
# ---------------------------------------------------------------------------------------------


@attrs.define
class _Index:
    """The framework's indicator texts, for exact, contained and near matching."""

    #: Each distinct text (white space collapsed) and the indicators that have it.
    texts: list[str]
    holders: list[tuple[Indicator, ...]]
    exact: dict[str, int]
    words: list[tuple[str, ...]]
    keys: list[frozenset[tuple[str, int]]]
    most_words: int
    #: First word of each text -> the texts starting with it (for finding texts inside a cell).
    starts: dict[str, list[int]]
    #: (word, n-th occurrence) -> the texts having it; and how many texts have it.
    postings: dict[tuple[str, int], list[int]]
    competencies: dict[str, str]
    #: Competency id -> its name.
    names: dict[str, str]

    @classmethod
    def of(cls, framework: Framework) -> _Index:
        holders: dict[str, list[Indicator]] = {}
        for indicator in framework.indicators():
            holders.setdefault(_collapse(indicator.text), []).append(indicator)
        texts = list(holders)
        words = [tuple(text.split(" ")) for text in texts]
        starts: dict[str, list[int]] = {}
        postings: dict[tuple[str, int], list[int]] = {}
        for number, text_words in enumerate(words):
            starts.setdefault(text_words[0], []).append(number)
            for key in _occurrences(text_words):
                postings.setdefault(key, []).append(number)
        competencies: dict[str, str] = {}
        for competency in framework.competencies:
            competencies[normalise(competency.name)] = competency.id
            competencies[competency.id] = competency.id
        return cls(
            texts=texts,
            holders=[tuple(found) for found in holders.values()],
            exact={text: number for number, text in enumerate(texts)},
            words=words,
            keys=[frozenset(_occurrences(text_words)) for text_words in words],
            most_words=max(map(len, words), default=0),
            starts=starts,
            postings=postings,
            competencies=competencies,
            names={competency.id: competency.name for competency in framework.competencies},
        )

    def contained(self, text: str) -> list[tuple[int, int, int]]:
        """Each indicator text inside ``text`` as ``(start, end, number)``, longest first.

        Found left to right, without overlaps; a text counts only where it is delimited by the
        ends of ``text``, white space, quotation marks or brackets.
        """
        found: list[tuple[int, int, int]] = []
        position = 0
        for match in _WORD_START.finditer(text):
            start = match.start()
            if start < position:
                continue
            space = text.find(" ", start)
            token = text[start:] if space < 0 else text[start:space]
            best: tuple[int, int, int] | None = None
            for number in self._starting(token):
                candidate = self.texts[number]
                end = start + len(candidate)
                if not text.startswith(candidate, start):
                    continue
                after = text[end] if end < len(text) else " "
                if (after.isspace() or after in _CLOSERS) and (best is None or end > best[1]):
                    best = (start, end, number)
            if best is not None:
                found.append(best)
                position = best[1]
        return found

    def _starting(self, token: str) -> list[int]:
        """The texts whose first word is ``token``, or ``token`` without trailing marks."""
        numbers = list(self.starts.get(token, ()))
        bare = token
        while bare and not bare[-1].isalnum():
            bare = bare[:-1]
            numbers.extend(self.starts.get(bare, ()))
        return numbers

    def near(self, text: str) -> list[tuple[float, int]]:
        """Every text that ``text`` is near, as ``(ratio, number)``.

        A prefix filter keeps this cheap: a text sharing at least ``k`` of the statement's
        ``n`` words must share one of its ``n - k + 1`` rarest words, so only texts holding one
        of those are compared at all; a count of shared words bounds the ratio before difflib
        runs.
        """
        words = tuple(text.split(" "))
        n = len(words)
        if n < NEAR_MIN_WORDS:
            return []
        shortest, longest = NEAR_RATIO * n / (2 - NEAR_RATIO), n * (2 - NEAR_RATIO) / NEAR_RATIO
        if shortest > self.most_words:
            return []
        need = max(NEAR_MIN_WORDS, math.ceil(shortest - 1e-9))
        mine = frozenset(_occurrences(words))
        rarest = sorted(mine, key=lambda key: len(self.postings.get(key, ())))
        candidates: set[int] = set()
        for key in rarest[: max(0, n - need + 1)]:
            candidates.update(self.postings.get(key, ()))
        found: list[tuple[float, int]] = []
        for number in sorted(candidates):
            theirs = self.words[number]
            m = len(theirs)
            if not shortest <= m <= longest:
                continue
            shared = len(mine & self.keys[number])
            if shared < NEAR_MIN_WORDS or 2 * shared < NEAR_RATIO * (n + m):
                continue
            matcher = difflib.SequenceMatcher(None, theirs, words, autojunk=False)
            common = sum(block.size for block in matcher.get_matching_blocks())
            ratio = 2 * common / (n + m)
            if common >= NEAR_MIN_WORDS and ratio >= NEAR_RATIO:
                found.append((ratio, number))
        return found


def _occurrences(words: Sequence[str]) -> list[tuple[str, int]]:
    """Each word with its occurrence number, so that repeated words count as often as used."""
    seen: Counter[str] = Counter()
    keys = []
    for word in words:
        seen[word] += 1
        keys.append((word, seen[word]))
    return keys


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------
# Reading the document
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class _Claims:
    competency: str | None = None
    level: int | None = None
    polarities: tuple[Polarity | None, ...] | None = None  # None: not in an indicator table

    def polarity(self, column: int) -> Polarity | None:
        if self.polarities is None or column > len(self.polarities):
            return None
        return self.polarities[column - 1]


@attrs.define
class _Cell:
    raw: str
    clean: str
    lines: list[int]
    column: int


@attrs.define
class _Row:
    cells: list[_Cell]
    claims: _Claims
    table: int  # which indicator table it belongs to; 0 outside tables


def _cells(line: str, number: int, index: _Index) -> list[_Cell]:
    fields = line.rstrip("\r").split("\t")
    while fields and not fields[-1].strip():
        fields.pop()
    cells = [
        _Cell(raw=_collapse(field), clean=_clean(field), lines=[number], column=column)
        for column, field in enumerate(fields, start=1)
    ]
    return [cell for cell in cells if _WORD.search(cell.clean) or _is_exact(cell, index)]


def _clean(field: str) -> str:
    text = field
    if _TAG.search(text):
        text = html.unescape(_TAG.sub(" ", text))
    text = _collapse(text)
    return _LIST_MARKER.sub("", text, count=1)


def _header(cells: list[_Cell]) -> tuple[Polarity | None, ...] | None:
    """The polarities a column-header line claims, column by column; None if not a header."""
    polarities: list[Polarity | None] = []
    for cell in cells:
        folded = normalise(cell.clean).rstrip(".:… ")
        match = _HEADER_CELL.fullmatch(folded)
        if match is None:
            return None
        while len(polarities) < cell.column - 1:
            polarities.append(None)
        negative = match.group("neg") or match.group("neg2")
        polarities.append("ineffective" if negative else "effective")
    return tuple(polarities)


def _heading(text: str, index: _Index) -> tuple[str | None, int | None] | None:
    """The competency and level a heading line claims; None if the line is no heading."""
    folded = normalise(text)
    levels = {int(number) for number in _LEVEL.findall(folded)}
    rest = _LEVEL_PHRASE.sub("", folded)
    for _ in range(2):
        rest = _HEADING_NOISE.sub("", rest).strip()
    competency = index.competencies.get(rest)
    level = levels.pop() if len(levels) == 1 else None
    if competency is not None:
        return competency, level
    if level is not None and len(folded.split(" ")) <= _HEADING_WORDS:
        return None, level
    return None


def _rows(text: str, index: _Index, level: int | None) -> list[_Row]:
    """The document's lines as rows of cells, each with its claims, broken rows joined back."""
    claims = _Claims(level=level)
    rows: list[_Row] = []
    tables = 0
    for number, line in enumerate(text.split("\n"), start=1):
        cells = _cells(line, number, index)
        if not cells:
            continue
        if not any(_is_exact(cell, index) for cell in cells):
            polarities = _header(cells)
            if polarities is not None:
                tables += 1
                claims = attrs.evolve(claims, polarities=polarities)
                continue
            if len(cells) == 1:
                heading = _heading(cells[0].clean, index)
                if heading is not None:
                    competency, claimed_level = heading
                    claims = _Claims(
                        competency=competency or claims.competency,
                        level=level or claimed_level or claims.level,
                    )
                    continue
                if claims.polarities is not None and _is_prose(cells[0], index):
                    claims = attrs.evolve(claims, polarities=None)
        table = tables if claims.polarities is not None else 0
        previous = rows[-1] if rows else None
        if (
            table
            and previous is not None
            and previous.table == table
            and _continues(previous, cells, index)
        ):
            for cell in cells:
                above = next(c for c in previous.cells if c.column == cell.column)
                above.raw = f"{above.raw} {cell.raw}"
                above.clean = f"{above.clean} {cell.clean}"
                above.lines.extend(cell.lines)
            continue
        rows.append(_Row(cells=cells, claims=claims, table=table))
    return rows


def _is_exact(cell: _Cell, index: _Index) -> bool:
    return cell.raw in index.exact or cell.clean in index.exact


def _is_prose(cell: _Cell, index: _Index) -> bool:
    return len(cell.clean.split(" ")) > _PROSE_WORDS and not index.contained(cell.clean)


def _continues(previous: _Row, cells: list[_Cell], index: _Index) -> bool:
    """Whether ``cells`` are the tail of the row ``previous``, broken across lines."""
    above = {cell.column: cell for cell in previous.cells}
    for cell in cells:
        upper = above.get(cell.column)
        if upper is None or _is_exact(cell, index):
            return False
        completes = not _is_exact(upper, index) and f"{upper.clean} {cell.clean}" in index.exact
        if not (cell.clean[:1].islower() or completes):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Classifying statements
# ---------------------------------------------------------------------------------------------


def _pieces(cell: _Cell, index: _Index, in_table: bool) -> list[tuple[str, int | None]]:
    """The statements in a cell, each with the number of the text it is exactly, if any.

    A cell is one statement when it is an indicator's text; else it is split around the
    indicator texts inside it; else, when it holds double-quoted strings (a CSV or JSON data
    file) and one of them is nearer an indicator than the whole cell is, each quoted string of
    three words or more is a statement; else the whole cell is one statement.
    """
    for text in (cell.raw, cell.clean):
        if text in index.exact:
            return [(text, index.exact[text])]
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


def _split(text: str, index: _Index, least: int) -> list[tuple[str, int | None]]:
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


def _nearest(texts: list[str], index: _Index) -> float:
    """The best similarity of any of ``texts`` to any indicator (0.0 when none is near)."""
    return max((ratio for text in texts for ratio, _ in index.near(text)), default=0.0)


def _rest(fragment: str, least: int) -> list[tuple[str, int | None]]:
    """What is left of a cell between indicator texts, as a statement if it has enough words."""
    rest = _LIST_MARKER.sub("", fragment.strip(_BRACKETS), count=1).strip(_BRACKETS)
    if sum(1 for word in rest.split(" ") if _WORD.search(word)) < least:
        return []
    return [(rest, None)]


def _agreement(indicator: Indicator, claims: _Claims, column: int) -> tuple[bool, bool, bool]:
    return (
        indicator.competency == claims.competency,
        indicator.level == claims.level,
        indicator.polarity == claims.polarity(column),
    )


def _finding(
    text: str,
    exact: int | None,
    cell: _Cell,
    column: int,
    claims: _Claims,
    index: _Index,
    notes: tuple[str, ...],
) -> QuoteFinding | None:
    in_table = claims.polarities is not None
    if exact is not None:
        indicator = max(index.holders[exact], key=lambda i: _agreement(i, claims, column))
        similarity = 1.0
        difference: tuple[Rewording, ...] = ()
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
                claimed_competency=claims.competency,
                claimed_level=claims.level,
                claimed_polarity=claims.polarity(column),
                notes=notes,
            )
        similarity, indicator = max(
            ((ratio, holder) for ratio, number in near for holder in index.holders[number]),
            key=lambda pair: (pair[0], _agreement(pair[1], claims, column)),
        )
        difference = _difference(index.words[index.exact[_collapse(indicator.text)]], text)
    status: Status
    polarity = claims.polarity(column)
    if claims.level is not None and indicator.level != claims.level:
        status = "other-level"
    elif polarity is not None and indicator.polarity != polarity:
        status = "wrong-column"
    else:
        status = "verbatim" if exact is not None else "near"
    if claims.competency is not None and indicator.competency != claims.competency:
        heading, owner = index.names[claims.competency], index.names[indicator.competency]
        notes = (*notes, f"an indicator of {owner}, under the heading {heading}")
    return QuoteFinding(
        status=status,
        text=text,
        lines=tuple(cell.lines),
        column=column,
        indicator=indicator,
        similarity=similarity,
        difference=difference,
        claimed_competency=claims.competency,
        claimed_level=claims.level,
        claimed_polarity=polarity,
        notes=notes,
    )


def _difference(framework: Sequence[str], text: str) -> tuple[Rewording, ...]:
    words = text.split(" ")
    matcher = difflib.SequenceMatcher(None, framework, words, autojunk=False)
    return tuple(
        Rewording(framework=" ".join(framework[i1:i2]), document=" ".join(words[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    )


def check_quotes(text: str, framework: Framework, level: int | None = None) -> QuoteReport:
    r"""The indicator-like statements of ``text``, each classified against ``framework``.

    How statements, claims and "near" are decided is set out in this module's documentation.
    ``level`` claims that level for every statement, overriding the document's own level
    headings; a level the framework does not cover raises :class:`~civilframe.NotFoundError`.

    >>> import civilframe
    >>> from civilframe.quotes import check_quotes
    >>> ccf = civilframe.load("competency-framework")
    >>> quoted = ccf.competency("Seeing the Big Picture").level(3).effective[0].text
    >>> report = check_quotes(f"Effective Behaviour\t\n{quoted}", ccf, level=2)
    >>> [(finding.status, finding.indicator.id) for finding in report]
    [('other-level', 'seeing-the-big-picture.l3.e1')]
    """
    if level is not None:
        framework.level_definition(level)
    index = _Index.of(framework)
    findings: list[QuoteFinding] = []
    quoted: set[tuple[str, int, str]] = set()
    claimed: list[tuple[str, int]] = []
    for row in _rows(text, index, level):
        in_table = row.table != 0
        columns = len(row.claims.polarities or ())
        for cell in row.cells:
            pieces = _pieces(cell, index, in_table)
            notes: tuple[str, ...] = ()
            whole_row = len(row.cells) == 1 and 1 < len(pieces) <= columns
            if whole_row:
                notes = (f"one of {len(pieces)} statements of a row merged in one cell",)
            elif len(pieces) > 1:
                notes = (f"one of {len(pieces)} statements merged in one cell",)
            if len(row.cells) > 1 and all(other.clean == cell.clean for other in row.cells):
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
        framework=framework.id,
        level=level,
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


# ---------------------------------------------------------------------------------------------
# The report as text
# ---------------------------------------------------------------------------------------------

_SHOWN_CHARS = 60


def render_quote_report(report: QuoteReport) -> str:
    r"""The report as plain text: one line per finding, the unquoted indicators, then counts.

    Each finding's line reads ``<lines>:<column>  <status>  <indicator id>  "<statement>"``,
    then what is wrong with it; the statement is shortened to 60 characters.

    >>> import civilframe
    >>> from civilframe.quotes import check_quotes, render_quote_report
    >>> advert = "Effective\nWork with energy and pace to get the job done."
    >>> report = check_quotes(advert, civilframe.load("competency-framework"), level=1)
    >>> print(render_quote_report(report))  # doctest: +ELLIPSIS
    Quoted indicators checked against 'competency-framework' at Level 1
    2:1  near...delivering-at-pace.l1.e2  "Work with...done."  (similarity 0.90: 'done' → 'done.')
    1 statement: 0 verbatim, 1 near, 0 wrong-column, 0 other-level, 0 unknown
    <BLANKLINE>
    """
    where_width = max((len(_where(finding)) for finding in report), default=0)
    id_width = max(
        (len(finding.indicator.id) for finding in report if finding.indicator), default=1
    )
    status_width = max(map(len, STATUSES))
    lines = [f"Quoted indicators checked against {report.framework!r}"]
    if report.level is not None:
        lines[0] += f" at Level {report.level}"
    for finding in report:
        identity = finding.indicator.id if finding.indicator else "-"
        detail = "; ".join(_details(finding))
        lines.append(
            f"{_where(finding):>{where_width}}  {finding.status:<{status_width}}  "
            f"{identity:<{id_width}}  {_shown(finding.text)}" + (f"  ({detail})" if detail else "")
        )
    if not report.findings:
        lines.append("No indicator-like statements found.")
    if report.unquoted:
        count = len(report.unquoted)
        lines.append(f"Not quoted, of a competency and level the document quotes ({count}):")
        lines.extend(f"  {i.id}  {_shown(i.text)}" for i in report.unquoted)
    counts = ", ".join(f"{count} {status}" for status, count in report.counts.items())
    total = len(report)
    lines.append(f"{total} statement{'s' if total != 1 else ''}: {counts}")
    return "\n".join(lines) + "\n"


def _where(finding: QuoteFinding) -> str:
    return f"{','.join(map(str, finding.lines))}:{finding.column}"


def _shown(text: str) -> str:
    if len(text) <= _SHOWN_CHARS:
        return f'"{text}"'
    return f'"{text[: _SHOWN_CHARS - 1].rstrip()}…"'


def _details(finding: QuoteFinding) -> Iterator[str]:
    indicator = finding.indicator
    if indicator is not None and finding.status == "other-level":
        yield f"a Level {indicator.level} indicator, claimed as Level {finding.claimed_level}"
    if indicator is not None and finding.status == "wrong-column":
        yield f"an {indicator.polarity} indicator in the {finding.claimed_polarity} column"
    if finding.difference:
        changes = ", ".join(map(str, finding.difference))
        yield f"similarity {finding.similarity:.2f}: {changes}"
    yield from finding.notes
