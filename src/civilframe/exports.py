"""Exports: a framework as CSV, canonical JSON, Markdown, 1EdTech CASE 1.1 or a pandas DataFrame.

One function per format. Each takes a :class:`~civilframe.Framework` and returns text; callers
write the files. Every export lists the indicators in the same stable order: document order,
competency by competency, lowest level first, effective indicators before ineffective ones.

>>> import civilframe
>>> from civilframe.exports import read_csv, to_csv
>>> ccf = civilframe.load("competency-framework")
>>> rows = read_csv(to_csv(ccf))
>>> len(rows), rows[0].level, rows[0].polarity
(664, 1, 'effective')
"""

from __future__ import annotations

import csv
import datetime
import importlib
import io
import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import attrs

from ._convert import problems_of, structure
from ._types import Id, Number, Polarity, Text
from ._wording import markdown_escape
from .errors import InvalidDocumentError
from .loading import dumps
from .model import Competency, Framework, Gap, Indicator, Level

__all__ = [
    "BOM",
    "CASE_ITEM_TYPES",
    "CASE_LAST_CHANGE",
    "CASE_NAMESPACE",
    "CASE_UNKNOWN_CREATOR",
    "COLUMNS",
    "GRADE_SEPARATOR",
    "CsvRow",
    "case_package",
    "read_csv",
    "to_case",
    "to_csv",
    "to_dataframe",
    "to_excel_csv",
    "to_json",
    "to_markdown",
]

#: The columns of the CSV export and of the DataFrame, in order.
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

#: The namespace of every CASE identifier civilframe makes:
#: ``uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/civilframe/civilframe#case")``.
CASE_NAMESPACE = uuid.UUID("f78c5625-aead-5228-bc03-b10292dd2694")

#: The ``lastChangeDateTime`` of every CASE record unless the caller gives one: the Unix epoch,
#: a fixed value, so that exports of the same data are identical byte for byte.
CASE_LAST_CHANGE = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

#: The ``CFItemType`` of each kind of item in a CASE export.
CASE_ITEM_TYPES = {
    "cluster": "Cluster",
    "competency": "Competency",
    "level": "Level",
    "indicator": "Indicator",
    "question": "Question",
}

#: The CASE ``creator`` of a framework whose document names no publisher.
CASE_UNKNOWN_CREATOR = "Unknown"

# CSV columns that are left empty when the value is absent.
_OPTIONAL_COLUMNS = frozenset({"cluster", "note"})
_DIGITS = re.compile(r"[0-9]+")


def _level_heading(level: Level) -> str:
    """``"Level 3 (HEO & SEO or equiv)"``: the level as the Competency Framework heads it."""
    return f"Level {level.number} ({level.label})" if level.label else f"Level {level.number}"


def _records(framework: Framework) -> Iterator[dict[str, Any]]:
    """One record per indicator, with the columns of :data:`COLUMNS`; absent values are None."""
    clusters = {cluster.id: cluster.title for cluster in framework.clusters}
    for competency in framework.competencies:
        cluster = clusters.get(competency.cluster) if competency.cluster else None
        for level in competency.levels:
            for indicator in level:
                yield {
                    "framework": framework.id,
                    "cluster": cluster,
                    "competency": competency.name,
                    "competency_id": competency.id,
                    "level": level.number,
                    "grades": GRADE_SEPARATOR.join(level.grades),
                    "polarity": indicator.polarity,
                    "id": indicator.id,
                    "text": indicator.text,
                    "source": indicator.source,
                    "note": indicator.note,
                }


# --- CSV ---------------------------------------------------------------------------------------


def to_csv(framework: Framework) -> str:
    r"""The framework's indicators as CSV text: a header row, then one row per indicator.

    The columns are :data:`COLUMNS`; ``cluster`` is the cluster's title (empty in frameworks
    without clusters), ``grades`` the level's grades joined by ``"; "``, ``note`` empty when the
    indicator has none. Quoting follows RFC 4180 and every line ends in ``"\r\n"``, as the
    :mod:`csv` module writes it: write the text with ``encoding="utf-8"`` and ``newline=""``
    so that the line ends are kept as they are. :func:`read_csv` reads it back.

    >>> import civilframe
    >>> text = to_csv(civilframe.load("competency-framework-2012-sms1"))
    >>> text.splitlines()[0]
    'framework,cluster,competency,competency_id,level,grades,polarity,id,text,source,note'
    >>> len(text.splitlines()), text.endswith("\r\n")
    (119, True)
    """
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_records(framework))
    return out.getvalue()


