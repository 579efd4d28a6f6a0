"""Match a person with occupations, and say honestly why.

Every part is simple enough to explain to the person (the site's about page does):
- interests: Iachan's M between the person's Holland code(s) and the occupation's, as a share
  of 28, the most two codes can share; a reason only when they share a letter the person has for
  certain (ties aside), 'good' from half of M with two letters shared, else 'partly';
- values: the points of the person's ranked values (first 5 ... fifth 1) that the occupation
  offers, as a share of the most its values could earn: offering the top three values scores 1;
- skills: the share of the occupation's skills the person has, by their own word or from the
  work they do now (the page of their job, or of its ISCO unit group).
The fit is 1/2 interests + 1/4 values + 1/4 skills, over the parts both sides have. Each working
condition the person wants to avoid (or that drains them) lowers it by AVOID, with that reason.
The person's highest diploma, when the check asks, is compared with the level the work asks: a
diploma of that level is one to ask about, not one still to learn; work asking two levels less is
said to (not lowered: after a reorganisation it can be a sound step).
What could not be used, and the absence of any good fit, are said in notes, never left out silently.
"""

from __future__ import annotations

from typing import Any

from careercheck_engine.jobs import shared_isco_digits
from careercheck_engine.riasec import congruence

WEIGHTS = {"interests": 0.5, "values": 0.25, "skills": 0.25}
POINTS = (5, 4, 3, 2, 1)  # a value ranked first ... fifth
AVOID = 0.15  # per condition the person wants to avoid: enough to move an option down, not to hide it
GOOD, PARTLY = 0.7, 0.45  # fits from which an option fits well, or partly; below: little
INTERESTS_GOOD = 0.5  # a share of M from which interests fit well (e.g. the first letters agree), with two letters shared
SHOWN = 5  # the best options on the profile (a short list to talk about, not a verdict), then
# the best step from one's own work and one's own work, when they are not among them
OWN_FIELD = {"same", "own_field"}  # no qualification to learn: the person works in this field
LEVELS = ("geen", "mbo1", "mbo2", "mbo3", "mbo4", "hbo", "wo")  # diplomas, lowest first
BELOW = 2  # levels under the person's diploma from which work is said to ask less


def match(person: dict, occupations: list[dict], current: dict | None = None) -> dict[str, Any]:
    """Ranked options with their reasons, and notes on what the ranking rests on.

    ``person``: ``riasec`` (None when the check has no interests), ``values`` and ``skills`` (None
    when the check does not ask, [] when unanswered), ``avoid`` ({condition: 'not_wanted' or 'drains'}),
    ``level`` (one of LEVELS; anything else, or None, when not known).
    ``current``: the person's job from the ESCO index ({uuid, isco, label}), if they named one."""
    riasec = person.get("riasec")
    codes = riasec["codes"] if riasec and riasec.get("status") == "scored" else []
    job = _job_page(current, occupations)
    known = set(person.get("skills") or []) | set(job["skills"] if job else [])
    ranked = [_fit(person, codes, known, o) | _relation(current, job, o) for o in occupations]
    for option in ranked:
        same = _kind(option) == "same"  # one's own job carries nothing over into itself
        option["from_job"] = [s for s in option.pop("job_skills") if job and not same and s in job["skills"] and s not in option["skills"]]
        if _kind(option) in OWN_FIELD:  # their own work: nothing to learn, nor a level to compare
            option |= {"qualification": None, "level_met": False, "below_level": False}
        elif _kind(option) == "step_up":  # up from their own work, whatever the diploma it asks
            option["below_level"] = False
    # A step up (route: after) is for people in the work it follows on, not a place to start.
    ranked = [r for r, o in zip(ranked, occupations) if not (o.get("route") or {}).get("after") or _kind(r) in ("same", "own_field", "step_up")]
    ranked = sorted((r for r in ranked if r["fit"] > 0 or _kind(r) == "same"),
                    key=lambda r: (-r["fit"], r["title"]))
    shown = ranked[:SHOWN]
    # Always on the list: the best step from one's own work (up rather than sideways), and one's own work itself.
    steps = [r for r in ranked if r["fit"] >= PARTLY]
    step = next((r for r in steps if _kind(r) == "step_up"), None) or next((r for r in steps if _kind(r) in ("own_field", "near")), None)
    shown += [r for r in ranked[SHOWN:] if r is step or _kind(r) == "same"]
    return {"options": shown, "notes": _notes(person, riasec, current, job, ranked)}


def _kind(option: dict) -> str | None:
    return (option["relation"] or {}).get("kind")


