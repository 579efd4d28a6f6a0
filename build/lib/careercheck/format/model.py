"""The check definition format, as typed models.

One source of truth: validation, the compiled scoring spec, the published
JSON Schema and the authors' reference page all come from these classes.
Rules across fields that a schema cannot express (references, band coverage,
conditions) live in ``rules.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Language = Literal["nl", "en"]
# Ids end up in HTML attributes, file names, JSON keys and conditions: keep them plain.
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Plain = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
# A text is one string (in the check's first language) or one per language.
Text = Plain | dict[Language, Plain]
Condition = Annotated[str, StringConstraints(min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must not silently drop a setting."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class About(Strict):
    """What a participant must know before starting (the content rules)."""

    audience: Text = Field(description="For whom the check is meant.")
    duration: Text = Field(description="How long it takes, e.g. 'Ongeveer 5 minuten'.")
    purpose: Text = Field(description="What it is for: reflection and a conversation, not selection.")
    sources: Text = Field(description="Where the questions come from, with attribution.")
    licence: Text = Field(description="The licence of the questions.")


class Image(Strict):
    """A picture or pictogram for a question or an option."""

    src: Plain = Field(description="Path of the picture within docs/, e.g. img/hamer.svg.")
    alt: Text = Field(description="What the picture shows, for people who cannot see it.")


class Likert(Strict):
    """An answer scale with labelled points (anchors), scored 1..points."""

    points: int = Field(ge=2, le=11, description="Number of answer options, scored 1..points.")
    anchors: list[Text] = Field(description="One label per point, lowest first.")


class Option(Strict):
    """One choice of a single, multiple or ranking question."""

    value: Identifier = Field(description="Stored answer; used in conditions.")
    label: Text
    hint: Text | None = None
    image: Image | None = None
    score: float | None = Field(default=None, description="Points this option gives when the question is on a scale.")


class Question(Strict):
    """One question. Which keys apply depends on its type (an unused key is an error)."""

    type: Literal["likert", "single", "multiple", "ranking", "slider", "yes_no", "text", "occupation"] = Field(
        description="likert, single (one choice), multiple (several choices), ranking (pick and order), "
        "slider, yes_no, text (open answer: kept on the device, printed on the profile, never scored), "
        "or occupation (search ESCO's occupations, e.g. for the current or last job)."
    )
    name: Identifier = Field(description="Unique within the check; used in scales and conditions.")
    label: Text = Field(description="The question, in plain words.")
    hint: Text | None = Field(default=None, description="Help shown under the question.")
    image: Image | None = None
    relevant: Condition | None = Field(default=None, description="Show only when this condition holds, e.g. \"werk == 'ja'\".")
    scale: Identifier | None = Field(default=None, description="The scale this question counts on.")
    reverse: bool = Field(default=False, description="likert: reverse-keyed, a high answer means a low score.")
    weight: float = Field(default=1.0, gt=0, description="Weight of this question on its scale.")
    likert: Likert | None = Field(default=None, description="likert: this question's own answer scale (default: the check's).")
    options: list[Option] | None = Field(default=None, description="single, multiple, ranking: the choices.")
    min: float | None = Field(default=None, description="slider: lowest value; multiple: fewest choices.")
    max: float | None = Field(default=None, description="slider: highest value; multiple, ranking: most choices.")
    step: float | None = Field(default=None, gt=0, description="slider: step between values.")
    min_label: Text | None = Field(default=None, description="slider: what the lowest value means.")
    max_label: Text | None = Field(default=None, description="slider: what the highest value means.")
    rows: int = Field(default=4, ge=1, le=20, description="text: height of the answer box.")


class Section(Strict):
    """A part of the check, shown as one screen with a progress indicator."""

    id: Identifier = Field(description="Unique within the check.")
    title: Text = Field(description="Shown above the part and in the progress indicator.")
    intro: Text | None = Field(default=None, description="A sentence or two before the questions.")
    relevant: Condition | None = Field(default=None, description="Show the section only when this holds.")
    questions: list[Question] = Field(min_length=1)


class Band(Strict):
    """A range of scale scores with its interpretation. Bands must cover the whole score range."""

    id: Identifier
    from_: float = Field(alias="from", description="Lowest score in this band (inclusive).")
    to: float = Field(description="Upper bound (exclusive; inclusive for the highest band).")
    label: Text = Field(description="Short name of the band, shown on the profile.")
    text: Text = Field(description="Plain-language interpretation with a next step.")


class Norms(Strict):
    """A norm group's mean and standard deviation: gives z, T (50 + 10z), percentile and stanine."""

    group: Text = Field(description="Who the norm group is, e.g. 'Nederlandse werkenden, 2019, n = 1200'.")
    source: Plain = Field(description="Publication or data set the norms come from.")
    mean: float
    sd: float = Field(gt=0)


