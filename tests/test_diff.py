"""The edition diff: the 2012 SMS 1 edition against the update edition, and any two frameworks."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civilframe as cf
from civilframe.analysis.compare import (
    REPLACED_BELOW,
    ROW_STATUSES,
    FrameworkDiff,
    diff,
    similarity,
)
from civilframe.render.terminal import render_diff
from tests.strategies import Document, canonical, framework_documents, texts


@pytest.fixture(scope="module")
def editions() -> FrameworkDiff:
    """The July 2012 SMS 1 edition (A) against the update edition (B)."""
    return diff(cf.load("competency-framework-2012-sms1"), cf.load("competency-framework"))


def test_level_5_effective_figures(editions: FrameworkDiff) -> None:
    """Effective at Level 5: 41 identical, 11 changed, 1 replaced, as AUDIT.md §2.4 finds."""
    assert editions.counts("effective", level=5) == {
        "identical": 41,
        "changed": 11,
        "replaced": 1,
        "added": 0,
        "removed": 0,
    }


def test_level_5_ineffective_figures(editions: FrameworkDiff) -> None:
    """Ineffective at Level 5: 55 identical, 3 changed, 1 replaced, as AUDIT.md §2.4 finds."""
    assert editions.counts("ineffective", level=5) == {
        "identical": 55,
        "changed": 3,
        "replaced": 1,
        "added": 0,
        "removed": 0,
    }


def test_changing_and_improving_effective_is_not_comparable(editions: FrameworkDiff) -> None:
    """The update lost Changing and Improving's Level 5 effective text; that column is not compared."""
    (column,) = editions.not_comparable
    assert (column.competency_id, column.level_number, column.polarity) == (
        "changing-and-improving",
        5,
        "effective",
    )
    assert column.rows == ()
    assert column.reason is not None
    assert "B (competency-framework) lost this column" in column.reason
    assert "recovered from source '002'" in column.reason


def test_the_changed_rows_are_those_audit_lists(editions: FrameworkDiff) -> None:
    """The changed rows are exactly the rows AUDIT.md §2.4 calls changed."""
    changed = {row.a.id for row in editions.rows(status="changed") if row.a}
    assert changed == {
        "seeing-the-big-picture.l5.e2",
        "making-effective-decisions.l5.e5",
        "making-effective-decisions.l5.e6",
        "leading-and-communicating.l5.e1",
        "leading-and-communicating.l5.e2",
        "leading-and-communicating.l5.e4",
        "leading-and-communicating.l5.e5",
        "collaborating-and-partnering.l5.e2",
        "building-capability-for-all.l5.e4",
        "managing-a-quality-service.l5.e2",
        "delivering-at-pace.l5.e4",
        "making-effective-decisions.l5.i6",
        "leading-and-communicating.l5.i1",
        "leading-and-communicating.l5.i4",
    }


def test_making_effective_decisions_e2_is_replaced(editions: FrameworkDiff) -> None:
    """MED E2 was rewritten beyond recognition: "Weigh up competing views…" became a new row."""
    (row,) = editions.rows("effective", status="replaced")
    assert row.a is not None
    assert row.b is not None
    assert row.a.id == row.b.id == "making-effective-decisions.l5.e2"
    assert row.a.text.startswith("Weigh up competing views to generate ways forward")
    assert row.b.text.startswith("Create a culture and ensure systems and procedures")
    assert row.similarity < REPLACED_BELOW


def test_managing_a_quality_service_i2_is_replaced(editions: FrameworkDiff) -> None:
    """MQS I2 was rewritten beyond recognition: "Spend limited time…" became a new row."""
    (row,) = editions.rows("ineffective", status="replaced")
    assert row.a is not None
    assert row.b is not None
    assert row.a.id == "managing-a-quality-service.l5.i2"
    assert row.a.text.startswith("Spend limited time on seeking out")
    assert row.b.text == (
        "Fail to engage specifically with data security, system resilience and implementation needs"
    )


