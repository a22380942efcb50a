"""The model's behaviour on the bundled frameworks: lookups, levels, the cumulative rule."""

from __future__ import annotations

import attrs
import pytest

import civilframe as cf


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, update edition."""
    return cf.load("competency-framework")


@pytest.fixture(scope="module")
def sms1() -> cf.Framework:
    """The July 2012 SMS 1 edition."""
    return cf.load("competency-framework-2012-sms1")


@pytest.mark.parametrize(
    "query",
    [
        "Seeing the Big Picture",
        "seeing the big picture",
        "  SEEING   the big  picture ",
        "seeing-the-big-picture",
    ],
)
def test_competency_lookup_forgives_case_and_spacing(ccf: cf.Framework, query: str) -> None:
    """A competency is found by its name in any case and spacing, or by its id."""
    assert ccf.competency(query).id == "seeing-the-big-picture"


def test_competency_lookup_reads_ampersand_as_and(ccf: cf.Framework) -> None:
    """An ampersand in a query matches "and" in a name."""
    assert ccf.competency("Leading & Communicating").name == "Leading and Communicating"


def test_failed_competency_lookup_names_the_closest(ccf: cf.Framework) -> None:
    """A miss raises NotFoundError naming the closest names."""
    with pytest.raises(cf.NotFoundError) as caught:
        ccf.competency("seeing the bigger picture")
    assert caught.value.closest[0] == "Seeing the Big Picture"
    assert "did you mean: Seeing the Big Picture" in str(caught.value)


def test_level_lookup_names_the_levels_held(ccf: cf.Framework) -> None:
    """Asking a competency for a level it lacks names the levels it has."""
    with pytest.raises(cf.NotFoundError, match="has no Level 7: it has Levels 1–6"):
        ccf.competency("delivering at pace").level(7)


def test_framework_covers_its_levels(ccf: cf.Framework, sms1: cf.Framework) -> None:
    """Each framework says which levels it covers."""
    assert ccf.level_numbers == (1, 2, 3, 4, 5, 6)
    assert sms1.level_numbers == (5,)
    with pytest.raises(cf.NotFoundError, match="covers Level 5 only"):
        sms1.level_definition(3)


def test_cumulative_in_the_competency_framework(ccf: cf.Framework) -> None:
    """cumulative(3) is Levels 1, 2 and 3 in order, each indicator telling its level."""
    competency = ccf.competency("seeing the big picture")
    expected = competency.level(1).indicators + competency.level(2).indicators
    expected += competency.level(3).indicators
    assert competency.cumulative(3) == expected
    assert {indicator.level_number for indicator in competency.cumulative(3)} == {1, 2, 3}


def test_cumulative_needs_the_lower_levels(sms1: cf.Framework) -> None:
    """The SMS 1 edition cannot say what Level 5 expects cumulatively: it lacks Levels 1–4."""
    competency = sms1.competency("seeing the big picture")
    assert competency.level(5).effective
    with pytest.raises(cf.NotFoundError, match="builds on Levels 1–4, which this framework"):
        competency.cumulative(5)


def test_cumulative_of_a_missing_level_names_the_levels(ccf: cf.Framework) -> None:
    """cumulative(n) for a level the framework lacks names the levels it has."""
    with pytest.raises(cf.NotFoundError, match="it has Levels 1–6"):
        ccf.competency("seeing the big picture").cumulative(0)


def test_gaps_are_visible(ccf: cf.Framework) -> None:
    """The lost effective column of Changing and Improving is recorded at Levels 3 and 5."""
    competency = ccf.competency("changing and improving")
    lost, recovered = competency.level(3), competency.level(5)
    assert lost.effective == ()
    assert [(g.polarity, g.recovered_from) for g in lost.gaps] == [("effective", None)]
    assert [(g.polarity, g.recovered_from and g.recovered_from.id) for g in recovered.gaps] == [
        ("effective", "002")
    ]
    assert {indicator.source.id for indicator in recovered.effective} == {"002"}
    assert all(indicator.note for indicator in recovered.effective)


def test_indicator_lookup_by_id(ccf: cf.Framework) -> None:
    """An indicator is found by its stable id, and a miss names close ids."""
    indicator = ccf.indicator("seeing-the-big-picture.l3.e2")
    assert (indicator.competency_id, indicator.level_number, indicator.polarity) == (
        "seeing-the-big-picture",
        3,
        "effective",
    )
    with pytest.raises(cf.NotFoundError, match=r"seeing-the-big-picture\.l3\.e"):
        ccf.indicator("seeing-the-big-picture.l3.e99")


def test_clusters_group_competencies(ccf: cf.Framework) -> None:
    """competencies_in() gives a cluster's competencies (by title or id) in document order."""
    expected = ["Seeing the Big Picture", "Changing and Improving", "Making Effective Decisions"]
    assert [c.name for c in ccf.competencies_in("setting-direction")] == expected
    by_title = ccf.competencies_in("strategic cluster – setting direction")
    assert [c.name for c in by_title] == expected


def test_cluster_found_by_its_short_name(ccf: cf.Framework) -> None:
    """A cluster's own short name, "Setting Direction", finds it, as its id and title do."""
    found = ccf.cluster("Setting Direction")
    assert found is ccf.cluster("setting-direction") is ccf.cluster(found.title)


def test_failed_cluster_lookup_names_the_clusters(ccf: cf.Framework) -> None:
    """A cluster name that matches none raises NotFoundError naming the titles."""
    with pytest.raises(cf.NotFoundError, match="Strategic Cluster – Setting Direction"):
        ccf.cluster("Setting")


def test_iteration_and_len(ccf: cf.Framework) -> None:
    """Frameworks iterate competencies, competencies levels, levels indicators."""
    competency = next(iter(ccf))
    assert len(ccf) == 10
    assert len(competency) == 6
    level = competency.level(1)
    assert list(level) == list(level.effective + level.ineffective)
    assert len(level) == len(level.effective) + len(level.ineffective)
    assert sum(len(c.indicators) for c in ccf) == len(list(ccf.indicators)) == 664


def test_objects_are_immutable(ccf: cf.Framework) -> None:
    """Model objects cannot be changed."""
    indicator = ccf.indicator("seeing-the-big-picture.l1.e1")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        indicator.text = "changed"  # type: ignore[misc]
    assert isinstance(ccf.competencies, tuple)


def test_repr_is_short(ccf: cf.Framework) -> None:
    """A framework's repr names it without dumping its contents."""
    assert len(repr(ccf)) < 200
    assert "competency-framework" in repr(ccf)


def test_behaviours_are_level_specific() -> None:
    """In Success Profiles cumulative(n) is Level n's examples alone."""
    behaviour = cf.load("success-profiles-behaviours").competency("Working Together")
    assert behaviour.cumulative(4) == behaviour.level(4).effective
    assert behaviour.level(4).ineffective == ()


def test_a_framework_without_levels_says_so(ccf: cf.Framework) -> None:
    """Leadership in Action's attributes have no levels; asking for one is a clear error."""
    attribute = cf.load("leadership-in-action").competency("purpose-and-outcomes")
    assert attribute.levels == ()
    with pytest.raises(cf.NotFoundError, match="has no Level 1: it has no levels"):
        attribute.cumulative(1)
