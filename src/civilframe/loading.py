"""Loading frameworks: the bundled ones by id, and a user's own from a file or text.

Every document, bundled or not, goes through the same steps: parse the JSON, structure it with
the one converter, check the rules no type states, and only then bind each item to its context.
Any problem, at any step, raises one :class:`~civilframe.InvalidDocumentError` listing all the
problems found; nothing half-built is returned.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from . import _checks
from ._convert import problems_of, structure, unstructure
from .errors import InvalidDocumentError, NotFoundError
from .model import Framework

__all__ = [
    "MAX_BYTES",
    "dumps",
    "framework_schema",
    "frameworks",
    "load",
    "load_file",
    "loads",
    "profile_schema",
]

_FRAMEWORKS = "frameworks"

#: The largest document :func:`loads`, :func:`load_file` and the profile loaders read unless
#: told otherwise (``max_bytes``): 64 MiB, some 400 times the largest bundled framework and
#: room for about a quarter of a million indicators, which load in a few seconds.
MAX_BYTES = 64 * 1024 * 1024

T = TypeVar("T")


def check_limit(max_bytes: int | None) -> None:
    """Refuse a ``max_bytes`` that is neither a positive whole number nor None."""
    if max_bytes is None:
        return
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be a whole number or None, got {max_bytes!r}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be 1 or more (or None for no limit), got {max_bytes}")


def _too_large(size: int | None, max_bytes: int, origin: str | None) -> InvalidDocumentError:
    """The error for a document over ``max_bytes``: ``size`` bytes, or more if None."""
    amount = f"{size:,} bytes" if size is not None else f"more than {max_bytes:,} bytes"
    return InvalidDocumentError(
        (
            f"document too large: {amount}, over the limit of {max_bytes:,} "
            "(pass a larger max_bytes, or None for no limit) @ $",
        ),
        origin,
    )


def read_document(path: str | os.PathLike[str], max_bytes: int | None = MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``, refusing one larger than ``max_bytes`` unread."""
    check_limit(max_bytes)
    with open(path, "rb") as file:
        if max_bytes is None:
            return file.read()
        size = os.fstat(file.fileno()).st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes, os.fspath(path))
        data = file.read(max_bytes + 1)  # a pipe or special file states no size
    if len(data) > max_bytes:  # read no further: its size is not known
        raise _too_large(None, max_bytes, os.fspath(path))
    return data


