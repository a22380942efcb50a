"""Grade resolution: every grade and alias, exactly, and the level each maps to."""

from __future__ import annotations

import json
import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import civilframe as cf
from civilframe.loading import data_file

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
def test_unknown_text_names_no_grade(text: str) -> None:
    """Text naming no grade (or two different grades) raises NotFoundError, never a level."""
    with pytest.raises(cf.NotFoundError) as caught:
        cf.grade(text)
    assert isinstance(caught.value, LookupError)
    assert len(caught.value.closest) <= 5
    names = {name for g in cf.grades() for name in g.names} | {"Senior Civil Service"}
    assert set(caught.value.closest) <= names


def test_success_profiles_level_definitions_agree() -> None:
    """Success Profiles maps every grade to the same level as the Competency Framework."""
    behaviours = cf.load("success-profiles-behaviours")
    mapped = {g: d.number for d in behaviours.level_definitions for g in d.grades}
    assert mapped == LEVELS


# --- grades as adverts write them ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SCS Pay Band 1", "Deputy Director"),
        ("SCS Pay Band 2", "Director"),
        ("SCS Pay Band 3", "Director General"),
        ("Senior Civil Service Pay Band 2", "Director"),
        ("SCS1", "Deputy Director"),
        ("SCS 2", "Director"),
        ("SCS PB3", "Director General"),
        ("Deputy Director (SCS1)", "Deputy Director"),
        ("Director (SCS2)", "Director"),
        ("Director General (SCS3)", "Director General"),
        ("DD", "Deputy Director"),
        ("DG", "Director General"),
        ("HEO - Higher Executive Officer", "HEO"),
        ("Grade: Senior Executive Officer", "SEO"),
        ("Band: EO", "EO"),
        ("EO or equivalent", "EO"),
        ("Grade 7 (or equivalent)", "Grade 7"),
        ("grade:  g7 or equiv", "Grade 7"),
        ("HEO/SEO", "HEO"),
        ("Grade 7/6", "Grade 7"),
        ("G6 / G7", "Grade 6"),
        ("AA/AO", "AA"),
        ("Director and Director General", "Director"),
        ("Grade - 7", "Grade 7"),
        ("Grade-7", "Grade 7"),
        ("Director-General", "Director General"),
        ("SCS-2", "Director"),
        ("Band - EO", "EO"),
        ("SCS2/3", "Director"),
    ],
)
def test_grades_resolve_as_adverts_write_them(text: str, name: str) -> None:
    """Pay bands, short forms, labels, "or equivalent" and same-level pairs all resolve."""
    assert cf.grade(text).name == name


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("EO/HEO", "EO is Level 2, HEO is Level 3"),
        ("SEO/Grade 7", "SEO is Level 3, Grade 7 is Level 4"),
        ("Grade 7 or Deputy Director", "Grade 7 is Level 4, Deputy Director is Level 5"),
        ("SEO-Grade 6", "SEO is Level 3, Grade 6 is Level 4"),
        ("Senior Civil Service", "Deputy Director is Level 5, Director is Level 6"),
        ("SCS", "Deputy Director is Level 5, Director is Level 6"),
        ("SCS1/2", "Deputy Director is Level 5, Director is Level 6"),
        ("SCS pay band 1/2", "Deputy Director is Level 5, Director is Level 6"),
    ],
)
def test_text_spanning_levels_is_refused_naming_each_grade(text: str, parts: str) -> None:
    """A pair or group across levels is an error naming both grades and both levels."""
    with pytest.raises(cf.NotFoundError, match="spans Levels") as caught:
        cf.grade(text)
    assert parts in str(caught.value)
    assert len({g.level for g in cf.grades_in(text)}) == 2


def test_grades_in_gives_every_grade_named() -> None:
    """grades_in() gives both ends of a pair and every grade of a group, in order."""
    assert [g.name for g in cf.grades_in("EO/HEO")] == ["EO", "HEO"]
    assert [g.name for g in cf.grades_in("Grade 7/6")] == ["Grade 7", "Grade 6"]
    assert [g.name for g in cf.grades_in("Senior Civil Service")] == [
        "Deputy Director",
        "Director",
        "Director General",
    ]
    with pytest.raises(cf.NotFoundError, match="no grade 'Band A' in 'HEO/Band A'"):
        cf.grades_in("HEO/Band A")


def test_a_title_and_abbreviation_naming_two_grades_is_refused() -> None:
    """'Senior Executive Officer (HEO)' names two grades: an error, not a guess."""
    with pytest.raises(cf.NotFoundError, match="names two grades"):
        cf.grade("Senior Executive Officer (HEO)")


@pytest.mark.parametrize(
    "text",
    ["Band A", "Band B (EO equivalent)", "Grade 8", "SCS4", "Officer", "Director equivalent"],
)
def test_unknown_grades_get_ranked_suggestions_and_never_a_level(text: str) -> None:
    """Department grades the sources do not define get the library's error with suggestions."""
    with pytest.raises(cf.NotFoundError, match="did you mean") as caught:
        cf.grade(text)
    assert 1 <= len(caught.value.closest) <= 5


