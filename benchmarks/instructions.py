"""Cold start and loading at scale counted in machine instructions, which do not drift.

Times on a shared or virtual machine drift by up to 2x within an hour, so two runs of
``bench.py`` can disagree about whether a change helped. The number of instructions a run
executes is the same from one run to the next, so this script counts them (with valgrind's
callgrind, which must be installed) for the two goals ``bench.py`` times:

- **Cold start**: a fresh interpreter importing civilframe and loading every bundled framework,
  against one importing attrs and cattrs and parsing the same files (the floor), with the cost
  of each step over the floor: the import, finding the data with ``importlib.resources``, the
  loading. Goal <= 1.3x.
- **Scale**: one call of :func:`civilframe.loads` on a generated framework, against one of
  :func:`json.loads` of the same text, with two parts of it counted alone: parsing the text as
  the loader does (each object as its pairs) and making the framework's indicators from ready
  values (``civilframe.Indicator`` objects, nothing checked). Goal <= 3x.

Instructions are a proxy for time, not the same thing: work bound by memory, such as the
garbage collector walking a large heap, costs more time than its count of instructions says.
Reading each JSON object as its pairs made :func:`civilframe.loads` execute more instructions
(317 M against 270 M at 10^4 indicators) yet take about two thirds of the time. Judge a change
by both this and ``bench.py``.

Run it from the repository root (a few minutes; ``--large`` adds 10^5 indicators, several
more)::

    .venv/bin/python benchmarks/instructions.py
    .venv/bin/python benchmarks/instructions.py --large
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import bench

#: What one measured interpreter runs for the scale part: ``step`` once unmeasured (so that
#: first-use costs are not counted), then ``calls`` more times.
_SCALE_CODE = """
import json, sys
from itertools import repeat
import civilframe
from civilframe._format.documents import parse_json_pairs

step_name, path, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, encoding="utf-8") as file:
    text = file.read()
framework = civilframe.loads(text)
rows = framework.indicators
fields = [[getattr(i, name) for i in rows] for name in
          ("id", "text", "polarity", "level_number", "competency_id", "source", "note")]
steps = {
    "json.loads": lambda: json.loads(text),
    "parse as pairs": lambda: parse_json_pairs(text),
    "indicators alone": lambda: tuple(map(civilframe.Indicator, *fields)),
    "civilframe.loads": lambda: civilframe.loads(text),
}
step = steps[step_name]
step()
for _ in range(calls):
    step()
"""

_SCALE_STEPS = ("json.loads", "parse as pairs", "indicators alone", "civilframe.loads")


def _instructions(code: str, *args: str, environment: dict[str, str]) -> int:
    """The instructions a fresh interpreter running ``code`` executes, counted by callgrind."""
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
            *args,
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind reported no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def _millions(count: float) -> str:
    return f"{count / 1e6:9.1f} M"


def cold_start(results: bench.Results, environment: dict[str, str]) -> None:
    """Fresh interpreters, step by step from the floor to loading every framework."""
    paths = bench._bundled_paths()
    steps = {
        "python -c pass": ("pass",),
        "import attrs, cattrs; json.loads the files": (bench.FLOOR_CODE, *paths),
        "import civilframe": ("import civilframe",),
        "... and importlib.resources.files()": (
            "import civilframe, importlib.resources\nimportlib.resources.files('civilframe')",
        ),
        "... and load every framework": (bench.COLD_START_CODE,),
    }
    for command in steps.values():
        subprocess.run([sys.executable, "-c", *command], env=environment, check=True)
    counts = {
        name: _instructions(*command, environment=environment) for name, command in steps.items()
    }
    print(f"\nCold start (instructions of one fresh interpreter; {len(paths)} bundled frameworks)")
    names = list(counts)
    floor = counts[names[1]]
    for position, name in enumerate(names):
        step = ""
        if position >= 3:
            step = f"   +{(counts[name] - counts[names[position - 1]]) / 1e6:.1f} M"
        elif position == 2:
            step = f"   +{(counts[name] - floor) / 1e6:.1f} M over the floor"
        print(f"  {name:<46} {_millions(counts[name])}{step}")
    ratio = counts[names[-1]] / floor
    verdict = results.check("cold start", ratio <= bench.COLD_START_GOAL)
    print(f"  ratio {ratio:5.2f}×   goal ≤ {bench.COLD_START_GOAL}×   {verdict}")


def scale(results: bench.Results, sizes: list[int], environment: dict[str, str]) -> None:
    """Instructions per call of each step, from the difference of one call and two."""
    print("\nScale: instructions per call, against json.loads of the same text")
    header = "".join(f"{name:>18}" for name in _SCALE_STEPS)
    print(f"  {'indicators':>10}{header}   ratio  goal ≤ {bench.SCALE_GOAL:g}×")
    with tempfile.TemporaryDirectory(prefix="civilframe-instructions-") as folder:
        for size in sizes:
            path = Path(folder, f"{size}.json")
            path.write_text(bench.framework_text(size), encoding="utf-8")
            per_call = {}
            for name in _SCALE_STEPS:
                once, twice = (
                    _instructions(_SCALE_CODE, name, str(path), str(calls), environment=environment)
                    for calls in (1, 2)
                )
                per_call[name] = twice - once
            ratio = per_call["civilframe.loads"] / per_call["json.loads"]
            verdict = results.check(f"scale {size:,}", ratio <= bench.SCALE_GOAL)
            cells = "".join(
                f"{_millions(per_call[name]):>14} {per_call[name] / per_call['json.loads']:2.1f}×"
                for name in _SCALE_STEPS
            )
            print(f"  {size:>10,}{cells}   {ratio:4.2f}×  {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--large", action="store_true", help="also 10^5 indicators (several more minutes)"
    )
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured")
        return 2
    results = bench.Results()
    with tempfile.TemporaryDirectory(prefix="civilframe-bench-") as cache:
        # bytecode compiled once, outside the source tree, as an installed package has it
        environment = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        cold_start(results, environment)
        scale(results, [10**3, 10**4, *([10**5] if args.large else [])], environment)
    met = sum(ok for _, ok in results.checks)
    print(f"\nGoals met: {met} of {len(results.checks)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
