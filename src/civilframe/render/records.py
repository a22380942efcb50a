"""Results as plain JSON records: what ``--json`` prints for each reading command.

Each function returns JSON values (dicts, lists, strings, numbers) with stable keys, documented
in the command-line reference. Indicators are always the same record (:func:`indicator`), so a
script reads one shape whatever command it ran.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..analysis.compare import FrameworkDiff
from ..analysis.find import Hit
from ..analysis.quotes import QuoteReport
from ..loading import framework_aliases, frameworks, load
from ..model import Competency, Framework, Indicator, Level
from ..profiles import Finding, Requirement, SuccessProfile
from ..reference.mapping import Crosswalk, Link

__all__ = [
    "comparison",
    "crosswalk_links",
    "hits",
    "indicator",
    "listing",
    "profile",
    "quote_report",
    "selection",
]

Record = dict[str, Any]


def indicator(item: Indicator) -> Record:
    """One indicator: its id, text, column, level, competency, source and note."""
    return {
        "id": item.id,
        "text": item.text,
        "polarity": item.polarity,
        "level": item.level_number,
        "competency": item.competency_id,
        "source": item.source.id,
        "note": item.note,
    }


def listing() -> list[Record]:
    """The bundled frameworks: id, title, aliases, how many competencies, which levels."""
    aliases: dict[str, list[str]] = {}
    for alias, target in framework_aliases().items():
        aliases.setdefault(target, []).append(alias)
    return [
        {
            "id": framework_id,
            "title": title,
            "aliases": aliases.get(framework_id, []),
            "competencies": len(load(framework_id)),
            "levels": list(load(framework_id).level_numbers),
        }
        for framework_id, title in frameworks().items()
    ]


def _level(level: Level) -> Record:
    return {
        "number": level.number,
        "heading": level.heading,
        "effective": [indicator(item) for item in level.effective],
        "ineffective": [indicator(item) for item in level.ineffective],
        "gaps": [gap.description for gap in level.gaps],
    }


def selection(framework: Framework, chosen: Iterable[tuple[Competency, Sequence[int]]]) -> Record:
    """Competencies of a framework, each with the levels shown."""
    return {
        "framework": framework.id,
        "title": framework.title,
        "competencies": [
            {
                "id": competency.id,
                "number": competency.number,
                "name": competency.name,
                "cluster": competency.cluster.title if competency.cluster else None,
                "description": competency.description or competency.summary,
                "levels": [_level(competency.level(number)) for number in numbers],
            }
            for competency, numbers in chosen
        ],
    }


def hits(found: Sequence[Hit]) -> list[Record]:
    """Search hits: each indicator's record, with its framework and place in words."""
    return [
        {
            "framework": hit.framework.id,
            "where": hit.where,
            **indicator(hit.indicator),
            "matched": list(hit.matched),
        }
        for hit in found
    ]


def quote_report(report: QuoteReport) -> Record:
    """A quote report: what was read, counts, every finding in order, the indicators left out.

    Each finding has ``statement`` (as written), ``status``, ``line``, ``indicator`` (its id,
    or null), the ``competency``, ``level`` and ``polarity`` the document claims for it,
    ``typography`` (differences of typography alone), ``difference`` (the words that differ,
    each ``{framework, document}``), ``elsewhere`` (each ``{framework, indicator}``) and
    ``closest`` (``{indicator, similarity}``, or null); and, as before, ``text``, ``lines``,
    ``column``, ``similarity``, ``claimed_*`` and ``notes``.
    """
    return {
        "framework": report.framework_id,
        "chosen": report.chosen,
        "level": report.level,
        "format": report.format,
        "encoding": report.encoding,
        "counts": report.counts,
        "findings": [
            {
                "statement": finding.text,
                "status": finding.status,
                "line": finding.line,
                "indicator": finding.indicator.id if finding.indicator else None,
                "competency": finding.claimed_competency_id,
                "level": finding.claimed_level,
                "polarity": finding.claimed_polarity,
                "typography": list(finding.typography),
                "difference": [
                    {"framework": change.framework, "document": change.document}
                    for change in finding.difference
                ],
                "elsewhere": [
                    {"framework": place.framework_id, "indicator": place.indicator.id}
                    for place in finding.elsewhere
                ],
                "closest": (
                    {"indicator": finding.closest.id, "similarity": round(finding.closeness, 4)}
                    if finding.closest is not None
                    else None
                ),
                "text": finding.text,
                "lines": list(finding.lines),
                "column": finding.column,
                "similarity": round(finding.similarity, 4),
                "claimed_competency": finding.claimed_competency_id,
                "claimed_level": finding.claimed_level,
                "claimed_polarity": finding.claimed_polarity,
                "notes": list(finding.notes),
            }
            for finding in report.findings
        ],
        "unquoted": [item.id for item in report.unquoted],
    }


def comparison(difference: FrameworkDiff) -> Record:
    """An edition diff: counts per column, the columns not compared, and every row."""
    return {
        "a": difference.a.id,
        "b": difference.b.id,
        "counts": {p: difference.counts(p) for p in ("effective", "ineffective")},
        "only_in_a": [c.id for c in difference.only_in_a],
        "only_in_b": [c.id for c in difference.only_in_b],
        "not_comparable": [
            {
                "competency": c.competency_id,
                "level": c.level_number,
                "polarity": c.polarity,
                "reason": c.reason,
            }
            for c in difference.not_comparable
        ],
        "rows": [
            {
                "competency": column.competency_id,
                "level": column.level_number,
                "polarity": column.polarity,
                "status": row.status,
                "a": row.a.id if row.a else None,
                "b": row.b.id if row.b else None,
                "similarity": round(row.similarity, 4),
            }
            for column in difference.columns()
            for row in column.rows
        ],
    }


def crosswalk_links(walk: Crosswalk, links: Sequence[Link]) -> Record:
    """The crosswalk (or some of its links): its statement and each link with its reason."""
    return {
        "title": walk.title,
        "official": walk.official,
        "statement": walk.statement,
        "from": walk.from_framework,
        "to": walk.to_framework,
        "links": [
            {
                "competency": link.competency_id,
                "type": link.type,
                "behaviours": list(link.behaviour_ids),
                "reason": link.reason,
                "absent": list(link.absent),
            }
            for link in links
        ],
    }


def profile(
    role: SuccessProfile, findings: Sequence[Finding], requirements: Sequence[Requirement]
) -> Record:
    """A Success Profile checked: its facts, its findings, and what it asks for."""
    return {
        "title": role.title,
        "grade": role.grade,
        "framework": role.framework,
        "level": requirements[0].level.number if requirements else role.stated_level,
        "findings": [{"severity": f.severity, "message": f.message} for f in findings],
        "requirements": [
            {
                "competency": r.competency.id,
                "level": r.level.number,
                "indicators": [indicator(item) for item in r.indicators],
            }
            for r in requirements
        ],
    }
