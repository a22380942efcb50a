"""The built wheel is complete: installed in a clean virtual environment, everything loads.

Moving data files is where packages break. This builds the wheel from the source tree, installs
it (with its dependencies, from the package index) into a new virtual environment that has never
seen the source, and there imports civilframe and reads every bundled data file through the
public API, so that a data file missing from the wheel fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "civilframe" / "data"

# Run inside the clean environment: it prints what it found as one JSON document.
_PROBE = """
import json, pathlib, civilframe as cf
from importlib.resources import files
loaded = {id: len(cf.load(id).indicators) for id in cf.frameworks()}
data = files("civilframe").joinpath("data")
shipped = sorted(
    str(path.relative_to(pathlib.Path(str(data))))
    for path in pathlib.Path(str(data)).rglob("*") if path.is_file()
)
role = cf.SuccessProfile(
    title="Adviser", grade="Grade 7", framework="competency-framework",
    competencies=("Seeing the Big Picture",),
)
print(json.dumps({
    "location": cf.__file__,
    "version": cf.__version__,
    "loaded": loaded,
    "shipped": shipped,
    "grades": len(cf.grades()),
    "elements": len(cf.elements()),
    "methods": len(cf.assessment_methods()),
    "links": len(cf.crosswalk().links),
    "schemas": [sorted(cf.framework_schema()), sorted(cf.profile_schema())],
    "findings": [f.message for f in role.check()],
    "typed": files("civilframe").joinpath("py.typed").is_file(),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the probe finds in a clean environment with only the built wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    wheels = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("civilframe-*.whl")
    env = work / "env"
    venv.create(env, with_pip=True)
    python = env / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    probe = subprocess.run(
        [str(python), "-I", "-c", _PROBE], check=True, capture_output=True, text=True, cwd=work
    )
    found: dict[str, object] = json.loads(probe.stdout)
    return found


def test_it_is_the_installed_wheel_that_runs(installed: dict[str, object]) -> None:
    """The probe imported civilframe from the clean environment, not from the source tree."""
    assert str(ROOT / "src") not in str(installed["location"])
    assert "site-packages" in str(installed["location"])
    assert installed["version"] != "0+unknown"


def test_every_data_file_of_the_source_is_in_the_wheel(installed: dict[str, object]) -> None:
    """The wheel ships every file under ``civilframe/data``, and nothing else there."""
    in_source = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*") if p.is_file())
    assert installed["shipped"] == in_source


def test_every_bundled_document_loads_from_the_wheel(installed: dict[str, object]) -> None:
    """Frameworks, grades, elements, methods, crosswalk, schemas and guidance all load."""
    import civilframe as cf

    assert installed["loaded"] == {id: len(cf.load(id).indicators) for id in cf.frameworks()}
    assert installed["grades"] == len(cf.grades())
    assert installed["elements"] == len(cf.elements())
    assert installed["methods"] == len(cf.assessment_methods())
    assert installed["links"] == len(cf.crosswalk().links)
    assert installed["schemas"] == [sorted(cf.framework_schema()), sorted(cf.profile_schema())]
    assert installed["typed"] is True
    role = cf.SuccessProfile(
        title="Adviser",
        grade="Grade 7",
        framework="competency-framework",
        competencies=("Seeing the Big Picture",),
    )
    assert installed["findings"] == [f.message for f in role.check()]
