"""Plain-text renderings for the terminal: edition diffs, quote reports, the crosswalk.

Each takes the object the analysis made and returns the text the CLI prints; none computes
anything of its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._format.scalars import POLARITIES
from ..analysis.compare import ROW_STATUSES, CompetencyDiff, FrameworkDiff, WordChange
from ..analysis.quotes import QUOTE_STATUSES, QuoteFinding, QuoteReport
from ..loading import load
from ..model import Framework
from ..reference.mapping import PARTS, Quote, Translation, crosswalk
from ..text import describe_levels

__all__ = ["render_crosswalk", "render_diff", "render_quote_report", "render_translation"]


def _title(framework: Framework) -> str:
    edition = f", {framework.edition}" if framework.edition else ""
    return f"{framework.title}{edition} [{framework.id}]"


def _marked(changes: tuple[WordChange, ...]) -> str:
    marks = {"equal": "{}", "removed": "[-{}-]", "added": "{{+{}+}}"}
    return " ".join(marks[change.op].format(change.words) for change in changes)


def render_diff(d: FrameworkDiff) -> str:
    """A plain-text report of a comparison, for reading in a terminal.

    It names A and B, the levels compared, a table of row counts by column, the columns that
    could not be compared (and why), the competencies only one side holds, and then, for each
    competency, every text and row that is not identical. Word differences are marked as
    ``git diff --word-diff`` marks them: ``[-words only in A-]`` and ``{+words only in B+}``.

    >>> import civilframe as cf
    >>> d = cf.diff("competency-framework", "competency-framework")
    >>> print(cf.render_diff(d))  # doctest: +ELLIPSIS
    A: Civil Service Competency Framework, 2012–2017 update [competency-framework]
    B: Civil Service Competency Framework, 2012–2017 update [competency-framework]
    Levels compared: Levels 1–6 (A covers Levels 1–6, B covers Levels 1–6)
    Competencies: 10 in both, 0 only in A, 0 only in B
    ...
    """
    lines = [f"A: {_title(d.a)}", f"B: {_title(d.b)}"]
    common = d.common_levels
    covers = (
        f"A covers {describe_levels(d.a.level_numbers)}, "
        f"B covers {describe_levels(d.b.level_numbers)}"
    )
    if common:
        lines.append(f"Levels compared: {describe_levels(common)} ({covers})")
    else:
        lines.append(f"No levels in common ({covers}): no indicators can be compared.")
    lines.append(
        f"Competencies: {len(d.competencies)} in both, {len(d.only_in_a)} only in A, "
        f"{len(d.only_in_b)} only in B"
    )
    if common and d.competencies:
        width = max(len(status) for status in ROW_STATUSES)
        lines += ["", "Rows of the columns compared:"]
        lines.append(" " * 13 + "  ".join(status.rjust(width) for status in ROW_STATUSES))
        for polarity in POLARITIES:
            counts = d.counts(polarity)
            cells = "  ".join(str(counts[status]).rjust(width) for status in ROW_STATUSES)
            lines.append(f"  {polarity:<11}{cells}")
    if d.not_comparable:
        names: dict[str, str] = {c.a.id: c.name for c in d.competencies}
        lines += ["", "Not comparable:"]
        lines += [
            f"  {names[c.competency_id]}, Level {c.level_number}, {c.polarity}: {c.reason}"
            for c in d.not_comparable
        ]
    for side, only in (("A", d.only_in_a), ("B", d.only_in_b)):
        if only:
            lines += ["", f"Only in {side}:"]
            lines += [f"  {competency.name} [{competency.id}]" for competency in only]
    for competency in d.competencies:
        body = list(_competency_lines(competency))
        if body:
            heading = competency.name
            if competency.matched_by == "name":
                heading += f" (matched by name: {competency.a.id} in A, {competency.b.id} in B)"
            lines += ["", heading, *body]
    if d.unchanged:
        lines += ["", "No differences."]
    return "\n".join(lines) + "\n"


def _competency_lines(competency: CompetencyDiff) -> Iterator[str]:
    for text in competency.texts:
        if text.status == "changed":
            yield f"  {text.field} changed: {_marked(text.words)}"
        else:
            yield f"  {text.field} only in {'B' if text.status == 'added' else 'A'}"
    for level in competency.levels:
        for polarity in POLARITIES:
            for row in level.column(polarity).rows:
                if row.status == "identical":
                    continue
                ids = " -> ".join(dict.fromkeys(i.id for i in (row.a, row.b) if i is not None))
                yield f"  Level {level.number} {polarity} {row.status}: {ids}"
                if row.status == "changed":
                    yield f"    {_marked(row.words)}"
                    continue
                if row.a is not None:
                    yield f"    A: {row.a.text}"
                if row.b is not None:
                    yield f"    B: {row.b.text}"


_SHOWN_CHARS = 60


def render_quote_report(report: QuoteReport) -> str:
    r"""The report as plain text: one line per finding, the unquoted indicators, then counts.

    Each finding's line reads ``<lines>:<column>  <status>  <indicator id>  "<statement>"``,
    then what is wrong with it; the statement is shortened to 60 characters.

    >>> import civilframe
    >>> advert = "Effective\nWork with energy and pace to get the work done."
    >>> report = civilframe.check_quotes(advert, "competency-framework", level=1)
    >>> print(civilframe.render_quote_report(report))  # doctest: +ELLIPSIS
    Quoted indicators checked against 'competency-framework' at Level 1
    2:1  near...l1.e2  "Work with...done."  (similarity 0.80: 'job' → 'work')
    1 statement: 0 verbatim, 1 near, 0 wrong-column, 0 other-level, 0 other-framework, 0 unknown
    <BLANKLINE>
    """
    where_width = max((len(_where(finding)) for finding in report), default=0)
    id_width = max(
        (len(finding.indicator.id) for finding in report if finding.indicator), default=1
    )
    # as wide as the longest status shown, and never narrower than the usual ones
    status_width = max(len(status) for status in (*_USUAL, *(f.status for f in report)))
    lines = [f"Quoted indicators checked against {report.framework_id!r}"]
    if report.level is not None:
        lines[0] += f" at Level {report.level}"
    if report.chosen:
        lines[0] += " (chosen: the bundled framework the document quotes most)"
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


#: The statuses whose width the status column always has.
_USUAL = tuple(status for status in QUOTE_STATUSES if status != "other-framework")


def _where(finding: QuoteFinding) -> str:
    return f"{','.join(map(str, finding.lines))}:{finding.column}"


def _shown(text: str) -> str:
    if len(text) <= _SHOWN_CHARS:
        return f'"{text}"'
    return f'"{text[: _SHOWN_CHARS - 1].rstrip()}…"'


def _details(finding: QuoteFinding) -> Iterator[str]:
    indicator = finding.indicator
    if indicator is not None and finding.status == "other-level":
        claimed = finding.claimed_level
        yield f"a Level {indicator.level_number} indicator, claimed as Level {claimed}"
    if indicator is not None and finding.status == "wrong-column":
        yield f"an {indicator.polarity} indicator in the {finding.claimed_polarity} column"
    if finding.difference:
        changes = ", ".join(map(str, finding.difference))
        yield f"similarity {finding.similarity:.2f}: {changes}"
    if finding.typography:
        yield "typography differs: " + ", ".join(finding.typography)
    for place in finding.elsewhere:
        yield f"the text of {place.indicator.id} in {place.framework_id}"
    if finding.status in ("unknown", "other-framework") and finding.closest is not None:
        yield f"closest: {finding.closest.id}, similarity {finding.closeness:.2f}"
    yield from finding.notes


_TYPE_WORDS: dict[str, str] = {
    "same-name": "same name",
    "renamed": "renamed",
    "split": "split",
    "partly-carried": "partly carried",
    "no-successor": "no successor",
}


def _quoted(quote: Quote, framework: Framework) -> str:
    name = framework.competency(quote.competency_id).name
    part = quote.part if quote.part in PARTS else f"example {quote.part}"
    return f'{name} ({part}): "{quote.text}"'


def render_crosswalk(competency: str | None = None) -> str:
    """The crosswalk (or one competency's link) as plain text, with its evidence.

    The text opens with the statement that this is civilframe's editorial mapping.

    >>> from civilframe import render_crosswalk
    >>> print(render_crosswalk("Delivering at Pace").splitlines()[3])
    Delivering at Pace -> Delivering at Pace  [same name]
    """
    walk = crosswalk()
    links = walk.links if competency is None else (walk.link(competency),)
    source, target = load(walk.from_framework), load(walk.to_framework)
    lines: list[str] = [walk.title, walk.statement]
    for link in links:
        name = source.competency(link.competency_id).name
        behaviours = " + ".join(target.competency(id).name for id in link.behaviour_ids)
        lines += ["", f"{name} -> {behaviours or '(none)'}  [{_TYPE_WORDS[link.type]}]"]
        lines.append(f"  {link.reason}")
        for evidence in link.evidence:
            lines.append(f"  - {_quoted(evidence.competency, source)}")
            if evidence.behaviour is not None:
                lines.append(f"    {_quoted(evidence.behaviour, target)}")
        if link.absent:
            words = ", ".join(f'"{word}"' for word in link.absent)
            lines.append(f"  - Found nowhere in the behaviours: {words}")
    return "\n".join(lines) + "\n"


def render_translation(translation: Translation) -> str:
    """A translation as plain text: the behaviours, then what could not be carried over.

    >>> from civilframe import translate
    >>> print(render_translation(translate(["Delivering at Pace"])))  # doctest: +ELLIPSIS
    Competencies: Delivering at Pace
    Behaviours: Delivering at Pace
    Every competency was carried over.
    This crosswalk is civilframe's editorial mapping, not an official one: ...
    """
    lines = [
        "Competencies: " + "; ".join(translation.competencies),
        "Behaviours: " + ("; ".join(translation.behaviours) or "(none)"),
    ]
    if translation.lost:
        lines.append("Not carried over whole:")
        for shortfall in translation.lost:
            into = (
                f" (partly into {' + '.join(shortfall.behaviours)})" if shortfall.behaviours else ""
            )
            lines.append(
                f"  {shortfall.name}: {_TYPE_WORDS[shortfall.type]}{into}. {shortfall.reason}"
            )
    else:
        lines.append("Every competency was carried over.")
    lines.append(translation.statement)
    return "\n".join(lines) + "\n"
