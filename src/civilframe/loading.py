"""Loading frameworks: the bundled ones by id, and a user's own from a file or text.

Every document, bundled or not, goes the same way: parse the JSON, then structure it with the
one converter, which checks every type and every rule as it builds the framework. Any problem
raises one :class:`~civilframe.InvalidDocumentError` listing all the problems found; nothing
half-built is returned. :func:`resolve` is how every function that takes a framework accepts
either a :class:`~civilframe.Framework` or a bundled framework's id.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Mapping
from typing import Any, TypeVar

from ._format.converter import problems_of, structure, unstructure
from ._format.documents import MAX_BYTES, parse_json, parse_json_pairs, read_document
from ._format.problems import invalid
from ._format.scalars import Id
from .errors import InvalidDocumentError, NotFoundError
from .model import Framework
from .text import closest

__all__ = [
    "MAX_BYTES",
    "data_file",
    "dumps",
    "framework_aliases",
    "framework_schema",
    "frameworks",
    "load",
    "load_file",
    "loads",
    "profile_schema",
    "resolve",
    "structure_document",
]

T = TypeVar("T")


def structure_document(document: object, cls: type[T], origin: str | None = None) -> T:
    """``document`` (parsed JSON) as a ``cls``; every problem raises InvalidDocumentError."""
    try:
        return structure(document, cls)
    except RecursionError:
        raise InvalidDocumentError(("nested too deeply @ $",), origin) from None
    except Exception as error:  # every structuring failure becomes the library error
        raise invalid(problems_of(error), origin) from None


def loads(
    data: str | bytes, *, origin: str | None = None, max_bytes: int | None = MAX_BYTES
) -> Framework:
    """A framework from JSON text or UTF-8 bytes in the civilframe format.

    Raises :class:`~civilframe.InvalidDocumentError` listing every problem with its JSON path.
    ``origin`` (a file name, say) is named in the error. A document larger than ``max_bytes``
    (64 MiB unless told otherwise; None for no limit) is refused unparsed, with that error.

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
    return structure_document(parse_json_pairs(data, origin, max_bytes), Framework, origin)


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
    schema: dict[str, Any] = json.loads(data_file(f"schemas/{name}").read_text("utf-8"))
    return schema


def data_file(name: str) -> Any:
    """The bundled data file ``name`` (a path under ``civilframe/data``) as a resource."""
    from importlib.resources import files  # imported on first use: it costs start-up time

    resource = files(__package__).joinpath("data")
    for part in name.split("/"):
        resource = resource.joinpath(part)
    return resource


#: Held while a bundled framework is loaded, so that it is loaded once, whatever the threads.
_lock = threading.Lock()
_bundled: dict[str, Framework] = {}


@functools.cache
def _bundled_ids() -> tuple[str, ...]:
    names = (entry.name for entry in data_file("frameworks").iterdir())
    return tuple(sorted(name[: -len(".json")] for name in names if name.endswith(".json")))


def frameworks() -> Mapping[str, str]:
    """The bundled frameworks: each id with its title, in id order.

    >>> import civilframe
    >>> civilframe.frameworks()["competency-framework"]
    'Civil Service Competency Framework'
    """
    return {id: load(id).title for id in _bundled_ids()}


@functools.cache
def _aliases() -> dict[str, str]:
    name = "reference/framework-aliases.json"
    origin = f"bundled data {name!r}"
    found = structure_document(
        parse_json(data_file(name).read_bytes(), origin), dict[Id, Id], origin
    )
    ids = _bundled_ids()
    problems = [
        f"alias {alias!r} names {target!r}, which is not a bundled framework @ $.{alias}"
        for alias, target in found.items()
        if target not in ids
    ] + [f"alias {alias!r} is a framework's own id @ $.{alias}" for alias in found if alias in ids]
    if problems:
        raise InvalidDocumentError(tuple(problems), origin)
    return found


def framework_aliases() -> Mapping[str, str]:
    """The short names :func:`load` also takes for the bundled frameworks, each with its id.

    >>> import civilframe
    >>> civilframe.framework_aliases()["ccf"], civilframe.load("lia").id
    ('competency-framework', 'leadership-in-action')
    """
    return dict(_aliases())


def load(id: str) -> Framework:
    """The bundled framework with this id (or alias), loaded (and checked) once, then shared.

    An id or alias (:func:`framework_aliases`: ``ccf``, ``sms1``, ``behaviours``, ``lia``, …)
    gives the same object whatever its case. However many threads ask at
    once, every caller gets the same object. Raises :class:`~civilframe.NotFoundError` naming
    the closest ids, and :class:`TypeError` for anything but a string.

    >>> import civilframe
    >>> civilframe.load("competency-framework").competency("Delivering at Pace").number
    10
    >>> civilframe.load("CCF") is civilframe.load("competency-framework")
    True
    """
    found = _bundled.get(id) if isinstance(id, str) else None
    if found is not None:
        return found
    if not isinstance(id, str):
        raise TypeError(f"load() takes a bundled framework's id, got {type(id).__name__}")
    ids = _bundled_ids()
    if id not in ids:
        key = id.strip().casefold()
        aliases = _aliases()
        target = key if key in ids else aliases.get(key)
        if target is None:
            raise NotFoundError(kind="framework", query=id, closest=closest(id, (*ids, *aliases)))
        return load(target)
    with _lock:
        found = _bundled.get(id)
        if found is None:
            text = data_file(f"frameworks/{id}.json").read_bytes()
            found = loads(text, origin=f"bundled framework {id!r}", max_bytes=None)
            _bundled[id] = found
    return found


def resolve(framework: Framework | str) -> Framework:
    """``framework`` itself, or the bundled framework whose id it is.

    Every function that takes a framework accepts either, through this one function; anything
    else is a :class:`TypeError` saying what is accepted.

    >>> import civilframe
    >>> resolve("leadership-in-action") is civilframe.load("leadership-in-action")
    True
    """
    if isinstance(framework, Framework):
        return framework
    if isinstance(framework, str):
        return load(framework)
    raise TypeError(
        f"expected a Framework or a bundled framework's id, got {type(framework).__name__}"
    )


def dumps(framework: Framework | str) -> str:
    """The framework (a Framework or a bundled id) as JSON text in the civilframe format.

    The text is stable byte for byte: ``loads(dumps(framework)) == framework`` for every
    framework.

    >>> import civilframe
    >>> lia = civilframe.load("leadership-in-action")
    >>> civilframe.loads(civilframe.dumps(lia)) == lia
    True
    """
    return json.dumps(unstructure(resolve(framework)), ensure_ascii=False, indent=2) + "\n"
