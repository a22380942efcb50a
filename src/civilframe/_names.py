"""Name normalising and closest matches, for lookups that forgive case and spacing."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")
_AMPERSAND = re.compile(r"\s*&\s*")


def normalise(text: str) -> str:
    """Fold ``text`` for matching: case, surrounding and repeated spaces, "&" as "and".

    >>> normalise("  Changing &  Improving ")
    'changing and improving'
    """
    folded = _AMPERSAND.sub(" and ", text.casefold())
    return _SPACES.sub(" ", folded).strip()


def closest(query: str, choices: Iterable[str], *, limit: int = 3) -> tuple[str, ...]:
    """The choices nearest to ``query``, best first; all of them when there are few."""
    import difflib  # only a failed lookup needs it

    options = list(dict.fromkeys(choices))
    if len(options) <= limit:
        return tuple(options)
    by_key = {normalise(option): option for option in options}
    keys = difflib.get_close_matches(normalise(query), list(by_key), n=limit, cutoff=0.0)
    return tuple(by_key[key] for key in keys)
