"""The problems of one document, kept to a bounded number so that a size limit bounds the work.

A document can hold millions of problems (two million numbers where texts belong). Every one is
counted, but only the first :data:`LIMIT` are kept and reported, with how many more there were,
so that neither time nor memory grows with them beyond counting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..errors import InvalidDocumentError

__all__ = ["LIMIT", "Problems", "invalid", "key_step"]

#: The most problems one error reports; the rest are counted.
LIMIT = 100


class Problems(list[str]):
    """A list of problems (``"<message> @ <path>"``) that keeps the first :data:`LIMIT`.

    :attr:`more` counts those not kept; :attr:`total` is every problem added.
    """

    def __init__(self, problems: Iterable[str] = ()) -> None:
        super().__init__()
        self.more = 0
        self.extend(problems)

    @property
    def full(self) -> bool:
        """Whether the next problem added will only be counted."""
        return len(self) >= LIMIT

    @property
    def total(self) -> int:
        """Every problem added, kept or not."""
        return len(self) + self.more

    def append(self, problem: str) -> None:
        """Keep ``problem`` if there is room, else count it."""
        if len(self) < LIMIT:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[str]) -> None:
        """Add each of ``problems`` (and, from another Problems, those it only counted)."""
        for problem in problems:
            self.append(problem)
        if isinstance(problems, Problems):
            self.more += problems.more

    def __iadd__(self, problems: Iterable[str]) -> Problems:  # type: ignore[override,misc]
        self.extend(problems)
        return self


def invalid(problems: Iterable[str], origin: str | None = None) -> InvalidDocumentError:
    """The error for a document with ``problems``: the first :data:`LIMIT`, and how many more."""
    kept = problems if isinstance(problems, Problems) else Problems(problems)
    return InvalidDocumentError(tuple(kept), origin, more=kept.more)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


def key_step(key: str) -> str:
    r"""The step of a JSON path into ``key``: ``.name``, or ``["…"]`` (escaped) for any other.

    >>> key_step("effective"), key_step("two words"), key_step("\x1b[31m")
    ('.effective', '["two words"]', '["\\u001b[31m"]')
    """
    return f".{key}" if _PLAIN_KEY.fullmatch(key) else f"[{json.dumps(key)}]"
