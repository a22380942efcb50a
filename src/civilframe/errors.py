"""The errors civilframe raises: one base class and two kinds.

Every problem civilframe reports is a :class:`CivilframeError`:

- :class:`InvalidDocumentError` (also a :class:`ValueError`) when a document does not hold a
  valid framework or profile; it lists every problem with its JSON path;
- :class:`NotFoundError` (also a :class:`LookupError`) when a lookup by id, name, level or grade
  finds nothing; it names the closest valid choices.
"""

from __future__ import annotations

import attrs

__all__ = ["CivilframeError", "InvalidDocumentError", "NotFoundError"]


class CivilframeError(Exception):
    """Base class of every error civilframe raises."""


@attrs.frozen(auto_exc=True)
class InvalidDocumentError(CivilframeError, ValueError):
    """A document is not a valid framework (or profile).

    ``problems`` holds every problem found, each as ``"<message> @ <JSON path>"``: first every
    wrong type, missing or unknown key; when there are none, every broken rule (duplicate ids,
    level order, clusters, sources). Nothing is built from a document that has any.

    >>> import civilframe as cf
    >>> try:
    ...     cf.loads('{"id": 5, "title": "T"}')
    ... except cf.InvalidDocumentError as error:
    ...     error.problems[:2]
    ('expected a string, got a number @ $.id', 'required key missing @ $.sources')
    """

    #: The problems found, each ``"<message> @ <JSON path>"``: every one, or the first 100
    #: of a document with more.
    problems: tuple[str, ...]
    #: Where the document came from (a file path or bundled id), if known.
    origin: str | None = None
    #: How many problems there were beyond those in :attr:`problems` (counted, not kept).
    more: int = 0

    def __str__(self) -> str:
        where = f" {self.origin}" if self.origin else ""
        count = len(self.problems) + self.more
        head = f"invalid document{where}: {count:,} problem{'s' if count != 1 else ''}"
        tail = [f"… and {self.more:,} more"] if self.more else []
        return "\n  ".join([head, *self.problems, *tail])


@attrs.frozen(auto_exc=True)
class NotFoundError(CivilframeError, LookupError):
    """A lookup found nothing: no such framework, competency, level or grade.

    ``closest`` names the valid choices nearest to the query, best first (at most five), so
    that the message can say what would have worked.

    >>> import civilframe as cf
    >>> try:
    ...     cf.load("competency-framework").competency("Delivering Pace")
    ... except cf.NotFoundError as error:
    ...     print(error.kind, error.closest[0], sep=": ")
    competency: Delivering at Pace
    """

    #: What was looked for: ``"framework"``, ``"competency"``, ``"level"``, ``"grade"``, …
    kind: str
    #: The query as the caller gave it.
    query: str
    #: The closest valid choices, best first.
    closest: tuple[str, ...]
    #: Why, when more needs saying than "no such thing".
    reason: str | None = None
    #: How the message introduces ``closest``.
    closest_label: str = "did you mean"

    def __str__(self) -> str:
        head = self.reason or f"no {self.kind} {self.query!r}"
        if not self.closest:
            return head
        end = "?" if self.closest_label == "did you mean" else ""
        return f"{head}; {self.closest_label}: {', '.join(self.closest)}{end}"
