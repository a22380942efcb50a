"""The framework model: ``Framework``, ``Cluster``, ``Competency``, ``Level``, ``Indicator``.

Every class is a frozen, slotted attrs class holding tuples, built only by the loader
(:func:`civilframe.load`, :func:`civilframe.loads`, :func:`civilframe.load_file`), which checks
the whole document first. Fields marked *bound* are not in the file format: the loader fills them
from the context an item sits in (an indicator's level and column, a level's grade label), so
that each object can tell where it belongs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import attrs

from ._names import closest, normalise
from ._types import Id, Number, Polarity, Text
from ._wording import describe_levels
from .errors import NotFoundError

__all__ = [
    "Cluster",
    "Competency",
    "Framework",
    "Gap",
    "Indicator",
    "Level",
    "LevelDefinition",
    "Question",
    "Source",
]

#: Field metadata marking a field the loader fills from context; it is not in the file format.
BOUND = {"bound": True}


@attrs.frozen(kw_only=True)
class Source:
    """A source document that the framework's text is taken from."""

    #: Short id, referred to by items recovered from this document.
    id: Id
    #: The document's title.
    title: Text
    #: The file name of the plain-text copy the data was checked against, if any.
    file: Text | None = None


@attrs.frozen(kw_only=True)
class LevelDefinition:
    """One level of a framework: its number and the grades it applies to.

    >>> import civilframe
    >>> civilframe.load("competency-framework").level_definition(3).label
    'HEO & SEO or equiv'
    """

    #: The level's number, 1 upwards.
    number: Number
    #: The level's grade wording as the document prints it, e.g. ``"HEO & SEO or equiv"``.
    label: Text
    #: The grades the label names, as canonical grade names (``"HEO"``, ``"Grade 7"``, …).
    grades: tuple[Text, ...]


@attrs.frozen(kw_only=True)
class Gap:
    """Text the source document lost, recorded so that the loss stays visible."""

    #: Which column lost its text.
    polarity: Polarity
    #: What was lost and why, in plain words.
    note: Text
    #: The id of the source whose text fills the gap, if another document could supply it.
    recovered_from: Id | None = None


@attrs.frozen(kw_only=True)
class Indicator:
    """One behavioural indicator: a statement of what people at a level do (or fail to do).

    ``polarity`` says whether it is an effective or an ineffective behaviour; ``source`` names
    the document its text comes from, and ``note`` says how it was repaired or recovered.
    """

    #: Stable id, unique in its framework, e.g. ``"seeing-the-big-picture.l3.e2"``.
    id: Id
    #: The indicator's text, verbatim from its source.
    text: Text
    #: The id of the source document the text comes from (bound: the framework's own by default).
    source: Id = attrs.field(default="")
    #: How the text was repaired or recovered, if it was.
    note: Text | None = None
    #: ``"effective"`` or ``"ineffective"`` (bound: the column it is listed in).
    polarity: Polarity = attrs.field(default="effective", metadata=BOUND)
    #: The number of the level it belongs to (bound).
    level: int = attrs.field(default=0, metadata=BOUND)
    #: The id of the competency it belongs to (bound).
    competency: str = attrs.field(default="", metadata=BOUND)


