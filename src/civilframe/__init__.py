"""civilframe: the UK Civil Service competency frameworks as typed, validated, faithful data.

>>> import civilframe as cf
>>> ccf = cf.load("competency-framework")
>>> [indicator.level for indicator in ccf.competency("Seeing the Big Picture").cumulative(2)][:4]
[1, 1, 1, 1]
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

from .errors import CivilframeError, InvalidDocumentError, NotFoundError
from .loading import (
    dumps,
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
    from .crosswalk import Crosswalk, Link, Translation, crosswalk, render_crosswalk, translate
    from .diff import FrameworkDiff, diff, render_diff
    from .elements import (
        AssessmentMethod,
        Element,
        assessment_method,
        assessment_methods,
        element,
        elements,
    )
    from .grades import Grade, grade, grades
    from .profiles import (
        ElementAssessment,
        Finding,
        Requirement,
        SuccessProfile,
        load_profile,
        loads_profile,
    )
    from .quotes import QuoteFinding, QuoteReport, check_quotes, render_quote_report
    from .search import Hit, search

#: The names whose modules are imported on first use, so that ``import civilframe`` costs
#: only the model and the loader. Each module's names are bound together when it loads.
_LAZY = {
    "crosswalk": ("Crosswalk", "Link", "Translation", "crosswalk", "render_crosswalk", "translate"),
    "diff": ("FrameworkDiff", "diff", "render_diff"),
    "elements": (
        "AssessmentMethod",
        "Element",
        "assessment_method",
        "assessment_methods",
        "element",
        "elements",
    ),
    "grades": ("Grade", "grade", "grades"),
    "profiles": (
        "ElementAssessment",
        "Finding",
        "Requirement",
        "SuccessProfile",
        "load_profile",
        "loads_profile",
    ),
    "quotes": ("QuoteFinding", "QuoteReport", "check_quotes", "render_quote_report"),
    "search": ("Hit", "search"),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    importlib.import_module(f"{__name__}.{module}")  # binds the module's names: see below
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


class _Package(types.ModuleType):
    """The package module, binding a lazy module's public names when the module is imported.

    Importing ``civilframe.diff`` binds the package attribute ``diff``; the function of that
    name, not the module, is the public ``civilframe.diff`` (as ``crosswalk`` and ``search``),
    however the module came to be imported.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in _LAZY:
            for public in _LAZY[name]:
                super().__setattr__(public, getattr(value, public))
            if name in _MODULE_OF:
                return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

#: The version of civilframe (the one place it is set; the package metadata reads it from here).
__version__ = "0.1.0.dev0"

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
    "framework_schema",
    "frameworks",
    "grade",
    "grades",
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
