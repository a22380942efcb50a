"""Sphinx directives that build pages of the civilframe documentation from civilframe itself.

- ``civilframe-cli``: runs ``civilframe`` command lines at build time and shows their output;
  a command that exits with another status than the one expected fails the build.
- ``civilframe-schema``: a file format's reference, from the JSON Schema civilframe ships.
- ``civilframe-data``: every bundled framework's sources, repairs and recorded gaps, from the
  bundled data.

It also resolves references to a public name by any of its names (``civilframe.Framework`` is
``civilframe.model.Framework``; ``civilframe.Translation`` is documented as
``civilframe.reference.mapping.Translation``), and warns (an error under ``-W``) when a public name,
one listed in ``__all__`` of :data:`PUBLIC_MODULES`, is documented nowhere. A package among
them (``civilframe.export``) documents the constants it re-exports with the ``#:`` comments of
the modules that define them.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import civilframe
from civilframe.cli import main

#: The modules whose ``__all__`` the reference must cover.
PUBLIC_MODULES = (
    "civilframe",
    "civilframe.export",
    "civilframe.analysis.compare",
    "civilframe.analysis.find",
    "civilframe.analysis.quotes",
    "civilframe.reference.grade_table",
    "civilframe.reference.assessment",
    "civilframe.reference.mapping",
    "civilframe.render.terminal",
    "civilframe.profiles",
    "civilframe.text",
)

#: The terminal width the command-line examples are shown at.
CLI_COLUMNS = 88

_logger = logging.getLogger(__name__)

Inline: TypeAlias = str | nodes.Node
Cell: TypeAlias = Inline | tuple[Inline, ...]


# --- small node builders -------------------------------------------------------------------------


def _para(*parts: Inline) -> nodes.paragraph:
    node = nodes.paragraph()
    for part in parts:
        node += nodes.Text(part) if isinstance(part, str) else part
    return node


def _code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def _emphasis(text: str) -> nodes.emphasis:
    return nodes.emphasis(text, text)


def _bullets(items: Iterable[Sequence[Inline]]) -> nodes.bullet_list:
    listing = nodes.bullet_list()
    for parts in items:
        listing += nodes.list_item("", _para(*parts))
    return listing


def _table(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> nodes.table:
    """A full-width table with a header row; each cell a paragraph of its part or parts."""
    table = nodes.table(classes=["civilframe-table"], width="100%")
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in headers)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", _para(h)) for h in headers))
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", _para(*cell) if isinstance(cell, tuple) else _para(cell))
        body += row
    group += head
    group += body
    return table


class _Sections:
    """Sections with unique ids, registered with the document so that they are linkable."""

    def __init__(self, directive: SphinxDirective) -> None:
        self.document = directive.state.document

    def new(self, title: str, key: str) -> nodes.section:
        section = nodes.section(ids=[nodes.make_id(key)], names=[nodes.fully_normalize_name(key)])
        section += nodes.title(title, title)
        self.document.note_implicit_target(section, section)
        return section


# --- civilframe-cli ------------------------------------------------------------------------------


class CliDirective(SphinxDirective):
    """Run ``civilframe`` command lines and show each with its output, as a terminal would.

    Each line of the content is one command line, starting with ``civilframe``. They run from
    the repository's root (the folder above ``docs/``), or with ``:scratch:`` from a new empty
    temporary folder (for commands that write files), with a terminal width of
    :data:`CLI_COLUMNS`. ``:exit:`` is the exit status every command must give (default 0);
    ``:max-lines:`` shortens each output to that many lines, ending in a line "…".
    """

    has_content = True
    option_spec = {  # noqa: RUF012 - docutils' own interface
        "exit": directives.nonnegative_int,
        "max-lines": directives.positive_int,
        "scratch": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        """The command lines and their outputs, as one console block."""
        expected = self.options.get("exit", 0)
        limit = self.options.get("max-lines")
        with contextlib.ExitStack() as stack:
            if "scratch" in self.options:
                root = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            else:
                root = Path(self.env.srcdir).parent
            text = self._run_all(root, expected, limit)
        block = nodes.literal_block(text, text, language="console")
        self.set_source_info(block)
        return [block]

    def _run_all(self, root: Path, expected: int, limit: int | None) -> str:
        """Every command line run from ``root``, each followed by its output."""
        shown: list[str] = []
        for line in self.content:
            if not line.strip():
                continue
            words = shlex.split(line)
            if not words or words[0] != "civilframe":
                raise self.error(f"not a civilframe command line: {line!r}")
            status, output = _run_cli(words[1:], root)
            if status != expected:
                _logger.warning(
                    "%r exited with status %d, not %d:\n%s",
                    line,
                    status,
                    expected,
                    output,
                    location=self.get_location(),
                )
            lines = output.rstrip("\n").splitlines()
            if limit is not None and len(lines) > limit:
                lines = [*lines[:limit], "…"]
            shown += [f"$ {line.strip()}", *lines]
        return "\n".join(shown)


def _run_cli(argv: list[str], root: Path) -> tuple[int, str]:
    """The exit status and the output (standard output, then standard error) of one run."""
    out, err = io.StringIO(), io.StringIO()
    previous_dir, previous_columns = Path.cwd(), os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(CLI_COLUMNS)
    try:
        os.chdir(root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exit:  # argparse's --help, --version and usage errors
                status = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(previous_dir)
        if previous_columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous_columns
    return status, out.getvalue() + err.getvalue()


# --- civilframe-schema ---------------------------------------------------------------------------

_SCHEMAS = {
    "framework": civilframe.framework_schema,
    "profile": civilframe.profile_schema,
}

#: The class each kind of object in a file format becomes ("" for the document itself). A key
#: the schema does not describe is described by its attribute's ``#:`` documentation.
_CLASSES: dict[str, dict[str, type]] = {
    "framework": {
        "": civilframe.Framework,
        "source": civilframe.Source,
        "level_definition": civilframe.LevelDefinition,
        "cluster": civilframe.Cluster,
        "competency": civilframe.Competency,
        "level": civilframe.Level,
        "indicator": civilframe.Indicator,
        "gap": civilframe.Gap,
        "question": civilframe.Question,
    },
    "profile": {"": civilframe.SuccessProfile, "element": civilframe.ElementAssessment},
}

_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _attribute_docs(cls: type) -> dict[str, str]:
    """Each JSON key of ``cls`` with its attribute's ``#:`` documentation, as plain text."""
    analyzer = ModuleAnalyzer.for_module(cls.__module__)
    analyzer.analyze()
    found: dict[str, str] = {}
    for field in attrs.fields(cls):
        lines = analyzer.attr_docs.get((cls.__qualname__, field.name))
        if lines:
            text = " ".join(line.strip() for line in lines if line.strip())
            found[field.metadata.get("key", field.name)] = _LITERAL.sub(
                r"\1", _ROLE.sub(r"\1", text)
            )
    return found


