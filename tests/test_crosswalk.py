"""The crosswalk from the Competency Framework to the Civil Service Behaviours, and translations."""

from __future__ import annotations

import json

import pytest

import civilframe as cf
from civilframe._format.converter import unstructure
from civilframe.loading import data_file
from civilframe.reference.mapping import (
    Crosswalk,
    Quote,
    crosswalk,
    loads_crosswalk,
    translate,
)
from civilframe.render.terminal import render_crosswalk, render_translation

#: The competencies of the Home Office pack's role A (Senior HR Business Partner), in order.
ROLE_A = (
    "Leading and Communicating",
    "Collaborating and Partnering",
    "Seeing the Big Picture",
    "Changing and Improving",
    "Delivering at Pace",
    "Managing a Quality Service",
)

#: The competencies of role B (Organisation Design and Development Consultant), in order.
ROLE_B = (
    "Leading and Communicating",
    "Collaborating and Partnering",
    "Seeing the Big Picture",
    "Changing and Improving",
    "Delivering Value for Money",
    "Making Effective Decisions",
)


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, mapped from."""
    return cf.load("competency-framework")


@pytest.fixture(scope="module")
def behaviours() -> cf.Framework:
    """The Civil Service Behaviours, mapped to."""
    return cf.load("success-profiles-behaviours")


def _quotes() -> list[tuple[str, Quote]]:
    found = []
    for link in crosswalk():
        for evidence in link.evidence:
            found.append(("competency-framework", evidence.competency))
            if evidence.behaviour is not None:
                found.append(("success-profiles-behaviours", evidence.behaviour))
    return found


def test_the_crosswalk_maps_the_two_bundled_frameworks() -> None:
    """The bundled crosswalk goes from the Competency Framework to the Civil Service Behaviours."""
    walk = crosswalk()
    assert (walk.from_framework, walk.to_framework) == (
        "competency-framework",
        "success-profiles-behaviours",
    )


def test_every_competency_appears_exactly_once(ccf: cf.Framework) -> None:
    """Each of the ten competencies has one link, in the framework's order."""
    assert [link.competency_id for link in crosswalk()] == [c.id for c in ccf]
    assert len(crosswalk()) == 10


def test_every_behaviour_named_exists(behaviours: cf.Framework) -> None:
    """Every behaviour a link names is a behaviour of Success Profiles."""
    ids = {behaviour.id for behaviour in behaviours}
    for link in crosswalk():
        assert set(link.behaviour_ids) <= ids, link.competency_id


def test_every_behaviour_has_a_predecessor(behaviours: cf.Framework) -> None:
    """Each of the nine behaviours carries at least one competency, wholly or in part."""
    named = {id for link in crosswalk() for id in link.behaviour_ids}
    assert named == {behaviour.id for behaviour in behaviours}


@pytest.mark.parametrize(("framework", "quote"), _quotes(), ids=lambda value: str(value)[:60])
def test_every_quote_is_verbatim(framework: str, quote: Quote) -> None:
    """Every quote is an exact substring of the text it names."""
    assert quote.text in quote.source_text(cf.load(framework))


def test_same_name_links_share_the_name(ccf: cf.Framework, behaviours: cf.Framework) -> None:
    """A "same-name" link leads to the behaviour of that name; a "renamed" one to another name."""
    for link in crosswalk():
        names = [behaviours.competency(id).name for id in link.behaviour_ids]
        if link.type == "same-name":
            assert names == [ccf.competency(link.competency_id).name]
        if link.type == "renamed":
            assert ccf.competency(link.competency_id).name not in names


def test_absent_words_occur_nowhere_in_the_behaviours(behaviours: cf.Framework) -> None:
    """The words a link says no behaviour uses occur in none of the behaviours' texts."""
    texts: list[str] = [*behaviours.introduction]
    for behaviour in behaviours:
        texts += [behaviour.name, behaviour.summary or "", behaviour.description or ""]
        texts += [indicator.text for indicator in behaviour.indicators]
    everything = " ".join(texts).casefold()
    claims = [(link.competency_id, word) for link in crosswalk() for word in link.absent]
    assert claims
    for competency, word in claims:
        assert word.casefold() not in everything, (competency, word)


