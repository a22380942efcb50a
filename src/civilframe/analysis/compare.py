"""Comparing two frameworks: what changed between editions, row by row and word by word.

:func:`diff` compares any two frameworks in the civilframe format, bundled or a user's own.
Competencies are matched by id, else by name (forgiving case, spacing and "&"); levels are
compared where both competencies hold them; each level is compared column by column
(effective, then ineffective). Within a column:

1. rows whose texts are identical are matched first, wherever they stand in the column;
2. the remaining rows are paired in order (when one side has more rows left, the order-keeping
   pairing that matches the most similar rows is chosen) and the rest are *added* (only in B)
   or *removed* (only in A);
3. a pair is *changed* when the word similarity of its two texts (:func:`similarity`) is at
   least :data:`REPLACED_BELOW`, and *replaced* when it is lower: the row was rewritten beyond
   recognition.

A column whose text one side lost (a :class:`~civilframe.Gap` with no ``recovered_from``), or
holds as text recovered from another document (indicators whose ``source`` is not that
framework's own), is *not comparable*: comparing one edition with text borrowed from another
would say nothing. Such columns are reported with the reason, and their rows are not counted.

>>> import civilframe as cf
>>> d = cf.diff("competency-framework-2012-sms1", "competency-framework")
>>> d.counts("ineffective")
{'identical': 55, 'changed': 3, 'replaced': 1, 'added': 0, 'removed': 0}
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from .. import _views
from .._format.scalars import POLARITIES, Polarity
from .._reprs import by_id, clipped, counted
from ..errors import NotFoundError
from ..loading import resolve
from ..model import Competency, Framework, Indicator, Level
from ..text import closest, differences, fold, word_keys, words
from ..text import similarity as word_similarity

__all__ = [
    "REPLACED_BELOW",
    "ROW_STATUSES",
    "ColumnDiff",
    "CompetencyDiff",
    "FrameworkDiff",
    "IndicatorDiff",
    "LevelDiff",
    "RowStatus",
    "TextDiff",
    "WordChange",
    "diff",
    "similarity",
]

#: What became of one row: the same text, reworded, rewritten beyond recognition, new in B,
#: or gone from B.
RowStatus = Literal["identical", "changed", "replaced", "added", "removed"]

#: Every row status, in the order counts and reports list them.
ROW_STATUSES: tuple[RowStatus, ...] = ("identical", "changed", "replaced", "added", "removed")

#: A reworded row whose word similarity is below this is *replaced*, not *changed*.
#:
#: Chosen from the two bundled editions at Level 5: the rows AUDIT.md calls replaced (Making
#: Effective Decisions E2, Managing a Quality Service I2) have a similarity of at most 0.08,
#: and every row it calls changed at least 0.46, so any threshold between separates them; a
#: quarter sits well clear of both.
REPLACED_BELOW = 0.25


@attrs.frozen(kw_only=True)
class WordChange:
    """One run of words in a word-level difference: kept, removed from A, or added in B."""

    #: ``"equal"`` (in both), ``"removed"`` (only in A) or ``"added"`` (only in B).
    op: Literal["equal", "removed", "added"]
    #: The words of the run, joined by single spaces, punctuation attached as printed.
    words: str


@attrs.frozen(kw_only=True)
class IndicatorDiff:
    """What became of one row of a column: its status, its two sides and their difference."""

    #: ``"identical"``, ``"changed"``, ``"replaced"``, ``"added"`` or ``"removed"``.
    status: RowStatus
    #: The row in A (None when added).
    a: Indicator | None = attrs.field(repr=by_id)
    #: The row in B (None when removed).
    b: Indicator | None = attrs.field(repr=by_id)
    #: Word similarity of the two texts, 0 to 1 (1 when identical, 0 when one side is absent).
    similarity: float
    #: The word-level difference of a changed or replaced row, in order; empty otherwise.
    words: tuple[WordChange, ...] = attrs.field(default=(), repr=counted)

    @property
    def added_words(self) -> tuple[str, ...]:
        """The runs of words only B has, in order."""
        return tuple(change.words for change in self.words if change.op == "added")

    @property
    def removed_words(self) -> tuple[str, ...]:
        """The runs of words only A has, in order."""
        return tuple(change.words for change in self.words if change.op == "removed")


@attrs.frozen(kw_only=True)
class ColumnDiff:
    """One column (effective or ineffective) of one level of one competency, compared."""

    #: The id of the competency in A.
    competency_id: str
    #: The level's number.
    level_number: int
    #: Which column.
    polarity: Polarity
    #: Why the column cannot be compared, or None when it was compared.
    reason: str | None = None
    #: Every row, in A's order, then the rows only B has (none when not comparable).
    rows: tuple[IndicatorDiff, ...] = attrs.field(default=(), repr=counted)

    @property
    def comparable(self) -> bool:
        """Whether both sides hold the column's own text, so that it was compared."""
        return self.reason is None


