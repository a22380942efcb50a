"""Sphinx configuration of the civilframe documentation.

Build it offline from the repository's root:

    .venv/bin/sphinx-build -W -b html docs docs/_build/html
    .venv/bin/sphinx-build -W -b doctest docs docs/_build/doctest
"""

import sys
from pathlib import Path

import civilframe

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "civilframe"
author = "civilframe contributors"
copyright = "civilframe contributors (code, MIT); framework texts Crown copyright (OGL v3.0)"
release = civilframe.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinxarg.ext",
    "civilframe_docs",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
# Guides quote civilframe text verbatim: keep straight quotes and "--" as typed.
smartquotes = False
root_doc = "index"

# MyST: ::: fences for directives that hold Markdown, and definition lists.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: the source's order; the `#:` comments document attributes.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
python_use_unqualified_type_names = True

# The doctest builder tests the guides' {doctest} blocks, from the repository's root (the
# docstrings' own examples are pytest's, through --doctest-modules).
doctest_test_doctest_blocks = ""
doctest_global_setup = f"import os\nfrom pathlib import Path\nROOT = {str(ROOT)!r}\nos.chdir(ROOT)"

# Offline: no intersphinx, nothing fetched.
html_theme = "alabaster"
html_title = f"civilframe {release}"
html_theme_options = {
    "description": "The UK Civil Service competency frameworks as typed, validated, faithful data.",
    "fixed_sidebar": True,
    "page_width": "1160px",  # below 1280 px, so that a 1280 px window keeps the sidebar
    "sidebar_width": "240px",
    "body_max_width": "none",
}
html_static_path: list[str] = []
