"""The one cattrs converter: JSON values to civilframe objects and back.

Structuring is strict: unknown keys, ``null`` for an optional key, ``5`` for a string, a string
for a list and every other type slip are problems, reported all at once with their JSON paths
(``"expected a string, got a number @ $.competencies[3].levels[1].effective[0].text"``).
Fields whose metadata marks them *bound* are not part of the file format: structuring leaves them
at their defaults and unstructuring leaves them out.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
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

from ._types import Id, Number, Text

__all__ = ["Invalid", "converter", "problems_of", "structure", "unstructure"]

T = TypeVar("T")


class Invalid(ValueError):
    """One problem with one value; its message is reported as it is, at the value's path."""


_ID = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def check_text(value: str) -> str | None:
    """The problem with ``value`` as framework text, or None if it is fine."""
    if not value:
        return "text must not be empty"
    if "\t" in value:
        return "text must not contain a TAB"
    if _CONTROL.search(value):
        return "text must not contain a newline or other control character"
    if value != value.strip():
        return "text must not have leading or trailing spaces"
    if "  " in value:
        return "text must not contain doubled spaces"
    return None


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    names.update({int: "a number", float: "a number", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected a string, got {_type_name(value)}")
    return value


def _structure_text(value: object, _: object) -> Text:
    text = _structure_str(value, None)
    problem = check_text(text)
    if problem:
        raise Invalid(problem)
    return text


def _structure_id(value: object, _: object) -> Id:
    text = _structure_str(value, None)
    if not _ID.fullmatch(text):
        raise Invalid(
            f"id {text!r} must be lower-case letters and digits, with '-' or '.' between them"
        )
    return text


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {_type_name(value)}")
    return value


def _structure_number(value: object, _: object) -> Number:
    number = _structure_int(value, None)
    if number < 1:
        raise Invalid(f"expected a number from 1 upwards, got {number}")
    return number


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {_type_name(value)}")
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
    list_type: Any = list.__class_getitem__(typing.get_args(type_)[0])
    inner = converter.get_structure_hook(list_type)

    def structure_tuple(value: object, _: object) -> tuple[object, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, got {_type_name(value)}")
        return tuple(inner(value, list_type))

    return structure_tuple


def _overrides(cls: type) -> dict[str, Any]:
    """The cattrs overrides for ``cls``: bound fields left out, ``key`` metadata as the key."""
    overrides = {}
    for field in attrs.fields(cls):
        if field.metadata.get("bound"):
            overrides[field.name] = override(omit=True)
        elif "key" in field.metadata:
            overrides[field.name] = override(rename=field.metadata["key"])
    return overrides


def _key_of(field: Any) -> str:
    return str(field.metadata.get("key", field.name))


def _keys(cls: Any) -> dict[str, str]:
    """The JSON key of each field of ``cls`` (an attrs class), by field name."""
    return {f.name: _key_of(f) for f in attrs.fields(cls)} if attrs.has(cls) else {}


def _class_hook(cls: type[T]) -> Callable[[object, object], T]:
    generated = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **_overrides(cls),
    )

    def structure_class(value: object, _: object) -> T:
        if not isinstance(value, dict):
            raise Invalid(f"expected an object, got {_type_name(value)}")
        return generated(value, cls)

    return structure_class


def _class_unstructure_hook(cls: type) -> Callable[[Any], dict[str, Any]]:
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=True, **_overrides(cls)
    )
    order = [_key_of(field) for field in attrs.fields(cls)]

    def unstructure_class(instance: Any) -> dict[str, Any]:
        # cattrs appends the keys it may omit; keep the fields' own order, as the format shows it.
        values = generated(instance)
        return {name: values[name] for name in order if name in values}

    return unstructure_class


#: The converter. Private: only :func:`structure` and :func:`unstructure` are used elsewhere.
converter = Converter(forbid_extra_keys=True, detailed_validation=True)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook_func(lambda type_: type_ == Text, _structure_text)
converter.register_structure_hook_func(lambda type_: type_ == Id, _structure_id)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook_func(lambda type_: type_ == Number, _structure_number)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook_factory(_is_literal, _literal_hook)
converter.register_structure_hook_factory(_is_optional, _optional_hook)
converter.register_structure_hook_factory(_is_tuple, _tuple_hook)
converter.register_structure_hook_factory(attrs.has, _class_hook)
converter.register_unstructure_hook_factory(attrs.has, _class_unstructure_hook)


def _format(error: BaseException) -> str:
    if isinstance(error, Invalid):
        return str(error)
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return f"invalid value ({type(error).__name__}: {error})"


def problems_of(error: BaseException, path: str = "$") -> list[str]:
    """Every problem in a cattrs structuring error, each as ``"<message> @ <path>"``."""
    if isinstance(error, ForbiddenExtraKeysError):
        return [f"unknown key {key!r} @ {path}.{key}" for key in sorted(error.extra_fields)]
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        problems = []
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
    return [f"{_format(error)} @ {path}"]


def structure(value: object, cls: type[T]) -> T:
    """``value`` (parsed JSON) as an instance of ``cls``; raises what cattrs raises."""
    return converter.structure(value, cls)


def unstructure(instance: object) -> Any:
    """``instance`` as plain JSON values, leaving out bound fields and defaults."""
    return converter.unstructure(instance)
