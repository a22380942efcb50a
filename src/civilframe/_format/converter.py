"""The one cattrs converter: JSON values to civilframe objects and back.

Structuring is strict: unknown keys, ``null`` for an optional key, ``5`` for a string, a string
for a list and every other type slip are problems, reported all at once with their JSON paths
(``"expected a string, got a number @ $.competencies[3].levels[1].effective[0].text"``).

Every class is structured by the hook cattrs generates for it from its fields, except one: a
framework. Its objects are bound to their context (an indicator knows its column, level,
competency and source) and its indicators are the bulk of every document, so its hook,
:func:`_structure_framework`, checks and builds the whole tree in one pass, each object complete
when it is made, and checks the document's rules (:mod:`civilframe._format.rules`) on the way.
It reads each object of the tree by its class's plan (:func:`_plan`: the converter's hook for
each scalar field), so that no hook is generated for a class of the tree, and it reads the
document as parsed by :func:`~civilframe._format.documents.parse_json_pairs`, each object as
its pairs. It reports type problems first, all of them; rule problems only for a document
without any; and only the keys an object repeats, where one does.

Unstructuring leaves out the bound fields, writes an object held by reference (a competency's
cluster, an indicator's source) as its id, and leaves out an indicator's source when it is the
framework's own.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat
from operator import itemgetter
from typing import Any, Literal, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..model import (
    Cluster,
    Competency,
    Framework,
    Gap,
    Indicator,
    Level,
    LevelDefinition,
    Source,
)
from ..text import fold
from . import rules
from .documents import repeated_keys
from .problems import LIMIT, Problems, invalid, key_step
from .scalars import (
    Date,
    Id,
    Number,
    Text,
    Url,
    all_ids,
    all_texts,
    date_problem,
    id_problem,
    text_problem,
    type_name,
    url_problem,
)

__all__ = [
    "Invalid",
    "check_fields",
    "converter",
    "framework_keys",
    "json_key",
    "problems_of",
    "structure",
    "unstructure",
]

T = TypeVar("T")


class Invalid(ValueError):
    """One problem with one value; its message is reported as it is, at the value's path."""


