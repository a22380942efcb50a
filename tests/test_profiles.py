"""Success Profiles: loading, checking, requirements and rendering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civilframe as cf

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "profiles").glob("*.json"))
BEHAVIOURS = [c.name for c in cf.load("success-profiles-behaviours").competencies]


def _profile(**changes: Any) -> cf.SuccessProfile:
    document: dict[str, Any] = {
        "title": "Policy Adviser",
        "grade": "HEO",
        "framework": "success-profiles-behaviours",
        "competencies": BEHAVIOURS[:5],
    }
    document.update(changes)
    return cf.loads_profile(json.dumps({k: v for k, v in document.items() if v is not None}))


def _messages(profile: cf.SuccessProfile, severity: str) -> list[str]:
    return [f.message for f in profile.check() if f.severity == severity]


def test_there_are_nine_example_roles() -> None:
    """The Home Office pack's nine roles ship as example profiles."""
    assert len(EXAMPLES) == 9


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_roles_load_check_clean_and_render(path: Path) -> None:
    """Each example role loads, checks clean, renders, and is written back byte for byte."""
    profile = cf.load_profile(path)
    assert profile.check() == ()
    assert profile.level == profile.stated_level == cf.grade(profile.grade).level
    markdown = profile.to_markdown()
    assert markdown.startswith(f"# {profile.title.replace('&', '&')}")
    for requirement in profile.requirements():
        assert f"## {requirement.competency.name}" in markdown
    assert profile.to_json() == path.read_text(encoding="utf-8")


def test_level_comes_from_the_grade() -> None:
    """Without a stated level, the level is the grade's."""
    assert _profile(grade="Senior Executive Officer (SEO)").level == 3
    assert _profile(grade="Grade 7").level == 4


def test_a_stated_level_that_disagrees_with_the_grade_is_an_error() -> None:
    """A stated level must agree with the grade."""
    profile = _profile(grade="Grade 7", stated_level=3)
    assert profile.level == 3
    assert _messages(profile, "error") == [
        "the stated Level 3 disagrees with grade 'Grade 7', which is Level 4"
    ]


def test_an_unknown_behaviour_names_the_closest() -> None:
    """An unknown behaviour is an error naming the closest behaviours."""
    profile = _profile(competencies=[*BEHAVIOURS[:4], "Delivering at Speed"])
    (message,) = _messages(profile, "error")
    assert message.startswith("competency 5: no competency 'Delivering at Speed'")
    assert "did you mean: Delivering at Pace" in message


def test_a_behaviour_chosen_twice_is_an_error() -> None:
    """The same behaviour twice (by any spelling) is an error."""
    profile = _profile(competencies=[*BEHAVIOURS[:4], BEHAVIOURS[0].upper()])
    assert _messages(profile, "error") == [f"competency 5: {BEHAVIOURS[0]!r} is chosen twice"]


def test_a_framework_without_the_level_is_an_error() -> None:
    """The July 2012 SMS 1 edition cannot serve a Grade 7 role."""
    profile = _profile(
        grade="Grade 7",
        framework="competency-framework-2012-sms1",
        competencies=["Leading and Communicating", "Seeing the Big Picture",
                      "Delivering at Pace", "Managing a Quality Service"],
    )  # fmt: skip
    assert _messages(profile, "error") == [
        "grade 'Grade 7' is in no level of 'competency-framework-2012-sms1', which defines"
        " Level 5 only"
    ]


def test_an_unknown_grade_or_framework_is_an_error() -> None:
    """Unknown grades and frameworks are errors, not exceptions."""
    assert _messages(_profile(grade="Grade 8"), "error")[0].startswith("no grade 'Grade 8'")
    assert _messages(_profile(framework="behaviors"), "error")[0].startswith(
        "no framework 'behaviors'"
    )


def test_unknown_elements_and_methods_are_errors() -> None:
    """Elements and assessment methods must be among Success Profiles' own."""
    profile = _profile(
        elements=[
            {"element": "Strengths", "methods": ["Interview", "Telepathy"]},
            {"element": "Charm"},
            {"element": "strengths"},
        ]
    )
    errors = _messages(profile, "error")
    assert errors[0].startswith("element 1: no assessment method 'Telepathy'")
    assert errors[1].startswith("element 2: no element 'Charm'")
    assert errors[2] == "element 3: 'Strengths' is listed twice"


