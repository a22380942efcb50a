"""The shipped JSON Schema agrees with the loader on valid documents."""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import civilframe as cf

from .strategies import framework_documents


@functools.cache
def _validator() -> Any:
    schema = cf.framework_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def validator() -> Any:
    """A validator for the framework schema shipped in the package."""
    return _validator()


def test_schema_is_shipped_in_the_package() -> None:
    """The schema is a package resource, found with importlib.resources."""
    resource = (
        files("civilframe").joinpath("data").joinpath("schemas").joinpath("framework.schema.json")
    )
    assert json.loads(resource.read_text("utf-8")) == cf.framework_schema()


@pytest.mark.parametrize("framework_id", list(cf.frameworks()))
def test_bundled_frameworks_are_valid_under_the_schema(validator: Any, framework_id: str) -> None:
    """Every bundled framework, as written, is valid under the schema."""
    document = json.loads(cf.dumps(cf.load(framework_id)))
    assert list(validator.iter_errors(document)) == []


@given(framework_documents())
def test_generated_frameworks_are_valid_under_the_schema(document: dict[str, Any]) -> None:
    """Every document the loader accepts is valid under the schema."""
    cf.loads(json.dumps(document))
    schema_validator = jsonschema.Draft202012Validator(cf.framework_schema())
    assert list(schema_validator.iter_errors(document)) == []


@pytest.mark.parametrize("text", [" lead", "lead ", "le  ad", "le\tad", "le\nad", "", "le\u2028ad"])
def test_schema_rejects_text_the_loader_rejects(validator: Any, text: str) -> None:
    """The schema's text pattern refuses the same badly formed text as the loader."""
    document = json.loads(cf.dumps(cf.load("competency-framework-2012-sms1")))
    document["title"] = text
    assert list(validator.iter_errors(document))
    with pytest.raises(cf.InvalidDocumentError):
        cf.loads(json.dumps(document))