@attrs.frozen(kw_only=True)
class Level:
    """A competency at one level: its effective and ineffective indicators and any gaps."""

    #: The level's number.
    number: Number
    #: What people who are effective at this level are likely to do, in document order.
    effective: tuple[Indicator, ...] = attrs.field(repr=False)
    #: What people who are less effective are likely to do, in document order.
    ineffective: tuple[Indicator, ...] = attrs.field(repr=False)
    #: Text the source lost at this level.
    gaps: tuple[Gap, ...] = attrs.field(default=(), repr=False)
    #: The level's grade wording as the document prints it (bound from the framework).
    label: str = attrs.field(default="", metadata=BOUND)
    #: The grades this level applies to (bound from the framework).
    grades: tuple[str, ...] = attrs.field(default=(), metadata=BOUND, repr=False)
    #: The id of the competency it belongs to (bound).
    competency: str = attrs.field(default="", metadata=BOUND)

    @property
    def id(self) -> str:
        """Stable id of this level: its competency's id and its number, e.g. ``"….l3"``."""
        return f"{self.competency}.l{self.number}"

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Effective indicators, then ineffective ones."""
        return self.effective + self.ineffective

    @property
    def paragraph(self) -> str:
        """The effective indicators as one paragraph, as Success Profiles prints its examples."""
        return " ".join(indicator.text for indicator in self.effective)

    def _repr_html_(self) -> str:
        """The level as an HTML table, for Jupyter."""
        from ._html import level_html  # only notebooks need it

        return level_html(self)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.effective) + len(self.ineffective)


@attrs.frozen(kw_only=True)
class Competency:
    """A competency (or behaviour): its texts and its levels, lowest first."""

    #: Stable id, e.g. ``"seeing-the-big-picture"``.
    id: Id
    #: Its number in the document, if the document numbers it.
    number: Number | None = None
    #: Its name as printed, e.g. ``"Seeing the Big Picture"``.
    name: Text
    #: The id of its cluster, in frameworks that group competencies into clusters.
    cluster: Id | None = None
    #: The short summary from the document's overview list, if it has one.
    summary: Text | None = attrs.field(default=None, repr=False)
    #: The description (or definition) the document gives on the competency's own page.
    description: Text | None = attrs.field(default=None, repr=False)
    #: Its levels, in ascending order.
    levels: tuple[Level, ...] = attrs.field(repr=False)
    #: Whether its framework declares levels cumulative (bound from the framework).
    levels_cumulative: bool = attrs.field(default=False, metadata=BOUND, repr=False)

    @property
    def level_numbers(self) -> tuple[int, ...]:
        """The numbers of the levels this competency has, ascending."""
        return tuple(level.number for level in self.levels)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator of every level, lowest level first."""
        return tuple(indicator for level in self.levels for indicator in level)

    def level(self, number: int) -> Level:
        """This competency at level ``number``.

        Raises :class:`~civilframe.NotFoundError` naming the levels it has.

        >>> import civilframe
        >>> comp = civilframe.load("competency-framework").competency("seeing the big picture")
        >>> comp.level(3).effective[0].text
        "Be alert to emerging issues and trends which might impact or benefit own and team's work"
        """
        for level in self.levels:
            if level.number == number:
                return level
        raise NotFoundError(
            kind="level",
            query=str(number),
            closest=(),
            reason=(
                f"{self.name!r} has no Level {number!r}: "
                f"it has {describe_levels(self.level_numbers)}"
            ),
        )

    def cumulative(self, number: int) -> tuple[Indicator, ...]:
        """What Level ``number`` expects of a person, by the framework's own rule.

        In a cumulative framework (each level building on the levels below) that is every
        indicator of Levels 1 to ``number``, lowest level first, each telling its ``level``;
        in a level-specific framework, the indicators of Level ``number`` alone.
        Raises :class:`~civilframe.NotFoundError` when a level it needs is not held.

        >>> import civilframe
        >>> ccf = civilframe.load("competency-framework")
        >>> sorted({i.level for i in ccf.competency("Seeing the Big Picture").cumulative(3)})
        [1, 2, 3]
        >>> behaviours = civilframe.load("success-profiles-behaviours")
        >>> sorted({i.level for i in behaviours.competency("Working Together").cumulative(3)})
        [3]
        """
        target = self.level(number)
        if not self.levels_cumulative:
            return target.indicators
        needed = tuple(range(1, number + 1))
        held = self.level_numbers
        missing = [n for n in needed if n not in held]
        if missing:
            raise NotFoundError(
                kind="level",
                query=str(number),
                closest=(),
                reason=(
                    f"Level {number} of {self.name!r} builds on "
                    f"{describe_levels(needed[:-1])}, which this framework does not hold: "
                    f"it has {describe_levels(held)}"
                ),
            )
        return tuple(indicator for level in self.levels[: len(needed)] for indicator in level)

    def _repr_html_(self) -> str:
        """The competency as an HTML table, for Jupyter."""
        from ._html import competency_html  # only notebooks need it

        return competency_html(self)

    def __iter__(self) -> Iterator[Level]:
        return iter(self.levels)

    def __len__(self) -> int:
        return len(self.levels)


