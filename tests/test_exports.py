"""Exports: CSV, JSON, Markdown, CASE 1.1 and DataFrame, on a tiny framework and the bundled ones.

The tiny framework's exports are compared byte for byte with golden files in tests/resources/;
set CIVILFRAME_REGENERATE_GOLDEN=1 to rewrite them after a deliberate change, and review the diff.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import os
import sys
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import civilframe as cf
from civilframe.export import (
    BOM,
    CASE_LAST_CHANGE,
    CASE_NAMESPACE,
    COLUMNS,
    CsvRow,
    case_package,
    read_csv,
    to_case,
    to_csv,
    to_dataframe,
    to_excel_csv,
    to_json,
    to_markdown,
)
from civilframe.render.markdown import escape as _md

from .strategies import canonical, framework_documents

RESOURCES = Path(__file__).parent / "resources"
REGENERATE = "CIVILFRAME_REGENERATE_GOLDEN"
STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards"
CASE_SCHEMA = STANDARDS / "case-v1p1-cfpackage-schema.json"
BUNDLED = list(cf.frameworks())

TINY: dict[str, Any] = {
    "id": "tiny",
    "title": "A Tiny Framework",
    "edition": "First",
    "publisher": "A Department",
    "sources": [{"id": "src", "title": "The tiny framework"}, {"id": "old", "title": "Old"}],
    "cumulative": True,
    "level_definitions": [
        {"number": 1, "label": "AA and AO", "grades": ["AA", "AO"]},
        {"number": 2, "label": "EO | HEO", "grades": ["EO", "HEO"]},
    ],
    "clusters": [{"id": "people", "title": "People Cluster – Engaging People"}],
    "competencies": [
        {
            "id": "listening",
            "number": 1,
            "name": "Listening & Hearing",
            "cluster": "people",
            "description": "Listen, then *act* on what you hear_now [1] <b>.",
            "levels": [
                {
                    "number": 1,
                    "effective": [
                        {"id": "listening.l1.e1", "text": 'Listen well, and say "thanks"'},
                        {"id": "listening.l1.e2", "text": "Use a | pipe &amp; 1. numbers"},
                    ],
                    "ineffective": [{"id": "listening.l1.i1", "text": "Interrupt – often"}],
                },
                {
                    "number": 2,
                    "effective": [
                        {
                            "id": "listening.l2.e1",
                            "text": "Listen to everyone",
                            "source": "old",
                            "note": "Recovered from the old edition.",
                        }
                    ],
                    "ineffective": [],
                    "gaps": [{"polarity": "effective", "note": "Lost.", "recovered_from": "old"}],
                },
            ],
        },
        {
            "id": "speaking",
            "number": 2,
            "name": "Speaking",
            "cluster": "people",
            "summary": "Speak up.",
            "levels": [
                {
                    "number": 1,
                    "effective": [{"id": "speaking.l1.e1", "text": "- Start with a dash"}],
                    "ineffective": [],
                },
                {
                    "number": 2,
                    "effective": [],
                    "ineffective": [{"id": "speaking.l2.i1", "text": "# Mumble"}],
                    "gaps": [{"polarity": "effective", "note": "Not recovered."}],
                },
            ],
        },
    ],
    "questions": [{"id": "ready", "name": "Ready", "text": "Is the person ready?"}],
}


@pytest.fixture(scope="module")
def tiny() -> cf.Framework:
    """A tiny framework with clusters, a gap, a recovered indicator and Markdown specials."""
    return cf.loads(json.dumps(TINY))


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, update edition."""
    return cf.load("competency-framework")


