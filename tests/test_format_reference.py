"""The published JSON Schema and the authors' reference page, generated from the model."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from careercheck.format.model import Question
from careercheck.format.reference import schema, schema_text
from conftest import ROOT

CHECK_FILES = sorted([*ROOT.glob("checks/*.yml"), *ROOT.glob("tests/fixtures/*.yml")])


def test_schema_next_to_the_checks_is_the_models(tmp_path: Path) -> None:
    assert (ROOT / "checks/check.schema.json").read_text() == schema_text(), "run 'make schema'"


@pytest.mark.parametrize("path", CHECK_FILES, ids=[p.name for p in CHECK_FILES])
def test_schema_accepts_every_real_check(path: Path) -> None:
    jsonschema.Draft202012Validator(schema()).validate(YAML(typ="safe").load(path.read_text()))


def test_schema_rejects_what_the_loader_rejects() -> None:
    check = YAML(typ="safe").load((ROOT / "checks/werkenergie.yml").read_text())
    check["sections"][0]["questions"][0]["revers"] = True
    with pytest.raises(jsonschema.ValidationError, match="'revers' was unexpected"):
        jsonschema.Draft202012Validator(schema()).validate(check)


def test_reference_page_and_schema_are_published(site: Path) -> None:
    page = (site / "makers/check-format/index.html").read_text()
    for key in Question.model_fields:
        assert f"<code>{key}</code>" in page
    assert (site / "schema/check.schema.json").read_text() == schema_text()