class Scale(Strict):
    """A score made from questions that name it in 'scale'."""

    id: Identifier = Field(description="Unique within the check; questions name it in 'scale'.")
    name: Text = Field(description="Shown on the profile.")
    description: Text | None = None
    method: Literal["mean", "sum", "prorated_sum"] = Field(
        default="mean", description="mean (weighted), sum (weighted), or prorated_sum (sum scaled up for skipped items)."
    )
    min_answered: int | None = Field(
        default=None, ge=1, description="Fewest answered items for a score; default: half the items, rounded up."
    )
    norms: Norms | None = None
    bands: list[Band] = Field(min_length=1, description="Interpretations covering the scale's whole range, lowest first.")


Letter = Literal["R", "I", "A", "S", "E", "C"]


class Link(Strict):
    """A link from the profile to a page of the site."""

    page: Text = Field(description="The page within docs/, e.g. arbeidsmarkt.md or checks/loopbaancheck.md; per language if it differs.")
    label: Text = Field(description="The link text: says where it leads.")


class Conclusion(Strict):
    """A text on the profile when a condition on answers and scales holds."""

    id: Identifier
    when: Condition = Field(description="Condition on answers and scales, e.g. \"energie.band == 'laag'\".")
    title: Text
    text: Text
    link: Link | None = Field(default=None, description="A page to read next, e.g. about jobs or another check.")


class Quality(Strict):
    """Signs that answers may not reflect the person, shown gently on the profile."""

    straight_lining: int = Field(
        default=8, ge=3, description="Flag when at least this many likert answers are all the same."
    )
    pairs: list[tuple[Identifier, Identifier]] = Field(
        default_factory=list, description="Pairs of opposite-keyed likert questions on one trait: agreeing with both is flagged."
    )


class Matching(Strict):
    """Which answers match a person with the occupation pages (with riasec, for interests)."""

    values: Identifier | None = Field(default=None, description="A ranking question of work values; its option values are the ids occupation pages use.")
    skills: Identifier | None = Field(default=None, description="A multiple-choice question of skills; its option values are the ids occupation pages use.")
    current_job: Identifier | None = Field(default=None, description="An occupation question: options then say how far they are from this job.")


class Check(Strict):
    """A check: one YAML file under checks/."""

    id: Identifier = Field(description="Unique; the page is checks/ID/.")
    languages: list[Language] = Field(min_length=1, description="The first is the language of plain-string texts.")
    title: Text
    intro: Text = Field(description="Markdown shown before the questions.")
    about: About = Field(description="For whom, how long, what for, sources and licence: shown before the questions.")
    likert: Likert | None = Field(default=None, description="The default answer scale of likert questions.")
    sections: list[Section] = Field(min_length=1, description="The parts of the check, in order.")
    scales: list[Scale] = Field(default_factory=list)
    riasec: dict[Letter, Identifier] | None = Field(
        default=None, description="The scale of each Holland type, for a Holland code and congruence."
    )
    conclusions: list[Conclusion] = Field(default_factory=list)
    quality: Quality = Field(default_factory=Quality)
    matching: Matching | None = Field(default=None, description="Match the person with the occupation pages of the site.")

    @model_validator(mode="after")
    def _languages_unique(self) -> Check:
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("each language may be listed once")
        return self

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]