def assert_golden(name: str, actual: str) -> None:
    """``actual`` equals the golden file ``name``, byte for byte (rewritten if REGENERATE is set)."""
    path = RESOURCES / name
    if os.environ.get(REGENERATE):
        path.write_bytes(actual.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == actual


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_matches_the_golden_file(tiny: cf.Framework) -> None:
    """The tiny framework's CSV is exactly the golden file."""
    assert_golden("tiny.csv", to_csv(tiny))


def test_csv_has_a_header_and_one_row_per_indicator(ccf: cf.Framework) -> None:
    """The CSV holds the header row and one row per indicator: 664 for the Competency Framework."""
    lines = to_csv(ccf).split("\r\n")
    assert lines[0] == ",".join(COLUMNS)
    assert lines[-1] == ""
    assert len(lines) == 1 + 664 + 1


def test_csv_lines_end_in_crlf(tiny: cf.Framework) -> None:
    """Every line of the CSV ends in CRLF, as RFC 4180 and the csv module have it."""
    text = to_csv(tiny)
    assert text.endswith("\r\n")
    assert text.count("\n") == text.count("\r\n") == 1 + 6 + 1  # header, indicators, question


def test_csv_quotes_fields_with_commas_and_quotes(tiny: cf.Framework) -> None:
    """A field holding a comma or a double quote is quoted, its quotes doubled."""
    assert ',"Listen well, and say ""thanks""",' in to_csv(tiny)


def test_csv_lists_indicators_in_document_order(ccf: cf.Framework) -> None:
    """Rows follow document order: competency, lowest level first, effective then ineffective."""
    assert [row.id for row in read_csv(to_csv(ccf))] == [i.id for i in ccf.indicators]


def test_csv_row_names_cluster_grades_and_competency(ccf: cf.Framework) -> None:
    """A row carries the cluster's title, the level's grades and the competency's name and id."""
    row = read_csv(to_csv(ccf))[0]
    assert row.framework == "competency-framework"
    assert row.cluster == "Strategic Cluster – Setting Direction"
    assert (row.competency, row.competency_id) == (
        "Seeing the Big Picture",
        "seeing-the-big-picture",
    )
    assert (row.level, row.grades, row.polarity) == (1, ("AA", "AO"), "effective")
    assert row.note is None


def test_csv_leaves_cluster_empty_without_clusters() -> None:
    """In a framework without clusters the cluster column is empty."""
    framework = cf.load("success-profiles-behaviours")
    assert {row.cluster for row in read_csv(to_csv(framework))} == {None}


def _row_fields(row: CsvRow) -> tuple[object, ...]:
    return (row.id, row.text, row.polarity, row.level, row.competency_id, row.source, row.note)


def _indicator_fields(i: cf.Indicator) -> tuple[object, ...]:
    return (i.id, i.text, i.polarity, i.level_number, i.competency_id, i.source.id, i.note)


def _other_items(framework: cf.Framework) -> list[tuple[str, str | None, str]]:
    """What has a row of its own: competencies without levels, then the questions."""
    items = [
        (c.id, c.id, c.description or c.summary or "")
        for c in framework
        if not c.levels and (c.description or c.summary)
    ]
    return items + [(q.id, None, q.text) for q in framework.questions]


def _assert_rows_hold(framework: cf.Framework, rows: tuple[CsvRow, ...]) -> None:
    indicators = [row for row in rows if row.polarity is not None]
    others = [row for row in rows if row.polarity is None]
    assert tuple(_row_fields(row) for row in indicators) == tuple(
        _indicator_fields(i) for i in framework.indicators
    )
    assert [(row.id, row.competency_id, row.text) for row in others] == _other_items(framework)
    assert all(row.level is None and row.grades == () for row in others)


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_csv_reads_back_the_same_indicators(framework_id: str) -> None:
    """The CSV gives back every indicator's fields, competency without levels and question.

    Each indicator's id, text, polarity, level, competency, source and note; each other row's
    id and text.
    """
    framework = cf.load(framework_id)
    _assert_rows_hold(framework, read_csv(to_csv(framework)))


def test_leadership_in_action_is_exported_with_its_rows() -> None:
    """Its eight attributes and three Indicators of Potential, each a row with its text."""
    framework = cf.load("leadership-in-action")
    rows = read_csv(to_csv(framework))
    assert len(rows) == 8 + 3 == len(framework) + len(framework.questions)
    assert [row.competency for row in rows[:8]] == [c.name for c in framework]
    assert [row.text for row in rows[8:]] == [q.text for q in framework.questions]


@given(framework_documents())
def test_csv_round_trips_generated_frameworks(document: dict[str, Any]) -> None:
    """Any framework's CSV reads back into the same indicators, competencies and questions."""
    framework = cf.loads(canonical(document))
    _assert_rows_hold(framework, read_csv(to_csv(framework)))


def test_excel_csv_starts_with_a_bom_and_reads_back(ccf: cf.Framework) -> None:
    """The Excel CSV is the CSV behind a byte order mark, and read_csv reads it."""
    text = to_excel_csv(ccf)
    assert text == "\ufeff" + to_csv(ccf)
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert read_csv(text) == read_csv(to_csv(ccf))


def _edited(text: str, changes: dict[tuple[int, str], str]) -> str:
    """The CSV ``text`` with the value at each (row index, column) replaced."""
    header, *rows = csv.reader(io.StringIO(text, newline=""))
    for (row, column), value in changes.items():
        rows[row][header.index(column)] = value
    out = io.StringIO(newline="")
    csv.writer(out).writerows([header, *rows])
    return out.getvalue()


def _csv_problems(text: str) -> tuple[str, ...]:
    with pytest.raises(cf.InvalidDocumentError) as caught:
        read_csv(text)
    return caught.value.problems


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("level", "x", "expected a level number from 1 upwards, got 'x' @ $[3].level"),
        ("level", "", "expected a level number from 1 upwards, got '' @ $[3].level"),
        ("level", "0", "expected a number from 1 upwards, got 0 @ $[3].level"),
        (
            "polarity",
            "good",
            "expected one of 'effective', 'ineffective', got 'good' @ $[3].polarity",
        ),
        ("text", "", "text must not be empty @ $[3].text"),
        ("text", " padded", "text must not have leading or trailing spaces @ $[3].text"),
        (
            "id",
            "Bad Id",
            "id 'Bad Id' must be lower-case letters and digits, with '-' or '.' between them @ $[3].id",
        ),
        ("competency", "", "text must not be empty @ $[3].competency"),
        ("polarity", "", "a row with a level needs its polarity @ $[3].polarity"),
    ],
)
def test_read_csv_reports_a_bad_value_at_its_row_and_column(
    tiny: cf.Framework, column: str, value: str, problem: str
) -> None:
    """A bad value is reported with its row index and column."""
    assert _csv_problems(_edited(to_csv(tiny), {(3, column): value})) == (problem,)


