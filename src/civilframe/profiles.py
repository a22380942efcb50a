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

import json
import os
from typing import Literal

import attrs

from ._convert import unstructure
from ._types import Id, Number, Text
from ._wording import markdown_escape
from .crosswalk import Translation, crosswalk
from .elements import assessment_method, element
from .errors import NotFoundError
from .grades import grade
from .loading import MAX_BYTES, load, parse_json, read_document, structure_document
from .model import Competency, Framework, Indicator, Level

__all__ = [
    "ElementAssessment",
    "Finding",
    "Requirement",
    "SuccessProfile",
    "load_profile",
    "loads_profile",
]

#: The sources' guidance on how many competencies a role is assessed on. Each warning applies
#: only to a profile whose framework gives the guidance in its own introduction, and quotes it.
#: The Competency Framework: "Most of you will need to focus on a number of competencies,
#: usually around six" (and what counts as "around"); Success Profiles: the sentence below.
_USUAL_WORDS = "usually around six"
_USUAL_COUNT = range(4, 9)
_NOT_ALL = "You will not be asked to demonstrate all Civil Service Behaviours for one role."


@attrs.frozen(kw_only=True)
class ElementAssessment:
    """One element a role assesses besides the chosen behaviours, and how it is assessed."""

    #: The element's name or id: behaviours, strengths, ability, experience or technical.
    element: Text
    #: What the role states for this element, verbatim.
    requirements: tuple[Text, ...] = ()
    #: How it is assessed: names or ids of the assessment methods.
    methods: tuple[Text, ...] = ()


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
    competency: Competency
    #: The competency at the role's level.
    level: Level
    #: The indicators expected: the level's own, or in a cumulative framework every level's
    #: up to the role's, lowest first.
    indicators: tuple[Indicator, ...]


