"""Markdown renderings: a framework as a document, a Success Profile for an advert.

All Markdown civilframe writes is made here, with one escaping rule (:func:`escape`), so that
``*``, ``|``, ``<`` and the like in framework text print as themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .._format.scalars import POLARITIES
from ..model import Competency, Framework, Indicator, Source
from ..profiles import SuccessProfile
from ..reference.assessment import assessment_method, element

__all__ = ["escape", "framework_markdown", "markdown", "profile_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_MARK = re.compile(r"^([#+=-])")
_LIST_NUMBER = re.compile(r"^([0-9]+)([.)])")


def escape(text: str) -> str:
    r"""``text`` with every Markdown special escaped, fit for a paragraph, list item or cell.

    >>> print(escape("*urgent* [remote]"))
    \*urgent\* \[remote\]
    """
    escaped = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))
    return _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\1", escaped))


_md = escape


def markdown(subject: Any, *args: Any) -> str:
    """The Markdown of ``subject``, by its type: a Framework or a SuccessProfile."""
    if isinstance(subject, Framework):
        return framework_markdown(subject)
    if isinstance(subject, SuccessProfile):
        return profile_markdown(subject, *args)
    raise TypeError(f"no Markdown view of {type(subject).__name__}")


def framework_markdown(framework: Framework) -> str:
    """The framework as a Markdown document.

    The title; edition, publisher, sources and levels; the clusters; then each competency with
    its description and, level by level, its effective and ineffective indicators as lists.
    Text a source lost is shown where it was lost ("Text lost in the source: …"), and an
    indicator taken from another source than the framework's own names that source. All text
    is escaped, so that ``*``, ``|``, ``<`` and the like print as themselves.

    >>> import civilframe
    >>> framework_markdown(civilframe.load("competency-framework-2012-sms1")).splitlines()[2:4]
    ['- Edition: July 2012', '- Publisher: Civil Service']
    """
    own = framework.source
    lines = [f"# {_md(framework.title)}", ""]
    if framework.edition:
        lines.append(f"- Edition: {_md(framework.edition)}")
    if framework.publisher:
        lines.append(f"- Publisher: {_md(framework.publisher)}")
    lines.append("- Sources:")
    lines.extend(f"  - {_md(source.id)}: {_md(source.title)}" for source in framework.sources)
    rule = "cumulative (each level builds on the levels below)"
    lines += [f"- Levels: {rule if framework.levels_cumulative else 'level-specific'}", ""]
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
    for competency in framework.competencies:
        lines.extend(_competency(competency, own))
    if framework.questions:
        lines += ["## Questions", ""]
        lines.extend(f"- **{_md(q.name)}**: {_md(q.text)}" for q in framework.questions)
        lines.append("")
    return "\n".join(lines)


def _competency(competency: Competency, own: Source) -> Iterator[str]:
    number = f"{competency.number}. " if competency.number is not None else ""
    yield f"## {number}{_md(competency.name)}"
    yield ""
    if competency.cluster:
        yield f"Cluster: {_md(competency.cluster.title)}"
        yield ""
    description = competency.description or competency.summary
    if description:
        yield _md(description)
        yield ""
    for level in competency.levels:
        yield f"### {_md(level.heading)}"
        yield ""
        for polarity in POLARITIES:
            indicators: tuple[Indicator, ...] = getattr(level, polarity)
            gaps = [gap for gap in level.gaps if gap.polarity == polarity]
            if not indicators and not gaps:
                continue
            yield f"**{polarity.capitalize()}**"
            yield ""
            for gap in gaps:
                yield f"> {_md(gap.description)}"
                yield ""
            for indicator in indicators:
                source = indicator.source
                marker = f" _(source: {_md(source.id)})_" if source != own else ""
                yield f"- {_md(indicator.text)}{marker}"
            if indicators:
                yield ""


def profile_markdown(profile: SuccessProfile, framework: Framework | None = None) -> str:
    """The profile as Markdown for an advert or a candidate pack.

    Role, grade and level, then for each chosen behaviour its definition and the effective
    indicators expected at the role's level (and, in a cumulative framework, those of the
    levels it builds on), then the other elements and how they are assessed.
    """
    source = profile.framework_for(framework)
    level = profile.level_in(source)
    lines = [f"# {_md(profile.title)}", ""]
    lines.append(f"- **Grade:** {_md(profile.grade)}")
    definition = source.level_definition(level)
    lines.append(f"- **Level:** {level} ({_md(definition.label)})")
    if profile.location:
        lines.append(f"- **Location:** {_md(profile.location)}")
    lines.append(f"- **Framework:** {_md(source.title)}")
    for requirement in profile.requirements(source):
        competency = requirement.competency
        lines += ["", f"## {_md(competency.name)}", ""]
        text = competency.description or competency.summary
        if text:
            lines += [_md(text), ""]
        lines.append(f"Effective behaviour at Level {level}:")
        lines.append("")
        lines += [f"- {_md(i.text)}" for i in requirement.level.effective]
        if not requirement.level.effective:
            lines.append("- *(no effective indicators are recorded at this level)*")
        earlier = [i for i in requirement.indicators if i.level_number < level]
        effective_earlier = [i for i in earlier if i.polarity == "effective"]
        if effective_earlier:
            lines += ["", "Building on the levels below:", ""]
            lines += [f"- Level {i.level_number}: {_md(i.text)}" for i in effective_earlier]
    if profile.elements:
        lines += ["", "## Also assessed", ""]
        for assessment in profile.elements:
            found = element(assessment.element)
            methods = ", ".join(assessment_method(m).name for m in assessment.methods)
            how = f" (assessed by: {_md(methods)})" if methods else ""
            lines.append(f"- **{_md(found.name)}**{how}")
            lines += [f"  - {_md(r)}" for r in assessment.requirements]
    if profile.source:
        lines += ["", f"*Source: {_md(profile.source)}*"]
    return "\n".join(lines) + "\n"