def test_all_nine_behaviours_is_a_warning() -> None:
    """A role is never assessed on all nine behaviours."""
    warnings = _messages(_profile(competencies=BEHAVIOURS), "warning")
    assert (
        "all 9 competencies of the Success Profiles: Civil Service Behaviours are chosen; it says"
        ' "You will not be asked to demonstrate all Civil Service Behaviours for one role."'
    ) in warnings
    assert _messages(_profile(competencies=BEHAVIOURS), "error") == []


@pytest.mark.parametrize(
    ("count", "warned"), [(1, True), (3, True), (4, False), (8, False), (9, True), (10, True)]
)
def test_around_six_competencies_is_usual(count: int, warned: bool) -> None:
    """Far fewer or more than six chosen competencies is a warning, quoting the framework."""
    framework = cf.load("competency-framework")
    names = [c.name for c in framework.competencies][:count]
    profile = _profile(framework=framework.id, competencies=names)
    found = [w for w in _messages(profile, "warning") if "usually around six" in w]
    noun = "competency is" if count == 1 else "competencies are"
    expected = f'{count} {noun} chosen; the {framework.title} says "usually around six"'
    assert found == ([expected] if warned else [])


def test_guidance_warnings_are_only_where_the_framework_gives_them() -> None:
    """A framework whose introduction gives no guidance on numbers gets no such warning."""
    document = json.loads(cf.dumps(cf.load("competency-framework")))
    del document["introduction"]
    quiet = cf.loads(json.dumps(document))
    every = [c.name for c in quiet.competencies]
    for chosen in (every[:1], every):
        profile = _profile(grade="EO", framework=quiet.id, competencies=chosen)
        assert profile.check(quiet) == ()
        bundled = _profile(grade="EO", framework="competency-framework", competencies=chosen)
        assert [f.severity for f in bundled.check()] == ["warning"]  # the same, with guidance


@pytest.mark.parametrize("count", [1, 2, 3])
def test_the_around_six_guidance_is_only_where_the_framework_gives_it(count: int) -> None:
    """Success Profiles gives no such guidance on behaviours, so a profile of few is not warned."""
    assert not any(
        "around six" in w for w in _messages(_profile(competencies=BEHAVIOURS[:count]), "warning")
    )


def test_a_level_with_a_recorded_gap_is_a_warning() -> None:
    """Choosing Changing and Improving at Level 3 warns of the lost effective column."""
    profile = _profile(
        grade="SEO",
        framework="competency-framework",
        competencies=["Changing and Improving", "Seeing the Big Picture",
                      "Delivering at Pace", "Managing a Quality Service"],
    )  # fmt: skip
    (warning,) = _messages(profile, "warning")
    assert warning.startswith("'Changing and Improving' Level 3: the data records a gap")
    assert _messages(profile, "error") == []


def test_requirements_are_cumulative_where_the_framework_is() -> None:
    """In the Competency Framework a Level 3 role expects Levels 1–3."""
    profile = _profile(framework="competency-framework", competencies=["Seeing the Big Picture"])
    (requirement,) = profile.requirements()
    competency = cf.load("competency-framework").competency("Seeing the Big Picture")
    assert requirement.indicators == competency.cumulative(3)
    assert {i.level_number for i in requirement.indicators} == {1, 2, 3}


def test_requirements_are_level_specific_in_success_profiles() -> None:
    """With the Civil Service Behaviours a role expects its own level's examples alone."""
    requirements = _profile().requirements()
    assert [r.competency.name for r in requirements] == BEHAVIOURS[:5]
    assert all({i.level_number for i in r.indicators} == {3} for r in requirements)


def test_requirements_raise_for_an_unknown_behaviour() -> None:
    """requirements() raises where check() reports."""
    with pytest.raises(cf.NotFoundError):
        _profile(competencies=["Flying"]).requirements()


def test_a_user_framework_can_be_passed_in() -> None:
    """A profile can be checked against a framework that is not bundled."""
    framework = cf.load("success-profiles-behaviours")
    assert _profile().check(framework) == ()
    with pytest.raises(cf.NotFoundError, match="draws on 'success-profiles-behaviours'"):
        _profile().requirements(cf.load("competency-framework"))


