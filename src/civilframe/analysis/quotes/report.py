"""What the quote checker reports: each statement found, its status, and the whole report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Literal

import attrs

from ... import _views
from ..._format.scalars import Polarity
from ..._reprs import by_id, clipped, counted
from ...model import Indicator

__all__ = [
    "QUOTE_STATUSES",
    "Elsewhere",
    "QuoteFinding",
    "QuoteReport",
    "QuoteStatus",
    "Rewording",
]

#: What a finding says about a statement.
QuoteStatus = Literal[
    "verbatim", "near", "wrong-column", "other-level", "other-framework", "unknown"
]

#: Every status, in the order reports list their counts.
QUOTE_STATUSES: tuple[QuoteStatus, ...] = (
    "verbatim",
    "near",
    "wrong-column",
    "other-level",
    "other-framework",
    "unknown",
)


@attrs.frozen(kw_only=True)
class Elsewhere:
    """An indicator of another bundled framework (or edition) whose text a statement is."""

    #: The id of that framework.
    framework_id: str
    #: Its indicator.
    indicator: Indicator = attrs.field(repr=by_id)


@attrs.frozen(kw_only=True)
class Rewording:
    """One difference in wording between an indicator and the statement quoting it.

    Words are compared with typography made uniform (:func:`~civilframe.text.typography_key`:
    quotation marks straight, dashes as hyphens without spaces around them, no final full
    stop) and split at white space, so other punctuation stays on its word: a comma dropped
    shows as ``"decisions,"`` → ``"decisions"``. Typography itself is listed apart
    (:attr:`QuoteFinding.typography`).
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
    status: QuoteStatus
    #: The statement as found (HTML tags, list markers and repeated white space removed).
    text: str = attrs.field(repr=clipped)
    #: The document's line numbers the statement was read from, 1-based (more than one when a
    #: row broken across lines was joined back).
    lines: tuple[int, ...]
    #: The column it sits in, 1-based: its TAB-separated field, or, for a line of one cell
    #: holding a whole table row merged, its place in that cell.
    column: int = attrs.field(repr=False)
    #: The framework indicator it quotes, or ``None`` for ``"unknown"`` and
    #: ``"other-framework"``.
    indicator: Indicator | None = attrs.field(repr=by_id)
    #: Word-sequence similarity to that indicator's text: 1.0 for the exact text, 0.0 for none.
    similarity: float
    #: How its wording differs from the indicator's, word by word (empty when identical).
    difference: tuple[Rewording, ...] = attrs.field(default=(), repr=False)
    #: How it differs from the indicator's text in typography alone, in words ("quotation
    #: marks", "dashes", "white space", "a final full stop", "emphasis markup"): differences
    #: that leave it verbatim, listed for a strict reader.
    typography: tuple[str, ...] = attrs.field(default=(), repr=False)
    #: The id of the competency the document claims for it.
    claimed_competency_id: str | None = attrs.field(default=None, repr=False)
    #: The level the document claims for it.
    claimed_level: int | None = attrs.field(default=None, repr=False)
    #: The column the document claims for it: ``"effective"`` or ``"ineffective"``.
    claimed_polarity: Polarity | None = attrs.field(default=None, repr=False)
    #: Further facts worth knowing: a merged cell, another competency than claimed, ….
    notes: tuple[str, ...] = attrs.field(default=(), repr=False)
    #: For ``"other-framework"``: the indicators of other bundled frameworks whose text it is
    #: (typography aside).
    elsewhere: tuple[Elsewhere, ...] = attrs.field(default=(), repr=False)
    #: The checked framework's indicator closest to it, if any shares its words: the one it
    #: quotes, or for ``"unknown"`` and ``"other-framework"`` the nearest there is.
    closest: Indicator | None = attrs.field(default=None, repr=False)
    #: How close :attr:`closest` is, 0 to 1: its word similarity to the statement (as
    #: :attr:`similarity`) for a finding that quotes it; for "unknown" and "other-framework"
    #: statements near nothing, the share of words the two have in common.
    closeness: float = attrs.field(default=0.0, repr=False)

    @property
    def line(self) -> int:
        """The first line it was read from."""
        return self.lines[0]


@attrs.frozen(kw_only=True)
class QuoteReport:
    """What :func:`check_quotes` found in a document: its findings, in document order."""

    #: The id of the framework the document was checked against.
    framework_id: str
    #: The level given to :func:`check_quotes` for the whole document, if any.
    level: int | None
    #: The format the document was read in: ``"text"``, ``"markdown"``, ``"html"``,
    #: ``"json"``, ``"csv"``, ``"docx"`` or ``"pdf"``.
    format: str = "text"
    #: The encoding the document's bytes were read in ("UTF-8", "UTF-16", "Windows-1252", …),
    #: or None when it was given as text (or is a Word or PDF file).
    encoding: str | None = None
    #: Whether civilframe chose the framework, as the bundled one the document quotes most.
    chosen: bool = False
    #: Every finding, in document order (by line, then column, then place in the cell).
    findings: tuple[QuoteFinding, ...] = attrs.field(repr=counted)
    #: Indicators the document leaves out of a competency and level it quotes (half or more of
    #: the level's indicators quoted under that claim): a lost or replaced row shows here.
    unquoted: tuple[Indicator, ...] = attrs.field(default=(), repr=counted)

    @property
    def counts(self) -> dict[QuoteStatus, int]:
        """How many findings have each status, every one listed, in :data:`QUOTE_STATUSES` order."""
        tally = Counter(finding.status for finding in self.findings)
        return {status: tally[status] for status in QUOTE_STATUSES}

    @property
    def problems(self) -> tuple[QuoteFinding, ...]:
        """The findings that are not verbatim."""
        return tuple(finding for finding in self.findings if finding.status != "verbatim")

    def __iter__(self) -> Iterator[QuoteFinding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def _repr_html_(self) -> str:
        """The quote report as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html
