"""Fidelity of the Success Profiles and Leadership in Action data against the source texts.

The sources (000: Success Profiles: Civil Service Behaviours; 004: Leadership in Action) are
parsed here independently of the data, and every text the public API gives is checked against
the source in its place. Line numbers are 1-based physical lines, as ``sed -n Np`` shows them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import attrs
import pytest

import civilframe
from civilframe.model import Competency, Framework, Level
from civilframe.reference.assessment import AssessmentMethod, Element

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SP_FILE = SEEDS / "000_1f89566b2dd3bcc1.txt"
LIA_FILE = SEEDS / "004_dc5edd7f2d48d50a.txt"

if not (SP_FILE.is_file() and LIA_FILE.is_file()):
    pytest.skip(
        f"source documents 000 and 004 not found in {SEEDS}; fidelity tests need them",
        allow_module_level=True,
    )

SP_ID = "success-profiles-behaviours"
LIA_ID = "leadership-in-action"
# The framework's own source document, as (id, title, file).
SP_SOURCE = ("000", "Success Profiles: Civil Service Behaviours", SP_FILE.name)
LIA_SOURCE = ("004", "Leadership in Action", LIA_FILE.name)

BEHAVIOURS = [
    "Seeing the Big Picture",
    "Changing and Improving",
    "Making Effective Decisions",
    "Leadership",
    "Communicating and Influencing",
    "Working Together",
    "Developing Self and Others",
    "Managing a Quality Service",
    "Delivering at Pace",
]
PLACES = [(name, number) for name in BEHAVIOURS for number in range(1, 7)]

# Sentences per example paragraph, levels 1..6 (AUDIT.md section 4.4).
SENTENCE_COUNTS = {
    "Seeing the Big Picture": [3, 4, 5, 4, 5, 7],
    "Changing and Improving": [4, 7, 6, 8, 9, 7],
    "Making Effective Decisions": [5, 5, 6, 7, 6, 7],
    "Leadership": [6, 4, 6, 5, 5, 5],
    "Communicating and Influencing": [6, 7, 6, 8, 6, 6],
    "Working Together": [6, 6, 7, 7, 6, 6],
    "Developing Self and Others": [4, 6, 5, 6, 7, 8],
    "Managing a Quality Service": [5, 6, 6, 8, 7, 6],
    "Delivering at Pace": [6, 7, 6, 6, 8, 6],
}

ID_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
LEAD = "Every day we see the best Civil Service leaders..."
FOOTNOTE_MARKERS = ("\u00b9", "\u00b2")


# ---------------------------------------------------------------- source parsing


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=\.) +", paragraph)


@dataclass
class SuccessProfilesSource:
    """What the 000 text says, parsed without reference to the data."""

    lines: list[str]
    introduction: list[str] = field(default_factory=list)
    intro_span: tuple[int, int] = (0, 0)
    definitions: dict[str, str] = field(default_factory=dict)
    contents: dict[int, str] = field(default_factory=dict)
    headings: dict[int, set[str]] = field(default_factory=dict)
    paragraphs: dict[tuple[str, int], str] = field(default_factory=dict)
    elements: list[tuple[str, str]] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)


def _parse_000() -> SuccessProfilesSource:
    src = SuccessProfilesSource(_lines(SP_FILE))
    lines = src.lines
    first = lines.index("# What are Success Profiles?")
    start = lines.index("# Definitions of Behaviours")
    stop = lines.index("# Contents")
    # The introduction runs from the first section heading to the last line before the
    # definitions; blank lines and list items (the elements, the methods) are not in it.
    end = max(i for i in range(first, start) if lines[i].strip())
    src.intro_span = (first + 1, end + 1)
    src.introduction = [
        re.sub(r"^#{1,2} ", "", line)
        for line in lines[first : end + 1]
        if line.strip() and not line.startswith("- ")
    ]
    current: str | None = None
    for line in lines[start + 1 : stop]:
        if line.startswith("## "):
            current = line[3:]
        elif line.strip() and current is not None:
            src.definitions[current] = line
            current = None
    for line in lines:
        m = re.fullmatch(r"<b>Level (\d)</b>\t(.+)\t\d+", line)
        if m:
            src.contents[int(m.group(1))] = m.group(2)
    level: int | None = None
    behaviour: str | None = None
    for line in lines:
        m = re.fullmatch(r"# Level (\d) [-\u2013] (.+)", line)
        if m:
            level = int(m.group(1))
            src.headings.setdefault(level, set()).add(m.group(2))
            behaviour = None
        elif line.startswith("# "):
            level = behaviour = None
        elif level is None:
            continue
        elif line.startswith("## "):
            behaviour = line[3:]
        elif line.strip() and line != "Examples of behaviours at this level are:":
            assert behaviour is not None, f"paragraph without a heading: {line[:40]!r}"
            assert (behaviour, level) not in src.paragraphs, f"{behaviour} L{level} twice"
            src.paragraphs[(behaviour, level)] = line
            behaviour = None
    for line in lines:
        m = re.fullmatch(r"- \*\*(.+?)\*\* - (.+)", line)
        if m:
            src.elements.append((m.group(1), m.group(2)))
    for line in lines[lines.index("## How we assess behaviours") + 1 :]:
        if line.startswith("- "):
            src.methods.append(line[2:])
        elif line.strip() and src.methods:
            break
    return src


@dataclass
class LeadershipSource:
    """What the 004 text says, parsed without reference to the data."""

    title: str
    intro: list[tuple[int, str]]
    short: list[tuple[int, str]]
    long: list[tuple[int, str, str]]
    footnotes: list[tuple[int, str]]


def _parse_004() -> LeadershipSource:
    lines = _lines(LIA_FILE)
    first = lines.index(LEAD)
    second = lines.index(LEAD, first + 1)
    before = [(i + 1, line) for i, line in enumerate(lines[:first]) if line.strip()]
    long = []
    for i, line in enumerate(lines[second + 1 :], start=second + 2):
        if line.strip():
            label, text = line.split(": ", 1)
            long.append((i, label, text))
    return LeadershipSource(
        title=before[0][1],
        intro=before[1:],
        short=[
            (i + 1, line[3:])
            for i, line in enumerate(lines)
            if first < i < second and line.startswith("...")
        ],
        long=long,
        footnotes=[(i + 1, line) for i, line in enumerate(lines) if line[:1] in FOOTNOTE_MARKERS],
    )


SP = _parse_000()
LIA = _parse_004()


def _unmark(text: str) -> str:
    """Text with Markdown bold, footnote markers and placeholder link markup removed."""
    text = re.sub(r"\*\*|[\u00b9\u00b2]", "", text)
    return re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text).strip()


# ---------------------------------------------------------------- data access (public API)


@pytest.fixture(scope="module")
def behaviours() -> Framework:
    return civilframe.load(SP_ID)


@pytest.fixture(scope="module")
def lia() -> Framework:
    return civilframe.load(LIA_ID)


@pytest.fixture(scope="module")
def elements() -> tuple[Element, ...]:
    return civilframe.elements()


@pytest.fixture(scope="module")
def methods() -> tuple[AssessmentMethod, ...]:
    return civilframe.assessment_methods()


def _strings(obj: object) -> Iterator[str]:
    """Every string held by an object of the model, however deep."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, tuple):
        for value in obj:
            yield from _strings(value)
    elif attrs.has(cls := type(obj)):
        for attribute in attrs.fields(cls):
            yield from _strings(getattr(obj, attribute.name))


