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
from collections.abc import Sequence
from typing import TypeVar

import attrs

from .._format.documents import parse_json
from .._format.rules import duplicates
from .._format.scalars import Id, Text
from ..errors import InvalidDocumentError, NotFoundError
from ..loading import data_file, structure_document
from ..model import Names, Source
from ..text import closest

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
    #: The source document it comes from: Success Profiles, ``"000"``.
    source: Source = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class AssessmentMethod:
    """A way of assessing behaviours, e.g. *Interview*."""

    #: Stable id, e.g. ``"interview"``.
    id: Id
    #: The method's name as listed.
    name: Text
    #: The source document it comes from: Success Profiles, ``"000"``.
    source: Source = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class _Entry:
    """An element or an assessment method as the bundled file lists it (with the file's source)."""

    id: Id
    name: Text
    definition: Text | None = None


@attrs.frozen(kw_only=True)
class _Listing:
    """The bundled file: its source, the elements and the assessment methods."""

    source: Source
    elements: tuple[_Entry, ...]
    assessment_methods: tuple[_Entry, ...]


@attrs.frozen
class _Guide:
    elements: tuple[Element, ...]
    assessment_methods: tuple[AssessmentMethod, ...]
    element_names: Names[Element]
    method_names: Names[AssessmentMethod]


_FILE = "reference/success-profiles.json"

T = TypeVar("T", Element, AssessmentMethod)


def _names(item: Element | AssessmentMethod) -> tuple[str, ...]:
    # a method's listed name may end in a full stop ("Assessment centre."): it is forgiven
    return (item.name, item.name.rstrip("."))


@functools.cache
def _guide() -> _Guide:
    origin = f"bundled data {_FILE!r}"
    listing = structure_document(
        parse_json(data_file(_FILE).read_bytes(), origin), _Listing, origin
    )
    problems: list[str] = []
    for key in ("elements", "assessment_methods"):
        entries: Sequence[_Entry] = getattr(listing, key)
        problems += duplicates(
            ((entry.id, f"$.{key}[{index}].id") for index, entry in enumerate(entries)),
            lambda id, first, path: f"duplicate id {id!r} (first used at {first}) @ {path}",
        )
    bad = [
        f"an element needs a definition @ $.elements[{index}]"
        for index, entry in enumerate(listing.elements)
        if entry.definition is None
    ] + [
        f"an assessment method has no definition @ $.assessment_methods[{index}].definition"
        for index, entry in enumerate(listing.assessment_methods)
        if entry.definition is not None
    ]
    if problems or bad:
        raise InvalidDocumentError(tuple(problems + bad), origin)
    source = listing.source
    found_elements = tuple(
        Element(id=e.id, name=e.name, definition=e.definition or "", source=source)
        for e in listing.elements
    )
    methods = tuple(
        AssessmentMethod(id=m.id, name=m.name, source=source) for m in listing.assessment_methods
    )
    return _Guide(
        elements=found_elements,
        assessment_methods=methods,
        element_names=Names(found_elements, _id, _names),
        method_names=Names(methods, _id, _names),
    )


def _id(item: Element | AssessmentMethod) -> str:
    return item.id


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


def _query(query: object, lookup: str) -> str:
    if not isinstance(query, str):
        raise TypeError(f"{lookup}() takes a name or an id, got {type(query).__name__}")
    return query


def element(query: str) -> Element:
    """The element with this name or id, forgiving case and spacing.

    Raises :class:`~civilframe.NotFoundError` listing the elements.

    >>> import civilframe as cf
    >>> cf.element(" EXPERIENCE").id
    'experience'
    """
    found = _guide().element_names.find(_query(query, "element"))
    if found is None:
        raise NotFoundError(
            kind="element", query=query, closest=closest(query, (item.name for item in elements()))
        )
    return found


def assessment_method(query: str) -> AssessmentMethod:
    """The assessment method with this name or id, forgiving case, spacing and a final stop.

    Raises :class:`~civilframe.NotFoundError` naming the closest methods.

    >>> import civilframe as cf
    >>> cf.assessment_method("Assessment centre").name
    'Assessment centre.'
    """
    found = _guide().method_names.find(_query(query, "assessment_method").rstrip(". "))
    if found is None:
        raise NotFoundError(
            kind="assessment method",
            query=query,
            closest=closest(query, (item.name for item in assessment_methods())),
        )
    return found
