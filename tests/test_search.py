"""Searching indicator text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civilframe as cf

ALL_TEXTS = [
    (framework_id, indicator.text)
    for framework_id in cf.frameworks()
    for indicator in cf.load(framework_id).indicators
]


def test_search_needs_every_word() -> None:
    """Every word must appear, in any order and case."""
    hits = cf.search("INTEREST national", framework="competency-framework")
    assert [h.indicator.id for h in hits] == [
        "seeing-the-big-picture.l5.e2",
        "seeing-the-big-picture.l6.e2",
    ]


def test_search_covers_every_bundled_framework_by_default() -> None:
    """Without a framework, every bundled framework is searched, in id order."""
    frameworks = [hit.framework.id for hit in cf.search("national interest")]
    assert frameworks == sorted(frameworks)
    assert set(frameworks) == {"competency-framework", "success-profiles-behaviours"}


def test_search_reads_ampersand_as_and() -> None:
    """An ampersand in the words matches "and" in the text."""
    assert cf.search("risks & issues") == cf.search("risks and issues")


def test_hits_say_where_they_sit() -> None:
    """A hit names its framework, competency, level and column."""
    hit = cf.search("national interest", framework="competency-framework")[0]
    assert hit.where == "competency-framework › Seeing the Big Picture › Level 5 effective"


def test_empty_words_find_nothing() -> None:
    """Blank words find nothing rather than everything."""
    assert cf.search("   ") == ()


@given(st.sampled_from(ALL_TEXTS))
def test_any_indicator_is_found_by_its_own_text(item: tuple[str, str]) -> None:
    """Searching for an indicator's whole text finds that indicator."""
    framework_id, text = item
    assert text in [hit.indicator.text for hit in cf.search(text, framework=framework_id)]


def test_words_match_whole_words_only() -> None:
    """A word matches whole words: "pace" does not find "space"."""
    texts = [hit.indicator.text for hit in cf.search("pace", framework="competency-framework")]
    assert texts
    assert all(" pace" in f" {text.lower()}" for text in texts)
    assert not any("space" in text.lower() and " pace" not in text.lower() for text in texts)


def test_search_forgives_plurals_and_hyphens() -> None:
    """Plurals read as singular ("risks" finds "risk"), hyphens split ("risk averse")."""
    ccf = cf.load("competency-framework")
    assert cf.search("risks", ccf) == cf.search("risk", ccf)
    averse = [hit.indicator.text for hit in cf.search("risk averse", ccf)]
    assert averse
    assert all("risk-averse" in text or "risk averse" in text for text in averse)
    assert cf.search("policies", ccf) == cf.search("policy", ccf)


@pytest.mark.parametrize(
    ("word", "key"),
    [("risks", "risk"), ("policies", "policy"), ("processes", "process"), ("approaches", "approach"),
     ("issues", "issue"), ("business", "business"), ("focus", "focus"), ("analysis", "analysis"),
     ("its", "its"), ("team's", "team"), ("Team’s", "team")],
)  # fmt: skip
def test_the_plural_rule(word: str, key: str) -> None:
    """The small English plural rule search uses, word by word."""
    from civilframe.text import search_keys

    assert search_keys(word) == [key]


@pytest.mark.parametrize("words", ["risk averse", "value for money", "big picture", "team"])
def test_ranked_hits_put_the_phrase_first_and_keep_every_hit(words: str) -> None:
    """Ranking only reorders: hits holding the words as a phrase come before the others."""
    from civilframe.analysis.find import ranked
    from civilframe.text import search_keys

    hits = cf.search(words)
    best = ranked(hits, words)
    assert sorted(h.indicator.id for h in best) == sorted(h.indicator.id for h in hits)
    phrase = search_keys(words)

    def together(text: str) -> bool:
        keys = search_keys(text)
        return any(keys[i : i + len(phrase)] == phrase for i in range(len(keys)))

    flags = [together(h.indicator.text) for h in best]
    assert flags == sorted(flags, reverse=True)


def test_a_hit_names_the_words_that_matched_as_written() -> None:
    """Hit.matched holds the text's own spelling of each matched word."""
    (hit,) = cf.search("risk averse", "competency-framework")
    assert hit.matched == ("risk", "averse")
    plural = [h for h in cf.search("risk", "competency-framework") if "risks" in h.indicator.text]
    assert plural
    assert all("risks" in h.matched for h in plural)
