"""Grade resolution: every grade and alias, exactly, and the level each maps to."""

from __future__ import annotations

import pytest

import civilframe as cf

LEVELS = {
    "AA": 1,
    "AO": 1,
    "EO": 2,
    "HEO": 3,
    "SEO": 3,
    "Grade 7": 4,
    "Grade 6": 4,
    "Deputy Director": 5,
    "Director": 6,
    "Director General": 6,
}


def test_the_grades_are_those_the_sources_name() -> None:
    """There are ten grades, lowest first."""
    assert [g.name for g in cf.grades()] == list(LEVELS)


@pytest.mark.parametrize(("name", "level"), LEVELS.items())
def test_each_grade_maps_to_its_level(name: str, level: int) -> None:
    """Each grade's level is the one the level definitions give it."""
    assert cf.grade(name).level == level


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Administrative Assistant", "AA"),
        ("Administrative Officer", "AO"),
        ("Executive Officer", "EO"),
        ("Higher Executive Officer", "HEO"),
        ("Senior Executive Officer", "SEO"),
        ("Senior Executive Officer (SEO)", "SEO"),
        ("Higher Executive Officer (HEO)", "HEO"),
        ("G7", "Grade 7"),
        ("g 7", "Grade 7"),
        ("Grade 7", "Grade 7"),
        ("GRADE  6", "Grade 6"),
        ("G6", "Grade 6"),
        ("SCS pay band 1", "Deputy Director"),
        ("SCS1", "Deputy Director"),
        ("SMS 1", "Deputy Director"),
        ("sms1", "Deputy Director"),
        ("  director general ", "Director General"),
        ("Director", "Director"),
    ],
)
def test_every_name_and_alias_resolves(text: str, name: str) -> None:
    """Abbreviations, full titles and aliases resolve whatever the case or spacing."""
    assert cf.grade(text).name == name


def test_every_listed_name_resolves_to_its_grade() -> None:
    """Every name a grade answers to resolves back to that grade."""
    for item in cf.grades():
        for name in item.names:
            assert cf.grade(name) == item


def test_higher_executive_officer_is_not_executive_officer() -> None:
    """Matching is exact, never by substring."""
    assert cf.grade("Higher Executive Officer").name == "HEO"
    assert cf.grade("Executive Officer").name == "EO"


@pytest.mark.parametrize(
    "text", ["Officer", "Executive", "Senior Executive Officer (HEO)", "Grade 8", ""]
)
def test_unknown_text_lists_the_valid_grades(text: str) -> None:
    """Unknown text raises NotFoundError listing every grade."""
    with pytest.raises(cf.NotFoundError) as caught:
        cf.grade(text)
    assert caught.value.closest == tuple(LEVELS)
    assert "the grades are: AA, AO, EO, HEO, SEO, Grade 7" in str(caught.value)
    assert isinstance(caught.value, LookupError)


def test_success_profiles_level_definitions_agree() -> None:
    """Success Profiles maps every grade to the same level as the Competency Framework."""
    behaviours = cf.load("success-profiles-behaviours")
    mapped = {g: d.number for d in behaviours.level_definitions for g in d.grades}
    assert mapped == LEVELS
