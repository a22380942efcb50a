"""Success Profiles for real roles: what a role assesses, checked against its framework.

A Success Profile is a role's recipe: its grade, the framework level that grade maps to, the
behaviours (or, in the older framework, competencies) the recruiting manager chose, and the
other elements assessed. Profiles are data: :func:`load_profile` and :func:`loads_profile` read
them through the one converter with the same error discipline as frameworks, and
:meth:`SuccessProfile.to_json` writes them back.

>>> import civilframe as cf
>>> role = cf.loads_profile('''{"title": "Policy Adviser", "grade": "HEO",
...     "framework": "success-profiles-behaviours",
...     "competencies": ["Seeing the Big Picture", "Working Together",
...                      "Making Effective Decisions", "Delivering at Pace"]}''')
>>> role.level, role.check()
(3, ())
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from . import _views
from ._format.converter import check_fields, unstructure
from ._format.documents import MAX_BYTES, parse_json, read_document
from ._format.scalars import Id, Number, Text
from ._reprs import by_id, clipped, counted
from .errors import NotFoundError
from .loading import data_file, resolve, structure_document
from .model import Competency, Framework, Indicator, Level
from .reference.assessment import assessment_method, element
from .reference.grade_table import grade
from .reference.mapping import Translation, crosswalk

__all__ = [
    "ElementAssessment",
    "Finding",
    "Requirement",
    "SuccessProfile",
    "load_profile",
    "loads_profile",
]


def _as_tuple(value: Any) -> Any:
    """A list a caller passes as a tuple, so that the object stays hashable; else unchanged.

    Anything else (a string, say) is left for the construction check to refuse.
    """
    return tuple(value) if type(value) is list else value


@attrs.frozen(kw_only=True)
class ElementAssessment:
    """One element a role assesses besides the chosen behaviours, and how it is assessed.

    Checked when made, as the profile file format is: a wrong type raises
    :class:`~civilframe.InvalidDocumentError`.
    """

    #: The element's name or id: behaviours, strengths, ability, experience or technical.
    element: Text
    #: What the role states for this element, verbatim.
    requirements: tuple[Text, ...] = attrs.field(default=(), converter=_as_tuple)
    #: How it is assessed: names or ids of the assessment methods.
    methods: tuple[Text, ...] = attrs.field(default=(), converter=_as_tuple)

    def __attrs_post_init__(self) -> None:
        check_fields(self)


@attrs.frozen(kw_only=True)
class Finding:
    """One result of :meth:`SuccessProfile.check`: an error or a warning, with its message."""

    #: ``"error"`` (the profile cannot be used as it stands) or ``"warning"`` (guidance).
    severity: Literal["error", "warning"]
    #: What is wrong and where, in plain words.
    message: str


@attrs.frozen(kw_only=True)
class Requirement:
    """What a role asks of a candidate in one chosen competency or behaviour."""

    #: The chosen competency (or behaviour).
    competency: Competency = attrs.field(repr=by_id)
    #: The competency at the role's level.
    level: Level
    #: The indicators expected: the level's own, or in a cumulative framework every level's
    #: up to the role's, lowest first.
    indicators: tuple[Indicator, ...] = attrs.field(repr=counted)


@attrs.frozen(kw_only=True)
class SuccessProfile:
    """A role's Success Profile: grade, framework, chosen behaviours and other elements.

    Build one with :func:`loads_profile` or :func:`load_profile` (or directly, with keyword
    arguments), then :meth:`check` it. Every field is checked when the profile is made, as the
    file format is: ``competencies="Leadership"`` (a string, not a list) raises
    :class:`~civilframe.InvalidDocumentError`. Lists are kept as tuples.

    >>> import civilframe as cf
    >>> role = cf.SuccessProfile(
    ...     title="Analyst",
    ...     grade="EO",
    ...     framework="success-profiles-behaviours",
    ...     competencies=("Working Together", "Delivering at Pace", "Leadership", "Teamwork"),
    ... )
    >>> role.level
    2
    >>> [finding.message for finding in role.check()]  # doctest: +ELLIPSIS
    ["competency 4: no competency 'Teamwork'; did you mean: Leadership, Working Together, ...?"]
    """

    #: The role's title as the advert gives it.
    title: Text
    #: The grade as the advert writes it, e.g. ``"Senior Executive Officer (SEO)"``.
    grade: Text
    #: The id of the framework the profile draws on, e.g. ``"success-profiles-behaviours"``.
    framework: Id
    #: The level the advert states, if it states one; see :attr:`level`.
    stated_level: Number | None = attrs.field(default=None, metadata={"was": "level"})
    #: The chosen competencies or behaviours, by name or id, in the advert's order.
    competencies: tuple[Text, ...] = attrs.field(converter=_as_tuple, repr=counted)
    #: The other elements assessed, and how.
    elements: tuple[ElementAssessment, ...] = attrs.field(
        default=(), converter=_as_tuple, repr=counted
    )
    #: Where the role is based, as the advert says.
    location: Text | None = None
    #: Where the profile comes from (an advert, a candidate pack), if recorded.
    source: Text | None = attrs.field(default=None, repr=clipped)

    @property
    def level(self) -> int:
        """The role's framework level: the stated level, else the one its grade maps to.

        The grade's level is read from the level table of the profile's own (bundled)
        framework. Raises :class:`~civilframe.NotFoundError` when there is no stated level and
        the grade is unknown, spans levels, or has no level in that framework.
        """
        return self.level_in()

    def level_in(self, framework: Framework | str | None = None) -> int:
        """The role's level, its grade read in ``framework``'s level table.

        ``framework`` is the profile's own (as :meth:`framework_for` takes it): pass it when
        it is not bundled. The stated level, if any, is the level.
        """
        if self.stated_level is not None:
            return self.stated_level
        return grade(self.grade, self.framework_for(framework)).level

    def __attrs_post_init__(self) -> None:
        check_fields(self)

    def framework_for(self, framework: Framework | str | None = None) -> Framework:
        """The framework this profile draws on: ``framework`` if given, else the bundled one.

        ``framework`` (a Framework or a bundled id) must be the one the profile names;
        :class:`~civilframe.NotFoundError` says which it needs otherwise.
        """
        if framework is None:
            return resolve(self.framework)
        framework = resolve(framework)
        if framework.id != self.framework:
            raise NotFoundError(
                kind="framework",
                query=framework.id,
                closest=(self.framework,),
                reason=f"profile {self.title!r} draws on {self.framework!r}, not {framework.id!r}",
                closest_label="it needs",
            )
        return framework

    def check(self, framework: Framework | str | None = None) -> tuple[Finding, ...]:
        """Every error and warning about this profile, errors first; empty when it is clean.

        ``framework`` is the framework to check against when it is not bundled (a user's own,
        loaded with :func:`~civilframe.load_file`); by default the bundled one the profile names.
        """
        errors: list[str] = []
        warnings: list[str] = []
        try:
            source = self.framework_for(framework)
        except NotFoundError as error:
            return (Finding(severity="error", message=str(error)),)
        level = self._check_level(source, errors)
        chosen = self._check_competencies(source, errors)
        self._check_elements(errors)
        warnings.extend(_guidance().warnings(source, len(chosen), len(self.competencies)))
        if level is not None:
            for competency in chosen:
                held: dict[int, Level] = {lvl.number: lvl for lvl in competency.levels}
                for gap in getattr(held.get(level), "gaps", ()):
                    warnings.append(
                        f"{competency.name!r} Level {level}: the data records a gap in the "
                        f"{gap.polarity} indicators: {gap.note}"
                    )
        return tuple(
            [Finding(severity="error", message=m) for m in errors]
            + [Finding(severity="warning", message=m) for m in warnings]
        )

    def _check_level(self, source: Framework, errors: list[str]) -> int | None:
        try:
            by_grade: int | None = grade(self.grade, source).level
        except NotFoundError as error:
            errors.append(str(error))
            by_grade = None
        if self.stated_level is not None and by_grade not in (None, self.stated_level):
            errors.append(
                f"the stated Level {self.stated_level} disagrees with grade "
                f"{self.grade!r}, which is Level {by_grade}"
            )
        level = self.stated_level if self.stated_level is not None else by_grade
        if level is not None and level not in source.level_numbers:
            covered = ", ".join(map(str, source.level_numbers)) or "none"
            errors.append(f"{source.title!r} has no Level {level} (it covers levels: {covered})")
            return None
        return level

    def _check_competencies(self, source: Framework, errors: list[str]) -> list[Competency]:
        chosen: list[Competency] = []
        for position, name in enumerate(self.competencies, start=1):
            try:
                competency = source.competency(name)
            except NotFoundError as error:
                errors.append(f"competency {position}: {error}")
                continue
            if competency in chosen:
                errors.append(f"competency {position}: {competency.name!r} is chosen twice")
                continue
            chosen.append(competency)
        return chosen

    def _check_elements(self, errors: list[str]) -> None:
        seen: set[str] = set()
        for position, assessment in enumerate(self.elements, start=1):
            try:
                found = element(assessment.element)
            except NotFoundError as error:
                errors.append(f"element {position}: {error}")
            else:
                if found.id in seen:
                    errors.append(f"element {position}: {found.name!r} is listed twice")
                seen.add(found.id)
            for method in assessment.methods:
                try:
                    assessment_method(method)
                except NotFoundError as error:
                    errors.append(f"element {position}: {error}")

    def requirements(self, framework: Framework | str | None = None) -> tuple[Requirement, ...]:
        """What the role asks of a candidate, per chosen competency, in the advert's order.

        In a cumulative framework each requirement holds every indicator up to the role's
        level. Raises :class:`~civilframe.NotFoundError` for an unknown competency or a level
        the framework does not hold; :meth:`check` reports such problems without raising.

        >>> import civilframe as cf
        >>> role = cf.SuccessProfile(
        ...     title="Head of Talent",
        ...     grade="Grade 6",
        ...     framework="competency-framework",
        ...     competencies=("Leading and Communicating", "Building Capability for All"),
        ... )
        >>> [(r.competency.name, r.level.number, len(r.indicators)) for r in role.requirements()]
        [('Leading and Communicating', 4, 42), ('Building Capability for All', 4, 44)]
        """
        source = self.framework_for(framework)
        level = self.level_in(source)
        result = []
        for name in self.competencies:
            competency = source.competency(name)
            result.append(
                Requirement(
                    competency=competency,
                    level=competency.level(level),
                    indicators=competency.cumulative(level),
                )
            )
        return tuple(result)

    def to_behaviours(self) -> tuple[SuccessProfile, Translation]:
        """This profile carried over from the Competency Framework to the Civil Service Behaviours.

        Returns the new profile (same role, grade and elements; the behaviours that carry its
        competencies, in order) and the :class:`~civilframe.Translation`, whose ``lost`` names
        each competency that could not be carried over whole. The mapping is civilframe's
        editorial crosswalk, not an official one. Raises :class:`~civilframe.NotFoundError` for
        a profile that does not draw on the crosswalk's framework, or names an unknown
        competency.

        >>> import civilframe as cf
        >>> role = cf.SuccessProfile(
        ...     title="Head of Talent",
        ...     grade="Grade 6",
        ...     framework="competency-framework",
        ...     competencies=("Leading and Communicating", "Delivering Value for Money"),
        ... )
        >>> carried, translation = role.to_behaviours()
        >>> carried.framework, carried.level
        ('success-profiles-behaviours', 4)
        >>> carried.competencies
        ('Leadership', 'Communicating and Influencing', 'Managing a Quality Service')
        >>> [(shortfall.name, shortfall.type) for shortfall in translation.lost]
        [('Delivering Value for Money', 'partly-carried')]
        """
        walk = crosswalk()
        if self.framework != walk.from_framework:
            raise NotFoundError(
                kind="framework",
                query=self.framework,
                closest=(walk.from_framework,),
                reason=(
                    f"profile {self.title!r} draws on {self.framework!r}; only profiles on "
                    f"{walk.from_framework!r} can be carried over to the behaviours"
                ),
                closest_label="it needs",
            )
        translation = walk.translate(self.competencies)
        carried = attrs.evolve(
            self,
            framework=walk.to_framework,
            competencies=tuple(translation.behaviours),
        )
        return carried, translation

    def _repr_html_(self) -> str:
        """The profile as HTML, for Jupyter: the role, its findings and what it asks for."""
        html: str = _views.view("html", self)
        return html

    def to_json(self) -> str:
        """The profile as JSON text in the civilframe profile format, stable byte for byte."""
        return json.dumps(unstructure(self), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self, framework: Framework | str | None = None) -> str:
        """The profile as Markdown for an advert or a candidate pack.

        Role, grade and level, then for each chosen behaviour its definition and the effective
        indicators expected at the role's level (and, in a cumulative framework, those of the
        levels it builds on), then the other elements and how they are assessed.
        """
        text: str = _views.view("markdown", self, self.framework_for(framework))
        return text


def _says(framework: Framework, words: str) -> bool:
    """Whether the framework's introduction holds these words."""
    return any(words in paragraph for paragraph in framework.introduction)


