"""The check definition format, as typed models.

One source of truth: validation, the compiled scoring spec, the published
JSON Schema and the authors' reference page all come from these classes and
the question types (``questions.py``). Rules that need the whole check
(references, band coverage, conditions) live in ``rules.py``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from careercheck.format.parts import Condition, Identifier, Language, Likert, Part, Plain, Strict, Text, WorkCondition, broken_rule
from careercheck.format.questions import Question, ScoredQuestion


class About(Strict):
    """What a participant must know before starting (the content rules)."""

    audience: Text = Field(description="For whom the check is meant.")
    duration: Text = Field(description="How long it takes, e.g. 'Ongeveer 5 minuten'.")
    purpose: Text = Field(description="What it is for: reflection and a conversation, not selection.")
    sources: Text = Field(description="Where the questions come from, with attribution.")
    licence: Text = Field(description="The licence of the questions.")


class Section(Strict):
    """A part of the check, shown as one screen with a progress indicator."""

    id: Identifier = Field(description="Unique within the check.")
    title: Text = Field(description="Shown above the part and in the progress indicator.")
    intro: Text | None = Field(default=None, description="A sentence or two before the questions.")
    relevant: Condition | None = Field(default=None, description="Show the section only when this holds.")
    part: Part | None = Field(
        default=None,
        description="The career question this part answers, where its answers go on the profile: waarom (the occasion), "
        "wie, wat_wil, wat_kan, waar or hoe. Without it, the profile shows them under this section's title.",
    )
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

    def score_range(self, items: list[ScoredQuestion], item_range: tuple[float, float]) -> tuple[float, float]:
        """The lowest and highest score, from the answer range its items share."""
        low, high = item_range
        if self.method == "mean":
            return low, high
        weight = sum(q.weight for q in items)
        return low * weight, high * weight


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
    steps: list[Text] = Field(default_factory=list, description="Concrete next steps, each naming who helps; no invented figures.")
    link: Link | None = Field(default=None, description="A page to read next, e.g. about jobs or another check.")
    part: Part | Literal["gesprek"] = Field(
        default="waarom",
        description="Where it goes on the profile: a career question's part, or gesprek (a question to talk about with a coach).",
    )


class Quality(Strict):
    """Signs that answers may not reflect the person, shown gently on the profile."""

    straight_lining: int = Field(
        default=8, ge=3, description="Flag when at least this many likert answers are all the same."
    )
    pairs: list[tuple[Identifier, Identifier]] = Field(
        default_factory=list, description="Pairs of opposite-keyed likert questions on one trait: agreeing with both is flagged."
    )


class Avoid(Strict):
    """A multiple-choice question whose answers name working conditions to avoid: they lower an option that has them."""

    question: Identifier = Field(description="A multiple-choice question.")
    why: Literal["not_wanted", "drains"] = Field(description="not_wanted: the person no longer wants it; drains: it costs them energy.")
    conditions: dict[Identifier, WorkCondition] | None = Field(
        default=None, description="Option value -> condition of the occupation pages; without it, the option values are the conditions.")

    def condition_of(self, option: str) -> str | None:
        return option if self.conditions is None else self.conditions.get(option)


class Matching(Strict):
    """Which answers match a person with the occupation pages (with riasec, for interests)."""

    values: Identifier | None = Field(default=None, description="A ranking question of work values; its option values are the ids occupation pages use.")
    skills: Identifier | None = Field(default=None, description="A multiple-choice question of skills; its option values are the ids occupation pages use.")
    current_job: Identifier | list[Identifier] | None = Field(
        default=None,
        description="An occupation question: options then say how far they are from this job. Several (e.g. the current job for "
        "who works, the last job for who looks for work): the first one answered counts.",
    )

    avoid: list[Avoid] = Field(default_factory=list, description="Answers that name working conditions to avoid (e.g. night shifts, time pressure).")
    level: Identifier | None = Field(
        default=None,
        description="A single-choice question of the person's highest diploma, its option values the levels of the pages' routes "
        "(geen, mbo1 ... mbo4, hbo, wo; any other value, such as a diploma from abroad, counts as not known). A diploma of an "
        "option's level is then not listed as still to learn but as one to ask about, and work asking two levels less is said to.",
    )
    study_ideas: str | None = Field(default=None, description="A condition (e.g. \"situatie == 'school'\"): when it holds, the profile lists directions of study.")

    @property
    def job_questions(self) -> list[str]:
        """The occupation questions of ``current_job``, as a list."""
        job = self.current_job
        return [job] if isinstance(job, str) else list(job or [])


class Check(Strict):
    """A check: one YAML file under checks/."""

    id: Identifier = Field(description="Unique; the page is checks/ID/.")
    version: int = Field(
        default=1, ge=1, description="Raise it when questions or options change: saved and shared answers name the version they were given in."
    )
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
            raise broken_rule("each language may be listed once; remove the repeated one", at="languages")
        return self

    @property
    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def scale_items(self, scale_id: str) -> list[ScoredQuestion]:
        """The questions that count on scale ``scale_id``."""
        return [q for q in self.questions if isinstance(q, ScoredQuestion) and q.scale == scale_id]
