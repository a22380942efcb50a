"""Independent fidelity cross-check of the bundled competency frameworks against their sources.

Expectations are built here by parsing the plain-text seed extractions in ``../shared/seeds``
(001: Civil Service Competency Framework 2012-2017, Update edition; 002: Competency Framework By
Grade - SMS 1, July 2012). The data files are never read to build expectations. The only repairs
applied are those ``seeds/AUDIT.md`` lists; they are kept below as explicit data, with the AUDIT
section each comes from. Line numbers are 1-based physical lines, as ``sed -n Np`` shows them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import civilframe as cf

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.is_dir():
    pytest.skip(
        f"source seeds folder {SEEDS} is absent; the fidelity cross-check needs ../shared/seeds",
        allow_module_level=True,
    )

SEED_001 = "001_bf9336e25d4bda76.txt"
SEED_002 = "002_fef6bceea757b74e.txt"
SEED_003 = "003_72f8e6c853ff4f57.txt"
EFFECTIVE, INEFFECTIVE = "effective", "ineffective"
POLARITIES = (EFFECTIVE, INEFFECTIVE)
COMPETENCY_NUMBERS = tuple(range(1, 11))

# ---------------------------------------------------------------------------------------------
# 001 repair knowledge (AUDIT §0, §1, §6)
# ---------------------------------------------------------------------------------------------
SUMMARY_LINES_001 = (25, 71)  # §1.1: the overview list with a summary per competency
FIRST_PAGE_LINE_001 = 79  # §1.1: the competency pages start here
FOOTER_LINE_001 = 1164  # §0: unterminated last line, the helpdesk footer
# §1.2: level headings are found by a "Level n (" match on the TAB-free line, which also takes the
# mangled 327 (duplicated fragment) and 663 ("/ & 6"); the inline heading in 767 is handled with
# the C7 L5 split below. The match misses only:
HEADING_OVERRIDES_001 = {199: 5}  # fragment "uty Directors)", C2 L5
# §1.2 / §1.3 C6 L4: OCR garbage "1 14/0 1⇥7.0.0" before the mangled heading 663;
# §1.1 / §1.3 C3 L1: OCR-noise column-header lines 381 and 383
NOISE_LINES_001 = frozenset({381, 383, 662})
# §1.1: column-header cells, in all their variants (normal, two-line, ineffective-only, split)
HEADER_CELLS_001 = frozenset(
    {
        "Effective Behaviour People who are effective are likely to",
        "Ineffective Behaviour People who are less effective are likely to",
        "Effective Behaviour",
        "Ineffective Behaviour",
        "People who are effective are likely to",
        "People who are less effective are likely to",
    }
)
# §1.3 C2 L5 (200-205, no TAB) and C2 L3 (231-236, text in field 1, empty field 2): these are
# INEFFECTIVE indicators; the effective column of both levels is lost (§6 items 1-2)
INEFFECTIVE_ONLY_LINES_001 = frozenset(range(200, 206)) | frozenset(range(231, 237))
# §1.1 / §1.3 C3 L4: rows 328-333 carry a third, empty field (327, the heading, has one too)
EXTRA_TAB_LINES_001 = frozenset(range(328, 334))
# §1.3 C3 L6 row 6 (297 + 301 + 307) and C6 L5 row 6 E (660 + 673), §1.4: tail -> (row, column)
TAILS_001 = {301: (297, EFFECTIVE), 307: (297, INEFFECTIVE), 673: (660, EFFECTIVE)}
# §1.3 C7 L5 / §1.4: line 767 is the whole Level 5 page interleaved on one line. Its furniture,
# then its 32 text fragments in line order (column, row, fragment); joined with single spaces
# they must reproduce line 767 exactly (checked below).
INTERLEAVED_LINE_001 = 767
INTERLEAVED_FURNITURE_001 = (
    "Effective Behaviour",
    "Ineffective Behaviour",
    "People who are effective are likely to...",
    "People who are less effective are likely to...",
    "Level 5 (Deputy Directors)",
)
INTERLEAVED_LEVEL_001 = 5
INTERLEAVED_FRAGMENTS_001 = (
    ("E", 1, "Identify and implement different ways of working deployed in"),
    ("I", 1, "Overlook opportunities for collaboration with commercial"),
    ("E", 1, "other sectors e.g. using resources, assets and commercial"),
    ("I", 1, "partners to deliver more sustainable outcomes"),
    ("E", 1, "arrangements"),
    ("E", 2, "Promote a strong focus on the needs of customers,"),
    ("I", 2, "Define success too narrowly and focus mostly on own"),
    ("E", 2, "suppliers and other delivery partners to develop new"),
    ("I", 2, "concerns, ignoring opportunities to form commercial"),
    ("E", 2, "commercial models for the delivery of policy and"),
    ("I", 2, "alliances which could support delivery"),
    ("E", 2, "business goals"),
    ("E", 3, "Manage strategic commercial relationships and delivery"),
    ("I", 3, "Show limited active management of commercial"),
    ("E", 3, "arrangements actively and effectively to provide ongoing"),
    ("I", 3, "arrangements associated with delivery of policy and"),
    ("E", 3, "value for money to the tax payer"),
    ("I", 3, "business outcomes"),
    ("E", 4, "Develop and apply market and economic understanding and"),
    ("I", 4, "Rarely approach or see limited value in working proactively"),
    ("E", 4, "insights, working with commercial experts, to support sound"),
    ("I", 4, "with commercial experts to support commercial activities"),
    ("E", 4, "commercial decision-making and recommendations"),
    ("E", 5, "Take a wide view, successfully achieving common goals with"),
    ("I", 5, "Do little to manage the strategic commercial relationship"),
    ("E", 5, "organisations that have different priorities"),
    (
        "I",
        5,
        "with delivery partners resulting in little or no longer term information sharing or"
        " planning",
    ),
    ("E", 6, "Ensure teams appreciate how market demands, investment"),
    ("I", 6, "Allow teams to be unaware of important commercial"),
    ("E", 6, "decisions and other commercial considerations such as"),
    ("I", 6, "considerations for suppliers and other delivery partners"),
    ("E", 6, "funding and pricing models influence suppliers and the delivery of services"),
)
# §1.3 (per competency x level, from 001 alone): (E, I) for levels 6, 5, 4, 3, 2, 1
COUNTS_001 = {
    1: ((6, 6), (5, 5), (6, 6), (5, 5), (4, 4), (3, 3)),
    2: ((6, 6), (0, 6), (6, 6), (0, 6), (6, 6), (5, 5)),
    3: ((6, 6), (6, 6), (6, 6), (6, 6), (6, 6), (6, 6)),
    4: ((6, 6), (6, 6), (6, 6), (6, 6), (5, 5), (4, 4)),
    5: ((5, 5), (6, 6), (6, 6), (6, 6), (6, 6), (6, 6)),
    6: ((6, 6), (6, 6), (6, 6), (5, 5), (5, 5), (6, 6)),
    7: ((6, 6), (6, 6), (6, 6), (4, 4), (4, 4), (4, 4)),
    8: ((5, 5), (6, 6), (5, 5), (5, 5), (6, 6), (5, 5)),
    9: ((5, 5), (6, 6), (6, 6), (6, 6), (6, 6), (6, 6)),
    10: ((6, 6), (6, 6), (6, 6), (6, 6), (6, 6), (6, 6)),
}
# §1.3 totals by level
LEVEL_TOTALS_001 = {
    EFFECTIVE: {6: 57, 5: 53, 4: 59, 3: 49, 2: 54, 1: 51},
    INEFFECTIVE: {6: 57, 5: 59, 4: 59, 3: 55, 2: 54, 1: 51},
}
TOTALS_001 = {EFFECTIVE: 323, INEFFECTIVE: 335}  # §1.3
# §1.3 C2 / §1.5 / §2.5 / §6: the lost effective columns (competency, level)
LOST_EFFECTIVE_001 = {(2, 5): "002", (2, 3): None}  # -> source that recovers it, if any
CUMULATIVE_PHRASE = "each level building on the levels below"  # 001:11, 002:19

# ---------------------------------------------------------------------------------------------
# 002 repair knowledge (AUDIT §2, §6 item 7)
# ---------------------------------------------------------------------------------------------
DESCRIPTION_LINES_002 = (31, 75)  # §2.1: the 10 descriptions, 2012 wording
TABLE_LINES_002 = (77, 177)  # §2.1
HEADER_LINES_002 = frozenset({79, 80})  # §2.1: the only column-header lines
LEVEL_002 = 5  # §2.1: "SMS 1" = Deputy Director = Level 5; no level heading anywhere
FOOTER_SPLICE_002 = (57, " © Crown Copyright July 2012")  # §2.1 / §6 item 7: remove
# §2.3 / §6 item 7: in-line repairs, line -> (damaged, repaired)
INLINE_REPAIRS_002 = {
    86: ("own area - take", "own area – take"),  # SBP I3: the hyphen should be an en dash
    132: ("under- represented", "under-represented"),  # BCA R2 E
}
_ACO_ROWS = {
    col: tuple(
        " ".join(f for c, r, f in INTERLEAVED_FRAGMENTS_001 if c == col and r == row)
        for row in range(1, 7)
    )
    for col in "EI"
}
# §2.2 / §2.3: wrapped or merged rows, rebuilt. (first line, last line) -> (competency number,
# E texts, I texts), in row order. The E (I) cells of the block, joined with single spaces,
# must equal the rebuilt E (I) texts joined with single spaces (checked below).
REBUILT_002 = {
    (81, 92): (
        1,
        (
            "Anticipate and predict the long term impact of national and international "
            "developments, including economic, political, environmental, social and technological,"
            " on own area",
            "Identify and shape how own area fits within and supports the work of the Department",
            "Develop an in-depth insight into customers, citizens, services, communities and "
            "markets affected by their area and the wider public sector context",
            "Create joined up strategies and plans that have positive impact and add value for "
            "stakeholders, citizens and communities",
            "Shape strategies and plans which help put into practice and support the Department's "
            "vision and long-term direction, including those shared with other departments",
        ),
        (
            "Have limited insight into the changes and developments surrounding own area",
            "Give limited attention to the bigger issues and interactions across departments and "
            "outside the Civil Service when defining strategy",
            "Lack insight into the wider context for own area – take a simplistic perspective on "
            "the issues and concerns of stakeholders",
            "Develop strategies and plans with limited reference to the impact and value they will"
            " bring to the key stakeholders and to citizens now and in the future",
            "Maintain a narrow perspective – allow own area to become out of step or work against "
            "the overall objectives of the Department",
        ),
    ),
    (95, 101): (
        2,
        (
            "Seek and encourage ideas, improvements and measured risk taking within own area to "
            "deliver better approaches and services",
            "Encourage a culture of imaginative thinking, seek to expand mindsets and genuinely "
            "listen to ideas from employees and stakeholders",
            "Identify step changes that quickly transform flexibility, responsiveness and quality "
            "of service",
            "Challenge the status quo in own and related areas to achieve value-adding "
            "improvements and change",
            "Lead the transformation of services to users, moving to a digital approach whenever "
            "possible",
        ),
        (
            "Restrict changes to own portfolio – do not integrate or align with change in other "
            "areas",
            "Create a punitive environment for risk taking and responsive decision making – show "
            "intolerance of mistakes",
            "Allow own area to become outdated and out of step with evolving changes and wider "
            "service requirements",
            "Contribute to a culture of inertia across own portfolio of activities by focusing "
            "managers on delivering things as they always have",
            "Miss opportunities to use alternative delivery models",
        ),
    ),
    (115, 116): (
        4,
        (
            "Inspire staff and delivery partners to engage fully with long term vision and purpose"
            " of the Department, supporting them to make sense of change",
        ),
        (
            "Make limited effort to create clarity for others around strategy or purpose, leave "
            "staff to work through changes on their own",
        ),
    ),
    (122, 123): (
        5,
        (
            "Proactively create, maintain and promote a strong network of connections with "
            "colleagues across the Department, wider Civil Service and externally",
            "Actively promote knowledge and resource sharing with peers and across functions",
        ),
        (
            "Focus on delivery at the expense of building networks and effective relationships "
            "across and beyond their area",
            "Consistently protect resources and interests of own area at the expense of "
            "Departmental priorities",
        ),
    ),
    (130, 131): (
        6,
        (
            "Champion development, talent and career management for all staff and make learning a "
            "reality by encouraging and providing a range of development experiences",
        ),
        (
            "Allow delivery to dominate to the exclusion of learning and development activities, "
            "missing out on longer term business benefits and ignoring the organisational learning"
            " dimension",
        ),
    ),
    # §2.3: ACO's 12 texts are word for word the 001 reconstruction of line 767 (§1.4)
    (139, 153): (7, _ACO_ROWS["E"], _ACO_ROWS["I"]),
}
# §2.2: (E, I) per competency
COUNTS_002 = {1: (5, 5), **dict.fromkeys(range(2, 11), (6, 6))}
TOTALS_002 = {EFFECTIVE: 59, INEFFECTIVE: 59}  # §2.2

# ---------------------------------------------------------------------------------------------
# Parsers
# ---------------------------------------------------------------------------------------------
CLUSTER_RE = re.compile(r"^(?:Strategic|People|Performance) Cluster [–-] (\S.*)$")
TITLE_RE = re.compile(r"^(\d+)\. (\S.*?)\t?$")
HEADING_RE = re.compile(r"^Level ([1-6]) \(")

Table = dict[str, list[str]]  # polarity -> indicator texts in row order


class SeedParseError(Exception):
    """The seed text does not have the shape AUDIT.md describes."""


@dataclass
class Entry:
    """One competency of an overview list: `cluster / N. Title / paragraph`."""

    name: str
    cluster: str | None
    paragraph: str = ""


@dataclass
class SeedCompetency:
    """One competency as the seed prints it."""

    number: int
    name: str
    cluster: str | None
    summary: str = ""
    description: str = ""
    levels: dict[int, Table] = field(default_factory=dict)
    # (level, polarity, 0-based row) of rows rebuilt from several lines or fragments
    repaired: set[tuple[int, str, int]] = field(default_factory=set)


@dataclass(frozen=True)
class Seed:
    """A parsed seed: its introduction text and its competencies in document order."""

    intro: str
    competencies: tuple[SeedCompetency, ...]

    def competency(self, number: int) -> SeedCompetency:
        """Return competency `number` (1-based, document order)."""
        return self.competencies[number - 1]

    def count(self, polarity: str, level: int | None = None) -> int:
        """Count the indicators of one polarity, at one level or at all."""
        return sum(
            len(table[polarity])
            for comp in self.competencies
            for number, table in comp.levels.items()
            if level in (None, number)
        )


def _lines(name: str) -> list[str]:
    """Physical lines of a seed file, index 0 = line 1 (AUDIT §0: the last line is unterminated)."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    if "\r" in text:
        raise SeedParseError(f"{name}: unexpected CR")
    return text.split("\n")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _empty_table() -> Table:
    return {EFFECTIVE: [], INEFFECTIVE: []}


