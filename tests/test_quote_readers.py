"""The quote checker's readers: each format read as the document presents its indicators.

Every fixture document is written here, by the test that reads it: Markdown, HTML, JSON and
CSV as text, a Word document with python-docx, a PDF by hand (a page of Helvetica lines).
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
from html import escape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import civilframe as cf
from civilframe.analysis.quotes import FORMATS, QuoteReport, check_against_bundled, check_quotes
from civilframe.analysis.quotes.source import decode, open_document
from civilframe.export import to_csv
from civilframe.text import typography, typography_key


def _seen(report: QuoteReport) -> list[tuple[str, str | None, int | None, str | None]]:
    return [
        (f.status, f.indicator.id if f.indicator else None, f.claimed_level, f.claimed_polarity)
        for f in report
    ]


INVENTED = "Invent a sentence no framework has ever printed about synergy"


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_lists_under_headings_are_read_with_their_claims(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """Headings claim; list items are statements, invented ones "unknown"; markup is gone."""
    e1, e2, i1 = lc3.effective[0], lc3.effective[1], lc3.ineffective[0]
    text = "\n".join(
        [
            "# Our behaviours app",
            "",
            "Some prose about the app, quoting nothing at all, which is not a statement.",
            "",
            "## Leading and Communicating – Level 3",
            "",
            "### Effective",
            "",
            f"- **{e1.text}**",
            f"- {e2.text[:30]}",
            f"  {e2.text[30:].lstrip()}",
            f"- {INVENTED}",
            "",
            "### Ineffective",
            "",
            f"1. [{i1.text}](https://example.org)",
        ]
    )
    report = check_quotes(text, ccf)
    assert report.format == "markdown"
    assert _seen(report) == [
        ("verbatim", e1.id, 3, "effective"),
        ("verbatim", e2.id, 3, "effective"),
        ("unknown", None, 3, "effective"),
        ("verbatim", i1.id, 3, "ineffective"),
    ]
    assert [f.line for f in report] == [9, 10, 12, 16]
    unknown = report.findings[2]
    assert unknown.text == INVENTED
    assert report.findings[0].typography == ("emphasis markup",)  # verbatim, and said
    assert report.findings[3].typography == ("link markup",)


def test_a_markdown_table_claims_by_its_header(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A GFM table's header names the columns; a Level column claims row by row."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    e4 = ccf.competency("Leading and Communicating").level(4).effective[0]
    text = "\n".join(
        [
            "# Leading and Communicating",
            "",
            "| Level | Effective | Ineffective |",
            "|---|---|---|",
            f"| 3 | {e1.text} | {i1.text} |",
            f"| 4 | {e4.text} | |",
            f"| 4 | {i1.text} | |",
        ]
    )
    report = check_quotes(text, ccf, format="markdown")
    assert _seen(report) == [
        ("verbatim", e1.id, 3, "effective"),
        ("verbatim", i1.id, 3, "ineffective"),
        ("verbatim", e4.id, 4, "effective"),
        ("other-level", i1.id, 4, "effective"),
    ]


# --- HTML -----------------------------------------------------------------------------------------


def test_html_is_read_with_a_parser_wherever_its_tags_fall(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """Head, script, style and template are never read; entities decoded; cells and items."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    e2 = next(i for i in ccf.competency("Seeing the Big Picture").level(3) if "'" in i.text)
    amp = e2.text.replace("'", "&#8217;")
    text = f"""<!DOCTYPE html>
<html><head><title>{e1.text}</title><style>td {{ color: red }}</style></head>
<body><script>var x = "{e1.text}";</script><template><p>{e1.text}</p></template>
<p>Prose that mentions nothing of the framework, before any heading.</p>
<h2>Leading and
Communicating</h2><h3>Level 3</h3>
<table><thead><tr><th>Effective</th><th>Ineffective</th></tr></thead>
<tbody><tr><td><p>{e1.text}</p></td><td
>{i1.text}</td></tr></tbody></table>
<ul><li>{amp}<br>
</li><li>{INVENTED}</li></ul>
</body></html>"""
    report = check_quotes(text, ccf)
    assert report.format == "html"
    assert _seen(report) == [
        ("verbatim", e1.id, 3, "effective"),
        ("verbatim", i1.id, 3, "ineffective"),
        ("verbatim", e2.id, 3, None),
        ("unknown", None, 3, None),
    ]
    assert report.findings[2].notes == (
        "an indicator of Seeing the Big Picture, under the heading Leading and Communicating",
    )
    assert [f.line for f in report] == [8, 9, 10, 11]  # where each text is, not its tag
    assert report.findings[2].typography == ("quotation marks",)