def test_markdown_renders_definitions_and_indicators() -> None:
    """The Markdown names the role, grade and level, and each behaviour's examples."""
    markdown = _profile().to_markdown()
    behaviours = cf.load("success-profiles-behaviours")
    assert "- **Level:** 3 (HEO and SEO or equivalent)" in markdown
    first = behaviours.competency(BEHAVIOURS[0])
    assert first.description is not None
    assert first.description in markdown
    assert f"- {first.level(3).effective[0].text}" in markdown


def test_markdown_escapes_special_characters() -> None:
    """Markdown specials in the role's own text are escaped."""
    assert (
        _profile(title="Adviser *urgent* [remote]")
        .to_markdown()
        .startswith("# Adviser \\*urgent\\* \\[remote\\]")
    )


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"grade": 5}, "expected a string, got a number @ $.grade"),
        ({"stated_level": "3"}, "expected a whole number, got a string @ $.stated_level"),
        ({"competencies": "Leadership"}, "expected a list, got a string @ $.competencies"),
        ({"colour": "red"}, "unknown key 'colour' @ $.colour"),
        ({"title": " Adviser"}, "text must not have leading or trailing spaces @ $.title"),
    ],
)
def test_bad_profile_documents_raise_the_library_error(
    document: dict[str, Any], problem: str
) -> None:
    """An invalid profile document raises InvalidDocumentError naming each problem's path."""
    base = {"title": "A", "grade": "HEO", "framework": "x", "competencies": []}
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads_profile(json.dumps({**base, **document}))
    assert problem in caught.value.problems


@given(
    st.lists(st.sampled_from(BEHAVIOURS), min_size=1, max_size=9, unique=True),
    st.sampled_from([g.name for g in cf.grades()]),
    st.sampled_from([None, 1, 2, 3, 4, 5, 6]),
)
def test_profiles_round_trip_through_json(chosen: list[str], grade: str, level: int | None) -> None:
    """to_json() then loads_profile() gives an equal profile, and the same JSON again."""
    profile = _profile(competencies=chosen, grade=grade, stated_level=level)
    again = cf.loads_profile(profile.to_json())
    assert again == profile
    assert again.to_json() == profile.to_json()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_roles_are_valid_under_the_profile_schema(path: Path) -> None:
    """Each example profile is valid under the shipped profile JSON Schema."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(cf.profile_schema())
    assert list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8")))) == []


def test_a_competency_profile_carries_over_to_behaviours() -> None:
    """to_behaviours() gives a behaviours profile and names what could not be carried over."""
    profile = cf.load_profile(EXAMPLES[1])  # Annex B: Delivering Value for Money
    carried, translation = profile.to_behaviours()
    assert carried.framework == "success-profiles-behaviours"
    assert carried.competencies == translation.behaviours
    assert (carried.title, carried.grade, carried.level) == (profile.title, profile.grade, 4)
    assert carried.check() == ()
    assert [(s.name, s.type) for s in translation.lost] == [
        ("Delivering Value for Money", "partly-carried")
    ]


def test_only_competency_framework_profiles_carry_over() -> None:
    """A behaviours profile cannot be carried over again."""
    with pytest.raises(cf.NotFoundError, match="only profiles on 'competency-framework'"):
        _profile().to_behaviours()


def test_profile_documents_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    """Profiles, as frameworks, are refused unparsed over ``max_bytes``, naming the file."""
    text = json.dumps(
        {
            "title": "Analyst",
            "grade": "EO",
            "framework": "success-profiles-behaviours",
            "competencies": ["Working Together"],
        }
    )
    path = tmp_path / "analyst.json"
    path.write_text(text, encoding="utf-8")
    size = len(text)
    assert cf.load_profile(path, max_bytes=size) == cf.loads_profile(text, max_bytes=size)
    with pytest.raises(cf.InvalidDocumentError, match="document too large") as caught:
        cf.load_profile(path, max_bytes=size - 1)
    assert caught.value.origin == str(path)
    with pytest.raises(cf.InvalidDocumentError, match=f"{size:,} bytes, over the limit of 10"):
        cf.loads_profile(text, max_bytes=10)
