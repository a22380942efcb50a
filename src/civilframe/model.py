"""The framework model: ``Framework``, ``Cluster``, ``Competency``, ``Level``, ``Indicator``.

Every class is a frozen, slotted attrs class holding tuples, built complete, once, by the loader
(:func:`civilframe.load`, :func:`civilframe.loads`, :func:`civilframe.load_file`), which checks
the whole document first. Some fields are *bound*: they are not in the file format, and the
loader fills them from the context an item sits in (an indicator's column, level and
competency), so that each object can tell where it belongs.

One meaning per name, across the model: a lookup is a method (``framework.competency(...)``,
``competency.level(3)``), a collection is a property or field (``framework.indicators``,
``competency.levels``), an attribute named ``…_id`` or ``…_number`` holds an id or a number,
and any other attribute holds the object itself (``competency.cluster``, ``indicator.source``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from . import _views
from ._format.scalars import Date, Id, Number, Polarity, Text, Url
from .errors import NotFoundError
from .text import closest, describe_levels, fold, slug

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

#: Field metadata marking a field that holds another object of the framework, which the file
#: format names by its id (a competency's cluster, a gap's recovered source).
BY_ID = {"by_id": True}

#: Field metadata marking an indicator's source: named by its id, and when the file leaves it
#: out, the framework's own.
OWN_SOURCE = {"by_id": True, "context_default": True}

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Source:
    """A source document that the framework's text is taken from."""

    #: Short id, referred to by items recovered from this document.
    id: Id
    #: The document's title.
    title: Text
    #: The file name of the plain-text copy the data was checked against, if any.
    file: Text | None = attrs.field(default=None, repr=False)
    #: Who published it, where the document says.
    publisher: Text | None = attrs.field(default=None, repr=False)
    #: When it was published, as the document dates itself, in ISO 8601 to the precision the
    #: document gives (``"2012-07"``).
    date: Date | None = attrs.field(default=None, repr=False)
    #: Where it is published, where a bundled document gives the address.
    url: Url | None = attrs.field(default=None, repr=False)
    #: The copyright line the document prints, if any.
    rights: Text | None = attrs.field(default=None, repr=False)


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
    #: The source whose text fills the gap, if another document could supply it (in the file
    #: format, the source's id).
    recovered_from: Source | None = attrs.field(default=None, metadata=BY_ID)

    @property
    def description(self) -> str:
        """The gap in words, as exports print it: "Text lost in the source: …"."""
        text = f"Text lost in the source: {self.note}"
        if self.recovered_from is not None:
            source = self.recovered_from
            text += f" (recovered from {source.id}: {source.title})"
        return text


@attrs.frozen
class Indicator:
    """One behavioural indicator: a statement of what people at a level do (or fail to do).

    ``polarity`` says whether it is an effective or an ineffective behaviour; ``source`` is the
    document its text comes from, and ``note`` says how it was repaired or recovered.

    >>> import civilframe
    >>> found = civilframe.load("competency-framework").indicator("delivering-at-pace.l2.i1")
    >>> found.text, found.polarity, found.level_number, found.competency_id
    ('Fail to maintain pace and progress', 'ineffective', 2, 'delivering-at-pace')
    """

    #: Stable id, unique in its framework, e.g. ``"seeing-the-big-picture.l3.e2"``.
    id: Id
    #: The indicator's text, verbatim from its source.
    text: Text
    #: ``"effective"`` or ``"ineffective"`` (bound: the column it is listed in).
    polarity: Polarity = attrs.field(metadata=BOUND)
    #: The number of the level it belongs to (bound).
    level_number: int = attrs.field(metadata=BOUND)
    #: The id of the competency it belongs to (bound).
    competency_id: str = attrs.field(metadata=BOUND)
    #: The source document the text comes from: the framework's own unless the file names
    #: another (by its id, under the key ``source``).
    source: Source = attrs.field(metadata=OWN_SOURCE, repr=False)
    #: How the text was repaired or recovered, if it was.
    note: Text | None = attrs.field(default=None, repr=False)

    def _repr_html_(self) -> str:
        """The indicator as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


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
    #: The framework's definition of this level: its grade wording and grades (bound).
    definition: LevelDefinition = attrs.field(metadata=BOUND, repr=False)
    #: The id of the competency it belongs to (bound).
    competency_id: str = attrs.field(metadata=BOUND)

    @property
    def id(self) -> str:
        """Stable id of this level: its competency's id and its number, e.g. ``"….l3"``."""
        return f"{self.competency_id}.l{self.number}"

    @property
    def label(self) -> str:
        """The level's grade wording as the document prints it, e.g. ``"HEO & SEO or equiv"``."""
        return self.definition.label

    @property
    def heading(self) -> str:
        """The level as the Competency Framework heads it: ``"Level 3 (HEO & SEO or equiv)"``."""
        return f"Level {self.number} ({self.label})" if self.label else f"Level {self.number}"

    @property
    def grades(self) -> tuple[str, ...]:
        """The grades this level applies to, e.g. ``("HEO", "SEO")``."""
        return self.definition.grades

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Effective indicators, then ineffective ones."""
        return self.effective + self.ineffective

    @property
    def paragraph(self) -> str:
        """The effective indicators as one paragraph, as Success Profiles prints its examples."""
        return " ".join(indicator.text for indicator in self.effective)

    def _repr_html_(self) -> str:
        """The level as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.effective) + len(self.ineffective)


