"""The documentation's own rules: guides whose Python examples all run, a notebook without outputs.

The documentation is built, and its examples run, by ``sphinx-build -W -b html docs …`` and
``sphinx-build -W -b doctest docs …``; these tests keep an example from escaping that run.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TOUR = ROOT / "examples" / "tour.ipynb"

#: A code fence's opening line: its marks and its info string.
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<marks>`{3,}|~{3,})\s*(?P<info>\S*)")

#: Fences whose Python the doctest builder runs.
_TESTED = frozenset({"{doctest}", "{testsetup}", "{testcleanup}", "{testcode}", "{testoutput}"})

#: Fence languages that hold Python nobody would run.
_PYTHON = frozenset({"python", "py", "python3", "pycon", "ipython", "{code-block}", "{code}"})


def _pages() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)


def _fences(text: str) -> list[tuple[int, str, str]]:
    """Each fenced block of a Markdown page as ``(line, info, body)``."""
    found: list[tuple[int, str, str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        marks, info, start = opening["marks"], opening["info"], index
        body: list[str] = []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(marks):
            body.append(lines[index])
            index += 1
        found.append((start + 1, info, "\n".join(body)))
        index += 1
    return found


def test_docs_have_pages() -> None:
    """The documentation has its pages, so that the checks below have something to check."""
    names = {path.relative_to(DOCS).as_posix() for path in _pages()}
    assert {"index.md", "getting-started.md", "concepts.md", "data.md"} <= names


@pytest.mark.parametrize("page", _pages(), ids=lambda path: path.relative_to(DOCS).as_posix())
def test_every_python_example_is_a_doctest(page: Path) -> None:
    """Every Python example in the docs is in a block the doctest builder runs."""
    untested = [
        f"{page.name}:{line} ({info or 'no language'})"
        for line, info, body in _fences(page.read_text("utf-8"))
        if info not in _TESTED
        and (info in _PYTHON or re.search(r"^\s*>>> ", body, flags=re.MULTILINE))
    ]
    assert untested == []


def test_fences_are_found() -> None:
    """The fence reader finds a doctest block and an untested Python block, with their lines."""
    text = "# Page\n\n```{doctest}\n>>> 1\n1\n```\n\n````python\nprint(2)\n````\n"
    assert _fences(text) == [(3, "{doctest}", ">>> 1\n1"), (8, "python", "print(2)")]


def test_tour_notebook_is_stored_without_outputs() -> None:
    """examples/tour.ipynb is committed without outputs or execution counts."""
    notebook = json.loads(TOUR.read_text("utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert [cell["outputs"] for cell in code] == [[] for _ in code]
    assert {cell["execution_count"] for cell in code} == {None}


def test_tour_notebook_runs_on_the_python3_kernel() -> None:
    """The tour names the python3 kernel, which ipykernel installs, so that it runs anywhere."""
    notebook = json.loads(TOUR.read_text("utf-8"))
    assert notebook["nbformat"] == 4
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
