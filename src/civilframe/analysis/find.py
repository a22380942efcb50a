"""Searching indicator text across frameworks.

>>> import civilframe as cf
>>> hit = cf.search("national interest", framework="success-profiles-behaviours")[0]
>>> hit.competency.name, hit.indicator.level_number
('Seeing the Big Picture', 5)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..loading import frameworks, load, resolve
from ..model import Competency, Framework, Indicator
from ..text import search_keys, search_words

__all__ = ["Hit", "ranked", "search"]


@attrs.frozen(kw_only=True)
class Hit:
    """An indicator that matched a search, with where it sits."""

    #: The framework it belongs to.
    framework: Framework = attrs.field(repr=False)
    #: The competency it belongs to.
    competency: Competency = attrs.field(repr=False)
    #: The indicator itself (it tells its level and polarity).
    indicator: Indicator
    #: The words of its text that matched the search, as the text writes them, in order.
    matched: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """Its place in words: the framework's id, the competency's name, the level and column.

        For example ``"competency-framework › Seeing the Big Picture › Level 3 effective"``.
        """
        column = "effective" if self.indicator.polarity == "effective" else "ineffective"
        level = f"Level {self.indicator.level_number}"
        return f"{self.framework.id} › {self.competency.name} › {level} {column}"


def search(words: str, framework: str | Framework | None = None) -> tuple[Hit, ...]:
    """The indicators whose text contains every one of ``words``, in document order.

    Each word matches whole words only ("pace" does not match "space"); matching folds case,
    spacing and "&" for "and", splits hyphenated words ("risk averse" finds "risk-averse") and
    reads plurals as singular ("risks" finds "risk"): see :func:`civilframe.text.search_keys`.
    ``framework`` limits the search to one framework (an id or a loaded framework); by default
    every bundled framework is searched.

    >>> import civilframe as cf
    >>> hits = cf.search("Value for MONEY")
    >>> len(hits), hits[0].where
    (15, 'competency-framework › Achieving Commercial Outcomes › Level 5 effective')
    """
    if not isinstance(words, str):
        raise TypeError(f"search() takes the words to find as text, got {type(words).__name__}")
    terms = set(search_keys(words))
    if not terms:
        return ()
    sources: Iterable[Framework]
    if framework is None:
        sources = (load(framework_id) for framework_id in frameworks())
    else:
        sources = (resolve(framework),)
    return tuple(
        Hit(
            framework=source,
            competency=competency,
            indicator=indicator,
            matched=tuple(word for word, key in search_words(indicator.text) if key in terms),
        )
        for source in sources
        for competency in source.competencies
        for indicator in competency.indicators
        if terms.issubset(search_keys(indicator.text))
    )


def ranked(hits: Iterable[Hit], words: str) -> tuple[Hit, ...]:
    """``hits`` best first: those holding ``words`` as a phrase, then the shorter texts.

    Hits alike keep their order (document order, as :func:`search` gives them).

    >>> import civilframe as cf
    >>> [hit.indicator.text for hit in ranked(cf.search("risk averse"), "risk averse")][0][:24]
    'Take a narrow and risk a'
    """
    phrase = search_keys(words)

    def key(hit: Hit) -> tuple[int, int]:
        keys = search_keys(hit.indicator.text)
        together = any(keys[start : start + len(phrase)] == phrase for start in range(len(keys)))
        return (0 if together else 1, len(keys))

    return tuple(sorted(hits, key=key))