def parse_json(
    data: str | bytes, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> object:
    """JSON text (or UTF-8 bytes) as Python values; every failure is InvalidDocumentError.

    A document over ``max_bytes`` (counted in UTF-8) is refused before it is parsed.
    """
    check_limit(max_bytes)
    if max_bytes is not None and isinstance(data, (str, bytes, bytearray)):
        # a str takes one to four bytes a character: count them only when it could matter
        size = len(data)
        if isinstance(data, str) and size <= max_bytes < 4 * size and not data.isascii():
            size = len(data.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise _too_large(size, max_bytes, origin)
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidDocumentError(
                (f"not UTF-8: byte 0x{data[error.start]:02x} at position {error.start} @ $",),
                origin,
            ) from None
    elif not isinstance(data, str):
        raise InvalidDocumentError(
            (f"expected JSON text as str or bytes, got {type(data).__name__} @ $",), origin
        )
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno} (position {error.pos})"
        raise InvalidDocumentError(
            (f"malformed JSON at {where}: {error.msg} @ $",), origin
        ) from None
    except ValueError as error:  # a constant (NaN, Infinity) or a number too long to convert
        raise InvalidDocumentError((f"malformed JSON: {error} @ $",), origin) from None
    except RecursionError:
        raise InvalidDocumentError(("malformed JSON: nested too deeply @ $",), origin) from None


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def structure_document(document: object, cls: type[T], origin: str | None = None) -> T:
    """``document`` (parsed JSON) as a ``cls``; every type problem is InvalidDocumentError."""
    try:
        return structure(document, cls)
    except RecursionError:
        raise InvalidDocumentError(("nested too deeply @ $",), origin) from None
    except Exception as error:  # every structuring failure becomes the library error
        raise InvalidDocumentError(tuple(problems_of(error)), origin) from None


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while a document's objects are built.

    Building a framework allocates many objects and frees few, so the collector would walk the
    growing heap again and again for nothing (a quarter of a million indicators load in about
    three quarters of the time without it). The pause is the process's, as :func:`gc.disable`
    is: while one thread loads, no thread's cycles are collected; reference counting, which
    frees nearly everything, goes on. The collector runs again afterwards, if it ran before.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def from_document(document: object, origin: str | None = None) -> Framework:
    """A framework from parsed JSON, checked and bound; InvalidDocumentError otherwise."""
    framework = structure_document(document, Framework, origin)
    found = _checks.problems(framework)
    if found:
        raise InvalidDocumentError(tuple(found), origin)
    return _bind(framework)


def _bind(framework: Framework) -> Framework:
    """Fill each item's bound fields from its context, before anyone else sees the objects.

    The objects are new and unshared here, so they are completed in place rather than copied.
    """
    own = framework.sources[0].id
    definitions = {d.number: d for d in framework.level_definitions}
    for competency in framework.competencies:
        object.__setattr__(competency, "levels_cumulative", framework.cumulative)
        for level in competency.levels:
            definition = definitions[level.number]
            object.__setattr__(level, "label", definition.label)
            object.__setattr__(level, "grades", definition.grades)
            object.__setattr__(level, "competency", competency.id)
            for polarity in ("effective", "ineffective"):
                for indicator in getattr(level, polarity):
                    object.__setattr__(indicator, "polarity", polarity)
                    object.__setattr__(indicator, "level", level.number)
                    object.__setattr__(indicator, "competency", competency.id)
                    if not indicator.source:
                        object.__setattr__(indicator, "source", own)
    return framework


def loads(
    data: str | bytes, *, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> Framework:
    """A framework from JSON text or UTF-8 bytes in the civilframe format.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem with its JSON path.
    ``origin`` (a file name, say) is named in the error. A document larger than ``max_bytes``
    (64 MiB unless told otherwise; None for no limit) is refused unparsed, with that error.
    While it builds the framework, the cyclic garbage collector is paused (for the whole
    process, as :func:`gc.disable` does) and then resumed.

    >>> import civilframe
    >>> civilframe.loads('{"id": "x"}')
    Traceback (most recent call last):
      ...
    civilframe.errors.InvalidDocumentError: invalid document: 5 problems
      required key missing @ $.title
      required key missing @ $.sources
      required key missing @ $.cumulative
      required key missing @ $.level_definitions
      required key missing @ $.competencies
    """
    with _no_collection():  # parsing and building alike allocate much and free little
        return from_document(parse_json(data, origin, max_bytes), origin)


def load_file(path: str | os.PathLike[str], *, max_bytes: int | None = MAX_BYTES) -> Framework:
    """A framework from a JSON file in the civilframe format.

    Raises :class:`~civilframe.InvalidDocumentError` for an invalid document or a file larger
    than ``max_bytes`` (which is not read), and the usual :class:`OSError` when the file cannot
    be read.

    >>> import os, tempfile
    >>> import civilframe
    >>> path = os.path.join(tempfile.mkdtemp(), "lia.json")
    >>> with open(path, "w", encoding="utf-8") as file:
    ...     _ = file.write(civilframe.dumps(civilframe.load("leadership-in-action")))
    >>> len(civilframe.load_file(path))
    8
    >>> civilframe.load_file(path, max_bytes=1000)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    civilframe.errors.InvalidDocumentError: invalid document ...lia.json: 1 problem
      document too large: ... bytes, over the limit of 1,000 (pass a larger max_bytes, or None ...
    """
    data = read_document(path, max_bytes)
    return loads(data, origin=os.fspath(path), max_bytes=None)


def framework_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the framework file format, as a new dict.

    The loader checks more than a schema can state (unique ids, levels, cluster and source
    references), so a document valid under the schema may still be refused by :func:`loads`.

    >>> import civilframe
    >>> civilframe.framework_schema()["required"][:3]
    ['id', 'title', 'sources']
    """
    return _schema("framework.schema.json")


def profile_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the Success Profile file format, as a new dict.

    >>> import civilframe
    >>> civilframe.profile_schema()["required"]
    ['title', 'grade', 'framework', 'competencies']
    """
    return _schema("profile.schema.json")


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(data_file(name).read_text("utf-8"))
    return schema


def data_file(name: str) -> Any:
    """The bundled data file ``name`` (a path under ``civilframe/data``) as a resource."""
    from importlib.resources import files  # imported on first use: it costs start-up time

    resource = files(__package__).joinpath("data")
    for part in name.split("/"):
        resource = resource.joinpath(part)
    return resource


def _bundled() -> Any:
    return data_file(_FRAMEWORKS)


@functools.lru_cache(maxsize=1)
def _bundled_ids() -> tuple[str, ...]:
    names = (entry.name for entry in _bundled().iterdir())
    return tuple(sorted(name[: -len(".json")] for name in names if name.endswith(".json")))


def frameworks() -> Mapping[str, str]:
    """The bundled frameworks: each id with its title, in id order.

    >>> import civilframe
    >>> civilframe.frameworks()["competency-framework"]
    'Civil Service Competency Framework'
    """
    return {id: load(id).title for id in _bundled_ids()}


@functools.cache
def load(id: str) -> Framework:
    """The bundled framework with this id, loaded (and checked) once, then cached.

    Raises :class:`~civilframe.NotFoundError` naming the bundled ids.

    >>> import civilframe
    >>> civilframe.load("competency-framework").competency("Delivering at Pace").number
    10
    """
    if id not in _bundled_ids():
        raise NotFoundError(kind="framework", query=id, closest=_bundled_ids())
    text = _bundled().joinpath(f"{id}.json").read_bytes()
    return loads(text, origin=f"bundled framework {id!r}", max_bytes=None)


def dumps(framework: Framework) -> str:
    """The framework as JSON text in the civilframe format, stable byte for byte.

    ``loads(dumps(framework)) == framework`` for every framework.

    >>> import civilframe
    >>> lia = civilframe.load("leadership-in-action")
    >>> civilframe.loads(civilframe.dumps(lia)) == lia
    True
    """
    if not isinstance(framework, Framework):
        raise TypeError(f"dumps() takes a Framework, got {type(framework).__name__}")
    document = unstructure(framework)
    own = framework.sources[0].id
    for competency in document["competencies"]:
        for level in competency["levels"]:
            for polarity in ("effective", "ineffective"):
                for indicator in level[polarity]:
                    if indicator.get("source") == own:
                        del indicator["source"]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