def test_the_mapping_and_its_types() -> None:
    """The links, as civilframe maps them."""
    assert {link.competency_id: (link.type, link.behaviour_ids) for link in crosswalk()} == {
        "seeing-the-big-picture": ("same-name", ("seeing-the-big-picture",)),
        "changing-and-improving": ("same-name", ("changing-and-improving",)),
        "making-effective-decisions": ("same-name", ("making-effective-decisions",)),
        "leading-and-communicating": (
            "split",
            ("leadership", "communicating-and-influencing"),
        ),
        "collaborating-and-partnering": ("renamed", ("working-together",)),
        "building-capability-for-all": ("renamed", ("developing-self-and-others",)),
        "achieving-commercial-outcomes": ("no-successor", ()),
        "delivering-value-for-money": ("partly-carried", ("managing-a-quality-service",)),
        "managing-a-quality-service": ("same-name", ("managing-a-quality-service",)),
        "delivering-at-pace": ("same-name", ("delivering-at-pace",)),
    }


def test_the_crosswalk_says_it_is_editorial() -> None:
    """The data marks the crosswalk as civilframe's editorial mapping, not an official one."""
    walk = crosswalk()
    assert walk.official is False
    assert "civilframe's editorial mapping, not an official one" in walk.statement
    assert walk.statement in render_crosswalk()
    assert translate(ROLE_A).statement == walk.statement


def test_a_link_by_name_forgives_case_and_ampersand() -> None:
    """One competency's link is found by its name in any case, with "&" for "and", or by id."""
    link = crosswalk("leading & COMMUNICATING")
    assert link is crosswalk("leading-and-communicating")
    assert link.type == "split"


def test_an_unknown_competency_names_the_closest() -> None:
    """A name that is no competency raises NotFoundError naming the closest names."""
    with pytest.raises(cf.NotFoundError) as caught:
        crosswalk("Seeing the Bigger Picture")
    assert caught.value.closest[0] == "Seeing the Big Picture"


def test_translate_names_the_closest_for_an_unknown_competency() -> None:
    """Translating a list with an unknown name raises NotFoundError naming the closest."""
    with pytest.raises(cf.NotFoundError, match="did you mean: Delivering at Pace"):
        translate(["Seeing the Big Picture", "Delivering at Speed"])


def test_role_a_translates_whole() -> None:
    """Role A's six competencies become seven behaviours, in order, and nothing is lost."""
    translation = translate(ROLE_A)
    assert translation.behaviours == (
        "Leadership",
        "Communicating and Influencing",
        "Working Together",
        "Seeing the Big Picture",
        "Changing and Improving",
        "Delivering at Pace",
        "Managing a Quality Service",
    )
    assert translation.behaviour_ids[:2] == ("leadership", "communicating-and-influencing")
    assert translation.competencies == ROLE_A
    assert translation.lost == ()
    assert translation.complete


def test_role_b_loses_part_of_value_for_money() -> None:
    """Role B's Delivering Value for Money is only partly carried, into Managing a Quality Service."""
    translation = translate(ROLE_B)
    (shortfall,) = translation.lost
    assert (shortfall.name, shortfall.type) == ("Delivering Value for Money", "partly-carried")
    assert shortfall.behaviours == ("Managing a Quality Service",)
    assert "Managing a Quality Service" in translation.behaviours
    assert not translation.complete


def test_a_competency_with_no_successor_adds_no_behaviour() -> None:
    """Achieving Commercial Outcomes has no successor: it adds nothing and is reported lost."""
    translation = translate(["Seeing the Big Picture", "achieving commercial outcomes"])
    assert translation.behaviours == ("Seeing the Big Picture",)
    (shortfall,) = translation.lost
    assert shortfall.type == "no-successor"
    assert shortfall.behaviours == ()
    assert "commercial" in shortfall.reason


def test_translate_lists_each_behaviour_once() -> None:
    """Competencies leading to the same behaviour, or named twice, give each behaviour once."""
    translation = translate(
        ["Managing a Quality Service", "Delivering Value for Money", "managing-a-quality-service"]
    )
    assert translation.behaviours == ("Managing a Quality Service",)
    assert translation.competencies == ("Managing a Quality Service", "Delivering Value for Money")


