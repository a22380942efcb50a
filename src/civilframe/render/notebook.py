"""The HTML views Jupyter shows for every public object: the bodies of the ``_repr_html_`` methods.

Each view is a plain string, built without IPython: a ``<div class="civilframe …">`` holding
its own small stylesheet (``civilframe/data/notebook/view.css``), scoped to that class so that
no other output is restyled, and written to hold its own against JupyterLab's and classic
Notebook's rendered-HTML rules: text left-aligned, ids on one line, colours from the notebook's
theme. No script, no external resource. Every piece of text is escaped with
:func:`html.escape`; text a source lost is shown where it was lost, and an indicator recovered
from another source names that source. Big objects stay usable: a framework's levels are
collapsed in ``<details>``, a quote report leads with its counts and its problems, an edition
diff shows its changed rows side by side.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sized
from html import escape
from typing import Any

from .._format.scalars import POLARITIES
from ..analysis.compare import FrameworkDiff, IndicatorDiff, WordChange
from ..analysis.quotes.report import QuoteFinding, QuoteReport
from ..loading import data_file, load
from ..model import Cluster, Competency, Framework, Gap, Indicator, Level, Source
from ..profiles import SuccessProfile
from ..reference.grade_table import Grade
from ..reference.mapping import Crosswalk, Translation
from ..text import differences, words

__all__ = [
    "cluster_html",
    "competency_html",
    "crosswalk_html",
    "diff_html",
    "framework_html",
    "grade_html",
    "html",
    "indicator_html",
    "level_html",
    "profile_html",
    "quote_report_html",
    "translation_html",
]


def html(subject: Any, *args: Any) -> str:
    """The HTML view of ``subject``, by its type: the body of its ``_repr_html_``."""
    for kind, render in _VIEWS.items():
        if isinstance(subject, kind):
            return render(subject, *args)
    raise TypeError(f"no HTML view of {type(subject).__name__}")


@functools.cache
def _style() -> str:
    css: str = data_file("notebook/view.css").read_text(encoding="utf-8")
    return f"<style>{css}</style>"


def _div(kind: str, parts: Iterable[str]) -> str:
    return f'<div class="civilframe civilframe-{kind}">' + _style() + "".join(parts) + "</div>"


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


def _id(text: str) -> str:
    """An id, kept on one line."""
    return f'<code class="cf-id">{escape(text)}</code>'


def _facts(facts: Iterable[str | None]) -> str:
    return "<p>" + escape(" · ".join(fact for fact in facts if fact)) + "</p>"


def _list(items: Iterable[str]) -> str:
    found = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{found}</ul>" if found else ""


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


def _column(level: Level, polarity: str) -> Iterator[str]:
    for gap in level.gaps:
        if gap.polarity == polarity:
            yield f"<p><em>{_gap(gap)}</em></p>"
    indicators: tuple[Indicator, ...] = getattr(level, polarity)
    if indicators:
        yield "<ul>" + "".join(_item(level, indicator) for indicator in indicators) + "</ul>"


def framework_html(framework: Framework) -> str:
    """The framework: its title and facts, a table of its competencies, then each collapsed.

    One row per competency, with its cluster, levels and number of indicators; the text its
    sources lost, and its questions; then each competency in a ``<details>``, its levels
    collapsed inside it, so that a framework of hundreds of indicators stays readable.
    """
    facts: list[str | None] = [framework.edition, framework.publisher]
    facts.append("cumulative levels" if framework.levels_cumulative else "level-specific levels")
    sources = "; ".join(f"{source.id}: {source.title}" for source in framework.sources)
    parts = [
        f"<h3>{escape(framework.title)}</h3>",
        _facts(facts),
        f"<p>Sources: {escape(sources)}</p>",
    ]
    clusters = bool(framework.clusters)
    head = ["#", "Competency", *(["Cluster"] if clusters else []), "Levels", "Indicators"]
    rows = []
    for competency in framework.competencies:
        number = "" if competency.number is None else str(competency.number)
        cluster = [escape(competency.cluster.title)] if clusters and competency.cluster else []
        levels = ", ".join(map(str, competency.level_numbers))
        rows.append(
            _row(
                [
                    escape(number),
                    escape(competency.name),
                    *cluster,
                    escape(levels),
                    str(len(competency.indicators)),
                ]
            )
        )
    parts.append(_table(head, rows))
    gaps = [
        f"{escape(f'{competency.name}, {level.heading}')}: {_gap(gap)}"
        for competency in framework.competencies
        for level in competency.levels
        for gap in level.gaps
    ]
    parts.append(_list(gaps))
    parts.append(
        _list(f"<strong>{escape(q.name)}</strong>: {escape(q.text)}" for q in framework.questions)
    )
    if any(competency.levels for competency in framework.competencies):
        parts.append("<h4>Competencies</h4>")
        parts.extend(_competency_details(competency) for competency in framework.competencies)
    return _div("framework", parts)


def _competency_details(competency: Competency) -> str:
    number = "" if competency.number is None else f"{competency.number}. "
    facts = f"{len(competency.levels)} levels · {len(competency.indicators)} indicators"
    body = "".join(_level_details(level) for level in competency.levels)
    return (
        f"<details><summary>{escape(number + competency.name)} <small>· {facts}</small>"
        f"</summary>{body}</details>"
    )


def _level_details(level: Level) -> str:
    facts = f"{len(level.effective)} effective, {len(level.ineffective)} ineffective"
    if level.gaps:
        facts += ", text lost in the source"
    body = "".join(
        f"<p><strong>{polarity.capitalize()}</strong></p>" + "".join(_column(level, polarity))
        for polarity in POLARITIES
    )
    return (
        f"<details><summary>{escape(level.heading)} <small>· {escape(facts)}</small></summary>"
        f"{body}</details>"
    )


def cluster_html(cluster: Cluster) -> str:
    """The cluster: its title and its id."""
    return _div("cluster", [f"<h3>{escape(cluster.title)}</h3>", f"<p>{_id(cluster.id)}</p>"])


def competency_html(competency: Competency) -> str:
    """The competency: its name, description and a table of its levels.

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
            + f"<th>{escape(level.heading)}</th>"
            + "".join(f"<td>{''.join(_column(level, p))}</td>" for p in POLARITIES)
            + "</tr>"
            for level in competency.levels
        )
        parts.append(_table(["Level", "Effective", "Ineffective"], rows))
    return _div("competency", parts)