@attrs.frozen(kw_only=True)
class SuccessProfile:
    """A role's Success Profile: grade, framework, chosen behaviours and other elements.

    Build one with :func:`loads_profile` or :func:`load_profile` (or directly, with keyword
    arguments), then :meth:`check` it.

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
    ["competency 4: no competency 'Teamwork'; did you mean: Working Together, ...?"]
    """

    #: The role's title as the advert gives it.
    title: Text
    #: The grade as the advert writes it, e.g. ``"Senior Executive Officer (SEO)"``.
    grade: Text
    #: The id of the framework the profile draws on, e.g. ``"success-profiles-behaviours"``.
    framework: Id
    #: The level the advert states, if it states one (JSON key ``level``); see :attr:`level`.
    stated_level: Number | None = attrs.field(default=None, metadata={"key": "level"})
    #: The chosen competencies or behaviours, by name or id, in the advert's order.
    competencies: tuple[Text, ...]
    #: The other elements assessed, and how.
    elements: tuple[ElementAssessment, ...] = ()
    #: Where the role is based, as the advert says.
    location: Text | None = None
    #: Where the profile comes from (an advert, a candidate pack), if recorded.
    source: Text | None = None

    @property
    def level(self) -> int:
        """The role's framework level: the stated level, else the one its grade maps to.

        Raises :class:`~civilframe.NotFoundError` when there is no stated level and the grade
        is unknown.
        """
        if self.stated_level is not None:
            return self.stated_level
        return grade(self.grade).level

    def _framework(self, framework: Framework | None) -> Framework:
        if framework is None:
            return load(self.framework)
        if framework.id != self.framework:
            raise NotFoundError(
                kind="framework",
                query=framework.id,
                closest=(self.framework,),
                reason=f"profile {self.title!r} draws on {self.framework!r}, not {framework.id!r}",
                closest_label="it needs",
            )
        return framework

    def check(self, framework: Framework | None = None) -> tuple[Finding, ...]:
        """Every error and warning about this profile, errors first; empty when it is clean.

        ``framework`` is the framework to check against when it is not bundled (a user's own,
        loaded with :func:`~civilframe.load_file`); by default the bundled one the profile names.
        """
        errors: list[str] = []
        warnings: list[str] = []
        try:
            source = self._framework(framework)
        except NotFoundError as error:
            return (Finding(severity="error", message=str(error)),)
        level = self._check_level(source, errors)
        chosen = self._check_competencies(source, errors)
        self._check_elements(errors)
        count = len(chosen)
        if count > 1 and count == len(source.competencies) and _says(source, _NOT_ALL):
            warnings.append(
                f'all {count} competencies of the {source.title} are chosen; it says "{_NOT_ALL}"'
            )
        if (
            _says(source, _USUAL_WORDS)
            and self.competencies
            and len(self.competencies) not in _USUAL_COUNT
        ):
            warnings.append(
                f'{_count(len(self.competencies))} chosen; the {source.title} says "{_USUAL_WORDS}"'
            )
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
            by_grade: int | None = grade(self.grade).level
        except NotFoundError as error:
            errors.append(str(error))
            by_grade = None
        if self.stated_level is not None and by_grade not in (None, self.stated_level):
            errors.append(
                f"the stated Level {self.stated_level} disagrees with grade "
                f"{self.grade!r}, which is Level {by_grade}"
            )
        level = self.stated_level if self.stated_level is not None else by_grade
        if level is not None and level not in source.levels:
            covered = ", ".join(map(str, source.levels)) or "none"
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

    def requirements(self, framework: Framework | None = None) -> tuple[Requirement, ...]:
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
        source = self._framework(framework)
        level = self.level
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
        from ._html import profile_html  # only notebooks need it

        return profile_html(self)

    def to_json(self) -> str:
        """The profile as JSON text in the civilframe profile format, stable byte for byte."""
        return json.dumps(unstructure(self), ensure_ascii=False, indent=2) + "\n"

    def to_markdown(self, framework: Framework | None = None) -> str:
        """The profile as Markdown for an advert or a candidate pack.

        Role, grade and level, then for each chosen behaviour its definition and the effective
        indicators expected at the role's level (and, in a cumulative framework, those of the
        levels it builds on), then the other elements and how they are assessed.
        """
        source = self._framework(framework)
        level = self.level
        lines = [f"# {_md(self.title)}", ""]
        lines.append(f"- **Grade:** {_md(self.grade)}")
        definition = source.level_definition(level)
        lines.append(f"- **Level:** {level} ({_md(definition.label)})")
        if self.location:
            lines.append(f"- **Location:** {_md(self.location)}")
        lines.append(f"- **Framework:** {_md(source.title)}")
        for requirement in self.requirements(source):
            competency = requirement.competency
            lines += ["", f"## {_md(competency.name)}", ""]
            text = competency.description or competency.summary
            if text:
                lines += [_md(text), ""]
            lines.append(f"Effective behaviour at Level {level}:")
            lines.append("")
            lines += [f"- {_md(i.text)}" for i in requirement.level.effective]
            if not requirement.level.effective:
                lines.append("- *(no effective indicators are recorded at this level)*")
            earlier = [i for i in requirement.indicators if i.level < level]
            effective_earlier = [i for i in earlier if i.polarity == "effective"]
            if effective_earlier:
                lines += ["", "Building on the levels below:", ""]
                lines += [f"- Level {i.level}: {_md(i.text)}" for i in effective_earlier]
        if self.elements:
            lines += ["", "## Also assessed", ""]
            for assessment in self.elements:
                found = element(assessment.element)
                methods = ", ".join(assessment_method(m).name for m in assessment.methods)
                how = f" (assessed by: {_md(methods)})" if methods else ""
                lines.append(f"- **{_md(found.name)}**{how}")
                lines += [f"  - {_md(r)}" for r in assessment.requirements]
        if self.source:
            lines += ["", f"*Source: {_md(self.source)}*"]
        return "\n".join(lines) + "\n"


def _says(framework: Framework, words: str) -> bool:
    """Whether the framework's introduction holds these words."""
    return any(words in paragraph for paragraph in framework.introduction)


def _count(number: int) -> str:
    return f"{number} competency is" if number == 1 else f"{number} competencies are"


_md = markdown_escape


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
