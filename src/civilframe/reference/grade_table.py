"""Civil Service grades and the framework level each maps to.

The grades are those the bundled documents name, from AA to Director General. Each grade's level
is the level whose definition names it in the Competency Framework (``HEO`` and ``SEO`` are
Level 3, "HEO & SEO or equiv"); Success Profiles' level definitions agree.

>>> import civilframe as cf
>>> cf.grade("Higher Executive Officer").name, cf.grade("Higher Executive Officer").level
('HEO', 3)
>>> cf.grade("Senior Executive Officer (SEO)").name
'SEO'
>>> cf.grade("G7") == cf.grade("grade 7")
True
"""

from __future__ import annotations

import functools
import re

import attrs

from .._format.documents import parse_json
from .._format.rules import duplicates
from .._format.scalars import Id, Number, Text
from ..errors import InvalidDocumentError, NotFoundError
from ..loading import data_file, load, structure_document
from ..text import fold

__all__ = ["Grade", "grade", "grades"]


@attrs.frozen(kw_only=True)
class Grade:
    """A Civil Service grade: its name, its full title, other names for it, and its level."""

    #: The name the frameworks' level definitions use, e.g. ``"HEO"`` or ``"Grade 7"``.
    name: Text
    #: The grade's full title, e.g. ``"Higher Executive Officer"``.
    title: Text
    #: Other names in use, e.g. ``"G7"``, ``"SCS pay band 1"``.
    aliases: tuple[Text, ...] = ()
    #: The framework level the grade maps to, as the level definitions give it.
    level: Number

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the grade answers to: name, title and aliases."""
        return tuple(dict.fromkeys((self.name, self.title, *self.aliases)))


@attrs.frozen(kw_only=True)
class _GradeEntry:
    """A grade as the bundled file lists it: its level comes from the level definitions."""

    name: Text
    title: Text
    aliases: tuple[Text, ...] = ()


@attrs.frozen(kw_only=True)
class _GradeList:
    """The bundled file: the framework whose level definitions map grades, and the grades."""

    framework: Id
    grades: tuple[_GradeEntry, ...]


_FILE = "reference/grades.json"
_PARENTHESISED = re.compile(r"^(?P<outer>.+?)\s*\((?P<inner>[^()]+)\)$")


def _key(text: str) -> str:
    """A grade name folded for matching: case and every space ignored ("G 7" is "G7")."""
    return fold(text).replace(" ", "")


@functools.cache
def _index() -> tuple[tuple[Grade, ...], dict[str, Grade]]:
    origin = f"bundled data {_FILE!r}"
    listing = structure_document(
        parse_json(data_file(_FILE).read_bytes(), origin), _GradeList, origin
    )
    levels = {
        name: definition.number
        for definition in load(listing.framework).level_definitions
        for name in definition.grades
    }
    problems = [
        f"grade {entry.name!r} is in no level definition of {listing.framework!r}"
        f" @ $.grades[{position}].name"
        for position, entry in enumerate(listing.grades)
        if entry.name not in levels
    ]
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    table = tuple(
        Grade(name=entry.name, title=entry.title, aliases=entry.aliases, level=levels[entry.name])
        for entry in listing.grades
    )
    names = [
        (_key(name), f"$.grades[{position}]")
        for position, item in enumerate(table)
        for name in dict.fromkeys(_key(name) for name in item.names)
    ]
    problems = duplicates(
        names,
        lambda key, first, path: (
            f"grade name {key!r} names another grade too (first at {first}) @ {path}"
        ),
    )
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    index = {_key(name): item for item in table for name in item.names}
    return table, index


def grades() -> tuple[Grade, ...]:
    """Every grade, lowest first.

    >>> import civilframe as cf
    >>> [(grade.name, grade.level) for grade in cf.grades()][:3]
    [('AA', 1), ('AO', 1), ('EO', 2)]
    """
    return _index()[0]


def grade(text: str) -> Grade:
    """The grade ``text`` names, matched exactly whatever the case or spacing.

    A name with its abbreviation in brackets, "Senior Executive Officer (SEO)", is accepted when
    both name the same grade. Raises :class:`~civilframe.NotFoundError` listing the valid
    grades, and :class:`TypeError` for anything but a string.

    >>> import civilframe as cf
    >>> cf.grade("scs pay band 1").name, cf.grade("Deputy Director").level
    ('Deputy Director', 5)
    >>> cf.grade("Grade")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    civilframe.errors.NotFoundError: no grade 'Grade'; the grades are: AA, AO, EO, HEO, SEO, ...
    """
    if not isinstance(text, str):
        raise TypeError(f"grade() takes a grade's name as text, got {type(text).__name__}")
    index = _index()[1]
    found = index.get(_key(text))
    if found is None and (parts := _PARENTHESISED.match(text.strip())):
        outer, inner = index.get(_key(parts["outer"])), index.get(_key(parts["inner"]))
        if outer is not None and outer == inner:
            found = outer
    if found is None:
        raise NotFoundError(
            kind="grade",
            query=text,
            closest=tuple(item.name for item in grades()),
            closest_label="the grades are",
        )
    return found