@attrs.frozen(kw_only=True)
class Cluster:
    """A group of competencies, as the framework groups them."""

    #: Stable id, e.g. ``"setting-direction"``.
    id: Id
    #: The cluster's title as printed, e.g. ``"Strategic Cluster – Setting Direction"``.
    title: Text

    def _repr_html_(self) -> str:
        """The cluster as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


@attrs.frozen(kw_only=True)
class Competency:
    """A competency (or behaviour): its texts and its levels, lowest first."""

    #: Stable id, e.g. ``"seeing-the-big-picture"``.
    id: Id
    #: Its number in the document, if the document numbers it.
    number: Number | None = None
    #: Its name as printed, e.g. ``"Seeing the Big Picture"``.
    name: Text
    #: Its cluster, in frameworks that group competencies into clusters (in the file format,
    #: the cluster's id).
    cluster: Cluster | None = attrs.field(default=None, metadata=BY_ID, repr=False)
    #: The short summary from the document's overview list, if it has one.
    summary: Text | None = attrs.field(default=None, repr=False)
    #: The description (or definition) the document gives on the competency's own page.
    description: Text | None = attrs.field(default=None, repr=False)
    #: Its levels, in ascending order.
    levels: tuple[Level, ...] = attrs.field(repr=False)
    #: Whether its framework declares levels cumulative (bound from the framework).
    levels_cumulative: bool = attrs.field(metadata=BOUND, repr=False)

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

        Raises :class:`~civilframe.NotFoundError` naming the levels it has, and
        :class:`TypeError` for anything but a whole number.

        >>> import civilframe
        >>> comp = civilframe.load("competency-framework").competency("seeing the big picture")
        >>> comp.level(3).effective[0].text
        "Be alert to emerging issues and trends which might impact or benefit own and team's work"
        """
        wanted = _level_number(number, "level")
        for level in self.levels:
            if level.number == wanted:
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
        indicator of Levels 1 to ``number``, lowest level first, each telling its
        ``level_number``; in a level-specific framework, the indicators of Level ``number``
        alone. Raises :class:`~civilframe.NotFoundError` when a level it needs is not held.

        >>> import civilframe
        >>> ccf = civilframe.load("competency-framework")
        >>> comp = ccf.competency("Seeing the Big Picture")
        >>> sorted({i.level_number for i in comp.cumulative(3)})
        [1, 2, 3]
        >>> behaviours = civilframe.load("success-profiles-behaviours")
        >>> together = behaviours.competency("Working Together")
        >>> sorted({i.level_number for i in together.cumulative(3)})
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
        """The competency as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html

    def __iter__(self) -> Iterator[Level]:
        return iter(self.levels)

    def __len__(self) -> int:
        return len(self.levels)


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
    >>> len(ccf), ccf.level_numbers, ccf.levels_cumulative
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
    #: Whether each level builds on the levels below (the document says so), or is specific
    #: (in the file format, the key ``cumulative``).
    levels_cumulative: bool = attrs.field(metadata={"key": "cumulative"})
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
    def level_numbers(self) -> tuple[int, ...]:
        """The numbers of the levels this framework covers, ascending."""
        return tuple(definition.number for definition in self.level_definitions)

    @property
    def source(self) -> Source:
        """The framework's own source document."""
        return self.sources[0]

    @functools.cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, competency by competency, lowest level first.

        >>> import civilframe
        >>> len(civilframe.load("competency-framework").indicators)
        664
        """
        return tuple(
            indicator for competency in self.competencies for indicator in competency.indicators
        )

    def level_definition(self, number: int) -> LevelDefinition:
        """The definition of level ``number``; :class:`~civilframe.NotFoundError` if not covered.

        >>> import civilframe
        >>> civilframe.load("competency-framework").level_definition(6).grades
        ('Director General', 'Director')
        """
        wanted = _level_number(number, "level_definition")
        for definition in self.level_definitions:
            if definition.number == wanted:
                return definition
        raise NotFoundError(
            kind="level",
            query=str(number),
            closest=(),
            reason=(
                f"{self.title!r} has no Level {number!r}: "
                f"it covers {describe_levels(self.level_numbers)}"
            ),
        )

    def competency(self, query: str | int) -> Competency:
        """The competency with this name, id or number.

        Names forgive case, spacing and "&" for "and"; an id may be written as a name would be
        ("Seeing-The-Big-Picture"); a whole number is the competency's number in the document.
        Raises :class:`~civilframe.NotFoundError` naming the closest names, and
        :class:`TypeError` for anything but a string or a whole number.

        >>> import civilframe
        >>> ccf = civilframe.load("competency-framework")
        >>> ccf.competency(" changing & improving").id, ccf.competency(4).name
        ('changing-and-improving', 'Leading and Communicating')
        """
        if isinstance(query, int) and not isinstance(query, bool):
            found = self._tables.competency_numbers.get(query)
            if found is not None:
                return found
            numbers = [str(c.number) for c in self.competencies if c.number is not None]
            raise NotFoundError(
                kind="competency",
                query=str(query),
                closest=tuple(numbers),
                reason=f"{self.title!r} numbers no competency {query}",
                closest_label="its competencies are numbered",
            )
        text = _text_query(query, "competency", "a name, an id or a whole number")
        competency = self._tables.competencies.find(text)
        if competency is not None:
            return competency
        raise NotFoundError(
            kind="competency",
            query=text,
            closest=closest(text, (c.name for c in self.competencies)),
        )

    def cluster(self, query: str) -> Cluster:
        """The cluster with this title, short name or id (forgiving case and spacing).

        The short name is the cluster's id written as a name: "Setting Direction" for
        ``setting-direction``, the "Strategic Cluster – Setting Direction". Raises
        :class:`~civilframe.NotFoundError` naming the clusters.

        >>> import civilframe
        >>> civilframe.load("competency-framework").cluster("Setting Direction").title
        'Strategic Cluster – Setting Direction'
        """
        text = _text_query(query, "cluster", "a title, a short name or an id")
        found = self._tables.clusters.find(text)
        if found is not None:
            return found
        raise NotFoundError(
            kind="cluster",
            query=text,
            closest=closest(text, (c.title for c in self.clusters)),
            reason=None if self.clusters else f"{self.title!r} has no clusters",
        )

    def competencies_in(self, cluster: str | Cluster) -> tuple[Competency, ...]:
        """The competencies of a cluster (given by title, short name, id, or itself), in order.

        >>> import civilframe
        >>> ccf = civilframe.load("competency-framework")
        >>> [c.name for c in ccf.competencies_in("setting-direction")]
        ['Seeing the Big Picture', 'Changing and Improving', 'Making Effective Decisions']
        """
        found = cluster if isinstance(cluster, Cluster) else self.cluster(cluster)
        return tuple(c for c in self.competencies if c.cluster == found)

    def question(self, query: str) -> Question:
        """The question with this name or id (forgiving case and spacing).

        Raises :class:`~civilframe.NotFoundError` naming the questions.

        >>> import civilframe
        >>> civilframe.load("leadership-in-action").question("Purpose").text[:50]
        'Does the person show the motivation to succeed, wi'
        """
        text = _text_query(query, "question", "a name or an id")
        found = self._tables.questions.find(text)
        if found is not None:
            return found
        raise NotFoundError(
            kind="question",
            query=text,
            closest=closest(text, (q.name for q in self.questions)),
            reason=None if self.questions else f"{self.title!r} poses no questions",
        )

    def indicator(self, id: str) -> Indicator:
        """The indicator with this id; :class:`~civilframe.NotFoundError` if there is none.

        >>> import civilframe
        >>> civilframe.load("competency-framework").indicator("delivering-at-pace.l2.i1").text
        'Fail to maintain pace and progress'
        """
        text = _text_query(id, "indicator", "an indicator's id")
        found = self._tables.indicators.get(text.strip())
        if found is not None:
            return found
        raise NotFoundError(
            kind="indicator",
            query=text,
            closest=closest(text, (i.id for i in self.indicators)),
        )

    @functools.cached_property
    def _tables(self) -> _Tables:
        """The lookup tables, built on the first lookup (not a field: not compared or pickled)."""
        return _Tables(self)

    def to_dataframe(self) -> Any:
        """The indicators as a pandas DataFrame, one row per indicator (pandas is an extra).

        The columns are those of :func:`civilframe.export.to_csv`.
        """
        return _views.view("dataframe", self)

    def _repr_html_(self) -> str:
        """The framework as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html

    def __iter__(self) -> Iterator[Competency]:
        return iter(self.competencies)

    def __len__(self) -> int:
        return len(self.competencies)