def level_html(level: Level) -> str:
    """The level: its heading and a table of its indicators.

    One row per indicator (id, polarity, text, source), effective ones first; text the source
    lost takes a row of its own, before the indicators of the column that lost it.
    """
    grades = ", ".join(level.grades)
    facts = [level.competency_id, f"Grades: {grades}" if grades else ""]
    parts = [f"<h3>{escape(level.heading)}</h3>", _facts(facts)]
    rows = []
    for polarity in POLARITIES:
        for gap in level.gaps:
            if gap.polarity == polarity:
                rows.append(f'<tr><td colspan="4"><em>{_gap(gap)}</em></td></tr>')
        for indicator in getattr(level, polarity):
            cells = (indicator.polarity, indicator.text, indicator.source.id)
            rows.append(_row([_id(indicator.id), *(escape(cell) for cell in cells)]))
    parts.append(_table(["Id", "Polarity", "Indicator", "Source"], rows))
    return _div("level", parts)


def indicator_html(indicator: Indicator) -> str:
    """The indicator: its text, then its id, column, level, competency and source."""
    facts = [
        indicator.polarity,
        f"Level {indicator.level_number}",
        indicator.competency_id,
        f"source {indicator.source.id}: {indicator.source.title}",
    ]
    parts = [
        f"<p>{escape(indicator.text)}</p>",
        f"<p>{_id(indicator.id)} <small>· {escape(' · '.join(facts))}</small></p>",
    ]
    if indicator.note:
        parts.append(f"<p><small>{escape(indicator.note)}</small></p>")
    return _div("indicator", parts)


def grade_html(grade: Grade) -> str:
    """The grade: its name and title, the level it maps to, and the other names it goes by."""
    label = f"Level {grade.level} ({grade.level_label})" if grade.level_label else ""
    title = f" <small>· {escape(grade.title)}</small>" if grade.title != grade.name else ""
    parts = [
        f"<h3>{escape(grade.name)}{title}</h3>",
        _facts([label or f"Level {grade.level}", f"in {grade.framework_id}"]),
    ]
    if grade.aliases:
        names = ", ".join(_id(alias) for alias in grade.aliases)
        parts.append(f"<p>Also written: {names}</p>")
    return _div("grade", parts)