def _overview(lines: list[str], first: int, last: int, where: str) -> dict[int, Entry]:
    """Parse a `cluster / N. Title / paragraph` list between two lines, inclusive."""
    out: dict[int, Entry] = {}
    cluster: str | None = None
    current: int | None = None
    for no in range(first, last + 1):
        raw = lines[no - 1]
        if not raw.strip():
            continue
        if m := CLUSTER_RE.match(raw):
            cluster = m[1]
        elif m := TITLE_RE.match(raw):
            current = int(m[1])
            if current != len(out) + 1:
                raise SeedParseError(f"{where}:{no}: competency {current} out of order")
            out[current] = Entry(m[2], cluster)
        elif current is None:
            continue  # the list's lead-in sentence (001:25)
        elif out[current].paragraph:
            raise SeedParseError(f"{where}:{no}: second paragraph for competency {current}")
        else:
            out[current].paragraph = raw
    return out


def _is_header_001(raw: str) -> bool:
    cells = [c for c in raw.split("\t") if c]
    return bool(cells) and all(c in HEADER_CELLS_001 for c in cells)


def _interleaved_rows_001() -> Table:
    """C7 L5 rows rebuilt from line 767's fragments (AUDIT §1.4)."""
    rows: dict[str, dict[int, list[str]]] = {EFFECTIVE: {}, INEFFECTIVE: {}}
    for col, row, fragment in INTERLEAVED_FRAGMENTS_001:
        rows[EFFECTIVE if col == "E" else INEFFECTIVE].setdefault(row, []).append(fragment)
    return {pol: [" ".join(rows[pol][r]) for r in sorted(rows[pol])] for pol in POLARITIES}


