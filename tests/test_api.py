"""The public API's habits: one resolver, TypeErrors that say what is accepted, short reprs."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

import civilframe as cf
from civilframe._format.converter import framework_keys
from civilframe.cli import is_path

SRC = Path(cf.__file__).parent


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, update edition."""
    return cf.load("competency-framework")


# --- one resolver: a Framework or a bundled id, everywhere ---------------------------------------


FRAMEWORK_TAKERS: dict[str, Callable[[Any], object]] = {
    "dumps": cf.dumps,
    "check_quotes": lambda framework: cf.check_quotes("Effective", framework),
    "search": lambda framework: cf.search("risk", framework=framework),
    "diff": lambda framework: cf.diff(framework, framework),
    "to_csv": lambda framework: cf.export.to_csv(framework),
    "to_case": lambda framework: cf.export.to_case(framework),
    "to_markdown": lambda framework: cf.export.to_markdown(framework),
    "requirements": lambda framework: _role().requirements(framework),
}


def _role() -> cf.SuccessProfile:
    return cf.SuccessProfile(
        title="Adviser",
        grade="Grade 7",
        framework="competency-framework",
        competencies=("Seeing the Big Picture",),
    )


@pytest.mark.parametrize("name", FRAMEWORK_TAKERS)
def test_a_bundled_id_is_as_good_as_its_framework(ccf: cf.Framework, name: str) -> None:
    """Every function that takes a framework gives the same answer for its bundled id."""
    call = FRAMEWORK_TAKERS[name]
    assert call("competency-framework") == call(ccf)


# search() and requirements() take None for "every framework" and "the profile's own".
WRONG = [
    (name, wrong)
    for name in FRAMEWORK_TAKERS
    for wrong in (None, 3, b"competency-framework", ["competency-framework"])
    if not (wrong is None and name in {"search", "requirements"})
]


@pytest.mark.parametrize(("name", "wrong"), WRONG)
def test_anything_else_is_a_type_error_saying_what_is_accepted(name: str, wrong: object) -> None:
    """Neither a Framework nor an id: a TypeError naming both, never AttributeError."""
    with pytest.raises(TypeError, match="a Framework or a bundled framework's id"):
        FRAMEWORK_TAKERS[name](wrong)


def test_an_unknown_id_is_the_library_error() -> None:
    """An id that names no bundled framework is NotFoundError naming the closest."""
    with pytest.raises(cf.NotFoundError, match="did you mean: competency-framework"):
        cf.check_quotes("Effective", "competency-framwork")


