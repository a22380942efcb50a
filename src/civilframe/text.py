"""Text rules shared across civilframe: folding, words, similarity and word differences.

Every comparison of texts in civilframe goes through this module: lookups fold names with
:func:`fold`, search and the quote checker split texts into :func:`words`, the comparison of
editions and the quote checker measure :func:`similarity` and list :func:`differences` over word
sequences, and failed lookups rank their suggestions with :func:`closest`.

>>> fold("  Changing &  Improving ")
'changing and improving'
>>> similarity(words("Lead from the front"), words("Lead from the back"))
0.75
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from difflib import SequenceMatcher

__all__ = [
    "closest",
    "collapse",
    "describe_levels",
    "differences",
    "fold",
    "search_keys",
    "search_words",
    "similarity",
    "slug",
    "typography",
    "typography_key",
    "unwrapped",
    "word_keys",
    "words",
]

_SPACES = re.compile(r"\s+")
_AMPERSAND = re.compile(r"\s*&\s*")
_NOT_SLUG = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"'s(?![^\W_])")
_SEARCH_WORD = re.compile(r"[^\W_]+")
#: Marks a word may carry that are not part of it, for comparing words as words.
_PUNCTUATION = ".,;:!?()[]\"'‘’“”"


def collapse(text: str) -> str:
    r"""``text`` with every run of white space made one space, and none at either end.

    >>> collapse("  Work\twith  energy\n")
    'Work with energy'
    """
    return _SPACES.sub(" ", text).strip()


_LAYOUT = re.compile(r"[ \t\r\n\f\v]+")


def unwrapped(text: str) -> str:
    r"""``text`` with its layout undone: each run of spaces, TABs and line breaks one space.

    Unlike :func:`collapse` it keeps a non-breaking space, which is typography the quote
    checker reports, not layout.

    >>> unwrapped(" Work\u00a0with\n  energy ")
    'Work\xa0with energy'
    """
    return _LAYOUT.sub(" ", text).strip(" ")


def fold(text: str) -> str:
    """``text`` folded for matching names: case, white space, and "&" read as "and".

    >>> fold("Leading &Communicating")
    'leading and communicating'
    """
    return collapse(_AMPERSAND.sub(" and ", text.casefold()))


def slug(text: str) -> str:
    """``text`` as an id would spell it: folded, with hyphens between its letters and digits.

    >>> slug("Setting Direction"), slug("Changing & Improving")
    ('setting-direction', 'changing-and-improving')
    """
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


def words(text: str) -> list[str]:
    """The words of ``text``, split at white space; punctuation stays on its word.

    >>> words("Make decisions, when needed.")
    ['Make', 'decisions,', 'when', 'needed.']
    """
    return text.split()


def search_keys(text: str) -> list[str]:
    """The words of ``text`` as search compares them.

    Folded, split at hyphens and punctuation, possessives dropped, plurals made singular.

    The plural rule is a small English one (``risks`` → ``risk``, ``policies`` → ``policy``,
    ``processes`` → ``process``, ``approaches`` → ``approach``), never applied to words of
    three letters or fewer, nor to those ending in ``ss``, ``us`` or ``is``. The one-file HTML
    browser applies the same rule in its own script.

    >>> search_keys("Take a narrow and risk-averse approach to the team's risks")
    ['take', 'a', 'narrow', 'and', 'risk', 'averse', 'approach', 'to', 'the', 'team', 'risk']
    """
    folded = _POSSESSIVE.sub("", fold(text).replace("’", "'"))
    return [_singular(word) for word in _SEARCH_WORD.findall(folded)]


def search_words(text: str) -> list[tuple[str, str]]:
    """Each word of ``text`` as written, with its search key (see :func:`search_keys`).

    >>> search_words("Risk-averse plans")
    [('Risk', 'risk'), ('averse', 'averse'), ('plans', 'plan')]
    """
    return [(word, _singular(fold(word))) for word in _SEARCH_WORD.findall(text)]


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def word_keys(text: str) -> list[str]:
    """The words of ``text`` for comparing wording alone: case folded, punctuation dropped.

    A word that is all punctuation (an en dash) is kept as it is.

    >>> word_keys("Lead, from the FRONT.")
    ['lead', 'from', 'the', 'front']
    """
    keys = []
    for word in text.split():
        key = word.casefold().strip(_PUNCTUATION)
        keys.append(key or word)
    return keys


def similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """How alike two word sequences are, from 0 to 1.

    Twice the words they share in order, over the words of both (difflib's ratio, with no word
    treated as junk).

    Two empty sequences are alike (1.0).

    >>> similarity(["a", "b", "c", "d"], ["a", "b", "x", "d"])
    0.75
    """
    if not a and not b:
        return 1.0
    return _matcher(a, b).ratio()


def differences(
    a: Sequence[str], b: Sequence[str]
) -> list[tuple[Literal["equal", "replace", "delete", "insert"], str, str]]:
    """The word runs in which two word sequences agree and differ, in order.

    Each run is ``(tag, words of a, words of b)``, the words joined by single spaces: ``"equal"``
    where both have the same words, ``"replace"`` where each has its own, ``"delete"`` where only
    ``a`` has words and ``"insert"`` where only ``b`` has.

    >>> differences(["work", "with", "pace"], ["work", "at", "pace"])
    [('equal', 'work', 'work'), ('replace', 'with', 'at'), ('equal', 'pace', 'pace')]
    """
    runs: list[tuple[Literal["equal", "replace", "delete", "insert"], str, str]] = []
    for tag, i1, i2, j1, j2 in _matcher(a, b).get_opcodes():
        runs.append((tag, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return runs


def _matcher(a: Sequence[Hashable], b: Sequence[Hashable]) -> SequenceMatcher[Hashable]:
    from difflib import SequenceMatcher  # on first use: import civilframe needs none of it

    return SequenceMatcher(None, a, b, autojunk=False)


def closest(query: str, choices: Iterable[str], *, limit: int = 5) -> tuple[str, ...]:
    """The choices most like ``query``, best first, at most ``limit`` of them.

    Likeness is difflib's ratio of the folded texts (case, spacing and "&" ignored); choices
    equally like the query keep their order.

    >>> closest("Delivering Pace", ["Leadership", "Delivering at Pace", "Working Together"])
    ('Delivering at Pace', 'Working Together', 'Leadership')
    >>> closest("sms 1", ["competency-framework", "competency-framework-2012-sms1"], limit=1)
    ('competency-framework-2012-sms1',)
    """
    from difflib import SequenceMatcher

    key = fold(query)
    scored = sorted(
        (-SequenceMatcher(None, key, fold(option), autojunk=False).ratio(), position, option)
        for position, option in enumerate(dict.fromkeys(choices))
    )
    return tuple(option for _, _, option in scored[:limit])


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


#: What typography may change without changing the wording, as ``(what, characters)``.
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'"}
_QUOTES |= {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"'}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212-"
_INVISIBLE = {"\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None}
_NO_BREAK = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}
_TYPOGRAPHY = str.maketrans({**_QUOTES, **_INVISIBLE, **_NO_BREAK})
_DASH = re.compile(rf"\s*[{_DASHES}]\s*")
_EMPHASIS = re.compile(
    r"(?<![^\s(\[\"'])(\*{1,3}|_{1,3})(?=\S)"  # opening marks, before a word
    r"|(?<=\S)(\*{1,3}|_{1,3})(?![^\s).,;:!?\]\"'])"  # closing marks, after one
)


#: What :func:`typography_key` may change in ASCII text, besides a final full stop.
_MARKS = re.compile(r"[*_\-\t\n\r\f\v]|  ")


def typography_key(text: str) -> str:
    """``text`` with what typography changes made uniform: the key "verbatim" compares.

    Quotation marks (straight, curly, low-9) become straight; every dash becomes a hyphen,
    the spaces around it dropped; runs of white space (non-breaking spaces too) become one
    space; soft hyphens and zero-width characters go, and so do Markdown emphasis marks
    around words and a final full stop (or several).

    >>> typography_key("Lead – **don’t** wait.") == typography_key("Lead - don't wait")
    True
    """
    if text.isascii() and _MARKS.search(text) is None:
        return text.strip().rstrip(". ")  # nothing typographic but the final stop
    key = _EMPHASIS.sub("", text.translate(_TYPOGRAPHY))
    key = _DASH.sub("-", collapse(key))
    return key.rstrip(". ")


def _final_stops(text: str) -> str:
    end = text.rstrip()
    return end[len(end.rstrip(".")) :]


def typography(document: str, framework: str) -> tuple[str, ...]:
    """How a quotation differs from the framework's text in typography alone, in words.

    Meant for two texts with the same :func:`typography_key`. Each difference is named once:
    quotation marks, dashes, white space, a final full stop,
    emphasis markup, invisible characters. Empty when the two are identical.

    >>> typography("Lead – don’t wait.", "Lead - don't wait")
    ('quotation marks', 'dashes', 'a final full stop')
    """
    found: list[str] = []

    def differs(kept: Callable[[str], str]) -> bool:
        return kept(document) != kept(framework)

    if differs(lambda t: "".join(c for c in t if c in _QUOTES or c in "'\"")):
        found.append("quotation marks")
    if differs(lambda t: "".join(c for c in t if c in _DASHES) + str(_DASH.findall(t))):
        found.append("dashes")
    if differs(lambda t: "".join(c for c in t if c.isspace())):
        found.append("white space")
    if _final_stops(document) != _final_stops(framework):
        found.append("a final full stop")
    if differs(lambda t: "".join(c for c in t if c in "*_")):
        found.append("emphasis markup")
    if differs(lambda t: "".join(c for c in t if c in _INVISIBLE)):
        found.append("invisible characters")
    return tuple(found)
