"""Exports: a framework as CSV, JSON, Markdown, 1EdTech CASE 1.1, an HTML page or a DataFrame.

One module per format, each with one function that takes a :class:`~civilframe.Framework`
and returns text (callers write the files). Every export lists the indicators in the same
stable order: document order, competency by competency, lowest level first, effective
indicators before ineffective ones. :data:`FORMATS` is the registry of the formats a file
can be written in: the CLI's ``export --format`` and the documentation both read it.

>>> import civilframe
>>> from civilframe.export import FORMATS
>>> sorted(FORMATS)
['case', 'csv', 'excel-csv', 'html', 'json', 'markdown']
>>> FORMATS["csv"].write(civilframe.load("leadership-in-action")).splitlines()[0][:24]
'framework,cluster,compet'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from ..model import Framework
from .browser import to_html
from .canonical import to_json
from .case import (
    CASE_ITEM_TYPES,
    CASE_LAST_CHANGE,
    CASE_NAMESPACE,
    CASE_UNKNOWN_CREATOR,
    case_package,
    source_date,
    to_case,
)
from .dataframe import to_dataframe
from .markdown import to_markdown
from .spreadsheet import BOM, COLUMNS, GRADE_SEPARATOR, CsvRow, read_csv, to_csv, to_excel_csv

__all__ = [
    "BOM",
    "CASE_ITEM_TYPES",
    "CASE_LAST_CHANGE",
    "CASE_NAMESPACE",
    "CASE_UNKNOWN_CREATOR",
    "COLUMNS",
    "FORMATS",
    "GRADE_SEPARATOR",
    "CsvRow",
    "Format",
    "case_package",
    "read_csv",
    "source_date",
    "to_case",
    "to_csv",
    "to_dataframe",
    "to_excel_csv",
    "to_html",
    "to_json",
    "to_markdown",
]


@attrs.frozen(kw_only=True)
class Format:
    """One format a framework can be exported to as a file."""

    #: The format's name, as ``export --format`` takes it.
    name: str
    #: The function that writes a framework in it.
    write: Callable[[Framework], str] = attrs.field(repr=False)
    #: The usual suffix of its files.
    suffix: str
    #: What it is for, in a few words.
    summary: str


#: Every file format, by name, in the order the CLI and the docs list them.
FORMATS: Mapping[str, Format] = {
    item.name: item
    for item in (
        Format(
            name="csv",
            write=to_csv,
            suffix=".csv",
            summary="one row per indicator, faithful text for data pipelines",
        ),
        Format(
            name="excel-csv",
            write=to_excel_csv,
            suffix=".csv",
            summary="the CSV for spreadsheets: UTF-8 with a byte order mark, formulas defused",
        ),
        Format(
            name="json",
            write=to_json,
            suffix=".json",
            summary="canonical JSON: the bundled file format",
        ),
        Format(
            name="markdown",
            write=to_markdown,
            suffix=".md",
            summary="a readable document of the whole framework",
        ),
        Format(
            name="case",
            write=to_case,
            suffix=".json",
            summary="a 1EdTech CASE 1.1 CFPackage, for competency-exchange tools",
        ),
        Format(
            name="html",
            write=to_html,
            suffix=".html",
            summary="a one-file offline browser; FRAMEWORK 'all' puts every one in it",
        ),
    )
}
