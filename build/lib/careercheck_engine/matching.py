"""Match a person with occupations, and say why: shared interests, values and skills.

Every part is simple enough to explain to the person:
- interests: Iachan's M between the person's Holland code(s) and the occupation's, as a share of 28;
- values: the person's top values, weighted by rank (first 5 points ... fifth 1), as a share of 15;
- skills: the share of the occupation's skills the person says they have.
The fit is 1/2 interests + 1/4 values + 1/4 skills, over the parts both sides have.
"""

from __future__ import annotations

from typing import Any

from careercheck_engine.jobs import shared_isco_digits
from careercheck_engine.riasec import congruence

WEIGHTS = {"interests": 0.5, "values": 0.25, "skills": 0.25}
SHOWN = 5  # options on the profile: a short list to talk about, not a verdict


def match(
    riasec: dict | None, values: list[str], skills: list[str], occupations: list[dict], current: dict | None = None
) -> list[dict[str, Any]]:
    """Ranked options; with the person's ``current`` job ({uuid, isco}), how far each is from it."""
    ranked = [_fit(riasec, values, skills, occupation) for occupation in occupations]
    ranked = [r | _distance(current, o, occupations) for r, o in zip(ranked, occupations) if r["fit"] > 0]
    return sorted(ranked, key=lambda r: (-r["fit"], r["title"]))[:SHOWN]


def _distance(current: dict | None, occupation: dict, occupations: list[dict]) -> dict[str, Any]:
    """Shared ISCO digits with the current job, and the skills the person takes along when
    the current job has a page of its own (overstapberoepen)."""
    if not current:
        return {"distance": None}
    page = next((o for o in occupations if o.get("esco") == current["uuid"]), None)
    carried = [s for s in occupation.get("skills", []) if page and s in page.get("skills", [])]
    return {"distance": {"same": occupation.get("esco") == current["uuid"],
                         "isco_digits": shared_isco_digits(current["isco"], occupation.get("isco")),
                         "carried": carried}}


def _fit(riasec: dict | None, values: list[str], skills: list[str], occupation: dict) -> dict[str, Any]:
    parts: dict[str, float] = {}
    reasons: dict[str, Any] = {"interests": None, "values": [], "skills": [], "develop": []}
    if riasec and riasec.get("codes") and occupation.get("riasec"):
        parts["interests"] = congruence(riasec["codes"], [occupation["riasec"]])["iachan_m"] / 28
        reasons["interests"] = {"person": riasec["codes"][0], "occupation": occupation["riasec"]}
    if values and occupation.get("values"):
        shared = [v for v in values if v in occupation["values"]]
        parts["values"] = sum(max(0, 5 - values.index(v)) for v in shared) / 15
        reasons["values"] = shared
    if skills and occupation.get("skills"):
        reasons["skills"] = [s for s in occupation["skills"] if s in skills]
        reasons["develop"] = [s for s in occupation["skills"] if s not in skills]
        parts["skills"] = len(reasons["skills"]) / len(occupation["skills"])
    weight = sum(WEIGHTS[p] for p in parts)
    fit = sum(WEIGHTS[p] * v for p, v in parts.items()) / weight if weight else 0.0
    return {"id": occupation["id"], "title": occupation["title"], "url": occupation["url"], "fit": round(fit, 2), **reasons}