def _framework_ids(framework: Framework) -> list[str]:
    """The ids of a framework's competencies, indicators and questions."""
    return [
        *(c.id for c in framework.competencies),
        *(i.id for i in framework.indicators),
        *(q.id for q in framework.questions),
    ]


def _behaviour(framework: Framework, name: str) -> Competency:
    return next(c for c in framework.competencies if c.name == name)


def _level(framework: Framework, name: str, number: int) -> Level:
    return _behaviour(framework, name).level(number)


def _texts(framework: Framework, name: str, number: int) -> list[str]:
    return [i.text for i in _level(framework, name, number).effective]


# ---------------------------------------------------------------- parser sanity


def test_source_parser_finds_54_paragraphs() -> None:
    """The independent parser finds one example paragraph per behaviour and level."""
    assert sorted(SP.paragraphs) == sorted(PLACES)


def test_source_sentence_counts_match_audit() -> None:
    """Source paragraphs split into the audited per-paragraph sentence counts, 326 in all."""
    counts = {b: [len(_sentences(SP.paragraphs[(b, n)])) for n in range(1, 7)] for b in BEHAVIOURS}
    assert counts == SENTENCE_COUNTS
    assert sum(map(sum, counts.values())) == 326


def test_source_parser_finds_the_introduction_at_lines_13_to_77() -> None:
    """The 000 introduction spans lines 13 to 77: 4 headings and 17 paragraphs."""
    assert SP.intro_span == (13, 77)
    headings = [line for line in SP.lines[12:77] if line.startswith("#")]
    assert len(headings) == 4
    assert len(SP.introduction) == 21


