"""The parts the check format is built from: ids, texts, pictures and answer scales,
shared by the questions (questions.py) and the check around them (model.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from careercheck.html_safety import on_another_site

Language = Literal["nl", "en"]
# Ids end up in HTML attributes, file names, JSON keys and conditions: keep them plain.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Plain = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
# A text is one string (in the check's first language) or one per language.
Text = Plain | dict[Language, Plain]
Condition = Annotated[str, StringConstraints(min_length=1)]
# The five career questions (Campagne et al.) with the occasion before them: the profile's parts.
Part = Literal["waarom", "wie", "wat_wil", "wat_kan", "waar", "hoe"]

RULE = "rule"  # the error type of a model's own rules: its message is for the author as it stands


def broken_rule(message: str, at: str | None = None) -> PydanticCustomError:
    """An error for a rule across a model's keys, pointing at key ``at`` (or at the whole model)."""
    return PydanticCustomError(RULE, message, {"at": at})


def _in_the_site(path: str) -> str:
    # A picture from another site would be loaded with the page, telling that site who does the check.
    if on_another_site(path):
        raise broken_rule(f"'{path}' is on another site; put the file in docs/ and give its path there, e.g. img/hamer.svg")
    return path


def _web_address(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        raise broken_rule(f"'{url}' is not a web address; write it in full, starting with https://")
    return url


SitePath = Annotated[Plain, AfterValidator(_in_the_site)]
WebAddress = Annotated[Plain, AfterValidator(_web_address)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not silently drop a setting. A number is finite:
    YAML's .nan and .inf (or 1e400) would pass every range rule and then break scoring."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Image(Strict):
    """A picture or pictogram for a question or an option."""

    src: SitePath = Field(description="Path of the picture within docs/, e.g. img/hamer.svg.")
    alt: Text = Field(description="What the picture shows, for people who cannot see it.")


class Likert(Strict):
    """An answer scale with labelled points (anchors), scored 1..points."""

    points: int = Field(ge=2, le=11, description="Number of answer options, scored 1..points.")
    anchors: list[Text] = Field(description="One label per point, lowest first.")
    faces: bool = Field(
        default=False,
        description="Show a face beside each anchor, from sad to happy, for readers who lean on pictures. The word stays the label.",
    )


# Working conditions an occupation page names (pages.py), so that what drains a person, or what they
# no longer want (a check's matching: avoid), can lower an option and say why.
WorkCondition = Literal["nacht", "tijdsdruk", "zwaar", "buiten", "klanten", "alleen", "team", "herhaling", "conflict"]
WORK_CONDITIONS: tuple[str, ...] = WorkCondition.__args__
