"""What a heading, a column header or a data key claims: a competency, a level, a column.

Every reader's headings are read by the same rules:

- a *column header* reads like "Effective Behaviour", "Ineffective Behaviour", "People who
  are (less) effective are likely to…", "Effective", "Ineffective", "Examples" (a Success
  Profiles behaviour's examples are its effective indicators), "Positive indicators",
  "Negative indicators";
- a *competency heading* is the name or id of one of the framework's competencies, forgiving
  case, spacing, "&" for "and", numbering ("1. "), Markdown markers and a trailing colon,
  optionally with a level ("Leading and Communicating – Level 3");
- a *level heading* names one "Level N" in at most 25 words ("Level 4 Behavioural Indicators
  for Grade 6 and Grade 7 Posts"), or names grades at one level in at most 12 words ("Grade
  7", "Policy Adviser – Higher Executive Officer"), read through the framework's own grade
  table (:func:`~civilframe.reference.grade_table.heading_level`).
"""

from __future__ import annotations

import re

from ..._format.scalars import Polarity
from ...reference.grade_table import heading_level
from ...text import fold
from .index import Index

__all__ = ["column_polarity", "heading", "key_polarity"]

_HEADING_WORDS = 25
#: The longest heading read for the grades it names (a dozen words of grade titles).
_GRADE_HEADING_CHARACTERS = 160
_LEVEL = re.compile(r"\blevel\s+([0-9]{1,3})\b")
_LEVEL_PHRASE = re.compile(r"\blevel\s+[0-9]{1,3}\b\)?")
#: What may stand before a level phrase ("Seeing the Big Picture – Level 3") and go with it.
_BEFORE_LEVEL = ",:;(–—-"
#: Heading markup in front ("## ", "** ", "3. ") and behind (":", ".", "*").
_HEADING_START = re.compile(r"^(?:#+\s*|\*+\s*|\d{1,2}[.)]?\s+)")
_HEADING_END = ":.*"
_HEADER_CELL = re.compile(
    r"(?:(?P<neg>ineffective|less effective|negative)|effective|positive)"
    r"(?: behaviou?rs?| indicators?| examples?)?"
    r"(?: people who are (?:less )?effective are likely to)?"
    r"|people who are (?P<neg2>less )?effective are likely to"
    r"|(?:behaviou?ral )?examples?(?: of (?:effective )?behaviou?rs?)?"
)


def column_polarity(text: str) -> Polarity | None:
    """The column a header cell claims ("Effective Behaviour" → ``"effective"``), or None."""
    folded = fold(text).rstrip(".:… ")
    match = _HEADER_CELL.fullmatch(folded)
    if match is None:
        return None
    return "ineffective" if match.group("neg") or match.group("neg2") else "effective"


#: Data keys that name a column of indicators, folded, and the column.
_KEY_POLARITIES: dict[str, Polarity] = {
    "effective": "effective",
    "positive": "effective",
    "examples": "effective",
    "ineffective": "ineffective",
    "negative": "ineffective",
    "less effective": "ineffective",
}


def key_polarity(key: str) -> Polarity | None:
    """The column a data key claims (``"effective"``, ``"negative_indicators"``), or None."""
    folded = fold(key.replace("_", " ").replace("-", " "))
    for suffix in (" indicators", " behaviours", " behaviors", " examples"):
        folded = folded.removesuffix(suffix)
    return _KEY_POLARITIES.get(folded) or column_polarity(folded)


def heading(text: str, index: Index) -> tuple[str | None, int | None] | None:
    """The competency and level a heading claims; None when it claims neither."""
    folded = fold(text)
    levels = {int(number) for number in _LEVEL.findall(folded)}
    kept, start = [], 0
    for match in _LEVEL_PHRASE.finditer(folded):
        kept.append(_strip_end(folded[start : match.start()], _BEFORE_LEVEL))
        start = match.end()
    rest = "".join([*kept, folded[start:]])
    for _ in range(2):
        rest = _strip_end(_HEADING_START.sub("", rest), _HEADING_END).strip()
    competency = index.competencies.get(rest)
    level = levels.pop() if len(levels) == 1 else None
    if competency is not None:
        return competency, level
    if level is not None and len(folded.split(" ")) <= _HEADING_WORDS:
        return None, level
    if not levels and len(text) <= _GRADE_HEADING_CHARACTERS:
        by_grade = heading_level(text.strip("*#_ "), index.framework)
        if by_grade is not None:
            return None, by_grade
    return None


def _strip_end(text: str, characters: str) -> str:
    """``text`` without the white space and ``characters`` at its end (in linear time)."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in characters):
        end -= 1
    return text[:end]
