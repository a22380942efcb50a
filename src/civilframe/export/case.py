"""A framework as a 1EdTech CASE 1.1 ``CFPackage``, for competency-exchange tools."""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

from ..loading import resolve
from ..model import Competency, Framework, Indicator, Source
from .spreadsheet import GRADE_SEPARATOR

__all__ = [
    "CASE_ITEM_TYPES",
    "CASE_LAST_CHANGE",
    "CASE_NAMESPACE",
    "CASE_UNKNOWN_CREATOR",
    "case_package",
    "source_date",
    "to_case",
]

#: The namespace of every CASE identifier civilframe makes:
#: ``uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/civilframe/civilframe#case")``.
CASE_NAMESPACE = uuid.UUID("f78c5625-aead-5228-bc03-b10292dd2694")

#: The ``lastChangeDateTime`` of a framework none of whose sources gives a date, unless the
#: caller gives one: the Unix epoch, a fixed value that says "no date", so that exports of the
#: same data are identical byte for byte.
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


def to_case(framework: Framework | str, *, last_change: datetime.datetime | None = None) -> str:
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
    framework: Framework | str, *, last_change: datetime.datetime | None = None
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
    timezone-aware datetime); by default it is the newest date the framework's sources give
    (:func:`source_date`: the framework holds text of that document, so it changed no earlier),
    and :data:`CASE_LAST_CHANGE` when none gives one. Either way the package depends on nothing
    but the framework.
    """
    framework = resolve(framework)
    if last_change is None:
        last_change = source_date(framework) or CASE_LAST_CHANGE
    if last_change.tzinfo is None or last_change.utcoffset() is None:
        raise ValueError("last_change must be a timezone-aware datetime")
    return _CasePackage(framework, _stamp(last_change)).build()


def source_date(framework: Framework | str) -> datetime.datetime | None:
    """The newest date the framework's sources give, as midnight UTC on its first day, or None.

    A source dated to the month (``"2012-07"``) counts from the first of the month.

    >>> source_date("competency-framework-2012-sms1").isoformat()
    '2012-07-01T00:00:00+00:00'
    >>> source_date("leadership-in-action") is None
    True
    """
    dates = [source.date for source in resolve(framework).sources if source.date is not None]
    if not dates:
        return None
    year, month, day = (int(part) for part in (max(dates) + "-01-01").split("-")[:3])
    return datetime.datetime(year, month, day, tzinfo=datetime.timezone.utc)


def _source_note(source: Source) -> str:
    facts = [source.publisher, source.date, source.rights, source.url]
    extra = ", ".join(fact for fact in facts if fact)
    return f"{source.id}: {source.title}" + (f" ({extra})" if extra else "")


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
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []

    def identifier(self, *parts: str) -> str:
        """The identifier of the record at this path under the framework's id."""
        return str(uuid.uuid5(CASE_NAMESPACE, "/".join((self.framework.id, *parts))))

    def build(self) -> dict[str, Any]:
        """The package: the document, then every item and association in document order."""
        framework = self.framework
        identifier = self.identifier()
        sources = "; ".join(_source_note(source) for source in framework.sources)
        urls = [source.url for source in framework.sources if source.url is not None]
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
                "officialSourceURL": urls[0] if urls else None,
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
                cluster_id = competency.cluster.id
                in_cluster[cluster_id] = in_cluster.get(cluster_id, 0) + 1
                parent, position = clusters[cluster_id], in_cluster[cluster_id]
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
            lines.extend(gap.description for gap in level.gaps)
            fields = {
                "fullStatement": level.heading,
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
        if indicator.source != self.framework.source:
            lines.append(f"Source: {indicator.source.id}: {indicator.source.title}")
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
