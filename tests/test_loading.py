"""Loading: bundled frameworks, user documents, and the errors bad documents raise."""

from __future__ import annotations

import copy
import gc
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import civilframe as cf
from civilframe.loading import structure_document

BUNDLED = ("competency-framework", "competency-framework-2012-sms1")


@pytest.fixture
def document() -> dict[str, Any]:
    """A small valid framework document, written here."""
    return {
        "id": "tiny",
        "title": "A Tiny Framework",
        "edition": "First",
        "publisher": "A Department",
        "sources": [{"id": "src", "title": "The tiny framework"}, {"id": "old", "title": "Old"}],
        "cumulative": True,
        "level_definitions": [
            {"number": 1, "label": "AA and AO", "grades": ["AA", "AO"]},
            {"number": 2, "label": "EO", "grades": ["EO"]},
        ],
        "clusters": [{"id": "people", "title": "People Cluster"}],
        "competencies": [
            {
                "id": "listening",
                "number": 1,
                "name": "Listening & Hearing",
                "cluster": "people",
                "levels": [
                    {
                        "number": 1,
                        "effective": [{"id": "listening.l1.e1", "text": "Listen well"}],
                        "ineffective": [{"id": "listening.l1.i1", "text": "Interrupt"}],
                    },
                    {
                        "number": 2,
                        "effective": [
                            {
                                "id": "listening.l2.e1",
                                "text": "Listen to everyone",
                                "source": "old",
                                "note": "Recovered from the old edition.",
                            }
                        ],
                        "ineffective": [],
                        "gaps": [
                            {"polarity": "effective", "note": "Lost.", "recovered_from": "old"}
                        ],
                    },
                ],
            }
        ],
    }


def _problems(document: object) -> tuple[str, ...]:
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(json.dumps(document))
    return caught.value.problems


def test_frameworks_lists_bundled_ids_with_titles() -> None:
    """frameworks() maps each bundled id to its title."""
    listed = cf.frameworks()
    assert set(BUNDLED) <= set(listed)
    assert listed["competency-framework-2012-sms1"] == (
        "Civil Service Competency Framework By Grade – SMS 1"
    )


def test_load_caches_the_framework() -> None:
    """Loading a bundled framework twice gives the same object."""
    assert cf.load("competency-framework") is cf.load("competency-framework")


@pytest.mark.parametrize("framework_id", BUNDLED)
def test_bundled_file_is_canonical(framework_id: str) -> None:
    """Each bundled file is exactly what dumps() writes for it."""
    data = Path(cf.__file__).parent / "data" / "frameworks" / f"{framework_id}.json"
    assert cf.dumps(cf.load(framework_id)) == data.read_text(encoding="utf-8")


def test_unknown_framework_names_the_bundled_ids() -> None:
    """An unknown id raises NotFoundError listing what is bundled."""
    with pytest.raises(cf.NotFoundError, match="competency-framework-2012-sms1") as caught:
        cf.load("competency-frame")
    assert isinstance(caught.value, LookupError)
    assert caught.value.query == "competency-frame"


def test_loads_accepts_text_and_bytes(document: dict[str, Any]) -> None:
    """loads() reads str and UTF-8 bytes alike."""
    text = json.dumps(document)
    assert cf.loads(text) == cf.loads(text.encode("utf-8"))


def test_load_file_reads_a_path(document: dict[str, Any], tmp_path: Path) -> None:
    """load_file() reads a file and names it in errors."""
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert cf.load_file(path).id == "tiny"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(cf.InvalidDocumentError, match=r"tiny\.json"):
        cf.load_file(path)


def test_bound_fields_come_from_context(document: dict[str, Any]) -> None:
    """Each indicator knows its polarity, level, competency and source."""
    framework = cf.loads(json.dumps(document))
    first, _, recovered = framework.competency("listening").indicators
    assert (first.polarity, first.level_number, first.competency_id, first.source.id) == (
        "effective",
        1,
        "listening",
        "src",
    )
    assert (recovered.source.id, recovered.level_number) == ("old", 2)
    level = framework.competency("listening").level(2)
    assert (level.label, level.grades, level.id) == ("EO", ("EO",), "listening.l2")


