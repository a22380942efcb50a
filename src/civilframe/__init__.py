"""civilframe: the UK Civil Service competency frameworks as typed, validated, faithful data.

>>> import civilframe as cf
>>> ccf = cf.load("competency-framework")
>>> [indicator.level for indicator in ccf.competency("Seeing the Big Picture").cumulative(2)][:4]
[1, 1, 1, 1]
"""

import importlib as _importlib
import sys as _sys
import types as _module_types
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
    #: The installed version of civilframe, from the package metadata (read on first use).
    __version__: str
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
    if name == "__version__":
        return _version()
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _bind(module, _importlib.import_module(f"{__name__}.{module}"))
    return globals()[name]


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF, "__version__"})


def _bind(name: str, module: _module_types.ModuleType) -> None:
    """Make the public names of the lazy module ``name`` the package's own."""
    for public in _LAZY[name]:
        globals()[public] = getattr(module, public)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # slow to import: on first use

    try:
        found = version(__name__)
    except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found


class _Package(_module_types.ModuleType):
    """The package module: a lazy module's public names win over the module's own name.

    The import system binds a submodule to the package attribute of its name once it is
    imported, however it came to be (``import civilframe.diff``, or another module importing
    it): ``civilframe.diff`` would then be the module. Here the module's public names are bound
    instead, so that ``civilframe.diff`` (as ``crosswalk``, ``search``, ``grades`` and
    ``elements``) stays the function.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, _module_types.ModuleType) and name in _LAZY:
            _bind(name, value)
            if name in _MODULE_OF:
                return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
del TYPE_CHECKING

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