def test_seeing_the_big_picture_e2_gains_words(editions: FrameworkDiff) -> None:
    """SBP E2 changed: the update appends words and removes none."""
    level = editions.competency("Seeing the Big Picture").level(5)
    (row,) = [r for r in level.effective.rows if r.a and r.a.id == "seeing-the-big-picture.l5.e2"]
    assert row.status == "changed"
    assert row.added_words == (
        "and priorities for the national interest, public and economic good",
    )
    assert row.removed_words == ()


def test_a_reworded_row_shows_both_sides_words(editions: FrameworkDiff) -> None:
    """MED I6 changed: "cost" gave way to "legal, financial, security"."""
    level = editions.competency("making-effective-decisions").level(5)
    (row,) = [row for row in level.ineffective.rows if row.status == "changed"]
    assert row.removed_words == ("cost",)
    assert row.added_words == ("legal, financial, security",)


def test_every_description_changed_between_editions(editions: FrameworkDiff) -> None:
    """The 2012 descriptions differ from the update's; only the update has overview summaries."""
    for competency in editions.competencies:
        fields = {text.field: text.status for text in competency.texts}
        assert fields == {"summary": "added", "description": "changed"}, competency.name


def test_levels_only_in_one_edition(editions: FrameworkDiff) -> None:
    """Only Level 5 is compared; the update's other levels are reported as only in B."""
    assert editions.common_levels == (5,)
    competency = editions.competency("delivering at pace")
    assert competency.levels_only_in_a == ()
    assert competency.levels_only_in_b == (1, 2, 3, 4, 6)


def test_render_shows_figures_and_word_differences(editions: FrameworkDiff) -> None:
    """The text report holds the count table, the not-comparable column and the marked words."""
    report = render_diff(editions)
    table = [line.split() for line in report.splitlines()]
    assert "Levels compared: Level 5 only (A covers Level 5 only, B covers Levels 1–6)" in report
    assert ["identical", "changed", "replaced", "added", "removed"] in table
    assert ["effective", "41", "11", "1", "0", "0"] in table
    assert ["ineffective", "55", "3", "1", "0", "0"] in table
    assert "Changing and Improving, Level 5, effective: B (competency-framework) lost" in report
    assert "{+and priorities for the national interest, public and economic good+}" in report
    assert "[-cost-] {+legal, financial, security+}" in report


def test_diff_takes_frameworks_or_bundled_ids() -> None:
    """diff() takes a Framework or a bundled id on either side, and refuses anything else."""
    ccf = cf.load("competency-framework")
    by_id = diff("competency-framework-2012-sms1", "competency-framework")
    by_object = diff(cf.load("competency-framework-2012-sms1"), ccf)
    assert by_id == by_object
    with pytest.raises(TypeError, match="a Framework or a bundled framework's id"):
        diff(ccf, 3)  # type: ignore[arg-type]
    with pytest.raises(cf.NotFoundError):
        diff(ccf, "no-such-framework")


# A user's own frameworks, built small.


def _framework(
    effective: list[str],
    ineffective: list[str] | None = None,
    *,
    id: str = "mine",
    competency: str = "thinking",
    name: str = "Thinking",
    levels: tuple[int, ...] = (1,),
    gaps: list[dict[str, str]] | None = None,
) -> cf.Framework:
    def level(number: int) -> dict[str, Any]:
        found: dict[str, Any] = {
            "number": number,
            "effective": [
                {"id": f"{competency}.l{number}.e{n}", "text": text}
                for n, text in enumerate(effective, 1)
            ],
            "ineffective": [
                {"id": f"{competency}.l{number}.i{n}", "text": text}
                for n, text in enumerate(ineffective or [], 1)
            ],
        }
        if gaps:
            found["gaps"] = gaps
        return found

    document = {
        "id": id,
        "title": f"Framework {id}",
        "sources": [{"id": "s1", "title": "Source one"}],
        "cumulative": False,
        "level_definitions": [{"number": n, "label": f"L{n}", "grades": []} for n in levels],
        "competencies": [{"id": competency, "name": name, "levels": [level(n) for n in levels]}],
    }
    return cf.loads(json.dumps(document))