def test_source_parser_finds_the_004_layout() -> None:
    """In 004 the intro is lines 7-13, the short list 17-31, footnotes 33 and 35, long forms 39-53."""
    assert [i for i, _ in LIA.intro] == [7, 9, 11, 13]
    assert [i for i, _ in LIA.short] == list(range(17, 32, 2))
    assert [i for i, _ in LIA.footnotes] == [33, 35]
    assert [i for i, _, _ in LIA.long] == list(range(39, 54, 2))


# ---------------------------------------------------------------- bundled files


@pytest.mark.parametrize("framework_id", [SP_ID, LIA_ID])
def test_bundled_file_is_canonical(framework_id: str) -> None:
    """The bundled file is exactly what dumps() writes for the framework loaded from it."""
    path = Path(civilframe.__file__).parent / "data" / "frameworks" / f"{framework_id}.json"
    assert civilframe.dumps(civilframe.load(framework_id)) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("framework_id", "title"), [(SP_ID, SP_SOURCE[1]), (LIA_ID, LIA_SOURCE[1])]
)
def test_framework_is_listed_with_its_title(framework_id: str, title: str) -> None:
    """The framework is listed among the bundled ones under its document's title."""
    assert civilframe.frameworks()[framework_id] == title


# ---------------------------------------------------------------- success-profiles-behaviours


def test_framework_header(behaviours: Framework) -> None:
    """Framework id, title, publisher, edition, source and non-cumulative flag are as shown."""
    assert behaviours.id == SP_ID
    assert behaviours.title == "Success Profiles: Civil Service Behaviours"
    assert "HM Government" in SP.lines
    assert behaviours.publisher == "HM Government"
    assert behaviours.edition is None
    assert [(s.id, s.title, s.file) for s in behaviours.sources] == [SP_SOURCE]
    assert behaviours.levels_cumulative is False
    phrase = "Civil Service Behaviours are specific to the grade level of the job role."
    assert any(phrase in line for line in SP.lines)


def test_framework_has_no_clusters_numbers_summaries_or_questions(behaviours: Framework) -> None:
    """The document has no clusters, numbers, summaries, questions, gaps or notes."""
    assert behaviours.clusters == ()
    assert behaviours.questions == ()
    for comp in behaviours.competencies:
        assert (comp.number, comp.cluster, comp.summary) == (None, None, None), comp.id
        for level in comp.levels:
            assert level.gaps == (), level.id
            assert all(i.note is None and i.source.id == "000" for i in level.effective), level.id


def test_introduction_is_the_opening_sections(behaviours: Framework) -> None:
    """The introduction is every heading and paragraph of lines 13-77, list items left out."""
    assert behaviours.introduction == tuple(SP.introduction)
    assert behaviours.introduction[0] == "What are Success Profiles?"
    assert behaviours.introduction[-1].startswith("The Civil Service is a diverse")


def test_level_labels_match_contents_table(behaviours: Framework) -> None:
    """Level labels equal the contents table and every level heading, levels 1 to 6."""
    assert behaviours.level_numbers == (1, 2, 3, 4, 5, 6)
    assert {d.number: d.label for d in behaviours.level_definitions} == SP.contents
    assert SP.headings == {n: {label} for n, label in SP.contents.items()}


def test_level_labels_bound_to_every_level(behaviours: Framework) -> None:
    """Each behaviour's level carries its contents-table label."""
    for comp in behaviours.competencies:
        assert {lv.number: lv.label for lv in comp.levels} == SP.contents, comp.id


def test_level_grades(behaviours: Framework) -> None:
    """Each level's grades are the canonical names in the label's order."""
    assert [d.grades for d in behaviours.level_definitions] == [
        ("AA", "AO"),
        ("EO",),
        ("HEO", "SEO"),
        ("Grade 7", "Grade 6"),
        ("Deputy Director",),
        ("Director", "Director General"),
    ]


def test_nine_definitions_verbatim(behaviours: Framework) -> None:
    """The 9 behaviours appear in document order with their definitions verbatim."""
    assert list(SP.definitions) == BEHAVIOURS
    pairs = [(c.name, c.description) for c in behaviours.competencies]
    assert pairs == list(SP.definitions.items())