class SchemaDirective(SphinxDirective):
    """A file format's reference, from its shipped JSON Schema: ``framework`` or ``profile``.

    One section per kind of object (the document first, then each object it refers to), each a
    table of keys; a table of the constrained kinds of text and number; then the schema itself.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """The format's description, a section per kind of object, and the schema."""
        name = self.arguments[0]
        if name not in _SCHEMAS:
            raise self.error(f"no schema {name!r}; the schemas are: {', '.join(_SCHEMAS)}")
        schema = _SCHEMAS[name]()
        sections = _Sections(self)
        definitions: dict[str, dict[str, Any]] = schema.get("$defs", {})
        result: list[nodes.Node] = [
            _para(schema.get("description", "")),
            _para("Schema id: ", _code(schema["$id"]), ", JSON Schema ", _code(schema["$schema"])),
        ]
        objects = [("", f"The {name} document", schema)] + [
            (key, key, value) for key, value in definitions.items() if value.get("type") == "object"
        ]
        for kind, title, body in objects:
            section = sections.new(title, f"{name}-{title}")
            cls = _CLASSES[name].get(kind)
            documented = _attribute_docs(cls) if cls is not None else {}
            if body is not schema and body.get("description"):
                section += _para(body["description"])
            required = set(body.get("required", ()))
            rows = []
            for key, value in body["properties"].items():
                meaning = value.get("description", documented.get(key, ""))
                if not meaning:
                    _logger.warning(
                        "the %s format's key %r of %s is described nowhere",
                        name,
                        key,
                        title,
                        location=self.get_location(),
                    )
                rows.append(
                    (
                        _code(key),
                        _type_of(value, name, definitions),
                        "yes" if key in required else "no",
                        meaning,
                    )
                )
            section += _table(("Key", "Type", "Required", "Meaning"), rows)
            if body.get("additionalProperties") is False:
                section += _para("No other key is allowed.")
            result.append(section)
        scalars = [(key, value) for key, value in definitions.items() if "properties" not in value]
        if scalars:
            section = sections.new("Kinds of value", f"{name}-kinds-of-value")
            section += _table(
                ("Kind", "Rule"),
                ((_code(key), _rule_of(value)) for key, value in scalars),
            )
            result.append(section)
        section = sections.new("The schema itself", f"{name}-schema-itself")
        text = json.dumps(schema, ensure_ascii=False, indent=2)
        section += nodes.literal_block(text, text, language="json")
        result.append(section)
        return result


