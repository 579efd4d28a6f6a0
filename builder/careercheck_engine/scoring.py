"""Score a check: clean the answers, score the scales, interpret.

The input is a scoring spec (compiled by the builder, one per language) and
the visitor's answers; the output is a plain result structure (JSON-ready).
"""

from __future__ import annotations

import json
from typing import Any

from careercheck_engine.answers import clean
from careercheck_engine.conditions import holds
from careercheck_engine.jobs import JobIndex, find
from careercheck_engine.matching import match
from careercheck_engine.quality import quality
from careercheck_engine.riasec import interests
from careercheck_engine.scales import score_scale

Spec = dict[str, Any]
Result = dict[str, Any]


def score(spec: Spec, answers: dict[str, Any], occupations: list[dict] | None = None, esco: str | JobIndex | None = None) -> Result:
    """Score ``answers`` (question name -> answer) against a compiled ``spec``; with the site's
    ``occupations``, also the options that match and why; with the ESCO index, how far each
    is from the person's current job."""
    valid, ignored, visible = clean(spec, answers)
    letters = {scale_id: letter for letter, scale_id in (spec["riasec"] or {}).items()}
    shown = set(visible["questions"])
    # A scale none of whose questions were shown (branching) is not part of the profile.
    asked = [scale for scale in spec["scales"] if any(item["q"] in shown for item in scale["items"])]
    scales = [score_scale(scale, spec["questions"], valid, shown) | {"letter": letters.get(scale["id"])} for scale in asked]
    by_id = {s["id"]: {"score": s["score"], "band": s["band"] and s["band"]["id"], **_norm_fields(s)} for s in scales}
    riasec = interests({k: by_id.get(v, {}).get("score") for k, v in spec["riasec"].items()}) if spec["riasec"] else None
    matching = spec.get("matching")
    matched = current = None
    job = next((valid[name] for name in (matching or {}).get("current_job") or [] if name in valid), None)
    if job and esco:
        current = find(esco, job)
    if matching and occupations is not None:
        matched = match(_person(matching, valid, riasec), occupations, current)
        if job and not current:  # named, but not in the index at hand: said, not left out silently
            matched["notes"].append("job_unknown")
        if holds(matching.get("study_ideas") or ["const", False], valid, by_id):
            matched["studies"] = list({s["url"]: s for o in matched["options"] for s in o["studies"]}.values())
    return {
        "check": spec["id"],
        "title": spec["title"],
        "language": spec["language"],
        "answered": len(valid),
        "questions": len(visible["questions"]),
        "visible": visible,
        "scales": scales,
        "riasec": riasec,
        "options": matched and matched["options"],
        "matching": matched and {"notes": matched["notes"], "studies": matched.get("studies", [])},
        "current_job": current,
        "conclusions": [
            {k: c.get(k) for k in ("id", "title", "text", "steps", "link", "part")}
            for c in spec["conclusions"]
            if holds(c["when"], valid, by_id)
        ],
        "quality": quality(spec, valid),
        "ignored": ignored,
    }


def visible(spec: Spec, answers: dict[str, Any]) -> dict[str, Any]:
    """Which sections and questions to show, and which choices to hide, given the answers so far (branching)."""
    return clean(spec, answers)[2]


def _person(matching: dict, valid: dict, riasec: dict | None) -> dict[str, Any]:
    """What matching reads of the answers; None for what the check does not ask, [] for what is unanswered.
    A condition the person no longer wants outweighs one that drains them: it is the stronger reason."""
    avoid: dict[str, str] = {}
    for rule in sorted(matching.get("avoid") or [], key=lambda r: r["why"] == "not_wanted"):
        avoid |= {rule["conditions"][v]: rule["why"] for v in valid.get(rule["question"], []) if v in rule["conditions"]}
    return {"riasec": riasec, "avoid": avoid, "level": valid.get(matching.get("level") or ""),
            **{part: valid.get(matching[part], []) if matching.get(part) else None for part in ("values", "skills")}}


def _norm_fields(scale: Result) -> dict[str, Any]:
    norms = scale["norms"] or {}
    return {"t": norms.get("t"), "percentile": norms.get("percentile")}


def score_json(spec_json: str, answers_json: str, occupations_json: str = "null", esco: str | JobIndex = "") -> str:
    """JSON in, JSON out: the browser worker passes strings, not proxies."""
    result = score(json.loads(spec_json), json.loads(answers_json), json.loads(occupations_json), esco or None)
    return json.dumps(result, ensure_ascii=False)


def visible_json(spec_json: str, answers_json: str) -> str:
    return json.dumps(visible(json.loads(spec_json), json.loads(answers_json)))