def test_identical_rows_match_wherever_they_stand() -> None:
    """Rows moved within a column are identical, not changed."""
    a = _framework(["Plan the work", "Check the work", "Share the work"])
    b = _framework(["Share the work", "Plan the work", "Check the work"])
    assert diff(a, b).counts() == dict.fromkeys(ROW_STATUSES, 0) | {"identical": 3}


def test_an_inserted_row_is_added_and_the_rest_stay_identical() -> None:
    """A row inserted in the middle is added; the others are matched, not shifted."""
    a = _framework(["Plan the work", "Check the work"])
    b = _framework(["Plan the work", "Celebrate success loudly", "Check the work"])
    d = diff(a, b)
    assert d.counts() == {"identical": 2, "changed": 0, "replaced": 0, "added": 1, "removed": 0}
    (added,) = d.rows(status="added")
    assert added.b is not None
    assert added.b.text == "Celebrate success loudly"


def test_left_over_rows_pair_with_the_most_similar() -> None:
    """With an extra row on one side, the reworded row pairs with its like, not with the first."""
    a = _framework(["Check the work of the whole team carefully"])
    b = _framework(["Celebrate success loudly", "Check the work of the team carefully"])
    d = diff(a, b)
    (changed,) = d.rows(status="changed")
    assert changed.b is not None
    assert changed.b.text.startswith("Check")
    assert d.counts()["added"] == 1


def test_a_lost_column_is_not_comparable() -> None:
    """A gap without recovered text makes its column not comparable, saying why."""
    lost = [{"polarity": "ineffective", "note": "The scan lost this column."}]
    a = _framework(["Plan the work"], ["Ignore the plan"])
    b = _framework(["Plan the work"], gaps=lost)
    d = diff(a, b)
    (column,) = d.not_comparable
    assert column.polarity == "ineffective"
    assert column.reason == "B (mine) lost this column: The scan lost this column."
    assert d.counts("effective")["identical"] == 1
    assert d.counts("ineffective") == dict.fromkeys(ROW_STATUSES, 0)


def test_competencies_match_by_name_when_ids_differ() -> None:
    """A competency whose id changed is still matched, by its name."""
    a = _framework(["Plan the work"], competency="thinking", name="Thinking")
    b = _framework(["Plan the work"], competency="thought", name="thinking")
    (competency,) = diff(a, b).competencies
    assert competency.matched_by == "name"
    assert [text.field for text in competency.texts] == ["name"]


def test_competencies_only_in_one_are_listed() -> None:
    """Competencies neither id nor name can match are reported as only in A or only in B."""
    a = _framework(["Plan the work"], competency="thinking", name="Thinking")
    b = _framework(["Plan the work"], competency="doing", name="Doing")
    d = diff(a, b)
    assert [c.id for c in d.only_in_a] == ["thinking"]
    assert [c.id for c in d.only_in_b] == ["doing"]
    assert "Only in A:\n  Thinking [thinking]" in render_diff(d)


def test_no_common_levels_is_said() -> None:
    """Frameworks with no level in common are reported as such."""
    a = _framework(["Plan the work"], levels=(1, 2))
    b = _framework(["Plan the work"], levels=(3,))
    report = render_diff(diff(a, b))
    assert "No levels in common (A covers Levels 1–2, B covers Level 3 only)" in report
    assert diff(a, b).rows() == ()


# Properties over generated frameworks.


def _load(document: Document) -> cf.Framework:
    return cf.loads(canonical(document))


