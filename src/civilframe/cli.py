"""The ``civilframe`` command line: list, show, search, check and export frameworks and profiles.

Every command is a function of ``main(argv)``, which returns the exit status: 0 on success,
1 when the work finds problems (a profile that does not check clean, a quoted indicator that is
not verbatim) or fails (a library error, printed as one line on stderr), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import stat
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, TextIO

from ._format.documents import MAX_BYTES, read_document, too_large
from ._package import version
from .analysis.find import ranked, search
from .analysis.quotes.readers import FORMATS as DOCUMENT_FORMATS
from .errors import CivilframeError, InvalidDocumentError, NotFoundError
from .export import FORMATS, to_html
from .loading import load, load_file
from .model import Competency, Framework, Level
from .profiles import load_profile
from .reference.grade_table import grade, grades
from .render import records

__all__ = ["is_path", "main"]


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 120))


def _wrap(text: str, indent: str, bullet: str = "") -> str:
    return textwrap.fill(
        text,
        width=_width(),
        initial_indent=indent + bullet,
        subsequent_indent=indent + " " * len(bullet),
        break_on_hyphens=False,
    )


def is_path(name: str) -> bool:
    r"""Whether a framework argument names a file: it has a path separator or a suffix.

    A separator is ``/`` or ``\`` on every system (no id holds either). Anything else is a
    bundled framework's id, whatever files the current directory holds.

    >>> is_path("competency-framework"), is_path("mine.json"), is_path("./mine")
    (False, True, True)
    """
    return "/" in name or "\\" in name or bool(os.path.splitext(name)[1])


def _framework(name: str) -> Framework:
    """A framework file by path (see :func:`is_path`), else a bundled framework by id."""
    return load_file(name) if is_path(name) else load(name)


def _json(out: TextIO, value: object) -> int:
    """Print ``value`` as one JSON document (what ``--json`` gives every reading command)."""
    # JSON escapes C0 controls itself; C1 controls (U+0080–U+009F) it leaves as they are
    out.write(json.dumps(value, ensure_ascii=False, indent=2).translate(_C1_ESCAPES) + "\n")
    return 0


_C1_ESCAPES = {n: f"\\u{n:04x}" for n in range(0x7F, 0xA0)}


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    listed = records.listing()
    if args.json:
        return _json(out, listed)
    for item in listed:
        levels = ", ".join(map(str, item["levels"])) or "none"
        also = f"  (also: {', '.join(item['aliases'])})" if item["aliases"] else ""
        out.write(f"{item['id']}{also}\n")
        out.write(
            _wrap(f"{item['title']} — {item['competencies']} competencies, levels: {levels}", "  ")
        )
        out.write("\n")
    return 0


def _show_level(level: Level, out: TextIO, heading: str) -> None:
    out.write(_wrap(heading, "  ") + "\n")
    for title, indicators in (("Effective", level.effective), ("Ineffective", level.ineffective)):
        if not indicators:
            continue
        out.write(f"    {title}\n")
        for indicator in indicators:
            out.write(_wrap(indicator.text, "      ", "• ") + "\n")
            if indicator.note:
                out.write(_wrap(f"[{indicator.note}]", "        ") + "\n")
    for gap in level.gaps:
        out.write(_wrap(f"Gap ({gap.polarity}): {gap.note}", "    ") + "\n")


def _show_competency(competency: Competency, levels: Sequence[int], out: TextIO) -> None:
    out.write(f"\n{competency.name}\n")
    text = competency.description or competency.summary
    if text:
        out.write(_wrap(text, "  ") + "\n")
    for number in levels:
        level = competency.level(number)
        out.write("\n")
        _show_level(level, out, level.heading)


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    framework = _framework(args.framework)
    level = grade(args.grade, framework).level if args.grade is not None else args.level
    if level is not None:
        framework.level_definition(level)  # a level the framework lacks is an error, up front
    chosen = framework.competencies
    if args.competency is not None:
        chosen = (framework.competency(args.competency),)
    if args.json:
        return _json(out, records.selection(framework, _levels_shown(chosen, level, args)))
    title = framework.title + (f" ({framework.edition})" if framework.edition else "")
    out.write(_wrap(title, "") + "\n")
    if args.competency is None and level is None:
        _show_contents(framework, out)
        return 0
    for competency, numbers in _levels_shown(chosen, level, args):
        _show_competency(competency, numbers, out)
    return 0


def _levels_shown(
    chosen: Sequence[Competency], level: int | None, args: argparse.Namespace
) -> list[tuple[Competency, list[int]]]:
    """Each competency shown, with the level numbers shown for it, as ``show`` prints them."""
    shown = []
    for competency in chosen:
        if level is None:
            numbers = list(competency.level_numbers)
        elif args.cumulative and competency.levels_cumulative:
            competency.cumulative(level)  # raises if a lower level is missing
            numbers = list(range(1, level + 1))
        else:
            numbers = [level]
        shown.append((competency, numbers))
    return shown


def _show_contents(framework: Framework, out: TextIO) -> None:
    current = None
    for competency in framework.competencies:
        if competency.cluster is not None and competency.cluster != current:
            current = competency.cluster
            out.write(f"\n{current.title}\n")
        number = f"{competency.number}. " if competency.number else ""
        out.write(f"  {number}{competency.name}  [{competency.id}]\n")
    if framework.level_definitions:
        out.write("\nLevels\n")
        for definition in framework.level_definitions:
            out.write(f"  Level {definition.number}: {definition.label}\n")
    if framework.questions:
        out.write("\nQuestions\n")
        for question in framework.questions:
            out.write(_wrap(f"{question.name}: {question.text}", "  ") + "\n")


def _cmd_grades(args: argparse.Namespace, out: TextIO) -> int:
    chosen = _framework(args.framework) if args.framework else None
    table = grades(chosen)
    if not table:
        if args.json:
            return _json(out, [])
        out.write("no grades: the framework defines no levels\n")
        return 0
    framework = chosen or load(table[0].framework_id)
    source = framework.source
    if args.json:
        rows = [
            {
                "grade": item.name,
                "title": item.title,
                "aliases": list(item.aliases),
                "level": item.level,
                "framework": item.framework_id,
                "level_label": item.level_label,
                "source": source.id,
            }
            for item in table
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"Levels from {framework.id}, source {source.id}: {source.title}\n")
    width = max(len(item.name) for item in table)
    for item in table:
        out.write(f"{item.name:<{width}}  Level {item.level}  ({item.level_label})\n")
        others = [n for n in item.names if n != item.name]
        if others:
            out.write(_wrap("also: " + ", ".join(others), " " * (width + 2)) + "\n")
    return 0


def _cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    framework = _framework(args.framework) if args.framework else None
    words = " ".join(args.words)
    hits = ranked(search(words, framework), words)
    if args.json:
        return _json(out, records.hits(hits))
    for hit in hits:
        heading = f"{hit.where}  [{hit.indicator.id}]"
        out.write(
            textwrap.fill(
                heading,
                width=_width(),
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            + "\n"
        )
        out.write(_wrap(hit.indicator.text, "  ") + "\n")
        out.write(_wrap("matched: " + ", ".join(dict.fromkeys(hit.matched)), "    ") + "\n")
    out.write(f"{len(hits)} indicator{'s' if len(hits) != 1 else ''} found\n")
    return 0


def _cmd_profile(args: argparse.Namespace, out: TextIO) -> int:
    profile = load_profile(args.file)
    framework = _framework(args.framework_file) if args.framework_file else None
    findings = profile.check(framework)
    failed = any(finding.severity == "error" for finding in findings)
    if args.json:
        wanted = () if failed else profile.requirements(framework)
        _json(out, records.profile(profile, findings, wanted))
        return 1 if failed else 0
    for finding in findings:
        sys.stderr.write(f"{finding.severity}: {finding.message}\n")
    if failed:
        return 1
    out.write(profile.to_markdown(framework))
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if args.framework == "all":
        if args.format != "html":
            raise NotFoundError(
                kind="framework",
                query="all",
                closest=(),
                reason=f"'all' is for --format html (all in one page), not {args.format}",
            )
        text = to_html()
    else:
        text = FORMATS[args.format].write(_framework(args.framework))
    if args.output and args.output != "-":
        _write_whole(args.output, text)
    else:
        out.write(text)
    return 0


def _write_whole(path: str, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: through a temporary file beside it.

    A link is followed (its target is written); an existing file keeps its mode, and a new one
    gets the mode any file opened for writing would (the process's umask applies).
    """
    data = text.encode("utf-8")  # an unwritable text fails here, before any file exists
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise OSError(error.errno, f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _cmd_diff(args: argparse.Namespace, out: TextIO) -> int:
    from .analysis.compare import diff
    from .render.terminal import render_diff

    difference = diff(_framework(args.a), _framework(args.b))
    if args.json:
        return _json(out, records.comparison(difference))
    out.write(render_diff(difference))
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from .analysis.quotes import check_against_bundled, check_quotes
    from .analysis.quotes.readers import SUFFIXES
    from .reference.grade_table import grade
    from .render.terminal import render_quote_report

    if args.file == "-":
        data = _read_limited(sys.stdin.buffer, "standard input")
    else:
        data = read_document(args.file)  # a stream such as /dev/zero is cut at the limit
    format = args.format
    if format is None and args.file != "-":
        format = SUFFIXES.get(os.path.splitext(args.file)[1].lower())
    framework = _framework(args.framework) if args.framework else None
    level = args.level
    if args.grade is not None:
        level = grade(args.grade, framework).level
    try:
        if framework is None:
            report = check_against_bundled(data, level, format=format)
        else:
            report = check_quotes(data, framework, level, format=format)
    except InvalidDocumentError as error:
        raise InvalidDocumentError(error.problems, args.file, error.more) from None
    if args.json:
        _json(out, records.quote_report(report))
    else:
        out.write(_shown(render_quote_report(report)))
    return 1 if report.problems else 0


def _read_limited(stream: BinaryIO, origin: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large(None, MAX_BYTES, origin)
    return data


#: Control characters a document may hold that would drive the terminal (escape sequences).
_CONTROLS = {n: f"\\x{n:02x}" for n in [*range(0x20), *range(0x7F, 0xA0)] if n not in (9, 10)}


def _shown(text: str) -> str:
    r"""``text`` with every control character but TAB and newline shown escaped (``\x1b``)."""
    return text.translate(_CONTROLS)


def _cmd_crosswalk(args: argparse.Namespace, out: TextIO) -> int:
    from .reference.mapping import crosswalk
    from .render.terminal import render_crosswalk

    if args.json:
        walk = crosswalk()
        links = walk.links if args.competency is None else (walk.link(args.competency),)
        return _json(out, records.crosswalk_links(walk, links))
    out.write(render_crosswalk(args.competency))
    return 0


class _Subcommand(argparse.ArgumentParser):
    """A subcommand's parser: options may come before, between or after its positionals."""

    _parsing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._parsing:  # the intermixed parse calls back in, twice
            return super().parse_known_args(args, namespace)
        self._parsing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._parsing = False


_JSON_HELP = "print the result as one JSON document (keys: see the command-line reference)"


def _examples(*lines: str) -> dict[str, Any]:
    """A subcommand's help epilog: its examples, shown as written."""
    shown = "\n".join(f"  {line}" for line in lines)
    return {
        "epilog": f"example{'s' if len(lines) > 1 else ''}:\n{shown}",
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civilframe",
        description="The UK Civil Service competency frameworks as data.",
    )
    parser.add_argument("--version", action="version", version=f"civilframe {version()}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Subcommand
    )

    listing = commands.add_parser(
        "list", help="list the bundled frameworks and their aliases", **_examples("civilframe list")
    )
    listing.add_argument("--json", action="store_true", help=_JSON_HELP)
    listing.set_defaults(run=_cmd_list)

    show = commands.add_parser(
        "show",
        help="show a framework, a competency, or a level",
        **_examples(
            'civilframe show ccf "Seeing the Big Picture" --level 3',
            "civilframe show behaviours --grade HEO",
        ),
    )
    show.add_argument("framework", help="a bundled framework id, or a framework JSON file")
    show.add_argument("competency", nargs="?", help="a competency's name or id")
    which = show.add_mutually_exclusive_group()
    which.add_argument("--level", type=int, help="show this level only")
    which.add_argument("--grade", help="show the level of this grade (e.g. HEO, 'Grade 7')")
    show.add_argument(
        "--cumulative",
        action="store_true",
        help="with --level or --grade: show every level the level builds on too",
    )
    show.add_argument("--json", action="store_true", help=_JSON_HELP)
    show.set_defaults(run=_cmd_show, usage=show)

    table = commands.add_parser(
        "grades",
        help="list the grades and the level each maps to",
        **_examples("civilframe grades", "civilframe grades --framework behaviours --json"),
    )
    table.add_argument(
        "--framework",
        help="read the levels from this framework's table (default: the Competency Framework)",
    )
    table.add_argument("--json", action="store_true", help=_JSON_HELP)
    table.set_defaults(run=_cmd_grades)

    find = commands.add_parser(
        "search",
        help="find the indicators that contain words",
        **_examples("civilframe search risk averse --framework ccf"),
    )
    find.add_argument("words", nargs="+", help="words that must all appear")
    find.add_argument("--framework", help="search this framework only")
    find.add_argument("--json", action="store_true", help=_JSON_HELP)
    find.set_defaults(run=_cmd_search)

    profile = commands.add_parser(
        "profile",
        help="check a Success Profile file and render it (exit 1 if it has errors)",
        **_examples("civilframe profile examples/profiles/annex-a-senior-hr-business-partner.json"),
    )
    profile.add_argument("file", help="a Success Profile JSON file")
    profile.add_argument(
        "--framework-file", help="the framework file, when the profile's is not bundled"
    )
    profile.add_argument("--json", action="store_true", help=_JSON_HELP)
    profile.set_defaults(run=_cmd_profile)

    names = ", ".join(FORMATS)
    export = commands.add_parser(
        "export",
        help=f"export a framework ({names})",
        epilog="formats:\n"
        + "\n".join(f"  {f.name:<10} {f.summary}" for f in FORMATS.values())
        + "\n\nexamples:\n  civilframe export ccf --format excel-csv -o ccf.csv\n"
        + "  civilframe export all --format html -o frameworks.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument(
        "framework",
        help="a bundled framework id, or a framework JSON file; 'all' with --format html",
    )
    export.add_argument(
        "--format", required=True, choices=list(FORMATS), help="the format to write (see below)"
    )
    export.add_argument(
        "-o", "--output", help="write to this file (whole or not at all); - is standard output"
    )
    export.set_defaults(run=_cmd_export)

    compare = commands.add_parser(
        "diff",
        help="compare two frameworks level by level",
        **_examples("civilframe diff sms1 ccf"),
    )
    compare.add_argument("a", help="the earlier framework (id or file)")
    compare.add_argument("b", help="the later framework (id or file)")
    compare.add_argument("--json", action="store_true", help=_JSON_HELP)
    compare.set_defaults(run=_cmd_diff)

    walk = commands.add_parser(
        "crosswalk",
        help="show how the competencies map to the Civil Service Behaviours",
        **_examples('civilframe crosswalk "Leading and Communicating"'),
    )
    walk.add_argument("competency", nargs="?", help="one competency's name or id")
    walk.add_argument("--json", action="store_true", help=_JSON_HELP)
    walk.set_defaults(run=_cmd_crosswalk)

    check = commands.add_parser(
        "check",
        help="check the indicators a document quotes (exit 1 if any is not verbatim)",
        **_examples(
            "civilframe check advert.txt --framework ccf --level 4",
            "cat behaviours.json | civilframe check - --grade HEO --json",
        ),
    )
    check.add_argument(
        "file",
        help=(
            "the document: text, Markdown, HTML, JSON, CSV, Word (.docx) or PDF, read by its"
            " suffix or what it holds; or - for standard input"
        ),
    )
    check.add_argument(
        "--framework",
        help="the framework it quotes (default: the bundled one it quotes most, as said)",
    )
    check.add_argument(
        "--format",
        choices=DOCUMENT_FORMATS,
        help="how to read it (default: by its suffix, else by what it holds)",
    )
    claimed = check.add_mutually_exclusive_group()
    claimed.add_argument("--level", type=int, help="the level the document claims to quote")
    claimed.add_argument(
        "--grade", help="the grade the document is for, read as its level (e.g. HEO, 'Grade 7')"
    )
    check.add_argument("--json", action="store_true", help=_JSON_HELP)
    check.set_defaults(run=_cmd_check, error_status=2)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Errors are written to standard error as one line each, never as a traceback.

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "sms1.csv")
    >>> main(["export", "competency-framework-2012-sms1", "--format", "csv", "-o", path])
    0
    >>> with open(path, encoding="utf-8", newline="") as file:
    ...     len(file.readlines())
    119
    >>> main(["show", "competency-framework", "--level", "7"])
    1
    """
    args = _parser().parse_args(argv)
    if args.command == "show" and args.cumulative and args.level is None and args.grade is None:
        args.usage.error("--cumulative needs --level or --grade: the level to build up to")
    run: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return run(args, sys.stdout)
    except CivilframeError as error:
        message = "; ".join(str(error).splitlines())
        sys.stderr.write(_shown(f"civilframe: error: {' '.join(message.split())}") + "\n")
    except BrokenPipeError:  # output piped into a reader that closed (| head): end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit fails no more
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("civilframe: interrupted\n")
        return 130
    except OSError as error:
        sys.stderr.write(f"civilframe: error: {error}\n")
    status: int = getattr(args, "error_status", 1)  # check: 2, an input or usage error
    return status
