"""The quote checker: statuses, PDF-extracted layouts, the Home Office pack, properties."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import civilframe as cf
from civilframe.analysis.quotes import (
    QUOTE_STATUSES,
    QuoteFinding,
    QuoteReport,
    Rewording,
    check_quotes,
)
from civilframe.render.terminal import render_quote_report

from .strategies import canonical, framework_documents

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
PACK = SEEDS / "003_72f8e6c853ff4f57.txt"

HEADER = "Effective Behaviour\tIneffective Behaviour"


def table(*rows: str, competency: str = "Leading and Communicating", level: int = 3) -> str:
    """A document with a competency heading, a level heading, a column header and ``rows``."""
    return "\n".join([competency, f"Level {level}", HEADER, *rows]) + "\n"


def only(report: QuoteReport) -> QuoteFinding:
    """The one finding of a report."""
    assert len(report) == 1, render_quote_report(report)
    return report.findings[0]


# ---------------------------------------------------------------------------------------------
# Each status
# ---------------------------------------------------------------------------------------------


def test_verbatim_rows_record_the_claims(ccf: cf.Framework, lc3: cf.Level) -> None:
    """Exact texts in their columns are verbatim, with the claims the headings make."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    report = check_quotes(table(f"{e1.text}\t{i1.text}"), ccf)
    assert [(f.status, f.indicator, f.lines, f.column) for f in report] == [
        ("verbatim", e1, (4,), 1),
        ("verbatim", i1, (4,), 2),
    ]
    assert [
        (f.claimed_competency_id, f.claimed_level, f.claimed_polarity, f.similarity) for f in report
    ] == [
        ("leading-and-communicating", 3, "effective", 1.0),
        ("leading-and-communicating", 3, "ineffective", 1.0),
    ]