def profile_html(profile: SuccessProfile, framework: Framework | None = None) -> str:
    """The Success Profile: the role, its findings and what it asks for.

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
        facts.append(requirements[0].level.heading)
    facts += [profile.location or "", f"Framework: {profile.framework}"]
    parts = [f"<h3>{escape(profile.title)}</h3>", _facts(facts)]
    parts.append(
        _list(
            f"<strong>{finding.severity}</strong>: {escape(finding.message)}"
            for finding in findings
        )
    )
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
            (element.element, "; ".join(element.requirements), ", ".join(element.methods))
            for element in profile.elements
        )
        parts.append(
            _table(
                ["Element", "What the role states", "Assessed by"],
                (_row(escape(cell) for cell in row) for row in cells),
            )
        )
    return _div("profile", parts)


def quote_report_html(report: QuoteReport) -> str:
    """The quote report: its counts first, then every problem with its word difference marked.

    Each problem's statement is shown against the indicator it is closest to: the framework's
    words it dropped or changed struck through (``<del>``), the document's own words in their
    place marked (``<ins>``). The framework's indicators the document left out follow, then the
    verbatim statements, collapsed.
    """
    level = f"Level {report.level}" if report.level is not None else None
    read = f"read as {report.format}" + (f", {report.encoding}" if report.encoding else "")
    chosen = "chosen: the bundled framework it quotes most" if report.chosen else None
    parts = [
        f"<h3>Quotes checked against {escape(report.framework_id)}</h3>",
        _facts([f"{len(report)} statements", level, read, chosen]),
        _table(
            ["Status", "Statements"],
            (
                _row([f'<span class="cf-status">{status}</span>', str(count)])
                for status, count in report.counts.items()
            ),
        ),
    ]
    if report.problems:
        parts.append("<h4>Problems</h4>")
        parts.append(
            _table(
                ["Line", "Status", "Statement", "Indicator", "Claimed"],
                (_finding_row(finding) for finding in report.problems),
            )
        )
    if report.unquoted:
        parts.append("<h4>Left out</h4>")
        parts.append(_list(f"{_id(item.id)} {escape(item.text)}" for item in report.unquoted))
    verbatim = [finding for finding in report.findings if finding.status == "verbatim"]
    if verbatim:
        rows = (
            _row(
                [
                    str(finding.line),
                    _id(_indicator_id(finding)),
                    escape(finding.text)
                    + "".join(f" <small>({escape(t)})</small>" for t in finding.typography),
                ]
            )
            for finding in verbatim
        )
        parts.append(
            f"<details><summary>{len(verbatim)} verbatim statements</summary>"
            + _table(["Line", "Indicator", "Statement"], rows)
            + "</details>"
        )
    return _div("quotes", parts)


def _indicator_id(finding: QuoteFinding) -> str:
    return finding.indicator.id if finding.indicator is not None else "—"


def _finding_row(finding: QuoteFinding) -> str:
    statement = escape(finding.text)
    if finding.indicator is not None and finding.difference:
        statement = _marked(finding.indicator.text, finding.text)
    claims = [
        finding.claimed_competency_id,
        f"Level {finding.claimed_level}" if finding.claimed_level is not None else None,
        finding.claimed_polarity,
    ]
    claimed = escape(" · ".join(claim for claim in claims if claim))
    facts = [*finding.notes]
    facts += [f"the text of {e.indicator.id} in {e.framework_id}" for e in finding.elsewhere]
    if finding.status in ("unknown", "other-framework") and finding.closest is not None:
        facts.append(f"closest: {finding.closest.id} ({finding.closeness:.2f})")
    if finding.typography:
        facts.append("typography differs: " + ", ".join(finding.typography))
    notes = "".join(f"<br><small>{escape(fact)}</small>" for fact in facts)
    return _row(
        [
            str(finding.line),
            f'<span class="cf-status">{escape(finding.status)}</span>',
            statement + notes,
            _id(_indicator_id(finding)),
            claimed,
        ]
    )


def _marked(framework: str, document: str) -> str:
    """The document's text against the framework's: dropped words struck, new words marked."""
    runs = []
    for tag, ours, theirs in differences(words(framework), words(document)):
        if tag == "equal":
            runs.append(escape(ours))
            continue
        if ours:
            runs.append(f"<del>{escape(ours)}</del>")
        if theirs:
            runs.append(f"<ins>{escape(theirs)}</ins>")
    return " ".join(runs)


def diff_html(found: FrameworkDiff) -> str:
    """The edition diff: its counts, what it could not compare, then changed rows side by side.

    Identical rows are counted, not shown; each other row shows A's text beside B's, the words
    only A has struck through (``<del>``) and those only B has marked (``<ins>``). The
    competencies' own texts that differ follow, collapsed.
    """
    a, b = found.a, found.b
    levels = ", ".join(map(str, found.common_levels))
    parts = [
        f"<h3>{escape(a.title)} → {escape(b.title)}</h3>",
        f"<p>A: {_id(a.id)} · B: {_id(b.id)}"
        f" <small>· levels both hold: {escape(levels)}</small></p>",
        _table(
            ["Column", *(status for status in found.counts())],
            (
                _row([polarity, *(str(n) for n in found.counts(polarity).values())])
                for polarity in POLARITIES
            ),
        ),
    ]
    parts.append(
        _list(
            f"{_id(column.competency_id)} Level {column.level_number} {column.polarity}: "
            f"not comparable, {escape(column.reason or '')}"
            for column in found.not_comparable
        )
    )
    parts.append(_list(f"Only in A: {escape(c.name)}" for c in found.only_in_a))
    parts.append(_list(f"Only in B: {escape(c.name)}" for c in found.only_in_b))
    rows = [
        _row(
            [
                _id(f"{column.competency_id}.l{column.level_number}"),
                column.polarity,
                f'<span class="cf-status">{row.status}</span>',
                *_row_sides(row),
            ]
        )
        for column in found.columns()
        for row in column.rows
        if row.status != "identical"
    ]
    if rows:
        parts.append("<h4>Rows that differ</h4>")
        parts.append(_table(["Level", "Column", "Status", "A", "B"], rows))
    texts = [
        _row([escape(c.name), text.field, text.status, *_sides(text.words, text.a, text.b)])
        for c in found.competencies
        for text in c.texts
    ]
    if texts:
        summary = _count(texts, "competency text differs", "competency texts differ")
        table = _table(["Competency", "Text", "Status", "A", "B"], texts)
        parts.append(f"<details><summary>{summary}</summary>{table}</details>")
    return _div("diff", parts)


def _row_sides(row: IndicatorDiff) -> list[str]:
    a = row.a.text if row.a is not None else None
    b = row.b.text if row.b is not None else None
    sides = _sides(row.words, a, b)
    if row.a is not None:
        sides[0] = f"{_id(row.a.id)}<br>{sides[0]}"
    if row.b is not None:
        sides[1] = f"{_id(row.b.id)}<br>{sides[1]}"
    return sides


def _sides(changes: tuple[WordChange, ...], a: str | None, b: str | None) -> list[str]:
    """A's text and B's, words only A has struck through and words only B has marked."""
    if not changes:
        return [escape(a) if a is not None else "—", escape(b) if b is not None else "—"]
    left = [
        escape(c.words) if c.op == "equal" else f"<del>{escape(c.words)}</del>"
        for c in changes
        if c.op != "added"
    ]
    right = [
        escape(c.words) if c.op == "equal" else f"<ins>{escape(c.words)}</ins>"
        for c in changes
        if c.op != "removed"
    ]
    return [" ".join(left), " ".join(right)]


def crosswalk_html(found: Crosswalk) -> str:
    """The crosswalk: its statement that it is editorial, then one row per competency."""
    source, target = load(found.from_framework), load(found.to_framework)
    rows = (
        _row(
            [
                escape(source.competency(link.competency_id).name),
                f'<span class="cf-status">{link.type}</span>',
                escape(", ".join(target.competency(id).name for id in link.behaviour_ids) or "—"),
                escape(link.reason),
            ]
        )
        for link in found.links
    )
    parts = [
        f"<h3>{escape(found.title)}</h3>",
        f"<p><strong>{'Official' if found.official else 'Not official'}</strong>: "
        f"{escape(found.statement)}</p>",
        _table(["Competency", "Link", "Behaviours", "Why"], rows),
    ]
    return _div("crosswalk", parts)


def translation_html(found: Translation) -> str:
    """The translation: the behaviours the competencies carry over to, then what is lost."""
    names = dict(zip(found.behaviour_ids, found.behaviours, strict=True))
    rows = (
        _row(
            [
                escape(name),
                f'<span class="cf-status">{link.type}</span>',
                escape(", ".join(names[id] for id in link.behaviour_ids) or "—"),
            ]
        )
        for name, link in zip(found.competencies, found.links, strict=True)
    )
    parts = [
        f"<h3>{_count(found.competencies, 'competency', 'competencies')} → "
        f"{_count(found.behaviours, 'behaviour', 'behaviours')}</h3>",
        f"<p><small>{escape(found.statement)}</small></p>",
        _table(["Competency", "Link", "Behaviours"], rows),
    ]
    if found.lost:
        parts.append("<h4>Not carried over whole</h4>")
        parts.append(
            _table(
                ["Competency", "Link", "Carried in part by", "Why"],
                (
                    _row(
                        escape(cell)
                        for cell in (s.name, s.type, ", ".join(s.behaviours) or "—", s.reason)
                    )
                    for s in found.lost
                ),
            )
        )
    return _div("translation", parts)


def _count(items: Sized, one: str, many: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else many}"


#: Each type's view; the first that matches a subject's type renders it.
_VIEWS: dict[type[Any], Callable[..., str]] = {
    Framework: framework_html,
    Cluster: cluster_html,
    Competency: competency_html,
    Level: level_html,
    Indicator: indicator_html,
    Grade: grade_html,
    SuccessProfile: profile_html,
    QuoteReport: quote_report_html,
    FrameworkDiff: diff_html,
    Crosswalk: crosswalk_html,
    Translation: translation_html,
}
