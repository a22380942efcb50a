"""Headless Chromium for the tests that look at civilframe's HTML as a user's browser shows it.

The browser is Debian's ``chromium`` driven by the ``playwright`` package (its own browser
download cannot work offline). Where no browser can be started the tests skip, saying why; in
CI (``CI=true``) they fail instead. The ``browser`` fixture (in ``conftest.py``) starts it once.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CIVILFRAME_CHROMIUM", "/usr/bin/chromium")
#: Chromium as root, offline: no sandbox, and none of its own background connections.
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(why: str) -> None:
    """Skip the test, saying why no browser is there; in CI, fail it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser tests must run in CI: {why}")
    pytest.skip(f"no browser to test the page in: {why}")


def start() -> Iterator[Any]:
    """Headless Chromium, for as long as the generator is open."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            started = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as error:  # any failure to start is a reason to skip locally
            unavailable(f"Chromium did not start: {error}")
        yield started
        started.close()


#: The WCAG contrast ratio of an element's text against the background it is drawn on: the
#: first opaque background among it and its ancestors, with translucent ones (and translucent
#: text) blended over it in turn.
CONTRAST = """
el => {
  const parse = c => { const v = c.match(/[\\d.]+/g).map(Number); return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const layers = [];
  for (let back = el; back; back = back.parentElement) {
    const c = parse(getComputedStyle(back).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] === 1) break;
  }
  let bg = [255, 255, 255, 1];
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const fg = over(parse(getComputedStyle(el).color), bg);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""