def test_read_csv_reports_every_bad_row(tiny: cf.Framework) -> None:
    """Problems in several rows are all reported, in row order."""
    text = _edited(to_csv(tiny), {(1, "polarity"): "both", (3, "level"): "two"})
    assert _csv_problems(text) == (
        "expected one of 'effective', 'ineffective', got 'both' @ $[1].polarity",
        "expected a level number from 1 upwards, got 'two' @ $[3].level",
    )


def test_read_csv_reports_a_missing_column(tiny: cf.Framework) -> None:
    """A header without a required column is reported for every row ($[*])."""
    lines = to_csv(tiny).split("\r\n")
    lines[0] = lines[0].replace(",level,", ",lvl,")
    assert _csv_problems("\r\n".join(lines)) == (
        "required column missing @ $[*].level",
        "unknown column 'lvl' @ $[*].lvl",
    )


def test_read_csv_reports_a_repeated_column(tiny: cf.Framework) -> None:
    """A column named twice in the header is a problem."""
    lines = to_csv(tiny).split("\r\n")
    lines[0] = lines[0].replace(",note", ",text")
    assert _csv_problems("\r\n".join(lines)) == (
        "required column missing @ $[*].note",
        "column 'text' appears twice @ $[*].text",
    )


def test_read_csv_reports_a_row_of_the_wrong_length(tiny: cf.Framework) -> None:
    """A row with more or fewer fields than the header is reported."""
    lines = to_csv(tiny).split("\r\n")
    lines[2] += ",extra"
    assert _csv_problems("\r\n".join(lines)) == ("row has 12 fields, the header 11 @ $[1]",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "no header row: the CSV is empty @ $"),
        ('framework,"cluster\r\n', "malformed CSV at line 1: unexpected end of data @ $"),
    ],
)
def test_read_csv_refuses_what_is_not_a_csv_export(text: str, problem: str) -> None:
    """Empty or malformed text is one InvalidDocumentError."""
    assert _csv_problems(text) == (problem,)


