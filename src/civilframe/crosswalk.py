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
frameworks. The mapping is data (``civilframe/data/crosswalk.json``), read through the one
converter; :attr:`Crosswalk.statement` carries the editorial statement with it.

>>> from civilframe.crosswalk import crosswalk, translate
>>> crosswalk("leading & communicating").behaviours
('leadership', 'communicating-and-influencing')
>>> translate(["Collaborating and Partnering", "Achieving Commercial Outcomes"]).behaviours
('Working Together',)
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Literal, overload

import attrs

from ._types import Id, Text
from .errors import InvalidDocumentError, NotFoundError
from .loading import data_file, load, parse_json, structure_document
from .model import Competency, Framework

__all__ = [
    "LINK_TYPES",
    "Crosswalk",
    "Evidence",
    "Link",
    "LinkType",
    "Quote",
    "Shortfall",
    "Translation",
    "crosswalk",
    "loads_crosswalk",
    "render_crosswalk",
    "render_translation",
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

_PARTS = ("summary", "description")


@attrs.frozen(kw_only=True)
class Quote:
    """Words quoted verbatim from one text of a competency (or behaviour)."""

    #: The id of the competency or behaviour whose text is quoted.
    competency: Id
    #: Which of its texts: ``"summary"``, ``"description"``, or the id of one of its indicators.
    part: Id
    #: The words quoted: an exact substring of that text.
    text: Text

    def source_text(self, framework: Framework) -> str:
        """The whole text in ``framework`` that this quote is taken from.

        Raises :class:`~civilframe.NotFoundError` if the framework has no such text.
        """
        competency = framework.competency(self.competency)
        if self.part in _PARTS:
            found: str | None = getattr(competency, self.part)
            if found is None:
                raise NotFoundError(
                    kind=self.part,
                    query=self.competency,
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

    >>> from civilframe.crosswalk import crosswalk
    >>> link = crosswalk("Building Capability for All")
    >>> link.type, link.behaviours
    ('renamed', ('developing-self-and-others',))
    """

    #: The id of the competency, in the Competency Framework.
    competency: Id
    #: What became of it (see :data:`LinkType`).
    type: LinkType
    #: The ids of the behaviours that carry it, wholly or in part (none for no successor).
    behaviours: tuple[Id, ...] = ()
    #: Why the link is typed so, in plain words.
    reason: Text
    #: The quotes the link rests on.
    evidence: tuple[Evidence, ...]
    #: Words (matched ignoring case, as parts of words too) found nowhere in the behaviours'
    #: texts, backing a claim that something was not carried.
    absent: tuple[Text, ...] = ()

    @property
    def carried(self) -> bool:
        """Whether the behaviours carry the whole competency (same name, renamed or split)."""
        return self.type in _CARRIED


@attrs.frozen(kw_only=True)
class Shortfall:
    """A competency a translation could not carry over whole, and why."""

    #: The competency's id.
    competency: str
    #: The competency's name.
    name: str
    #: ``"partly-carried"`` or ``"no-successor"``.
    type: LinkType
    #: The names of the behaviours that carry part of it (none when it has no successor).
    behaviours: tuple[str, ...]
    #: Why, as the crosswalk says.
    reason: str


@attrs.frozen(kw_only=True)
class Translation:
    """A list of competencies carried over to behaviours, with what could not be carried.

    Like the crosswalk it follows, a translation is civilframe's editorial mapping, not an
    official one; :attr:`statement` says so.
    """

    #: The names of the competencies translated, in the order given, each once.
    competencies: tuple[str, ...]
    #: The names of the behaviours they carry over to, in order, each once.
    behaviours: tuple[str, ...]
    #: The ids of those behaviours, in the same order.
    behaviour_ids: tuple[str, ...]
    #: The link followed for each competency, in the order given.
    links: tuple[Link, ...]
    #: The competencies not carried over whole (partly carried or with no successor).
    lost: tuple[Shortfall, ...]
    #: The crosswalk's statement that this is civilframe's editorial mapping.
    statement: str

    @property
    def complete(self) -> bool:
        """Whether every competency was carried over whole."""
        return not self.lost


@attrs.frozen(kw_only=True)
class Crosswalk:
    """A crosswalk from one framework's competencies to another's: one link per competency."""

    #: The crosswalk's title.
    title: Text
    #: Whether the mapping is official (published by the frameworks' owner); civilframe's is not.
    official: bool
    #: The statement of what the mapping is, and is not.
    statement: Text
    #: The id of the bundled framework mapped from.
    from_framework: Id
    #: The id of the bundled framework mapped to.
    to_framework: Id
    #: One link per competency, in the order of the framework mapped from.
    links: tuple[Link, ...] = attrs.field(repr=False)

    def link(self, competency: str) -> Link:
        """The link of one competency, by its name or id (forgiving case, spacing and "&").

        Raises :class:`~civilframe.NotFoundError` naming the closest competencies.
        """
        found = load(self.from_framework).competency(competency)
        for link in self.links:
            if link.competency == found.id:
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
            for id in link.behaviours:
                behaviours.setdefault(id, target.competency(id))
        return Translation(
            competencies=tuple(competency.name for competency in chosen.values()),
            behaviours=tuple(behaviour.name for behaviour in behaviours.values()),
            behaviour_ids=tuple(behaviours),
            links=links,
            lost=tuple(
                Shortfall(
                    competency=link.competency,
                    name=chosen[link.competency].name,
                    type=link.type,
                    behaviours=tuple(target.competency(id).name for id in link.behaviours),
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


_FILE = "crosswalk.json"

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
        if link.competency in first:
            yield (
                f"competency {link.competency!r} is linked twice (first at "
                f"$.links[{first[link.competency]}]) @ {path}.competency"
            )
        first.setdefault(link.competency, n)
        fewest, most, wanted = _BEHAVIOURS_PER_TYPE[link.type]
        count = len(link.behaviours)
        if count < fewest or (most is not None and count > most):
            yield f"a {link.type!r} link must name {wanted}, got {count} @ {path}.behaviours"
        if len(set(link.behaviours)) != count:
            yield f"a behaviour is named twice @ {path}.behaviours"
        if not link.evidence:
            yield f"a link needs at least one piece of evidence @ {path}.evidence"
        for e, evidence in enumerate(link.evidence):
            where = f"{path}.evidence[{e}]"
            yield from _quote_problems(
                evidence.competency, (link.competency,), where + ".competency"
            )
            if evidence.behaviour is not None:
                yield from _quote_problems(
                    evidence.behaviour, link.behaviours, where + ".behaviour"
                )


def _quote_problems(quote: Quote, allowed: tuple[str, ...], path: str) -> Iterator[str]:
    if quote.competency not in allowed:
        expected = ", ".join(map(repr, allowed)) or "none (the link names no behaviour)"
        yield (
            f"quotes {quote.competency!r}, which the link does not name (expected "
            f"{expected}) @ {path}.competency"
        )
    if quote.part not in _PARTS and not quote.part.startswith(f"{quote.competency}.l"):
        yield (
            f"part must be 'summary', 'description' or the id of an indicator of "
            f"{quote.competency!r}, got {quote.part!r} @ {path}.part"
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

    >>> from civilframe.crosswalk import crosswalk
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

    >>> from civilframe.crosswalk import translate
    >>> translation = translate(["Leading and Communicating", "Delivering Value for Money"])
    >>> translation.behaviours
    ('Leadership', 'Communicating and Influencing', 'Managing a Quality Service')
    >>> [(shortfall.name, shortfall.type) for shortfall in translation.lost]
    [('Delivering Value for Money', 'partly-carried')]
    """
    return _bundled().translate(competencies)


_TYPE_WORDS: dict[str, str] = {
    "same-name": "same name",
    "renamed": "renamed",
    "split": "split",
    "partly-carried": "partly carried",
    "no-successor": "no successor",
}


def _quoted(quote: Quote, framework: Framework) -> str:
    name = framework.competency(quote.competency).name
    part = quote.part if quote.part in _PARTS else f"example {quote.part}"
    return f'{name} ({part}): "{quote.text}"'


def render_crosswalk(competency: str | None = None) -> str:
    """The crosswalk (or one competency's link) as plain text, with its evidence.

    The text opens with the statement that this is civilframe's editorial mapping.

    >>> from civilframe.crosswalk import render_crosswalk
    >>> print(render_crosswalk("Delivering at Pace").splitlines()[3])
    Delivering at Pace -> Delivering at Pace  [same name]
    """
    walk = _bundled()
    links = walk.links if competency is None else (walk.link(competency),)
    source, target = load(walk.from_framework), load(walk.to_framework)
    lines: list[str] = [walk.title, walk.statement]
    for link in links:
        name = source.competency(link.competency).name
        behaviours = " + ".join(target.competency(id).name for id in link.behaviours)
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

    >>> from civilframe.crosswalk import render_translation, translate
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