def _type_of(value: dict[str, Any], schema: str, definitions: dict[str, Any]) -> tuple[Inline, ...]:
    """A key's type in words, each kind of object or value linked to where it is described."""
    if "$ref" in value:
        key = str(value["$ref"]).rsplit("/", 1)[-1]
        is_object = definitions.get(key, {}).get("type") == "object"
        target = nodes.make_id(f"{schema}-{key}" if is_object else f"{schema}-kinds-of-value")
        return (nodes.reference("", key, internal=True, refid=target),)
    if value.get("type") == "array":
        return ("list of ", *_type_of(value.get("items", {}), schema, definitions))
    if "enum" in value:
        return (" or ".join(json.dumps(option) for option in value["enum"]),)
    kind = value.get("type", "any")
    if kind == "integer" and "minimum" in value:
        return (f"integer ≥ {value['minimum']}",)
    return (str(kind),)


def _rule_of(value: dict[str, Any]) -> str:
    parts = [value["description"]] if "description" in value else []
    if "enum" in value:
        parts.append("One of " + ", ".join(json.dumps(option) for option in value["enum"]) + ".")
    if "minimum" in value:
        parts.append(f"An integer from {value['minimum']} upwards.")
    if "pattern" in value:
        parts.append(f"Pattern: {value['pattern']}")
    return " ".join(parts)


# --- civilframe-data -----------------------------------------------------------------------------


class DataDirective(SphinxDirective):
    """Every bundled framework: its sources, its shape, what was repaired and what is lost."""

    def run(self) -> list[nodes.Node]:
        """One section per bundled framework, in id order."""
        sections = _Sections(self)
        return [
            _framework_section(sections, civilframe.load(framework_id))
            for framework_id in civilframe.frameworks()
        ]


def _framework_section(sections: _Sections, framework: civilframe.Framework) -> nodes.section:
    section = sections.new(framework.title, f"data-{framework.id}")
    facts: list[Sequence[Inline]] = [("Id: ", _code(framework.id))]
    if framework.edition:
        facts.append((f"Edition: {framework.edition}",))
    if framework.publisher:
        facts.append((f"Publisher: {framework.publisher}",))
    indicators = framework.indicators
    effective = sum(1 for indicator in indicators if indicator.polarity == "effective")
    facts.append(
        (
            f"{len(framework.clusters)} clusters, {len(framework.competencies)} competencies, "
            f"{len(indicators)} indicators ({effective} effective, "
            f"{len(indicators) - effective} ineffective), "
            f"{len(framework.questions)} questions",
        )
    )
    if framework.level_numbers:
        if framework.levels_cumulative:
            rule = "cumulative: each level builds on the levels below"
        else:
            rule = "level-specific: each level stands alone"
        facts.append((f"Levels {_levels_text(framework.level_numbers)}, {rule}",))
    else:
        facts.append(("No levels: its competencies hold no indicators",))
    section += _bullets(facts)

    sources = sections.new("Source documents", f"data-{framework.id}-sources")
    sources += _table(
        ("Id", "Document", "Published", "Used for"),
        (
            (
                _code(source.id),
                source.title,
                _published(source),
                "the framework's own text" if index == 0 else _recovered_count(framework, source),
            )
            for index, source in enumerate(framework.sources)
        ),
    )
    section += sources

    if framework.level_definitions:
        levels = sections.new("Levels and grades", f"data-{framework.id}-levels")
        levels += _table(
            ("Level", "As the document labels it", "Grades"),
            ((str(d.number), d.label, ", ".join(d.grades)) for d in framework.level_definitions),
        )
        section += levels

    repaired = [indicator for indicator in indicators if indicator.note]
    notes = sections.new("What was repaired", f"data-{framework.id}-repaired")
    if repaired:
        notes += _para(
            f"{len(repaired)} of its {len(indicators)} indicators carry a note saying how their "
            "text was repaired or where it was recovered from (",
            _code("Indicator.note"),
            ", ",
            _code("Indicator.source"),
            "):",
        )
        notes += _table(
            ("Indicator", "Text", "Note"),
            (
                (_code(indicator.id), indicator.text, _note(framework, indicator))
                for indicator in repaired
            ),
        )
    else:
        notes += _para("No indicator needed repair: every indicator carries no note.")
    section += notes

    gaps = [
        (competency, level, gap)
        for competency in framework.competencies
        for level in competency.levels
        for gap in level.gaps
    ]
    lost = sections.new("What is recorded as lost", f"data-{framework.id}-lost")
    if gaps:
        lost += _para(
            f"{len(gaps)} recorded gaps (",
            _code("Level.gaps"),
            "): text the source document lost, kept visible rather than hidden.",
        )
        lost += _table(
            ("Competency", "Level", "Column", "What was lost", "Recovered from"),
            (
                (
                    competency.name,
                    str(level.number),
                    gap.polarity,
                    gap.note,
                    _source_name(gap.recovered_from) if gap.recovered_from else "—",
                )
                for competency, level, gap in gaps
            ),
        )
    else:
        lost += _para("Nothing: the data records no gap.")
    section += lost
    return section