@attrs.frozen(kw_only=True)
class LevelDiff:
    """One level that both competencies hold, compared column by column."""

    #: The level's number.
    number: int
    #: The effective column compared.
    effective: ColumnDiff
    #: The ineffective column compared.
    ineffective: ColumnDiff

    def column(self, polarity: Polarity) -> ColumnDiff:
        """The column of this polarity."""
        return self.effective if polarity == "effective" else self.ineffective


@attrs.frozen(kw_only=True)
class TextDiff:
    """A competency's name, summary or description that differs between A and B."""

    #: Which text: ``"name"``, ``"summary"`` or ``"description"``.
    field: Literal["name", "summary", "description"]
    #: ``"changed"`` when both have it, ``"added"`` when only B has it, ``"removed"`` when only A.
    status: Literal["changed", "added", "removed"]
    #: A's text, if A has it.
    a: str | None = attrs.field(repr=clipped)
    #: B's text, if B has it.
    b: str | None = attrs.field(repr=clipped)
    #: Word similarity of the two texts, 0 to 1 (0 when one side lacks the text).
    similarity: float
    #: The word-level difference when both have the text; empty otherwise.
    words: tuple[WordChange, ...] = attrs.field(default=(), repr=counted)


@attrs.frozen(kw_only=True)
class CompetencyDiff:
    """A competency present in both frameworks, compared text by text and level by level."""

    #: The competency in A.
    a: Competency = attrs.field(repr=by_id)
    #: The competency in B.
    b: Competency = attrs.field(repr=by_id)
    #: How the two were matched: by the same id, or (ids differing) by the same name.
    matched_by: Literal["id", "name"]
    #: The texts (name, summary, description) that differ.
    texts: tuple[TextDiff, ...] = attrs.field(default=(), repr=counted)
    #: The levels both hold, ascending, compared.
    levels: tuple[LevelDiff, ...] = attrs.field(default=(), repr=counted)
    #: The levels only A holds.
    levels_only_in_a: tuple[int, ...] = ()
    #: The levels only B holds.
    levels_only_in_b: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        """The competency's name in A."""
        return self.a.name

    def level(self, number: int) -> LevelDiff:
        """The comparison at level ``number``.

        Raises :class:`~civilframe.NotFoundError` unless both frameworks hold it.
        """
        for level in self.levels:
            if level.number == number:
                return level
        raise NotFoundError(
            kind="level",
            query=str(number),
            closest=tuple(str(level.number) for level in self.levels),
            reason=f"{self.name!r}: Level {number} is not held by both frameworks",
            closest_label="both hold levels",
        )