class _Problems(Exception):
    """Every problem of a document, each already ``"<message> @ <path>"``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.problems = Problems(problems)


class _ItemProblems(Exception):
    """The items of a list a hook refused, by index (the first :data:`LIMIT`).

    ``more`` counts the others it refused.
    """

    def __init__(self, refused: list[tuple[int, Exception]], more: int) -> None:
        super().__init__(refused)
        self.refused = refused
        self.more = more


# --- scalars ------------------------------------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if type(value) is not str:
        raise Invalid(f"expected a string, got {type_name(value)}")
    return value


def _structure_text(value: object, _: object) -> Text:
    return _checked_str(value, text_problem)


def _structure_id(value: object, _: object) -> Id:
    return _checked_str(value, id_problem)


def _structure_date(value: object, _: object) -> Date:
    return _checked_str(value, date_problem)


def _structure_url(value: object, _: object) -> Url:
    return _checked_str(value, url_problem)


def _checked_str(value: object, problem_of: Callable[[str], str | None]) -> str:
    """``value`` if it is a string its rule (``problem_of``) finds nothing wrong with."""
    text = _structure_str(value, None)
    problem = problem_of(text)
    if problem:
        raise Invalid(problem)
    return text


def _structure_int(value: object, _: object) -> int:
    if type(value) is not int:
        raise Invalid(f"expected a whole number, got {type_name(value)}")
    return value


def _structure_number(value: object, _: object) -> Number:
    number = _structure_int(value, None)
    if number < 1:
        raise Invalid(f"expected a number from 1 upwards, got {number}")
    return number


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is not bool:
        raise Invalid(f"expected true or false, got {type_name(value)}")
    return value


def _is_literal(type_: Any) -> bool:
    return typing.get_origin(type_) is Literal


def _literal_hook(type_: Any) -> Callable[[object, object], object]:
    allowed = typing.get_args(type_)

    def structure_literal(value: object, _: object) -> object:
        if isinstance(value, str) and value in allowed:
            return value
        raise Invalid(f"expected one of {', '.join(map(repr, allowed))}, got {value!r}")

    return structure_literal


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    union = typing.get_origin(type_) in (typing.Union, types.UnionType)
    return union and len(args) == 2 and type(None) in args


def _optional_hook(type_: Any) -> Callable[[object, object], object]:
    inner_type = next(arg for arg in typing.get_args(type_) if arg is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure_optional(value: object, _: object) -> object:
        if value is None:
            raise Invalid("null is not allowed: leave the key out instead")
        return inner(value, inner_type)

    return structure_optional


def _is_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(type_: Any) -> Callable[[object, object], tuple[object, ...]]:
    item_type = typing.get_args(type_)[0]
    inner = converter.get_structure_hook(item_type)

    def structure_tuple(value: object, _: object) -> tuple[object, ...]:
        # a tuple is what a caller building an object passes; a list is what JSON holds
        if type(value) is not list and type(value) is not tuple:
            raise Invalid(f"expected a list, got {type_name(value)}")
        items: list[object] = []
        refused: list[tuple[int, Exception]] = []
        more = 0
        for index, item in enumerate(value):
            try:
                items.append(inner(item, item_type))
            except Exception as error:
                if len(refused) < LIMIT:
                    refused.append((index, error))
                else:
                    more += 1  # counted, not kept: the error stays small
        if refused:
            raise _ItemProblems(refused, more)
        return tuple(items)

    return structure_tuple


# --- classes ------------------------------------------------------------------------------------


def json_key(field: Any) -> str:
    """The JSON key of an attrs field: its name, unless its metadata names another key."""
    return str(field.metadata.get("key", field.name))


@functools.cache
def _format_fields(cls: Any) -> tuple[Any, ...]:
    """The fields of ``cls`` that the file format holds: all but the bound ones.

    Their types are resolved here, on first use (the classes are written with postponed
    annotations), rather than for every class when its module is imported.
    """
    attrs.resolve_types(cls)
    return tuple(field for field in attrs.fields(cls) if not field.metadata.get("bound"))


@attrs.frozen
class _Plan:
    """How the builder reads a class's JSON object: each format field, and every known key."""

    #: Per field: its name, its key, whether it is required, and how its value is read: by a
    #: hook with the hook's type; as the id of an object held by reference, which the builder
    #: looks up; or, for a list of objects of a class (no hook, and that class), by the builder.
    fields: tuple[tuple[str, str, bool, Callable[[Any, Any], Any] | None, Any], ...]
    keys: frozenset[str]


def _objects_of(type_: Any) -> Any:
    """The attrs class of which ``type_`` is a tuple, or None."""
    if _is_tuple(type_) and attrs.has(item := typing.get_args(type_)[0]):
        return item
    return None


@functools.cache
def _plan(cls: Any) -> _Plan:
    def reading(field: Any) -> tuple[Callable[[Any, Any], Any] | None, Any]:
        if field.metadata.get("by_id"):
            return _structure_reference, Id
        if (item := _objects_of(field.type)) is not None:
            return None, item
        return converter.get_structure_hook(field.type), field.type

    fields = tuple(
        (
            field.name,
            json_key(field),
            field.default is attrs.NOTHING and not field.metadata.get("context_default"),
            *reading(field),
        )
        for field in _format_fields(cls)
    )
    return _Plan(fields, frozenset(field[1] for field in fields))


def _keys(cls: Any) -> dict[str, str]:
    """The JSON key of each field of ``cls`` (an attrs class), by field name."""
    return {f.name: json_key(f) for f in attrs.fields(cls)} if attrs.has(cls) else {}


def _overrides(cls: type, unstructuring: bool = False) -> dict[str, Any]:
    """The cattrs overrides of ``cls``: bound fields left out, other JSON keys, ids for objects."""
    overrides = {}
    for field in attrs.fields(cls):
        if field.metadata.get("bound"):
            overrides[field.name] = override(omit=True)
        elif unstructuring and field.metadata.get("by_id"):
            overrides[field.name] = override(rename=json_key(field), unstruct_hook=_id_of)
        elif "key" in field.metadata:
            overrides[field.name] = override(rename=json_key(field))
    return overrides


def _id_of(item: Any) -> str:
    return str(item.id)