def _levels_text(numbers: Sequence[int]) -> str:
    if len(numbers) == 1:
        return f"{numbers[0]} only"
    return f"{numbers[0]}–{numbers[-1]}"


def _recovered_count(framework: civilframe.Framework, source: civilframe.Source) -> str:
    count = sum(1 for indicator in framework.indicators if indicator.source.id == source.id)
    return f"{count} indicator{'s' if count != 1 else ''} recovered from it"


def _published(source: civilframe.Source) -> str:
    """What the seeds say of a source's publication; "not stated" where they say nothing."""
    facts = [source.publisher, source.date, source.rights, source.url]
    return "; ".join(fact for fact in facts if fact) or "not stated in the source"


def _source_name(source: civilframe.Source) -> str:
    return f"{source.id}: {source.title}"


def _note(framework: civilframe.Framework, indicator: civilframe.Indicator) -> str:
    if indicator.source.id == framework.source.id:
        return indicator.note or ""
    return f"{indicator.note} (source {indicator.source.id})"


# --- references by any name, and every public name documented ------------------------------------


def _public_names() -> Iterator[tuple[str, str, object]]:
    """Each public name as ``(module, name, object)``."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            yield module_name, name, getattr(module, name)


def _aliases(target: str) -> list[str]:
    """The other names ``target`` (a dotted name, maybe of a member) is documented under."""
    parts = target.split(".")
    found: list[str] = []
    for split in range(len(parts) - 1, 0, -1):
        module_name, rest = ".".join(parts[:split]), parts[split:]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        obj = getattr(module, rest[0], None)
        if obj is None:
            break
        for public_module, name, public in _public_names():
            if public is obj:
                found.append(".".join([public_module, name, *rest[1:]]))
        defining = getattr(obj, "__module__", None)
        if isinstance(defining, str):
            found.append(".".join([defining, getattr(obj, "__name__", rest[0]), *rest[1:]]))
        break
    return [name for name in dict.fromkeys(found) if name != target]


def _resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """A reference to a public name by another of its names, resolved to where it is documented."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    if not target.startswith("civilframe"):
        return None
    domain = env.get_domain("py")
    for alias in _aliases(target):
        node["reftarget"] = alias
        try:
            found = domain.resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], alias, node, contnode
            )
        finally:
            node["reftarget"] = target
        if found is not None:
            return found
    return None


def _check_documented(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about every public name the reference documents under none of its names."""
    documented = set(env.get_domain("py").objects)  # type: ignore[attr-defined]
    for module_name, name, obj in _public_names():
        full = f"{module_name}.{name}"
        if full in documented or any(alias in documented for alias in _aliases(full)):
            continue
        _logger.warning("the public name %s (%r) is documented nowhere", full, type(obj).__name__)


def _lend_attribute_docs(app: Sphinx) -> None:
    """Give a package the ``#:`` documentation of the values it re-exports from its modules.

    autodoc reads a module-level value's documentation from the source of the module it
    documents, so the constants a package such as :mod:`civilframe.export` re-exports from its
    modules would have none there, and be left out. Each is lent, in the package's source
    analyzer, the documentation of the module that defines it.
    """
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        if not hasattr(module, "__path__"):
            continue
        analyzer = ModuleAnalyzer.for_module(module_name)
        analyzer.analyze()
        for name in module.__all__:
            if ("", name) in analyzer.attr_docs:
                continue
            value = getattr(module, name)
            for defining in _defining_modules(module_name, name, value):
                source = ModuleAnalyzer.for_module(defining)
                source.analyze()
                lines = source.attr_docs.get(("", name))
                if lines:
                    analyzer.attr_docs["", name] = lines
                    break


def _defining_modules(package: str, name: str, value: object) -> Iterator[str]:
    """The imported modules under ``package`` that hold ``value`` as ``name``."""
    for module_name, module in sorted(sys.modules.items()):
        if module_name.startswith(f"{package}.") and getattr(module, name, None) is value:
            yield module_name


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the event handlers."""
    app.add_directive("civilframe-cli", CliDirective)
    app.add_directive("civilframe-schema", SchemaDirective)
    app.add_directive("civilframe-data", DataDirective)
    app.connect("builder-inited", _lend_attribute_docs)
    app.connect("missing-reference", _resolve_alias)
    app.connect("env-check-consistency", _check_documented)
    return {"version": civilframe.__version__, "parallel_read_safe": True}