def _count(number: int) -> str:
    return f"{number} competency is" if number == 1 else f"{number} competencies are"


@attrs.frozen(kw_only=True)
class _CountRule:
    """An introduction's guidance on how many competencies a role is assessed on."""

    quote: Text
    fewest: Number
    most: Number


@attrs.frozen(kw_only=True)
class _NotAllRule:
    """An introduction's word that a role is not assessed on every behaviour."""

    quote: Text


@attrs.frozen(kw_only=True)
class _Guidance:
    """The bundled guidance rules (``data/reference/profile-guidance.json``)."""

    about: Text
    count: tuple[_CountRule, ...] = ()
    not_all: tuple[_NotAllRule, ...] = ()

    def warnings(self, source: Framework, chosen: int, named: int) -> Iterable[str]:
        """The warnings for a profile naming ``named`` competencies, ``chosen`` of them known."""
        for rule in self.not_all:
            if chosen > 1 and chosen == len(source.competencies) and _says(source, rule.quote):
                yield (
                    f"all {chosen} competencies of the {source.title} are chosen;"
                    f' it says "{rule.quote}"'
                )
        for count in self.count:
            if named and not count.fewest <= named <= count.most and _says(source, count.quote):
                yield f'{_count(named)} chosen; the {source.title} says "{count.quote}"'


