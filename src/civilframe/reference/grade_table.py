"""Civil Service grades as adverts write them, and the framework level each maps to.

The grades are those the bundled documents name, from AA to Director General, with the other
names adverts use for them (``G7``, ``DD``, ``SCS pay band 2``, …). The bundled file
(``data/reference/grades.json``) records where each name and each level comes from. A grade's
level is the level whose definition names it in the framework asked about: by default the
Competency Framework (``HEO`` and ``SEO`` are Level 3, "HEO & SEO or equiv"); Success Profiles'
definitions agree, and the July 2012 SMS 1 edition defines Level 5 only.

>>> import civilframe as cf
>>> cf.grade("Higher Executive Officer").name, cf.grade("Higher Executive Officer").level
('HEO', 3)
>>> cf.grade("Grade: Senior Executive Officer (SEO) or equivalent").name
'SEO'
>>> cf.grade("SCS Pay Band 2").name, cf.grade("HEO/SEO").level
('Director', 3)
>>> [(g.name, g.level) for g in cf.grades_in("EO/HEO")]
[('EO', 2), ('HEO', 3)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from .. import _views
from .._format.documents import parse_json
from .._format.rules import duplicates
from .._format.scalars import Id, Number, Text
from .._reprs import counted
from ..errors import InvalidDocumentError, NotFoundError
from ..loading import data_file, resolve, structure_document
from ..model import Framework, LevelDefinition
from ..text import closest, describe_levels, fold

__all__ = ["Grade", "grade", "grades", "grades_in", "heading_level"]


@attrs.frozen(kw_only=True)
class Grade:
    """A Civil Service grade: its name, its full title, other names for it, and its level."""

    #: The name the frameworks' level definitions use, e.g. ``"HEO"`` or ``"Grade 7"``.
    name: Text
    #: The grade's full title, e.g. ``"Higher Executive Officer"``.
    title: Text
    #: Other names in use, e.g. ``"G7"``, ``"SCS pay band 1"``.
    aliases: tuple[Text, ...] = attrs.field(default=(), repr=counted)
    #: The level the grade maps to in :attr:`framework_id`'s level definitions.
    level: Number
    #: The framework whose level table gave :attr:`level`.
    framework_id: Id
    #: That framework's label for the level, as it prints it, e.g. ``"HEO & SEO or equiv"``.
    level_label: Text

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the grade answers to: name, title and aliases."""
        return tuple(dict.fromkeys((self.name, self.title, *self.aliases)))

    def _repr_html_(self) -> str:
        """The grade as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


@attrs.frozen(kw_only=True)
class _Alias:
    """Another name for a grade, and where its meaning comes from."""

    name: Text
    basis: Text


@attrs.frozen(kw_only=True)
class _GradeEntry:
    """A grade as the bundled file lists it; its level comes from a framework's definitions."""

    name: Text
    title: Text
    #: Where the grade and its level come from (the level definitions that name it).
    basis: Text
    #: Where the title comes from, when the sources do not print it.
    title_basis: Text | None = None
    aliases: tuple[_Alias, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, self.title, *(a.name for a in self.aliases))))


@attrs.frozen(kw_only=True)
class _Group:
    """A name for several grades together ("Senior Civil Service"): never one level."""

    name: Text
    grades: tuple[Text, ...]
    basis: Text
    aliases: tuple[_Alias, ...] = ()


@attrs.frozen(kw_only=True)
class _GradeList:
    """The bundled file: the default framework, the grades and the groups of grades."""

    framework: Id
    grades: tuple[_GradeEntry, ...]
    groups: tuple[_Group, ...] = ()


_FILE = "reference/grades.json"

