"""A framework's indicators as a spreadsheet: CSV, and CSV for Excel; and reading CSV back.

>>> import civilframe
>>> from civilframe.export import read_csv, to_csv
>>> rows = read_csv(to_csv(civilframe.load("competency-framework")))
>>> len(rows), rows[0].level, rows[0].polarity
(664, 1, 'effective')
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._format.converter import problems_of, structure
from .._format.problems import Problems, invalid
from .._format.scalars import Id, Number, Polarity, Text
from ..errors import InvalidDocumentError
from ..loading import resolve
from ..model import Framework

__all__ = [
    "BOM",
    "COLUMNS",
    "GRADE_SEPARATOR",
    "CsvRow",
    "read_csv",
    "records",
    "to_csv",
    "to_excel_csv",
]

#: The columns of the CSV export, in order: one row per indicator.
COLUMNS = (
    "framework",
    "cluster",
    "competency",
    "competency_id",
    "level",
    "grades",
    "polarity",
    "id",
    "text",
    "source",
    "note",
)

#: What joins a level's grades in the ``grades`` column.
GRADE_SEPARATOR = "; "

#: The byte order mark :func:`to_excel_csv` starts with, so that Excel reads the text as UTF-8.
BOM = "\ufeff"

# CSV columns that are left empty when the value is absent: on every row, and on the rows of a
# competency without levels or of a question.
_OPTIONAL_COLUMNS = frozenset({"cluster", "note", "competency_id", "level", "polarity"})
_DIGITS = re.compile(r"[0-9]+")


def records(framework: Framework | str) -> Iterator[dict[str, Any]]:
    """One record per indicator, with the columns of :data:`COLUMNS`; absent values are None.

    A competency with no levels (Leadership in Action's attributes) is one record of its own:
    its description (else its summary) as ``text``, its id as ``id``, and no level, grades or
    polarity. Each of the framework's questions (Leadership in Action's Indicators of Potential)
    follows as one record: its id and text, its name as ``competency``, and no competency id,
    level, grades or polarity. So every framework's text is in its rows.
    """
    framework = resolve(framework)
    own = framework.source.id
    for competency in framework.competencies:
        cluster = competency.cluster.title if competency.cluster else None
        where = {
            "framework": framework.id,
            "cluster": cluster,
            "competency": competency.name,
            "competency_id": competency.id,
        }
        text = competency.description or competency.summary
        if not competency.levels and text is not None:
            yield where | _item(competency.id, text, own)
        for level in competency.levels:
            for indicator in level:
                yield where | {
                    "level": level.number,
                    "grades": GRADE_SEPARATOR.join(level.grades),
                    "polarity": indicator.polarity,
                    "id": indicator.id,
                    "text": indicator.text,
                    "source": indicator.source.id,
                    "note": indicator.note,
                }
    for question in framework.questions:
        yield {
            "framework": framework.id,
            "cluster": None,
            "competency": question.name,
            "competency_id": None,
        } | _item(question.id, question.text, own)


def _item(id: str, text: str, source: str) -> dict[str, Any]:
    """The columns of a record that is not an indicator: no level, grades or polarity."""
    return {
        "level": None,
        "grades": "",
        "polarity": None,
        "id": id,
        "text": text,
        "source": source,
        "note": None,
    }


# --- CSV ---------------------------------------------------------------------------------------


def to_csv(framework: Framework | str) -> str:
    r"""The framework's indicators as CSV text: a header row, then one row per indicator.

    The columns are :data:`COLUMNS`; ``cluster`` is the cluster's title (empty in frameworks
    without clusters), ``grades`` the level's grades joined by ``"; "``, ``note`` empty when the
    indicator has none. A competency without levels, and each question, is one row with
    ``level``, ``grades`` and ``polarity`` empty (see :func:`records`): Leadership in Action is
    its eight attributes and its three Indicators of Potential. Quoting follows RFC 4180 and
    every line ends in ``"\r\n"``, as the :mod:`csv` module writes it: write the text with
    ``encoding="utf-8"`` and ``newline=""`` so that the line ends are kept as they are.
    :func:`read_csv` reads it back.

    >>> import civilframe
    >>> text = to_csv(civilframe.load("competency-framework-2012-sms1"))
    >>> text.splitlines()[0]
    'framework,cluster,competency,competency_id,level,grades,polarity,id,text,source,note'
    >>> len(text.splitlines()), text.endswith("\r\n")
    (119, True)
    >>> [row.split(",")[3] for row in to_csv("leadership-in-action").splitlines()[1:4]]
    ['purpose-and-outcomes', 'passion', 'judgement']
    """
    return _write(records(framework))


def _write(rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_excel_csv(framework: Framework | str) -> str:
    """The CSV for opening in a spreadsheet: UTF-8 behind a byte order mark, formulas defused.

    Without the mark Excel guesses a legacy encoding and garbles en dashes and curly quotes.
    A field a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``,
    a TAB or a carriage return) gets a leading apostrophe, the usual defence, so that it is read
    as text; so does a field that itself starts with an apostrophe, so that :func:`read_csv`,
    which reads this text too, removes exactly the one added. The plain :func:`to_csv`
    stays byte-faithful for data pipelines: do not open it in a spreadsheet.

    >>> import civilframe
    >>> text = to_excel_csv(civilframe.load("leadership-in-action"))
    >>> text.startswith(BOM), read_csv(text) == read_csv(to_csv("leadership-in-action"))
    (True, True)
    """
    return BOM + _write({k: _defused(v) for k, v in row.items()} for row in records(framework))


#: What makes a spreadsheet run a field as a formula (OWASP's list), and the escape itself.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def _defused(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _restored(value: str) -> str:
    """``value`` as it was before :func:`_defused`: an apostrophe it added is taken off.

    Only an apostrophe in front of what :func:`_defused` escapes is one it added; any other
    ("'Tis") is the text's own, kept.
    """
    if value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


@attrs.frozen(kw_only=True)
class CsvRow:
    """One row of the CSV export: an indicator with where it sits, as :func:`read_csv` reads it."""

    #: The id of the framework.
    framework: Id
    #: The title of the competency's cluster, if the framework has clusters.
    cluster: Text | None = None
    #: The competency's name.
    competency: Text
    #: The competency's id (None on a question's row).
    competency_id: Id | None = None
    #: The level's number (None on the row of a competency without levels, or a question's).
    level: Number | None = None
    #: The grades the level applies to.
    grades: tuple[Text, ...] = ()
    #: ``"effective"`` or ``"ineffective"`` (None where ``level`` is).
    polarity: Polarity | None = None
    #: The indicator's id (or the competency's, or the question's).
    id: Id
    #: The indicator's text (or the competency's description, or the question).
    text: Text
    #: The id of the source document the text comes from.
    source: Id
    #: How the text was repaired or recovered, if it was.
    note: Text | None = None


def read_csv(text: str) -> tuple[CsvRow, ...]:
    r"""The rows of a CSV export (from :func:`to_csv` or :func:`to_excel_csv`), checked.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem: a missing, unknown
    or repeated column (``@ $[*].level``), a row of the wrong length, a bad level number, an
    unknown polarity, empty or untrimmed text, each at ``$[i].column``, where ``i`` counts the
    rows after the header from 0 (blank lines are skipped).

    >>> import civilframe
    >>> rows = read_csv(to_excel_csv(civilframe.load("competency-framework-2012-sms1")))
    >>> rows[0].id, rows[0].grades, rows[0].level
    ('seeing-the-big-picture.l5.e1', ('Deputy Director',), 5)
    >>> read_csv("framework,level\r\n")
    Traceback (most recent call last):
      ...
    civilframe.errors.InvalidDocumentError: invalid document: 9 problems
      required column missing @ $[*].cluster
      required column missing @ $[*].competency
      required column missing @ $[*].competency_id
      required column missing @ $[*].grades
      required column missing @ $[*].polarity
      required column missing @ $[*].id
      required column missing @ $[*].text
      required column missing @ $[*].source
      required column missing @ $[*].note
    """
    if not isinstance(text, str):
        raise InvalidDocumentError((f"expected CSV text as str, got {type(text).__name__} @ $",))
    excel = text.startswith(BOM)
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), strict=True)
    # The csv module refuses fields over a process-wide limit (128 KiB by default), which the
    # texts a framework allows can pass. Only for a text longer than the limit is it raised,
    # for this reading, and put back after (the host's other csv readers see it raised, never
    # lowered, meanwhile).
    with _FIELD_LIMIT:
        limit = csv.field_size_limit()
        if len(text) > limit:
            csv.field_size_limit(len(text))
        try:
            records = [record for record in reader if record]
        except csv.Error as error:
            raise InvalidDocumentError(
                (f"malformed CSV at line {reader.line_num}: {error} @ $",)
            ) from None
        finally:
            if len(text) > limit:
                csv.field_size_limit(limit)
    if not records:
        raise InvalidDocumentError(("no header row: the CSV is empty @ $",))
    header, *body = records
    problems = Problems(_header_problems(header))
    if problems:
        raise invalid(problems)
    if excel:  # the apostrophe to_excel_csv put in front of a formula-like field, exactly
        body = [[_restored(value) for value in row] for row in body]
    rows: list[CsvRow] = []
    for index, values in enumerate(body):
        path = f"$[{index}]"
        if len(values) != len(header):
            problems.append(f"row has {len(values)} fields, the header {len(header)} @ {path}")
            continue
        row, found = _read_row(dict(zip(header, values, strict=True)), path)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    if problems:
        raise invalid(problems)
    return tuple(rows)


_FIELD_LIMIT = threading.Lock()


def _header_problems(header: list[str]) -> Iterator[str]:
    for name in COLUMNS:
        if name not in header:
            yield f"required column missing @ $[*].{name}"
    for position, name in enumerate(header):
        if name not in COLUMNS:
            yield f"unknown column {name!r} @ $[*].{name}"
        elif header.index(name) < position:
            yield f"column {name!r} appears twice @ $[*].{name}"


def _read_row(record: dict[str, str], path: str) -> tuple[CsvRow | None, list[str]]:
    """The row, or None and its problems, each at ``path.column``."""
    problems: list[str] = []
    document: dict[str, object] = {
        name: value for name, value in record.items() if value or name not in _OPTIONAL_COLUMNS
    }
    grades = record["grades"]
    document["grades"] = grades.split(GRADE_SEPARATOR) if grades else []
    level, polarity = record["level"], record["polarity"]
    if not level and not polarity:  # a competency without levels, or a question
        document.pop("level", None)
    elif _DIGITS.fullmatch(level) and len(level) <= 9:
        document["level"] = int(level)
    else:
        shown = repr(level) if len(level) <= 20 else f"{level[:20]!r}… ({len(level):,} characters)"
        problems.append(f"expected a level number from 1 upwards, got {shown} @ {path}.level")
        document["level"] = 1  # a stand-in, so that the row's other columns are still checked
    if level and not polarity:
        problems.append(f"a row with a level needs its polarity @ {path}.polarity")
    try:
        row = structure(document, CsvRow)
    except Exception as error:
        return None, problems + problems_of(error, path)
    return (None if problems else row), problems