def test_near_carries_the_word_difference(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A changed word makes a statement near, with the changed word as its difference."""
    e1 = lc3.effective[0]
    changed = e1.text.removesuffix("strategy") + "strategies"
    finding = only(check_quotes(table(f"{changed}\t"), ccf))
    assert (finding.status, finding.indicator) == ("near", e1)
    assert finding.text == changed
    assert finding.difference == (Rewording(framework="strategy", document="strategies"),)
    assert finding.typography == ()
    assert 0.6 <= finding.similarity < 1


def test_an_added_full_stop_is_typography(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A full stop the framework lacks leaves the statement verbatim, the stop listed."""
    e1 = lc3.effective[0]
    finding = only(check_quotes(table(f"{e1.text}.\t"), ccf))
    assert (finding.status, finding.indicator, finding.text) == ("verbatim", e1, f"{e1.text}.")
    assert (finding.difference, finding.typography) == ((), ("a final full stop",))


def test_a_hyphen_for_an_en_dash_is_typography(ccf: cf.Framework) -> None:
    """A hyphen where the framework has an en dash is verbatim, the dash listed."""
    i6 = ccf.competency("Delivering at Pace").level(4).ineffective[5]
    quoted = i6.text.replace(" – ", " - ")
    finding = only(
        check_quotes(table(f"\t{quoted}", competency="Delivering at Pace", level=4), ccf)
    )
    assert (finding.status, finding.indicator) == ("verbatim", i6)
    assert finding.typography == ("dashes",)


def test_a_truncated_indicator_is_near(ccf: cf.Framework, lc3: cf.Level) -> None:
    """An indicator cut short after its first dozen words is still near it, dropping the rest."""
    i4 = lc3.ineffective[3]
    cut = "Communicate in a set way with little variation, without tailoring message"
    finding = only(check_quotes(table(f"\t{cut}"), ccf))
    assert (finding.status, finding.indicator) == ("near", i4)
    assert finding.difference == (
        Rewording(
            framework="messages, style and timing to the needs of the target audience",
            document="message",
        ),
    )


def test_ineffective_in_the_effective_column_is_wrong_column(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """An ineffective indicator in the effective column is in the wrong column."""
    i1 = lc3.ineffective[0]
    finding = only(check_quotes(table(f"{i1.text}\t"), ccf))
    assert (finding.status, finding.indicator, finding.claimed_polarity) == (
        "wrong-column",
        i1,
        "effective",
    )


def test_effective_in_the_ineffective_column_is_wrong_column(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """An effective indicator in the ineffective column is in the wrong column."""
    e1 = lc3.effective[0]
    finding = only(check_quotes(table(f"\t{e1.text}"), ccf))
    assert (finding.status, finding.claimed_polarity) == ("wrong-column", "ineffective")


def test_an_indicator_of_another_level_than_the_heading_is_other_level(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """A Level 3 indicator under a Level 4 heading is at another level."""
    e1 = lc3.effective[0]
    finding = only(check_quotes(table(f"{e1.text}\t", level=4), ccf))
    assert (finding.status, finding.indicator, finding.claimed_level) == ("other-level", e1, 4)


def test_other_level_outranks_wrong_column(ccf: cf.Framework, lc3: cf.Level) -> None:
    """An indicator at another level and in the wrong column is reported at another level."""
    finding = only(check_quotes(table(f"\t{lc3.effective[0].text}", level=4), ccf))
    assert finding.status == "other-level"


def test_the_level_argument_overrides_the_headings(ccf: cf.Framework, lc3: cf.Level) -> None:
    """level= claims its level for the whole document, whatever the headings say."""
    e1 = lc3.effective[0]
    finding = only(check_quotes(table(f"{e1.text}\t", level=3), ccf, level=4))
    assert (finding.status, finding.claimed_level) == ("other-level", 4)


def test_the_level_argument_sets_a_claim_where_there_is_none(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """level= claims a level for a document that names none."""
    finding = only(check_quotes(lc3.effective[0].text, ccf, level=3))
    assert (finding.status, finding.claimed_level, finding.claimed_polarity) == (
        "verbatim",
        3,
        None,
    )


def test_a_level_the_framework_lacks_is_an_error(ccf: cf.Framework) -> None:
    """Checking at a level the framework does not cover raises NotFoundError naming it."""
    with pytest.raises(cf.NotFoundError, match="Level 7"):
        check_quotes("", ccf, level=7)


def test_a_table_row_matching_nothing_is_unknown(ccf: cf.Framework) -> None:
    """A statement in an indicator table that matches no indicator is unknown."""
    finding = only(check_quotes(table("Bring cakes to the office on Fridays\t"), ccf))
    assert (finding.status, finding.indicator, finding.similarity, finding.difference) == (
        "unknown",
        None,
        0.0,
        (),
    )
    assert finding.text == "Bring cakes to the office on Fridays"


# ---------------------------------------------------------------------------------------------
# Finding statements
# ---------------------------------------------------------------------------------------------


def test_prose_outside_tables_is_not_reported(ccf: cf.Framework) -> None:
    """Lines outside indicator tables that quote no indicator give no findings."""
    text = "About the role\n\nYou will lead a team of six and report to the Director.\n"
    assert check_quotes(text, ccf).findings == ()


def test_an_indicator_quoted_in_a_sentence_is_found(ccf: cf.Framework, lc3: cf.Level) -> None:
    """An indicator's text quoted inside a sentence is found, outside any table."""
    e1 = lc3.effective[0]
    finding = only(check_quotes(f"We look for people who '{e1.text}' every day.", ccf))
    assert (finding.status, finding.indicator, finding.claimed_polarity) == (
        "verbatim",
        e1,
        None,
    )


def test_tab_columns_claim_effective_then_ineffective(ccf: cf.Framework, lc3: cf.Level) -> None:
    """In a TAB-separated table the left column is effective and the right ineffective."""
    rows = [f"{e.text}\t{i.text}\t" for e, i in zip(lc3.effective, lc3.ineffective, strict=True)]
    report = check_quotes(table(*rows), ccf)
    assert [f.indicator for f in report] == [
        indicator for pair in zip(lc3.effective, lc3.ineffective, strict=True) for indicator in pair
    ]
    assert {f.status for f in report} == {"verbatim"}
    assert report.unquoted == ()


def test_a_header_split_over_two_lines_is_read(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A column header on two lines still claims the columns."""
    text = (
        "Effective Behaviour\tIneffective Behaviour\n"
        "People who are effective are likely to...\tPeople who are less effective are likely to...\n"
        f"\t{lc3.effective[0].text}\n"
    )
    assert only(check_quotes(text, ccf)).status == "wrong-column"


def test_a_list_under_a_one_column_header_is_a_table(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A header of one cell makes the list below it an indicator table of one column."""
    text = f"Ineffective:\n- {lc3.ineffective[0].text}\n- {lc3.effective[0].text}\n- Be late\n"
    report = check_quotes(text, ccf)
    assert [f.status for f in report] == ["verbatim", "wrong-column", "unknown"]


def test_a_row_broken_across_lines_is_joined(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A row whose tails start in lower case on a later line, past a blank, is joined back."""
    e5, i5 = lc3.effective[4], lc3.ineffective[4]
    e_head, e_tail = e5.text.rsplit(" ", 1)
    i_head, i_tail = i5.text.rsplit(" ", 1)
    report = check_quotes(table(f"{e_head}\t{i_head}", "", f"{e_tail}\t{i_tail}"), ccf)
    assert [(f.status, f.indicator, f.lines) for f in report] == [
        ("verbatim", e5, (4, 6)),
        ("verbatim", i5, (4, 6)),
    ]


def test_a_row_broken_before_a_capital_is_joined_when_that_completes_it(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """A tail starting with a capital is joined when it completes the text above it."""
    e1 = lc3.effective[0]
    head, tail = e1.text.split(" Departmental ")
    finding = only(check_quotes(table(f"{head}\t", f"Departmental {tail}\t"), ccf))
    assert (finding.status, finding.indicator, finding.lines) == ("verbatim", e1, (4, 5))


def test_a_stray_blank_line_does_not_end_a_table(ccf: cf.Framework, lc3: cf.Level) -> None:
    """Rows after a blank line inside a table keep the table's column claims."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    report = check_quotes(table(f"{e1.text}\t", "", "", f"{i1.text}\t"), ccf)
    assert [(f.status, f.claimed_polarity) for f in report] == [
        ("verbatim", "effective"),
        ("wrong-column", "effective"),
    ]


def test_a_merged_string_in_both_cells_is_split_in_each(ccf: cf.Framework, lc3: cf.Level) -> None:
    """E + " " + I repeated in both cells is split: each cell holds one text of the wrong column."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    merged = f"{e1.text} {i1.text}"
    report = check_quotes(table(f"{merged}\t{merged}"), ccf)
    assert [(f.column, f.indicator, f.status) for f in report] == [
        (1, e1, "verbatim"),
        (1, i1, "wrong-column"),
        (2, e1, "wrong-column"),
        (2, i1, "verbatim"),
    ]
    assert all("the same text fills every column of the row" in f.notes for f in report)


def test_a_row_merged_into_one_cell_takes_the_columns_in_order(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """A line of one cell holding E + " " + I in a two-column table is read as the whole row."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    report = check_quotes(table(f"{e1.text} {i1.text}"), ccf)
    assert [(f.column, f.indicator, f.status) for f in report] == [
        (1, e1, "verbatim"),
        (2, i1, "verbatim"),
    ]


def test_html_paragraphs_and_trailing_tabs_are_read(ccf: cf.Framework, lc3: cf.Level) -> None:
    """<p> tags and trailing TABs around headings and rows do not hide them."""
    e1 = lc3.effective[0]
    text = (
        "<p>Leading and Communicating</p>\t\n<p>Level 3</p>\t\t\n"
        f"<p>Effective Behaviour</p>\t\n<p>{e1.text}</p>\t\t\n"
    )
    finding = only(check_quotes(text, ccf))
    assert (finding.status, finding.text, finding.claimed_competency_id, finding.claimed_level) == (
        "verbatim",
        e1.text,
        "leading-and-communicating",
        3,
    )


def test_a_competency_heading_with_its_level_claims_both(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A heading naming a competency and a level claims both."""
    text = f"2. Leading & Communicating – Level 4:\nEffective Behaviour\n{lc3.effective[0].text}\n"
    finding = only(check_quotes(text, ccf))
    assert (finding.status, finding.claimed_competency_id, finding.claimed_level) == (
        "other-level",
        "leading-and-communicating",
        4,
    )


def test_a_paragraph_ends_a_table(ccf: cf.Framework) -> None:
    """A line of prose longer than any indicator ends a table: it is not an unknown statement."""
    paragraph = " ".join(["The successful candidate will work closely with colleagues."] * 6)
    assert check_quotes(table(paragraph), ccf).findings == ()


def test_identical_texts_are_told_apart_by_the_heading(ccf: cf.Framework) -> None:
    """A text two competencies share is matched to the one its heading claims."""
    shared = ccf.indicator("leading-and-communicating.l2.i2").text
    assert ccf.indicator("collaborating-and-partnering.l2.i6").text == shared
    for competency in ("Collaborating and Partnering", "Leading and Communicating"):
        finding = only(check_quotes(table(f"\t{shared}", competency=competency, level=2), ccf))
        assert finding.indicator is not None
        assert (finding.status, finding.indicator.competency_id) == (
            "verbatim",
            ccf.competency(competency).id,
        )


def test_an_indicator_of_another_competency_is_noted(ccf: cf.Framework) -> None:
    """An indicator of another competency than the heading names says so in its notes."""
    text = ccf.indicator("collaborating-and-partnering.l3.e1").text
    finding = only(check_quotes(table(f"{text}\t"), ccf))
    assert finding.status == "verbatim"
    assert finding.notes == (
        "an indicator of Collaborating and Partnering, under the heading Leading and Communicating",
    )


def test_a_json_data_file_is_checked(ccf: cf.Framework, lc3: cf.Level) -> None:
    """Indicator texts in a JSON file are found, each on its line; one reworded is near."""
    e1, i1 = lc3.effective[0], lc3.ineffective[0]
    reworded = i1.text.replace("rarely", "seldom")
    text = json.dumps([{"text": e1.text}, {"text": reworded}], indent=2)
    report = check_quotes(text, ccf)
    assert report.format == "json"
    assert [(f.status, f.indicator, f.text, f.line) for f in report] == [
        ("verbatim", e1, e1.text, 3),
        ("near", i1, reworded, 6),
    ]


def test_unquoted_lists_the_rows_a_quoted_level_lacks(ccf: cf.Framework, lc3: cf.Level) -> None:
    """A level quoted but for one row lists that row as not quoted."""
    rows = [f"{e.text}\t{i.text}" for e, i in zip(lc3.effective, lc3.ineffective, strict=True)]
    rows[2] = f"\t{lc3.ineffective[2].text}"
    report = check_quotes(table(*rows), ccf)
    assert report.unquoted == (lc3.effective[2],)


def test_unquoted_is_empty_when_a_level_is_quoted_in_small_part(
    ccf: cf.Framework, lc3: cf.Level
) -> None:
    """An advert quoting a few indicators of a level is not told about the rest."""
    report = check_quotes(table(f"{lc3.effective[0].text}\t"), ccf)
    assert report.unquoted == ()


def test_counts_list_every_status(ccf: cf.Framework, lc3: cf.Level) -> None:
    """The counts list every status, in order; problems holds the findings not verbatim."""
    report = check_quotes(table(f"{lc3.effective[0].text}\t{lc3.effective[1].text}"), ccf)
    assert report.counts == {
        "verbatim": 1,
        "near": 0,
        "wrong-column": 1,
        "other-level": 0,
        "other-framework": 0,
        "unknown": 0,
    }
    assert report.problems == (report.findings[1],)


# ---------------------------------------------------------------------------------------------
# The rendered report
# ---------------------------------------------------------------------------------------------


def test_render_gives_one_line_per_finding_then_counts(ccf: cf.Framework, lc3: cf.Level) -> None:
    """The text report has a title, a line per finding with line, status and id, then counts."""
    changed = lc3.effective[0].text.removesuffix("strategy") + "strategies"
    report = check_quotes(table(f"{changed}\t{lc3.effective[1].text}"), ccf)
    lines = render_quote_report(report).splitlines()
    assert lines[0] == "Quoted indicators checked against 'competency-framework'"
    assert lines[1].startswith("4:1  near          leading-and-communicating.l3.e1  ")
    assert lines[1].endswith("""(similarity 0.94: 'strategy' → 'strategies')""")
    assert lines[2].startswith("4:2  wrong-column  leading-and-communicating.l3.e2  ")
    assert "an effective indicator in the ineffective column" in lines[2]
    assert lines[3:] == [
        "2 statements: 0 verbatim, 1 near, 1 wrong-column, 0 other-level, 0 other-framework, 0 unknown"
    ]


def test_render_says_when_nothing_was_found(ccf: cf.Framework) -> None:
    """A report without findings says so and still gives the counts, with the level given."""
    assert render_quote_report(check_quotes("Nothing here.", ccf, level=2)) == (
        "Quoted indicators checked against 'competency-framework' at Level 2\n"
        "No indicator-like statements found.\n"
        "0 statements: 0 verbatim, 0 near, 0 wrong-column, 0 other-level, 0 other-framework, 0 unknown\n"
    )


# ---------------------------------------------------------------------------------------------
# The Home Office candidate pack (source 003), Annex J against the update edition (001)
# ---------------------------------------------------------------------------------------------

#: Every finding that is not verbatim, by (line, column, indicator id): AUDIT.md §3.3.
PACK_PROBLEMS = {
    # §3.3 #1: rows 1-4 of L&C L3 hold "E + ' ' + I" in both cells, so the effective cell holds
    # the ineffective text and the reverse
    (787, 1, "leading-and-communicating.l3.i1"): "wrong-column",
    (787, 2, "leading-and-communicating.l3.e1"): "wrong-column",
    (788, 1, "leading-and-communicating.l3.i2"): "wrong-column",
    (788, 2, "leading-and-communicating.l3.e2"): "wrong-column",
    (789, 1, "leading-and-communicating.l3.i3"): "wrong-column",
    (789, 2, "leading-and-communicating.l3.e3"): "wrong-column",
    (790, 1, "leading-and-communicating.l3.i4"): "wrong-column",
    (790, 2, "leading-and-communicating.l3.e4"): "wrong-column",
    # §3.3 #2: row 4's ineffective text is truncated ("…without tailoring message")
    (790, 2, "leading-and-communicating.l3.i4"): "near",
    # §3.3 #4: C&P L3 row 6's effective cell holds row 5's ineffective text
    (806, 1, "collaborating-and-partnering.l3.i5"): "wrong-column",
    # §3.3 #5 (MED L4 row 3 E's trailing full stop) and #6 (DaP L4 row 6 I's hyphen for the
    # en dash) are typography: verbatim, each difference listed (see below)
}

#: The competencies Annex J quotes at Level 4 (lines 680-778) and Level 3 (780-841): §3.2.
PACK_SECTIONS = {
    4: (
        "leading-and-communicating",
        "collaborating-and-partnering",
        "seeing-the-big-picture",
        "changing-and-improving",
        "delivering-at-pace",
        "managing-a-quality-service",
        "building-capability-for-all",
        "delivering-value-for-money",
        "making-effective-decisions",
    ),
    3: (
        "leading-and-communicating",
        "collaborating-and-partnering",
        "seeing-the-big-picture",
        "delivering-at-pace",
        "managing-a-quality-service",
    ),
}


@pytest.fixture(scope="module")
def pack(ccf: cf.Framework) -> QuoteReport:
    """The quote checker's report on the Home Office candidate pack."""
    if not PACK.is_file():
        pytest.skip(f"source seeds folder {SEEDS} is absent; the pack check needs {PACK.name}")
    return check_quotes(PACK.read_text(encoding="utf-8"), ccf)


def _key(finding: QuoteFinding) -> tuple[int, int, str]:
    assert finding.indicator is not None, finding
    return finding.line, finding.column, finding.indicator.id


def test_pack_reports_every_discrepancy_of_the_audit(pack: QuoteReport) -> None:
    """Every §3.3 discrepancy is reported with its status, and nothing else is."""
    problems = {_key(finding): finding.status for finding in pack.problems}
    assert problems == PACK_PROBLEMS


def test_pack_has_no_false_alarm(pack: QuoteReport) -> None:
    """Every other quoted indicator is verbatim, and no statement is unknown or misplaced."""
    assert pack.counts == {
        "verbatim": 162,
        "near": 1,
        "wrong-column": 9,
        "other-level": 0,
        "other-framework": 0,
        "unknown": 0,
    }
    assert all(_key(f) not in PACK_PROBLEMS for f in pack if f.status == "verbatim")
    assert all(f.notes == () for f in pack if not 787 <= f.line <= 790)


def test_pack_typography_is_verbatim_and_listed(pack: QuoteReport) -> None:
    """§3.3's hyphen for an en dash and added full stop are typography: verbatim, and said."""
    typeset = {_key(f): (f.status, f.typography) for f in pack if f.typography}
    assert typeset == {
        (734, 2, "delivering-at-pace.l4.i6"): ("verbatim", ("dashes",)),
        (775, 1, "making-effective-decisions.l4.e3"): ("verbatim", ("a final full stop",)),
    }


def test_pack_near_findings_carry_their_differences(pack: QuoteReport) -> None:
    """The near finding shows the truncation."""
    near = {_key(f): f.difference for f in pack if f.status == "near"}
    assert near == {
        (790, 2, "leading-and-communicating.l3.i4"): (
            Rewording(
                framework="messages, style and timing to the needs of the target audience",
                document="message",
            ),
        ),
    }


def test_pack_rejoins_the_broken_row(pack: QuoteReport) -> None:
    """§3.3 #3: L&C L3 row 5, broken over lines 791 and 793, is joined and verbatim."""
    rejoined = [(f.status, f.indicator.id) for f in pack if f.lines == (791, 793) and f.indicator]
    assert rejoined == [
        ("verbatim", "leading-and-communicating.l3.e5"),
        ("verbatim", "leading-and-communicating.l3.i5"),
    ]


def test_pack_keeps_the_rows_after_stray_blank_lines(pack: QuoteReport) -> None:
    """§3.3 #7: the rows after the blank lines 698 and 724 are found, in their columns."""
    after = {_key(f): (f.status, f.claimed_polarity) for f in pack if f.line in (699, 700, 725)}
    assert after == {
        (699, 1, "collaborating-and-partnering.l4.e5"): ("verbatim", "effective"),
        (699, 2, "collaborating-and-partnering.l4.i5"): ("verbatim", "ineffective"),
        (700, 1, "collaborating-and-partnering.l4.e6"): ("verbatim", "effective"),
        (700, 2, "collaborating-and-partnering.l4.i6"): ("verbatim", "ineffective"),
        (725, 1, "changing-and-improving.l4.e6"): ("verbatim", "effective"),
        (725, 2, "changing-and-improving.l4.i6"): ("verbatim", "ineffective"),
    }


def test_pack_claims_follow_its_headings(pack: QuoteReport) -> None:
    """Lines up to 778 claim Level 4, later ones Level 3; each its section's competency."""
    for finding in pack:
        assert finding.indicator is not None
        assert finding.claimed_level == (4 if finding.line < 780 else 3)
        assert finding.claimed_competency_id == finding.indicator.competency_id


def test_pack_quotes_every_indicator_of_its_sections_but_the_lost_one(
    ccf: cf.Framework, pack: QuoteReport
) -> None:
    """Every indicator of the quoted sections is found, except C&P L3 row 6 E (§3.3 #4)."""
    lost = ccf.indicator("collaborating-and-partnering.l3.e6")
    expected = {
        indicator.id
        for number, competencies in PACK_SECTIONS.items()
        for competency in competencies
        for indicator in ccf.competency(competency).level(number)
    }
    assert {f.indicator.id for f in pack if f.indicator} == expected - {lost.id}
    assert pack.unquoted == (lost,)


def test_pack_report_text(pack: QuoteReport) -> None:
    """The rendered report has a line per finding and ends with the lost row and the counts."""
    lines = render_quote_report(pack).splitlines()
    assert len(lines) == 1 + 172 + 2 + 1
    assert lines[-3:] == [
        "Not quoted, of a competency and level the document quotes (1):",
        '  collaborating-and-partnering.l3.e6  "Encourage collaborative team working within own'
        ' team and ac…"',
        "172 statements: 162 verbatim, 1 near, 9 wrong-column, 0 other-level, 0 other-framework, 0 unknown",
    ]


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

BUNDLED = ("competency-framework", "competency-framework-2012-sms1", "success-profiles-behaviours")


@pytest.fixture(scope="module")
def bundled_indicators() -> list[tuple[cf.Framework, cf.Indicator]]:
    """Every indicator of the bundled frameworks with a table layout, with its framework."""
    frameworks = [cf.load(name) for name in BUNDLED]
    return [(framework, i) for framework in frameworks for i in framework.indicators]


@given(data=st.data())
def test_any_bundled_indicator_quoted_alone_under_its_claims_is_verbatim(
    bundled_indicators: list[tuple[cf.Framework, cf.Indicator]], data: st.DataObject
) -> None:
    """Any bundled indicator in its column under its competency and level is verbatim."""
    # drawn by place: hashing whole frameworks, as sampled_from would, is slow
    framework, indicator = bundled_indicators[
        data.draw(st.integers(0, len(bundled_indicators) - 1))
    ]
    name = framework.competency(indicator.competency_id).name
    row = indicator.text if indicator.polarity == "effective" else f"\t{indicator.text}"
    finding = only(
        check_quotes(table(row, competency=name, level=indicator.level_number), framework)
    )
    assert (finding.status, finding.indicator) == ("verbatim", indicator)


@given(framework_documents(min_competencies=1), st.data())
def test_any_indicator_of_any_framework_quoted_alone_is_verbatim(
    document: dict[str, Any], data: st.DataObject
) -> None:
    """Any indicator's text alone, at its level, is verbatim, in any framework."""
    framework = cf.loads(canonical(document))
    indicators = list(framework.indicators)
    assume(indicators)
    indicator = data.draw(st.sampled_from(indicators))
    finding = only(
        check_quotes(indicator.text, framework, level=indicator.level_number, format="text")
    )
    assert finding.status == "verbatim"
    assert finding.indicator is not None
    assert finding.indicator.text == indicator.text


def _line_pieces(framework: cf.Framework) -> st.SearchStrategy[str]:
    texts = [i.text for i in framework.indicators][:40]
    return st.one_of(
        st.sampled_from([HEADER, "Effective Behaviour", "Level 3", "Leading and Communicating"]),
        st.sampled_from(texts),
        st.sampled_from(texts).map(lambda t: t[: len(t) // 2]),
        st.sampled_from(texts).map(lambda t: t.lower()),
        st.text(max_size=30),
    )


@given(st.text())
def test_any_text_gives_a_report(ccf: cf.Framework, text: str) -> None:
    """Any text at all gives a report whose findings have a known status and real lines."""
    report = check_quotes(text, ccf)
    line_count = text.count("\n") + 1
    assert all(f.status in QUOTE_STATUSES and 1 <= f.line <= line_count for f in report)
    assert render_quote_report(report).endswith(" unknown\n")


@given(data=st.data())
def test_any_mix_of_headings_rows_and_noise_gives_a_report(
    ccf: cf.Framework, data: st.DataObject
) -> None:
    """Lines mixing headers, headings, indicator texts, fragments and noise give a report."""
    pieces = _line_pieces(ccf)
    lines = data.draw(
        st.lists(st.lists(pieces, max_size=3).map("\t".join) | st.just(""), max_size=30)
    )
    report = check_quotes("\n".join(lines), ccf, level=data.draw(st.none() | st.integers(1, 6)))
    assert all(f.status in QUOTE_STATUSES for f in report)
    assert all(
        (f.indicator is None) == (f.status in ("unknown", "other-framework")) for f in report
    )
    assert sum(report.counts.values()) == len(report)


# --- inputs that once cost the square of their size (timed in benchmarks/bench.py) -------------


def test_a_heading_level_after_a_run_of_separators_is_read() -> None:
    """Separators before "Level 3" go with it, however many there are."""
    fw = cf.load("competency-framework")
    text = fw.competency("Seeing the Big Picture").level(3).effective[0].text
    for separators in (" – ", " ,,,, ", " " + "," * 5000 + " "):
        report = cf.check_quotes(
            f"Seeing the Big Picture{separators}Level 3\nEffective\n{text}", fw
        )
        (finding,) = report.findings
        assert (finding.status, finding.claimed_competency_id, finding.claimed_level) == (
            "verbatim",
            "seeing-the-big-picture",
            3,
        )


def test_rows_stop_joining_once_longer_than_any_indicator() -> None:
    """Lower-case lines join the row above only while it could still be a broken indicator."""
    fw = cf.load("competency-framework")
    longest = max(len(i.text) for i in fw.indicators)
    line = "and then some more words here"
    for count in (100, 1000):
        report = cf.check_quotes(
            "Effective\nMake decisions when they are needed\n" + f"{line}\n" * count, fw
        )
        assert all(len(f.text) <= 2 * longest + len(line) + 1 for f in report.findings)
        assert sum(len(f.lines) for f in report.findings) == count + 1  # every line, once


def test_a_row_of_identical_cells_says_so_for_each() -> None:
    """Every cell of a row that repeats one text is reported, each noting the repetition."""
    fw = cf.load("competency-framework")
    text = fw.competency("Seeing the Big Picture").level(3).effective[0].text
    report = cf.check_quotes("\t".join([text] * 2000), fw)
    assert len(report.findings) == 2000
    assert all("the same text fills every column of the row" in f.notes for f in report.findings)


@pytest.mark.parametrize("text", ["a" + "," * 40_000 + "b", "." * 40_000, "a" + "!" * 200_000])
def test_long_runs_of_punctuation_are_no_statement(text: str) -> None:
    """A run of punctuation quotes nothing, and the report says so without error."""
    report = cf.check_quotes(text, cf.load("competency-framework"))
    assert all(f.indicator is None for f in report.findings)


@pytest.mark.parametrize("level", [True, 1.0, "3"])
def test_a_level_that_is_not_a_whole_number_is_a_type_error(level: object) -> None:
    """check_quotes(level=True) is refused, not printed as "Level True"."""
    with pytest.raises(TypeError, match="takes level as a whole number or None"):
        cf.check_quotes("Effective", "ccf", level=level)  # type: ignore[arg-type]


def test_a_byte_order_mark_does_not_hide_the_first_heading() -> None:
    """A document starting with U+FEFF still claims its first heading."""
    fw = cf.load("competency-framework")
    quoted = fw.competency("Seeing the Big Picture").level(3).effective[0].text
    report = cf.check_quotes(f"\ufeffSeeing the Big Picture\nEffective\n{quoted}", fw)
    assert report.findings[0].claimed_competency_id == "seeing-the-big-picture"