#: A label in front ("Grade:", "Band -") and "or equivalent" behind are not part of the grade.
_LABEL = re.compile(r"^(?:grade|band|pay band)\s*[:\-–]\s*", re.IGNORECASE)
_EQUIVALENT = re.compile(r"(?:[\s,;]+\(?|\()\s*or\s+equiv(?:alent)?\.?\s*\)?$", re.IGNORECASE)
#: "Title (ABBREVIATION)" and "ABBREVIATION - Title": two names for one grade.
_PARENTHESISED = re.compile(r"^(?P<first>.+?)\s*\((?P<second>[^()]+)\)$")
_DASHED = re.compile(r"^(?P<first>.+?)\s+[-–—]\s+(?P<second>.+)$")
#: What joins the two ends of a range or pair: "HEO/SEO", "EO to HEO", "SEO-Grade 6".
_JOINS = re.compile(r"\s*(?:/|&|[-–—]|\s(?:or|to|and)\s)\s*", re.IGNORECASE)


def _key(text: str) -> str:
    """A grade name folded for matching: case and every space ignored ("G 7" is "G7")."""
    return fold(text).replace(" ", "")


@functools.cache
def _listing() -> tuple[_GradeList, dict[str, tuple[_GradeEntry, ...]]]:
    """The bundled file, checked, and every name (grade, alias or group) by its key."""
    origin = f"bundled data {_FILE!r}"
    listing = structure_document(
        parse_json(data_file(_FILE).read_bytes(), origin), _GradeList, origin
    )
    by_name = {entry.name: entry for entry in listing.grades}
    problems = [
        f"group {group.name!r} names grade {name!r}, which is not listed"
        f" @ $.groups[{g}].grades[{n}]"
        for g, group in enumerate(listing.groups)
        for n, name in enumerate(group.grades)
        if name not in by_name
    ]
    names = [
        (_key(name), f"$.grades[{position}]")
        for position, entry in enumerate(listing.grades)
        for name in dict.fromkeys(_key(name) for name in entry.names)
    ] + [
        (_key(name), f"$.groups[{position}]")
        for position, group in enumerate(listing.groups)
        for name in dict.fromkeys(_key(n) for n in (group.name, *(a.name for a in group.aliases)))
    ]
    problems += duplicates(
        names,
        lambda key, first, path: (
            f"grade name {key!r} names another grade too (first at {first}) @ {path}"
        ),
    )
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    index: dict[str, tuple[_GradeEntry, ...]] = {}
    for entry in listing.grades:
        for name in entry.names:
            index[_key(name)] = (entry,)
    for group in listing.groups:
        members = tuple(by_name[name] for name in group.grades)
        for name in (group.name, *(a.name for a in group.aliases)):
            index[_key(name)] = members
    return listing, index


def _levels(framework: Framework) -> dict[str, tuple[int, str]]:
    """Each listed grade's level in ``framework``, with the level's label, by grade name."""
    return _levels_of(framework.level_definitions)


@functools.lru_cache(maxsize=32)
def _levels_of(definitions: tuple[LevelDefinition, ...]) -> dict[str, tuple[int, str]]:
    index = _listing()[1]
    found: dict[str, tuple[int, str]] = {}
    for definition in definitions:
        for name in definition.grades:
            for entry in index.get(_key(name), ()):
                found.setdefault(entry.name, (definition.number, definition.label))
    return found


def _grade(entry: _GradeEntry, framework: Framework, query: str | None = None) -> Grade:
    level = _levels(framework).get(entry.name)
    if level is None:
        levels = describe_levels(framework.level_numbers)
        named = "" if query is None or _key(query) == _key(entry.name) else f" (from {query!r})"
        raise NotFoundError(
            kind="grade",
            query=query or entry.name,
            closest=(),
            reason=(
                f"grade {entry.name!r}{named} is in no level of {framework.id!r}, which "
                f"defines {levels}"
            ),
        )
    return Grade(
        name=entry.name,
        title=entry.title,
        aliases=tuple(alias.name for alias in entry.aliases),
        level=level[0],
        framework_id=framework.id,
        level_label=level[1],
    )


def _framework(framework: Framework | str | None) -> Framework:
    return resolve(_listing()[0].framework if framework is None else framework)


def grades(framework: Framework | str | None = None) -> tuple[Grade, ...]:
    """Every grade ``framework`` (a Framework or a bundled id) gives a level, lowest first.

    By default the Competency Framework's table.

    >>> import civilframe as cf
    >>> [(grade.name, grade.level) for grade in cf.grades()][:3]
    [('AA', 1), ('AO', 1), ('EO', 2)]
    >>> [grade.name for grade in cf.grades("competency-framework-2012-sms1")]
    ['Deputy Director']
    """
    chosen = _framework(framework)
    levels = _levels(chosen)
    return tuple(_grade(entry, chosen) for entry in _listing()[0].grades if entry.name in levels)