@attrs.frozen(kw_only=True)
class FrameworkDiff:
    """The comparison of two frameworks, A and B, as :func:`diff` makes it.

    "Added" always means in B but not in A, and "removed" in A but not in B, whichever of the
    two is the older edition.
    """

    #: Framework A.
    a: Framework = attrs.field(repr=by_id)
    #: Framework B.
    b: Framework = attrs.field(repr=by_id)
    #: The competencies both hold, in A's order, compared.
    competencies: tuple[CompetencyDiff, ...] = attrs.field(repr=counted)
    #: The competencies only A holds, in A's order.
    only_in_a: tuple[Competency, ...] = attrs.field(default=(), repr=counted)
    #: The competencies only B holds, in B's order.
    only_in_b: tuple[Competency, ...] = attrs.field(default=(), repr=counted)

    @property
    def common_levels(self) -> tuple[int, ...]:
        """The level numbers both frameworks cover, ascending."""
        return tuple(n for n in self.a.level_numbers if n in self.b.level_numbers)

    def competency(self, name_or_id: str) -> CompetencyDiff:
        """The comparison of one competency, found by its id in A or B, else by its name.

        Raises :class:`~civilframe.NotFoundError`, naming the closest, when no competency of
        that name or id is in both.
        """
        for found in self.competencies:
            if name_or_id in (found.a.id, found.b.id):
                return found
        if not isinstance(name_or_id, str):
            raise TypeError(f"competency() takes a name or an id, got {type(name_or_id).__name__}")
        key = fold(name_or_id)
        for found in self.competencies:
            if key in (fold(found.a.name), fold(found.b.name)):
                return found
        raise NotFoundError(
            kind="competency",
            query=name_or_id,
            closest=closest(name_or_id, (found.a.name for found in self.competencies)),
            reason=f"no competency {name_or_id!r} is held by both frameworks",
        )

    def columns(self) -> Iterator[ColumnDiff]:
        """Every column of every level both hold, compared or not, competency by competency."""
        for competency in self.competencies:
            for level in competency.levels:
                yield level.effective
                yield level.ineffective

    def rows(
        self,
        polarity: Polarity | None = None,
        *,
        status: RowStatus | None = None,
        level: int | None = None,
    ) -> tuple[IndicatorDiff, ...]:
        """The rows of every comparable column, optionally of one polarity, status or level."""
        return tuple(
            row
            for column in self.columns()
            if (polarity is None or column.polarity == polarity)
            and (level is None or column.level_number == level)
            for row in column.rows
            if status is None or row.status == status
        )

    def counts(
        self, polarity: Polarity | None = None, *, level: int | None = None
    ) -> dict[RowStatus, int]:
        """How many rows have each status: every status, zeros too, in :data:`ROW_STATUSES` order.

        Only rows of comparable columns count; :attr:`not_comparable` lists the others.
        """
        found = dict.fromkeys(ROW_STATUSES, 0)
        for row in self.rows(polarity, level=level):
            found[row.status] += 1
        return found

    @property
    def not_comparable(self) -> tuple[ColumnDiff, ...]:
        """The columns that could not be compared, each with its reason."""
        return tuple(column for column in self.columns() if not column.comparable)

    @property
    def unchanged(self) -> bool:
        """Whether A and B hold the same competencies, levels, texts and (comparable) rows."""
        return (
            not self.only_in_a
            and not self.only_in_b
            and all(
                not c.texts and not c.levels_only_in_a and not c.levels_only_in_b
                for c in self.competencies
            )
            and all(row.status == "identical" for row in self.rows())
        )

    def _repr_html_(self) -> str:
        """The edition diff as HTML, for Jupyter."""
        html: str = _views.view("html", self)
        return html


def diff(a: Framework | str, b: Framework | str) -> FrameworkDiff:
    """The comparison of framework ``a`` with framework ``b``: what B changed, added and removed.

    Competencies are matched by id, else by name; levels where both hold them; rows column by
    column: identical texts first (anywhere in the column), then the rest in order, each pair
    *changed* when its word similarity is at least :data:`REPLACED_BELOW` and *replaced* below
    it. Columns whose text either side lost, or holds as text recovered from another document,
    are reported as not comparable, with the reason. Each side is a Framework or a bundled
    framework's id.

    >>> import civilframe as cf
    >>> d = cf.diff("competency-framework-2012-sms1", "competency-framework")
    >>> d.counts("effective")
    {'identical': 41, 'changed': 11, 'replaced': 1, 'added': 0, 'removed': 0}
    >>> [(c.competency_id, c.level_number, c.polarity) for c in d.not_comparable]
    [('changing-and-improving', 5, 'effective')]
    """
    a, b = resolve(a), resolve(b)
    pairs = _match_competencies(a, b)
    in_a = {pair[0].id for pair in pairs}
    in_b = {pair[1].id for pair in pairs}
    return FrameworkDiff(
        a=a,
        b=b,
        competencies=tuple(_compare_competency(a, b, ca, cb, how) for ca, cb, how in pairs),
        only_in_a=tuple(c for c in a.competencies if c.id not in in_a),
        only_in_b=tuple(c for c in b.competencies if c.id not in in_b),
    )


