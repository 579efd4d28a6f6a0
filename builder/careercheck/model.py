"""The check definition format, as typed models.

One source of truth: validation, the compiled scoring spec and (later) the
published JSON Schema all come from these classes. Cross-field rules that a
schema cannot express (references, band coverage) live in ``rules.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Ids end up in HTML attributes, file names and JSON keys: keep them plain.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not silently drop a setting."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class About(Strict):
    """What a participant must know before starting (the content rules)."""

    audience: Text = Field(description="For whom the check is meant.")
    duration: Text = Field(description="How long it takes, e.g. '5 minuten'.")
    purpose: Text = Field(description="What it is for: reflection and a conversation, not selection.")
    sources: Text = Field(description="Where the questions come from.")
    licence: Text = Field(description="The licence of the questions.")


class Likert(Strict):
    points: int = Field(ge=2, le=11, description="Number of answer options, scored 1..points.")
    anchors: list[Text] = Field(description="One label per point, lowest first.")


class Band(Strict):
    id: Identifier
    from_: float = Field(alias="from", description="Lowest score in this band (inclusive).")
    to: float = Field(description="Upper bound (exclusive, inclusive for the highest band).")
    label: Text = Field(description="Short name of the band, shown on the profile.")
    text: Text = Field(description="Plain-language interpretation with a next step.")


class Scale(Strict):
    id: Identifier
    name: Text
    description: Text | None = None
    min_answered: int | None = Field(
        default=None,
        ge=1,
        description="Fewest answered items for a score; default: half the items, rounded up.",
    )
    bands: list[Band] = Field(min_length=1)


class Question(Strict):
    type: Literal["likert"]
    name: Identifier
    label: Text
    hint: Text | None = None
    scale: Identifier
    reverse: bool = Field(default=False, description="Reverse-keyed: a high answer means a low score.")


class Check(Strict):
    id: Identifier
    language: Literal["nl", "en"]
    title: Text
    intro: Text
    about: About
    likert: Likert
    scales: list[Scale] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
