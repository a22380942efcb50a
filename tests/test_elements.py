"""The elements of a Success Profile and the assessment methods, as typed data."""

from __future__ import annotations

import pytest

import civilframe as cf


def test_five_elements_and_thirteen_methods() -> None:
    """Success Profiles names five elements and thirteen assessment methods."""
    assert [e.id for e in cf.elements()] == [
        "behaviours", "strengths", "ability", "experience", "technical"
    ]  # fmt: skip
    assert len(cf.assessment_methods()) == 13


def test_every_item_names_its_source_document() -> None:
    """Each element and method carries its provenance: the Success Profiles document."""
    items: list[cf.Element | cf.AssessmentMethod] = [*cf.elements(), *cf.assessment_methods()]
    for item in items:
        assert item.source is not None
        assert item.source.id == "000"
        assert item.source.title == "Success Profiles: Civil Service Behaviours"


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Interview", "interview"), ("assessment centre", "assessment-centre"), ("CV", "cv")],
)
def test_method_lookup_forgives_case_and_the_final_stop(query: str, expected: str) -> None:
    """Methods are found by name or id, whatever the case, with or without the list's stop."""
    assert cf.assessment_method(query).id == expected


def test_element_lookup_and_misses() -> None:
    """An unknown element or method raises NotFoundError naming valid choices."""
    assert cf.element("STRENGTHS").name == "Strengths"
    with pytest.raises(cf.NotFoundError, match="no element 'Charm'; did you mean: ") as caught:
        cf.element("Charm")
    assert sorted(caught.value.closest) == sorted(e.name for e in cf.elements())
    with pytest.raises(cf.NotFoundError, match=r"did you mean: .*Interview"):
        cf.assessment_method("Interveiw")