class Names(Generic[T]):
    """Items by the names they answer to, for lookups that forgive case and spacing.

    A query finds the item whose id it is (as given), else whose name it is after folding
    case, spacing and "&" (:func:`civilframe.text.fold`), else whose id it is when written as
    a name ("Setting Direction" for ``setting-direction``). The first item to claim a key keeps
    it.
    """

    __slots__ = ("_ids", "_names")

    def __init__(
        self, items: Iterable[T], id: Callable[[T], str], names: Callable[[T], Iterable[str]]
    ) -> None:
        self._ids: dict[str, T] = {}
        self._names: dict[str, T] = {}
        for item in items:
            self._ids.setdefault(id(item), item)
            for name in names(item):
                self._names.setdefault(fold(name), item)

    def find(self, query: str) -> T | None:
        """The item ``query`` names, or None."""
        found = self._ids.get(query.strip())
        if found is None:
            found = self._names.get(fold(query))
        if found is None:
            found = self._ids.get(slug(query))
        return found


class _Tables:
    """A framework's lookup tables: competencies, clusters, questions and indicators."""

    __slots__ = ("clusters", "competencies", "competency_numbers", "indicators", "questions")

    def __init__(self, framework: Framework) -> None:
        self.competencies = Names(framework.competencies, _id, lambda c: (c.name,))
        self.competency_numbers: dict[int, Competency] = {}
        for competency in framework.competencies:
            if competency.number is not None:
                self.competency_numbers.setdefault(competency.number, competency)
        self.clusters = Names(framework.clusters, _id, lambda c: (c.title,))
        self.questions = Names(framework.questions, _id, lambda q: (q.name,))
        self.indicators: dict[str, Indicator] = {}
        for indicator in framework.indicators:
            self.indicators.setdefault(indicator.id, indicator)


def _id(item: Cluster | Competency | Question) -> str:
    return item.id


def _text_query(query: object, lookup: str, accepted: str) -> str:
    """``query`` if it is a string; TypeError naming what the lookup accepts otherwise."""
    if not isinstance(query, str):
        raise TypeError(f"{lookup}() takes {accepted}, got {type(query).__name__}")
    return query


def _level_number(number: object, lookup: str) -> int:
    """``number`` if it is a whole number (not a bool); TypeError otherwise."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"{lookup}() takes a level number (a whole number), got {number!r}")
    return number