def test_definition_sentence_counts() -> None:
    """Definitions have the audited sentence counts 2, 2, 2, 3, 2, 1, 1, 1, 1."""
    counts = [len(_sentences(d)) for d in SP.definitions.values()]
    assert counts == [2, 2, 2, 3, 2, 1, 1, 1, 1]


@pytest.mark.parametrize("name", BEHAVIOURS)
def test_levels_are_one_to_six(behaviours: Framework, name: str) -> None:
    """Each behaviour has levels 1 to 6 in ascending order and no ineffective indicators."""
    comp = _behaviour(behaviours, name)
    assert comp.level_numbers == (1, 2, 3, 4, 5, 6)
    assert all(lv.ineffective == () for lv in comp.levels)


@pytest.mark.parametrize(("name", "number"), PLACES)
def test_sentences_in_place(behaviours: Framework, name: str, number: int) -> None:
    """The level's indicators are the source paragraph's sentences, in order."""
    texts = _texts(behaviours, name, number)
    assert texts == _sentences(SP.paragraphs[(name, number)])
    assert len(texts) == SENTENCE_COUNTS[name][number - 1]


@pytest.mark.parametrize(("name", "number"), PLACES)
def test_sentences_join_to_paragraph(behaviours: Framework, name: str, number: int) -> None:
    """The level's paragraph, its sentences joined with a space, is the printed paragraph."""
    level = _level(behaviours, name, number)
    assert all(i.text.endswith(".") for i in level.effective)
    assert level.paragraph == SP.paragraphs[(name, number)]


def test_total_sentences(behaviours: Framework) -> None:
    """There are 54 paragraphs and 326 sentences in the data."""
    levels = [lv for c in behaviours.competencies for lv in c.levels]
    assert len(levels) == 54
    assert sum(len(lv.effective) for lv in levels) == 326
    assert len(list(behaviours.indicators)) == 326


def test_indicator_ids(behaviours: Framework) -> None:
    """Indicator ids are <behaviour-id>.l<level>.e<row>, rows numbered from 1."""
    for comp in behaviours.competencies:
        for level in comp.levels:
            prefix = f"{comp.id}.l{level.number}.e"
            expected = [f"{prefix}{k}" for k in range(1, len(level.effective) + 1)]
            assert [i.id for i in level.effective] == expected


def test_indicators_know_their_place(behaviours: Framework) -> None:
    """Every indicator tells its behaviour, level and column, and is found by its id."""
    for comp in behaviours.competencies:
        for level in comp.levels:
            for indicator in level.effective:
                assert (indicator.competency_id, indicator.level_number) == (comp.id, level.number)
                assert indicator.polarity == "effective"
                assert behaviours.indicator(indicator.id) is indicator


@pytest.mark.parametrize(
    "quirk",
    [
        "taxpayers money",
        "fulfill",
        "civil service priorities",
        "encourages, openness",
        "meet the customers' needs and gives value for money",
        "individuals' backgrounds and experiences are valued",
    ],
)
def test_orig_quirk_kept(behaviours: Framework, quirk: str) -> None:
    """A wording quirk of the published text is kept verbatim."""
    assert any(quirk in i.text for i in behaviours.indicators)


# ---------------------------------------------------------------- elements and assessment methods


def test_five_elements_verbatim(elements: tuple[Element, ...]) -> None:
    """The 5 Success Profile elements and their definitions are verbatim, in order."""
    names = ["Behaviours", "Strengths", "Ability", "Experience", "Technical"]
    assert [e.name for e in elements] == names
    assert [(e.name, e.definition) for e in elements] == SP.elements
    assert [e.id for e in elements] == [n.lower() for n in names]


def test_thirteen_methods_verbatim(methods: tuple[AssessmentMethod, ...]) -> None:
    """The 13 assessment methods are verbatim, in order."""
    assert len(SP.methods) == 13
    assert [m.name for m in methods] == SP.methods
    assert methods[-1].name == "Assessment centre."


# ---------------------------------------------------------------- leadership-in-action


def test_lia_header(lia: Framework) -> None:
    """Title and source are 004's; no publisher, edition, levels or clusters; not cumulative."""
    assert lia.id == LIA_ID
    assert lia.title == LIA.title == "Leadership in Action"
    assert [(s.id, s.title, s.file) for s in lia.sources] == [LIA_SOURCE]
    assert (lia.publisher, lia.edition) == (None, None)
    assert lia.level_definitions == ()
    assert lia.clusters == ()
    assert lia.levels_cumulative is False


