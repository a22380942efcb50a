"""A framework's indicator texts, indexed once per check for exact, contained and near matching."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from ...model import Framework, Indicator
from ...text import collapse, fold, similarity, typography_key
from .blocks import Cell

__all__ = ["NEAR_MIN_WORDS", "NEAR_RATIO", "Index"]

#: The least word-sequence similarity (difflib ratio) at which a statement is near an indicator.
NEAR_RATIO = 0.6

#: The fewest words, in order, that a statement must share with an indicator to be near it.
NEAR_MIN_WORDS = 3

#: Where a word may start an indicator's text: after white space or an opening mark.
_WORD_START = re.compile(r"(?<![^\s\"'“‘(\[{<])(?=[^\s\"'“‘(\[{<])")
_CLOSERS = frozenset("\"'”’)]}>")


@attrs.define
class Index:
    """The framework's indicator texts, for exact, contained and near matching."""

    #: The framework indexed.
    framework: Framework
    #: Each distinct text (white space collapsed) and the indicators that have it.
    texts: list[str]
    holders: list[tuple[Indicator, ...]]
    exact: dict[str, int]
    #: Each text's :func:`~civilframe.text.typography_key` -> its number (the first text).
    typographic: dict[str, int]
    words: list[tuple[str, ...]]
    keys: list[frozenset[tuple[str, int]]]
    most_words: int
    #: First word of each text -> the texts starting with it (for finding texts inside a cell).
    starts: dict[str, list[int]]
    #: The longest of those first words, and the longest text.
    longest_start: int
    longest_text: int
    #: (word, n-th occurrence) -> the texts having it; and how many texts have it.
    postings: dict[tuple[str, int], list[int]]
    competencies: dict[str, str]
    #: Competency id -> its name.
    names: dict[str, str]

    @classmethod
    def of(cls, framework: Framework) -> Index:
        """The index of ``framework``'s indicator texts."""
        holders: dict[str, list[Indicator]] = {}
        for indicator in framework.indicators:
            holders.setdefault(collapse(indicator.text), []).append(indicator)
        texts = list(holders)
        words = [tuple(text.split(" ")) for text in texts]
        starts: dict[str, list[int]] = {}
        postings: dict[tuple[str, int], list[int]] = {}
        for number, text_words in enumerate(words):
            starts.setdefault(text_words[0], []).append(number)
            for key in _occurrences(text_words):
                postings.setdefault(key, []).append(number)
        competencies: dict[str, str] = {}
        for competency in framework.competencies:
            competencies[fold(competency.name)] = competency.id
            competencies[competency.id] = competency.id
        return cls(
            framework=framework,
            texts=texts,
            holders=[tuple(found) for found in holders.values()],
            exact={text: number for number, text in enumerate(texts)},
            typographic=_typographic(texts),
            words=words,
            keys=[frozenset(_occurrences(text_words)) for text_words in words],
            most_words=max(map(len, words), default=0),
            starts=starts,
            longest_start=max(map(len, starts), default=0),
            longest_text=max(map(len, texts), default=0),
            postings=postings,
            competencies=competencies,
            names={competency.id: competency.name for competency in framework.competencies},
        )

    #: The typography keys worked out so far: the reader, the splitter and the matcher each
    #: ask for the same cell's.
    keyed: dict[str, str] = attrs.field(factory=dict)

    def key(self, text: str) -> str:
        """The :func:`~civilframe.text.typography_key` of ``text``, worked out once."""
        found = self.keyed.get(text)
        if found is None:
            found = self.keyed[text] = typography_key(text)
        return found

    def cell_number(self, cell: Cell) -> int | None:
        """The number of the text a cell is, as found, cleaned, or typography aside; or None.

        Looked up once per cell (a cell joined to the line below is looked up again).
        """
        if cell.number == -1:
            found = self.exact.get(cell.raw)
            if found is None:
                found = self.exact.get(cell.clean)
            if found is None and len(cell.clean) <= 2 * self.longest_text:
                found = self.typeset(cell.clean)
            cell.number = found
        return cell.number

    def typeset(self, text: str) -> int | None:
        """The number of the text ``text`` is, typography aside, or None."""
        return self.typographic.get(self.key(text))

    def contained(self, text: str) -> list[tuple[int, int, int]]:
        """Each indicator text inside ``text`` as ``(start, end, number)``, longest first.

        Found left to right, without overlaps; a text counts only where it is delimited by the
        ends of ``text``, white space, quotation marks or brackets.
        """
        found: list[tuple[int, int, int]] = []
        position = 0
        for match in _WORD_START.finditer(text):
            start = match.start()
            if start < position:
                continue
            space = text.find(" ", start)
            token = text[start:] if space < 0 else text[start:space]
            best: tuple[int, int, int] | None = None
            for number in self._starting(token):
                candidate = self.texts[number]
                end = start + len(candidate)
                if not text.startswith(candidate, start):
                    continue
                after = text[end] if end < len(text) else " "
                if (after.isspace() or after in _CLOSERS) and (best is None or end > best[1]):
                    best = (start, end, number)
            if best is not None:
                found.append(best)
                position = best[1]
        return found

    def _starting(self, token: str) -> list[int]:
        """The texts whose first word is ``token``, or ``token`` without trailing marks."""
        numbers = list(self.starts.get(token, ()))
        end = len(token)
        while end and not token[end - 1].isalnum():
            end -= 1
            if end <= self.longest_start:  # a longer word starts no text: not looked up
                numbers.extend(self.starts.get(token[:end], ()))
        return numbers

    def closest(self, text: str) -> tuple[float, int] | None:
        """The text sharing most words with ``text``, as ``(share, number)``; None for none.

        ``share`` is the words the two have in common, counted as often as each has them, over
        their average length in words (1.0 for the same words in any order): a statement that
        matches nothing has its nearest text named without comparing it word by word with
        every indicator. Only texts holding one of the statement's rarest words are candidates,
        and a text must share two of its words.
        """
        words = tuple(text.split(" "))
        mine = frozenset(_occurrences(words))
        rarest = sorted(
            (key for key in mine if key in self.postings),
            key=lambda key: len(self.postings[key]),
        )
        common = max(_CLOSEST_COMMON, len(self.texts) // 20)  # a word most texts have: no clue
        candidates: set[int] = set()
        for key in rarest[:_CLOSEST_WORDS]:
            if len(self.postings[key]) <= common:
                candidates.update(self.postings[key])
        best: tuple[float, int] | None = None
        for number in sorted(candidates):
            shared = len(mine & self.keys[number])
            if shared < 2:
                continue
            share = 2 * shared / (len(words) + len(self.words[number]))
            if best is None or share > best[0]:
                best = (share, number)
        return best

    def near(self, text: str) -> list[tuple[float, int]]:
        """Every text that ``text`` is near, as ``(ratio, number)``.

        A prefix filter keeps this cheap: a text sharing at least ``k`` of the statement's
        ``n`` words must share one of its ``n - k + 1`` rarest words, so only texts holding one
        of those are compared at all; a count of shared words bounds the ratio before difflib
        runs.
        """
        words = tuple(text.split(" "))
        n = len(words)
        if n < NEAR_MIN_WORDS:
            return []
        shortest, longest = NEAR_RATIO * n / (2 - NEAR_RATIO), n * (2 - NEAR_RATIO) / NEAR_RATIO
        if shortest > self.most_words:
            return []
        need = max(NEAR_MIN_WORDS, math.ceil(shortest - 1e-9))
        mine = frozenset(_occurrences(words))
        rarest = sorted(mine, key=lambda key: len(self.postings.get(key, ())))
        candidates: set[int] = set()
        for key in rarest[: max(0, n - need + 1)]:
            candidates.update(self.postings.get(key, ()))
        found: list[tuple[float, int]] = []
        for number in sorted(candidates):
            theirs = self.words[number]
            m = len(theirs)
            if not shortest <= m <= longest:
                continue
            shared = len(mine & self.keys[number])
            if shared < NEAR_MIN_WORDS or 2 * shared < NEAR_RATIO * (n + m):
                continue
            ratio = similarity(theirs, words)
            common = round(ratio * (n + m) / 2)
            if common >= NEAR_MIN_WORDS and ratio >= NEAR_RATIO:
                found.append((ratio, number))
        return found


#: How many of a statement's rarest words find the candidates for :meth:`Index.closest`.
_CLOSEST_WORDS = 3
#: The fewest texts a word may be in and still find candidates (a twentieth of them, if more).
_CLOSEST_COMMON = 20


def _occurrences(words: Sequence[str]) -> list[tuple[str, int]]:
    """Each word with its occurrence number, so that repeated words count as often as used."""
    seen: Counter[str] = Counter()
    keys = []
    for word in words:
        seen[word] += 1
        keys.append((word, seen[word]))
    return keys


def _typographic(texts: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, text in enumerate(texts):
        found.setdefault(typography_key(text), number)
    return found
