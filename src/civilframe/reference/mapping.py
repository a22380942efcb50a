"""The crosswalk from the Competency Framework's 10 competencies to the 9 Civil Service Behaviours.

The crosswalk is **civilframe's editorial mapping, not an official one**: neither the Civil
Service Competency Framework nor *Success Profiles: Civil Service Behaviours* maps one to the
other. Each link says what became of one competency, typed:

- ``"same-name"``: a behaviour of the same name carries it;
- ``"renamed"``: one behaviour of another name carries it;
- ``"split"``: two behaviours carry it between them;
- ``"partly-carried"``: no behaviour is about it, but part of it survives inside a behaviour;
- ``"no-successor"``: no behaviour carries it.

Each link rests on its evidence: words quoted verbatim from the two documents' own definitions
(and, where the definitions are silent, examples), which the tests check against the bundled
frameworks. The mapping is data (``civilframe/data/reference/crosswalk.json``), read through the one
converter; :attr:`Crosswalk.statement` carries the editorial statement with it.

>>> from civilframe import crosswalk, translate
>>> crosswalk("leading & communicating").behaviour_ids
('leadership', 'communicating-and-influencing')
>>> translate(["Collaborating and Partnering", "Achieving Commercial Outcomes"]).behaviours
('Working Together',)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Literal, overload

import attrs

from .. import _views
from .._format.documents import parse_json
from .._format.scalars import Id, Text
from .._reprs import clipped, counted
from ..errors import InvalidDocumentError, NotFoundError
from ..loading import data_file, load, structure_document
from ..model import Competency, Framework

__all__ = [
    "LINK_TYPES",
    "PARTS",
    "Crosswalk",
    "Evidence",
    "Link",
    "LinkType",
    "Quote",
    "Shortfall",
    "Translation",
    "crosswalk",
    "loads_crosswalk",
    "translate",
]

#: What became of a competency: carried by a behaviour of the same name, by one of another
#: name, split across two behaviours, partly carried inside a behaviour, or not carried at all.
LinkType = Literal["same-name", "renamed", "split", "partly-carried", "no-successor"]

#: Every link type, in the order above.
LINK_TYPES: tuple[LinkType, ...] = (
    "same-name",
    "renamed",
    "split",
    "partly-carried",
    "no-successor",
)

#: The link types that carry a competency over whole.
_CARRIED: tuple[LinkType, ...] = ("same-name", "renamed", "split")

#: The texts of a competency a quote may name besides its indicators.
PARTS = ("summary", "description")


@attrs.frozen(kw_only=True)
class Quote:
    """Words quoted verbatim from one text of a competency (or behaviour)."""

    #: The id of the competency or behaviour whose text is quoted.
    competency_id: Id = attrs.field(metadata={"key": "competency"})
    #: Which of its texts: ``"summary"``, ``"description"``, or the id of one of its indicators.
    part: Id
    #: The words quoted: an exact substring of that text.
    text: Text

    def source_text(self, framework: Framework) -> str:
        """The whole text in ``framework`` that this quote is taken from.

        Raises :class:`~civilframe.NotFoundError` if the framework has no such text.
        """
        competency = framework.competency(self.competency_id)
        if self.part in PARTS:
            found: str | None = getattr(competency, self.part)
            if found is None:
                raise NotFoundError(
                    kind=self.part,
                    query=self.competency_id,
                    closest=(),
                    reason=f"{competency.name!r} in {framework.id!r} has no {self.part}",
                )
            return found
        return framework.indicator(self.part).text


@attrs.frozen(kw_only=True)
class Evidence:
    """One piece of evidence: what the competency says, and what a behaviour says to match it.

    Evidence of a competency that no behaviour carries quotes the competency alone.
    """

    #: The words of the competency (in the Competency Framework).
    competency: Quote
    #: The matching words of a behaviour, if any behaviour has them.
    behaviour: Quote | None = None


@attrs.frozen(kw_only=True)
class Link:
    """What became of one competency in the Civil Service Behaviours: civilframe's editorial view.

    >>> from civilframe import crosswalk
    >>> link = crosswalk("Building Capability for All")
    >>> link.type, link.behaviour_ids
    ('renamed', ('developing-self-and-others',))
    """

    #: The id of the competency, in the Competency Framework.
    competency_id: Id = attrs.field(metadata={"key": "competency"})
    #: What became of it (see :data:`LinkType`).
    type: LinkType
    #: The ids of the behaviours that carry it, wholly or in part (none for no successor).
    behaviour_ids: tuple[Id, ...] = attrs.field(default=(), metadata={"key": "behaviours"})
    #: Why the link is typed so, in plain words.
    reason: Text = attrs.field(repr=clipped)
    #: The quotes the link rests on.
    evidence: tuple[Evidence, ...] = attrs.field(repr=counted)
    #: Words (matched ignoring case, as parts of words too) found nowhere in the behaviours'
    #: texts, backing a claim that something was not carried.
    absent: tuple[Text, ...] = attrs.field(default=(), repr=counted)

    @property
    def carried(self) -> bool:
        """Whether the behaviours carry the whole competency (same name, renamed or split)."""
        return self.type in _CARRIED


@attrs.frozen(kw_only=True)
class Shortfall:
    """A competency a translation could not carry over whole, and why."""

    #: The competency's id.
    competency_id: str
    #: The competency's name.
    name: str
    #: ``"partly-carried"`` or ``"no-successor"``.
    type: LinkType
    #: The names of the behaviours that carry part of it (none when it has no successor).
    behaviours: tuple[str, ...]
    #: Why, as the crosswalk says.
    reason: str = attrs.field(repr=clipped)


@attrs.frozen(kw_only=True)
class Translation:
    """A list of competencies carried over to behaviours, with what could not be carried.

    Like the crosswalk it follows, a translation is civilframe's editorial mapping, not an
    official one; :attr:`statement` says so.
    """

    #: The names of the competencies translated, in the order given, each once.
    competencies: tuple[str, ...] = attrs.field(repr=counted)
    #: The names of the behaviours they carry over to, in order, each once.
    behaviours: tuple[str, ...] = attrs.field(repr=counted)
    #: The ids of those behaviours, in the same order.
    behaviour_ids: tuple[str, ...] = attrs.field(repr=counted)
    #: The link followed for each competency, in the order given.
    links: tuple[Link, ...] = attrs.field(repr=counted)
    #: The competencies not carried over whole (partly carried or with no successor).
    lost: tuple[Shortfall, ...] = attrs.field(repr=counted)
    #: The crosswalk's statement that this is civilframe's editorial mapping.
    statement: str = attrs.field(repr=clipped)

    @property
    def complete(self) -> bool:
        """Whether every competency was carried over whole."""
        return not self.lost

    def _repr_html_(self) -> str:
        """The translation as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


