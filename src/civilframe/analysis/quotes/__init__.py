"""Checking the indicators a document quotes: adverts, candidate packs, other tools' data files.

:func:`check_quotes` reads a document (text, Markdown, HTML, JSON, CSV, Word or PDF; given as
text, bytes or a path), finds every statement it presents as a behavioural indicator and every
quotation of one in its prose, and classifies each against the framework:

``"verbatim"``
    the framework's text, in the right place. Typography is not wording: differences only in
    quotation marks (straight, curly, low-9), dashes and the spaces around them, runs of white
    space, a final full stop, emphasis or link markup, non-breaking spaces or soft hyphens
    leave a statement verbatim, and :attr:`QuoteFinding.typography` lists each;
``"near"``
    close to an indicator's text but not equal to it (a dropped or changed word); the finding
    carries the word difference;
``"wrong-column"``
    an ineffective indicator presented as effective, or the reverse;
``"other-level"``
    an indicator of another level than the one the document claims;
``"other-framework"``
    not the checked framework's text, but verbatim (typography aside) another bundled
    framework's or edition's: :attr:`QuoteFinding.elsewhere` names it, and
    :attr:`QuoteFinding.closest` the checked framework's nearest indicator, if any;
``"unknown"``
    a statement presented as an indicator that matches none; :attr:`QuoteFinding.closest`
    names the nearest indicator, and how near, when one shares its words.

**How a document is read.** :mod:`~civilframe.analysis.quotes.source` opens it (decoding
bytes, refusing binary files and those over the size limit) and
:mod:`~civilframe.analysis.quotes.readers` picks the reader for its format, by the ``format``
given, a path's suffix, or what the document shows. Markdown, HTML, JSON, CSV and Word
documents are read into blocks (headings, paragraphs, list items, table cells, data values),
whose claims :mod:`~civilframe.analysis.quotes.structure` reads; a statement is *presented as
an indicator* when it is a list item, table cell or short paragraph under a competency heading
or a column header, or a value under an indicator-like key. Plain text, and the text of a PDF,
is read line by line, as follows.

**Plain text.** Lines are numbered from 1 and split at TABs into cells (the
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
the wrong column, and the reverse. In an indicator table, and in a list that follows a
competency heading with no prose between, every statement is reported ("unknown" when it
matches nothing; remaining pieces need one word). Elsewhere only statements that are, or are
near, an indicator (of this framework or another) are reported (remaining pieces need three
words), so that prose and quotations inside sentences can be checked too.

**Near.** Statements and indicators are compared as sequences of words (split at white space,
so that punctuation stays on its word and counts as a difference; the word difference a
finding carries leaves typography out), with
:func:`civilframe.text.similarity`. A statement is near an indicator when the ratio is at least
:data:`NEAR_RATIO` (0.6) and they share at least :data:`NEAR_MIN_WORDS` (3) words in order.
Of all indicators a statement is near, the most similar wins; among equally similar ones,
the one that agrees most with the claims (competency, then level, then column). Identical
texts held by more than one indicator are resolved the same way. On the Home Office candidate
pack (source 003), every statement that is not a framework indicator is below 0.4 of its
nearest indicator, and the only truncated quotation, the shortest near one, is at 0.62.

**Status.** A statement that is no indicator's text of the framework (typography aside) but is
another bundled framework's is "other-framework", whatever it is near. Otherwise, with the
matched indicator chosen: "other-level" when a level is claimed and the indicator's level
differs; else "wrong-column" when a column is claimed and the indicator's polarity differs;
else "verbatim" or "near" by the text. A difference in wording is recorded
whatever the status. An indicator of another competency than the heading claims is said in the
finding's notes. :attr:`QuoteReport.unquoted` lists what a claimed competency and level leaves
out, where the document quotes at least half of that level's indicators under that claim.

**Layout.** :mod:`~civilframe.analysis.quotes.source` opens a document;
:mod:`~civilframe.analysis.quotes.readers` reads each format (one module per format) into
:mod:`~civilframe.analysis.quotes.blocks`; :mod:`~civilframe.analysis.quotes.claims` and
:mod:`~civilframe.analysis.quotes.structure` read what headings, headers and keys claim, into
rows of cells; :mod:`~civilframe.analysis.quotes.index` indexes the framework's texts;
:mod:`~civilframe.analysis.quotes.checker` turns cells into statements and classifies them;
:mod:`~civilframe.analysis.quotes.report` holds what is reported.

**Cost.** The framework's texts are indexed once per call: exact texts in a dictionary, first
words for finding texts inside cells, and word postings for a prefix filter that leaves difflib
only the few indicators that could be near: an indicator sharing at least ``k`` of a
statement's ``n`` words shares one of its ``n - k + 1`` rarest words.
"""

from .checker import check_against_bundled, check_quotes
from .index import NEAR_MIN_WORDS, NEAR_RATIO
from .readers import FORMATS, DocumentFormat
from .report import QUOTE_STATUSES, Elsewhere, QuoteFinding, QuoteReport, QuoteStatus, Rewording

__all__ = [
    "FORMATS",
    "NEAR_MIN_WORDS",
    "NEAR_RATIO",
    "QUOTE_STATUSES",
    "DocumentFormat",
    "Elsewhere",
    "QuoteFinding",
    "QuoteReport",
    "QuoteStatus",
    "Rewording",
    "check_against_bundled",
    "check_quotes",
]
