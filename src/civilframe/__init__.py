"""civilframe: the UK Civil Service competency frameworks as typed, validated, faithful data.

>>> import civilframe as cf
>>> ccf = cf.load("competency-framework")
>>> [i.level_number for i in ccf.competency("Seeing the Big Picture").cumulative(2)][:4]
[1, 1, 1, 1]

``import civilframe`` costs only the model and the loader; every other public name is imported
from its module on first use (PEP 562), so the package's names are the modules' own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _package, _views
from .errors import CivilframeError, InvalidDocumentError, NotFoundError
from .loading import (
    dumps,
    framework_aliases,
    framework_schema,
    frameworks,
    load,
    load_file,
    loads,
    profile_schema,
)
from .model import (
    Cluster,
    Competency,
    Framework,
    Gap,
    Indicator,
    Level,
    LevelDefinition,
    Question,
    Source,
)

if TYPE_CHECKING:
    from .analysis.compare import FrameworkDiff, diff
    from .analysis.find import Hit, search
    from .analysis.quotes import QuoteFinding, QuoteReport, check_quotes
    from .profiles import (
        ElementAssessment,
        Finding,
        Requirement,
        SuccessProfile,
        load_profile,
        loads_profile,
    )
    from .reference.assessment import (
        AssessmentMethod,
        Element,
        assessment_method,
        assessment_methods,
        element,
        elements,
    )
    from .reference.grade_table import Grade, grade, grades, grades_in
    from .reference.mapping import Crosswalk, Link, Translation, crosswalk, translate
    from .render.terminal import render_crosswalk, render_diff, render_quote_report

    #: The installed version of civilframe, from the package metadata (read on first use).
    __version__: str

#: Each lazily imported public name, with the module that defines it.
_LAZY = {
    "AssessmentMethod": "reference.assessment",
    "Crosswalk": "reference.mapping",
    "Element": "reference.assessment",
    "ElementAssessment": "profiles",
    "Finding": "profiles",
    "FrameworkDiff": "analysis.compare",
    "Grade": "reference.grade_table",
    "Hit": "analysis.find",
    "Link": "reference.mapping",
    "QuoteFinding": "analysis.quotes",
    "QuoteReport": "analysis.quotes",
    "Requirement": "profiles",
    "SuccessProfile": "profiles",
    "Translation": "reference.mapping",
    "assessment_method": "reference.assessment",
    "assessment_methods": "reference.assessment",
    "check_quotes": "analysis.quotes",
    "crosswalk": "reference.mapping",
    "diff": "analysis.compare",
    "element": "reference.assessment",
    "elements": "reference.assessment",
    "grade": "reference.grade_table",
    "grades": "reference.grade_table",
    "grades_in": "reference.grade_table",
    "load_profile": "profiles",
    "loads_profile": "profiles",
    "render_crosswalk": "render.terminal",
    "render_diff": "render.terminal",
    "render_quote_report": "render.terminal",
    "search": "analysis.find",
    "translate": "reference.mapping",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        found = _package.version()
        globals()[name] = found
        return found
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


def _view(kind: str) -> _views.View:
    """The function for a ``kind`` of view, from the layer that renders it."""
    if kind == "html":
        from .render.notebook import html

        return html
    if kind == "markdown":
        from .render.markdown import markdown

        return markdown
    if kind == "dataframe":
        from .export.dataframe import to_dataframe

        return to_dataframe
    raise ValueError(f"no view of kind {kind!r}")  # pragma: no cover - a bug in civilframe


_views.install(_view)

__all__ = [
    "AssessmentMethod",
    "CivilframeError",
    "Cluster",
    "Competency",
    "Crosswalk",
    "Element",
    "ElementAssessment",
    "Finding",
    "Framework",
    "FrameworkDiff",
    "Gap",
    "Grade",
    "Hit",
    "Indicator",
    "InvalidDocumentError",
    "Level",
    "LevelDefinition",
    "Link",
    "NotFoundError",
    "Question",
    "QuoteFinding",
    "QuoteReport",
    "Requirement",
    "Source",
    "SuccessProfile",
    "Translation",
    "__version__",
    "assessment_method",
    "assessment_methods",
    "check_quotes",
    "crosswalk",
    "diff",
    "dumps",
    "element",
    "elements",
    "framework_aliases",
    "framework_schema",
    "frameworks",
    "grade",
    "grades",
    "grades_in",
    "load",
    "load_file",
    "load_profile",
    "loads",
    "loads_profile",
    "profile_schema",
    "render_crosswalk",
    "render_diff",
    "render_quote_report",
    "search",
    "translate",
]