def _row_cells_001(no: int, raw: str) -> dict[str, str]:
    """Split indicator row `no` into cells by polarity, with the AUDIT §1.1/§1.3 field repairs."""
    cells = raw.split("\t")
    if no in EXTRA_TAB_LINES_001:
        if len(cells) != 3 or cells[2]:
            raise SeedParseError(f"001:{no}: expected an empty third field")
        cells = cells[:2]
    if no in INEFFECTIVE_ONLY_LINES_001:
        if len(cells) == 2 and not cells[1]:
            cells = cells[:1]
        if len(cells) != 1 or not cells[0]:
            raise SeedParseError(f"001:{no}: expected one ineffective cell")
        return {INEFFECTIVE: cells[0]}
    if len(cells) != 2 or not all(cells):
        raise SeedParseError(f"001:{no}: expected two non-empty cells, got {cells!r}")
    return {EFFECTIVE: cells[0], INEFFECTIVE: cells[1]}


def _heading_001(no: int, raw: str) -> int | None:
    """Return the level number if line `no` is a level heading (AUDIT §1.2), else None."""
    if no == INTERLEAVED_LINE_001:
        return INTERLEAVED_LEVEL_001
    if no in HEADING_OVERRIDES_001:
        return HEADING_OVERRIDES_001[no]
    m = HEADING_RE.match(raw.replace("\t", ""))
    return int(m[1]) if m else None