def test_read_csv_skips_blank_lines(tiny: cf.Framework) -> None:
    """Blank lines (a trailing one from an editor, say) are not rows."""
    assert read_csv(to_csv(tiny) + "\r\n\r\n") == read_csv(to_csv(tiny))


# --- JSON --------------------------------------------------------------------------------------


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_json_export_reads_back_equal(framework_id: str) -> None:
    """The JSON export is the canonical format, and loads() reads it back to an equal framework."""
    framework = cf.load(framework_id)
    assert to_json(framework) == cf.dumps(framework)
    assert cf.loads(to_json(framework)) == framework


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_matches_the_golden_file(tiny: cf.Framework) -> None:
    """The tiny framework's Markdown is exactly the golden file."""
    assert_golden("tiny.md", to_markdown(tiny))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("*act* on_it", r"\*act\* on\_it"),
        ("[1] <b> `x` ~y~ \\", r"\[1\] \<b\> \`x\` \~y\~ \\"),
        ("&amp; & &#38;", r"\&amp; & \&#38;"),
        ("- dash", r"\- dash"),
        ("# hash", r"\# hash"),
        ("+ plus", r"\+ plus"),
        ("1. one", r"1\. one"),
        ("12) twelve", r"12\) twelve"),
        ("Grade 7 & 6 – or equiv", "Grade 7 & 6 – or equiv"),
    ],
)
def test_markdown_escapes_specials(text: str, escaped: str) -> None:
    """Markdown specials in text are escaped so that they print as themselves."""
    assert _md(text) == escaped


def test_markdown_lists_every_indicator(ccf: cf.Framework) -> None:
    """Every indicator of the Competency Framework is a list item of its Markdown."""
    lines = set(to_markdown(ccf).split("\n"))
    missing = [
        i.id
        for i in ccf.indicators
        if f"- {_md(i.text)}" not in lines and f"- {_md(i.text)} _(source: 002)_" not in lines
    ]
    assert missing == []


def test_markdown_shows_gaps_and_recovered_sources(ccf: cf.Framework) -> None:
    """Lost text is shown where it was lost; recovered indicators name their source."""
    text = to_markdown(ccf)
    assert text.count("> Text lost in the source: ") == 2
    assert text.count(" _(source: 002)_\n") == 6
    level_3 = text.index("### Level 3 (HEO & SEO or equiv)", text.index("## 2. Changing"))
    assert text.index("> Text lost in the source: The source lost", level_3) < text.index(
        "### Level 4", level_3
    )


def test_markdown_escapes_table_cells(tiny: cf.Framework) -> None:
    """A pipe in a table cell is escaped, so the table keeps its two columns."""
    assert "| 2 | EO \\| HEO |" in to_markdown(tiny).split("\n")


# --- CASE --------------------------------------------------------------------------------------


