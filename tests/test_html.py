"""The HTML fragments for Jupyter: their structure, and the escaping of every text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import civilframe as cf
from civilframe.render.notebook import (
    _marked,
    competency_html,
    framework_html,
    level_html,
    profile_html,
)

from .strategies import canonical, framework_documents

#: Every tag the fragments use; anything else came from unescaped text.
TAGS = {"div", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "em", "small"}
TAGS |= {"strong", "br", "style", "code", "details", "summary", "h4", "span", "del", "ins"}

SCRIPT = '<script>alert("x")</script>'

HOSTILE: dict[str, Any] = {
    "id": "hostile",
    "title": f"Tom & Jerry {SCRIPT}",
    "publisher": "A & B <i>Ltd</i>",
    "sources": [{"id": "src", "title": "Source & <b>bold</b>"}, {"id": "old", "title": "Old"}],
    "cumulative": False,
    "level_definitions": [{"number": 1, "label": "AA & <AO>", "grades": ["AA", "AO"]}],
    "clusters": [{"id": "c", "title": "Cluster <hr> & more"}],
    "competencies": [
        {
            "id": "x",
            "number": 1,
            "name": f"Name {SCRIPT}",
            "cluster": "c",
            "description": "Description &amp; <img src=x onerror=alert(1)>",
            "levels": [
                {
                    "number": 1,
                    "effective": [
                        {"id": "x.l1.e1", "text": f"Do {SCRIPT} & more"},
                        {
                            "id": "x.l1.e2",
                            "text": "Recovered <em>text</em>",
                            "source": "old",
                            "note": 'Said "hi" & <left>',
                        },
                    ],
                    "ineffective": [{"id": "x.l1.i1", "text": "Fail & <u>fall</u>"}],
                    "gaps": [
                        {"polarity": "effective", "note": "Lost <b>&</b>", "recovered_from": "old"}
                    ],
                }
            ],
        }
    ],
    "questions": [{"id": "q", "name": "Q & <A>", "text": f"Ask {SCRIPT}?"}],
}

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "profiles"

HOSTILE_PROFILE = cf.SuccessProfile(
    title=f"Role {SCRIPT}",
    grade="AA",
    framework="hostile",
    competencies=(f"Name {SCRIPT}",),
    location="Leeds & <York>",
    elements=(
        cf.ElementAssessment(
            element="Experience", requirements=(f"Has {SCRIPT}",), methods=("Interview",)
        ),
    ),
)


class Page(HTMLParser):
    """A parsed fragment: its tags, its text and its attributes, with character references read."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.rows: list[list[str]] = []  # the cell tags of each body row
        self.attributes: list[tuple[str, str | None]] = []
        self.data: list[str] = []
        self.in_body = False
        self.in_style = False
        self.styles: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the tag, its attributes and, inside a table body, its rows and cells."""
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag == "style":
            self.in_style = True
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.rows.append([])
        elif tag in ("td", "th") and self.in_body:
            self.rows[-1].append(tag)

    def handle_endtag(self, tag: str) -> None:
        """Note the end of a table body or a stylesheet."""
        if tag == "tbody":
            self.in_body = False
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        """Record the text (a stylesheet's apart)."""
        (self.styles if self.in_style else self.data).append(data)

    @property
    def text(self) -> str:
        """All the text, joined."""
        return "".join(self.data)


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, update edition."""
    return cf.load("competency-framework")


@pytest.fixture(scope="module")
def hostile() -> cf.Framework:
    """A framework whose every text holds markup and ampersands."""
    return cf.loads(json.dumps(HOSTILE))


def test_framework_html_has_a_row_per_competency(ccf: cf.Framework) -> None:
    """The framework's table has one row per competency, five cells each with clusters."""
    page = Page(framework_html(ccf))
    assert page.tags.count("h3") == 1
    assert page.rows == [["td"] * 5] * 10
    assert "Seeing the Big Picture" in page.text


def test_framework_html_drops_the_cluster_column_without_clusters() -> None:
    """A framework without clusters has no Cluster column."""
    framework = cf.load("success-profiles-behaviours")
    page = Page(framework_html(framework))
    assert page.rows == [["td"] * 4] * len(framework)
    assert "Cluster" not in page.text


def test_framework_html_shows_its_gaps(ccf: cf.Framework) -> None:
    """The text the source lost is listed under the table, and again in its collapsed level."""
    page = Page(framework_html(ccf))
    assert page.text.count("Text lost in the source (effective): ") == 4
    assert "Changing and Improving, Level 3 (HEO & SEO or equiv): Text lost" in page.text


def test_framework_html_shows_its_questions() -> None:
    """A framework's questions are listed."""
    framework = cf.load("leadership-in-action")
    page = Page(framework_html(framework))
    assert all(f"{q.name}: {q.text}" in page.text for q in framework.questions)


def test_competency_html_has_a_row_per_level(ccf: cf.Framework) -> None:
    """A competency's table has a row per level: its heading and its two columns."""
    competency = ccf.competency("changing and improving")
    page = Page(competency_html(competency))
    assert page.rows == [["th", "td", "td"]] * 6
    assert page.tags.count("li") == len(competency.indicators)
    assert page.text.startswith("2. Changing and Improving")


def test_competency_html_shows_gaps_and_recovered_sources(ccf: cf.Framework) -> None:
    """Lost text is shown in its column; recovered indicators name their source."""
    page = Page(competency_html(ccf.competency("changing and improving")))
    assert page.text.count("Text lost in the source (effective): ") == 2
    assert page.text.count("(source: 002)") == 6


def test_competency_html_without_levels_has_no_table() -> None:
    """A competency without levels shows its heading and description only."""
    competency = cf.load("leadership-in-action").competencies[0]
    page = Page(competency_html(competency))
    assert "table" not in page.tags
    assert competency.description is not None
    assert competency.description in page.text


def test_level_html_has_a_row_per_indicator_and_gap(ccf: cf.Framework) -> None:
    """A level's table has a row of four cells per indicator and a row per gap."""
    level = ccf.competency("changing and improving").level(5)
    page = Page(level_html(level))
    assert page.rows == [["td"]] + [["td"] * 4] * len(level)
    assert page.text.startswith("Level 5 (Deputy Directors)changing-and-improving")


def test_level_html_lists_every_indicator_in_order(ccf: cf.Framework) -> None:
    """Each indicator's id and text appear, effective ones first."""
    level = ccf.competency("seeing the big picture").level(3)
    text = Page(level_html(level)).text
    positions = [
        text.index(indicator.id + indicator.polarity + indicator.text) for indicator in level
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize("render", ["framework", "competency", "level", "profile"])
def test_html_escapes_every_text(hostile: cf.Framework, render: str) -> None:
    """Markup and ampersands in any text come out as text, never as tags."""
    competency = hostile.competencies[0]
    html = {
        "framework": lambda: framework_html(hostile),
        "competency": lambda: competency_html(competency),
        "level": lambda: level_html(competency.level(1)),
        "profile": lambda: profile_html(HOSTILE_PROFILE, hostile),
    }[render]()
    page = Page(html)
    assert set(page.tags) <= TAGS
    assert "script" not in page.tags
    assert SCRIPT in page.text
    assert "<script" not in html


def test_html_keeps_the_exact_texts(hostile: cf.Framework) -> None:
    """Escaped texts read back exactly, ampersands and entities included."""
    competency = hostile.competencies[0]
    page = Page(competency_html(competency))
    assert "Description &amp; <img src=x onerror=alert(1)>" in page.text
    assert f"Do {SCRIPT} & more" in page.text
    assert "Lost <b>&</b>" in page.text
    assert "Fail & <u>fall</u>" in page.text


def test_html_escapes_notes_in_attributes(hostile: cf.Framework) -> None:
    """An indicator's note, shown as a tooltip, is escaped inside its attribute."""
    page = Page(competency_html(hostile.competencies[0]))
    assert ("title", 'Said "hi" & <left>') in page.attributes


@given(framework_documents())
def test_html_of_any_framework_is_well_formed(document: dict[str, Any]) -> None:
    """For any framework, the fragments use only their own tags and keep every text."""
    framework = cf.loads(canonical(document))
    page = Page(framework_html(framework))
    assert set(page.tags) <= TAGS
    assert len(page.rows) == len(framework)
    for competency in framework:
        page = Page(competency_html(competency))
        assert set(page.tags) <= TAGS
        assert len(page.rows) == len(competency)
        for level in competency:
            page = Page(level_html(level))
            assert set(page.tags) <= TAGS
            assert len(page.rows) == len(level) + len(level.gaps)
            assert all(indicator.text in page.text for indicator in level)


def test_profile_html_has_a_row_per_competency_and_element() -> None:
    """A clean profile: its facts, one row per chosen competency, then one per element."""
    profile = cf.load_profile(EXAMPLES / "annex-d-hr-business-partner.json")
    page = Page(profile._repr_html_())
    assert set(page.tags) <= TAGS
    assert "Grade: Grade 7 · Level 4 (Grade 7 & 6 or equiv)" in page.text
    assert len(page.rows) == len(profile.competencies) + len(profile.elements)
    for requirement in profile.requirements():
        assert all(indicator.text in page.text for indicator in requirement.level)
        below = len(requirement.indicators) - len(requirement.level)
        assert f"{requirement.competency.name}and {below} indicators of the levels below" in (
            page.text
        )


def test_profile_html_shows_errors_instead_of_requirements() -> None:
    """A profile with errors shows each finding, and no table of what it cannot ask for."""
    profile = cf.SuccessProfile(
        title="Analyst",
        grade="HEO",
        framework="success-profiles-behaviours",
        competencies=("Working Together", "Teamwork"),
    )
    page = Page(profile._repr_html_())
    assert "table" not in page.tags
    assert [message for message in page.data if message.startswith(":")] == [
        ": " + finding.message for finding in profile.check()
    ]
    assert "competency 2: no competency 'Teamwork'" in page.text


def test_profile_html_keeps_the_exact_texts(hostile: cf.Framework) -> None:
    """The profile's own texts, and the framework's, read back exactly."""
    page = Page(profile_html(HOSTILE_PROFILE, hostile))
    assert f"Role {SCRIPT}" in page.text
    assert "Leeds & <York>" in page.text
    assert f"Has {SCRIPT}" in page.text
    assert f"Do {SCRIPT} & more" in page.text


# The views of the other public objects: every one a scoped fragment with its own stylesheet.


@pytest.fixture(scope="module")
def report(ccf: cf.Framework) -> cf.QuoteReport:
    """A quote report with verbatim, near and unknown statements."""
    level = ccf.competency("seeing the big picture").level(3)
    reworded = level.effective[1].text.replace("understanding", "grasp")
    text = (
        "Seeing the Big Picture\nLevel 3\nEffective\tIneffective\n"
        f"{level.effective[0].text}\t{level.ineffective[0].text}\n"
        f"{reworded}\tInvented thing & more\n"
    )
    return cf.check_quotes(text, ccf)


def _subjects(ccf: cf.Framework, report: cf.QuoteReport) -> dict[str, Any]:
    return {
        "framework": ccf,
        "cluster": ccf.clusters[0],
        "competency": ccf.competencies[0],
        "level": ccf.competencies[0].levels[0],
        "indicator": ccf.indicators[0],
        "grade": cf.grade("Grade 7"),
        "profile": cf.load_profile(EXAMPLES / "annex-d-hr-business-partner.json"),
        "quotes": report,
        "diff": cf.diff("competency-framework-2012-sms1", "competency-framework"),
        "crosswalk": cf.crosswalk(),
        "translation": cf.translate(
            ["Collaborating and Partnering", "Achieving Commercial Outcomes"]
        ),
    }


KINDS = ["framework", "cluster", "competency", "level", "indicator", "grade", "profile"]
KINDS += ["quotes", "diff", "crosswalk", "translation"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_public_object_has_a_scoped_view(
    ccf: cf.Framework, report: cf.QuoteReport, kind: str
) -> None:
    """Each view is one root of its own class, with one stylesheet scoped to it, and no script."""
    html = _subjects(ccf, report)[kind]._repr_html_()
    assert html.startswith(f'<div class="civilframe civilframe-{kind}"><style>')
    page = Page(html)
    assert set(page.tags) <= TAGS
    assert page.tags.count("style") == 1
    assert page.text.strip()
    rules = [rule for rule in "".join(page.styles).split("}") if "{" in rule]
    selectors = [rule.split("{")[0].split("*/")[-1] for rule in rules]
    scoped = [s for s in selectors if not s.strip().startswith("@media")]
    assert scoped
    assert all(
        part.strip().startswith(".civilframe.civilframe") for s in scoped for part in s.split(",")
    )
    for forbidden in ("<script", "http:", "https:", "url(", "@import"):
        assert forbidden not in html


def test_framework_view_collapses_each_competency_and_level(ccf: cf.Framework) -> None:
    """One closed ``<details>`` per competency, one per level inside it; every indicator kept."""
    html = framework_html(ccf)
    page = Page(html)
    levels = sum(len(competency.levels) for competency in ccf)
    assert page.tags.count("details") == len(ccf) + levels
    assert "<details open" not in html
    assert all(indicator.text in page.text for indicator in ccf.indicators)


def test_quote_report_view_leads_with_counts_and_problems(report: cf.QuoteReport) -> None:
    """Counts come first, then the problems (each once), then the verbatim ones collapsed."""
    page = Page(report._repr_html_())
    assert page.rows[: len(report.counts)] == [["td", "td"]] * len(report.counts)
    text = page.text
    counts = "".join(f"{status}{count}" for status, count in report.counts.items())
    assert counts in text
    assert text.index("Problems") < text.index(f"{report.counts['verbatim']} verbatim statements")
    assert "Invented thing & more" in text
    assert "<del>understanding</del> <ins>grasp</ins>" in report._repr_html_()


def test_diff_view_shows_every_differing_row_side_by_side() -> None:
    """A row per non-identical row, A's text beside B's, plus the counts."""
    found = cf.diff("competency-framework-2012-sms1", "competency-framework")
    page = Page(found._repr_html_())
    differing = [row for row in found.rows() if row.status != "identical"]
    sides = [cells for cells in page.rows if len(cells) == 5]
    texts = sum(len(c.texts) for c in found.competencies)
    assert len(sides) == len(differing) + texts
    assert "<del>" in found._repr_html_()
    assert "<ins>" in found._repr_html_()
    effective = "".join(str(n) for n in found.counts("effective").values())
    assert f"effective{effective}" in page.text


def test_crosswalk_and_translation_views_say_they_are_editorial() -> None:
    """The crosswalk has a row per link; both views carry the editorial statement."""
    walk = cf.crosswalk()
    page = Page(walk._repr_html_())
    assert len(page.rows) == len(walk.links)
    assert "Not official" in page.text
    assert walk.statement in page.text
    translation = cf.translate(["Collaborating and Partnering", "Achieving Commercial Outcomes"])
    page = Page(translation._repr_html_())
    assert len(page.rows) == len(translation.competencies) + len(translation.lost)
    assert translation.statement in page.text
    assert all(shortfall.reason in page.text for shortfall in translation.lost)


def test_small_views_name_their_subject(ccf: cf.Framework) -> None:
    """A grade, an indicator and a cluster each show what identifies them."""
    grade = cf.grade("Grade 7")
    assert all(name in Page(grade._repr_html_()).text for name in grade.names)
    indicator = ccf.indicators[0]
    text = Page(indicator._repr_html_()).text
    assert indicator.text in text
    assert indicator.id in text
    assert indicator.competency_id in text
    cluster = ccf.clusters[0]
    assert cluster.title in Page(cluster._repr_html_()).text


def test_small_views_escape_their_text(hostile: cf.Framework) -> None:
    """Markup in an indicator's or cluster's text comes out as text."""
    for subject in (hostile.indicators[0], hostile.clusters[0]):
        page = Page(subject._repr_html_())
        assert set(page.tags) <= TAGS
        assert "<script" not in subject._repr_html_()
    assert f"Do {SCRIPT} & more" in Page(hostile.indicators[0]._repr_html_()).text


@given(
    st.lists(st.sampled_from(["a", "b", "c", "&", "<x>"]), max_size=8),
    st.lists(st.sampled_from(["a", "b", "d", "&"]), max_size=8),
)
def test_marked_differences_read_back_as_either_side(ours: list[str], theirs: list[str]) -> None:
    """Without its ``<ins>`` words the marked text is the framework's; without ``<del>``, the document's."""
    marked = _marked(" ".join(ours), " ".join(theirs))
    framework = re.sub(r"<ins>.*?</ins>", " ", marked)
    document = re.sub(r"<del>.*?</del>", " ", marked)
    assert Page(framework).text.split() == ours
    assert Page(document).text.split() == theirs
