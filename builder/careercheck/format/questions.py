"""The question types: one class per type, each with only the keys it uses.

A key of another type is an error (every class forbids unknown keys), and each
type checks what its own keys must agree on. Rules that need the whole check
(the default answer scale, scale ids) are in ``rules.py``. Each type also gives
what the engine (``spec``), the scales (``item_range``) and the form need of it.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

from pydantic import Field, model_validator

from careercheck.format.parts import Condition, Identifier, Image, Likert, Part, Strict, Text, broken_rule
from careercheck_engine.answers import MAX_TEXT

if TYPE_CHECKING:
    from careercheck.format.model import Check


class Option(Strict):
    """One choice of a single, multiple or ranking question."""

    value: Identifier = Field(description="Stored answer; used in conditions.")
    label: Text
    hint: Text | None = None
    image: Image | None = None
    score: float | None = Field(default=None, description="Points this option gives when the question is on a scale.")
    relevant: Condition | None = Field(
        default=None, description="Offer this choice only when this condition on earlier answers holds, e.g. \"not situatie == 'school'\".")


class BaseQuestion(Strict):
    """The keys of every question."""

    type: str  # each type narrows it to its own name, the tag of the Question union
    name: Identifier = Field(description="Unique within the check; used in scales and conditions.")
    label: Text = Field(description="The question, in plain words.")
    hint: Text | None = Field(default=None, description="Help shown under the question.")
    image: Image | None = None
    relevant: Condition | None = Field(default=None, description="Show only when this condition holds, e.g. \"werk == 'ja'\".")
    part: Part | None = Field(default=None, description="The profile part for this answer, when not its section's.")

    def spec(self, check: Check) -> dict[str, Any]:
        """What the engine needs to check an answer, beyond the type and when the question applies."""
        return {}

    def texts(self) -> list[Text | None]:
        """What a participant reads of this question."""
        return [self.label, self.hint]


class ScoredQuestion(BaseQuestion):
    """A question whose answer can count on a scale."""

    scale: Identifier | None = Field(default=None, description="The scale this question counts on.")
    weight: float = Field(default=1.0, gt=0, description="Weight of this question on its scale.")

    @abstractmethod
    def item_range(self, check: Check) -> tuple[float, float] | None:
        """The lowest and highest number an answer gives a scale; None when the check does not say."""


class ChoiceQuestion(BaseQuestion):
    """A question answered by choosing among options."""

    options: list[Option] = Field(min_length=2, description="The choices.")

    @model_validator(mode="before")
    @classmethod
    def _two_options(cls, data: Any) -> Any:
        # Before pydantic's own 'missing' or 'too short', so the message names the question.
        options = data.get("options", []) if isinstance(data, dict) else None
        if isinstance(options, list) and len(options) < 2:
            raise broken_rule(f"{data.get('type')} question '{data.get('name')}' needs 'options' with at least two choices")
        return data

    def spec(self, check: Check) -> dict[str, Any]:
        return {"options": {o.value: o.score for o in self.options}}

    def texts(self) -> list[Text | None]:
        return [*super().texts(), *(text for o in self.options for text in (o.label, o.hint))]


class SeveralChoices(ChoiceQuestion):
    """A question answered by choosing some of the options."""

    @property
    @abstractmethod
    def choice_limits(self) -> tuple[int, int]:
        """The fewest and the most options to choose."""

    @model_validator(mode="after")
    def _limits_fit_the_options(self) -> SeveralChoices:
        low, high = self.choice_limits
        count = len(self.options)
        if not 1 <= low <= high <= count:
            raise broken_rule(
                f"choose between 1 and {count} options: 'min' and 'max' must be whole numbers with 1 <= min <= max <= {count}",
                at="max" if "max" in self.model_fields_set else "min",
            )
        return self

    def spec(self, check: Check) -> dict[str, Any]:
        low, high = self.choice_limits
        return super().spec(check) | {"min_choices": low, "max_choices": high}


class LikertQuestion(ScoredQuestion):
    """A statement answered on a scale of labelled points, e.g. from 'disagree' to 'agree'."""

    type: Literal["likert"]
    reverse: bool = Field(default=False, description="Reverse-keyed: a high answer means a low score.")
    likert: Likert | None = Field(default=None, description="This question's own answer scale (default: the check's).")

    @model_validator(mode="after")
    def _on_a_scale(self) -> LikertQuestion:
        if not self.scale:
            raise broken_rule(f"likert question '{self.name}' is on no scale; add 'scale: ...' (or make it a single-choice question)", at="name")
        return self

    def answer_scale(self, check: Check) -> Likert | None:
        return self.likert or check.likert

    def item_range(self, check: Check) -> tuple[float, float] | None:
        scale = self.answer_scale(check)
        return (1, scale.points) if scale else None

    def spec(self, check: Check) -> dict[str, Any]:
        return {"min": 1, "max": self.answer_scale(check).points}

    def texts(self) -> list[Text | None]:
        return [*super().texts(), *(self.likert.anchors if self.likert else [])]


class SingleQuestion(ScoredQuestion, ChoiceQuestion):
    """One choice among the options; on a scale, each option gives its score."""

    type: Literal["single"]

    @model_validator(mode="after")
    def _scored_options(self) -> SingleQuestion:
        if self.scale and any(o.score is None for o in self.options):
            raise broken_rule(f"single-choice question '{self.name}' is on a scale, so every option needs a 'score'", at="scale")
        return self

    def item_range(self, check: Check) -> tuple[float, float]:
        scores = [o.score for o in self.options]
        return min(scores), max(scores)


class MultipleQuestion(SeveralChoices):
    """Several choices among the options."""

    type: Literal["multiple"]
    min: int | None = Field(default=None, ge=1, description="Fewest choices (default: 1).")
    max: int | None = Field(default=None, ge=1, description="Most choices (default: all options).")

    @property
    def choice_limits(self) -> tuple[int, int]:
        return self.min or 1, self.max or len(self.options)


class RankingQuestion(SeveralChoices):
    """Pick options and put them in order."""

    type: Literal["ranking"]
    max: int | None = Field(default=None, ge=1, description="How many places to fill (default: all options).")

    @property
    def choice_limits(self) -> tuple[int, int]:
        return 1, self.max or len(self.options)


class SliderQuestion(ScoredQuestion):
    """A number between min and max, chosen on a slider."""

    type: Literal["slider"]
    min: float = Field(description="Lowest value.")
    max: float = Field(description="Highest value.")
    step: float = Field(default=1.0, gt=0, description="Step between values.")
    min_label: Text | None = Field(default=None, description="What the lowest value means.")
    max_label: Text | None = Field(default=None, description="What the highest value means.")

    @model_validator(mode="after")
    def _min_below_max(self) -> SliderQuestion:
        if self.min >= self.max:
            raise broken_rule(f"slider '{self.name}' needs 'min' and 'max', with min below max")
        return self

    def item_range(self, check: Check) -> tuple[float, float]:
        return self.min, self.max

    def spec(self, check: Check) -> dict[str, Any]:
        return {"min": self.min, "max": self.max}

    def texts(self) -> list[Text | None]:
        return [*super().texts(), self.min_label, self.max_label]


class YesNoQuestion(ScoredQuestion):
    """Yes or no; on a scale, yes counts 1 and no 0."""

    type: Literal["yes_no"]

    def item_range(self, check: Check) -> tuple[float, float]:
        return 0, 1


class TextQuestion(BaseQuestion):
    """An open answer: kept on the device, printed on the profile, never scored."""

    type: Literal["text"]
    rows: int = Field(default=4, ge=1, le=20, description="Height of the answer box.")
    max_length: ClassVar[int] = MAX_TEXT  # the engine drops a longer answer


class OccupationQuestion(BaseQuestion):
    """Search ESCO's occupations, e.g. for the current or last job."""

    type: Literal["occupation"]


QUESTION_TYPES = (
    LikertQuestion, SingleQuestion, MultipleQuestion, RankingQuestion,
    SliderQuestion, YesNoQuestion, TextQuestion, OccupationQuestion,
)
# The title names the members in messages, as in "'reverse' is not used by a single question".
Question = Annotated[Union[QUESTION_TYPES], Field(discriminator="type", title="question")]