def test_lia_introduction(lia: Framework) -> None:
    """The intro paragraphs, the lead-in line and both footnotes, with markup removed."""
    expected = [
        *(_unmark(text) for _, text in LIA.intro),
        LEAD,
        *(_unmark(text) for _, text in LIA.footnotes),
    ]
    assert len(expected) == 7
    assert lia.introduction == tuple(expected)
    assert lia.introduction[-2].endswith("Civil Service accelerated development schemes.")
    assert (
        lia.introduction[-1]
        == "See professional Career Frameworks and Career Pathways for more information."
    )


def test_eight_attributes_in_short_list_order(lia: Framework) -> None:
    """The 8 attributes follow the short list, numbered 1 to 8, short forms verbatim."""
    assert len(LIA.short) == 8
    assert [c.summary for c in lia.competencies] == [text for _, text in LIA.short]
    assert [c.number for c in lia.competencies] == list(range(1, 9))


def test_attribute_names_and_descriptions(lia: Framework) -> None:
    """Each attribute's name and description are its long-form paragraph's, verbatim."""
    long = {label: text for _, label, text in LIA.long}
    assert len(long) == 8
    for comp in lia.competencies:
        assert comp.name in long, comp.name
        assert comp.description == long[comp.name]
    assert {c.name for c in lia.competencies} == set(long)


def test_attributes_have_no_levels(lia: Framework) -> None:
    """Attributes have no levels, clusters or indicators."""
    assert all(c.levels == () and c.cluster is None for c in lia.competencies)
    assert list(lia.indicators) == []


def test_attribute_three_keeps_both_wordings(lia: Framework) -> None:
    """Attribute 3's short form keeps its comma and its long label keeps none."""
    third = lia.competencies[2]
    assert third.summary == "exercising judgement and making good, evidence-based decisions"
    assert third.name == "Exercising judgement and making good evidence-based decisions"
    for comp in lia.competencies:
        if comp is not third:
            assert comp.summary is not None
            assert comp.name == comp.summary[0].upper() + comp.summary[1:]


def test_indicators_of_potential(lia: Framework) -> None:
    """The 3 Indicators of Potential and their questions come verbatim from footnote 1."""
    found = re.findall(r"(\w+) \((Does [^)]*\?)\)", LIA.footnotes[0][1])
    assert len(found) == 3
    assert [(q.name, q.text) for q in lia.questions] == found
    assert [q.id for q in lia.questions] == ["performance", "purpose", "values"]
    assert lia.question("Purpose").text == found[1][1]


# ---------------------------------------------------------------- text and id rules


def _all_strings() -> Iterator[tuple[str, str]]:
    for framework_id in (SP_ID, LIA_ID):
        for text in _strings(civilframe.load(framework_id)):
            yield framework_id, text
    for item in (*civilframe.elements(), *civilframe.assessment_methods()):
        for text in _strings(item):
            yield "elements", text


def test_text_rules() -> None:
    """Every string is non-empty, trimmed, free of control characters, doubled spaces and markup."""
    texts = list(_all_strings())
    assert len(texts) > 326
    for where, text in texts:
        assert text, where
        assert text == text.strip(), (where, text)
        assert not re.search(r"[\x00-\x1f\x7f]", text), (where, text)
        assert "  " not in text, (where, text)
        assert not re.search(r"\*\*|</?b>|[\u00b9\u00b2]|\]\(", text), (where, text)


@pytest.mark.parametrize("framework_id", [SP_ID, LIA_ID])
def test_framework_ids_well_formed_and_unique(framework_id: str) -> None:
    """Competency, indicator and question ids match the slug pattern and are unique."""
    ids = _framework_ids(civilframe.load(framework_id))
    assert ids
    assert all(ID_RE.match(i) for i in ids), ids
    assert len(ids) == len(set(ids))


def test_element_and_method_ids_well_formed_and_unique(
    elements: tuple[Element, ...], methods: tuple[AssessmentMethod, ...]
) -> None:
    """Element and method ids match the slug pattern and are unique in their list."""
    for items in (elements, methods):
        ids = [item.id for item in items]
        assert all(ID_RE.match(i) for i in ids), ids
        assert len(ids) == len(set(ids))