@attrs.frozen(kw_only=True)
class Cluster:
    """A group of competencies, as the framework groups them."""

    #: Stable id, e.g. ``"setting-direction"``.
    id: Id
    #: The cluster's title as printed, e.g. ``"Strategic Cluster – Setting Direction"``.
    title: Text


@attrs.frozen(kw_only=True)
class Question:
    """A question the document poses for judging a person.

    Leadership in Action's three Indicators of Potential are questions: *Performance* asks
    "Does the person have a track record that indicates they will succeed?".
    """

    #: Stable id, e.g. ``"performance"``.
    id: Id
    #: Its name as printed, e.g. ``"Performance"``.
    name: Text
    #: The question, verbatim.
    text: Text


@attrs.frozen(kw_only=True)
class Framework:
    """One edition of a competency framework, as its document gives it.

    >>> import civilframe
    >>> ccf = civilframe.load("competency-framework")
    >>> len(ccf), ccf.levels, ccf.cumulative
    (10, (1, 2, 3, 4, 5, 6), True)
    """

    #: Stable id, e.g. ``"competency-framework"``.
    id: Id
    #: The framework's title.
    title: Text
    #: Which edition of the framework this is, where the document says.
    edition: Text | None = None
    #: Who publishes it, where the document says.
    publisher: Text | None = None
    #: The source documents, the framework's own first; others supplied recovered text.
    sources: tuple[Source, ...] = attrs.field(repr=False)
    #: Whether each level builds on the levels below (the document says so), or is specific.
    cumulative: bool
    #: The document's introductory text, one paragraph (or heading) per item.
    introduction: tuple[Text, ...] = attrs.field(default=(), repr=False)
    #: The levels the framework covers, ascending, with their grades.
    level_definitions: tuple[LevelDefinition, ...] = attrs.field(repr=False)
    #: Its clusters, in document order (none in frameworks without clusters).
    clusters: tuple[Cluster, ...] = attrs.field(default=(), repr=False)
    #: Its competencies, in document order.
    competencies: tuple[Competency, ...] = attrs.field(repr=False)
    #: Questions the document poses for judging a person, in document order.
    questions: tuple[Question, ...] = attrs.field(default=(), repr=False)

    @property
    def levels(self) -> tuple[int, ...]:
        """The numbers of the levels this framework covers, ascending."""
        return tuple(definition.number for definition in self.level_definitions)

    @property
    def source(self) -> Source:
        """The framework's own source document."""
        return self.sources[0]

    def level_definition(self, number: int) -> LevelDefinition:
        """The definition of level ``number``; :class:`~civilframe.NotFoundError` if not covered.

        >>> import civilframe
        >>> civilframe.load("competency-framework").level_definition(6).grades
        ('Director General', 'Director')
        """
        for definition in self.level_definitions:
            if definition.number == number:
                return definition
        raise NotFoundError(
            kind="level",
            query=str(number),
            closest=(),
            reason=(
                f"{self.title!r} has no Level {number!r}: it covers {describe_levels(self.levels)}"
            ),
        )

    def competency(self, name_or_id: str) -> Competency:
        """The competency with this name or id, forgiving case, spacing and "&" for "and".

        Raises :class:`~civilframe.NotFoundError` naming the closest names.

        >>> import civilframe
        >>> civilframe.load("competency-framework").competency(" changing & improving").id
        'changing-and-improving'
        """
        lookup = self._tables
        found = lookup.competencies.get(name_or_id.strip())
        if found is None:
            found = lookup.competency_names.get(normalise(name_or_id))
        if found is not None:
            return found
        raise NotFoundError(
            kind="competency",
            query=name_or_id,
            closest=closest(name_or_id, (c.name for c in self.competencies)),
        )

    def cluster(self, title_or_id: str) -> Cluster:
        """The cluster with this title or id (forgiving case and spacing).

        Raises :class:`~civilframe.NotFoundError` naming the clusters.

        >>> import civilframe
        >>> civilframe.load("competency-framework").cluster("setting-direction").title
        'Strategic Cluster – Setting Direction'
        """
        key = normalise(title_or_id)
        for cluster in self.clusters:
            if key in (normalise(cluster.title), cluster.id):
                return cluster
        raise NotFoundError(
            kind="cluster",
            query=title_or_id,
            closest=closest(title_or_id, (c.title for c in self.clusters)),
            reason=None if self.clusters else f"{self.title!r} has no clusters",
        )

    def competencies_in(self, cluster: str) -> tuple[Competency, ...]:
        """The competencies of a cluster (given by title or id), in document order.

        >>> import civilframe
        >>> ccf = civilframe.load("competency-framework")
        >>> [c.name for c in ccf.competencies_in("setting-direction")]
        ['Seeing the Big Picture', 'Changing and Improving', 'Making Effective Decisions']
        """
        found = self.cluster(cluster)
        return tuple(c for c in self.competencies if c.cluster == found.id)

    def question(self, name_or_id: str) -> Question:
        """The question with this name or id (forgiving case and spacing).

        Raises :class:`~civilframe.NotFoundError` naming the questions.

        >>> import civilframe
        >>> civilframe.load("leadership-in-action").question("Purpose").text[:50]
        'Does the person show the motivation to succeed, wi'
        """
        key = normalise(name_or_id)
        for question in self.questions:
            if key in (normalise(question.name), question.id):
                return question
        raise NotFoundError(
            kind="question",
            query=name_or_id,
            closest=closest(name_or_id, (q.name for q in self.questions)),
            reason=None if self.questions else f"{self.title!r} poses no questions",
        )

    def indicators(self) -> Iterator[Indicator]:
        """Every indicator, competency by competency, lowest level first.

        >>> import civilframe
        >>> sum(1 for _ in civilframe.load("competency-framework").indicators())
        664
        """
        for competency in self.competencies:
            yield from competency.indicators

    def indicator(self, id: str) -> Indicator:
        """The indicator with this id; :class:`~civilframe.NotFoundError` if there is none.

        >>> import civilframe
        >>> found = civilframe.load("competency-framework").indicator("delivering-at-pace.l2.i1")
        >>> found.text, found.polarity, found.level
        ('Fail to maintain pace and progress', 'ineffective', 2)
        """
        found = self._tables.indicators.get(id)
        if found is not None:
            return found
        raise NotFoundError(
            kind="indicator",
            query=id,
            closest=closest(id, (i.id for i in self.indicators())),
        )

    @functools.cached_property
    def _tables(self) -> _Lookup:
        """The lookup tables, built on the first lookup (not a field: not compared or pickled)."""
        return _Lookup(self)

    def to_dataframe(self) -> Any:
        """The indicators as a pandas DataFrame, one row per indicator (pandas is an extra).

        The columns are those of :func:`civilframe.exports.to_csv`.
        """
        from .exports import to_dataframe

        return to_dataframe(self)

    def _repr_html_(self) -> str:
        """The framework as an HTML table, for Jupyter."""
        from ._html import framework_html  # only notebooks need it

        return framework_html(self)

    def __iter__(self) -> Iterator[Competency]:
        return iter(self.competencies)

    def __len__(self) -> int:
        return len(self.competencies)


class _Lookup:
    """A framework's competencies and indicators by id, and competencies by folded name."""

    __slots__ = ("competencies", "competency_names", "indicators")

    def __init__(self, framework: Framework) -> None:
        self.competencies: dict[str, Competency] = {}
        self.competency_names: dict[str, Competency] = {}
        self.indicators: dict[str, Indicator] = {}
        for competency in framework.competencies:
            self.competencies.setdefault(competency.id, competency)
            self.competency_names.setdefault(normalise(competency.name), competency)
            for indicator in competency.indicators:
                self.indicators.setdefault(indicator.id, indicator)
