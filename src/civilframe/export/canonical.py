"""A framework as canonical JSON: the bundled file format."""

from __future__ import annotations

from ..loading import dumps
from ..model import Framework

__all__ = ["to_json"]


def to_json(framework: Framework | str) -> str:
    """The framework as canonical JSON: the bundled format, as :func:`civilframe.dumps` writes it.

    ``civilframe.loads(to_json(framework)) == framework``.

    >>> import civilframe
    >>> lia = civilframe.load("leadership-in-action")
    >>> civilframe.loads(to_json(lia)) == lia
    True
    """
    return dumps(framework)
