"""Frameworks as one self-contained HTML page: a browser that needs no network and no server.

The page is the frameworks' canonical JSON (as :func:`civilframe.dumps` writes it), embedded
once, with each framework's grade table, and a small stylesheet and script, all inline: no
font, image, script or stylesheet is fetched, so the file works emailed, opened from disk or
put on an intranet. It searches as you type (the words :func:`civilframe.search` matches,
forgiving case, plurals and hyphens, highlighted), filters by competency, level and grade,
shows what a level expects cumulatively where the framework says so, links and copies every
indicator's id, keeps its view in its address, says where a source lost text, and prints one
competency a page. Its stylesheet, script and page are data files beside the frameworks
(``civilframe/data/browser``).
"""

from __future__ import annotations

import html
import json
import string
from typing import Any

from .._format.converter import unstructure
from .._package import version
from ..loading import data_file, frameworks, load, resolve
from ..model import Framework
from ..reference.grade_table import grades

__all__ = ["to_html"]


def to_html(*chosen: Framework | str) -> str:
    """The frameworks (Frameworks or bundled ids; by default every bundled one) as one page.

    With more than one framework the page has a framework switcher. The text is stable byte
    for byte for the same frameworks.

    >>> import civilframe
    >>> page = to_html("leadership-in-action")
    >>> page.startswith("<!DOCTYPE html>"), "Leadership in Action" in page, "http" in page
    (True, True, False)
    """
    loaded = [resolve(item) for item in chosen] or [load(id) for id in frameworks()]
    data = {"frameworks": [_entry(framework) for framework in loaded]}
    title = loaded[0].title if len(loaded) == 1 else "Civil Service competency frameworks"
    return string.Template(_asset("page.html")).substitute(
        title=_escape(title),
        version=_escape(version()),
        style=_asset("page.css"),
        script=_asset("page.js"),
        data=_script_json(data),
    )


def _entry(framework: Framework) -> dict[str, Any]:
    return {
        "framework": unstructure(framework),
        "grades": [
            {"name": g.name, "title": g.title, "aliases": list(g.aliases), "level": g.level}
            for g in grades(framework)
        ],
    }


def _asset(name: str) -> str:
    text: str = data_file(f"browser/{name}").read_text(encoding="utf-8")
    return text


def _script_json(data: object) -> str:
    r"""JSON safe inside a ``<script>`` element: every ``<`` written ``\u003c``.

    So no text can end the element early (``</script>``) or open a comment (``<!--``), and the
    JSON stays JSON: ``\u003c`` is a valid escape, read back as ``<``.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c")


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