def test_dumps_leaves_out_the_framework_own_source(document: dict[str, Any]) -> None:
    """Indicators from the framework's own document are written without a source key."""
    written = json.loads(cf.dumps(cf.loads(json.dumps(document))))
    levels = written["competencies"][0]["levels"]
    assert "source" not in levels[0]["effective"][0]
    assert levels[1]["effective"][0]["source"] == "old"


def test_dumps_rejects_what_is_not_a_framework() -> None:
    """dumps() says what it takes."""
    with pytest.raises(TypeError, match="expected a Framework or a bundled framework's id"):
        cf.dumps({"id": "x"})  # type: ignore[arg-type]


def test_all_problems_are_reported_at_once(document: dict[str, Any]) -> None:
    """Several problems in one document are all reported, each with its path."""
    document["cumulative"] = "yes"
    level = document["competencies"][0]["levels"][0]
    level["effective"][0]["text"] = " Listen well"
    level["ineffective"][0]["colour"] = "red"
    del document["title"]
    assert sorted(_problems(document)) == sorted(
        [
            "required key missing @ $.title",
            "expected true or false, got a string @ $.cumulative",
            "text must not have leading or trailing spaces"
            " @ $.competencies[0].levels[0].effective[0].text",
            "unknown key 'colour' @ $.competencies[0].levels[0].ineffective[0].colour",
        ]
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "text must not be empty"),
        ("Listen\twell", "text must not contain a TAB"),
        ("Listen\nwell", "text must not contain a newline or other control character"),
        ("Listen\x07well", "text must not contain a newline or other control character"),
        ("Listen well ", "text must not have leading or trailing spaces"),
        ("Listen  well", "text must not contain doubled spaces"),
        (5, "expected a string, got a number"),
        (None, "expected a string, got null"),
    ],
)
def test_bad_text_is_reported_at_its_path(
    document: dict[str, Any], text: object, problem: str
) -> None:
    """Each text rule is checked, at the text's JSON path."""
    document["competencies"][0]["levels"][0]["effective"][0]["text"] = text
    assert _problems(document) == (f"{problem} @ $.competencies[0].levels[0].effective[0].text",)


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("cumulative",), 1, "expected true or false, got a number @ $.cumulative"),
        (("sources",), "src", "expected a list, got a string @ $.sources"),
        (("competencies", 0, "levels"), {}, "expected a list, got an object @ $.competencies[0].levels"),
        (("competencies", 0), [], "expected an object, got a list @ $.competencies[0]"),
        (("competencies", 0, "number"), "1", "expected a whole number, got a string @ $.competencies[0].number"),
        (("competencies", 0, "number"), 0, "expected a number from 1 upwards, got 0 @ $.competencies[0].number"),
        (("competencies", 0, "summary"), None, "null is not allowed: leave the key out instead @ $.competencies[0].summary"),
        (("competencies", 0, "id"), "Listening", "id 'Listening' must be lower-case letters and digits, with '-' or '.' between them @ $.competencies[0].id"),
        (("competencies", 0, "levels", 1, "gaps", 0, "polarity"), "lost", "expected one of 'effective', 'ineffective', got 'lost' @ $.competencies[0].levels[1].gaps[0].polarity"),
        (("competencies", 0, "levels", 0, "gaps"), None, "expected a list, got null @ $.competencies[0].levels[0].gaps"),
        (("competencies", 0, "levels", 0, "gaps"), {}, "expected a list, got an object @ $.competencies[0].levels[0].gaps"),
        (("competencies", 0, "levels", 0, "gaps"), 0, "expected a list, got a number @ $.competencies[0].levels[0].gaps"),
        (("competencies", 0, "levels", 1, "effective", 0, "note"), None, "null is not allowed: leave the key out instead @ $.competencies[0].levels[1].effective[0].note"),
        (("competencies", 0, "levels", 1, "effective", 0, "source"), None, "null is not allowed: leave the key out instead @ $.competencies[0].levels[1].effective[0].source"),
    ],
)  # fmt: skip
def test_wrong_types_are_reported_at_their_path(
    document: dict[str, Any], path: tuple[Any, ...], value: object, problem: str
) -> None:
    """A value of the wrong type is one problem, at its path."""
    node: Any = document
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    assert _problems(document) == (problem,)