def _notes(person: dict, riasec: dict | None, current: dict | None, job: dict | None, ranked: list[dict]) -> list[str]:
    notes = []
    if riasec and riasec.get("status") == "scored" and not riasec.get("codes"):
        notes.append("interests_flat")
    elif riasec and riasec.get("status") != "scored":
        notes.append("interests_missing")
    notes += [f"{part}_missing" for part in ("values", "skills") if person.get(part) == []]
    if current and not job:
        notes.append("job_no_page")
    elif current and job and job.get("esco") != current["uuid"]:
        notes.append("job_by_group")
    if not ranked or ranked[0]["fit"] < GOOD:
        notes.append("no_good_fit")
    return notes


def _job_page(current: dict | None, occupations: list[dict]) -> dict | None:
    """The page of the person's job, or else one of its ISCO unit group (the first by title)."""
    if not current:
        return None
    same = [o for o in occupations if o.get("esco") == current["uuid"]]
    group = sorted((o for o in occupations if current.get("isco") and o.get("isco") == current["isco"]), key=lambda o: o["title"])
    return (same or group or [None])[0]


def _relation(current: dict | None, job: dict | None, occupation: dict) -> dict[str, Any]:
    """How far an option is from the person's work: the same work, a step up from it (the option's
    route follows on it), their own field (ISCO unit group), near (three digits, or a transfer route
    named by either page), further (two digits) or other."""
    if not current:
        return {"relation": None}
    digits = shared_isco_digits(current.get("isco"), occupation.get("isco"))
    linked = job is not None and (occupation["id"] in job.get("related", []) or job["id"] in occupation.get("related", []))
    if occupation.get("esco") == current["uuid"]:
        kind = "same"
    elif job is not None and job["id"] in (occupation.get("route") or {}).get("after", []):
        kind = "step_up"
    elif digits == 4:
        kind = "own_field"
    elif digits == 3 or linked:
        kind = "near"
    else:
        kind = "further" if digits == 2 else "other"
    return {"relation": {"kind": kind, "job": current.get("label"), "isco_digits": digits}}


def _fit(person: dict, codes: list[str], known: set[str], occupation: dict) -> dict[str, Any]:
    parts: dict[str, float] = {}
    values, skills = person.get("values") or [], person.get("skills") or []
    reasons: dict[str, Any] = {"interests": None, "values": [], "skills": [], "job_skills": [], "develop": []}
    if codes and occupation.get("riasec"):
        parts["interests"] = congruence(codes, [occupation["riasec"]])["iachan_m"] / 28
        # Only letters the person's code has for certain: with tied scores, a letter in one of the
        # tie-broken codes is no interest of theirs to speak of.
        shared = [letter for letter in occupation["riasec"] if all(letter in code for code in codes)]
        if shared:  # no shared letter, no reason
            good = parts["interests"] >= INTERESTS_GOOD and len(shared) >= 2
            reasons["interests"] = {"degree": "good" if good else "partly",
                                    "person": codes[0], "occupation": occupation["riasec"], "shared": "".join(shared)}
    if values and occupation.get("values"):
        reasons["values"] = [v for v in values if v in occupation["values"]]
        most = sum(POINTS[: min(len(values), len(occupation["values"]))])
        parts["values"] = sum(POINTS[values.index(v)] for v in reasons["values"] if values.index(v) < len(POINTS)) / most
    if known and occupation.get("skills"):
        reasons["skills"] = [s for s in occupation["skills"] if s in skills]
        reasons["job_skills"] = [s for s in occupation["skills"] if s in known]
        reasons["develop"] = [s for s in occupation["skills"] if s not in known]
        parts["skills"] = len(reasons["job_skills"]) / len(occupation["skills"])
    weight = sum(WEIGHTS[p] for p in parts)
    fit = sum(WEIGHTS[p] * v for p, v in parts.items()) / weight if weight else 0.0
    avoid = person.get("avoid") or {}
    conflicts = [{"condition": c, "why": avoid[c]} for c in occupation.get("conditions") or [] if c in avoid]
    if conflicts and fit > 0:
        fit = max(0.0, fit - AVOID * len(conflicts))
    route = occupation.get("route") or {}
    asked = route.get("level", "geen")
    # The diploma is part of what is still to learn; where the work asks for none, its certificates are.
    needed = route.get("qualification") if asked != "geen" else ", ".join(route.get("certificates") or []) or None
    above = LEVELS.index(person["level"]) - LEVELS.index(asked) if person.get("level") in LEVELS else None
    return {"id": occupation["id"], "title": occupation["title"], "url": occupation["url"], "fit": round(fit, 2),
            "degree": "good" if fit >= GOOD else "partly" if fit >= PARTLY else "little", **reasons, "avoid": conflicts, "qualification": needed,
            "level_met": asked != "geen" and above is not None and above >= 0, "below_level": above is not None and above >= BELOW,
            "studies": occupation.get("studies") or []}
