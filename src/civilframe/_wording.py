"""Shared wording: level ranges in words, and Markdown escaping."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_BLOCK_MARK = re.compile(r"^([#+=-])")
_MD_LIST_NUMBER = re.compile(r"^([0-9]+)([.)])")


def describe_levels(numbers: Sequence[int]) -> str:
    """Level numbers in words.

    >>> [describe_levels(n) for n in [(1, 2, 3), (5,), (1, 3), ()]]
    ['Levels 1–3', 'Level 5 only', 'Levels 1, 3', 'no levels']
    """
    numbers = tuple(numbers)
    if not numbers:
        return "no levels"
    if len(numbers) == 1:
        return f"Level {numbers[0]} only"
    if numbers == tuple(range(numbers[0], numbers[-1] + 1)):
        return f"Levels {numbers[0]}–{numbers[-1]}"
    return "Levels " + ", ".join(map(str, numbers))


def markdown_escape(text: str) -> str:
    r"""``text`` with every Markdown special escaped, fit for a paragraph, list item or cell.

    >>> print(markdown_escape("*urgent* [remote]"))
    \*urgent\* \[remote\]
    """
    escaped = _MD_ENTITY.sub(r"\\&", _MD_SPECIAL.sub(r"\\\1", text))
    return _MD_LIST_NUMBER.sub(r"\1\\\2", _MD_BLOCK_MARK.sub(r"\\\1", escaped))