@functools.cache
def seed_001() -> Seed:
    """Parse 001: summaries from the overview list, then the competency pages."""
    lines = _lines(SEED_001)
    summaries = _overview(lines, *SUMMARY_LINES_001, where="001")
    comps: list[SeedCompetency] = []
    cluster: str | None = None
    cur: SeedCompetency | None = None
    level: int | None = None
    row_at: dict[int, tuple[SeedCompetency, int, dict[str, int]]] = {}  # line -> row position
    for no in range(FIRST_PAGE_LINE_001, len(lines) + 1):
        raw = lines[no - 1]
        if not raw.strip() or no in NOISE_LINES_001 or no == FOOTER_LINE_001:
            continue
        if no in TAILS_001:
            row_no, pol = TAILS_001[no]
            comp, lv, index = row_at[row_no]
            comp.levels[lv][pol][index[pol]] += " " + raw
            comp.repaired.add((lv, pol, index[pol]))
            continue
        if m := CLUSTER_RE.match(raw):
            cluster = m[1]
            continue
        if m := TITLE_RE.match(raw):
            number, name = int(m[1]), m[2]
            if cur is not None and number == cur.number and name == cur.name:
                continue  # §1.1: a repeated title at a page break is furniture
            if number != len(comps) + 1 or cluster is None:
                raise SeedParseError(f"001:{no}: unexpected competency title {raw!r}")
            entry = summaries[number]
            if (entry.name, entry.cluster) != (name, cluster):
                raise SeedParseError(f"001:{no}: page and overview list disagree on {name!r}")
            cur = SeedCompetency(number, name, cluster, summary=entry.paragraph)
            comps.append(cur)
            cluster, level = None, None
            continue
        if cur is None:
            raise SeedParseError(f"001:{no}: text before the first competency page")
        if _is_header_001(raw):
            continue
        heading = _heading_001(no, raw)
        if heading is not None:
            expected = 6 - len(cur.levels)  # §1.1: levels printed 6 -> 1
            if heading != expected:
                raise SeedParseError(f"001:{no}: level {heading} where {expected} was expected")
            level = heading
            cur.levels[level] = _empty_table()
            if no == INTERLEAVED_LINE_001:
                for pol, texts in _interleaved_rows_001().items():
                    cur.levels[level][pol].extend(texts)
                    cur.repaired.update((level, pol, i) for i in range(len(texts)))
            continue
        if level is None:
            if cur.description:
                raise SeedParseError(f"001:{no}: second description line")
            cur.description = raw
            continue
        table = cur.levels[level]
        cells = _row_cells_001(no, raw)
        row_at[no] = (cur, level, {pol: len(table[pol]) for pol in cells})
        for pol, text in cells.items():
            table[pol].append(text)
    return Seed("\n".join(lines[: SUMMARY_LINES_001[0] - 1]), tuple(comps))


def _repaired_002(no: int, raw: str) -> str:
    if no in INLINE_REPAIRS_002:
        old, new = INLINE_REPAIRS_002[no]
        if raw.count(old) != 1:
            raise SeedParseError(f"002:{no}: repair target {old!r} not found once")
        raw = raw.replace(old, new)
    return raw


def _block_columns_002(first: int, last: int) -> tuple[str, str]:
    """Join the non-empty E and I cells of a wrapped block, each column with single spaces."""
    lines = _lines(SEED_002)
    cols: tuple[list[str], list[str]] = ([], [])
    for no in range(first, last + 1):
        cells = _repaired_002(no, lines[no - 1]).split("\t")
        if len(cells) != 2:
            raise SeedParseError(f"002:{no}: expected two fields")
        for col, cell in zip(cols, cells, strict=True):
            if cell:
                col.append(cell)
    return " ".join(cols[0]), " ".join(cols[1])