@functools.cache
def _case_validator() -> Any:
    schema = json.loads(CASE_SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def case_validator() -> Any:
    """A validator for the CASE 1.1 CFPackage schema in ../shared/standards."""
    if not CASE_SCHEMA.is_file():
        pytest.skip(f"the CASE 1.1 schema is not here: {CASE_SCHEMA} is absent")
    return _case_validator()


def test_case_matches_the_golden_file(tiny: cf.Framework) -> None:
    """The tiny framework's CASE package is exactly the golden file."""
    assert_golden("tiny.case.json", to_case(tiny))


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_case_export_is_valid_under_the_case_schema(case_validator: Any, framework_id: str) -> None:
    """Every bundled framework's CASE package is valid under the CASE 1.1 JSON Schema."""
    package = json.loads(to_case(cf.load(framework_id)))
    assert [error.message for error in case_validator.iter_errors(package)] == []


def test_case_schema_check_catches_a_broken_package(
    case_validator: Any, tiny: cf.Framework
) -> None:
    """The schema check can fail: a package without a creator or with a bad id is refused."""
    package = case_package(tiny)
    del package["CFDocument"]["creator"]
    package["CFItems"][0]["identifier"] = "not-a-uuid"
    assert len(list(case_validator.iter_errors(package))) == 2


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_case_export_is_identical_each_time(framework_id: str) -> None:
    """Two exports of the same data, from separately loaded objects, are identical."""
    framework = cf.load(framework_id)
    assert to_case(framework) == to_case(cf.loads(cf.dumps(framework)))


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_case_export_holds_every_indicator_once(framework_id: str) -> None:
    """Each indicator is one CFItem of type Indicator, its text the fullStatement."""
    framework = cf.load(framework_id)
    items = [i for i in case_package(framework)["CFItems"] if i["CFItemType"] == "Indicator"]
    assert [(i["humanCodingScheme"], i["fullStatement"]) for i in items] == [
        (i.id, i.text) for i in framework.indicators
    ]


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_case_associations_form_a_tree(framework_id: str) -> None:
    """Every item has one isChildOf to an existing item or the document; siblings number 1..n."""
    package = case_package(cf.load(framework_id))
    _assert_tree(package)


def _assert_tree(package: dict[str, Any]) -> None:
    document = package["CFDocument"]["identifier"]
    items = {item["identifier"]: item for item in package["CFItems"]}
    associations = package["CFAssociations"]
    assert len(items) == len(package["CFItems"])
    assert all(a["associationType"] == "isChildOf" for a in associations)
    origins = Counter(a["originNodeURI"]["identifier"] for a in associations)
    assert origins == Counter(list(items))
    siblings: dict[str, list[int]] = defaultdict(list)
    for association in associations:
        parent = association["destinationNodeURI"]["identifier"]
        assert parent == document or parent in items
        assert association["destinationNodeURI"]["uri"] == f"urn:uuid:{parent}"
        siblings[parent].append(association["sequenceNumber"])
    for numbers in siblings.values():
        assert numbers == list(range(1, len(numbers) + 1))
    identifiers = [document, *items, *(a["identifier"] for a in associations)]
    assert len(set(identifiers)) == len(identifiers)


@given(framework_documents())
def test_case_export_of_any_framework_is_a_tree(document: dict[str, Any]) -> None:
    """For any framework, CASE identifiers are unique and the associations form a tree."""
    _assert_tree(case_package(cf.loads(canonical(document))))


def test_case_levels_sit_under_competencies_under_clusters(tiny: cf.Framework) -> None:
    """An indicator's parent is its level, whose parent is its competency, then its cluster."""
    package = case_package(tiny)
    by_id = {item["identifier"]: item for item in package["CFItems"]}
    parent = {
        a["originNodeURI"]["identifier"]: a["destinationNodeURI"]["identifier"]
        for a in package["CFAssociations"]
    }
    indicator = next(i for i in package["CFItems"] if i["humanCodingScheme"] == "listening.l2.e1")
    chain = []
    node = indicator["identifier"]
    while node in parent:
        node = parent[node]
        chain.append(by_id[node]["humanCodingScheme"] if node in by_id else "document")
    assert chain == ["listening.l2", "listening", "people", "document"]


def test_case_identifiers_are_uuid5_of_the_item_path(tiny: cf.Framework) -> None:
    """Identifiers are uuid5 of the framework id, kind and item id; uris are urn:uuid."""
    package = case_package(tiny)
    item = package["CFItems"][0]
    assert item["identifier"] == str(uuid.uuid5(CASE_NAMESPACE, "tiny/cluster/people"))
    assert package["CFDocument"]["identifier"] == str(uuid.uuid5(CASE_NAMESPACE, "tiny"))
    for record in [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]:
        assert record["uri"] == f"urn:uuid:{record['identifier']}"
        assert uuid.UUID(record["identifier"]).version == 5


def test_case_namespace_is_derived_from_the_project_url() -> None:
    """The namespace is uuid5 of the project's URL, as documented."""
    url = "https://github.com/civilframe/civilframe#case"
    assert uuid.uuid5(uuid.NAMESPACE_URL, url) == CASE_NAMESPACE


def test_case_last_change_is_fixed_unless_given(tiny: cf.Framework) -> None:
    """Without a dated source, every lastChangeDateTime is the fixed epoch, or the one given."""
    stamps = {r["lastChangeDateTime"] for r in _records(case_package(tiny))}
    assert stamps == {"1970-01-01T00:00:00+00:00"}
    assert datetime.datetime.fromisoformat(stamps.pop()) == CASE_LAST_CHANGE
    given_at = datetime.datetime(
        2024, 5, 1, 13, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    stamps = {r["lastChangeDateTime"] for r in _records(case_package(tiny, last_change=given_at))}
    assert stamps == {"2024-05-01T12:00:00+00:00"}


@pytest.mark.parametrize("id", ["competency-framework", "competency-framework-2012-sms1"])
def test_case_last_change_is_the_newest_source_date(id: str) -> None:
    """A framework drawing on the July 2012 edition is stamped 1 July 2012, every record."""
    package = case_package(id)
    stamps = {r["lastChangeDateTime"] for r in _records(package)}
    assert stamps == {"2012-07-01T00:00:00+00:00"}
    assert "2012-07" in {source.date for source in cf.load(id).sources}


def test_case_document_names_its_source_url_and_dates() -> None:
    """The CFDocument carries the source's URL as officialSourceURL and its facts in notes."""
    document = case_package("competency-framework")["CFDocument"]
    url = "https://www.gov.uk/government/publications/civil-service-competency-framework"
    assert document["officialSourceURL"] == url
    assert "(2012-07, © Crown Copyright July 2012)" in document["notes"]
    assert "officialSourceURL" not in case_package("leadership-in-action")["CFDocument"]


def test_case_refuses_a_naive_last_change(tiny: cf.Framework) -> None:
    """A datetime without a timezone is refused, since CASE needs an offset."""
    with pytest.raises(ValueError, match="timezone-aware"):
        case_package(tiny, last_change=datetime.datetime(2024, 5, 1))


def _records(package: dict[str, Any]) -> list[dict[str, Any]]:
    return [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]


def test_case_indicator_notes_carry_polarity_and_provenance(tiny: cf.Framework) -> None:
    """A recovered indicator's notes name its polarity, source and note."""
    items = {i["humanCodingScheme"]: i for i in case_package(tiny)["CFItems"]}
    recovered = items["listening.l2.e1"]
    assert recovered["notes"] == (
        "Polarity: effective\nSource: old: Old\nNote: Recovered from the old edition."
    )
    assert recovered["conceptKeywords"] == ["effective"]
    assert items["listening.l1.i1"]["notes"] == "Polarity: ineffective"
    assert items["speaking.l2"]["notes"] == (
        "Grades: EO; HEO\nText lost in the source: Not recovered."
    )


# --- DataFrame ---------------------------------------------------------------------------------


def test_dataframe_has_the_csv_columns_and_one_row_per_indicator(ccf: cf.Framework) -> None:
    """The DataFrame has the CSV's columns, one row per indicator: 664 for the Framework."""
    pytest.importorskip("pandas")
    frame = to_dataframe(ccf)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 664
    assert list(frame["id"]) == [i.id for i in ccf.indicators]
    assert frame["level"].tolist()[:2] == [1, 1]


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_dataframe_row_counts_match_the_indicators(framework_id: str) -> None:
    """Each bundled framework's DataFrame has a row per indicator, grouped as the levels are.

    A competency without levels, and each question, adds a row of its own.
    """
    pytest.importorskip("pandas")
    framework = cf.load(framework_id)
    frame = to_dataframe(framework)
    assert len(frame) == len(list(framework.indicators)) + len(_other_items(framework))
    if len(frame):
        counts = frame.groupby(["competency_id", "level"]).size().to_dict()
        assert counts == {(c.id, lv.number): len(lv) for c in framework for lv in c if len(lv)}


def test_dataframe_without_pandas_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tiny: cf.Framework
) -> None:
    """Without pandas, to_dataframe raises ImportError naming the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'civilframe\[pandas\]'"):
        to_dataframe(tiny)


# --- spreadsheets (hardening) --------------------------------------------------------------------


def _with_texts(*texts: str) -> cf.Framework:
    document = json.loads(cf.dumps("competency-framework-2012-sms1"))
    column = document["competencies"][0]["levels"][0]["effective"]
    for row, text in zip(column, texts, strict=False):
        row["text"] = text
    return cf.loads(json.dumps(document))


FORMULAS = ['=HYPERLINK("http://x")', "+1", "-2 cells", "@SUM(A1)", "'quoted"]


def test_excel_csv_defuses_formulas_and_reads_back_exactly() -> None:
    """Each formula-like field gets one apostrophe in excel-csv; read_csv removes it again."""
    framework = _with_texts(*FORMULAS)
    excel = to_excel_csv(framework)
    written = [row["text"] for row in csv.DictReader(io.StringIO(excel.removeprefix(BOM)))]
    assert written[: len(FORMULAS)] == ["'" + text for text in FORMULAS]
    assert [row.text for row in read_csv(excel)] == [i.text for i in framework.indicators]


def test_plain_csv_stays_faithful() -> None:
    """The plain CSV writes every text exactly as it is, formulas and all."""
    framework = _with_texts(*FORMULAS)
    written = [row["text"] for row in csv.DictReader(io.StringIO(to_csv(framework)))]
    assert written[: len(FORMULAS)] == FORMULAS
    assert [row.text for row in read_csv(to_csv(framework))] == [
        i.text for i in framework.indicators
    ]


def test_a_text_longer_than_the_csv_field_limit_reads_back() -> None:
    """A 200,000-character text (the loader allows it) round-trips, and the limit is put back."""
    limit = csv.field_size_limit()
    framework = _with_texts("x" * 200_000)
    assert read_csv(to_csv(framework))[0].text == "x" * 200_000
    assert csv.field_size_limit() == limit


def test_a_level_of_five_thousand_digits_is_the_library_error() -> None:
    """A huge level number is a problem at its row, never Python's own ValueError."""
    text = to_csv("competency-framework-2012-sms1").replace(",5,", "," + "9" * 5000 + ",", 1)
    with pytest.raises(cf.InvalidDocumentError, match=r"\(5,000 characters\) @ \$\[0\]\.level"):
        read_csv(text)


def test_a_texts_own_apostrophe_survives_a_byte_order_mark() -> None:
    """A plain CSV a spreadsheet saved with a BOM keeps "'Tis": only added apostrophes go."""
    framework = _with_texts("'Tis the season", "'=kept as written")
    text = BOM + to_csv(framework)
    # behind a BOM, "'=" reads as an apostrophe the Excel CSV added: the one ambiguous case
    assert [row.text for row in read_csv(text)][:2] == ["'Tis the season", "=kept as written"]
    assert [row.text for row in read_csv(to_excel_csv(framework))][:2] == [
        "'Tis the season",
        "'=kept as written",
    ]


def test_reading_a_short_csv_leaves_the_field_limit_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process-wide csv field limit is touched only for a text longer than it."""
    calls: list[tuple[int, ...]] = []
    original = csv.field_size_limit

    def watched(*args: int) -> int:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(csv, "field_size_limit", watched)
    read_csv(to_csv("competency-framework-2012-sms1"))
    assert all(args == () for args in calls)