# --- lookups given the wrong type ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda fw: fw.competency(None), "competency() takes a name, an id or a whole number"),
        (lambda fw: fw.competency(True), "competency() takes a name, an id or a whole number"),
        (lambda fw: fw.competency(2.0), "competency() takes a name, an id or a whole number"),
        (lambda fw: fw.competency(1).level(True), "level() takes a level number"),
        (lambda fw: fw.competency(1).level("3"), "level() takes a level number"),
        (lambda fw: fw.competency(1).cumulative(None), "takes a level number"),
        (lambda fw: fw.indicator(3), "indicator() takes an indicator's id"),
        (lambda fw: fw.cluster(None), "cluster() takes"),
        (lambda _: cf.grade(None), "grade() takes a grade's name as text"),  # type: ignore[arg-type]
        (lambda fw: cf.check_quotes(None, fw), "check_quotes() takes the document as text"),  # type: ignore[arg-type]
        (lambda fw: cf.search(3, framework=fw), "search() takes the words to find as text"),  # type: ignore[arg-type]
        (lambda _: cf.load(None), "load() takes a bundled framework's id"),  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_type_errors_saying_what_is_accepted(
    ccf: cf.Framework, call: Callable[[cf.Framework], object], message: str
) -> None:
    """A lookup or function given the wrong type raises TypeError, never AttributeError."""
    with pytest.raises(TypeError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call(ccf)


def test_a_competency_is_found_by_its_number(ccf: cf.Framework) -> None:
    """The data numbers competencies; a whole number finds that one, or says which exist."""
    numbered = [(c.number, c.id) for c in ccf.competencies if c.number is not None]
    assert [ccf.competency(n).id for n, _ in numbered] == [c.id for c in ccf.competencies]
    with pytest.raises(cf.NotFoundError, match="11"):
        ccf.competency(11)


def test_a_cluster_is_found_by_its_short_name_in_any_case(ccf: cf.Framework) -> None:
    """A cluster's short name ("Setting Direction") finds it, in any case."""
    found = {
        ccf.cluster(q).id for q in ("Setting Direction", "SETTING DIRECTION", "setting-direction")
    }
    assert found == {"setting-direction"}


def test_competency_ids_forgive_case_as_cluster_ids_do(ccf: cf.Framework) -> None:
    """Ids are found whatever their case, for competencies as for clusters."""
    assert ccf.competency("SEEING-THE-BIG-PICTURE").id == "seeing-the-big-picture"
    assert ccf.cluster("SETTING-DIRECTION").id == "setting-direction"


# --- one meaning per name ----------------------------------------------------------------------


def test_collections_are_properties_and_lookups_methods(ccf: cf.Framework) -> None:
    """``indicators`` is a tuple on Framework, Competency and Level alike; lookups are methods."""
    competency = ccf.competency(1)
    level = competency.level(3)
    for holder in (ccf, competency, level):
        assert isinstance(holder.indicators, tuple)
        assert all(isinstance(i, cf.Indicator) for i in holder.indicators)
    assert sum(len(c.indicators) for c in ccf.competencies) == len(ccf.indicators)
    assert isinstance(ccf.level_numbers, tuple)
    assert all(isinstance(n, int) for n in ccf.level_numbers)
    assert all(isinstance(lv, cf.Level) for lv in competency.levels)


def test_id_attributes_end_in_id_and_object_attributes_hold_objects(ccf: cf.Framework) -> None:
    """An attribute that holds an id is named ``…_id``; one that does not holds the object."""
    competency = ccf.competency(1)
    indicator = competency.level(3).effective[0]
    assert indicator.competency_id == competency.level(3).competency_id == competency.id
    assert isinstance(competency.cluster, cf.Cluster)
    assert isinstance(indicator.source, cf.Source)
    assert ccf.competency(indicator.competency_id) is competency


# --- success profiles are validated when made --------------------------------------------------


def test_a_profile_is_checked_when_it_is_made() -> None:
    """A string for a list is refused as loading refuses it; lists become (hashable) tuples."""
    with pytest.raises(
        cf.InvalidDocumentError, match=r"expected a list, got a string @ \$\.competencies"
    ):
        cf.SuccessProfile(
            title="Adviser",
            grade="HEO",
            framework="success-profiles-behaviours",
            competencies="Leadership",
        )
    role = cf.SuccessProfile(
        title="Adviser",
        grade="HEO",
        framework="success-profiles-behaviours",
        competencies=["Leadership"],
    )
    assert role.competencies == ("Leadership",)
    assert hash(role) == hash(attrs.evolve(role))


def test_an_evolved_profile_is_checked_again() -> None:
    """attrs.evolve builds a new profile through the same check."""
    with pytest.raises(cf.InvalidDocumentError, match=r"@ \$\.title"):
        attrs.evolve(_role(), title=" Adviser")


# --- short reprs ---------------------------------------------------------------------------------


def _shown_objects() -> dict[str, object]:
    ccf = cf.load("competency-framework")
    sms1 = cf.load("competency-framework-2012-sms1")
    competency = ccf.competency("Seeing the Big Picture")
    role = cf.load_profile(
        Path(__file__).parents[1] / "examples/profiles/annex-a-senior-hr-business-partner.json"
    )
    _, translation = role.to_behaviours()
    difference = cf.diff(sms1, ccf)
    report = cf.check_quotes(
        "Seeing the Big Picture\tLevel 5\nEffective\n"
        + "\n".join(i.text for i in competency.level(5).effective),
        ccf,
    )
    return {
        "Framework": ccf,
        "Cluster": ccf.clusters[0],
        "Competency": competency,
        "Level": competency.level(3),
        "Indicator": competency.level(3).effective[0],
        "Gap": ccf.competency("changing-and-improving").level(3).gaps[0],
        "Grade": cf.grade("HEO"),
        "SuccessProfile": role,
        "Requirement": role.requirements()[0],
        "FrameworkDiff": difference,
        "CompetencyDiff": difference.competencies[0],
        "ColumnDiff": next(iter(difference.columns())),
        "Crosswalk": cf.crosswalk(),
        "Link": cf.crosswalk("Seeing the Big Picture"),
        "Translation": translation,
        "QuoteReport": report,
        "QuoteFinding": report.findings[0],
        "Hit": cf.search("risk")[0],
    }


@pytest.mark.parametrize("name", list(_shown_objects()))
def test_every_public_type_has_a_short_single_line_repr(name: str) -> None:
    """A repr is one line of at most 300 characters, however big the object."""
    shown = repr(_shown_objects()[name])
    assert "\n" not in shown
    assert len(shown) <= 300, shown
    assert shown.startswith(f"{name}(")


# --- the source holds no after-the-fact mutation -----------------------------------------------


def test_no_frozen_object_is_mutated_after_construction() -> None:
    """No module calls ``object.__setattr__``: every object is built complete, once."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "__setattr__"
                and isinstance(node.value, ast.Name)
                and node.value.id == "object"
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


def test_the_builder_reads_every_key_of_every_class() -> None:
    """The framework builder's keys are each class's format fields: none forgotten or extra."""
    for cls, keys in framework_keys():
        fields = {
            f.metadata.get("key", f.name) for f in attrs.fields(cls) if not f.metadata.get("bound")
        }
        assert keys <= fields, cls
        assert keys, cls


# --- the command line's file-or-id rule --------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("competency-framework", False),
        ("leadership-in-action", False),
        ("mine.json", True),
        ("./competency-framework", True),
        ("data/competency-framework", True),
        ("C:\\data\\mine", True),
        ("-", False),
    ],
)
def test_a_file_is_told_from_an_id_by_its_form(argument: str, expected: bool) -> None:
    """A path separator or a file suffix makes a file; whatever exists on disk does not."""
    assert is_path(argument) is expected


# --- framework aliases and ranked suggestions ----------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "framework_id"),
    [
        ("ccf", "competency-framework"),
        ("cf", "competency-framework"),
        ("sms1", "competency-framework-2012-sms1"),
        ("behaviours", "success-profiles-behaviours"),
        ("lia", "leadership-in-action"),
        ("LIA", "leadership-in-action"),
    ],
)
def test_a_framework_alias_is_its_framework(alias: str, framework_id: str) -> None:
    """load() takes the short aliases users type, giving the very same object."""
    assert cf.load(alias) is cf.load(framework_id)
    assert cf.framework_aliases()[alias.lower()] == framework_id


def test_aliases_name_bundled_frameworks_and_are_never_ids() -> None:
    """Every alias stands for a bundled framework, and no alias is itself an id."""
    aliases = cf.framework_aliases()
    assert set(aliases.values()) <= set(cf.frameworks())
    assert not set(aliases) & set(cf.frameworks())


@pytest.mark.parametrize(
    ("lookup", "query", "best"),
    [
        (lambda q: cf.load(q), "competency-framwork", "competency-framework"),
        (lambda q: cf.load(q), "sms 1", "sms1"),
        (lambda q: cf.load("ccf").competency(q), "Delivering Pace", "Delivering at Pace"),
        (
            lambda q: cf.load("ccf").competency(q),
            "Leading & Comunicating",
            "Leading and Communicating",
        ),
        (
            lambda q: cf.load("behaviours").competency(q),
            "Comunicating",
            "Communicating and Influencing",
        ),
        (lambda q: cf.load("ccf").cluster(q), "People Cluster", "People Cluster – Engaging People"),
        (lambda q: cf.grade(q), "Senior Executive Oficer", "Senior Executive Officer"),
        (lambda q: cf.element(q), "Strenghts", "Strengths"),
        (lambda q: cf.assessment_method(q), "Interveiw", "Interview"),
    ],
)
def test_suggestions_are_ranked_best_first_and_at_most_five(
    lookup: Callable[[str], object], query: str, best: str
) -> None:
    """A miss names at most five choices, the most like the query first."""
    with pytest.raises(cf.NotFoundError) as caught:
        lookup(query)
    assert caught.value.closest[0] == best
    assert 1 <= len(caught.value.closest) <= 5
    assert f"did you mean: {best}" in str(caught.value)