def test_each_framework_uses_its_own_level_table() -> None:
    """The framework's own definitions give the level and its label; a missing level is an error."""
    ccf, behaviours = cf.grade("HEO"), cf.grade("HEO", "success-profiles-behaviours")
    assert (ccf.level, ccf.framework_id, ccf.level_label) == (
        3,
        "competency-framework",
        "HEO & SEO or equiv",
    )
    assert (behaviours.level, behaviours.level_label) == (3, "HEO and SEO or equivalent")
    sms1 = cf.load("competency-framework-2012-sms1")
    assert cf.grade("Deputy Director", sms1).level == 5
    with pytest.raises(cf.NotFoundError, match="which defines Level 5 only"):
        cf.grade("Director", sms1)
    assert [g.name for g in cf.grades(sms1)] == ["Deputy Director"]


def test_a_profile_takes_its_level_from_its_own_framework() -> None:
    """SuccessProfile.level reads its framework's table: a Director has none in SMS 1."""
    role = cf.SuccessProfile(
        title="Director of Policy",
        grade="Director (SCS2)",
        framework="competency-framework-2012-sms1",
        competencies=("Leading and Communicating",),
    )
    with pytest.raises(cf.NotFoundError, match="which defines Level 5 only"):
        _ = role.level
    assert attrs.evolve(role, framework="competency-framework").level == 6


def test_every_alias_records_where_its_meaning_comes_from() -> None:
    """The bundled file names a basis for every grade, title it does not print, and alias."""
    document = json.loads(data_file("reference/grades.json").read_text(encoding="utf-8"))
    for entry in document["grades"]:
        assert entry["basis"]
        for alias in entry["aliases"]:
            assert alias["basis"], alias
    for group in document["groups"]:
        assert group["basis"]


# --- properties -------------------------------------------------------------------------------

_LABELS = st.sampled_from(["", "Grade: ", "grade:", "Band: ", "BAND - "])
_ENDINGS = st.sampled_from(
    ["", " or equivalent", " (or equivalent)", " or equiv", ", or equivalent"]
)


def _respell(rng: random.Random, name: str) -> str:
    """``name`` in a random case, with random runs of spaces between its words."""
    words = [rng.choice([w.lower(), w.upper(), w.title()]) for w in name.split()]
    return "".join(w + " " * rng.randint(1, 3) for w in words).strip()


@given(
    st.sampled_from([(g, n) for g in cf.grades() for n in g.names]), _LABELS, _ENDINGS, st.randoms()
)
def test_every_name_resolves_in_any_case_spacing_label_and_ending(
    named: tuple[cf.Grade, str], label: str, ending: str, rng: random.Random
) -> None:
    """Every name of every grade resolves to it, however it is cased, spaced and labelled."""
    grade, name = named
    assert cf.grade(f"{label}{_respell(rng, name)}{ending}") == grade


_PAIRS = [(a, b) for a in cf.grades() for b in cf.grades() if a != b]


@given(
    st.sampled_from(_PAIRS),
    st.sampled_from(["/", " / ", " or ", " to ", "-", " – "]),
    st.data(),
)
def test_pairs_resolve_at_one_level_and_are_refused_across_levels(
    pair: tuple[cf.Grade, cf.Grade], join: str, data: st.DataObject
) -> None:
    """A same-level pair by any names gives its first grade; across levels, an error.

    The error names both grades and both levels.
    """
    a, b = pair
    text = f"{data.draw(st.sampled_from(a.names))}{join}{data.draw(st.sampled_from(b.names))}"
    if a.level == b.level:
        assert cf.grade(text) == a
    else:
        with pytest.raises(cf.NotFoundError) as caught:
            cf.grade(text)
        assert f"{a.name} is Level {a.level}, {b.name} is Level {b.level}" in str(caught.value)
    assert cf.grades_in(text) == (a, b)


_NOT_GRADES = st.sampled_from(
    ["Band", "Manager", "Analyst", "Lead", "Principal", "Specialist", "Head", "Tier", "Scale",
     "Officer", "Senior", "Deputy", "X", "Y", "Z", "8", "9", "11", "Grade 8", "Band 3",
     "Pay Band", "Equivalent"]
)  # fmt: skip


@given(
    st.lists(_NOT_GRADES, min_size=1, max_size=3).map(" ".join),
    st.lists(st.tuples(st.sampled_from(["/", " or ", "-", " & "]), _NOT_GRADES), max_size=2),
)
def test_department_grades_never_get_a_level(first: str, more: list[tuple[str, str]]) -> None:
    """Words that name no grade (a department's own bands and titles) never resolve.

    No two of the words make a grade's name ("Executive Officer" is not among them).
    """
    text = first + "".join(join + word for join, word in more)
    with pytest.raises(cf.NotFoundError) as caught:
        cf.grade(text)
    assert "spans Levels" not in str(caught.value)


@given(st.text(max_size=40))
def test_any_text_resolves_only_to_a_grade_it_names(text: str) -> None:
    """Whatever the text, a grade found is one whose name the text holds (folded)."""
    try:
        found = cf.grades_in(text)
    except cf.NotFoundError:
        return
    squeezed = "".join(text.casefold().split())
    groups = ("seniorcivilservice", "scs")  # a group's name stands for its grades
    for grade in found:
        names = ["".join(n.casefold().split()) for n in grade.names]
        assert any(n in squeezed for n in names) or any(g in squeezed for g in groups)
