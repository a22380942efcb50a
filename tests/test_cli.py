"""The command line, run through its real entry point ``civilframe.cli.main``."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import civilframe as cf
from civilframe.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "profiles"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_list_names_every_bundled_framework(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe list` prints each bundled id, its aliases and its title."""
    status, out, _ = _run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    for framework_id, title in cf.frameworks().items():
        aliases = [a for a, target in cf.framework_aliases().items() if target == framework_id]
        heading = framework_id + (f"  (also: {', '.join(aliases)})" if aliases else "")
        assert heading in lines
        assert title in out


def test_grades_prints_the_table_and_its_json(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe grades` prints every grade with its level; --json the same as data."""
    status, out, _ = _run(capsys, "grades", "--framework", "behaviours")
    assert status == 0
    for item in cf.grades("success-profiles-behaviours"):
        assert f"Level {item.level}  ({item.level_label})" in out
    status, out, _ = _run(capsys, "grades", "--framework", "sms1", "--json")
    assert status == 0
    assert json.loads(out) == [
        {
            "grade": "Deputy Director",
            "title": "Deputy Director",
            "aliases": list(cf.grade("DD").aliases),
            "level": 5,
            "framework": "competency-framework-2012-sms1",
            "level_label": "SMS 1",
            "source": "002",
        }
    ]


def test_show_a_framework_lists_clusters_competencies_and_levels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`civilframe show FRAMEWORK` lists clusters, competencies with ids, and levels."""
    status, out, _ = _run(capsys, "show", "competency-framework")
    assert status == 0
    assert (
        "Strategic Cluster – Setting Direction\n  1. Seeing the Big Picture  [seeing-the-big-picture]"
        in out
    )
    assert "  Level 4: Grade 7 & 6 or equiv\n" in out


def test_show_a_level_prints_its_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    """`show FRAMEWORK COMPETENCY --level N` prints that level's indicators and no other."""
    status, out, _ = _run(
        capsys, "show", "competency-framework", "changing & improving", "--level", "3"
    )
    assert status == 0
    assert "Level 3 (HEO & SEO or equiv)" in out
    assert "Level 2 (" not in out
    assert "Gap (effective): The source lost the effective column" in out
    competency = cf.load("competency-framework").competency("changing and improving")
    first = competency.level(3).ineffective[0].text
    assert first.split()[0] in out


def test_show_by_grade_cumulatively(capsys: pytest.CaptureFixture[str]) -> None:
    """`--grade HEO --cumulative` shows Levels 1 to 3 in a cumulative framework."""
    status, out, _ = _run(
        capsys,
        "show",
        "competency-framework",
        "seeing the big picture",
        "--grade",
        "HEO",
        "--cumulative",
    )
    assert status == 0
    assert [line.strip() for line in out.splitlines() if line.startswith("  Level ")] == [
        "Level 1 (AA and AO or equiv)",
        "Level 2 (EO or equiv)",
        "Level 3 (HEO & SEO or equiv)",
    ]


def test_show_wraps_to_the_terminal_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long indicators are wrapped to the terminal's width."""
    monkeypatch.setenv("COLUMNS", "60")
    _run(capsys, "show", "competency-framework", "seeing the big picture", "--level", "6")
    _, out, _ = _run(
        capsys, "show", "competency-framework", "seeing the big picture", "--level", "6"
    )
    assert max(len(line) for line in out.splitlines()) <= 60


def test_search_prints_where_each_hit_sits(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe search WORDS --framework F` prints each hit's place and text, then a count."""
    status, out, _ = _run(
        capsys, "search", "national", "interest", "--framework", "competency-framework"
    )
    assert status == 0
    assert "competency-framework › Seeing the Big Picture › Level 5 effective" in out
    assert out.endswith("2 indicators found\n")


def test_search_wraps_to_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Headings and texts of the hits fit the terminal's width, the id kept whole."""
    monkeypatch.setenv("COLUMNS", "60")
    _, out, _ = _run(capsys, "search", "value", "for", "money")
    assert max(len(line) for line in out.splitlines()) <= 60
    ids = re.findall(r"\[([a-z0-9.-]+)\]", out)
    assert f"{len(ids)} indicators found" in out
    assert "managing-a-quality-service.l6.e4" in ids


def test_profile_checks_and_renders(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe profile FILE` renders a clean profile as Markdown and exits 0."""
    path = EXAMPLES / "annex-i-hr-project-management.json"
    status, out, err = _run(capsys, "profile", str(path))
    assert (status, err) == (0, "")
    assert out.startswith("# HR Project Management\n")
    assert "- **Level:** 3 (HEO & SEO or equiv)" in out


def test_profile_with_errors_exits_non_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A profile with errors prints its findings on stderr and exits 1."""
    path = tmp_path / "role.json"
    path.write_text(
        json.dumps({"title": "A", "grade": "Grade 7", "framework": "competency-framework",
                    "stated_level": 3, "competencies": ["Flying"]}),
        encoding="utf-8",
    )  # fmt: skip
    status, out, err = _run(capsys, "profile", str(path))
    assert status == 1
    assert out == ""
    assert "error: the stated Level 3 disagrees with grade 'Grade 7'" in err
    assert "error: competency 1: no competency 'Flying'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], "civilframe: error: no framework 'nope'; did you mean:"),
        (["show", "competency-framework", "flying"], "civilframe: error: no competency 'flying'"),
        (["show", "competency-framework", "--grade", "G9"], "civilframe: error: no grade 'G9'"),
        (["profile", "missing.json"], "civilframe: error: [Errno 2] No such file or directory"),
    ],
)
def test_errors_are_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A library or file error is one line on stderr and exit status 1, never a traceback."""
    status, out, err = _run(capsys, *argv)
    assert status == 1
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_an_invalid_framework_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An invalid framework file's problems are reported on one line."""
    path = tmp_path / "bad.json"
    path.write_text('{"id": "x"}', encoding="utf-8")
    status, _, err = _run(capsys, "show", str(path))
    assert status == 1
    assert err.count("\n") == 1
    assert "required key missing @ $.title" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A usage error exits with status 2, as argparse does."""
    with pytest.raises(SystemExit) as caught:
        main(["show"])
    assert caught.value.code == 2
    assert "usage: civilframe show" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", ["list", "show", "search", "profile", "export", "diff", "check"]
)
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    """`--help` works on each command."""
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"usage: civilframe {command}" in capsys.readouterr().out


def test_python_dash_m_runs_the_command_line() -> None:
    """`python -m civilframe` is the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "civilframe", "list"], capture_output=True, text=True, check=True
    )
    assert result.stdout.split()[0] == "competency-framework"


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "case"])
def test_export_writes_each_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """`civilframe export F --format X -o FILE` writes what the export package writes."""
    from civilframe import export as exports

    framework = cf.load("competency-framework-2012-sms1")
    expected = {
        "json": exports.to_json,
        "csv": exports.to_csv,
        "markdown": exports.to_markdown,
        "case": exports.to_case,
    }[fmt](framework)
    target = tmp_path / f"out.{fmt}"
    status, out, _ = _run(capsys, "export", framework.id, "--format", fmt, "-o", str(target))
    assert (status, out) == (0, "")
    assert target.read_bytes() == expected.encode("utf-8")


def test_export_json_to_stdout_reads_back(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON export printed to stdout loads back to an equal framework."""
    status, out, _ = _run(capsys, "export", "competency-framework", "--format", "json")
    assert status == 0
    assert cf.loads(out) == cf.load("competency-framework")


def test_diff_reports_the_editions(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe diff A B` prints the diff report."""
    status, out, _ = _run(capsys, "diff", "competency-framework-2012-sms1", "competency-framework")
    assert status == 0
    expected = cf.render_diff(
        cf.diff(cf.load("competency-framework-2012-sms1"), cf.load("competency-framework"))
    )
    assert out == expected


def test_crosswalk_prints_a_link(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe crosswalk COMPETENCY` prints its link and the editorial statement."""
    status, out, _ = _run(capsys, "crosswalk", "Leading and Communicating")
    assert status == 0
    assert "not an official" in out
    assert "Leadership + Communicating and Influencing" in out


def test_check_on_a_clean_document_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A document quoting indicators verbatim checks clean."""
    level = cf.load("competency-framework").competency("Delivering at Pace").level(4)
    path = tmp_path / "advert.txt"
    path.write_text(
        "Delivering at Pace\nLevel 4\n" + "\n".join(i.text for i in level.effective) + "\n",
        encoding="utf-8",
    )
    status, out, _ = _run(
        capsys, "check", str(path), "--framework", "competency-framework", "--level", "4"
    )
    assert status == 0
    assert "6 verbatim" in out


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent: no Home Office pack")
def test_check_the_home_office_pack(capsys: pytest.CaptureFixture[str]) -> None:
    """`civilframe check` on the Home Office pack reports its copying errors and exits 1."""
    pack = SEEDS / "003_72f8e6c853ff4f57.txt"
    status, out, _ = _run(capsys, "check", str(pack), "--framework", "competency-framework")
    assert status == 1
    assert out.rstrip().endswith(
        "172 statements: 162 verbatim, 1 near, 9 wrong-column, 0 other-level, 0 other-framework, 0 unknown"
    )


# --- the terminal (hardening) --------------------------------------------------------------------


def test_export_to_dash_writes_standard_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o -` means standard output: no file named "-" appears."""
    monkeypatch.chdir(tmp_path)
    status, out, _ = _run(capsys, "export", "lia", "--format", "json", "-o", "-")
    assert status == 0
    assert cf.loads(out) == cf.load("leadership-in-action")
    assert list(tmp_path.iterdir()) == []


def test_check_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check -` reads the document from standard input, a byte order mark dropped."""
    quoted = cf.load("ccf").competency("Seeing the Big Picture").level(3).effective[0].text
    data = f"\ufeffSeeing the Big Picture\nEffective\n{quoted}\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = _run(capsys, "check", "-", "--framework", "ccf")
    assert status == 0
    assert "verbatim      seeing-the-big-picture.l3.e1" in out


def test_check_shows_escape_sequences_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A document's control characters reach the terminal escaped, never as themselves."""
    path = tmp_path / "advert.txt"
    path.write_text("Effective\n\x1b[31mred words to make a long enough statement\x1b[0m\n")
    _, out, _ = _run(capsys, "check", str(path), "--framework", "ccf")
    assert "\x1b" not in out
    assert "\\x1b[31mred words" in out


def test_check_refuses_a_stream_without_end(capsys: pytest.CaptureFixture[str]) -> None:
    """The size limit applies to streams that state no size: /dev/zero is cut at the limit."""
    if not Path("/dev/zero").exists():  # pragma: no cover - every CI system here has it
        pytest.fail("this test needs /dev/zero")
    status, _, err = _run(capsys, "check", "/dev/zero", "--framework", "ccf")
    assert status == 2  # an input error
    assert "document too large: more than 67,108,864 bytes" in err


def test_check_reads_a_windows_1252_document_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A document saved as Windows-1252 is read, its curly quotes and dashes kept verbatim."""
    quoted = cf.load("competency-framework").indicator("seeing-the-big-picture.l3.e1").text
    path = tmp_path / "advert.txt"
    curly = quoted.replace("'", "\u2019")
    path.write_bytes(f"Caf\u00e9 \u2013 Windows\n\u2022 {curly}".encode("cp1252"))
    status, out, err = _run(capsys, "check", str(path), "--framework", "ccf", "--json")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["encoding"] == "Windows-1252"
    assert [f["status"] for f in report["findings"]] == ["verbatim"]
    assert report["findings"][0]["typography"] == ["quotation marks"]


def test_check_without_a_framework_chooses_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No --framework: the bundled framework the document quotes most, named in the report."""
    behaviours = cf.load("success-profiles-behaviours")
    path = tmp_path / "notes.md"
    path.write_text("\n".join(f"- {i.text}" for i in behaviours.indicators[:5]), "utf-8")
    status, out, _ = _run(capsys, "check", str(path), "--json")
    report = json.loads(out)
    assert (status, report["framework"], report["chosen"]) == (0, behaviours.id, True)
    assert report["format"] == "markdown"
    status, out, _ = _run(capsys, "check", str(path))
    assert out.splitlines()[0].endswith("(chosen: the bundled framework the document quotes most)")


def test_check_takes_the_level_as_a_grade(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--grade HEO claims Level 3; a Level 4 indicator is then other-level, and exit 1."""
    level4 = cf.load("competency-framework").competency("Delivering at Pace").level(4)
    path = tmp_path / "advert.txt"
    path.write_text(f"Effective\n{level4.effective[0].text}\n", "utf-8")
    status, out, _ = _run(
        capsys, "check", str(path), "--framework", "ccf", "--grade", "HEO", "--json"
    )
    report = json.loads(out)
    assert (status, report["level"]) == (1, 3)
    finding = report["findings"][0]
    assert (finding["status"], finding["indicator"], finding["level"]) == (
        "other-level",
        level4.effective[0].id,
        3,
    )
    for key in ("statement", "line", "competency", "polarity", "typography", "difference"):
        assert key in finding
    assert {"elsewhere", "closest"} <= set(finding)


def test_check_level_and_grade_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--level and --grade say the same thing twice: exit 2."""
    with pytest.raises(SystemExit) as stopped:
        main(["check", "-", "--level", "3", "--grade", "HEO"])
    assert stopped.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_check_refuses_a_binary_file_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bytes that are no text document are one line of error naming the file, no traceback."""
    path = tmp_path / "picture.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, _, err = _run(capsys, "check", str(path), "--framework", "ccf")
    assert status == 2  # an input error
    assert err.startswith(f"civilframe: error: invalid document {path}")
    assert "binary, not a text document" in err


def test_ctrl_c_is_one_line_and_exit_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt ends the command with one line on standard error and status 130."""

    def interrupted(*_: object) -> list[dict[str, object]]:
        raise KeyboardInterrupt

    monkeypatch.setattr("civilframe.render.records.listing", interrupted)
    status, out, err = _run(capsys, "list")
    assert (status, out, err) == (130, "", "civilframe: interrupted\n")


def test_an_output_file_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    """Text that cannot be written leaves no file, not even an empty one."""
    from civilframe.cli import _write_whole

    target = tmp_path / "out.txt"
    with pytest.raises(UnicodeEncodeError):
        _write_whole(str(target), "fine \ud800 broken")
    assert list(tmp_path.iterdir()) == []
    _write_whole(str(target), "whole")
    assert target.read_text(encoding="utf-8") == "whole"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_cumulative_without_a_level_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--cumulative is never silently ignored: without --level or --grade it is exit status 2."""
    with pytest.raises(SystemExit) as caught:
        main(["show", "ccf", "--cumulative"])
    assert caught.value.code == 2
    assert "--cumulative needs --level or --grade" in capsys.readouterr().err


def test_every_option_has_help_and_every_command_examples() -> None:
    """Each option of each subcommand says what it does; each subcommand's help ends in examples."""
    import argparse

    from civilframe.cli import _parser

    (commands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    for name, command in commands.choices.items():
        for action in command._actions:
            assert action.help, (name, action.dest)
        assert command.epilog is not None
        assert "example" in command.epilog, name
        assert f"civilframe {name}" in command.epilog, name


def test_output_piped_into_head_ends_quietly() -> None:
    """A reader that stops early (| head -1) leaves no traceback and no error message."""
    pipeline = subprocess.run(
        f"{sys.executable} -m civilframe export competency-framework --format csv | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert pipeline.stdout.startswith("framework,cluster,")
    assert pipeline.stderr == ""


# --- --json on every reading command ----------------------------------------------------------

INDICATOR_KEYS = {"id", "text", "polarity", "level", "competency", "source", "note"}


def _json_of(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    status, out, _ = _run(capsys, *argv, "--json")
    return status, json.loads(out)


def test_json_list_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    """`list` and `search` print one JSON document with stable keys."""
    _, listed = _json_of(capsys, "list")
    assert [item["id"] for item in listed] == list(cf.frameworks())
    assert all(set(item) == {"id", "title", "aliases", "competencies", "levels"} for item in listed)
    _, hits = _json_of(capsys, "search", "risk", "averse", "--framework", "ccf")
    assert sorted(h["id"] for h in hits) == sorted(
        h.indicator.id for h in cf.search("risk averse", "ccf")
    )
    assert all(set(h) == INDICATOR_KEYS | {"framework", "where", "matched"} for h in hits)
    assert all({"risk", "averse"} <= {w.lower() for w in h["matched"]} for h in hits)


def test_json_show_gives_the_levels_shown(capsys: pytest.CaptureFixture[str]) -> None:
    """`show --json` holds the competencies and levels the text shows, cumulatively too."""
    _, shown = _json_of(
        capsys, "show", "ccf", "seeing-the-big-picture", "--grade", "SEO", "--cumulative"
    )
    (competency,) = shown["competencies"]
    assert [level["number"] for level in competency["levels"]] == [1, 2, 3]
    expected = cf.load("ccf").competency("seeing-the-big-picture").cumulative(3)
    got = [
        i["id"] for lv in competency["levels"] for p in ("effective", "ineffective") for i in lv[p]
    ]
    assert sorted(got) == sorted(i.id for i in expected)


def test_json_check_diff_crosswalk_and_profile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """check, diff, crosswalk and profile print what the library reports, with their exit codes."""
    quoted = cf.load("ccf").competency("Seeing the Big Picture").level(3).effective[0].text
    advert = tmp_path / "advert.txt"
    advert.write_text(f"Effective\n{quoted}\nMake it so, whatever the weather and the wind\n")
    status, report = _json_of(capsys, "check", str(advert), "--framework", "ccf")
    expected = cf.check_quotes(advert.read_text(), "ccf")
    assert status == 1
    assert report["counts"] == expected.counts
    assert [f["indicator"] for f in report["findings"]] == [
        f.indicator.id if f.indicator else None for f in expected.findings
    ]
    _, difference = _json_of(capsys, "diff", "sms1", "ccf")
    assert difference["counts"]["effective"] == cf.diff("sms1", "ccf").counts("effective")
    _, walk = _json_of(capsys, "crosswalk", "Delivering at Pace")
    assert [link["competency"] for link in walk["links"]] == ["delivering-at-pace"]
    assert walk["official"] is False
    path = "examples/profiles/annex-a-senior-hr-business-partner.json"
    status, role = _json_of(capsys, "profile", str(Path(__file__).parents[1] / path))
    assert (status, role["level"], role["findings"]) == (0, 4, [])
    assert [r["competency"] for r in role["requirements"]] == [
        r.competency.id for r in cf.load_profile(Path(__file__).parents[1] / path).requirements()
    ]


def test_an_output_file_keeps_its_mode_and_its_link(tmp_path: Path) -> None:
    """Overwriting keeps the file's mode; a link stays a link and its target is written."""
    from civilframe.cli import _write_whole

    private = tmp_path / "private.txt"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    _write_whole(str(private), "new")
    assert (private.read_text(encoding="utf-8"), private.stat().st_mode & 0o777) == ("new", 0o600)
    link = tmp_path / "link.txt"
    link.symlink_to(private)
    _write_whole(str(link), "through the link")
    assert link.is_symlink()
    assert private.read_text(encoding="utf-8") == "through the link"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "private.txt"]


def test_an_unwritable_output_names_the_users_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A missing folder is reported with the path the user gave, not a temporary name."""
    target = tmp_path / "missing" / "out.json"
    status, _, err = _run(capsys, "export", "lia", "--format", "json", "-o", str(target))
    assert status == 1
    assert f"cannot write {target}" in err
    assert ".tmp" not in err


def test_error_messages_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A hostile key in a document is shown escaped in the one-line error, never raw."""
    document = json.loads(cf.dumps("leadership-in-action"))
    document["\x1b[31mRED"] = 1
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, _, err = _run(capsys, "show", str(path))
    assert status == 1
    assert "\x1b" not in err
    assert "unknown key '\\x1b[31mRED'" in err