def _entries(text: str) -> tuple[_GradeEntry, ...] | None:
    """The grades one name stands for (one, or a group's), or None when it names none."""
    return _listing()[1].get(_key(text))


def _parts(text: str) -> Iterator[str]:
    """The ends of a range or pair, a bare number read with the name before it.

    "Grade 7/6" is Grade 7 and Grade 6; "SCS1/2" is SCS1 and SCS2.
    """
    previous = ""
    for part in _JOINS.split(text):
        part = part.strip()
        if not part:
            continue
        numbered = _NUMBERED.fullmatch(previous)
        if part.isdigit() and numbered:
            part = numbered["name"] + part
        previous = part
        yield part


#: A name ending in a number ("Grade 7", "SCS1", "SCS pay band 2").
_NUMBERED = re.compile(r"(?P<name>.*?\D)\d+")


def _resolve(text: str) -> tuple[_GradeEntry, ...]:
    """Every grade ``text`` names, in order; NotFoundError when any part of it names none."""
    whole = _EQUIVALENT.sub("", text.strip()).strip()
    cleaned = _LABEL.sub("", whole).strip()
    for candidate in (
        cleaned,  # "Grade: HEO", "Band - EO"
        whole,  # a label that was part of the name
        re.sub(r"\s*[-–]\s*", " ", whole),  # a hyphen inside one name: "Director-General"
    ):
        found = _entries(candidate)
        if found is not None:
            return found
    for form in (_PARENTHESISED, _DASHED):
        match = form.match(cleaned)
        if match:
            first, second = _entries(match["first"]), _entries(match["second"])
            if first is not None and first == second:
                return first  # two names of one grade
            if form is _PARENTHESISED and first is not None and second is not None:
                raise NotFoundError(
                    kind="grade",
                    query=text,
                    closest=(),
                    reason=(
                        f"{text!r} names two grades: {match['first'].strip()!r} is "
                        f"{_names(first)} but {match['second'].strip()!r} is {_names(second)}"
                    ),
                )
    parts = list(_parts(cleaned))
    entries: list[_GradeEntry] = []
    for part in parts if len(parts) > 1 else [cleaned]:
        named = _entries(part)
        if named is None:
            raise _unknown(text, part)
        entries.extend(entry for entry in named if entry not in entries)
    return tuple(entries)


def _names(entries: tuple[_GradeEntry, ...]) -> str:
    return " and ".join(entry.name for entry in entries)


def _unknown(text: str, part: str) -> NotFoundError:
    listing = _listing()[0]
    every = [name for entry in listing.grades for name in entry.names]
    every += [group.name for group in listing.groups]
    what = f"no grade {text!r}" if part == text.strip() else f"no grade {part!r} in {text!r}"
    return NotFoundError(kind="grade", query=text, closest=closest(part, every), reason=what)


def grades_in(text: str, framework: Framework | str | None = None) -> tuple[Grade, ...]:
    """Every grade ``text`` names, in order, with its level in ``framework``'s table.

    One grade for a name ("Senior Executive Officer (SEO)"); both ends of a range or pair
    ("EO/HEO", "Grade 7 or Deputy Director"); every grade of a group ("Senior Civil Service").
    Use it when a text may span levels and the caller decides. Raises
    :class:`~civilframe.NotFoundError`, with the closest names, when any part names no grade,
    or when a grade has no level in the framework.

    >>> import civilframe as cf
    >>> [(g.name, g.level) for g in cf.grades_in("Senior Civil Service")]
    [('Deputy Director', 5), ('Director', 6), ('Director General', 6)]
    """
    if not isinstance(text, str):
        raise TypeError(f"grades_in() takes a grade's name as text, got {type(text).__name__}")
    chosen = _framework(framework)
    return tuple(_grade(entry, chosen, text) for entry in _resolve(text))


