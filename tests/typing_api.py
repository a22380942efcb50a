"""The public API's types as a user's code meets them, checked by ``mypy --strict``.

Nothing here runs as a test: mypy reads it (``tests`` is among its files) and fails when a
public name's type drifts from what is written here. Each ``assert_type`` is a promise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import civilframe as cf
from civilframe.analysis.compare import ColumnDiff, IndicatorDiff, RowStatus
from civilframe.analysis.quotes import QuoteStatus
from civilframe.export import FORMATS, CsvRow, read_csv, to_csv
from civilframe.reference.mapping import Link

if TYPE_CHECKING:  # the functions are read by mypy, never run
    from typing_extensions import assert_type


def model() -> None:
    """Frameworks, competencies, levels and indicators."""
    ccf = cf.load("competency-framework")
    assert_type(ccf, cf.Framework)
    assert_type(cf.frameworks(), Mapping[str, str])
    assert_type(ccf.level_numbers, tuple[int, ...])
    assert_type(ccf.levels_cumulative, bool)
    assert_type(ccf.indicators, tuple[cf.Indicator, ...])
    competency = ccf.competency("Seeing the Big Picture")
    assert_type(competency, cf.Competency)
    assert_type(ccf.competency(4), cf.Competency)
    assert_type(competency.cluster, cf.Cluster | None)
    assert_type(competency.levels, tuple[cf.Level, ...])
    assert_type(competency.indicators, tuple[cf.Indicator, ...])
    level = competency.level(3)
    assert_type(level.heading, str)
    assert_type(level.effective, tuple[cf.Indicator, ...])
    assert_type(level.gaps, tuple[cf.Gap, ...])
    assert_type(competency.cumulative(3), tuple[cf.Indicator, ...])
    indicator = ccf.indicator("seeing-the-big-picture.l3.e2")
    assert_type(indicator.level_number, int)
    assert_type(indicator.competency_id, str)
    assert_type(indicator.source, cf.Source)
    assert_type(ccf.cluster("Setting Direction"), cf.Cluster)


def analysis() -> None:
    """Comparing, finding and checking quotes take a Framework or a bundled id."""
    difference = cf.diff("competency-framework-2012-sms1", cf.load("competency-framework"))
    assert_type(difference, cf.FrameworkDiff)
    column = next(iter(difference.columns()))
    assert_type(column, ColumnDiff)
    assert_type(column.rows, tuple[IndicatorDiff, ...])
    status: RowStatus = column.rows[0].status
    hits = cf.search("risk averse", framework="competency-framework")
    assert_type(hits, tuple[cf.Hit, ...])
    report = cf.check_quotes("Effective\nListen to others", "competency-framework", 3)
    assert_type(report, cf.QuoteReport)
    from pathlib import Path

    from civilframe.analysis.quotes import check_against_bundled

    framework = cf.load("competency-framework")
    assert_type(cf.check_quotes(Path("advert.md"), framework, format="markdown"), cf.QuoteReport)
    assert_type(cf.check_quotes(b"Effective\n", framework), cf.QuoteReport)
    assert_type(check_against_bundled(Path("advert.docx")).chosen, bool)
    assert_type(report.findings[0].typography, tuple[str, ...])
    assert_type(report.findings[0].elsewhere[0].framework_id, str)
    assert_type(report.framework_id, str)
    found: QuoteStatus = report.findings[0].status
    assert_type(report.counts, dict[QuoteStatus, int])
    del status, found


def reference_and_profiles() -> None:
    """Grades, the crosswalk and Success Profiles."""
    assert_type(cf.grade("HEO"), cf.Grade)
    assert_type(cf.grade("HEO").level, int)
    link = cf.crosswalk("Seeing the Big Picture")
    assert_type(link, Link)
    assert_type(link.behaviour_ids, tuple[str, ...])
    role = cf.SuccessProfile(
        title="Policy Adviser",
        grade="HEO",
        framework="success-profiles-behaviours",
        competencies=("Seeing the Big Picture", "Delivering at Pace"),
    )
    assert_type(role.level, int)
    assert_type(role.stated_level, int | None)
    assert_type(role.framework_for(), cf.Framework)
    assert_type(role.check(), tuple[cf.Finding, ...])
    assert_type(role.requirements(), tuple[cf.Requirement, ...])
    assert_type(role.to_markdown(), str)


def export() -> None:
    """The export functions and the registry the command line reads."""
    text = to_csv("competency-framework")
    assert_type(text, str)
    assert_type(read_csv(text), tuple[CsvRow, ...])
    for name, entry in FORMATS.items():
        assert_type(name, str)
        assert_type(entry.write(cf.load("leadership-in-action")), str)
