"""Rules that need the whole check: unique ids, references, answer scales, band
coverage and conditions (each question type checks its own keys, in questions.py).

Each rule yields Findings: where in the file, what is wrong and how to fix it.
Missing translations and sentences too hard for B1 readers are warnings (errors
under --strict); the rest are errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import markdown

from careercheck_engine.matching import LEVELS

from careercheck.format.conditions import ConditionError, compile_condition
from careercheck.format.model import Avoid, Check, Scale
from careercheck.format.parts import WORK_CONDITIONS, Likert
from careercheck.format.questions import ChoiceQuestion, LikertQuestion, Question, ScoredQuestion, SingleQuestion
from careercheck.format.readability import hard_sentences
from careercheck.format.texts import missing_translations, wordings
from careercheck.html_safety import unsafe_html


@dataclass(frozen=True)
class Finding:
    loc: tuple[str | int, ...]
    message: str
    at_key: bool = False  # point at the key rather than its value
    warning: bool = False


def check_rules(check: Check) -> Iterator[Finding]:
    yield from _unique(check)
    yield from _answer_scales(check)
    yield from _scales(check)
    yield from _conditions(check)
    yield from _riasec_and_quality(check)
    yield from _safe_html(check)
    yield from _plain_sentences(check)
    for loc, missing in missing_translations(check, check.languages):
        yield Finding(loc, f"no {' or '.join(missing)} text here; add it as '{missing[0]}: ...'", warning=True)


def _safe_html(check: Check) -> Iterator[Finding]:
    """No text may hold HTML that runs script or loads from another site (the intro is Markdown)."""
    for loc, _, words in wordings(check, check.languages):
        for unsafe in unsafe_html(markdown.markdown(words)):
            yield Finding(loc, unsafe.what)


def _plain_sentences(check: Check) -> Iterator[Finding]:
    """Each sentence on its own: a check can read at B1 on average and still hold one that stops a reader."""
    for loc, language, words in wordings(check, check.languages):
        for sentence, problems in hard_sentences(words, language):
            yield Finding(loc, f"({language}) '{sentence}' is hard to read: {'; '.join(problems)}; "
                               "split the sentence or use shorter words", warning=True)


def question_locations(check: Check) -> Iterator[tuple[tuple[str | int, ...], Question]]:
    for s, section in enumerate(check.sections):
        for q, question in enumerate(section.questions):
            yield ("sections", s, "questions", q), question


def _duplicates(values: list[str]) -> Iterator[int]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index
        seen.add(value)


def _unique(check: Check) -> Iterator[Finding]:
    located = list(question_locations(check))
    for index in _duplicates([q.name for _, q in located]):
        loc, question = located[index]
        yield Finding((*loc, "name"), f"question name '{question.name}' is used twice; give each question its own name")
    for field, ids in (
        ("sections", [s.id for s in check.sections]),
        ("scales", [s.id for s in check.scales]),
        ("conclusions", [c.id for c in check.conclusions]),
    ):
        for index in _duplicates(ids):
            yield Finding((field, index, "id"), f"'{ids[index]}' is used twice in '{field}'; give each one its own id")
    for loc, question in located:
        if isinstance(question, ChoiceQuestion):
            for index in _duplicates([o.value for o in question.options]):
                yield Finding((*loc, "options", index, "value"), f"option value '{question.options[index].value}' is used twice; give each option its own value")


def _answer_scales(check: Check) -> Iterator[Finding]:
    """Each likert question needs an answer scale, its own or the check's, with one anchor per point."""
    if check.likert:
        yield from _anchors(("likert",), check.likert)
    for loc, q in question_locations(check):
        if not isinstance(q, LikertQuestion):
            continue
        if q.likert:
            yield from _anchors((*loc, "likert"), q.likert)
        elif not check.likert:
            yield Finding(loc, f"likert question '{q.name}' has no answer scale; add 'likert:' to the check or to the question")


def _anchors(loc: tuple, likert: Likert) -> Iterator[Finding]:
    if len(likert.anchors) != likert.points:
        yield Finding((*loc, "anchors"), f"{len(likert.anchors)} anchors for {likert.points} points; give exactly one label per point", at_key=True)


def _scales(check: Check) -> Iterator[Finding]:
    scale_ids = [s.id for s in check.scales]
    for loc, q in question_locations(check):
        if isinstance(q, ScoredQuestion) and q.scale and q.scale not in scale_ids:
            known = ", ".join(scale_ids) or "none defined"
            yield Finding((*loc, "scale"), f"question '{q.name}' names scale '{q.scale}', which is not defined; use one of: {known}, or add it under 'scales:'")
    for index, scale in enumerate(check.scales):
        items = check.scale_items(scale.id)
        if not items:
            yield Finding(("scales", index, "id"), f"scale '{scale.id}' has no questions; add questions with 'scale: {scale.id}' or remove the scale")
            continue
        ranges = {q.item_range(check) for q in items}
        if None in ranges:
            continue  # a likert question without an answer scale is reported above
        if len(ranges) > 1:
            yield Finding(("scales", index, "id"), f"the questions on scale '{scale.id}' have different answer ranges {sorted(ranges)}; give them the same answer scale")
            continue
        if scale.min_answered is not None and scale.min_answered > len(items):
            yield Finding(("scales", index, "min_answered"), f"min_answered is {scale.min_answered} but scale '{scale.id}' has only {len(items)} questions; lower it")
        yield from _bands(scale, ("scales", index), scale.score_range(items, ranges.pop()))