@st.composite
def edited(draw: st.DrawFn, document: Document) -> Document:
    """A copy of ``document`` with rows reworded, rewritten, dropped or added: a new edition."""
    new = copy.deepcopy(document)
    for competency in new["competencies"]:
        if draw(st.booleans()):
            competency["description"] = draw(texts)
        for level in competency["levels"]:
            for polarity in ("effective", "ineffective"):
                rows = level[polarity]
                for row in rows:
                    edit = draw(st.sampled_from(["keep", "keep", "reword", "rewrite"]))
                    if edit == "reword":
                        row["text"] = f"{row['text']} {draw(texts)}"
                    elif edit == "rewrite":
                        row["text"] = draw(texts)
                if rows and draw(st.booleans()):
                    del rows[draw(st.integers(0, len(rows) - 1))]
                if draw(st.booleans()):
                    prefix = f"{competency['id']}.l{level['number']}.{polarity[0]}"
                    rows.append({"id": f"{prefix}9", "text": draw(texts)})
    return new


@st.composite
def editions_pairs(draw: st.DrawFn) -> tuple[cf.Framework, cf.Framework]:
    """Two frameworks, the second an edited edition of the first."""
    document = draw(framework_documents(min_competencies=1))
    return _load(document), _load(draw(edited(document)))


@given(framework_documents())
def test_a_framework_against_itself_is_all_identical(document: Document) -> None:
    """diff(a, a) finds every comparable row identical and nothing else."""
    framework = _load(document)
    d = diff(framework, framework)
    assert d.unchanged
    assert all(row.status == "identical" for row in d.rows())
    assert not d.only_in_a
    assert not d.only_in_b


@given(editions_pairs())
def test_swapping_a_and_b_swaps_added_and_removed(pair: tuple[cf.Framework, cf.Framework]) -> None:
    """diff(b, a) counts as diff(a, b) does, with added and removed exchanged."""
    a, b = pair
    forward, backward = diff(a, b), diff(b, a)
    for polarity in ("effective", "ineffective", None):
        there, back = forward.counts(polarity), backward.counts(polarity)
        assert (there["added"], there["removed"]) == (back["removed"], back["added"])
        for status in ("identical", "changed", "replaced"):
            assert there[status] == back[status]
    assert forward.only_in_a == backward.only_in_b
    assert forward.only_in_b == backward.only_in_a


@given(editions_pairs())
def test_every_row_is_accounted_for(pair: tuple[cf.Framework, cf.Framework]) -> None:
    """Each row of a compared column is in exactly one result, on its own side."""
    a, b = pair
    d = diff(a, b)
    for column in d.columns():
        if not column.comparable:
            continue
        (competency,) = [c for c in d.competencies if c.a.id == column.competency_id]
        level_a = competency.a.level(column.level_number)
        level_b = competency.b.level(column.level_number)
        seen_a = [row.a for row in column.rows if row.a is not None]
        seen_b = [row.b for row in column.rows if row.b is not None]
        assert sorted(i.id for i in seen_a) == sorted(
            i.id for i in getattr(level_a, column.polarity)
        )
        assert sorted(i.id for i in seen_b) == sorted(
            i.id for i in getattr(level_b, column.polarity)
        )


@given(texts, texts)
def test_word_changes_rebuild_both_texts(first: str, second: str) -> None:
    """A row's word difference gives back A's text (kept and removed) and B's (kept and added)."""
    a = _framework([first])
    b = _framework([second])
    (row,) = diff(a, b).rows()
    if row.status == "identical":
        assert first == second
        return
    old = " ".join(c.words for c in row.words if c.op != "added")
    new = " ".join(c.words for c in row.words if c.op != "removed")
    assert (old, new) == (first, second)


@given(texts, texts)
def test_similarity_is_symmetric(first: str, second: str) -> None:
    """The word similarity does not depend on the order of the two texts."""
    assert similarity(first, second) == similarity(second, first)
    assert 0.0 <= similarity(first, second) <= 1.0


def test_lookups_in_a_diff_raise_not_found() -> None:
    """Looking up what the diff does not hold raises NotFoundError naming the closest."""
    result = cf.diff(cf.load("competency-framework-2012-sms1"), cf.load("competency-framework"))
    with pytest.raises(cf.NotFoundError, match="did you mean: Seeing the Big Picture"):
        result.competency("Seeing the Bigger Picture")
    with pytest.raises(cf.NotFoundError, match="Level 3 is not held by both"):
        result.competency("Seeing the Big Picture").level(3)