def similarity(a: str, b: str) -> float:
    """The word similarity of two texts, 0 to 1: :func:`civilframe.text.similarity` of their words.

    Words are compared ignoring case and the punctuation around them; the result does not
    depend on the order of the two texts.

    >>> similarity("Lead from the front", "lead from the front.")
    1.0
    """
    first, second = sorted((word_keys(a), word_keys(b)))
    return word_similarity(first, second)


def _word_changes(a: str, b: str) -> tuple[WordChange, ...]:
    changes: list[WordChange] = []
    for tag, in_a, in_b in differences(words(a), words(b)):
        if tag == "equal":
            changes.append(WordChange(op="equal", words=in_a))
            continue
        if in_a:
            changes.append(WordChange(op="removed", words=in_a))
        if in_b:
            changes.append(WordChange(op="added", words=in_b))
    return tuple(changes)


def _match_competencies(
    a: Framework, b: Framework
) -> list[tuple[Competency, Competency, Literal["id", "name"]]]:
    by_id = {c.id: c for c in b.competencies}
    found: dict[str, tuple[Competency, Literal["id", "name"]]] = {
        c.id: (by_id[c.id], "id") for c in a.competencies if c.id in by_id
    }
    taken = set(found)
    by_name = {fold(c.name): c for c in b.competencies if c.id not in taken}
    for competency in a.competencies:
        if competency.id not in found:
            match = by_name.pop(fold(competency.name), None)
            if match is not None:
                found[competency.id] = (match, "name")
    return [(c, *found[c.id]) for c in a.competencies if c.id in found]


def _compare_competency(
    fa: Framework,
    fb: Framework,
    a: Competency,
    b: Competency,
    how: Literal["id", "name"],
) -> CompetencyDiff:
    numbers_a, numbers_b = a.level_numbers, b.level_numbers
    levels = []
    for number in numbers_a:
        if number in numbers_b:
            level_a, level_b = a.level(number), b.level(number)
            columns = [
                _compare_column(fa, fb, a, level_a, level_b, polarity) for polarity in POLARITIES
            ]
            levels.append(LevelDiff(number=number, effective=columns[0], ineffective=columns[1]))
    return CompetencyDiff(
        a=a,
        b=b,
        matched_by=how,
        texts=tuple(_compare_texts(a, b)),
        levels=tuple(levels),
        levels_only_in_a=tuple(n for n in numbers_a if n not in numbers_b),
        levels_only_in_b=tuple(n for n in numbers_b if n not in numbers_a),
    )


def _compare_texts(a: Competency, b: Competency) -> Iterator[TextDiff]:
    fields: tuple[Literal["name", "summary", "description"], ...] = (
        "name",
        "summary",
        "description",
    )
    for field in fields:
        text_a: str | None = getattr(a, field)
        text_b: str | None = getattr(b, field)
        if text_a == text_b:
            continue
        if text_a is None or text_b is None:
            yield TextDiff(
                field=field,
                status="added" if text_a is None else "removed",
                a=text_a,
                b=text_b,
                similarity=0.0,
            )
        else:
            yield TextDiff(
                field=field,
                status="changed",
                a=text_a,
                b=text_b,
                similarity=similarity(text_a, text_b),
                words=_word_changes(text_a, text_b),
            )


def _unusable(framework: Framework, side: str, level: Level, polarity: Polarity) -> list[str]:
    """Why this side's column cannot be compared: its text lost, or recovered from elsewhere."""
    who = f"{side} ({framework.id})"
    reasons = []
    for gap in level.gaps:
        if gap.polarity != polarity:
            continue
        if gap.recovered_from is None:
            reasons.append(f"{who} lost this column: {gap.note}")
        else:
            reasons.append(
                f"{who} lost this column and holds text recovered from source "
                f"{gap.recovered_from.id!r} instead: {gap.note}"
            )
    explained = {gap.recovered_from for gap in level.gaps if gap.polarity == polarity}
    own = framework.source
    borrowed = {i.source.id: i.source for i in getattr(level, polarity) if i.source != own}
    for _, source in sorted(borrowed.items()):
        if source not in explained:
            reasons.append(
                f"{who} holds text recovered from source {source.id!r} "
                f"({source.title}), not from its own document"
            )
    return reasons


