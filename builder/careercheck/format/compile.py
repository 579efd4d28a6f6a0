"""Compile a check into the scoring spec the engine reads (JSON-ready), one per language.

The spec holds what scoring and interpretation need, and the wording the profile
repeats (question labels, option labels, section titles); no intro, hints or
pictures. It is the contract between the builder and the engine.
"""

from __future__ import annotations

from typing import Any

from careercheck.format.conditions import compile_condition
from careercheck.format.model import Check
from careercheck.format.questions import LikertQuestion
from careercheck.format.texts import translator


def scoring_spec(check: Check, language: str | None = None) -> dict[str, Any]:
    language = language or check.languages[0]
    t = translator(check, language)
    names = [q.name for q in check.questions]
    scale_ids = [s.id for s in check.scales]
    asked: list[str] = []
    sections, questions = {}, {}
    for section in check.sections:
        sections[section.id] = {
            "relevant": _condition(section.relevant, asked),
            "questions": [q.name for q in section.questions],
            "title": t(section.title),
            "part": section.part,
        }
        for question in section.questions:
            relevant = _condition(question.relevant, asked)
            # Choices offered only to some, e.g. not "further in my work" to a school leaver.
            offered = {o.value: _condition(o.relevant, asked) for o in getattr(question, "options", []) if o.relevant}
            questions[question.name] = {
                "type": question.type, "relevant": relevant, **question.spec(check), **({"offered": offered} if offered else {}),
                # For the profile: what was asked, the chosen options' words, and where the answer goes.
                "label": t(question.label),
                "labels": {o.value: t(o.label) for o in getattr(question, "options", [])},
                "section": section.id,
                "part": question.part or section.part,
            }
            asked.append(question.name)
    return {
        "id": check.id,
        "version": check.version,
        "title": t(check.title),
        "language": language,
        "sections": sections,
        "questions": questions,
        "scales": [_scale(check, scale, t) for scale in check.scales],
        "riasec": dict(check.riasec) if check.riasec else None,
        "conclusions": [
            {
                "id": c.id,
                "when": compile_condition(c.when, names, scale_ids),
                "title": t(c.title),
                "text": t(c.text),
                "steps": [t(step) for step in c.steps],
                "part": c.part,
                # The site turns the page into a URL; the builder does not know the site's layout.
                "link": c.link and {"page": t(c.link.page), "label": t(c.link.label)},
            }
            for c in check.conclusions
        ],
        "quality": {"straight_lining": check.quality.straight_lining, "pairs": [list(p) for p in check.quality.pairs]},
        # current_job as a list always, so the engine reads one shape.
        "matching": check.matching and check.matching.model_dump() | {
            "current_job": check.matching.job_questions,
            "avoid": [{"question": a.question, "why": a.why,
                       "conditions": {v: a.condition_of(v) for v in questions[a.question]["labels"] if a.condition_of(v)}}
                      for a in check.matching.avoid],
            "study_ideas": compile_condition(check.matching.study_ideas, names, scale_ids) if check.matching.study_ideas else None,
        },
    }


def _condition(text: str | None, asked: list[str]) -> list | None:
    return compile_condition(text, list(asked)) if text else None


def _scale(check: Check, scale, t) -> dict[str, Any]:
    items = check.scale_items(scale.id)
    low, high = scale.score_range(items, items[0].item_range(check))
    return {
        "id": scale.id,
        "name": t(scale.name),
        "method": scale.method,
        # None: the engine asks half of the items the person was shown (branching may hide some).
        "min_answered": scale.min_answered,
        "items": [{"q": q.name, "weight": q.weight, "reverse": isinstance(q, LikertQuestion) and q.reverse} for q in items],
        "range": [low, high],
        "norms": scale.norms
        and {"group": t(scale.norms.group), "source": scale.norms.source, "mean": scale.norms.mean, "sd": scale.norms.sd},
        "bands": [{"id": b.id, "from": b.from_, "to": b.to, "label": t(b.label), "text": t(b.text)} for b in scale.bands],
    }
