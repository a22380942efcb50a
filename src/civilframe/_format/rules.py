"""The rules of a document that no type states: unique ids and names, levels, references.

:class:`Rules` collects what a framework document breaks while the converter builds it, and
:func:`duplicates` finds the keys used twice in any list (ids, names, grades). Each problem is
``"<message> @ <JSON path>"``; every check is linear in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from .problems import Problems

if TYPE_CHECKING:
    from ..model import Source

__all__ = ["Rules", "duplicates"]

K = TypeVar("K", bound=Hashable)


def duplicates(items: Iterable[tuple[K, str]], message: Callable[[K, str, str], str]) -> Problems:
    """A problem for each key used again, in order: ``message(key, first path, path)``.

    ``items`` are ``(key, path)`` pairs; the problem is placed at the later use's path.

    >>> duplicates([("a", "$[0]"), ("b", "$[1]"), ("a", "$[2]")],
    ...            lambda key, first, path: f"{key!r} again (first at {first}) @ {path}")
    ["'a' again (first at $[0]) @ $[2]"]
    """
    first: dict[K, str] = {}
    problems = Problems()
    for key, path in items:
        if key in first:
            problems.append(message(key, first[key], path))
        else:
            first[key] = path
    return problems


def _listing(numbers: Sequence[int]) -> str:
    return ", ".join(map(str, numbers)) or "none"


def _where(competency_id: str, level: int | None = None) -> str:
    at_level = f" Level {level}" if level is not None else ""
    return f"competency {competency_id!r}{at_level}"


#: A column of a competency's indicators: its level's position in the competency's list, the
#: level's number, the column's key (``"effective"`` or ``"ineffective"``) and its row count.
_Column = tuple[int, int, str, int]
#: Where ids are used: the ids; the path of the one id, or of the competency whose indicators
#: they are; the competency's id and level, for an indicator's id; and the competency's
#: columns, for its indicators' ids (none for one id).
_Claim = tuple[tuple[str, ...], str, str, int, tuple[_Column, ...]]


class Rules:
    """The rules a framework document breaks, collected as the converter builds it.

    The converter reports them (:meth:`problems`) only for a document without type problems,
    in the order of the kinds of rule: ids, names, level definitions, clusters, levels,
    sources.
    """

    def __init__(self) -> None:
        self._claims: list[_Claim] = []
        self._count = 0  # the ids claimed
        self._names: list[tuple[str, str]] = []
        self._name_at: dict[str, str] = {}
        self._found: dict[str, Problems] = {
            kind: Problems() for kind in ("definitions", "clusters", "levels", "sources")
        }
        self._defined: frozenset[int] = frozenset()
        self._numbers: tuple[int, ...] = ()

    def claim(self, id: str, path: str, competency_id: str = "", level: int = 0) -> None:
        """Record a use of ``id`` at ``path`` (by an indicator: of ``competency_id``, ``level``)."""
        self._claims.append(((id,), path, competency_id, level, ()))
        self._count += 1

    def claim_indicators(
        self, ids: Sequence[str], path: str, competency_id: str, columns: Sequence[_Column]
    ) -> None:
        """Record the uses of ``ids``: the indicators of the competency at ``path``, in order.

        ``columns`` says which column holds each, in order: each column's level (its position
        in the competency's list and its number), key and row count. The ids' paths are worked
        out only when an id is used twice.
        """
        if ids:
            self._claims.append((tuple(ids), path, competency_id, 0, tuple(columns)))
            self._count += len(ids)

    def name(self, folded: str, name: str, path: str) -> None:
        """Record a competency's name (folded for comparison) at the competency's ``path``."""
        self._names.append((folded, path))
        self._name_at[path] = name

    def sources(self, sources: Sequence[Source]) -> None:
        """A framework names at least its own source document."""
        if not sources:
            self._found["sources"].append(
                "a framework needs at least one source document @ $.sources"
            )

    def level_definitions(self, numbers: tuple[int, ...]) -> None:
        """The levels a framework defines are contiguous and ascending."""
        self._defined = frozenset(numbers)
        self._numbers = numbers
        if numbers and numbers != tuple(range(numbers[0], numbers[0] + len(numbers))):
            self._found["definitions"].append(
                "level definitions must be contiguous and ascending, got levels "
                f"{_listing(numbers)} @ $.level_definitions"
            )

    def no_cluster(self, competency_id: str, path: str) -> None:
        """A competency in no cluster, in a framework that has clusters."""
        self._found["clusters"].append(
            f"{_where(competency_id)} is in no cluster; the framework has clusters @ {path}"
        )

    def unknown_cluster(
        self, competency_id: str, cluster_id: str, known: Sequence[str], path: str
    ) -> None:
        """A competency naming a cluster the framework does not define."""
        self._found["clusters"].append(
            f"{_where(competency_id)} names cluster {cluster_id!r}, which the framework does "
            f"not define (clusters: {', '.join(known) or 'none'}) @ {path}.cluster"
        )

    def unknown_source(self, competency_id: str, level: int, source_id: str, path: str) -> None:
        """An indicator or gap naming a source the framework does not list."""
        self._found["sources"].append(
            f"{_where(competency_id, level)}: source {source_id!r} is not among the "
            f"framework's sources @ {path}"
        )

    def levels(self, competency_id: str, numbers: Sequence[int], path: str) -> None:
        """A competency holds every level the framework defines, once each, ascending."""
        if tuple(numbers) == self._numbers:
            return  # the usual case: the levels defined, in order
        found = self._found["levels"]
        defined = self._defined
        seen: set[int] = set()
        kept: list[int] = []
        for position, number in enumerate(numbers):
            where = _where(competency_id, number)
            if number not in defined:
                found.append(
                    f"{where}: the framework defines no Level {number} "
                    f"@ {path}.levels[{position}].number"
                )
            elif number in seen:
                found.append(
                    f"{where}: Level {number} appears twice @ {path}.levels[{position}].number"
                )
            else:
                seen.add(number)
                kept.append(number)
        for number in self._numbers:
            if number not in seen:
                found.append(
                    f"{_where(competency_id, number)}: Level {number} is missing; every "
                    f"competency holds each level the framework defines "
                    f"({_listing(self._numbers)}) @ {path}.levels"
                )
        misplaced = next((a for a, b in zip(kept, sorted(kept), strict=True) if a != b), None)
        if misplaced is not None:
            found.append(
                f"{_where(competency_id, misplaced)}: Level {misplaced} is out of order; levels "
                f"must be ascending, got {_listing(numbers)} @ {path}.levels"
            )

    def problems(self) -> Problems:
        """Every rule broken, kind by kind (the first hundred kept, the rest counted)."""
        found = Problems(self._ids())
        found += duplicates(
            self._names,
            lambda _, first, path: (
                f"duplicate competency name {self._name_at[path]!r}: also the name of "
                f"{first} @ {path}.name"
            ),
        )
        for kind in ("definitions", "clusters", "levels", "sources"):
            found += self._found[kind]
        return found

    def _ids(self) -> list[str]:
        claims = self._claims
        seen: set[str] = set()
        for claim in claims:
            seen.update(claim[0])
        if len(seen) == self._count:
            return []  # the usual case, found without a path for every id
        contexts: dict[str, str] = {}

        def places() -> Iterator[tuple[str, str]]:
            for ids, path, competency_id, level, columns in claims:
                if not columns:
                    if competency_id:
                        contexts[path] = f" in {_where(competency_id, level)}"
                    yield ids[0], path
                    continue
                used = iter(ids)
                for position, number, key, rows in columns:
                    for row in range(rows):
                        where = f"{path}.levels[{position}].{key}[{row}].id"
                        contexts[where] = f" in {_where(competency_id, number)}"
                        yield next(used), where

        return duplicates(
            places(),
            lambda id, first, path: (
                f"duplicate id {id!r}{contexts.get(path, '')} (first used at {first}) @ {path}"
            ),
        )