def _compare_column(
    fa: Framework,
    fb: Framework,
    competency: Competency,
    level_a: Level,
    level_b: Level,
    polarity: Polarity,
) -> ColumnDiff:
    reasons = _unusable(fa, "A", level_a, polarity) + _unusable(fb, "B", level_b, polarity)
    if reasons:
        return ColumnDiff(
            competency_id=competency.id,
            level_number=level_a.number,
            polarity=polarity,
            reason="; ".join(reason.rstrip(".") for reason in reasons) + ".",
        )
    return ColumnDiff(
        competency_id=competency.id,
        level_number=level_a.number,
        polarity=polarity,
        rows=_compare_rows(getattr(level_a, polarity), getattr(level_b, polarity)),
    )


def _compare_rows(
    rows_a: Sequence[Indicator], rows_b: Sequence[Indicator]
) -> tuple[IndicatorDiff, ...]:
    partner: dict[int, int] = {}  # index in A -> index in B
    unmatched: defaultdict[str, deque[int]] = defaultdict(deque)
    for j, row in enumerate(rows_b):
        unmatched[row.text].append(j)
    for i, row in enumerate(rows_a):
        same = unmatched.get(row.text)
        if same:
            partner[i] = same.popleft()
    used = set(partner.values())
    free_b = [j for j in range(len(rows_b)) if j not in used]
    rest_a = [i for i in range(len(rows_a)) if i not in partner]
    paired = _pair_in_order([rows_a[i].text for i in rest_a], [rows_b[j].text for j in free_b])
    for x, y in paired:
        partner[rest_a[x]] = free_b[y]
    found: list[IndicatorDiff] = []
    for i, row in enumerate(rows_a):
        if i not in partner:
            found.append(IndicatorDiff(status="removed", a=row, b=None, similarity=0.0))
            continue
        other = rows_b[partner[i]]
        if other.text == row.text:
            found.append(IndicatorDiff(status="identical", a=row, b=other, similarity=1.0))
            continue
        score = similarity(row.text, other.text)
        found.append(
            IndicatorDiff(
                status="changed" if score >= REPLACED_BELOW else "replaced",
                a=row,
                b=other,
                similarity=score,
                words=_word_changes(row.text, other.text),
            )
        )
    used_b = set(partner.values())
    for j, other in enumerate(rows_b):
        if j not in used_b:
            found.append(IndicatorDiff(status="added", a=None, b=other, similarity=0.0))
    return tuple(found)


def _pair_in_order(texts_a: list[str], texts_b: list[str]) -> list[tuple[int, int]]:
    """The order-keeping pairing of as many rows as possible, preferring similar pairs.

    With as many rows on each side this is plain pairing in order. Otherwise, among the
    pairings of ``min(len)`` rows that keep both orders, the one with the most pairs at or
    above :data:`REPLACED_BELOW`, then the highest total similarity, is chosen; so the counts
    of changed and replaced rows do not depend on which framework is A.

    Every row of the shorter side is paired, so row ``i`` of it can only meet rows ``i`` to
    ``i + d`` of the longer (``d`` the difference in length): only that band is scored, and the
    cost grows with the rows times ``d + 1``, not with the square of the rows.
    """
    if len(texts_a) > len(texts_b):
        return [(i, j) for j, i in _pair_in_order(texts_b, texts_a)]
    m, n = len(texts_a), len(texts_b)
    if m == n:
        return [(i, i) for i in range(m)]
    d = n - m
    # best[i][k]: the best pairing of A's first i rows within B's first i + k rows
    best = [[(0, 0.0)] * (d + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for k in range(d + 1):
            score = similarity(texts_a[i - 1], texts_b[i + k - 1])
            before = best[i - 1][k]
            take = (before[0] + (score >= REPLACED_BELOW), before[1] + score)
            best[i][k] = max(take, best[i][k - 1]) if k else take
    pairs: list[tuple[int, int]] = []
    i, k = m, d
    while i:
        if k and best[i][k] == best[i][k - 1]:
            k -= 1
        else:
            pairs.append((i - 1, i + k - 1))
            i -= 1
    return pairs[::-1]
