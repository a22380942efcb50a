"""The built documentation as a reader's browser shows it (``.ci/run`` builds it before pytest)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

BUILT = Path(__file__).resolve().parents[1] / "docs" / "_build" / "html" / "index.html"


@pytest.mark.parametrize("width", [1280, 1440])
def test_the_sidebar_stays_beside_the_text_at_common_widths(browser: Any, width: int) -> None:
    """At 1280 px and wider the navigation sidebar sits left of the body, not above it."""
    if not BUILT.exists():
        why = f"{BUILT} is not built (sphinx-build -b html docs docs/_build/html)"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    tab = browser.new_page(viewport={"width": width, "height": 800})
    try:
        tab.goto(BUILT.as_uri())
        sidebar = tab.eval_on_selector(
            "div.sphinxsidebar", "e => e.getBoundingClientRect().toJSON()"
        )
        body = tab.eval_on_selector("div.body", "e => e.getBoundingClientRect().toJSON()")
        assert sidebar["width"] < width / 3
        assert sidebar["right"] <= body["left"] or body["right"] <= sidebar["left"]
    finally:
        tab.close()
