"""Hypothesis strategies: valid framework documents of any size, and JSON values of any shape.

``framework_documents()`` draws documents in canonical form (keys in the format's order, optional
keys left out when empty), so that ``civilframe.dumps(civilframe.loads(text))`` must give the
same text back.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from civilframe.text import fold

Document = dict[str, Any]

_WORD = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Z")),
    min_size=1,
    max_size=8,
)
#: Valid framework text: words joined by single spaces.
texts = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
#: Valid ids without a dot (indicator ids, which have dots, cannot collide with them).
plain_ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


def canonical(document: Document) -> str:
    """The document as civilframe writes JSON."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@st.composite
def framework_documents(
    draw: st.DrawFn,
    *,
    cumulative: bool | None = None,
    min_competencies: int = 0,
    first_level: int | None = None,
    min_levels: int | None = None,
) -> Document:
    """A valid framework document, in canonical form."""
    fewest = min_levels if min_levels is not None else (0 if min_competencies == 0 else 1)
    level_count = draw(st.integers(fewest, 4))
    first = first_level if first_level is not None else draw(st.integers(1, 3))
    numbers = list(range(first, first + level_count))
    cluster_count = draw(st.integers(0, 3))
    competency_count = draw(st.integers(min_competencies, 4))
    question_count = draw(st.integers(0, 2))
    needed = 2 + cluster_count + competency_count + question_count
    id_pool = draw(st.lists(plain_ids, min_size=needed, unique=True))
    source_ids = id_pool[:2]
    cluster_ids = id_pool[2 : 2 + cluster_count]
    competency_ids = id_pool[2 + cluster_count :][:competency_count]
    question_ids = id_pool[2 + cluster_count + competency_count :][:question_count]
    names = draw(
        st.lists(texts, min_size=competency_count, max_size=competency_count, unique_by=_fold)
    )
    sources = [
        _without_none({"id": sid, "title": draw(texts), "file": draw(st.none() | texts)})
        for sid in source_ids[: draw(st.integers(1, 2))]
    ]
    competencies = []
    for cid, name in zip(competency_ids, names, strict=True):
        competency = {
            "id": cid,
            "number": draw(st.none() | st.integers(1, 20)),
            "name": name,
            "cluster": draw(st.sampled_from(cluster_ids)) if cluster_ids else None,
            "summary": draw(st.none() | texts),
            "description": draw(st.none() | texts),
            "levels": [_level(draw, cid, n, sources) for n in numbers],
        }
        competencies.append(_without_none(competency))
    document: Document = {
        "id": draw(plain_ids),
        "title": draw(texts),
        "edition": draw(st.none() | texts),
        "publisher": draw(st.none() | texts),
        "sources": sources,
        "cumulative": draw(st.booleans()) if cumulative is None else cumulative,
        "introduction": draw(st.lists(texts, max_size=3)),
        "level_definitions": [
            {"number": n, "label": draw(texts), "grades": draw(st.lists(texts, max_size=2))}
            for n in numbers
        ],
        "clusters": [{"id": kid, "title": draw(texts)} for kid in cluster_ids],
        "competencies": competencies,
        "questions": [
            {"id": qid, "name": draw(texts), "text": draw(texts)} for qid in question_ids
        ],
    }
    for optional in ("introduction", "clusters", "questions"):
        if not document[optional]:
            del document[optional]
    return _without_none(document)


def _level(draw: st.DrawFn, competency: str, number: int, sources: list[Document]) -> Document:
    level: Document = {"number": number}
    for polarity in ("effective", "ineffective"):
        level[polarity] = [
            _indicator(draw, f"{competency}.l{number}.{polarity[0]}{row}", sources)
            for row in range(1, draw(st.integers(0, 3)) + 1)
        ]
    others = [source["id"] for source in sources[1:]]
    gaps = draw(st.lists(_gaps(others), max_size=1))
    if gaps:
        level["gaps"] = gaps
    return level


def _indicator(draw: st.DrawFn, id: str, sources: list[Document]) -> Document:
    others = [source["id"] for source in sources[1:]]
    use_other = bool(others) and draw(st.booleans())
    source = draw(st.sampled_from(others)) if use_other else None
    return _without_none(
        {"id": id, "text": draw(texts), "source": source, "note": draw(st.none() | texts)}
    )


def _gaps(others: list[str]) -> st.SearchStrategy[Document]:
    recovered = st.sampled_from(others) if others else st.none()
    return st.builds(
        lambda polarity, note, recovered_from: _without_none(
            {"polarity": polarity, "note": note, "recovered_from": recovered_from}
        ),
        st.sampled_from(["effective", "ineffective"]),
        texts,
        st.none() | recovered,
    )


def _without_none(mapping: Document) -> Document:
    return {key: value for key, value in mapping.items() if value is not None}


def _fold(text: str) -> str:
    return fold(text)


#: Any JSON value at all.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)