def test_duplicate_competency_names_are_an_error(document: dict[str, Any]) -> None:
    """Two competencies whose names match after folding case and "&" are an error."""
    twin = copy.deepcopy(document["competencies"][0])
    twin["id"] = "listening-2"
    twin["name"] = "listening and hearing"
    for level in twin["levels"]:
        for polarity in ("effective", "ineffective"):
            for indicator in level[polarity]:
                indicator["id"] = indicator["id"].replace("listening", "listening-2")
    document["competencies"].append(twin)
    assert _problems(document) == (
        "duplicate competency name 'listening and hearing': also the name of "
        "$.competencies[0] @ $.competencies[1].name",
    )


def test_a_competency_outside_every_cluster_is_an_error(document: dict[str, Any]) -> None:
    """Where the framework has clusters, each competency names one of them."""
    del document["competencies"][0]["cluster"]
    assert _problems(document) == (
        "competency 'listening' is in no cluster; the framework has clusters"
        " @ $.competencies[0].cluster",
    )


def test_an_unknown_cluster_is_an_error(document: dict[str, Any]) -> None:
    """A competency's cluster must be one the framework defines."""
    document["competencies"][0]["cluster"] = "things"
    (problem,) = _problems(document)
    assert problem.startswith("competency 'listening' names cluster 'things'")


def test_an_unknown_source_is_an_error(document: dict[str, Any]) -> None:
    """Indicator sources and gap recoveries must name the framework's sources."""
    level = document["competencies"][0]["levels"][1]
    level["effective"][0]["source"] = "elsewhere"
    level["gaps"][0]["recovered_from"] = "nowhere"
    assert [problem.split(" @ ")[1] for problem in _problems(document)] == [
        "$.competencies[0].levels[1].effective[0].source",
        "$.competencies[0].levels[1].gaps[0].recovered_from",
    ]


def test_a_level_the_framework_does_not_define_is_an_error(document: dict[str, Any]) -> None:
    """Level numbers must be among the framework's level definitions."""
    document["competencies"][0]["levels"][1]["number"] = 7
    problems = _problems(document)
    assert problems[0] == (
        "competency 'listening' Level 7: the framework defines no Level 7"
        " @ $.competencies[0].levels[1].number"
    )
    assert problems[1].startswith("competency 'listening' Level 2: Level 2 is missing")


def test_level_definitions_must_be_contiguous(document: dict[str, Any]) -> None:
    """Level definitions with a hole in them are an error."""
    document["level_definitions"][1]["number"] = 3
    assert (
        "level definitions must be contiguous and ascending, got levels 1, 3"
        in _problems(document)[0]
    )


def test_no_sources_is_an_error(document: dict[str, Any]) -> None:
    """A framework names at least its own source document."""
    document["sources"] = []
    assert "a framework needs at least one source document @ $.sources" in _problems(document)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'{"id": "x",\n "title": }', "malformed JSON at line 2 column 11 (position 22)"),
        (b'{"id": "\xff"}', "not UTF-8: byte 0xff at position 8"),
        (b"NaN", "malformed JSON: NaN is not a JSON value"),
        (b"[" * 100_000, "malformed JSON: nested too deeply"),
        (b"[1, 2]", "expected an object, got a list"),
        (b'"framework"', "expected an object, got a string"),
    ],
)
def test_unreadable_documents_raise_the_library_error(data: bytes, problem: str) -> None:
    """Bytes that are not a JSON object raise InvalidDocumentError with the position."""
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(data)
    assert caught.value.problems[0].startswith(problem)
    assert isinstance(caught.value, ValueError)