def to_excel_csv(framework: Framework) -> str:
    """The CSV of :func:`to_csv` behind a UTF-8 byte order mark, so that Excel reads it as UTF-8.

    Without the mark Excel guesses a legacy encoding and garbles en dashes and curly quotes.
    :func:`read_csv` reads this text too.

    >>> import civilframe
    >>> lia = civilframe.load("leadership-in-action")
    >>> to_excel_csv(lia).startswith(BOM), to_excel_csv(lia).removeprefix(BOM) == to_csv(lia)
    (True, True)
    """
    return BOM + to_csv(framework)


@attrs.frozen(kw_only=True)
class CsvRow:
    """One row of the CSV export: an indicator with where it sits, as :func:`read_csv` reads it."""

    #: The id of the framework.
    framework: Id
    #: The title of the competency's cluster, if the framework has clusters.
    cluster: Text | None = None
    #: The competency's name.
    competency: Text
    #: The competency's id.
    competency_id: Id
    #: The level's number.
    level: Number
    #: The grades the level applies to.
    grades: tuple[Text, ...]
    #: ``"effective"`` or ``"ineffective"``.
    polarity: Polarity
    #: The indicator's id.
    id: Id
    #: The indicator's text.
    text: Text
    #: The id of the source document the text comes from.
    source: Id
    #: How the text was repaired or recovered, if it was.
    note: Text | None = None

    @property
    def indicator(self) -> Indicator:
        """The indicator this row holds, with its level, competency and polarity."""
        return Indicator(
            id=self.id,
            text=self.text,
            source=self.source,
            note=self.note,
            polarity=self.polarity,
            level=self.level,
            competency=self.competency_id,
        )


