"""The one-file HTML browser, driven in a real headless Chromium from file://.

The browser is Debian's ``chromium`` driven by the ``playwright`` package. Where no browser
can be started the tests skip, saying why; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import civilframe as cf
from civilframe.export import to_html

from .chromium import CONTRAST


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every bundled framework in one page, written as a user would write it."""
    path = tmp_path_factory.mktemp("browser") / "frameworks.html"
    path.write_text(to_html(), encoding="utf-8")
    return path


class Page:
    """One tab on the page, recording every request and every console error."""

    def __init__(self, browser: Any, url: str, color_scheme: str = "light") -> None:
        self.tab = browser.new_page(
            viewport={"width": 1200, "height": 800}, color_scheme=color_scheme
        )
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.tab.on("request", lambda request: self.requests.append(request.url))
        self.tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.tab.on("pageerror", lambda error: self.errors.append(str(error)))
        self.tab.goto(url)
        self.tab.wait_for_selector("html[data-ready=true]")

    def shown(self) -> list[str]:
        """The ids of the indicators on view, in page order."""
        ids: list[str] = self.tab.eval_on_selector_all(
            ".indicator", "items => items.map(i => i.id)"
        )
        return ids

    def texts(self) -> list[str]:
        """The texts of the indicators on view, in page order."""
        texts: list[str] = self.tab.eval_on_selector_all(
            ".indicator .text", "items => items.map(i => i.textContent)"
        )
        return texts


@pytest.fixture
def open_page(browser: Any, page_file: Path) -> Iterator[Any]:
    """Open the page (with a query or fragment); every tab is closed afterwards."""
    opened: list[Page] = []

    def opener(query: str = "", color_scheme: str = "light") -> Page:
        page = Page(browser, page_file.as_uri() + query, color_scheme)
        opened.append(page)
        return page

    yield opener
    for page in opened:
        page.tab.close()


def _ids(framework: cf.Framework, keep: Any = lambda indicator: True) -> list[str]:
    return [i.id for i in framework.indicators if keep(i)]


# --- the file --------------------------------------------------------------------------------


def test_the_page_is_one_small_file_that_fetches_nothing() -> None:
    """Every bundled framework in under 1.5 MB, with no external resource of any kind."""
    page = to_html()
    assert len(page.encode("utf-8")) < 1_500_000
    assert not re.search(r"<link\b|\bsrc=|@import|url\(", page)
    assert to_html() == page  # stable byte for byte


def test_the_embedded_data_is_each_frameworks_canonical_json() -> None:
    """The page carries each framework's canonical JSON once, safe inside its script."""
    page = to_html("competency-framework")
    start = page.index('id="civilframe-data">') + len('id="civilframe-data">')
    data = page[start : page.index("</script>", start)]
    import json

    assert "<" not in data  # nothing in the data can end its script element
    (entry,) = json.loads(data)["frameworks"]
    assert json.dumps(entry["framework"], ensure_ascii=False, indent=2) + "\n" == cf.dumps(
        "competency-framework"
    )


# --- in the browser --------------------------------------------------------------------------


def test_no_request_leaves_the_page_and_no_error_is_logged(open_page: Any) -> None:
    """Opened from disk, the page asks for nothing but itself and logs no error."""
    page = open_page()
    page.tab.fill("#search", "risk")
    page.tab.select_option("#level", "3")
    assert page.errors == []
    assert [url.split("?")[0] for url in page.requests] == [page.tab.url.split("?")[0]]


@pytest.mark.parametrize("framework_id", list(cf.frameworks()))
def test_every_indicator_text_is_on_the_page(open_page: Any, framework_id: str) -> None:
    """With no filter, every indicator of the framework is shown, with its exact text."""
    framework = cf.load(framework_id)
    page = open_page(f"?framework={framework_id}")
    assert page.shown() == _ids(framework)
    assert page.texts() == [i.text for i in framework.indicators]


