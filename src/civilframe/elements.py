"""The elements of a Success Profile, and the ways behaviours are assessed.

A Success Profile assesses a candidate on up to five elements (Behaviours, Strengths, Ability,
Experience, Technical) by a choice of thirteen methods, as *Success Profiles: Civil Service
Behaviours* lists them. Both lists are bundled data, loaded (and checked) once on first use.

>>> import civilframe as cf
>>> [element.name for element in cf.elements()]
['Behaviours', 'Strengths', 'Ability', 'Experience', 'Technical']
>>> cf.assessment_method("civil service judgement test").id
'civil-service-judgement-test'
"""

from __future__ import annotations

import functools

import attrs

from ._names import closest, normalise
from ._types import Id, Text
from .errors import InvalidDocumentError, NotFoundError
from .loading import data_file, parse_json, structure_document
from .model import BOUND, Source

__all__ = [
    "AssessmentMethod",
    "Element",
    "assessment_method",
    "assessment_methods",
    "element",
    "elements",
]


@attrs.frozen(kw_only=True)
class Element:
    """One element of a Success Profile, e.g. *Strengths*, with its definition."""

    #: Stable id, e.g. ``"strengths"``.
    id: Id
    #: The element's name, e.g. ``"Strengths"``.
    name: Text
    #: Its definition, verbatim (it continues the name: "the things we do regularly, …").
    definition: Text
    #: The source document it comes from (bound: Success Profiles, ``"000"``).
    source: Source | None = attrs.field(default=None, metadata=BOUND, repr=False)


@attrs.frozen(kw_only=True)
class AssessmentMethod:
    """A way of assessing behaviours, e.g. *Interview*."""

    #: Stable id, e.g. ``"interview"``.
    id: Id
    #: The method's name as listed.
    name: Text
    #: The source document it comes from (bound: Success Profiles, ``"000"``).
    source: Source | None = attrs.field(default=None, metadata=BOUND, repr=False)


@attrs.frozen(kw_only=True)
class _Guide:
    """The bundled file: its source, the elements and the assessment methods."""

    source: Source
    elements: tuple[Element, ...]
    assessment_methods: tuple[AssessmentMethod, ...]


_FILE = "success-profiles.json"


@functools.lru_cache(maxsize=1)
def _guide() -> _Guide:
    origin = f"bundled data {_FILE!r}"
    document = parse_json(data_file(_FILE).read_bytes(), origin)
    guide = structure_document(document, _Guide, origin)
    problems = [
        f"duplicate id {item.id!r} @ $.{key}[{index}].id"
        for key in ("elements", "assessment_methods")
        for index, item in enumerate(getattr(guide, key))
        if [other.id for other in getattr(guide, key)].index(item.id) != index
    ]
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    for item in (*guide.elements, *guide.assessment_methods):
        object.__setattr__(item, "source", guide.source)
    return guide


def elements() -> tuple[Element, ...]:
    """The five elements of a Success Profile, in the document's order.

    >>> import civilframe as cf
    >>> cf.elements()[0].name, cf.elements()[0].source.id
    ('Behaviours', '000')
    """
    return _guide().elements


def assessment_methods() -> tuple[AssessmentMethod, ...]:
    """The thirteen ways behaviours are assessed, in the document's order.

    >>> import civilframe as cf
    >>> [method.name for method in cf.assessment_methods()][:4]
    ['Application form', 'CV', 'Civil Service Judgement Test', 'Interview']
    """
    return _guide().assessment_methods


def _key(text: str) -> str:
    return normalise(text).rstrip(".")


def element(name_or_id: str) -> Element:
    """The element with this name or id, forgiving case and spacing.

    Raises :class:`~civilframe.NotFoundError` listing the elements.

    >>> import civilframe as cf
    >>> cf.element(" EXPERIENCE").id
    'experience'
    """
    for item in elements():
        if _key(name_or_id) in (_key(item.name), item.id):
            return item
    raise NotFoundError(
        kind="element", query=name_or_id, closest=tuple(item.name for item in elements())
    )


def assessment_method(name_or_id: str) -> AssessmentMethod:
    """The assessment method with this name or id, forgiving case, spacing and a final stop.

    Raises :class:`~civilframe.NotFoundError` naming the closest methods.

    >>> import civilframe as cf
    >>> cf.assessment_method("Assessment centre").name
    'Assessment centre.'
    """
    for item in assessment_methods():
        if _key(name_or_id) in (_key(item.name), item.id):
            return item
    raise NotFoundError(
        kind="assessment method",
        query=name_or_id,
        closest=closest(name_or_id, (item.name for item in assessment_methods())),
    )