@functools.cache
def _guidance() -> _Guidance:
    name = "reference/profile-guidance.json"
    origin = f"bundled data {name!r}"
    return structure_document(parse_json(data_file(name).read_bytes(), origin), _Guidance, origin)


def loads_profile(
    data: str | bytes, *, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> SuccessProfile:
    """A Success Profile from JSON text or UTF-8 bytes in the civilframe profile format.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem with its JSON path.
    What the JSON cannot show (an unknown behaviour, a level that disagrees with the grade)
    is for :meth:`SuccessProfile.check`. A document larger than ``max_bytes`` (None for no
    limit) is refused unparsed.

    >>> import civilframe as cf
    >>> cf.loads_profile('{"title": "Analyst", "grade": "EO"}')
    Traceback (most recent call last):
      ...
    civilframe.errors.InvalidDocumentError: invalid document: 2 problems
      required key missing @ $.framework
      required key missing @ $.competencies
    """
    return structure_document(parse_json(data, origin, max_bytes), SuccessProfile, origin)


def load_profile(
    path: str | os.PathLike[str], *, max_bytes: int | None = MAX_BYTES
) -> SuccessProfile:
    """A Success Profile from a JSON file in the civilframe profile format.

    Raises :class:`~civilframe.InvalidDocumentError` for an invalid document or a file larger
    than ``max_bytes`` (which is not read), and the usual :class:`OSError` when the file cannot
    be read.

    >>> import os, tempfile
    >>> import civilframe as cf
    >>> path = os.path.join(tempfile.mkdtemp(), "analyst.json")
    >>> with open(path, "w", encoding="utf-8") as file:
    ...     _ = file.write(
    ...         '{"title": "Analyst", "grade": "EO", "framework": "success-profiles-behaviours",'
    ...         ' "competencies": ["Working Together", "Delivering at Pace"]}'
    ...     )
    >>> cf.load_profile(path).level
    2
    """
    data = read_document(path, max_bytes)
    return loads_profile(data, origin=os.fspath(path), max_bytes=None)