@pytest.mark.parametrize(
    "words", ["risk", "risks", "risk averse", "Value for MONEY", "pace", "team's", "policies"]
)
def test_typing_shows_exactly_what_search_finds(open_page: Any, words: str) -> None:
    """Typing words shows only the indicators civilframe.search finds, and all of them."""
    framework = cf.load("competency-framework")
    page = open_page("?framework=competency-framework")
    page.tab.fill("#search", words)
    expected = [hit.indicator.id for hit in cf.search(words, framework)]
    assert page.shown() == expected
    assert page.tab.text_content("#count").startswith(f"{len(expected)} indicator")
    if expected:
        assert page.tab.eval_on_selector_all(".indicator mark", "m => m.length") >= len(expected)


def test_the_level_grade_and_competency_filters(open_page: Any) -> None:
    """Each filter shows exactly the indicators it names."""
    ccf = cf.load("competency-framework")
    page = open_page("?framework=competency-framework")
    page.tab.select_option("#level", "3")
    assert page.shown() == _ids(ccf, lambda i: i.level_number == 3)
    page.tab.select_option("#level", "")
    page.tab.select_option("#grade", "Grade 7")
    assert page.shown() == _ids(ccf, lambda i: i.level_number == 4)
    page.tab.select_option("#competency", "delivering-at-pace")
    assert page.shown() == [i.id for i in ccf.competency("delivering-at-pace").level(4).indicators]


def test_the_cumulative_switch_shows_the_levels_below(open_page: Any) -> None:
    """In the Competency Framework the switch shows Levels 1 to n; the Behaviours have none."""
    ccf = cf.load("competency-framework")
    page = open_page("?framework=competency-framework&competency=seeing-the-big-picture&level=3")
    page.tab.check("#cumulative")
    big_picture = ccf.competency("seeing-the-big-picture")
    assert sorted(page.shown()) == sorted(i.id for i in big_picture.cumulative(3))
    behaviours = open_page("?framework=success-profiles-behaviours&level=3&cumulative=1")
    assert behaviours.tab.is_disabled("#cumulative")
    sp = cf.load("success-profiles-behaviours")
    assert behaviours.shown() == _ids(sp, lambda i: i.level_number == 3)


def test_an_id_link_opens_the_page_at_that_indicator(open_page: Any) -> None:
    """#id scrolls the indicator into view and marks it, even when filters would hide it."""
    target = "managing-a-quality-service.l2.i3"
    for query in (f"#{target}", f"?framework=leadership-in-action&q=zzz#{target}"):
        page = open_page(query)
        box = page.tab.locator(f"[id='{target}']").bounding_box()
        assert box is not None
        assert 0 <= box["y"] <= 800 - box["height"]
        assert "target" in (page.tab.get_attribute(f"[id='{target}']", "class") or "")


def test_the_address_reproduces_the_view(open_page: Any) -> None:
    """After filtering, the address opens the same view in a new tab."""
    page = open_page()
    page.tab.select_option("#framework", "competency-framework")
    page.tab.fill("#search", "decisions")
    page.tab.select_option("#grade", "HEO")
    page.tab.check("#cumulative")
    again = open_page(page.tab.url[page.tab.url.index("?") :])
    assert again.shown() == page.shown() != []
    for control in ("#framework", "#search", "#grade", "#level"):
        assert again.tab.input_value(control) == page.tab.input_value(control)
    assert again.tab.is_checked("#cumulative")


def test_lost_text_and_provenance_are_shown_in_place(open_page: Any) -> None:
    """A gap says what the source lost where it lost it; borrowed indicators name their source."""
    page = open_page("?framework=competency-framework&competency=changing-and-improving&level=5")
    gaps = page.tab.eval_on_selector_all(".gap", "g => g.map(x => x.textContent)")
    level = cf.load("competency-framework").competency("changing-and-improving").level(5)
    assert gaps == [gap.description for gap in level.gaps]
    sources = page.tab.eval_on_selector_all(".indicator .source", "s => s.map(x => x.textContent)")
    own = cf.load("competency-framework").source
    assert sources == [
        f"From {i.source.id}: {i.source.title}" if i.source != own else f"Source {own.id}"
        for i in level.indicators
    ]
    assert any(text.startswith("From 002: ") for text in sources)


