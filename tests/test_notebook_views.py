"""The notebook views in a real headless Chromium, inside JupyterLab's and Notebook's own rules.

Each object's ``_repr_html_`` is put in an output area styled as JupyterLab (and classic
Notebook) style rendered HTML, in its light and dark themes and with no theme at all, beside
another output that the view must leave alone. What a user would see is read from computed
styles: cells left-aligned, tables laid out by their content, ids on one line, text readable,
and the other output untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import civilframe as cf

from .chromium import CONTRAST

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "profiles"

#: The rules of JupyterLab's rendered HTML (``@jupyterlab/rendermime``) and classic Notebook's
#: ``.rendered_html`` that fight a view: right-aligned cells, fixed table layout, centred
#: tables, striped rows and shaded code.
JUPYTER_RULES = """
.jp-RenderedHTMLCommon { color: var(--jp-content-font-color1); font-size: 14px; }
.jp-RenderedHTMLCommon table {
  border-collapse: collapse; border-spacing: 0; border: none; table-layout: fixed;
  color: var(--jp-ui-font-color1); margin-left: auto; margin-right: auto; margin-bottom: 1em;
}
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th, .jp-RenderedHTMLCommon tr {
  vertical-align: middle; padding: 0.5em; line-height: normal; white-space: normal;
  max-width: none; border: none;
}
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon tr { text-align: right; }
.jp-RenderedHTMLCommon tbody tr:nth-child(odd) { background: var(--jp-layout-color0); }
.jp-RenderedHTMLCommon tbody tr:nth-child(even) {
  background: var(--jp-rendermime-table-row-background);
}
.jp-RenderedHTMLCommon :not(pre) > code {
  background-color: var(--jp-layout-color2); padding: 1px 5px; word-break: break-all;
}
.jp-RenderedHTMLCommon p { text-align: justify; margin-bottom: 1em; }
.rendered_html table { margin-left: auto; margin-right: auto; table-layout: fixed; }
.rendered_html td, .rendered_html th, .rendered_html tr {
  text-align: right; vertical-align: middle; padding: 0.5em; word-break: break-all;
}
.rendered_html tbody tr:nth-child(odd) { background: #f5f5f5; }
.rendered_html tbody tr:hover { background: rgba(66, 165, 245, 0.2); }
"""

#: JupyterLab's theme variables, light and dark; "none" is a front end without them (classic
#: Notebook, an HTML export) in a browser that prefers light or dark.
THEMES: dict[str, tuple[str, str]] = {
    "jupyterlab-light": (
        "light",
        """:root { --jp-layout-color0: white; --jp-layout-color2: #eeeeee;
        --jp-content-font-color1: rgba(0, 0, 0, 1); --jp-ui-font-color1: rgba(0, 0, 0, 0.87);
        --jp-border-color2: #e0e0e0; --jp-rendermime-table-row-background: #f5f5f5; }
        body { background: white; }""",
    ),
    "jupyterlab-dark": (
        "dark",
        """:root { --jp-layout-color0: #111111; --jp-layout-color2: #424242;
        --jp-content-font-color1: rgba(255, 255, 255, 1);
        --jp-ui-font-color1: rgba(255, 255, 255, 0.87); --jp-border-color2: #424242;
        --jp-rendermime-table-row-background: #212121; }
        body { background: #111111; color: white; }""",
    ),
    "none-light": ("light", "body { background: white; }"),
    "none-dark": ("dark", "body { background: #1e1e1e; color: #ddd; }"),
}

OTHER_OUTPUT = """
<div class="jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML rendered_html" id="other">
<table><tbody><tr><td id="other-cell">another output's cell</td></tr></tbody></table>
</div>
"""


def _subjects() -> dict[str, Any]:
    ccf = cf.load("competency-framework")
    level = ccf.competency("seeing the big picture").level(3)
    reworded = level.effective[1].text.replace("understanding", "grasp")
    curly = level.ineffective[1].text.replace("'", "\u2019")
    text = (
        "Seeing the Big Picture\nLevel 3\nEffective\tIneffective\n"
        f"{level.effective[0].text}\t{level.ineffective[0].text}\n"
        f"{reworded}\tAn invented sentence that the framework never printed\n"
        f"{curly}.\t"
        "Display confidence when making difficult decisions, even if they prove to be unpopular\n"
    )
    return {
        "framework": ccf,
        "cluster": ccf.clusters[0],
        "competency": ccf.competency("changing and improving"),
        "level": level,
        "indicator": level.effective[0],
        "grade": cf.grade("Grade 7"),
        "profile": cf.load_profile(EXAMPLES / "annex-d-hr-business-partner.json"),
        "quotes": cf.check_quotes(text, ccf),
        "diff": cf.diff("competency-framework-2012-sms1", "competency-framework"),
        "crosswalk": cf.crosswalk(),
        "translation": cf.translate(
            ["Collaborating and Partnering", "Achieving Commercial Outcomes"]
        ),
    }


SUBJECTS = _subjects()


@pytest.fixture(params=list(THEMES))
def shown(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """Open a tab in one theme; the test puts a view in it with ``show(kind)``."""
    scheme, variables = THEMES[request.param]
    tab = browser.new_page(viewport={"width": 480, "height": 700}, color_scheme=scheme)
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))

    def show(kind: str) -> Any:
        view = SUBJECTS[kind]._repr_html_()
        tab.set_content(
            f"<!DOCTYPE html><html><head><style>{JUPYTER_RULES}</style>"
            f"<style>{variables}</style></head><body>"
            '<div class="jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML '
            f'rendered_html" id="view">{view}</div>{OTHER_OUTPUT}</body></html>'
        )
        tab.eval_on_selector_all("#view details", "all => all.forEach(d => { d.open = true; })")
        return tab

    show.requests = requests  # type: ignore[attr-defined]
    yield show
    tab.close()


@pytest.mark.parametrize("kind", list(SUBJECTS))
def test_the_view_holds_its_own_in_jupyter(shown: Any, kind: str) -> None:
    """Left-aligned, laid out by content, ids unbroken, readable, and other outputs untouched.

    In a narrow output area: every cell, paragraph and list item starts at the left (its
    words broken only between words) and every
    table sizes to its content from the left edge; every id is one unbroken box; every piece
    of text (marked words and ids included) has a contrast of at least 4.5:1. The other
    output's cell keeps Jupyter's own alignment; nothing is fetched and nothing runs.
    """
    tab = shown(kind)
    aligns = tab.eval_on_selector_all(
        "#view :is(td, th, p, li)",
        "all => all.map(e => [getComputedStyle(e).textAlign, getComputedStyle(e).wordBreak])",
    )
    assert {tuple(align) for align in aligns} <= {("left", "normal"), ("start", "normal")}
    tables = tab.eval_on_selector_all(
        "#view table",
        "all => all.map(e => [getComputedStyle(e).tableLayout, getComputedStyle(e).marginLeft])",
    )
    assert {tuple(table) for table in tables} <= {("auto", "0px")}
    ids = tab.eval_on_selector_all(
        "#view .cf-id",
        "all => all.map(e => [getComputedStyle(e).whiteSpace, e.getClientRects().length])",
    )
    assert {tuple(box) for box in ids} <= {("nowrap", 1)}
    ratios = tab.eval_on_selector_all(
        "#view :is(h3, h4, p, li, td, th, summary, small, code, del, ins, strong, em, span)",
        f"all => all.filter(e => e.textContent.trim()).map({CONTRAST})",
    )
    assert ratios
    assert min(ratios) >= 4.5
    assert tab.eval_on_selector("#other-cell", "e => getComputedStyle(e).textAlign") == "right"
    assert tab.eval_on_selector("#other table", "e => getComputedStyle(e).tableLayout") == "fixed"
    assert tab.locator("#view script").count() == 0
    assert [url for url in shown.requests if not url.startswith(("about:", "data:"))] == []