def grade(text: str, framework: Framework | str | None = None) -> Grade:
    """The grade ``text`` names, with its level in ``framework``'s table (by default the CF's).

    Matching is exact whatever the case or spacing, never by part of a name: "Higher Executive
    Officer" is HEO, never EO. Accepted as well: a label in front ("Grade:", "Band:"), "or
    equivalent" behind, "Title (ABBREVIATION)" and "ABBREVIATION - Title" when both name the
    same grade, and a range or pair whose ends are at the same level ("HEO/SEO", "Grade 7/6"),
    which gives its first grade.

    Raises :class:`~civilframe.NotFoundError` when the text names no grade (with the closest
    names, best first), when it spans levels ("EO/HEO", "Senior Civil Service": the message
    names each grade and its level; :func:`grades_in` gives them all), and when the grade has
    no level in the framework (a Director against the SMS 1 edition). :class:`TypeError` for
    anything but a string.

    >>> import civilframe as cf
    >>> cf.grade("scs pay band 1").name, cf.grade("Deputy Director").level
    ('Deputy Director', 5)
    >>> cf.grade("SEO/Grade 7")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    civilframe.errors.NotFoundError: 'SEO/Grade 7' spans Levels 3–4: SEO is Level 3, Grade 7 is ...
    >>> cf.grade("Band A")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    civilframe.errors.NotFoundError: no grade 'Band A'; did you mean: ...?
    """
    if not isinstance(text, str):
        raise TypeError(f"grade() takes a grade's name as text, got {type(text).__name__}")
    found = grades_in(text, framework)
    levels = sorted({item.level for item in found})
    if len(levels) > 1:
        each = ", ".join(f"{item.name} is Level {item.level}" for item in found)
        raise NotFoundError(
            kind="grade",
            query=text,
            closest=(),
            reason=(f"{text!r} spans {describe_levels(levels)}: {each} (grades_in() gives each)"),
        )
    return found[0]


#: Where a heading's parts meet: "Policy Adviser – Higher Executive Officer (HEO)".
_HEADING_PARTS = re.compile(r"\s+[-–—|]\s+|[:()\[\],;]")
#: The most words a heading naming a grade may have.
_HEADING_WORDS = 12


def _named(text: str) -> tuple[_GradeEntry, ...] | None:
    """The grades ``text`` names as a whole, as :func:`grades_in` reads it; None for none."""
    whole = _EQUIVALENT.sub("", text.strip()).strip()
    cleaned = _LABEL.sub("", whole).strip()
    for candidate in (cleaned, whole):
        found = _entries(candidate)
        if found is not None:
            return found
    parts = list(_parts(cleaned))
    if len(parts) < 2:
        return None
    entries: list[_GradeEntry] = []
    for part in parts:
        named = _entries(part)
        if named is None:
            return None
        entries.extend(entry for entry in named if entry not in entries)
    return tuple(entries)


def heading_level(text: str, framework: Framework | str | None = None) -> int | None:
    """The level a heading claims by the grades it names, in ``framework``'s table; or None.

    The heading, or one of its parts between dashes, colons, brackets or commas, must be
    grades as a whole ("Higher Executive Officer", "Policy Adviser – HEO", "Grade 7/6"), all
    at one level; a heading of more than 12 words or ending as a sentence ends, or naming
    grades at several levels or none, claims nothing. It never raises for text that names no grade.

    >>> heading_level("Policy Adviser – Higher Executive Officer")
    3
    >>> heading_level("EO/HEO") is None, heading_level("Delivering at Pace") is None
    (True, True)
    """
    if text.rstrip().endswith((".", "!", "?", ";")) or len(text.split()) > _HEADING_WORDS:
        return None  # a sentence, or too long for a heading
    chosen = _framework(framework)
    levels = _levels(chosen)
    for part in (text, *_HEADING_PARTS.split(text)):
        if not part.strip():
            continue
        entries = _named(part)
        if entries:
            found = {levels[entry.name][0] for entry in entries if entry.name in levels}
            if len(found) == 1 and all(entry.name in levels for entry in entries):
                return found.pop()
    return None