def test_every_control_has_a_label_and_the_keyboard_reaches_it(open_page: Any) -> None:
    """Each control is labelled, and Tab moves through them."""
    page = open_page()
    for control in ("framework", "search", "competency", "level", "grade", "cumulative"):
        assert page.tab.locator(f"label[for='{control}']").count() == 1
    page.tab.focus("#search")
    page.tab.keyboard.press("Tab")
    assert page.tab.evaluate("document.activeElement.id") == "competency"


def test_print_hides_the_controls(open_page: Any) -> None:
    """The print stylesheet drops the controls and starts each competency on a new page."""
    page = open_page()
    page.tab.emulate_media(media="print")
    assert page.tab.eval_on_selector("#controls", "e => getComputedStyle(e).display") == "none"
    assert (
        page.tab.eval_on_selector(
            ".competency + .competency", "e => getComputedStyle(e).breakBefore"
        )
        == "page"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_keeps_its_contrast_in_light_and_dark(open_page: Any, scheme: str) -> None:
    """Text, muted text, links, marks, gaps and controls keep a contrast of at least 4.5:1."""
    page = open_page("?framework=competency-framework&q=change&level=5", color_scheme=scheme)
    for selector in (
        "h1", "#provenance", ".control label", "#search", ".indicator .text", "mark",
        ".indicator a.id", ".cluster", ".definition", ".column h4",
    ):  # fmt: skip
        ratio = page.tab.eval_on_selector(selector, CONTRAST)
        assert ratio >= 4.5, (scheme, selector, ratio)
    gap = open_page(
        "?framework=competency-framework&competency=changing-and-improving&level=3", scheme
    )
    assert gap.tab.eval_on_selector(".gap", CONTRAST) >= 4.5


def test_hostile_text_is_shown_as_text(browser: Any, tmp_path: Path) -> None:
    """Text holding </script>, <!-- and tags is data: the page renders it, character for character."""
    import json

    document = json.loads(cf.dumps("competency-framework-2012-sms1"))
    column = document["competencies"][0]["levels"][0]["effective"]
    hostile = [
        "Stop </script> here",
        "Open <!-- a comment",
        "Bold <b>tags</b> & <img src=x onerror=alert(1)>",
    ]
    for row, text in zip(column, hostile, strict=False):
        row["text"] = text
    path = tmp_path / "hostile.html"
    path.write_text(to_html(cf.loads(json.dumps(document))), encoding="utf-8")
    page = Page(browser, path.as_uri())
    try:
        assert page.texts()[:3] == hostile
        assert page.errors == []
        assert page.tab.locator("img").count() == 0
    finally:
        page.tab.close()


def test_a_shared_id_opens_in_the_framework_on_view(open_page: Any) -> None:
    """Ids repeat across frameworks: #id finds the one in the framework the address names."""
    shared = "seeing-the-big-picture.l1.e1"
    assert cf.load("success-profiles-behaviours").indicator(shared)
    page = open_page(f"?framework=success-profiles-behaviours&level=3#{shared}")
    assert page.tab.input_value("#framework") == "success-profiles-behaviours"
    text = cf.load("success-profiles-behaviours").indicator(shared).text
    assert page.tab.text_content(f"[id='{shared}'] .text") == text
    href = page.tab.get_attribute(f"[id='{shared}'] a.id", "href")
    assert href == f"?framework=success-profiles-behaviours#{shared}"


def test_a_malformed_fragment_is_ignored(open_page: Any) -> None:
    """A fragment that is not valid percent-encoding breaks nothing."""
    page = open_page("#%E0%A4%A")
    assert page.errors == []
    assert page.shown()
