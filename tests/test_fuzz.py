"""Fuzzing the loader: broken copies of the bundled documents give a framework or the error.

Each example takes one bundled framework as civilframe writes it and breaks it: values deleted,
duplicated or given another type, keys and lists reordered, huge strings, control characters,
deep nesting, truncated or corrupted bytes. Whatever comes out must be a complete, valid
:class:`~civilframe.Framework` or :class:`~civilframe.InvalidDocumentError`; any other
exception, or a slow or half-built result, fails the test. Examples are bounded in number by the
hypothesis profile and in size below, so that the file runs in CI in well under a minute.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import civilframe as cf
from civilframe._format.converter import _Builder
from civilframe._format.scalars import text_problem
from civilframe.loading import data_file

from .strategies import json_values

Path = tuple[str | int, ...]
Mutation = Callable[[st.DataObject, Any], Any]

#: The largest string or list an example adds, so that every example stays quick.
HUGE = 2**20
#: Nesting an example adds: shallow enough for the parser (then the type check refuses it),
#: or a million deep, past what the parser takes on any Python.
DEEP = 2_000
PAST_THE_PARSER = 1_000_000
#: Long enough to fail on a hang or on quadratic work, never on an ordinary slow machine.
DEADLINE = timedelta(seconds=10)

#: Characters a framework's text may not hold, and some it may that look as if it might not.
AWKWARD = [
    *("\x00", "\t", "\n", "\r", "\x0b", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\u2029"),
    *(" ", "\u00a0", "\u200b", "\u3000", "\ufeff", "\ud800", "\U0001f600"),
]
#: Bytes that break JSON or UTF-8 wherever they land.
BAD_BYTES = [b"\x00", b"\x1f", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\n", b'"']
#: Keys whose strings are ids or names of a column, not framework text.
NOT_TEXT = {"id", "source", "recovered_from", "cluster", "polarity"}
#: Keys the format uses, for values copied to a sibling key.
KEYS = ["id", "text", "name", "number", "levels", "effective", "source", "note", "extra"]


@functools.cache
def bundled_texts() -> dict[str, str]:
    """Every bundled framework's file, as shipped.

    Read from the files, not written by civilframe, so that a loader bug that drops data cannot
    drop it from the tests' inputs too.
    """
    return {id: data_file(f"frameworks/{id}.json").read_text("utf-8") for id in cf.frameworks()}


def assert_framework_or_error(data: str | bytes) -> None:
    """Loading ``data`` gives the error, or a complete framework of valid text that round-trips."""
    refused: tuple[str, ...] | None = None
    try:
        framework = cf.loads(data)
    except cf.InvalidDocumentError as error:
        refused = error.problems
    if refused is not None:
        event("refused")
        assert refused, "the error lists no problem"
        assert all(" @ $" in problem for problem in refused), refused
        return
    event("loaded")
    assert isinstance(framework, cf.Framework)
    for competency in framework.competencies:
        assert competency.levels_cumulative == framework.levels_cumulative
        for level in competency.levels:
            assert level.competency_id == competency.id
            assert level.label == framework.level_definition(level.number).label
            for indicator in level:
                assert (indicator.competency_id, indicator.level_number) == (
                    competency.id,
                    level.number,
                )
                assert indicator.source
    text = cf.dumps(framework)
    document = json.loads(text)
    for path in paths(document):
        value = get(document, path)
        key = next((step for step in reversed(path) if isinstance(step, str)), "")
        if isinstance(value, str) and key not in NOT_TEXT:
            assert text_problem(value) is None, (path, value)
    assert cf.loads(text) == framework


def paths(value: Any, prefix: Path = ()) -> Iterator[Path]:
    """The path of ``value`` and of every value inside it, parents first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def get(document: Any, path: Path) -> Any:
    """The value at ``path``."""
    for step in path:
        document = document[step]
    return document


def put(document: Any, path: Path, value: Any) -> Any:
    """The document with the value at ``path`` replaced by ``value`` (the new root if empty)."""
    if not path:
        return value
    get(document, path[:-1])[path[-1]] = value
    return document


def draw_path(data: st.DataObject, document: Any, keep: Callable[[Path, Any], bool]) -> Path:
    """A path in the document whose value ``keep`` accepts (the root if none does)."""
    found = [path for path in paths(document) if keep(path, get(document, path))]
    return data.draw(st.sampled_from(found)) if found else ()


def delete(data: st.DataObject, document: Any) -> Any:
    """Delete a key or a list item."""
    path = draw_path(data, document, lambda path, _: bool(path))
    if path:
        del get(document, path[:-1])[path[-1]]
    return document


def duplicate(data: st.DataObject, document: Any) -> Any:
    """Copy a list item beside itself, or a value to another key of its object."""
    path = draw_path(data, document, lambda path, _: bool(path))
    if not path:
        return document
    parent, value = get(document, path[:-1]), copy.deepcopy(get(document, path))
    if isinstance(parent, list):
        parent.insert(data.draw(st.integers(0, len(parent))), value)
    else:
        parent[data.draw(st.sampled_from([*parent, *KEYS]))] = value
    return document


def retype(data: st.DataObject, document: Any) -> Any:
    """Replace a value with a JSON value of any type."""
    path = draw_path(data, document, lambda *_: True)
    return put(document, path, data.draw(json_values))


