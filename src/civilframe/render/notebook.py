"""The HTML fragments Jupyter shows for frameworks, competencies, levels and Success Profiles.

They are the bodies of the ``_repr_html_`` methods: plain strings, built without IPython.
Every piece of text is escaped with :func:`html.escape`; text a source lost is shown where it
was lost, and an indicator recovered from another source names that source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape
from typing import Any

from .._format.scalars import POLARITIES
from ..model import Competency, Framework, Gap, Indicator, Level, Source
from ..profiles import SuccessProfile

__all__ = ["competency_html", "framework_html", "html", "level_html", "profile_html"]


def html(subject: Any, *args: Any) -> str:
    """The HTML fragment of ``subject``, by its type: the body of its ``_repr_html_``."""
    if isinstance(subject, Framework):
        return framework_html(subject)
    if isinstance(subject, Competency):
        return competency_html(subject)
    if isinstance(subject, Level):
        return level_html(subject)
    if isinstance(subject, SuccessProfile):
        return profile_html(subject, *args)
    raise TypeError(f"no HTML view of {type(subject).__name__}")


def _div(kind: str, parts: Iterable[str]) -> str:
    return f'<div class="civilframe civilframe-{kind}">' + "".join(parts) + "</div>"


def _row(cells: Iterable[str], tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"


def _table(head: Iterable[str], rows: Iterable[str]) -> str:
    return (
        "<table><thead>"
        + _row((escape(name) for name in head), "th")
        + "</thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _heading(level: Level) -> str:
    return f"Level {level.number} ({level.label})" if level.label else f"Level {level.number}"


def _gap(gap: Gap) -> str:
    recovered = f" (recovered from source {gap.recovered_from.id})" if gap.recovered_from else ""
    return escape(f"Text lost in the source ({gap.polarity}): {gap.note}{recovered}")


def _recovered_from(level: Level, indicator: Indicator) -> Source | None:
    """The source an indicator was recovered from, if it fills a gap of its level."""
    for gap in level.gaps:
        if gap.polarity == indicator.polarity and gap.recovered_from == indicator.source:
            return gap.recovered_from
    return None


def _item(level: Level, indicator: Indicator) -> str:
    title = f' title="{escape(indicator.note)}"' if indicator.note else ""
    source = _recovered_from(level, indicator)
    marker = f" <small>(source: {escape(source.id)})</small>" if source else ""
    return f"<li{title}>{escape(indicator.text)}{marker}</li>"


def framework_html(framework: Framework) -> str:
    """The framework as an HTML fragment: its title, facts and a table of its competencies.

    One row per competency, with its cluster, levels and number of indicators; then the text
    its sources lost, and its questions.
    """
    facts: list[str | None] = [framework.edition, framework.publisher]
    facts.append("cumulative levels" if framework.levels_cumulative else "level-specific levels")
    sources = "; ".join(f"{source.id}: {source.title}" for source in framework.sources)
    parts = [
        f"<h3>{escape(framework.title)}</h3>",
        "<p>" + escape(" · ".join(fact for fact in facts if fact)) + "</p>",
        f"<p>Sources: {escape(sources)}</p>",
    ]
    clusters = bool(framework.clusters)
    head = ["#", "Competency", *(["Cluster"] if clusters else []), "Levels", "Indicators"]
    rows = []
    for competency in framework.competencies:
        number = "" if competency.number is None else str(competency.number)
        cluster = [competency.cluster.title] if clusters and competency.cluster else []
        levels = ", ".join(map(str, competency.level_numbers))
        cells = [number, competency.name, *cluster, levels, str(len(competency.indicators))]
        rows.append(_row(escape(cell) for cell in cells))
    parts.append(_table(head, rows))
    gaps = [
        f"<li>{escape(f'{competency.name}, {_heading(level)}')}: {_gap(gap)}</li>"
        for competency in framework.competencies
        for level in competency.levels
        for gap in level.gaps
    ]
    if gaps:
        parts.append("<ul>" + "".join(gaps) + "</ul>")
    if framework.questions:
        questions = (
            f"<li><strong>{escape(q.name)}</strong>: {escape(q.text)}</li>"
            for q in framework.questions
        )
        parts.append("<ul>" + "".join(questions) + "</ul>")
    return _div("framework", parts)


def competency_html(competency: Competency) -> str:
    """The competency as an HTML fragment: its name, description and a table of its levels.

    Each level is a row: the level, its effective indicators and its ineffective ones, with any
    text the source lost shown in the column that lost it.
    """
    number = "" if competency.number is None else f"{competency.number}. "
    parts = [f"<h3>{escape(number + competency.name)}</h3>"]
    description = competency.description or competency.summary
    if description:
        parts.append(f"<p>{escape(description)}</p>")
    if competency.levels:
        rows = (
            "<tr>"
            + f"<th>{escape(_heading(level))}</th>"
            + "".join(f"<td>{''.join(_column(level, p))}</td>" for p in POLARITIES)
            + "</tr>"
            for level in competency.levels
        )
        parts.append(_table(["Level", "Effective", "Ineffective"], rows))
    return _div("competency", parts)


def _column(level: Level, polarity: str) -> Iterator[str]:
    for gap in level.gaps:
        if gap.polarity == polarity:
            yield f"<p><em>{_gap(gap)}</em></p>"
    indicators: tuple[Indicator, ...] = getattr(level, polarity)
    if indicators:
        yield "<ul>" + "".join(_item(level, indicator) for indicator in indicators) + "</ul>"


def level_html(level: Level) -> str:
    """The level as an HTML fragment: its heading and a table of its indicators.

    One row per indicator (id, polarity, text, source), effective ones first; text the source
    lost takes a row of its own, before the indicators of the column that lost it.
    """
    grades = ", ".join(level.grades)
    facts = [level.competency_id, f"Grades: {grades}" if grades else ""]
    parts = [
        f"<h3>{escape(_heading(level))}</h3>",
        "<p>" + escape(" · ".join(fact for fact in facts if fact)) + "</p>",
    ]
    rows = []
    for polarity in POLARITIES:
        for gap in level.gaps:
            if gap.polarity == polarity:
                rows.append(f'<tr><td colspan="4"><em>{_gap(gap)}</em></td></tr>')
        for indicator in getattr(level, polarity):
            cells = (indicator.id, indicator.polarity, indicator.text, indicator.source.id)
            rows.append(_row(escape(cell) for cell in cells))
    parts.append(_table(["Id", "Polarity", "Indicator", "Source"], rows))
    return _div("level", parts)


def profile_html(profile: SuccessProfile, framework: Framework | None = None) -> str:
    """The Success Profile as an HTML fragment: the role, its findings and what it asks for.

    The role's facts first; then the errors and warnings of its check; then, when it has no
    errors, one row per chosen competency with the indicators of the role's level (and how
    many more the levels below add, in a cumulative framework); then the other elements and
    how each is assessed. ``framework`` is the one the profile draws on, if not bundled.
    """
    findings = profile.check(framework)
    errors = [finding for finding in findings if finding.severity == "error"]
    requirements = () if errors else profile.requirements(framework)
    facts = [f"Grade: {profile.grade}"]
    if requirements:
        facts.append(_heading(requirements[0].level))
    facts += [profile.location or "", f"Framework: {profile.framework}"]
    parts = [
        f"<h3>{escape(profile.title)}</h3>",
        "<p>" + escape(" · ".join(fact for fact in facts if fact)) + "</p>",
    ]
    if findings:
        items = (
            f"<li><strong>{finding.severity}</strong>: {escape(finding.message)}</li>"
            for finding in findings
        )
        parts.append("<ul>" + "".join(items) + "</ul>")
    rows = []
    for requirement in requirements:
        level = requirement.level
        below = len(requirement.indicators) - len(level)
        name = escape(requirement.competency.name)
        if below:
            name += f"<br><small>and {below} indicators of the levels below</small>"
        rows.append(
            f"<tr><th>{name}</th>"
            + "".join(f"<td>{''.join(_column(level, p))}</td>" for p in POLARITIES)
            + "</tr>"
        )
    if rows:
        parts.append(_table(["Competency", "Effective", "Ineffective"], rows))
    if profile.elements:
        cells = (
            (
                element.element,
                "; ".join(element.requirements),
                ", ".join(element.methods),
            )
            for element in profile.elements
        )
        parts.append(
            _table(
                ["Element", "What the role states", "Assessed by"],
                (_row(escape(cell) for cell in row) for row in cells),
            )
        )
    return _div("profile", parts)