def _class_hook(cls: type[T]) -> Callable[[object, object], T]:
    generated = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **_overrides(cls),
    )

    def structure_class(value: object, _: object) -> T:
        if isinstance(value, cls):  # an object a caller built: it checked itself when made
            return value
        if type(value) is not dict:
            raise Invalid(f"expected an object, got {type_name(value)}")
        return generated(value, cls)

    return structure_class


def _class_unstructure_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **_overrides(cls, unstructuring=True)
    )
    order = [json_key(field) for field in attrs.fields(cls)]

    def unstructure_class(instance: Any) -> dict[str, Any]:
        # cattrs appends the keys it may omit; keep the fields' own order, as the format shows it.
        values = generated(instance)
        return {name: values[name] for name in order if name in values}

    return unstructure_class


def _unstructure_framework(framework: Framework) -> dict[str, Any]:
    document = _class_unstructure_hook(Framework)(framework)
    own = framework.source.id
    for competency in document["competencies"]:
        for level in competency["levels"]:
            for polarity in ("effective", "ineffective"):
                for indicator in level[polarity]:
                    if indicator["source"] == own:
                        del indicator["source"]
    return document


#: The converter. Private: only the functions of this module are used elsewhere.
converter = Converter(forbid_extra_keys=True, detailed_validation=True)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook_func(lambda type_: type_ == Text, _structure_text)
converter.register_structure_hook_func(lambda type_: type_ == Id, _structure_id)
converter.register_structure_hook_func(lambda type_: type_ == Date, _structure_date)
converter.register_structure_hook_func(lambda type_: type_ == Url, _structure_url)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook_func(lambda type_: type_ == Number, _structure_number)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook_factory(_is_literal, _literal_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(_is_tuple, _tuple_hook)
converter.register_structure_hook_factory(attrs.has, _class_hook)
converter.register_unstructure_hook_factory(attrs.has, _class_unstructure_hook)


# --- problems -----------------------------------------------------------------------------------


def _format(error: BaseException) -> str:
    if isinstance(error, Invalid):
        return str(error)
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return f"invalid value ({type(error).__name__}: {error})"


def _unknown_keys(cls: Any, keys: set[str] | frozenset[str], path: str) -> list[str]:
    renamed = {f.metadata["was"]: json_key(f) for f in attrs.fields(cls) if "was" in f.metadata}
    problems = []
    for key in sorted(keys):
        if key in renamed:
            problems.append(
                f"unknown key {key!r}: it is now {renamed[key]!r} @ {path}{key_step(key)}"
            )
        else:
            problems.append(f"unknown key {key!r} @ {path}{key_step(key)}")
    return problems


def _moved(problem: str, path: str) -> str:
    """``problem`` (``"<message> @ $…"``) with its path rooted at ``path`` instead of ``$``."""
    message, _, where = problem.rpartition(" @ ")
    return f"{message} @ {path}{where.removeprefix('$')}"


def problems_of(error: BaseException, path: str = "$") -> Problems:
    """Every problem in a structuring error, each as ``"<message> @ <path>"``.

    The first :data:`LIMIT` are kept, the rest counted.
    """
    if isinstance(error, _Problems):
        moved = Problems(_moved(problem, path) for problem in error.problems)
        moved.more += error.problems.more
        return moved
    if isinstance(error, _ItemProblems):
        problems = Problems()
        for index, sub in error.refused:
            problems.extend(problems_of(sub, f"{path}[{index}]"))
        problems.more += error.more
        return problems
    if isinstance(error, ForbiddenExtraKeysError):
        return Problems(_unknown_keys(error.cl, error.extra_fields, path))
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        problems = Problems()
        with_notes, without = error.group_exceptions()
        keys = _keys(getattr(error, "cl", None))
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                step = f".{keys.get(note.name, note.name)}"
            else:
                step = f"[{note.index!r}]"
            problems.extend(problems_of(sub, path + step))
        for sub in without:
            problems.extend(problems_of(sub, path))
        return problems
    return Problems([f"{_format(error)} @ {path}"])


def structure(value: object, cls: type[T]) -> T:
    """``value`` (parsed JSON) as an instance of ``cls``; raises what the hooks raise."""
    return converter.structure(value, cls)


def unstructure(instance: object) -> Any:
    """``instance`` as plain JSON values, as the file format writes it."""
    return converter.unstructure(instance)


def check_fields(instance: object) -> None:
    """Check an object a caller built as its file format would be: InvalidDocumentError if not.

    Each field's value goes through the same hook as the value of its JSON key, so that
    ``SuccessProfile(competencies="Leadership")`` fails as a document saying so would.
    """
    problems = Problems()
    for field in _format_fields(type(instance)):  # type: ignore[arg-type]  # mypy: type objects hash
        value = getattr(instance, field.name)
        if value is None and field.default is None:
            continue  # an optional field left out
        try:
            converter.get_structure_hook(field.type)(value, field.type)
        except Exception as error:
            problems.extend(problems_of(error, f"$.{json_key(field)}"))
    if problems:
        raise invalid(problems, f"a {type(instance).__name__} as built")


# --- the framework ------------------------------------------------------------------------------

_ABSENT: Any = object()
_INDICATOR_KEYS = frozenset({"id", "text", "source", "note"})
_LEVEL_TREE = frozenset({"effective", "ineffective", "gaps"})
_LEVEL_KEYS = _LEVEL_TREE | {"number"}
_NO_SOURCE = Source(id="none", title="(no source)")
_NO_DEFINITION = LevelDefinition(number=1, label="(undefined)", grades=())


def _kind(value: object) -> str:
    """The JSON type of ``value``, a value of a document read as pairs, in words."""
    return "an object" if type(value) is tuple else type_name(value)


def _as_pairs(value: object) -> object:
    """``value`` (JSON values with objects as dicts, as a caller built them) read as pairs."""
    if type(value) is dict:
        return tuple((key, _as_pairs(item)) for key, item in value.items())
    if type(value) is list or type(value) is tuple:
        return [_as_pairs(item) for item in value]
    return value


class _Builder:
    """One framework document, checked and built in one pass.

    The document is parsed JSON with each object as the tuple of its ``(key, value)`` pairs
    (:func:`~civilframe._format.documents.parse_json_pairs`): the parser then runs no Python
    for each object, and a key an object repeats is still there to be found. The builder notes
    (:attr:`repeated`) an object it meets that repeats a key; the repeats are then reported
    instead of anything else, as :func:`~civilframe._format.documents.parse_json` would.

    Type problems (wrong types, missing and unknown keys) and rule problems (ids, levels,
    clusters, sources) are collected apart, each as ``"<message> @ <path>"``. Where a document
    has a problem, the objects built from it are made with stand-ins and then thrown away:
    :func:`_structure_framework` returns a framework only when there is none.
    """

    def __init__(self) -> None:
        self.problems = Problems()
        self.rules = rules.Rules()
        self.repeated = False
        self.own = _NO_SOURCE
        self.sources: dict[str, Source] = {}
        self.definitions: dict[int, LevelDefinition] = {}
        self.clusters: dict[str, Cluster] = {}
        self.cumulative = False

    def problem(self, message: str, path: str) -> None:
        self.problems.append(f"{message} @ {path}")

    def members(self, o: object, path: str) -> dict[str, Any] | None:
        """The members of ``o`` by key, or None (and a problem) when ``o`` is no object."""
        if type(o) is not tuple:
            self.problem(f"expected an object, got {_kind(o)}", path)
            return None
        found = dict(o)
        if len(found) != len(o):
            self.repeated = True
        return found

    def plain(self, value: object) -> object:
        """``value`` with its objects as dicts, as the converter's hooks read JSON."""
        if type(value) is tuple:
            found = {key: self.plain(item) for key, item in value}
            if len(found) != len(value):
                self.repeated = True
            return found
        if type(value) is list:
            return [self.plain(item) for item in value]
        return value

    def fields(self, cls: type, o: object, path: str, tree: frozenset[str]) -> dict[str, Any]:
        """The format fields of ``o`` (a JSON object for ``cls``), by field name.

        Each is structured by the converter's hook for its type, but a field holding an object
        by reference, which is returned as the id it names, and the fields whose keys are in
        ``tree``, which are returned as they are, for the builder to build. A missing required
        key, an unknown key and a value its hook refuses are problems.
        """
        found = self.members(o, path)
        if found is None:
            return {}
        values: dict[str, Any] = {}
        plan = _plan(cls)
        for name, key, required, hook, type_ in plan.fields:
            if key not in found:
                if required:
                    self.problem("required key missing", f"{path}.{key}")
                continue
            if key in tree:
                values[name] = found[key]
                continue
            if hook is None:
                values[name] = self.objects(type_, found[key], f"{path}.{key}")
                continue
            try:
                values[name] = hook(self.plain(found[key]), type_)
            except Exception as error:
                self.problems.extend(problems_of(error, f"{path}.{key}"))
        if not plan.keys.issuperset(found):
            self.problems.extend(_unknown_keys(cls, found.keys() - plan.keys, path))
        return values

    def objects(
        self,
        cls: type[T],
        items: object,
        path: str,
        finish: Callable[[dict[str, Any], str], None] | None = None,
    ) -> tuple[T, ...]:
        """The objects of ``cls`` in ``items`` (a JSON list), each read by its plan.

        ``finish``, if given, completes each object's values (with the object's path) before
        the object is made: it looks up what they hold by reference.
        """
        if type(items) is not list:
            self.problem(f"expected a list, got {_kind(items)}", path)
            return ()
        built = []
        for row, o in enumerate(items):
            where = f"{path}[{row}]"
            before = self.problems.total
            values = self.fields(cls, o, where, frozenset())
            if finish is not None:
                finish(values, where)
            if self.problems.total == before:
                built.append(cls(**values))
        return tuple(built)

    def framework(self, o: object) -> Framework | None:
        tree = frozenset({"competencies"})
        values = self.fields(Framework, o, "$", tree)
        sources: tuple[Source, ...] = values.get("sources", ())
        self.sources = {source.id: source for source in sources}
        self.own = sources[0] if sources else _NO_SOURCE
        self.rules.sources(sources)
        definitions: tuple[LevelDefinition, ...] = values.get("level_definitions", ())
        self.definitions = {d.number: d for d in definitions}
        self.rules.level_definitions(tuple(d.number for d in definitions))
        clusters: tuple[Cluster, ...] = values.get("clusters", ())
        self.clusters = {cluster.id: cluster for cluster in clusters}
        for number, cluster in enumerate(clusters):
            self.rules.claim(cluster.id, f"$.clusters[{number}].id")
        self.cumulative = values.get("levels_cumulative", False)
        competencies = values.get("competencies", [])
        if type(competencies) is not list:
            self.problem(f"expected a list, got {_kind(competencies)}", "$.competencies")
            competencies = []
        built = []
        for number, item in enumerate(competencies):
            before = self.problems.total, self.repeated
            competency = self.competency(item, f"$.competencies[{number}]")
            if competency is not None:
                built.append(competency)
                if (self.problems.total, self.repeated) == before:
                    # built and sound: let its JSON go now, which halves what a large
                    # document holds while it is built (and what the garbage collector walks)
                    competencies[number] = None
        values["competencies"] = tuple(built)
        for number, question in enumerate(values.get("questions", ())):
            self.rules.claim(question.id, f"$.questions[{number}].id")
        if self.problems:
            return None
        return Framework(**values)

    def competency(self, o: object, path: str) -> Competency | None:
        before = self.problems.total
        values = self.fields(Competency, o, path, frozenset({"levels"}))
        if not values:
            return None
        competency_id = values.get("id", "")
        self.rules.claim(competency_id, f"{path}.id")
        if "name" in values:
            self.rules.name(fold(values["name"]), values["name"], path)
        values["cluster"] = self.cluster(values.get("cluster", _ABSENT), competency_id, path)
        items = values.get("levels", [])
        if type(items) is not list:
            self.problem(f"expected a list, got {_kind(items)}", f"{path}.levels")
            items = []
        levels = self._sound_levels(items, path, competency_id)
        if levels is None:
            levels = []
            for number, item in enumerate(items):
                level = self.level(item, f"{path}.levels[{number}]", competency_id)
                if level is not None:
                    levels.append(level)
        self.rules.levels(competency_id, [level.number for level in levels], path)
        if self.problems.total > before:
            return None  # its problems are reported; nothing half-built is made
        values["levels"] = tuple(levels)
        values["levels_cumulative"] = self.cumulative
        return Competency(**values)

    def cluster(self, cluster_id: str, competency_id: str, path: str) -> Cluster | None:
        if cluster_id is _ABSENT:
            if self.clusters:
                self.rules.no_cluster(competency_id, f"{path}.cluster")
            return None
        found = self.clusters.get(cluster_id)
        if found is None:
            self.rules.unknown_cluster(competency_id, cluster_id, sorted(self.clusters), path)
        return found

    def _sound_levels(self, items: list[Any], path: str, competency_id: str) -> list[Level] | None:
        """A competency's levels, if each is sound, else None (and nothing recorded).

        A competency's indicators are the bulk of every framework, so they are checked and
        made all at once (:meth:`_sound_rows`); any other competency is built level by level,
        row by row (:meth:`level`), so that each problem is reported where it is.
        """
        shapes = []
        columns: list[tuple[int, int, str, int]] = []
        rows: list[Any] = []
        polarities: list[str] = []
        numbers: list[int] = []
        for position, o in enumerate(items):
            if type(o) is not tuple:
                return None
            found = dict(o)
            number = found.get("number")
            effective = found.get("effective")
            ineffective = found.get("ineffective")
            if (
                len(found) != len(o)
                or not _LEVEL_KEYS.issuperset(found)
                or type(number) is not int
                or number < 1
                or type(effective) is not list
                or type(ineffective) is not list
            ):
                return None
            rows += effective
            rows += ineffective
            effective_count, ineffective_count = len(effective), len(ineffective)
            polarities += repeat("effective", effective_count)
            polarities += repeat("ineffective", ineffective_count)
            numbers += repeat(number, effective_count + ineffective_count)
            columns += (
                (position, number, "effective", effective_count),
                (position, number, "ineffective", ineffective_count),
            )
            shapes.append((number, effective_count, ineffective_count, found.get("gaps", _ABSENT)))
        sound = self._sound_rows(rows, polarities, numbers, competency_id)
        if sound is None:
            return None
        indicators, ids = sound
        self.rules.claim_indicators(ids, path, competency_id, columns)
        levels = []
        start = 0
        for position, (number, effective_count, ineffective_count, gaps) in enumerate(shapes):
            middle, end = start + effective_count, start + effective_count + ineffective_count
            levels.append(
                Level(
                    number=number,
                    effective=indicators[start:middle],
                    ineffective=indicators[middle:end],
                    gaps=()
                    if gaps is _ABSENT
                    else self.gaps(gaps, f"{path}.levels[{position}].gaps", competency_id, number),
                    definition=self.definitions.get(number, _NO_DEFINITION),
                    competency_id=competency_id,
                )
            )
            start = end
        return levels

    def _sound_rows(
        self, rows: list[Any], polarities: list[str], numbers: list[int], competency_id: str
    ) -> tuple[tuple[Indicator, ...], list[str]] | None:
        """The indicators of ``rows`` with their ids, if every row is sound, else None.

        Each step takes every row at once: the rows as dicts, their keys, then their ids,
        texts and notes, each checked together (:func:`all_ids`, :func:`all_texts`).
        """
        if not rows:
            return (), []
        if set(map(type, rows)) != {tuple}:
            return None
        members = list(map(dict, rows))
        if sum(map(len, members)) != sum(map(len, rows)):
            return None  # a row repeats a key
        keys = set().union(*members)
        if not _INDICATOR_KEYS.issuperset(keys):
            return None
        try:
            ids = list(map(itemgetter("id"), members))
            texts = list(map(itemgetter("text"), members))
            if not (all_ids(ids) and all_texts(texts)):
                return None
            notes: Iterable[str | None] = repeat(None)
            if "note" in keys:
                given = [member["note"] for member in members if "note" in member]
                if not all_texts(given):
                    return None  # a note that is null, or not sound text
                notes = map(dict.get, members, repeat("note"))
            sources: Iterable[Source] = repeat(self.own)
            if "source" in keys:  # null or an unlisted source is a KeyError, a list a TypeError
                own, listed = self.own, self.sources
                sources = [listed[m["source"]] if "source" in m else own for m in members]
        except (KeyError, TypeError):
            return None
        indicators = tuple(
            map(Indicator, ids, texts, polarities, numbers, repeat(competency_id), sources, notes)
        )
        return indicators, ids

    def level(self, o: object, path: str, competency_id: str) -> Level | None:
        before = self.problems.total
        values = self.fields(Level, o, path, _LEVEL_TREE)
        if "number" not in values:
            return None
        number = values["number"]
        definition = self.definitions.get(number, _NO_DEFINITION)
        for polarity in ("effective", "ineffective"):
            if polarity in values:
                values[polarity] = self.column(
                    values[polarity], f"{path}.{polarity}", polarity, number, competency_id
                )
        values["gaps"] = self.gaps(values.get("gaps", []), f"{path}.gaps", competency_id, number)
        if self.problems.total > before:
            return None
        return Level(**values, definition=definition, competency_id=competency_id)

    def column(
        self,
        items: object,
        path: str,
        polarity: Literal["effective", "ineffective"],
        number: int,
        competency_id: str,
    ) -> tuple[Indicator, ...]:
        """A level's column of indicators, row by row, each problem reported at its row."""
        if type(items) is not list:
            self.problem(f"expected a list, got {_kind(items)}", path)
            return ()
        built = []
        own, sources, claim = self.own, self.sources, self.rules.claim
        for row, o in enumerate(items):
            found = self.members(o, f"{path}[{row}]") if type(o) is tuple else None
            if (
                found is not None
                and _INDICATOR_KEYS.issuperset(found)
                and type(id := found.get("id")) is str
                and id_problem(id) is None
                and type(text := found.get("text")) is str
                and text_problem(text) is None
                and ((note := found.get("note", _ABSENT)) is _ABSENT or _is_text(note))
                and ((source_id := found.get("source", _ABSENT)) is _ABSENT or _is_id(source_id))
            ):
                if source_id is _ABSENT:
                    source = own
                else:
                    source = sources.get(source_id, _NO_SOURCE)
                    if source is _NO_SOURCE:
                        self.rules.unknown_source(
                            competency_id, number, source_id, f"{path}[{row}].source"
                        )
                claim(id, f"{path}[{row}].id", competency_id, number)
                built.append(
                    Indicator(
                        id,
                        text,
                        polarity,
                        number,
                        competency_id,
                        source,
                        None if note is _ABSENT else note,
                    )
                )
            elif type(o) is not tuple and self.problems.full:
                self.problems.more += 1  # its one problem, counted without being written
            else:
                self.fields(Indicator, o, f"{path}[{row}]", frozenset())
        return tuple(built)

    def gaps(self, items: object, path: str, competency_id: str, number: int) -> tuple[Gap, ...]:
        def recovered(values: dict[str, Any], where: str) -> None:
            if "recovered_from" in values:
                source_id = values["recovered_from"]
                values["recovered_from"] = self.sources.get(source_id)
                if values["recovered_from"] is None:
                    self.rules.unknown_source(
                        competency_id, number, source_id, f"{where}.recovered_from"
                    )

        return self.objects(Gap, items, path, recovered)


def _structure_reference(value: object, _: object) -> Id:
    if value is None:
        raise Invalid("null is not allowed: leave the key out instead")
    return _structure_id(value, None)


def _is_text(value: object) -> bool:
    return type(value) is str and text_problem(value) is None


def _is_id(value: object) -> bool:
    return type(value) is str and id_problem(value) is None


def _structure_framework(document: object, _: object) -> Framework:
    """The framework of ``document``: parsed JSON read as pairs, or with dicts for objects."""
    if type(document) is not tuple:
        document = _as_pairs(document)
    builder = _Builder()
    framework = builder.framework(document)
    found = builder.problems or builder.rules.problems()
    if builder.repeated or found or framework is None:
        repeated = repeated_keys(document)
        if repeated:
            raise _Problems(repeated)
        raise _Problems(found)
    return framework


converter.register_structure_hook(Framework, _structure_framework)
converter.register_unstructure_hook(Framework, _unstructure_framework)


def framework_keys() -> Iterator[tuple[type, frozenset[str]]]:
    """The JSON keys of each class of the framework tree, as the builder reads them."""
    for cls in (Framework, Competency, Level, Indicator, Gap):
        yield cls, frozenset(json_key(field) for field in _format_fields(cls))
