"""The published JSON Schema and the authors' reference page, generated from the model."""

from __future__ import annotations

import typing
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from careercheck.format.questions import QUESTION_TYPES, LikertQuestion
from careercheck.format.reference import schema, schema_text
from conftest import ROOT

CHECK_FILES = sorted([*ROOT.glob("checks/*.yml"), *ROOT.glob("tests/fixtures/*.yml")])


def test_schema_next_to_the_checks_is_the_models(tmp_path: Path) -> None:
    assert (ROOT / "checks/check.schema.json").read_text() == schema_text(), "run 'make schema'"


@pytest.mark.parametrize("path", CHECK_FILES, ids=[p.name for p in CHECK_FILES])
def test_schema_accepts_every_real_check(path: Path) -> None:
    jsonschema.Draft202012Validator(schema()).validate(YAML(typ="safe").load(path.read_text()))


@pytest.mark.parametrize("key", ["revers", "rows"], ids=["a typo", "a key of another question type"])
def test_schema_rejects_what_the_loader_rejects(key: str) -> None:
    check = YAML(typ="safe").load((ROOT / "checks/werkenergie.yml").read_text())
    question = check["sections"][0]["questions"][0]
    question[key] = True
    with pytest.raises(jsonschema.ValidationError) as rejected:
        jsonschema.Draft202012Validator(schema()).validate(check)
    # The question fits no type; its own type says why.
    own_type = QUESTION_TYPES.index(LikertQuestion)
    assert question["type"] == "likert"
    assert [e.message for e in rejected.value.context if e.relative_schema_path[0] == own_type] == [
        f"Additional properties are not allowed ('{key}' was unexpected)"
    ]


def test_reference_page_and_schema_are_published(site: Path) -> None:
    page = (site / "makers/check-format/index.html").read_text()
    for question_type in QUESTION_TYPES:
        [tag] = typing.get_args(question_type.model_fields["type"].annotation)
        assert f"type: {tag}" in page
        for key in question_type.model_fields:
            assert f"<code>{key}</code>" in page
    assert (site / "schema/check.schema.json").read_text() == schema_text()


def test_the_reference_is_for_authors_not_in_the_participants_menu(site: Path) -> None:
    assert (site / "makers/check-format/index.html").is_file()
    for page in ("index.html", "checks/kortecheck/index.html", "en/index.html", "privacy/index.html"):
        assert "check-format" not in (site / page).read_text(), page