def _bands(scale: Scale, at: tuple, bounds: tuple[float, float]) -> Iterator[Finding]:
    """Bands must cover the scale's whole score range without gaps or overlaps."""
    low, high = bounds
    expected = low
    for index, band in enumerate(scale.bands):
        where = (*at, "bands", index)
        if band.from_ < expected:
            yield Finding((*where, "from"), f"band '{band.id}' starts at {band.from_:g}, overlapping the band before it; start it at {expected:g}")
        elif band.from_ > expected:
            yield Finding((*where, "from"), f"gap: no band covers scores from {expected:g} to {band.from_:g}; start band '{band.id}' at {expected:g}")
        if band.to <= band.from_:
            yield Finding((*where, "to"), f"band '{band.id}' ends at {band.to:g}, not above its start {band.from_:g}; make 'to' larger than 'from'")
        expected = band.to
    if expected != high:
        last = (*at, "bands", len(scale.bands) - 1, "to")
        yield Finding(last, f"the highest band of scale '{scale.id}' ends at {expected:g}; end it at {high:g} (the highest possible score)")
    for index in _duplicates([b.id for b in scale.bands]):
        yield Finding((*at, "bands", index, "id"), f"band id '{scale.bands[index].id}' is used twice in scale '{scale.id}'; give each band its own id")


def _avoid(loc: tuple, avoid: Avoid, question: Question | None) -> Iterator[Finding]:
    if not isinstance(question, ChoiceQuestion) or question.type != "multiple":
        yield Finding((*loc, "question"), f"matching avoid must name a multiple question; '{avoid.question}' is not one")
        return
    values = [o.value for o in question.options]
    if avoid.conditions is None:
        wrong = [v for v in values if v not in WORK_CONDITIONS]
        if wrong:
            yield Finding(loc, f"the options of '{avoid.question}' ({', '.join(wrong)}) are no working conditions "
                               f"({', '.join(WORK_CONDITIONS)}); map them under 'conditions'", at_key=True)
    for option in avoid.conditions or {}:
        if option not in values:
            yield Finding((*loc, "conditions", option), f"'{option}' is no option of '{avoid.question}'; use one of: {', '.join(values)}", at_key=True)


def _conditions(check: Check) -> Iterator[Finding]:
    names = [q.name for _, q in question_locations(check)]
    scales = [s.id for s in check.scales]
    asked: list[str] = []
    for s, section in enumerate(check.sections):
        if section.relevant:
            yield from _condition(("sections", s, "relevant"), section.relevant, asked, (), names)
        for q, question in enumerate(section.questions):
            if question.relevant:
                yield from _condition(("sections", s, "questions", q, "relevant"), question.relevant, asked, (), names)
            for o, option in enumerate(getattr(question, "options", [])):
                if option.relevant:
                    yield from _condition(("sections", s, "questions", q, "options", o, "relevant"), option.relevant, asked, (), names)
            asked.append(question.name)
    for index, conclusion in enumerate(check.conclusions):
        yield from _condition(("conclusions", index, "when"), conclusion.when, names, scales, ())
    if check.matching and check.matching.study_ideas:
        yield from _condition(("matching", "study_ideas"), check.matching.study_ideas, names, scales, ())


def _condition(loc: tuple, text: str, answers, scales, later) -> Iterator[Finding]:
    try:
        compile_condition(text, answers, scales, [n for n in later if n not in answers])
    except ConditionError as error:
        yield Finding(loc, str(error))


def _riasec_and_quality(check: Check) -> Iterator[Finding]:
    scale_ids = {s.id for s in check.scales}
    if check.riasec is not None:
        missing = [letter for letter in "RIASEC" if letter not in check.riasec]
        if missing:
            yield Finding(("riasec",), f"riasec needs a scale for each of R, I, A, S, E, C; add {', '.join(missing)}", at_key=True)
        for letter, scale in check.riasec.items():
            if scale not in scale_ids:
                yield Finding(("riasec", letter), f"riasec {letter} names scale '{scale}', which is not defined")
    questions = {q.name: q for _, q in question_locations(check)}
    if check.matching:
        named = [("values", "ranking", check.matching.values), ("skills", "multiple", check.matching.skills), ("level", "single", check.matching.level)]
        named += [("current_job", "occupation", name) for name in check.matching.job_questions]
        for key, kind, name in named:
            if name and (name not in questions or questions[name].type != kind):
                yield Finding(("matching", key), f"matching {key} must name a {kind} question; '{name}' is not one")
        level = questions.get(check.matching.level or "")
        if isinstance(level, SingleQuestion) and not {o.value for o in level.options} & set(LEVELS):
            yield Finding(("matching", "level"), f"matching level names '{level.name}', but none of its option values is a level "
                          f"({', '.join(LEVELS)}); give the options those values")
        for index, avoid in enumerate(check.matching.avoid):
            yield from _avoid(("matching", "avoid", index), avoid, questions.get(avoid.question))
    for index, pair in enumerate(check.quality.pairs):
        found = [questions.get(name) for name in pair]
        if not all(isinstance(q, LikertQuestion) for q in found):
            yield Finding(("quality", "pairs", index), f"quality pair {list(pair)} must name two likert questions")
        elif found[0].reverse == found[1].reverse:
            yield Finding(("quality", "pairs", index), f"quality pair {list(pair)} must be keyed in opposite directions: mark one of them 'reverse: true'")