# --- JSON and CSV ---------------------------------------------------------------------------------


def test_a_json_data_file_is_checked_as_the_tool_presents_it(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """Keys claim: a behaviour's name, its level (wherever it stands), its columns."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    other = cf.load("competency-framework-2012-sms1")
    old = next(i for i in other.indicators if all(i.text != mine.text for mine in ccf.indicators))
    planner = {
        "app": "Planner",
        "behaviours": [
            {
                "name": "Leading and Communicating",
                "effective": [e1.text, INVENTED, old.text],
                "ineffective": [i1.text],
                "level": 3,
            }
        ],
    }
    report = check_quotes(json.dumps(planner, indent=2).encode("utf-16"), ccf)
    assert (report.format, report.encoding) == ("json", "UTF-16")
    assert _seen(report) == [
        ("verbatim", e1.id, 3, "effective"),
        ("unknown", None, 3, "effective"),
        ("other-framework", None, 3, "effective"),
        ("verbatim", i1.id, 3, "ineffective"),
    ]
    elsewhere = report.findings[2].elsewhere
    assert [(place.framework_id, place.indicator.id) for place in elsewhere] == [
        ("competency-framework-2012-sms1", old.id)
    ]
    assert [f.line for f in report] == [7, 8, 9, 12]


def test_civilframes_own_csv_of_the_2012_edition_shows_what_the_update_changed() -> None:
    """The SMS 1 edition's CSV against the update edition: its changed rows are other-framework."""
    text = to_csv("competency-framework-2012-sms1")
    same = check_quotes(text.encode(), "competency-framework-2012-sms1", format="csv")
    assert same.counts["verbatim"] == len(cf.load("competency-framework-2012-sms1").indicators)
    assert len(same) == same.counts["verbatim"]
    against = check_quotes(text.encode(), "competency-framework", format="csv")
    changed = cf.diff("competency-framework-2012-sms1", "competency-framework").rows()
    assert against.counts["other-framework"] == sum(1 for r in changed if r.status != "identical")
    assert against.counts["verbatim"] + against.counts["other-framework"] == len(against)


# --- Word and PDF -------------------------------------------------------------------------------


def _docx(build: Any) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_document_is_read_by_its_styles_and_tables(ccf: cf.Framework, lc3: cf.Level) -> None:
    """Heading styles claim, a table's header names its columns, list paragraphs are items."""
    e1, e2, i1 = lc3.effective[0], lc3.effective[1], lc3.ineffective[0]

    def build(document: Any) -> None:
        document.add_heading("Leading and Communicating", level=1)
        document.add_heading("Level 3", level=2)
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Effective", "Ineffective"
        table.cell(1, 0).text, table.cell(1, 1).text = e1.text, i1.text
        document.add_paragraph("Effective behaviours")
        document.add_paragraph(e2.text, style="List Bullet")
        document.add_paragraph(INVENTED, style="List Bullet")

    path_report = check_quotes(_docx(build), ccf)
    assert path_report.format == "docx"
    assert _seen(path_report) == [
        ("verbatim", e1.id, 3, "effective"),
        ("verbatim", i1.id, 3, "ineffective"),
        ("verbatim", e2.id, 3, "effective"),
        ("unknown", None, 3, "effective"),
    ]


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with each line in Helvetica, as a word processor would export it."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    stream = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({t}) '" for t in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def test_a_pdf_is_read_with_hyphenated_and_wrapped_lines_joined(
    ccf: cf.Framework, lc3: cf.Level, tmp_path: Path
) -> None:
    """A PDF's text is read as plain text, words broken at a line end joined back."""
    e1 = lc3.effective[0]
    words = e1.text.split(" ")
    first, second = words[2][:3], words[2][3:]
    lines = [
        "Leading and Communicating - Level 3",
        "Effective Behaviour",
        " ".join([*words[:2], f"{first}-"]),
        " ".join([second, *words[3:]]),
    ]
    path = tmp_path / "pack.pdf"
    path.write_bytes(_pdf(lines))
    report = check_quotes(path, ccf)
    assert report.format == "pdf"
    assert _seen(report) == [("verbatim", e1.id, 3, "effective")]


def test_without_the_documents_extra_word_and_pdf_say_what_to_install(
    monkeypatch: pytest.MonkeyPatch, ccf: cf.Framework
) -> None:
    """A .docx or .pdf without its reader is one error naming the extra, not a traceback."""
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.setitem(sys.modules, "pypdf", None)
    for data in (b"PK\x03\x04" + b"word/document.xml" + b"\x00" * 40, b"%PDF-1.4\n"):
        with pytest.raises(cf.InvalidDocumentError, match=r"civilframe\[documents\]"):
            check_quotes(data, ccf)


# --- input: text, bytes, paths; encodings ---------------------------------------------------------


@given(st.text(alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs"))))
def test_any_text_survives_every_encoding_it_may_come_in(text: str) -> None:
    """UTF-8 (with or without a mark), UTF-16 with a mark, and Windows-1252 decode back."""
    assert decode(text.encode("utf-8")) == (text, "UTF-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "UTF-8")
    assert decode(text.encode("utf-16")) == (text, "UTF-16")
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode(data) == (text, "Windows-1252")


def test_utf16_without_a_mark_and_binary_files(ccf: cf.Framework) -> None:
    """UTF-16 with no mark is known by its NULs; a file with NULs otherwise is refused."""
    assert decode("Lead the team".encode("utf-16-le")) == ("Lead the team", "UTF-16")
    assert decode("Lead the team".encode("utf-16-be")) == ("Lead the team", "UTF-16")
    with pytest.raises(cf.InvalidDocumentError, match="binary, not a text document"):
        check_quotes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00\x2c", ccf)
    with pytest.raises(cf.InvalidDocumentError, match="zip archive"):
        check_quotes(b"PK\x03\x04\x14\x00\x00\x00 not a document", ccf)


def test_a_path_is_read_by_its_suffix(ccf: cf.Framework, lc3: cf.Level, tmp_path: Path) -> None:
    """A path's suffix names its format; the same text under .txt is plain text."""
    e1 = lc3.effective[0]
    text = f"| Effective |\n|---|\n| {e1.text} |\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert check_quotes(tmp_path / "a.md", ccf).format == "markdown"
    assert check_quotes(tmp_path / "a.txt", ccf).format == "text"
    assert [f.status for f in check_quotes(tmp_path / "a.md", ccf)] == ["verbatim"]


def test_bad_arguments_are_errors_that_say_what_is_accepted(ccf: cf.Framework) -> None:
    """An unknown format, text for a Word file, or no document at all."""
    with pytest.raises(ValueError, match="unknown format 'rtf': use one of text, markdown"):
        check_quotes("x", ccf, format="rtf")
    with pytest.raises(TypeError, match="read from its bytes or its path"):
        check_quotes("x", ccf, format="docx")
    with pytest.raises(TypeError, match="as text \\(str\\), its bytes, or a path"):
        check_quotes(3, ccf)  # type: ignore[arg-type]
    assert set(FORMATS) == {"text", "markdown", "html", "json", "csv", "docx", "pdf"}


def test_the_likeliest_framework_is_chosen_and_said() -> None:
    """Without a framework, the one the document quotes most is chosen, and the report says so."""
    behaviours = cf.load("success-profiles-behaviours")
    text = "\n".join(f"- {i.text}" for i in behaviours.indicators[:6])
    report = check_against_bundled(text)
    assert (report.framework_id, report.chosen) == ("success-profiles-behaviours", True)
    assert not check_quotes(text, behaviours).chosen
    assert open_document(text).format == "text"


# --- properties: any selection, in any format, read back as the framework's ---------------------

_CCF = cf.load("competency-framework")
_LEVELS = [(c, level) for c in _CCF.competencies for level in c.levels]
_OTHER = [
    i.text
    for i in cf.load("success-profiles-behaviours").indicators
    if all(typography_key(i.text) != typography_key(mine.text) for mine in _CCF.indicators)
]

#: A statement as a writer puts it: its text, the column it goes in, what it should be found as.
Statement = tuple[str, str, str]


def _typeset(text: str, how: int) -> str:
    """``text`` with a change of typography alone, by ``how``."""
    if how == 1:
        return text.replace("'", "\u2019") + "."
    if how == 2:
        return text.replace(" ", "\u00a0", 1)
    if how == 3:
        return text.replace(" – ", " - ") + "."
    return text


@st.composite
def _selections(draw: st.DrawFn) -> tuple[str, int, list[Statement]]:
    """A competency and level, and statements in its columns: quoted, reworded, foreign, new."""
    competency, level = _LEVELS[draw(st.integers(0, len(_LEVELS) - 1))]
    indicators = list(level)
    chosen = draw(st.lists(st.sampled_from(indicators), min_size=1, max_size=4, unique=True))
    statements: list[Statement] = [
        (_typeset(i.text, draw(st.integers(0, 3))), i.polarity, f"verbatim {i.id}") for i in chosen
    ]
    long = [i for i in indicators if len(i.text.split()) >= 8 and i not in chosen]
    reword = draw(st.booleans())
    if long and reword:
        changed = draw(st.sampled_from(long))
        words = changed.text.split(" ")
        words[len(words) // 2] = "zqxv"
        statements.append((" ".join(words), changed.polarity, f"near {changed.id}"))
    if draw(st.booleans()):
        statements.append((draw(st.sampled_from(_OTHER)), "effective", "other-framework"))
    if draw(st.booleans()):
        statements.append(("Juggle flaming marmalade while yodelling", "effective", "unknown"))
    order = draw(st.permutations(range(len(statements))))
    return competency.name, level.number, [statements[n] for n in order]


def _by_column(statements: list[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: s[1] != "effective")  # effective ones first


def _markdown_list(name: str, level: int, statements: list[Statement]) -> Any:
    lines = [f"## {name}", "", f"### Level {level}", ""]
    for polarity in ("effective", "ineffective"):
        lines += [f"#### {polarity.capitalize()}", ""]
        lines += [f"- {text}" for text, column, _ in statements if column == polarity]
        lines.append("")
    return "\n".join(lines), _by_column(statements)


def _markdown_table(name: str, level: int, statements: list[Statement]) -> Any:
    lines = [f"# {name} – Level {level}", "", "| Effective | Ineffective |", "|---|---|"]
    for text, column, _ in statements:
        lines.append(f"| {text} | |" if column == "effective" else f"| | {text} |")
    return "\n".join(lines), statements


def _html_table(name: str, level: int, statements: list[Statement]) -> Any:
    rows = "".join(
        f"<tr><td>{escape(text)}</td><td></td></tr>"
        if column == "effective"
        else f"<tr><td></td><td><b>{escape(text)}</b></td></tr>"
        for text, column, _ in statements
    )
    page = (
        f"<html><body><h1>{escape(name)}</h1><h2>Level {level}</h2><table>"
        f"<tr><th>Effective</th><th>Ineffective</th></tr>{rows}</table></body></html>"
    )
    return page, statements


def _json_array(name: str, level: int, statements: list[Statement]) -> Any:
    behaviour: dict[str, Any] = {"behaviour": name}
    for polarity in ("effective", "ineffective"):
        behaviour[polarity] = [text for text, column, _ in statements if column == polarity]
    behaviour["level"] = level
    return json.dumps({"behaviours": [behaviour]}, ensure_ascii=False), _by_column(statements)


def _word_table(name: str, level: int, statements: list[Statement]) -> Any:
    def build(document: Any) -> None:
        document.add_heading(name, level=1)
        document.add_heading(f"Level {level}", level=2)
        table = document.add_table(rows=1 + len(statements), cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Effective", "Ineffective"
        for row, (text, column, _) in enumerate(statements, start=1):
            table.cell(row, 0 if column == "effective" else 1).text = text

    return _docx(build), statements


WRITERS = [_markdown_list, _markdown_table, _html_table, _json_array, _word_table]


@pytest.mark.parametrize("writer", WRITERS, ids=lambda writer: writer.__name__.strip("_"))
@settings(max_examples=25)
@given(selection=_selections())
def test_any_selection_in_any_format_reads_back_as_the_framework(
    writer: Any, selection: tuple[str, int, list[Statement]]
) -> None:
    """Any selection of a level's indicators, written in any format, is read back as it is.

    Quoted ones (typography aside) are verbatim at their level and in their column; one with a
    word changed is near; another framework's sentence is other-framework; an invented one is
    unknown.
    """
    name, level, statements = selection
    document, expected = writer(name, level, statements)
    report = check_quotes(document, _CCF)
    found = [f"{f.status} {f.indicator.id}" if f.indicator else f.status for f in report]
    assert found == [want for _, _, want in expected]
    assert {f.claimed_level for f in report} == {level}
    assert [f.claimed_polarity for f in report] == [column for _, column, _ in expected]
    for finding, (text, _, want) in zip(report, expected, strict=True):
        if want.startswith("verbatim") and finding.indicator and text != finding.indicator.text:
            assert finding.typography, (text, finding.indicator.text)


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
def test_the_typography_key_of_plain_ascii_is_the_general_one(text: str) -> None:
    """The shortcut for ASCII without marks gives what the general rules give."""
    assume(re.search(r"[*_\-]|  ", text) is None)
    general = typography_key("\u00e9 " + text)  # a letter that needs the general rules
    assert general == f"\u00e9 {typography_key(text)}".rstrip(". ")


@given(st.sampled_from([i.text for i in _CCF.indicators]), st.integers(0, 3))
def test_typography_alone_keeps_the_key_and_is_listed(text: str, how: int) -> None:
    """Any typographic variant of an indicator has its key, and its differences are named."""
    variant = _typeset(text, how)
    assert typography_key(variant) == typography_key(text)
    assert bool(typography(variant, text)) == (variant != text)


def test_another_frameworks_sentence_containing_one_of_ours_is_not_split(
    ccf: cf.Framework,
) -> None:
    """A Success Profiles sentence holding one of our indicators and more is one statement.

    It is the other framework's, not our indicator and a stray remainder.
    """
    theirs = cf.load("success-profiles-behaviours").indicator("working-together.l1.e1").text
    ours = [i for i in ccf.indicators if i.text in theirs and i.text != theirs]
    assert ours  # the case: our text inside theirs
    report = check_quotes(f"## Collaborating and Partnering\n\n- {theirs}", ccf)
    assert [(f.status, f.text) for f in report] == [("other-framework", theirs)]


# --- what HTML, Markdown and data files may do, and still be read whole -------------------------

_L1 = _CCF.competency("Seeing the Big Picture").level(1)
_E1, _E2, _I1 = _L1.effective[0].text, _L1.effective[1].text, _L1.ineffective[0].text
_PROSE = " ".join(["words"] * 75)


@pytest.mark.parametrize(
    ("document", "format", "expected"),
    [
        # a <head> left open ends where the body begins
        (
            f"<html><head><title>Jobs</title><body><h2>Effective</h2><ul><li>{_E1}</li></ul>",
            "html",
            [("verbatim", "effective")],
        ),
        # items and cells whose end tags are left out end at the next one, and at their list
        (
            f"<h2>Seeing the Big Picture</h2><ul><li>{_E1}<li>{_E2}</ul><p>{_PROSE}</p>",
            "html",
            [("verbatim", None), ("verbatim", None)],
        ),
        (
            f"<h2>Seeing the Big Picture</h2><table><tr><th>Effective<th>Ineffective<tr><td>{_E1}"
            f"<td>{_I1}</table><p>{_PROSE}</p>",
            "html",
            [("verbatim", "effective"), ("verbatim", "ineffective")],
        ),
        # a comment before the first tag is still HTML
        (
            f"<!-- page --><html><body><h2>Effective</h2><p>{_E1}</p></body></html>",
            None,
            [("verbatim", "effective")],
        ),
        # lists nested deeper than CommonMark's default of 20 lose nothing after them
        (
            "## Effective\n\n" + "".join("  " * n + "- x\n" for n in range(25)) + f"\n- {_E1}\n",
            "markdown",
            [*[("unknown", "effective")] * 25, ("verbatim", "effective")],
        ),
        # HTML among Markdown is read as HTML
        (f"## Effective\n\n<ul><li>{_E1}</li></ul>\n", "markdown", [("verbatim", "effective")]),
        # a table whose first row claims nothing has no header: its first row is read
        (
            f"| {_E1} | {_I1} |\n|---|---|\n| {_E2} | x |\n",
            "markdown",
            [("verbatim", None), ("verbatim", None), ("verbatim", None)],
        ),
        (f'"{_E1}"\n"{_E2}"\n', "csv", [("verbatim", None), ("verbatim", None)]),
        # curly and low-9 quotation marks around a quotation are typography
        (f"## Effective\n\n- \u201c{_E1}\u201d", "markdown", [("verbatim", "effective")]),
        (f"## Effective\n\n- \u201e{_E1}\u201c", "markdown", [("verbatim", "effective")]),
    ],
)
def test_documents_as_people_write_them_are_read_whole(
    ccf: cf.Framework, document: str, format: str | None, expected: list[tuple[str, str | None]]
) -> None:
    """Left-out end tags, a head left open, deep lists, header-less tables, curly quotes."""
    report = check_quotes(document, ccf, format=format)
    assert [(f.status, f.claimed_polarity) for f in report] == expected


def test_another_frameworks_sentence_quoted_in_prose_is_reported(ccf: cf.Framework) -> None:
    """Prose quoting Success Profiles' wording reports it as the other framework's."""
    theirs = cf.load("success-profiles-behaviours").indicator("working-together.l1.e1").text
    report = check_quotes(f'We want you to "{theirs}" Really.', ccf, format="text")
    assert [(f.status, f.text) for f in report] == [("other-framework", theirs)]


def test_the_likeliest_framework_counts_every_quotation_of_it() -> None:
    """Indicators of another level than claimed still show which framework is quoted."""
    level1 = cf.load("competency-framework").competency("Leading and Communicating").level(1)
    text = "Effective\n" + "\n".join(i.text for i in level1.effective)
    report = check_against_bundled(text, level=3)
    assert report.framework_id == "competency-framework"
    assert report.counts["other-level"] == len(level1.effective)


def test_unreadable_data_is_one_error(ccf: cf.Framework) -> None:
    """JSON nested past the limit, or a CSV field past the csv module's, is one clear error."""
    with pytest.raises(cf.InvalidDocumentError, match="nested deeper than 100 levels"):
        check_quotes("[" * 150 + "]" * 150, ccf, format="json")
    with pytest.raises(cf.InvalidDocumentError, match="malformed CSV at line 2"):
        check_quotes("a,b\n" + "x" * 200_000 + ",y\n", ccf, format="csv")
    with pytest.raises(cf.InvalidDocumentError, match="document too large"):
        check_quotes(b"x" * (64 * 1024 * 1024 + 1), ccf)


def test_utf16_without_a_mark_holding_curly_quotes_and_dashes() -> None:
    """UTF-16 text with a few characters beyond Latin-1 is still UTF-16."""
    text = "Lead \u2013 don\u2019t wait, and tell the team what matters most"
    assert decode(text.encode("utf-16-le")) == (text, "UTF-16")