def test_loads_rejects_what_is_not_text() -> None:
    """loads() of something that is neither str nor bytes is the library error."""
    with pytest.raises(cf.InvalidDocumentError, match="expected JSON text as str or bytes"):
        cf.loads(42)  # type: ignore[arg-type]


def test_error_message_counts_and_lists_problems() -> None:
    """The message has a count line, then one indented line per problem."""
    error = cf.InvalidDocumentError(("a @ $.x", "b @ $.y"), "f.json")
    assert str(error) == "invalid document f.json: 2 problems\n  a @ $.x\n  b @ $.y"


def test_loading_leaves_the_garbage_collector_alone(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading never switches the host's collector off or on, on success or failure."""
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    monkeypatch.setattr(gc, "enable", lambda: calls.append("enable"))
    cf.loads(json.dumps(document))
    with pytest.raises(cf.InvalidDocumentError):
        cf.loads("{")
    with pytest.raises(cf.InvalidDocumentError):
        cf.loads(json.dumps({**document, "competencies": 3}))
    assert calls == []


def test_a_host_that_switched_its_collector_off_keeps_it_off(document: dict[str, Any]) -> None:
    """A host that disabled the collector finds it disabled after a load."""
    gc.disable()
    try:
        cf.loads(json.dumps(document))
        assert not gc.isenabled()
    finally:
        gc.enable()


def _fresh_python(code: str) -> list[str]:
    """The lines ``code`` prints in a new interpreter, which must succeed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines() or [""]


def test_import_civilframe_leaves_the_analysis_modules_and_extras_unloaded() -> None:
    """``import civilframe`` costs the model and the loader; the rest loads on first use."""
    code = (
        "import sys, civilframe\n"
        "heavy = ['civilframe.analysis.compare', 'civilframe.analysis.quotes',\n"
        "         'civilframe.reference.mapping', 'civilframe.profiles', 'civilframe.export',\n"
        "         'civilframe.render.notebook', 'civilframe.render.terminal',\n"
        "         'civilframe.reference.grade_table', 'civilframe.reference.assessment',\n"
        "         'difflib', 'pandas', 'jsonschema', 'importlib.metadata',\n"
        "         'importlib.resources']\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    assert _fresh_python(code) == [""]


@pytest.mark.parametrize(
    "first",
    [
        "civilframe.analysis.compare",
        "civilframe.reference.mapping",
        "civilframe.analysis.find",
        "civilframe.reference.grade_table",
        "civilframe.reference.assessment",
        "civilframe.cli",
    ],
)
def test_public_functions_are_not_shadowed_by_modules(first: str) -> None:
    """However a module is first imported, ``civilframe.diff`` is the function.

    Modules are named for what they hold, so no module shares a public function's name, and
    the package is a plain module (no module class of its own).
    """
    code = (
        f"import importlib, types; importlib.import_module({first!r})\n"
        "import civilframe\n"
        "names = ['diff', 'crosswalk', 'search', 'grades', 'elements', 'translate',\n"
        "         'SuccessProfile']\n"
        "print([type(getattr(civilframe, n)).__name__ for n in names])\n"
        "print(sorted(set(civilframe.__all__) - set(dir(civilframe))))\n"
        "print(type(civilframe) is types.ModuleType)\n"
    )
    assert _fresh_python(code) == [
        "['function', 'function', 'function', 'function', 'function', 'function', 'type']",
        "[]",
        "True",
    ]


def test_threads_loading_one_bundled_framework_get_one_object() -> None:
    """Eight threads asking at once for a framework not yet loaded all get the same object."""
    code = (
        "import threading, civilframe\n"
        "barrier = threading.Barrier(8)\n"
        "found = []\n"
        "def run():\n"
        "    barrier.wait()\n"
        "    found.append(civilframe.load('competency-framework'))\n"
        "threads = [threading.Thread(target=run) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(found), len({id(f) for f in found}))\n"
    )
    assert _fresh_python(code) == ["8 1"]


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    """The lazy names do not hide a misspelt one."""
    with pytest.raises(AttributeError, match="no attribute 'dif'"):
        cf.dif  # noqa: B018


def test_a_document_over_the_size_limit_is_refused_unparsed(document: dict[str, Any]) -> None:
    """The limit counts UTF-8 bytes, and the error says how to raise it."""
    text = json.dumps(document, ensure_ascii=False)
    size = len(text.encode("utf-8"))
    assert cf.loads(text, max_bytes=size) == cf.loads(text)
    for data in (text, text.encode("utf-8")):
        with pytest.raises(cf.InvalidDocumentError) as caught:
            cf.loads(data, max_bytes=size - 1, origin="big.json")
        assert caught.value.origin == "big.json"
        assert caught.value.problems == (
            f"document too large: {size:,} bytes, over the limit of {size - 1:,} "
            "(pass a larger max_bytes, or None for no limit) @ $",
        )


def test_the_size_limit_counts_bytes_not_characters() -> None:
    """Six two-byte letters are twelve bytes: over a limit of ten though only six characters."""
    with pytest.raises(cf.InvalidDocumentError, match="12 bytes, over the limit of 10"):
        cf.loads("éééééé", max_bytes=10)
    with pytest.raises(cf.InvalidDocumentError, match="expected an object"):
        cf.loads('"ééé"', max_bytes=10)


def test_the_default_limit_is_64_mib_and_none_lifts_it() -> None:
    """Over the default the error comes before parsing; with None the same text is parsed."""
    big = "[" + " " * cf.loading.MAX_BYTES + "]"
    with pytest.raises(cf.InvalidDocumentError, match="over the limit of 67,108,864"):
        cf.loads(big)
    with pytest.raises(cf.InvalidDocumentError, match="expected an object, got a list"):
        cf.loads(big, max_bytes=None)


def test_a_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    """load_file applies the limit to the file's size and names the file."""
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    size = path.stat().st_size
    assert cf.load_file(path, max_bytes=size).id == document["id"]
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.load_file(path, max_bytes=size - 1)
    assert caught.value.origin == str(path)
    assert f"document too large: {size:,} bytes" in caught.value.problems[0]


@pytest.mark.parametrize(
    ("max_bytes", "error"), [(0, ValueError), (-5, ValueError), (True, TypeError), ("1", TypeError)]
)
def test_a_bad_size_limit_is_refused(max_bytes: Any, error: type[Exception]) -> None:
    """A limit that is not a positive whole number or None is a mistake, said at once."""
    with pytest.raises(error, match="max_bytes"):
        cf.loads("{}", max_bytes=max_bytes)


def test_nesting_past_the_parser_depth_is_the_library_error() -> None:
    """Nesting deeper than the parser takes is the error, not a RecursionError."""
    depth = 1_000_000  # past the limit of every Python's parser (about 1,000 to 10,000)
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads("[" * depth + "]" * depth)
    assert caught.value.problems == ("malformed JSON: nested too deeply @ $",)


def test_a_pipe_over_the_size_limit_is_refused_after_the_limit(tmp_path: Path) -> None:
    """A file that states no size (a pipe) is read only to one byte past the limit."""
    read, write = os.pipe()
    with os.fdopen(write, "wb") as sink:
        sink.write(b" " * 5_000)
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.load_file(f"/dev/fd/{read}", max_bytes=1_000)
    os.close(read)
    assert caught.value.problems[0].startswith(
        "document too large: more than 1,000 bytes, over the limit of 1,000"
    )


def test_every_public_name_resolves_to_its_modules_object() -> None:
    """Each lazy name is its module's own public object, and every listed name resolves."""
    for name, module_name in cf._LAZY.items():
        module = importlib.import_module(f"civilframe.{module_name}")
        assert name in module.__all__, (module_name, name)
        assert getattr(cf, name) is getattr(module, name)
    assert all(getattr(cf, name) is not None for name in cf.__all__)


@pytest.mark.parametrize("where", ["rows", "list"])
def test_a_document_with_many_problems_reports_the_first_hundred_and_counts_the_rest(
    document: dict[str, Any], where: str
) -> None:
    """Every problem is counted, the first 100 kept: the error stays small whatever the input."""
    if where == "rows":
        document["competencies"][0]["levels"][0]["effective"] = [0] * 250
        first = "expected an object, got a number @ $.competencies[0].levels[0].effective[0]"
    else:
        document["introduction"] = [0] * 250
        first = "expected a string, got a number @ $.introduction[0]"
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(json.dumps(document))
    error = caught.value
    assert (len(error.problems), error.more) == (100, 150)
    assert error.problems[0] == first
    assert str(error).splitlines()[0].endswith(": 250 problems")
    assert str(error).splitlines()[-1] == "  … and 150 more"


# --- input the loader refuses (hardening) ------------------------------------------------------


def test_a_lone_surrogate_is_refused_at_its_path(document: dict[str, Any]) -> None:
    """Text that cannot be written as UTF-8 is refused at load, never met later at output."""
    document["competencies"][0]["levels"][0]["effective"][0]["text"] = "Listen \ud800 well"
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(json.dumps(document))
    (problem,) = caught.value.problems
    assert problem.startswith("text must not contain a lone surrogate ('\\ud800')")
    assert problem.endswith("@ $.competencies[0].levels[0].effective[0].text")


def test_a_repeated_key_is_refused_at_its_path(document: dict[str, Any]) -> None:
    """A key given twice (the last would silently win, dropping indicators) is refused."""
    text = json.dumps(document).replace('"effective": [', '"effective": [], "effective": [', 1)
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(text)
    assert caught.value.problems == (
        "duplicate key 'effective': each key may appear once in an object"
        " @ $.competencies[0].levels[0].effective",
    )


@pytest.mark.parametrize("wrong", [3, b"framework.json", None])
def test_load_file_takes_a_path_never_a_descriptor(tmp_path: Path, wrong: object) -> None:
    """load_file(3) is a TypeError before anything opens: the host's descriptor 3 stays open."""
    path = tmp_path / "f.json"
    path.write_text("{}", encoding="utf-8")
    with open(path, "rb") as held:
        with pytest.raises(TypeError, match="expected a file path"):
            cf.load_file(held.fileno() if wrong == 3 else wrong)  # type: ignore[arg-type]
        assert held.read() == b"{}"  # still open, still readable


def test_too_large_text_is_counted_in_characters() -> None:
    """A str over the limit by characters says characters, not bytes."""
    with pytest.raises(cf.InvalidDocumentError, match="20 characters, over the limit of 10"):
        cf.loads("é" * 20, max_bytes=10)
    with pytest.raises(cf.InvalidDocumentError, match="12 bytes, over the limit of 10"):
        cf.loads("é" * 6, max_bytes=10)


def test_thousands_of_undefined_levels_are_refused_quickly_and_briefly(
    document: dict[str, Any],
) -> None:
    """A competency of 3,000 levels is checked in one pass; the error keeps 100 problems."""
    level = document["competencies"][0]["levels"][0]
    document["competencies"][0]["levels"] = [
        {**level, "number": n, "effective": [], "ineffective": [], "gaps": []}
        for n in range(1, 3001)
    ]
    with pytest.raises(cf.InvalidDocumentError) as caught:
        cf.loads(json.dumps(document))
    assert len(caught.value.problems) == 100
    assert caught.value.more > 2000
    assert "the framework defines no Level 3 @ $.competencies[0].levels[2].number" in str(
        caught.value
    )


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("date", "July 2012", "must be ISO 8601"),
        ("date", "2012-13", "no calendar date"),
        ("url", "www.gov.uk", "must be absolute"),
        ("url", "https://www.gov.uk/a b", "must not contain spaces"),
    ],
)
def test_a_malformed_source_fact_is_an_error_at_its_path(
    document: dict[str, Any], field: str, value: str, says: str
) -> None:
    """A source's date or URL is checked like every other field, and named by its path."""
    document["sources"][0][field] = value
    (problem,) = _problems(document)
    assert problem.endswith(f"@ $.sources[0].{field}")
    assert says in problem
    assert repr(value) in problem


