"""Shared test settings: hypothesis profiles, the seeds folder and the headless browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import civilframe as cf

from . import chromium

#: CI runs each property on twice the examples of a development run: enough to find what the
#: generated frameworks can show, within the few minutes the whole of CI should take.
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium, started once for the session (see :mod:`tests.chromium`)."""
    yield from chromium.start()


@pytest.fixture(scope="module")
def ccf() -> cf.Framework:
    """The Competency Framework, update edition."""
    return cf.load("competency-framework")


@pytest.fixture(scope="module")
def lc3(ccf: cf.Framework) -> cf.Level:
    """Leading and Communicating at Level 3."""
    return ccf.competency("Leading and Communicating").level(3)
