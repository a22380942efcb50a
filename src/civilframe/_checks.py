"""The rules of a framework document that no type states: ids, levels, clusters, sources.

Each check takes the structured (not yet bound) framework and returns its problems, each as
``"<message> @ <JSON path>"``, so that the loader can report them with the type problems.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._names import normalise
from .model import Competency, Framework

__all__ = ["problems"]


def problems(framework: Framework) -> list[str]:
    """Every rule the framework breaks, in document order of the checks below."""
    found: list[str] = []
    for check in (_ids, _names, _level_definitions, _clusters, _levels, _sources):
        found.extend(check(framework))
    return found


def _where(competency: Competency, level: int | None = None) -> str:
    at_level = f" Level {level}" if level is not None else ""
    return f"competency {competency.id!r}{at_level}"


def _all_ids(framework: Framework) -> list[str]:
    return [
        *(cluster.id for cluster in framework.clusters),
        *(competency.id for competency in framework.competencies),
        *(
            indicator.id
            for competency in framework.competencies
            for level in competency.levels
            for indicators in (level.effective, level.ineffective)
            for indicator in indicators
        ),
        *(question.id for question in framework.questions),
    ]


def _ids(framework: Framework) -> Iterator[str]:
    ids = _all_ids(framework)
    if len(set(ids)) == len(ids):
        return  # the usual case, found without building a path for every id
    seen: dict[str, str] = {}

    def claim(id: str, path: str, context: str) -> Iterator[str]:
        if id in seen:
            yield f"duplicate id {id!r}{context} (first used at {seen[id]}) @ {path}"
        else:
            seen[id] = path

    for i, cluster in enumerate(framework.clusters):
        yield from claim(cluster.id, f"$.clusters[{i}].id", "")
    for c, competency in enumerate(framework.competencies):
        path = f"$.competencies[{c}]"
        yield from claim(competency.id, f"{path}.id", "")
        for lv, level in enumerate(competency.levels):
            for polarity in ("effective", "ineffective"):
                for n, indicator in enumerate(getattr(level, polarity)):
                    yield from claim(
                        indicator.id,
                        f"{path}.levels[{lv}].{polarity}[{n}].id",
                        f" in {_where(competency, level.number)}",
                    )
    for i, question in enumerate(framework.questions):
        yield from claim(question.id, f"$.questions[{i}].id", "")


def _names(framework: Framework) -> Iterator[str]:
    seen: dict[str, int] = {}
    for c, competency in enumerate(framework.competencies):
        key = normalise(competency.name)
        if key in seen:
            yield (
                f"duplicate competency name {competency.name!r}: also the name of "
                f"$.competencies[{seen[key]}] @ $.competencies[{c}].name"
            )
        else:
            seen[key] = c


def _level_definitions(framework: Framework) -> Iterator[str]:
    numbers = framework.levels
    if not numbers:
        return
    expected = tuple(range(numbers[0], numbers[0] + len(numbers)))
    if numbers != expected:
        yield (
            f"level definitions must be contiguous and ascending, got levels "
            f"{_listing(numbers)} @ $.level_definitions"
        )


def _clusters(framework: Framework) -> Iterator[str]:
    clusters = {cluster.id for cluster in framework.clusters}
    for c, competency in enumerate(framework.competencies):
        path = f"$.competencies[{c}].cluster"
        if clusters and competency.cluster is None:
            yield f"{_where(competency)} is in no cluster; the framework has clusters @ {path}"
        elif competency.cluster is not None and competency.cluster not in clusters:
            known = ", ".join(sorted(clusters)) or "none"
            yield (
                f"{_where(competency)} names cluster {competency.cluster!r}, which the "
                f"framework does not define (clusters: {known}) @ {path}"
            )


def _levels(framework: Framework) -> Iterator[str]:
    """Each competency holds every level the framework defines, once each, ascending."""
    defined = framework.levels
    for c, competency in enumerate(framework.competencies):
        path = f"$.competencies[{c}].levels"
        numbers = competency.level_numbers
        seen: list[int] = []
        for lv, number in enumerate(numbers):
            where = f"{_where(competency, number)}"
            if number not in defined:
                yield f"{where}: the framework defines no Level {number} @ {path}[{lv}].number"
            elif number in seen:
                yield f"{where}: Level {number} appears twice @ {path}[{lv}].number"
            else:
                seen.append(number)
        for number in defined:
            if number not in seen:
                yield (
                    f"{_where(competency, number)}: Level {number} is missing; every competency "
                    f"holds each level the framework defines ({_listing(defined)}) @ {path}"
                )
        misplaced = next((a for a, b in zip(seen, sorted(seen), strict=True) if a != b), None)
        if misplaced is not None:
            yield (
                f"{_where(competency, misplaced)}: Level {misplaced} is out of order; levels "
                f"must be ascending, got {_listing(numbers)} @ {path}"
            )


def _listing(numbers: tuple[int, ...]) -> str:
    return ", ".join(map(str, numbers)) or "none"


def _sources(framework: Framework) -> Iterator[str]:
    known = {source.id for source in framework.sources}
    if not framework.sources:
        yield "a framework needs at least one source document @ $.sources"
    for c, competency in enumerate(framework.competencies):
        for lv, level in enumerate(competency.levels):
            path = f"$.competencies[{c}].levels[{lv}]"
            for polarity in ("effective", "ineffective"):
                for n, indicator in enumerate(getattr(level, polarity)):
                    if indicator.source and indicator.source not in known:
                        yield (
                            f"{_where(competency, level.number)}: source {indicator.source!r} "
                            f"is not among the framework's sources @ {path}.{polarity}[{n}].source"
                        )
            for g, gap in enumerate(level.gaps):
                if gap.recovered_from is not None and gap.recovered_from not in known:
                    yield (
                        f"{_where(competency, level.number)}: source {gap.recovered_from!r} "
                        f"is not among the framework's sources @ {path}.gaps[{g}].recovered_from"
                    )
