"""civilframe: the UK Civil Service competency frameworks as typed, validated, faithful data.

>>> import civilframe as cf
>>> ccf = cf.load("competency-framework")
>>> [indicator.level for indicator in ccf.competency("Seeing the Big Picture").cumulative(2)][:4]
[1, 1, 1, 1]
"""

from importlib.metadata import PackageNotFoundError, version

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
from .errors import CivilframeError, InvalidDocumentError, NotFoundError
from .grades import Grade, grade, grades
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

try:
    __version__ = version("civilframe")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0+unknown"

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
