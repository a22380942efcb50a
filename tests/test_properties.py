"""Properties of the model and the loader, over generated frameworks."""

from __future__ import annotations

import copy
import datetime
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import civilframe as cf
from civilframe._format.scalars import (
    all_ids,
    all_texts,
    date_problem,
    id_problem,
    text_problem,
    url_problem,
)

from .strategies import canonical, framework_documents, json_values


@given(framework_documents())
def test_round_trip_is_identity(document: dict[str, Any]) -> None:
    """Structure → unstructure → structure gives an equal framework."""
    framework = cf.loads(canonical(document))
    assert cf.loads(cf.dumps(framework)) == framework


@given(framework_documents())
def test_written_json_is_stable_byte_for_byte(document: dict[str, Any]) -> None:
    """A canonical document is written back exactly as it was read."""
    text = canonical(document)
    assert cf.dumps(cf.loads(text)) == text


@given(framework_documents(cumulative=True, min_competencies=1, first_level=1), st.data())
def test_cumulative_contains_the_levels_below(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """In a cumulative framework, cumulative(n) is cumulative(n-1) followed by Level n."""
    competency = data.draw(st.sampled_from(cf.loads(canonical(document)).competencies))
    number = data.draw(st.sampled_from(competency.level_numbers))
    expected = competency.cumulative(number)
    if number > 1:
        below = competency.cumulative(number - 1)
        assert expected[: len(below)] == below
    level = competency.level(number).indicators
    assert expected[len(expected) - len(level) :] == level
    assert len(expected) == sum(len(competency.level(n)) for n in range(1, number + 1))
    assert [i.level_number for i in expected] == sorted(i.level_number for i in expected)


@given(framework_documents(cumulative=False, min_competencies=1), st.data())
def test_level_specific_cumulative_is_the_level_alone(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """In a level-specific framework, cumulative(n) is Level n's indicators alone."""
    competency = data.draw(st.sampled_from(cf.loads(canonical(document)).competencies))
    number = data.draw(st.sampled_from(competency.level_numbers))
    assert competency.cumulative(number) == competency.level(number).indicators


@given(framework_documents(cumulative=True, min_competencies=1, first_level=2), st.data())
def test_cumulative_without_the_lower_levels_is_an_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """A cumulative framework that lacks Levels below n cannot say what Level n expects."""
    competency = data.draw(st.sampled_from(cf.loads(canonical(document)).competencies))
    number = data.draw(st.sampled_from(competency.level_numbers))
    with pytest.raises(cf.NotFoundError, match=f"Level {number} of .* builds on Level"):
        competency.cumulative(number)


def _levels_of(document: dict[str, Any], data: st.DataObject) -> tuple[int, list[Any]]:
    index = data.draw(st.integers(0, len(document["competencies"]) - 1))
    levels = document["competencies"][index]["levels"]
    assume(levels)
    return index, levels


@given(framework_documents(min_competencies=1), st.data())
def test_removing_a_level_fails_naming_it(document: dict[str, Any], data: st.DataObject) -> None:
    """A competency missing a level is an error naming the competency and the level."""
    document = copy.deepcopy(document)
    index, levels = _levels_of(document, data)
    removed = levels.pop(data.draw(st.integers(0, len(levels) - 1)))
    competency_id = document["competencies"][index]["id"]
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(canonical(document))
    assert f"competency {competency_id!r} Level {removed['number']}: Level" in str(caught.value)


@given(framework_documents(min_competencies=1), st.data())
def test_duplicating_a_level_fails_naming_it(document: dict[str, Any], data: st.DataObject) -> None:
    """A level listed twice is an error naming the competency and the level."""
    document = copy.deepcopy(document)
    index, levels = _levels_of(document, data)
    duplicate = copy.deepcopy(data.draw(st.sampled_from(levels)))
    levels.insert(data.draw(st.integers(0, len(levels))), duplicate)
    competency_id = document["competencies"][index]["id"]
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(canonical(document))
    assert f"competency {competency_id!r} Level {duplicate['number']}" in str(caught.value)


@given(framework_documents(min_competencies=1, min_levels=2), st.data())
def test_reordering_levels_fails_naming_them(document: dict[str, Any], data: st.DataObject) -> None:
    """Levels out of ascending order are an error naming the competency and a level."""
    document = copy.deepcopy(document)
    index, levels = _levels_of(document, data)
    shuffled = data.draw(st.permutations(levels))
    assume(shuffled != levels)
    document["competencies"][index]["levels"] = shuffled
    competency_id = document["competencies"][index]["id"]
    with pytest.raises(cf.InvalidDocumentError, match="out of order") as caught:
        cf.loads(canonical(document))
    assert f"competency {competency_id!r} Level " in str(caught.value)


@given(framework_documents(min_competencies=1), st.data())
def test_duplicating_an_indicator_id_fails_naming_its_place(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """An indicator id used twice is an error naming the competency and level of the later use."""
    document = copy.deepcopy(document)
    places = [
        (competency["id"], level["number"], indicator)
        for competency in document["competencies"]
        for level in competency["levels"]
        for polarity in ("effective", "ineffective")
        for indicator in level[polarity]
    ]
    assume(len(places) > 1)
    first = data.draw(st.integers(0, len(places) - 2))
    later = data.draw(st.integers(first + 1, len(places) - 1))
    original = places[first][2]
    competency_id, number, duplicate = places[later]
    duplicate["id"] = original["id"]
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(canonical(document))
    expected = f"duplicate id {original['id']!r} in competency {competency_id!r} Level {number}"
    assert expected in str(caught.value)


def _outcome(text: str) -> cf.Framework | cf.InvalidDocumentError:
    """The framework, or the library's error; any other exception fails the test."""
    try:
        return cf.loads(text)
    except cf.InvalidDocumentError as error:
        return error


@given(json_values)
def test_any_json_value_loads_or_raises_the_library_error(value: object) -> None:
    """Any JSON value at all either loads or raises InvalidDocumentError, never anything else."""
    outcome = _outcome(json.dumps(value))
    assert isinstance(outcome, cf.Framework) or outcome.problems


@given(framework_documents(), st.data())
def test_a_document_with_any_value_replaced_loads_or_raises(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """Replacing any value in a valid document gives a framework or the library error."""
    document = copy.deepcopy(document)
    node: Any = document
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if isinstance(node[key], (dict, list)) and data.draw(st.booleans()):
            node = node[key]
            continue
        node[key] = data.draw(json_values)
        break
    outcome = _outcome(canonical(document))
    if isinstance(outcome, cf.InvalidDocumentError):
        assert outcome.problems
        assert all(" @ $" in problem for problem in outcome.problems)


@given(framework_documents(min_competencies=1))
def test_lookups_find_every_item_by_its_own_id_and_name(document: dict[str, Any]) -> None:
    """The lookup tables hold every competency and indicator, the very objects iterated."""
    framework = cf.loads(canonical(document))
    ids = {competency.id for competency in framework.competencies}
    for competency in framework.competencies:
        assert framework.competency(competency.id) is competency
        # upper case folds back for most names ("ı" upper-cases to "I", which folds to "i")
        shouted = competency.name.upper()
        if shouted.casefold() == competency.name.casefold() and shouted not in ids:
            assert framework.competency(f"  {shouted} ") is competency
        for indicator in competency.indicators:
            assert framework.indicator(indicator.id) is indicator


@given(framework_documents(min_competencies=2))
def test_an_evolved_framework_looks_up_its_own_competencies(document: dict[str, Any]) -> None:
    """A framework copied with other competencies does not answer from the original's tables."""
    framework = cf.loads(canonical(document))
    first = framework.competencies[0]
    framework.competency(first.id)  # builds the original's tables
    shorter = attrs.evolve(framework, competencies=framework.competencies[1:])
    for competency in shorter.competencies:
        assert shorter.competency(competency.id) is competency
    try:  # another competency may be named as the first one's id
        found: cf.Competency | None = shorter.competency(first.id)
    except cf.NotFoundError:
        found = None
    assert found is not first


# The loader checks a whole column's ids and texts at once, and row by row only when that fails:
# the checks at once must never pass what a row's own check refuses.

_TEXT_LETTERS = st.sampled_from(
    ["a", "B", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x7f", "é", "|", ","]
)
_ID_LETTERS = st.sampled_from(["a", "z", "0", "9", "-", ".", ",", "A", " ", "é"])


@given(st.lists(st.lists(_TEXT_LETTERS, max_size=6).map("".join), min_size=1, max_size=5))
def test_texts_checked_at_once_agree_with_each_text_checked(values: list[str]) -> None:
    """all_texts passes only sound texts, and passes every list of sound printable texts."""
    sound = all(text_problem(value) is None for value in values)
    if all_texts(values):
        assert sound
    if sound and all(value.isprintable() for value in values):
        assert all_texts(values)


@given(st.lists(st.lists(_ID_LETTERS, max_size=6).map("".join), min_size=1, max_size=5))
def test_ids_checked_at_once_agree_with_each_id_checked(values: list[str]) -> None:
    """all_ids is true exactly when every id is well formed."""
    assert all_ids(values) == all(id_problem(value) is None for value in values)


# --- hardening: classes of hostile input ---------------------------------------------------------


def _texts(document: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Every (object, key) of ``document`` whose value is an indicator's text."""
    return [
        (indicator, "text")
        for competency in document["competencies"]
        for level in competency["levels"]
        for polarity in ("effective", "ineffective")
        for indicator in level[polarity]
    ]


@given(framework_documents(), st.data())
def test_any_text_with_a_lone_surrogate_is_refused(document: dict[str, Any], data: Any) -> None:
    """Wherever a lone surrogate sits in an indicator's text, loading refuses it there."""
    places = _texts(document)
    assume(places)
    holder, key = data.draw(st.sampled_from(places))
    surrogate = data.draw(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
    holder[key] = holder[key][:1] + surrogate + holder[key][1:]
    with pytest.raises(cf.InvalidDocumentError, match="lone surrogate"):
        cf.loads(json.dumps(document))


@given(framework_documents(), st.data())
def test_any_repeated_key_is_refused(document: dict[str, Any], data: Any) -> None:
    """A key repeated in any object of a valid document is refused, naming that key."""
    text = canonical(document)
    keys = sorted(set(json.loads(text)) | {"id", "text", "number"})
    key = data.draw(st.sampled_from([k for k in keys if f'"{k}": ' in text]))
    doubled = text.replace(f'"{key}": ', f'"{key}": null, "{key}": ', 1)
    with pytest.raises(cf.InvalidDocumentError, match=f"duplicate key '{key}'"):
        cf.loads(doubled)


_FORMULA_TEXT = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from(["=", "+", "-", "@", "'", "", "''"]),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S")),
        min_size=1,
        max_size=20,
    ),
)


@given(st.lists(_FORMULA_TEXT, min_size=1, max_size=5))
def test_excel_csv_reads_back_any_text(texts: list[str]) -> None:
    """Whatever the texts start with, the Excel CSV reads back to exactly those texts."""
    from civilframe.export import read_csv, to_excel_csv

    document = json.loads(cf.dumps("competency-framework-2012-sms1"))
    column = document["competencies"][0]["levels"][0]["effective"]
    for row, text in zip(column, texts, strict=False):
        row["text"] = text
    framework = cf.loads(json.dumps(document))
    excel = to_excel_csv(framework)
    rows = read_csv(excel)
    assert [row.text for row in rows] == [i.text for i in framework.indicators]
    import csv
    import io

    written = [r["text"] for r in csv.DictReader(io.StringIO(excel.removeprefix("\ufeff")))]
    assert not any(text.startswith(("=", "+", "-", "@")) for text in written)


@given(st.text())
def test_the_terminal_never_receives_a_control_character(text: str) -> None:
    """What the check command prints carries no control character but TAB and newline."""
    from civilframe.cli import _shown

    shown = _shown(text)
    assert not any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in shown)


@given(st.dates(), st.sampled_from([4, 7, 10]))
def test_a_date_is_any_calendar_date_to_any_precision(day: datetime.date, width: int) -> None:
    """A year, a year-month or a full date is a date; its text is kept as it is."""
    assert date_problem(day.isoformat()[:width]) is None


@given(st.integers(1000, 9999), st.integers(13, 99) | st.just(0), st.integers(1, 28))
def test_a_date_with_no_such_month_is_refused(year: int, month: int, day: int) -> None:
    """Month 0 or 13 upwards is no date, with or without a day."""
    assert date_problem(f"{year}-{month:02d}") is not None
    assert date_problem(f"{year}-{month:02d}-{day:02d}") is not None


@given(st.text(max_size=12))
def test_a_date_is_nothing_but_iso_8601(text: str) -> None:
    """Any text that is not ISO 8601 digits is refused, with a message naming it."""
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text):
        assert repr(text) in (date_problem(text) or "")


@given(st.from_regex(r"https?://[a-z0-9]+(\.[a-z0-9]+)*(/[a-z0-9._~-]*)*", fullmatch=True))
def test_an_absolute_web_address_is_a_url(url: str) -> None:
    """Any absolute http(s) address is a URL; the same with a space in it, or no scheme, is not."""
    assert url_problem(url) is None
    assert url_problem(url + " x") is not None
    assert url_problem(url.split("://", 1)[1]) is not None


@given(st.integers(1000, 9999), st.integers(0, 13), st.integers(0, 32))
def test_a_full_date_is_a_date_exactly_when_the_calendar_has_it(
    year: int, month: int, day: int
) -> None:
    """The date rule agrees with the standard library's calendar, leap years and all."""
    text = f"{year}-{month:02d}-{day:02d}"
    try:
        datetime.date(year, month, day)
    except ValueError:
        assert date_problem(text) is not None
    else:
        assert date_problem(text) is None