@attrs.frozen(kw_only=True)
class Crosswalk:
    """A crosswalk from one framework's competencies to another's: one link per competency."""

    #: The crosswalk's title.
    title: Text
    #: Whether the mapping is official (published by the frameworks' owner); civilframe's is not.
    official: bool
    #: The statement of what the mapping is, and is not.
    statement: Text = attrs.field(repr=clipped)
    #: The id of the bundled framework mapped from.
    from_framework: Id
    #: The id of the bundled framework mapped to.
    to_framework: Id
    #: One link per competency, in the order of the framework mapped from.
    links: tuple[Link, ...] = attrs.field(repr=counted)

    def link(self, competency: str) -> Link:
        """The link of one competency, by its name or id (forgiving case, spacing and "&").

        Raises :class:`~civilframe.NotFoundError` naming the closest competencies.
        """
        found = load(self.from_framework).competency(competency)
        for link in self.links:
            if link.competency_id == found.id:
                return link
        raise NotFoundError(
            kind="crosswalk link",
            query=competency,
            closest=(),
            reason=f"the crosswalk has no link for {found.name!r}",
        )

    def translate(self, competencies: Sequence[str]) -> Translation:
        """The behaviours that carry these competencies (names or ids), and what is lost.

        Behaviours come in the order of the competencies that lead to them, each once; a
        competency named twice counts once. Raises :class:`~civilframe.NotFoundError` naming
        the closest competencies for a name that is not one.
        """
        if isinstance(competencies, str):
            raise TypeError("translate() takes a list of competency names, not one string")
        source, target = load(self.from_framework), load(self.to_framework)
        chosen: dict[str, Competency] = {}
        for name in competencies:
            competency = source.competency(name)
            chosen.setdefault(competency.id, competency)
        links = tuple(self.link(id) for id in chosen)
        behaviours: dict[str, Competency] = {}
        for link in links:
            for id in link.behaviour_ids:
                behaviours.setdefault(id, target.competency(id))
        return Translation(
            competencies=tuple(competency.name for competency in chosen.values()),
            behaviours=tuple(behaviour.name for behaviour in behaviours.values()),
            behaviour_ids=tuple(behaviours),
            links=links,
            lost=tuple(
                Shortfall(
                    competency_id=link.competency_id,
                    name=chosen[link.competency_id].name,
                    type=link.type,
                    behaviours=tuple(target.competency(id).name for id in link.behaviour_ids),
                    reason=link.reason,
                )
                for link in links
                if not link.carried
            ),
            statement=self.statement,
        )

    def __iter__(self) -> Iterator[Link]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)

    def _repr_html_(self) -> str:
        """The crosswalk as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


_FILE = "reference/crosswalk.json"

#: How many behaviours each type of link names: fewest, most (None for no limit), in words.
_BEHAVIOURS_PER_TYPE: dict[str, tuple[int, int | None, str]] = {
    "same-name": (1, 1, "exactly one behaviour"),
    "renamed": (1, 1, "exactly one behaviour"),
    "split": (2, None, "two or more behaviours"),
    "partly-carried": (1, None, "one or more behaviours"),
    "no-successor": (0, 0, "no behaviour"),
}


def loads_crosswalk(data: str | bytes, *, origin: str | None = None) -> Crosswalk:
    """A crosswalk from JSON text in the format of the bundled ``crosswalk.json``.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem with its JSON path:
    first wrong types, missing and unknown keys; when there are none, broken rules (a
    competency linked twice, a type with the wrong number of behaviours, a quote of a
    behaviour the link does not name).
    """
    document = parse_json(data, origin)
    found = structure_document(document, Crosswalk, origin)
    problems = list(_problems(found))
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    return found


def _problems(found: Crosswalk) -> Iterator[str]:
    first: dict[str, int] = {}
    for n, link in enumerate(found.links):
        path = f"$.links[{n}]"
        if link.competency_id in first:
            yield (
                f"competency {link.competency_id!r} is linked twice (first at "
                f"$.links[{first[link.competency_id]}]) @ {path}.competency"
            )
        first.setdefault(link.competency_id, n)
        fewest, most, wanted = _BEHAVIOURS_PER_TYPE[link.type]
        count = len(link.behaviour_ids)
        if count < fewest or (most is not None and count > most):
            yield f"a {link.type!r} link must name {wanted}, got {count} @ {path}.behaviours"
        if len(set(link.behaviour_ids)) != count:
            yield f"a behaviour is named twice @ {path}.behaviours"
        if not link.evidence:
            yield f"a link needs at least one piece of evidence @ {path}.evidence"
        for e, evidence in enumerate(link.evidence):
            where = f"{path}.evidence[{e}]"
            yield from _quote_problems(
                evidence.competency, (link.competency_id,), where + ".competency"
            )
            if evidence.behaviour is not None:
                yield from _quote_problems(
                    evidence.behaviour, link.behaviour_ids, where + ".behaviour"
                )


def _quote_problems(quote: Quote, allowed: tuple[str, ...], path: str) -> Iterator[str]:
    if quote.competency_id not in allowed:
        expected = ", ".join(map(repr, allowed)) or "none (the link names no behaviour)"
        yield (
            f"quotes {quote.competency_id!r}, which the link does not name (expected "
            f"{expected}) @ {path}.competency"
        )
    if quote.part not in PARTS and not quote.part.startswith(f"{quote.competency_id}.l"):
        yield (
            f"part must be 'summary', 'description' or the id of an indicator of "
            f"{quote.competency_id!r}, got {quote.part!r} @ {path}.part"
        )


@functools.lru_cache(maxsize=1)
def _bundled() -> Crosswalk:
    return loads_crosswalk(data_file(_FILE).read_bytes(), origin=f"bundled data {_FILE!r}")


@overload
def crosswalk(competency: None = None) -> Crosswalk: ...
@overload
def crosswalk(competency: str) -> Link: ...
def crosswalk(competency: str | None = None) -> Crosswalk | Link:
    """The crosswalk to the Civil Service Behaviours, or the link of one competency.

    With no argument, the whole :class:`Crosswalk` (iterate it for its ten links; its
    ``statement`` says it is civilframe's editorial mapping, not an official one). With a
    competency's name or id (forgiving case, spacing and "&"), that competency's
    :class:`Link`; :class:`~civilframe.NotFoundError` naming the closest names otherwise.

    >>> from civilframe import crosswalk
    >>> [link.type for link in crosswalk()][:4]
    ['same-name', 'same-name', 'same-name', 'split']
    """
    if competency is None:
        return _bundled()
    return _bundled().link(competency)


def translate(competencies: Sequence[str]) -> Translation:
    """A Success Profile's competencies (names or ids, in order) carried over to behaviours.

    The behaviours come in order without duplicates; :attr:`Translation.lost` names each
    competency that could not be carried over whole (only partly carried, or with no
    successor), with the reason. This follows civilframe's editorial crosswalk, not an
    official mapping.

    >>> from civilframe import translate
    >>> translation = translate(["Leading and Communicating", "Delivering Value for Money"])
    >>> translation.behaviours
    ('Leadership', 'Communicating and Influencing', 'Managing a Quality Service')
    >>> [(shortfall.name, shortfall.type) for shortfall in translation.lost]
    [('Delivering Value for Money', 'partly-carried')]
    """
    return _bundled().translate(competencies)