def test_an_indicator_id_used_twice_is_placed_at_both_uses(document: dict[str, Any]) -> None:
    """The problem names the competency and level of the later use, and both paths."""
    listening = document["competencies"][0]
    listening["levels"][1]["effective"][0]["id"] = "listening.l1.i1"
    assert _problems(document) == (
        "duplicate id 'listening.l1.i1' in competency 'listening' Level 2 (first used at "
        "$.competencies[0].levels[0].ineffective[0].id) @ $.competencies[0].levels[1].effective[0].id",
    )
    listening["levels"][1]["effective"][0]["text"] = "Listen  twice"  # built row by row now
    assert _problems(document) == (
        "text must not contain doubled spaces @ $.competencies[0].levels[1].effective[0].text",
    )
    listening["levels"][1]["effective"][0]["text"] = "Listen to everyone"
    listening["levels"][1]["effective"].append({"id": "listening.l1.i1", "text": "Again"})
    listening["levels"][1]["effective"][0]["id"] = "listening.l2.e1"
    listening["levels"][1]["ineffective"] = [{"id": "listening.l2.i1", "text": "Not\u00a0so"}]
    assert _problems(document) == (
        "duplicate id 'listening.l1.i1' in competency 'listening' Level 2 (first used at "
        "$.competencies[0].levels[0].ineffective[0].id) @ $.competencies[0].levels[1].effective[1].id",
    )


