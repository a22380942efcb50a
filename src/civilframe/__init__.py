"""civilframe: the UK Civil Service competency frameworks as typed, validated, faithful data.

>>> import civilframe as cf
>>> ccf = cf.load("competency-framework")
>>> [indicator.level for indicator in ccf.competency("Seeing the Big Picture").cumulative(2)][:4]
[1, 1, 1, 1]
"""

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("civilframe")
except PackageNotFoundError:  # pragma: no cover - running from a source tree not installed
    __version__ = "0+unknown"

__all__ = [
    "AssessmentMethod",
    "CivilframeError",
    "Cluster",
    "Competency",
    "Element",
    "ElementAssessment",
    "Finding",
    "Framework",
    "Gap",
    "Grade",
    "Indicator",
    "InvalidDocumentError",
    "Level",
    "LevelDefinition",
    "NotFoundError",
    "Question",
    "Requirement",
    "Source",
    "SuccessProfile",
    "__version__",
    "assessment_method",
    "assessment_methods",
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
]