@functools.cache
def seed_002() -> Seed:
    """Parse 002: the 2012 descriptions, then the Level 5 tables."""
    lines = _lines(SEED_002)
    footer_line, footer = FOOTER_SPLICE_002
    if lines[footer_line - 1].count(footer) != 1:
        raise SeedParseError(f"002:{footer_line}: footer splice not found")
    lines[footer_line - 1] = lines[footer_line - 1].replace(footer, "")
    descriptions = _overview(lines, *DESCRIPTION_LINES_002, where="002")
    blocks = {first: rebuilt for (first, _), rebuilt in REBUILT_002.items()}
    in_block = {no for first, last in REBUILT_002 for no in range(first, last + 1)}
    comps: list[SeedCompetency] = []
    for no in range(TABLE_LINES_002[0], TABLE_LINES_002[1] + 1):
        raw = _repaired_002(no, lines[no - 1])
        if not raw.strip() or no in HEADER_LINES_002:
            continue
        if no in blocks:
            number, e_texts, i_texts = blocks[no]
            if not comps or comps[-1].number != number:
                raise SeedParseError(f"002:{no}: rebuilt block is not in competency {number}")
            comps[-1].levels[LEVEL_002][EFFECTIVE].extend(e_texts)
            comps[-1].levels[LEVEL_002][INEFFECTIVE].extend(i_texts)
            continue
        if no in in_block:
            continue
        if m := TITLE_RE.match(raw):
            number, entry = int(m[1]), descriptions.get(int(m[1]))
            if number != len(comps) + 1 or entry is None or entry.name != m[2]:
                raise SeedParseError(f"002:{no}: unexpected competency title {raw!r}")
            comp = SeedCompetency(number, m[2], entry.cluster, description=entry.paragraph)
            comp.levels[LEVEL_002] = _empty_table()
            comps.append(comp)
            continue
        cells = raw.split("\t")
        if not comps or len(cells) != 2 or not all(cells):
            raise SeedParseError(f"002:{no}: expected a clean two-cell row, got {raw!r}")
        comps[-1].levels[LEVEL_002][EFFECTIVE].append(cells[0])
        comps[-1].levels[LEVEL_002][INEFFECTIVE].append(cells[1])
    return Seed("\n".join(lines[: DESCRIPTION_LINES_002[0] - 1]), tuple(comps))


# ---------------------------------------------------------------------------------------------
# Parser self-checks against AUDIT's own figures (these need no data file)
# ---------------------------------------------------------------------------------------------
def test_001_interleaved_fragments_rebuild_line_767() -> None:
    """AUDIT §1.4: the furniture and fragments, joined with spaces, reproduce 001:767 exactly."""
    parts = INTERLEAVED_FURNITURE_001 + tuple(f for _, _, f in INTERLEAVED_FRAGMENTS_001)
    assert " ".join(parts) == _lines(SEED_001)[INTERLEAVED_LINE_001 - 1]


def test_001_parser_finds_ten_competencies_each_with_levels_6_to_1() -> None:
    """The 001 parser finds competencies 1-10, each with one heading per level, 6 down to 1."""
    got = [(c.number, list(c.levels)) for c in seed_001().competencies]
    assert got == [(n, [6, 5, 4, 3, 2, 1]) for n in COMPETENCY_NUMBERS]


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_parser_counts_per_level_match_audit(number: int) -> None:
    """The 001 parser's (E, I) counts per level equal the AUDIT §1.3 table."""
    levels = seed_001().competency(number).levels
    got = tuple((len(levels[lv][EFFECTIVE]), len(levels[lv][INEFFECTIVE])) for lv in levels)
    assert got == COUNTS_001[number]


@pytest.mark.parametrize("polarity", POLARITIES)
def test_001_parser_level_totals_match_audit(polarity: str) -> None:
    """The 001 parser's per-level totals equal AUDIT §1.3 (E 57/53/59/49/54/51, I 57/59/...)."""
    got = {lv: seed_001().count(polarity, lv) for lv in range(6, 0, -1)}
    assert got == LEVEL_TOTALS_001[polarity]


def test_001_parser_totals_match_audit() -> None:
    """The 001 parser yields 323 effective and 335 ineffective indicators, 658 in all."""
    got = {pol: seed_001().count(pol) for pol in POLARITIES}
    assert (got, sum(got.values())) == (TOTALS_001, 658)


def test_001_parser_texts_are_clean() -> None:
    """Every text the 001 parser yields is non-empty, trimmed, single-spaced and TAB-free."""
    comps = seed_001().competencies
    texts = [
        t for c in comps for table in c.levels.values() for pol in POLARITIES for t in table[pol]
    ]
    texts += [text for c in comps for text in (c.summary, c.description)]
    assert [t for t in texts if not t or t != t.strip() or "  " in t or "\t" in t] == []


@pytest.mark.parametrize("lines", sorted(REBUILT_002), ids=lambda r: f"002:{r[0]}-{r[1]}")
def test_002_rebuilt_rows_reproduce_the_wrapped_lines(lines: tuple[int, int]) -> None:
    """AUDIT §2.3's rebuilt rows, joined with spaces, equal the block's E and I columns joined."""
    _, e_texts, i_texts = REBUILT_002[lines]
    assert _block_columns_002(*lines) == (" ".join(e_texts), " ".join(i_texts))


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_002_parser_counts_match_audit(number: int) -> None:
    """The 002 parser's (E, I) counts per competency equal the AUDIT §2.2 table."""
    table = seed_002().competency(number).levels[LEVEL_002]
    assert (len(table[EFFECTIVE]), len(table[INEFFECTIVE])) == COUNTS_002[number]


def test_002_parser_totals_match_audit() -> None:
    """The 002 parser yields 59 effective and 59 ineffective Level 5 indicators."""
    assert {pol: seed_002().count(pol, LEVEL_002) for pol in POLARITIES} == TOTALS_002