def test_translate_refuses_a_single_string() -> None:
    """translate() takes a list of names; one string is refused, not read letter by letter."""
    with pytest.raises(TypeError, match="list of competency names"):
        translate("Seeing the Big Picture")


def test_render_translation_reports_what_is_lost() -> None:
    """The text of a translation lists the behaviours and what was not carried over."""
    text = render_translation(translate(ROLE_B))
    assert "Behaviours: Leadership; Communicating and Influencing; Working Together;" in text
    assert (
        "Delivering Value for Money: partly carried (partly into Managing a Quality Service)"
        in text
    )
    assert "Every competency was carried over." in render_translation(translate(ROLE_A))


def test_render_crosswalk_shows_links_and_evidence() -> None:
    """The crosswalk's text shows each link, its type and its quotes."""
    text = render_crosswalk()
    assert (
        "Leading and Communicating -> Leadership + Communicating and Influencing  [split]" in text
    )
    assert "Achieving Commercial Outcomes -> (none)  [no successor]" in text
    assert 'Leadership (description): "Show pride and passion for public service"' in text
    assert render_crosswalk("delivering at pace").count(" -> ") == 1


def test_the_bundled_file_is_in_canonical_form() -> None:
    """The data file is exactly what the converter writes back, so it round-trips."""
    text = data_file("reference/crosswalk.json").read_text(encoding="utf-8")
    assert json.dumps(unstructure(crosswalk()), ensure_ascii=False, indent=2) + "\n" == text
    assert loads_crosswalk(text) == crosswalk()


def _document() -> dict[str, object]:
    document: dict[str, object] = unstructure(crosswalk())
    return document


def test_a_bad_document_lists_every_type_problem_with_its_path() -> None:
    """Wrong types and unknown keys are InvalidDocumentError, each problem at its JSON path."""
    document = json.loads(json.dumps(_document()))
    document["official"] = "no"
    document["links"][2]["colour"] = "red"
    document["links"][4]["evidence"][0]["competency"]["text"] = 5
    with pytest.raises(cf.InvalidDocumentError) as caught:
        loads_crosswalk(json.dumps(document), origin="mine.json")
    assert caught.value.problems == (
        "expected true or false, got a string @ $.official",
        "unknown key 'colour' @ $.links[2].colour",
        "expected a string, got a number @ $.links[4].evidence[0].competency.text",
    )
    assert str(caught.value).startswith("invalid document mine.json: 3 problems")


def test_a_bad_document_lists_every_broken_rule_with_its_path() -> None:
    """Links that break the crosswalk's rules are InvalidDocumentError, at their paths."""
    document = json.loads(json.dumps(_document()))
    links = document["links"]
    links[3]["behaviours"] = ["leadership"]
    links[6]["behaviours"] = ["leadership"]
    links[9]["competency"] = links[8]["competency"]
    links[5]["evidence"][0]["competency"]["part"] = "levels"
    with pytest.raises(cf.InvalidDocumentError) as caught:
        loads_crosswalk(json.dumps(document))
    problems = caught.value.problems
    assert (
        "a 'split' link must name two or more behaviours, got 1 @ $.links[3].behaviours" in problems
    )
    assert (
        "quotes 'communicating-and-influencing', which the link does not name (expected "
        "'leadership') @ $.links[3].evidence[3].behaviour.competency"
    ) in problems
    assert "a 'no-successor' link must name no behaviour, got 1 @ $.links[6].behaviours" in problems
    assert (
        "competency 'managing-a-quality-service' is linked twice (first at $.links[8]) "
        "@ $.links[9].competency"
    ) in problems
    assert any(problem.endswith("@ $.links[5].evidence[0].competency.part") for problem in problems)


def test_a_non_json_document_is_an_invalid_document() -> None:
    """Text that is not JSON is InvalidDocumentError, not a JSON library error."""
    with pytest.raises(cf.InvalidDocumentError, match="malformed JSON"):
        loads_crosswalk("{links: []}")


def test_crosswalk_iterates_its_links() -> None:
    """A Crosswalk is a sequence of its links."""
    walk = crosswalk()
    assert isinstance(walk, Crosswalk)
    assert list(walk) == list(walk.links)
