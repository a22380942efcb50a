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
from .loading import dumps, framework_schema, frameworks, load, load_file, loads
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
    "Framework",
    "Gap",
    "Indicator",
    "InvalidDocumentError",
    "Level",
    "LevelDefinition",
    "NotFoundError",
    "Question",
    "Source",
    "__version__",
    "assessment_method",
    "assessment_methods",
    "dumps",
    "element",
    "elements",
    "framework_schema",
    "frameworks",
    "load",
    "load_file",
    "loads",
]