def test_002_parser_texts_are_clean() -> None:
    """Every text the 002 parser yields is non-empty, trimmed, single-spaced and TAB-free."""
    comps = seed_002().competencies
    texts = [
        t for c in comps for table in c.levels.values() for pol in POLARITIES for t in table[pol]
    ]
    texts += [c.description for c in comps]
    assert [t for t in texts if not t or t != t.strip() or "  " in t or "\t" in t] == []


def test_parser_002_names_the_same_competencies_as_001() -> None:
    """002's tables name the same ten competencies as 001, in the same order."""
    names = [[c.name for c in seed().competencies] for seed in (seed_001, seed_002)]
    assert names[0] == names[1]


def test_parser_c2_l5_ineffective_agrees_between_seeds() -> None:
    """AUDIT §1.3/§2.4: 001's six C2 L5 ineffective indicators equal 002's word for word."""
    got = seed_001().competency(2).levels[5][INEFFECTIVE]
    assert got == seed_002().competency(2).levels[LEVEL_002][INEFFECTIVE]


@pytest.mark.parametrize("polarity", POLARITIES)
def test_parser_c7_l5_agrees_between_seeds(polarity: str) -> None:
    """AUDIT §1.3/§2.4: 001's C7 L5 (split of 767) equals 002's Achieving Commercial Outcomes."""
    got = seed_001().competency(7).levels[5][polarity]
    assert got == seed_002().competency(7).levels[LEVEL_002][polarity]


# ---------------------------------------------------------------------------------------------
# The bundled data against the sources
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fw001() -> Any:
    import civilframe

    return civilframe.load("competency-framework")


@pytest.fixture(scope="module")
def fw002() -> Any:
    import civilframe

    return civilframe.load("competency-framework-2012-sms1")


def _data_comp(fw: Any, seed: Seed, number: int) -> Any:
    """Return the data competency bearing the name the seed gives competency `number`."""
    name = seed.competency(number).name
    found = [c for c in fw.competencies if c.name == name]
    if len(found) != 1:
        pytest.fail(f"{fw.id}: {len(found)} competencies named {name!r}")
    return found[0]


def _data_level(fw: Any, seed: Seed, number: int, level: int) -> Any:
    found = [lv for lv in _data_comp(fw, seed, number).levels if lv.number == level]
    if len(found) != 1:
        pytest.fail(f"{fw.id}: competency {number} has {len(found)} levels numbered {level}")
    return found[0]


def _own(fw: Any) -> str:
    return str(fw.sources[0].id)


def _source_id(fw: Any, file: str) -> str | None:
    return next((str(s.id) for s in fw.sources if s.file == file), None)


def _all_indicators(fw: Any) -> Iterator[tuple[Any, Any, str, Any]]:
    for comp in fw.competencies:
        for lv in comp.levels:
            for pol in POLARITIES:
                for ind in getattr(lv, pol):
                    yield comp, lv, pol, ind


def _counts(fw: Any) -> dict[str, int]:
    got = dict.fromkeys(POLARITIES, 0)
    for _, _, pol, _ in _all_indicators(fw):
        got[pol] += 1
    return got


# --- 001: Civil Service Competency Framework 2012-2017 (Update edition) ----------------------
def test_001_framework_own_source_is_seed_001(fw001: Any) -> None:
    """The framework's first (own) source is the 001 seed file."""
    assert fw001.sources[0].file == SEED_001


def test_001_framework_lists_seed_002_as_a_source(fw001: Any) -> None:
    """The framework lists the 002 seed file among its sources, for the recovered C2 L5 text."""
    assert _source_id(fw001, SEED_002) is not None


def test_001_framework_is_cumulative_as_the_source_says(fw001: Any) -> None:
    """`cumulative` is true exactly when 001's introduction says levels build on those below."""
    assert fw001.levels_cumulative is (CUMULATIVE_PHRASE in seed_001().intro)


def test_001_framework_covers_the_source_levels(fw001: Any) -> None:
    """The framework covers exactly the levels whose headings 001 prints, ascending."""
    assert tuple(fw001.level_numbers) == tuple(sorted(seed_001().competency(1).levels))


def test_001_competencies_numbers_and_names_in_source_order(fw001: Any) -> None:
    """The competencies are 001's ten, with its numbers and names, in document order."""
    expected = [(c.number, c.name) for c in seed_001().competencies]
    assert [(c.number, c.name) for c in fw001.competencies] == expected


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_competency_cluster_matches_source_heading(fw001: Any, number: int) -> None:
    """Each competency's cluster is the slug of the cluster heading above its page in 001."""
    expected = _slug(seed_001().competency(number).cluster or "")
    cluster = _data_comp(fw001, seed_001(), number).cluster
    assert (cluster.id if cluster else "") == expected


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_summary_equals_source_overview_paragraph(fw001: Any, number: int) -> None:
    """Each summary equals the competency's paragraph in 001's overview list (lines 25-71)."""
    assert _data_comp(fw001, seed_001(), number).summary == seed_001().competency(number).summary


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_description_equals_source_page_paragraph(fw001: Any, number: int) -> None:
    """Each description equals the paragraph on the competency's own page in 001."""
    expected = seed_001().competency(number).description
    assert _data_comp(fw001, seed_001(), number).description == expected


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_competency_levels_ascend_over_source_levels(fw001: Any, number: int) -> None:
    """Each competency lists exactly the source's levels, ascending."""
    got = tuple(lv.number for lv in _data_comp(fw001, seed_001(), number).levels)
    assert got == tuple(sorted(seed_001().competency(number).levels))


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_indicators_carry_their_place(fw001: Any, number: int) -> None:
    """Each indicator's polarity and level attributes match the list and level holding it."""
    wrong = [
        ind.id
        for lv in _data_comp(fw001, seed_001(), number).levels
        for pol in POLARITIES
        for ind in getattr(lv, pol)
        if (ind.polarity, ind.level_number) != (pol, lv.number)
    ]
    assert wrong == []


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_own_indicators_equal_source_rows_in_order(fw001: Any, number: int) -> None:
    """Per level and polarity, the indicators sourced to 001 equal 001's rows, text and order."""
    own = _own(fw001)
    got = {
        (lv.number, pol): [i.text for i in getattr(lv, pol) if i.source.id == own]
        for lv in _data_comp(fw001, seed_001(), number).levels
        for pol in POLARITIES
    }
    levels = seed_001().competency(number).levels
    assert got == {(lv, pol): levels[lv][pol] for lv in levels for pol in POLARITIES}