def read_csv(text: str) -> tuple[CsvRow, ...]:
    r"""The rows of a CSV export (from :func:`to_csv` or :func:`to_excel_csv`), checked.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem: a missing, unknown
    or repeated column (``@ $[*].level``), a row of the wrong length, a bad level number, an
    unknown polarity, empty or untrimmed text, each at ``$[i].column``, where ``i`` counts the
    rows after the header from 0 (blank lines are skipped).

    >>> import civilframe
    >>> rows = read_csv(to_excel_csv(civilframe.load("competency-framework-2012-sms1")))
    >>> rows[0].id, rows[0].grades, rows[0].indicator.level
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
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), strict=True)
    try:
        records = [record for record in reader if record]
    except csv.Error as error:
        raise InvalidDocumentError(
            (f"malformed CSV at line {reader.line_num}: {error} @ $",)
        ) from None
    if not records:
        raise InvalidDocumentError(("no header row: the CSV is empty @ $",))
    header, *body = records
    problems = list(_header_problems(header))
    if problems:
        raise InvalidDocumentError(tuple(problems))
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
        raise InvalidDocumentError(tuple(problems))
    return tuple(rows)


def _header_problems(header: list[str]) -> Iterator[str]:
    for name in COLUMNS:
        if name not in header:
            yield f"required column missing @ $[*].{name}"
    for position, name in enumerate(header):
        if name not in COLUMNS:
            yield f"unknown column {name!r} @ $[*].{name}"
        elif name in header[:position]:
            yield f"column {name!r} appears twice @ $[*].{name}"


def _read_row(record: dict[str, str], path: str) -> tuple[CsvRow | None, list[str]]:
    """The row, or None and its problems, each at ``path.column``."""
    problems: list[str] = []
    document: dict[str, object] = {
        name: value for name, value in record.items() if value or name not in _OPTIONAL_COLUMNS
    }
    grades = record["grades"]
    document["grades"] = grades.split(GRADE_SEPARATOR) if grades else []
    level = record["level"]
    if _DIGITS.fullmatch(level):
        document["level"] = int(level)
    else:
        problems.append(f"expected a level number from 1 upwards, got {level!r} @ {path}.level")
        document["level"] = 1  # a stand-in, so that the row's other columns are still checked
    try:
        row = structure(document, CsvRow)
    except Exception as error:
        return None, problems + problems_of(error, path)
    return (None if problems else row), problems


# --- JSON --------------------------------------------------------------------------------------


def to_json(framework: Framework) -> str:
    """The framework as canonical JSON: the bundled format, as :func:`civilframe.dumps` writes it.

    ``civilframe.loads(to_json(framework)) == framework``.

    >>> import civilframe
    >>> lia = civilframe.load("leadership-in-action")
    >>> civilframe.loads(to_json(lia)) == lia
    True
    """
    return dumps(framework)


# --- Markdown ----------------------------------------------------------------------------------

_md = markdown_escape


def to_markdown(framework: Framework) -> str:
    """The framework as a Markdown document.

    The title; edition, publisher, sources and levels; the clusters; then each competency with
    its description and, level by level, its effective and ineffective indicators as lists.
    Text a source lost is shown where it was lost ("Text lost in the source: …"), and an
    indicator taken from another source than the framework's own names that source. All text
    is escaped, so that ``*``, ``|``, ``<`` and the like print as themselves.

    >>> import civilframe
    >>> to_markdown(civilframe.load("competency-framework-2012-sms1")).splitlines()[2:4]
    ['- Edition: July 2012', '- Publisher: Civil Service']
    """
    own = framework.source.id
    sources: dict[str, str] = {source.id: source.title for source in framework.sources}
    lines = [f"# {_md(framework.title)}", ""]
    if framework.edition:
        lines.append(f"- Edition: {_md(framework.edition)}")
    if framework.publisher:
        lines.append(f"- Publisher: {_md(framework.publisher)}")
    lines.append("- Sources:")
    lines.extend(f"  - {_md(source.id)}: {_md(source.title)}" for source in framework.sources)
    rule = "cumulative (each level builds on the levels below)"
    lines += [f"- Levels: {rule if framework.cumulative else 'level-specific'}", ""]
    if framework.level_definitions:
        lines += ["## Levels", "", "| Level | Grades |", "| --- | --- |"]
        lines.extend(f"| {d.number} | {_md(d.label)} |" for d in framework.level_definitions)
        lines.append("")
    if framework.clusters:
        lines += ["## Clusters", ""]
        for cluster in framework.clusters:
            names = "; ".join(_md(c.name) for c in framework.competencies_in(cluster.id))
            lines.append(f"- {_md(cluster.title)}: {names}")
        lines.append("")
    clusters: dict[str, str] = {cluster.id: cluster.title for cluster in framework.clusters}
    for competency in framework.competencies:
        lines.extend(_md_competency(competency, clusters, own, sources))
    if framework.questions:
        lines += ["## Questions", ""]
        lines.extend(f"- **{_md(q.name)}**: {_md(q.text)}" for q in framework.questions)
        lines.append("")
    return "\n".join(lines)


def _md_competency(
    competency: Competency, clusters: dict[str, str], own: str, sources: dict[str, str]
) -> Iterator[str]:
    number = f"{competency.number}. " if competency.number is not None else ""
    yield f"## {number}{_md(competency.name)}"
    yield ""
    if competency.cluster:
        yield f"Cluster: {_md(clusters[competency.cluster])}"
        yield ""
    description = competency.description or competency.summary
    if description:
        yield _md(description)
        yield ""
    for level in competency.levels:
        yield f"### {_md(_level_heading(level))}"
        yield ""
        for polarity in ("effective", "ineffective"):
            indicators: tuple[Indicator, ...] = getattr(level, polarity)
            gaps = [gap for gap in level.gaps if gap.polarity == polarity]
            if not indicators and not gaps:
                continue
            yield f"**{polarity.capitalize()}**"
            yield ""
            for gap in gaps:
                yield f"> {_md(_gap_text(gap, sources))}"
                yield ""
            for indicator in indicators:
                marker = f" _(source: {_md(indicator.source)})_" if indicator.source != own else ""
                yield f"- {_md(indicator.text)}{marker}"
            if indicators:
                yield ""


def _gap_text(gap: Gap, sources: dict[str, str]) -> str:
    text = f"Text lost in the source: {gap.note}"
    if gap.recovered_from:
        text += f" (recovered from {gap.recovered_from}: {sources[gap.recovered_from]})"
    return text


# --- CASE --------------------------------------------------------------------------------------


def to_case(framework: Framework, *, last_change: datetime.datetime | None = None) -> str:
    """The framework as a 1EdTech CASE 1.1 ``CFPackage``, as JSON text.

    See :func:`case_package`. The text is stable byte for byte: exporting the same framework
    twice gives the same text.

    >>> import json, civilframe
    >>> package = json.loads(to_case(civilframe.load("leadership-in-action")))
    >>> package["CFDocument"]["title"], len(package["CFItems"])
    ('Leadership in Action', 11)
    """
    package = case_package(framework, last_change=last_change)
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def case_package(
    framework: Framework, *, last_change: datetime.datetime | None = None
) -> dict[str, Any]:
    """The framework as a 1EdTech CASE 1.1 ``CFPackage``: a dict of JSON values.

    - ``CFDocument``: the framework (``creator`` is its publisher, or ``"Unknown"``).
    - ``CFItems``: its clusters, competencies, levels, indicators and questions, in document
      order, with ``CFItemType`` ``"Cluster"``, ``"Competency"``, ``"Level"``, ``"Indicator"``
      or ``"Question"`` and ``humanCodingScheme`` the civilframe id. An indicator's
      ``conceptKeywords`` hold its polarity and its ``notes`` its polarity and provenance; a
      level's ``notes`` hold its grades and any text the source lost.
    - ``CFAssociations``: one ``isChildOf`` per item, from the item to its parent (its level,
      competency, cluster, or the document itself), with ``sequenceNumber`` its position
      among its siblings, from 1.

    Identifiers are ``uuid.uuid5(CASE_NAMESPACE, path)``, where the path is the framework id,
    the item's kind and its id (``"competency-framework/indicator/….l3.e2"``); every ``uri`` is
    ``"urn:uuid:"`` and the identifier. ``lastChangeDateTime`` is ``last_change`` (a
    timezone-aware datetime), by default :data:`CASE_LAST_CHANGE`, so that the package depends
    on nothing but the framework.
    """
    if last_change is None:
        last_change = CASE_LAST_CHANGE
    if last_change.tzinfo is None or last_change.utcoffset() is None:
        raise ValueError("last_change must be a timezone-aware datetime")
    return _CasePackage(framework, _stamp(last_change)).build()


def _stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).isoformat(timespec="seconds")


def _node(title: str, identifier: str) -> dict[str, str]:
    return {"title": title, "identifier": identifier, "uri": f"urn:uuid:{identifier}"}


def _without_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value is not None}


class _CasePackage:
    """The items and associations of one framework's CASE package, built in document order."""

    def __init__(self, framework: Framework, stamp: str) -> None:
        self.framework = framework
        self.stamp = stamp
        self.sources: dict[str, str] = {source.id: source.title for source in framework.sources}
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []

    def identifier(self, *parts: str) -> str:
        """The identifier of the record at this path under the framework's id."""
        return str(uuid.uuid5(CASE_NAMESPACE, "/".join((self.framework.id, *parts))))

    def build(self) -> dict[str, Any]:
        """The package: the document, then every item and association in document order."""
        framework = self.framework
        identifier = self.identifier()
        sources = "; ".join(f"{id}: {title}" for id, title in self.sources.items())
        document = _without_none(
            {
                "identifier": identifier,
                "uri": f"urn:uuid:{identifier}",
                "creator": framework.publisher or CASE_UNKNOWN_CREATOR,
                "title": framework.title,
                "lastChangeDateTime": self.stamp,
                "publisher": framework.publisher,
                "language": "en",
                "version": framework.edition,
                "caseVersion": "1.1",
                "notes": f"Sources: {sources}",
            }
        )
        root = _node(framework.title, identifier)
        top = 0
        clusters: dict[str, dict[str, str]] = {}
        for cluster in framework.clusters:
            top += 1
            item = self.add("cluster", cluster.id, {"fullStatement": cluster.title}, root, top)
            clusters[cluster.id] = item
        in_cluster: dict[str, int] = {}
        for competency in framework.competencies:
            if competency.cluster is not None:
                in_cluster[competency.cluster] = in_cluster.get(competency.cluster, 0) + 1
                parent, position = clusters[competency.cluster], in_cluster[competency.cluster]
            else:
                top += 1
                parent, position = root, top
            self.add_competency(competency, parent, position)
        for question in framework.questions:
            top += 1
            fields = {"fullStatement": question.text, "abbreviatedStatement": question.name}
            self.add("question", question.id, fields, root, top)
        return {
            "CFDocument": document,
            "CFItems": self.items,
            "CFAssociations": self.associations,
        }

    def add_competency(self, competency: Competency, parent: dict[str, str], position: int) -> None:
        """Add a competency, its levels and their indicators."""
        fields = {
            "fullStatement": competency.name,
            "listEnumeration": None if competency.number is None else str(competency.number),
            "notes": competency.description or competency.summary,
        }
        node = self.add("competency", competency.id, fields, parent, position)
        for level_position, level in enumerate(competency.levels, 1):
            lines = [f"Grades: {GRADE_SEPARATOR.join(level.grades)}"] if level.grades else []
            lines.extend(_gap_text(gap, self.sources) for gap in level.gaps)
            fields = {
                "fullStatement": _level_heading(level),
                "abbreviatedStatement": f"Level {level.number}",
                "listEnumeration": str(level.number),
                "notes": "\n".join(lines) or None,
            }
            level_node = self.add("level", level.id, fields, node, level_position)
            for indicator_position, indicator in enumerate(level, 1):
                self.add_indicator(indicator, level_node, indicator_position)

    def add_indicator(self, indicator: Indicator, parent: dict[str, str], position: int) -> None:
        """Add an indicator, its notes giving its polarity and provenance."""
        lines = [f"Polarity: {indicator.polarity}"]
        if indicator.source != self.framework.source.id:
            lines.append(f"Source: {indicator.source}: {self.sources[indicator.source]}")
        if indicator.note:
            lines.append(f"Note: {indicator.note}")
        fields = {
            "fullStatement": indicator.text,
            "conceptKeywords": [indicator.polarity],
            "notes": "\n".join(lines),
        }
        self.add("indicator", indicator.id, fields, parent, position)

    def add(
        self,
        kind: str,
        id: str,
        fields: dict[str, Any],
        parent: dict[str, str],
        position: int,
    ) -> dict[str, str]:
        """Add an item and its ``isChildOf`` association; return the item's node reference."""
        identifier = self.identifier(kind, id)
        item = {
            "identifier": identifier,
            "uri": f"urn:uuid:{identifier}",
            "CFItemType": CASE_ITEM_TYPES[kind],
            "humanCodingScheme": id,
            **fields,
            "lastChangeDateTime": self.stamp,
        }
        self.items.append(_without_none(item))
        node = _node(fields["fullStatement"], identifier)
        association = self.identifier("isChildOf", kind, id)
        self.associations.append(
            {
                "identifier": association,
                "associationType": "isChildOf",
                "uri": f"urn:uuid:{association}",
                "originNodeURI": node,
                "destinationNodeURI": parent,
                "sequenceNumber": position,
                "lastChangeDateTime": self.stamp,
            }
        )
        return node


# --- DataFrame ---------------------------------------------------------------------------------


def to_dataframe(framework: Framework) -> Any:
    """The framework's indicators as a :class:`pandas.DataFrame`, one row per indicator.

    The columns are those of the CSV export (:data:`COLUMNS`), in the same order, with
    ``level`` an integer and a missing ``cluster`` or ``note`` as None. pandas is an optional
    extra: without it this raises :class:`ImportError` saying how to install it.

    >>> import civilframe
    >>> frame = to_dataframe(civilframe.load("competency-framework"))
    >>> frame.shape, int(frame["level"].max())
    ((664, 11), 6)
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "to_dataframe needs pandas: pip install 'civilframe[pandas]'", name="pandas"
        ) from None
    return pandas.DataFrame(list(_records(framework)), columns=list(COLUMNS))