def test_competencies_without_levels_still_have_their_ids_checked() -> None:
    """Leadership in Action's competencies hold no levels; one given twice is still found."""
    document = json.loads(cf.dumps(cf.load("leadership-in-action")))
    document["competencies"].append(copy.deepcopy(document["competencies"][0]))
    first = document["competencies"][0]
    assert _problems(document)[0] == (
        f"duplicate id {first['id']!r} (first used at $.competencies[0].id) @ $.competencies[8].id"
    )


def test_a_document_of_dicts_structures_as_its_text_loads(document: dict[str, Any]) -> None:
    """The converter takes parsed JSON with dicts for objects too, as a caller builds it."""
    assert structure_document(document, cf.Framework) == cf.loads(json.dumps(document))
    document["competencies"][0]["levels"][0]["effective"][0]["note"] = None
    with pytest.raises(cf.InvalidDocumentError, match=r"null is not allowed.*effective\[0\]\.note"):
        structure_document(document, cf.Framework)


@pytest.mark.parametrize("read", [cf.loads, cf.loads_profile])
def test_both_values_of_a_repeated_key_are_searched_for_repeats(read: Any) -> None:
    """A key given twice is reported, and so is a repeat inside either of its values."""
    with pytest.raises(cf.InvalidDocumentError) as caught:
        read('{"a": {"b": 1, "b": 2}, "a": {"c": 1, "c": 2}}')
    assert caught.value.problems == (
        "duplicate key 'a': each key may appear once in an object @ $.a",
        "duplicate key 'b': each key may appear once in an object @ $.a.b",
        "duplicate key 'c': each key may appear once in an object @ $.a.c",
    )