def test_001_foreign_indicators_name_a_listed_source_and_a_note(fw001: Any) -> None:
    """Every indicator not sourced to 001 names another listed source and carries a note."""
    others = {str(s.id) for s in fw001.sources[1:]}
    own = _own(fw001)
    bad = [
        ind.id
        for _, _, _, ind in _all_indicators(fw001)
        if ind.source.id != own and (ind.source.id not in others or not ind.note)
    ]
    assert bad == []


def test_001_foreign_indicators_only_fill_recovered_gaps(fw001: Any) -> None:
    """Indicators from other sources sit only where 001 lost a column that a seed recovers."""
    own = _own(fw001)
    got = {
        (comp.number, lv.number, pol)
        for comp, lv, pol, ind in _all_indicators(fw001)
        if ind.source.id != own
    }
    assert got == {(c, lv, EFFECTIVE) for (c, lv), src in LOST_EFFECTIVE_001.items() if src}


def test_001_total_indicator_counts_with_recovered(fw001: Any) -> None:
    """The data holds 001's 323 E + 335 I plus 002's 6 recovered E: 329 E, 335 I, 664 in all."""
    recovered = len(seed_002().competency(2).levels[LEVEL_002][EFFECTIVE])
    expected = {EFFECTIVE: TOTALS_001[EFFECTIVE] + recovered, INEFFECTIVE: TOTALS_001[INEFFECTIVE]}
    got = _counts(fw001)
    assert (got, sum(got.values())) == (expected, 664)


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_001_repaired_rows_carry_a_note(fw001: Any, number: int) -> None:
    """Rows rejoined across lines or de-interleaved from line 767 (AUDIT §1.4) carry a note."""
    own = _own(fw001)
    missing = []
    for level, pol, index in sorted(seed_001().competency(number).repaired):
        lv = _data_level(fw001, seed_001(), number, level)
        rows = [i for i in getattr(lv, pol) if i.source.id == own]
        if index >= len(rows) or not rows[index].note:
            missing.append((level, pol, index + 1))
    assert missing == []


def test_001_c2_l3_records_unrecovered_effective_gap(fw001: Any) -> None:
    """C2 L3 has no effective indicator and one effective gap, with a note and no recovered_from."""
    lv = _data_level(fw001, seed_001(), 2, 3)
    gaps = [(g.polarity, bool(g.note), g.recovered_from and g.recovered_from.id) for g in lv.gaps]
    assert (len(lv.effective), gaps) == (0, [(EFFECTIVE, True, LOST_EFFECTIVE_001[(2, 3)])])


def test_001_c2_l5_records_gap_recovered_from_002(fw001: Any) -> None:
    """C2 L5 records one effective gap, with a note, recovered from the 002 source."""
    lv = _data_level(fw001, seed_001(), 2, 5)
    gaps = [(g.polarity, bool(g.note), g.recovered_from and g.recovered_from.id) for g in lv.gaps]
    recovered = _source_id(fw001, SEED_002)
    assert (gaps, recovered) == ([(EFFECTIVE, True, recovered)], LOST_EFFECTIVE_001[(2, 5)])


def test_001_c2_l5_effective_are_002_texts_sourced_to_002(fw001: Any) -> None:
    """C2 L5's effective indicators are 002's six Changing and Improving texts, sourced to 002."""
    lv = _data_level(fw001, seed_001(), 2, 5)
    got = [(i.text, i.source.id, bool(i.note)) for i in lv.effective]
    recovered = _source_id(fw001, SEED_002)
    texts = seed_002().competency(2).levels[LEVEL_002][EFFECTIVE]
    assert got == [(text, recovered, True) for text in texts]


def test_001_gaps_only_where_the_source_lost_a_column(fw001: Any) -> None:
    """Gaps are recorded only at the levels whose effective column 001 lost (C2 L5, C2 L3)."""
    got = {
        (comp.number, lv.number, g.polarity)
        for comp in fw001.competencies
        for lv in comp.levels
        for g in lv.gaps
    }
    assert got == {(c, lv, EFFECTIVE) for (c, lv) in LOST_EFFECTIVE_001}


# --- 002: Competency Framework By Grade - SMS 1 (July 2012), Level 5 only --------------------
def test_002_framework_own_source_is_seed_002(fw002: Any) -> None:
    """The 2012 SMS 1 framework's first (own) source is the 002 seed file."""
    assert fw002.sources[0].file == SEED_002


def test_002_framework_is_cumulative_as_the_source_says(fw002: Any) -> None:
    """`cumulative` is true exactly when 002's introduction says levels build on those below."""
    assert fw002.levels_cumulative is (CUMULATIVE_PHRASE in seed_002().intro)


def test_002_framework_covers_level_5_only(fw002: Any) -> None:
    """The 2012 SMS 1 framework covers Level 5 only."""
    assert tuple(fw002.level_numbers) == (LEVEL_002,)