def reorder_keys(data: st.DataObject, document: Any) -> Any:
    """Shuffle the keys of an object."""
    path = draw_path(data, document, lambda _, value: isinstance(value, dict))
    target = get(document, path)
    if isinstance(target, dict):
        order = data.draw(st.permutations(list(target)))
        return put(document, path, {key: target[key] for key in order})
    return document


def reorder_items(data: st.DataObject, document: Any) -> Any:
    """Shuffle a list: levels, competencies, indicators, sources."""
    path = draw_path(data, document, lambda _, value: isinstance(value, list) and len(value) > 1)
    target = get(document, path)
    if isinstance(target, list):
        return put(document, path, data.draw(st.permutations(target)))
    return document


def huge_value(data: st.DataObject, document: Any) -> Any:
    """Replace a value with a huge string (valid text or not) or a huge list."""
    path = draw_path(data, document, lambda *_: True)
    size = data.draw(st.integers(1, HUGE))
    kind = data.draw(st.sampled_from(["words", "letters", "spaces", "list"]))
    value: Any = {
        "words": ("word " * (size // 5 + 1)).strip(),
        "letters": "x" * size,
        "spaces": " " * size,
        "list": ["x"] * (size // 8),
    }[kind]
    return put(document, path, value)


def control_character(data: st.DataObject, document: Any) -> Any:
    """Put a control character or awkward space into a string."""
    path = draw_path(data, document, lambda _, value: isinstance(value, str))
    text = get(document, path)
    if not isinstance(text, str):
        return document
    at = data.draw(st.integers(0, len(text)))
    character = data.draw(st.sampled_from(AWKWARD))
    return put(document, path, text[:at] + character + text[at:])


MUTATIONS: list[Mutation] = [
    delete,
    duplicate,
    retype,
    reorder_keys,
    reorder_items,
    huge_value,
    control_character,
]


@settings(deadline=DEADLINE)
@given(st.data())
def test_mutated_documents_load_or_raise_the_error(data: st.DataObject) -> None:
    """Deleted, duplicated, retyped, reordered or huge values give a framework or the error."""
    text = bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))]
    document = json.loads(text)
    for _ in range(data.draw(st.integers(1, 3))):
        mutation = data.draw(st.sampled_from(MUTATIONS))
        event(mutation.__name__)
        document = mutation(data, document)
    ascii_only = data.draw(st.booleans())
    assert_framework_or_error(json.dumps(document, ensure_ascii=ascii_only))


@settings(deadline=DEADLINE)
@given(st.data())
def test_awkward_characters_load_or_raise_the_error(data: st.DataObject) -> None:
    """A control character or an unusual space in any string gives the error or a valid framework."""
    document = json.loads(bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))])
    document = control_character(data, document)
    assert_framework_or_error(json.dumps(document, ensure_ascii=data.draw(st.booleans())))


@settings(deadline=DEADLINE)
@given(st.data())
def test_truncated_bytes_load_or_raise_the_error(data: st.DataObject) -> None:
    """A document cut short at any byte gives the error (or, cut in the final newline, loads)."""
    raw = bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))].encode()
    assert_framework_or_error(raw[: data.draw(st.integers(0, len(raw) - 1))])


@settings(deadline=DEADLINE)
@given(st.data())
def test_corrupted_bytes_load_or_raise_the_error(data: st.DataObject) -> None:
    """Stray bytes (control characters, broken UTF-8, quotes) anywhere give the error or load."""
    raw = bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))].encode()
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + data.draw(st.sampled_from(BAD_BYTES)) + raw[at:]
    assert_framework_or_error(raw)


@settings(deadline=DEADLINE)
@given(st.data())
def test_deeply_nested_values_raise_the_error(data: st.DataObject) -> None:
    """A value nested thousands of lists or objects deep gives the error, never RecursionError."""
    text = bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))]
    document = json.loads(text)
    marker = "\x00deep\x00"
    path = draw_path(data, document, lambda *_: True)
    document = put(document, path, marker)
    depth = data.draw(st.integers(1, DEEP) | st.just(PAST_THE_PARSER))
    opening, closing = data.draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    nested = opening * depth + "1" + closing * depth
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(json.dumps(document).replace(json.dumps(marker), nested, 1))
    if depth == PAST_THE_PARSER:
        assert caught.value.problems == ("malformed JSON: nested too deeply @ $",)


def _outcome(text: str) -> cf.Framework | tuple[str, ...]:
    try:
        return cf.loads(text)
    except cf.InvalidDocumentError as error:
        return error.problems


@settings(deadline=DEADLINE)
@given(st.data())
def test_a_competency_built_at_once_is_the_one_built_row_by_row(data: st.DataObject) -> None:
    """The loader builds a sound competency's indicators all at once, any other row by row.

    Both ways give the same framework, or the same problems, for any mutated document.
    """
    document = json.loads(bundled_texts()[data.draw(st.sampled_from(sorted(bundled_texts())))])
    for _ in range(data.draw(st.integers(0, 2))):
        document = data.draw(st.sampled_from(MUTATIONS))(data, document)
    text = json.dumps(document, ensure_ascii=False)
    at_once = _outcome(text)
    with mock.patch.object(_Builder, "_sound_levels", return_value=None):
        row_by_row = _outcome(text)
    assert at_once == row_by_row
