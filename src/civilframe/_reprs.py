"""Field reprs that keep every public object's ``repr()`` to one short line.

A result object (a quote report, an edition diff, a translation) holds whole frameworks,
competencies and hundreds of findings; its repr names them instead of spelling them out:
``QuoteReport(framework_id='competency-framework', level=3, findings=<12 items>, ...)``.
"""

from __future__ import annotations

from collections.abc import Sized
from typing import Protocol

__all__ = ["by_id", "clipped", "counted"]

#: The longest text a repr shows whole; longer text is cut and ends in "…".
CLIP = 60


def counted(items: Sized) -> str:
    """A collection as its size: ``<12 items>``."""
    return f"<{len(items)} items>"


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


def by_id(item: _Identified | None) -> str:
    """An object (or None) as its id: ``'seeing-the-big-picture.l3.e2'``."""
    return "None" if item is None else repr(item.id)


def clipped(text: str | None) -> str:
    """Text as its first :data:`CLIP` characters: ``'Deliver at pace and …'``."""
    if text is None or len(text) <= CLIP:
        return repr(text)
    return repr(text[: CLIP - 1] + "…")