def test_002_competencies_numbers_and_names_in_source_order(fw002: Any) -> None:
    """The competencies are 002's ten, with its numbers and names, in document order."""
    expected = [(c.number, c.name) for c in seed_002().competencies]
    assert [(c.number, c.name) for c in fw002.competencies] == expected


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_002_description_equals_source_2012_paragraph(fw002: Any, number: int) -> None:
    """Each description equals 002's 2012 paragraph (lines 31-75, © footer at 57 removed)."""
    expected = seed_002().competency(number).description
    assert _data_comp(fw002, seed_002(), number).description == expected


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_002_competency_has_level_5_only(fw002: Any, number: int) -> None:
    """Each competency of the 2012 SMS 1 framework has Level 5 and no other level."""
    got = tuple(lv.number for lv in _data_comp(fw002, seed_002(), number).levels)
    assert got == (LEVEL_002,)


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_002_indicators_equal_source_rows_in_order(fw002: Any, number: int) -> None:
    """Level 5 effective and ineffective indicators equal 002's rows, text and order."""
    lv = _data_level(fw002, seed_002(), number, LEVEL_002)
    got = {pol: [i.text for i in getattr(lv, pol)] for pol in POLARITIES}
    assert got == seed_002().competency(number).levels[LEVEL_002]


@pytest.mark.parametrize("number", COMPETENCY_NUMBERS, ids=lambda n: f"C{n}")
def test_002_indicators_carry_their_place_and_own_source(fw002: Any, number: int) -> None:
    """Each 002 indicator has the polarity and level holding it, and 002 itself as its source."""
    own = _own(fw002)
    wrong = [
        ind.id
        for lv in _data_comp(fw002, seed_002(), number).levels
        for pol in POLARITIES
        for ind in getattr(lv, pol)
        if (ind.polarity, ind.level_number, ind.source.id) != (pol, lv.number, own)
    ]
    assert wrong == []


def test_002_total_indicator_counts(fw002: Any) -> None:
    """The 2012 SMS 1 framework holds 59 effective and 59 ineffective indicators."""
    assert _counts(fw002) == TOTALS_002


def test_002_records_no_gaps(fw002: Any) -> None:
    """002 lost no indicator text (its broken rows are rebuilt), so no level records a gap."""
    assert [(c.number, lv.number) for c in fw002.competencies for lv in c.levels if lv.gaps] == []


# --- introductions ------------------------------------------------------------------------------
# The introductory text, headings included, runs from "About this framework" to the line that
# introduces the competency list (001: lines 7-25, §1.1; 002: lines 15-29, §2.1, after the
# flattened cluster diagram of lines 3-13).
INTRODUCTION_LINES = {"001": (SEED_001, 7, 25), "002": (SEED_002, 15, 29)}


@pytest.mark.parametrize("seed", sorted(INTRODUCTION_LINES))
def test_introduction_is_the_source_text_verbatim(fw001: Any, fw002: Any, seed: str) -> None:
    """The introduction is every non-blank line of the source's introductory text, in order."""
    name, first, last = INTRODUCTION_LINES[seed]
    expected = [line for line in _lines(name)[first - 1 : last] if line.strip()]
    framework = fw001 if seed == "001" else fw002
    assert list(framework.introduction) == expected


def test_002_cluster_titles_are_as_002_prints_them(fw002: Any) -> None:
    """The SMS 1 edition's cluster headings, dashes included: an en dash, then two hyphens."""
    printed = [line for line in _lines(SEED_002) if re.match(r"\w+ Cluster [-–] ", line)]
    assert [cluster.title for cluster in fw002.clusters] == printed
    assert [title[len(title.split(" Cluster ")[0]) + 9] for title in printed] == ["–", "-", "-"]


def test_001_cluster_titles_keep_their_en_dashes(fw001: Any) -> None:
    """The update edition's clusters are titled with an en dash, as its summary line has them."""
    assert all(" Cluster – " in cluster.title for cluster in fw001.clusters)


def test_the_example_profiles_quote_003s_own_title() -> None:
    """Every example profile's source quotes 003's wording: "Civil Service Grades SEO-Grade 6"."""
    wording = _lines(SEED_003)[10]
    assert wording == "Civil Service Grades SEO-Grade 6"
    profiles = sorted((Path(__file__).parents[1] / "examples" / "profiles").glob("*.json"))
    assert len(profiles) == 9
    import civilframe

    for path in profiles:
        source = civilframe.load_profile(path).source
        assert source is not None
        assert f", {wording}, Annex " in source, path.name


#: How a seed writes each month, for checking a source's date against the seed that prints it.
MONTHS = "January February March April May June July August September October November December"


@pytest.mark.parametrize("id", sorted(cf.frameworks()))
def test_every_source_fact_is_printed_in_a_seed(id: str) -> None:
    """A source's publisher, copyright line and date are in its own seed; its URL in a seed.

    The Competency Framework's address is the one the Home Office pack gives for it (seed 003,
    Annex J), so a URL may come from another seed than the source's own.
    """
    every = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("0*.txt")))
    for source in cf.load(id).sources:
        assert source.file is not None
        own = (SEEDS / source.file).read_text(encoding="utf-8")
        for fact in (source.publisher, source.rights):
            assert fact is None or fact in own, (source.id, fact)
        if source.date is not None:
            year, month = source.date.split("-")[:2]
            assert f"{MONTHS.split()[int(month) - 1]} {year}" in own, (source.id, source.date)
        assert source.url is None or f"<{source.url}>" in every, (source.id, source.url)
