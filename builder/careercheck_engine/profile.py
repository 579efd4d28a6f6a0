"""The profile as a document: what it says, in parts, before any layout.

Organised by the five career questions (Campagne et al.), after the occasion:
waarom (why now), wie, wat_wil, wat_kan, waar, hoe; then questions to talk about
with a coach. Page one of the print is this summary; what it cuts short (long
written answers) and the full explanation of every score follow in the details.
``render.py`` turns the document into HTML, the same in the browser and on the
command line. Every text here is plain text: the renderer escapes it.
"""

from __future__ import annotations

import json
from typing import Any

from careercheck_engine.answers import clean
from careercheck_engine.render import profile_html
from careercheck_engine.jobs import JobIndex
from careercheck_engine.scoring import score

PARTS = ("waarom", "wie", "wat_wil", "wat_kan", "waar", "hoe")
EXCERPT = 100  # characters of a written answer on page one (the poster); the rest follows in the details
CLOSE = ("same", "own_field", "step_up", "near")  # kinds of options page one names the kinship of
LISTED = ("single", "multiple", "ranking", "occupation", "yes_no", "slider", "text")

Document = dict[str, Any]


def profile(spec: dict, answers: dict, ui: dict, context: dict | None = None,
            occupations: list[dict] | None = None, esco: str | JobIndex | None = None) -> dict[str, Any]:
    """Score ``answers`` and describe the result as a profile document.

    ``context``: ``date`` (ISO, the day it is made), ``earlier`` ({date, scores} of a kept
    profile), ``coach`` (who the profile is prepared for) and ``root`` (the site's root URL)."""
    result = score(spec, answers, occupations, esco)
    valid = clean(spec, answers)[0]
    return {"result": result, "document": _Writer(spec, result, valid, ui, context or {}).document()}


class _Writer:
    def __init__(self, spec: dict, result: dict, answers: dict, ui: dict, context: dict) -> None:
        self.spec, self.result, self.answers, self.ui, self.context = spec, result, answers, ui, context
        self.lang = spec["language"]
        self.continued: list[dict] = []  # written answers cut short on page one, in full for the details
        self.reasoned: list[dict] = []  # the options with every reason, for the details
        shown = set(result["visible"]["questions"])
        self.questions = [(n, q) for n, q in spec["questions"].items() if n in shown]
        self.scored = {item["q"] for scale in spec["scales"] for item in scale["items"]}

    def document(self) -> Document:
        # Per part: the advice first, then what the scores say, then the person's own answers.
        parts: dict[str, list[list]] = {part: [[], [], []] for part in PARTS}
        own: dict[str, list[list]] = {}  # sections without a part keep their own title

        def place(part: str | None, section: str) -> list[list]:
            return parts[part] if part else own.setdefault(section, [[], [], []])

        for conclusion in self.result["conclusions"]:
            if conclusion["part"] != "gesprek":
                parts[conclusion["part"]][0].append(self.advice(conclusion))
        for scale in self.result["scales"]:
            if not scale["letter"]:
                place(*self.where(scale))[1].append(self.trait(scale))
        riasec = self.result["riasec"]
        if riasec and riasec["status"] == "scored":
            place(*self.where(next(s for s in self.result["scales"] if s["letter"])))[1].append(self.interests())
        if self.result["options"] is not None:
            parts["waar"][1] += self.options()
        for name, question in self.questions:
            block = self.answer(name, question)
            if block:
                place(question["part"], question["section"])[2].append(block)
        summary = [{"id": p, "title": self.ui[f"part_{p}"], "blocks": sum(b, [])} for p, b in parts.items() if any(b)]
        summary += [{"id": s, "title": self.spec["sections"][s]["title"], "blocks": sum(own[s], [])}
                    for s in self.spec["sections"] if s in own]  # in the check's order
        return {
            "language": self.lang,
            "title": f"{self.ui['profile_title']}: {self.spec['title']}",
            "meta": self.meta(),
            "prepared_for": self.prepared_for(),
            "earlier": self.earlier_intro(),
            "notices": self.notices(),
            "parts": summary,
            "talk": self.talk(),
            "appointment": self.ui["appointment"],
            "details": self.details(),
        }

    def where(self, scale: dict) -> tuple[str | None, str]:
        """A scale goes where its first question goes: (part, section)."""
        first = next(x for x in self.spec["scales"] if x["id"] == scale["id"])["items"][0]["q"]
        return self.spec["questions"][first]["part"], self.spec["questions"][first]["section"]

    def meta(self) -> str:
        version = fill(self.ui["check_version"], {"check": self.spec["title"], "version": self.spec.get("version", 1)})
        made = self.context.get("date") and f"{self.ui['made_on']} {self.date(self.context['date'])}. "
        return f"{made or ''}{version}."

    def prepared_for(self) -> list[str] | None:
        coach = self.context.get("coach")
        if not coach:
            return None
        who = ", ".join(x for x in (coach.get("name"), coach.get("organisation")) if x)
        lines = [fill(self.ui["prepared_for"], {"coach": who})]
        if coach.get("date"):
            lines.append(fill(self.ui["intake_on"], {"date": self.date(coach["date"])}))
        if coach.get("contact"):
            lines.append(fill(self.ui["prepared_contact"], {"contact": coach["contact"]}))
        return lines

    def earlier_intro(self) -> str | None:
        earlier = self.context.get("earlier")
        return fill(self.ui["earlier_intro"], {"date": self.date(earlier["date"])}) if earlier else None

    def notices(self) -> list[str]:
        quality = self.result["quality"]
        return [text for flag, text in ((quality["straight_lining"], self.ui["straight_lining"]),
                                        (quality["contradictions"], self.ui["contradictions"])) if flag]

    def advice(self, conclusion: dict) -> dict:
        link = conclusion.get("link")
        return {"type": "advice", "id": conclusion["id"], "title": conclusion["title"], "text": conclusion["text"],
                "steps": conclusion.get("steps", []),
                "link": link and link.get("url") is not None and {"url": self.url(link["url"]), "label": link["label"]}}

    def answer(self, name: str, question: dict) -> dict | None:
        """A question the person answered in their own words or choices (scored statements are in the scales)."""
        if name not in self.answers or question["type"] not in LISTED or name in self.scored and question["type"] != "single":
            return None
        value = self.answers[name]
        if question["type"] == "text":
            if len(value) <= EXCERPT:
                return {"type": "answer", "question": name, "label": question["label"], "text": value}
            self.continued.append({"type": "answer", "question": name, "label": question["label"], "text": value})
            cut = value[:EXCERPT].rsplit(" ", 1)[0]
            return {"type": "answer", "question": name, "label": question["label"], "text": f"{cut} …",
                    "more": fill(self.ui["continued_note"], {"heading": self.ui["continued"]})}
        if question["type"] == "occupation":
            job = self.result.get("current_job")
            return job and {"type": "answer", "question": name, "label": question["label"], "text": job["label"]}
        labels = question.get("labels") or {}
        if question["type"] == "ranking":
            return {"type": "answer", "question": name, "label": question["label"], "ranked": [labels.get(v, v) for v in value]}
        if question["type"] == "multiple":  # in the check's order, however the answers came
            return {"type": "answer", "question": name, "label": question["label"], "items": [labels[v] for v in labels if v in value]}
        if question["type"] == "yes_no":
            return {"type": "answer", "question": name, "label": question["label"], "text": self.ui["yes" if value else "no"]}
        said = labels[value] if value in labels else number(value, self.lang)  # a single choice, or a slider's number
        return {"type": "answer", "question": name, "label": question["label"], "text": said}

    def trait(self, scale: dict) -> dict:
        said = scale["band"]["label"] if scale["status"] == "scored" else self.ui["not_scored_short"]
        return {"type": "trait", "scale": scale["id"], "name": scale["name"], "text": said}

    def interests(self) -> dict:
        riasec = self.result["riasec"]
        if riasec["code"]:
            letters = ", ".join(f"{letter} ({self.ui['letters'][letter]})" for letter in riasec["code"])
            lines = [fill(self.ui["code"], {"code": riasec["code"], "letters": letters})]
            if riasec["tied"]:
                lines.append(fill(self.ui["code_tied"], {"codes": ", ".join(riasec["codes"][1:])}))
        else:
            lines = [self.ui["code_flat"]]
        return {"type": "interests", "title": self.ui["interests"], "text": " ".join(lines)}

    def options(self) -> list[dict]:
        """The options on page one: how well each fits and how far it is from the person's work, with what
        the list could not use; study ideas when the check asks for them. Why each fits is in the details."""
        matching, found = self.spec.get("matching") or {}, self.result["matching"]
        items = [{"title": o["title"], "url": self.url(o["url"]), "degree": self.ui[f"fit_{o['degree']}"],
                  "reasons": self.reasons(o, matching)} for o in self.result["options"]]
        self.reasoned = items
        notes = [self.ui[f"match_{note}"] for note in found["notes"]]
        # Page one names the kinship with the person's own work; 'other work' goes without saying there.
        short = [item | {"reasons": self.first_reasons(item["reasons"], o)} for item, o in zip(items, self.result["options"])]
        blocks = [{"type": "options", "kind": "options", "title": self.ui["options"], "note": self.ui["options_note"], "notes": notes,
                   "items": short, "more": {"url": "#cc-reasons", "label": self.ui["options_why"]}}]
        if found["studies"]:
            studies = [{"title": s["title"], "url": self.url(s["url"]), "degree": "", "reasons": []} for s in found["studies"]]
            blocks.append({"type": "options", "kind": "studies", "title": self.ui["studies"], "note": self.ui["studies_note"], "notes": [], "items": studies, "more": None})
        return blocks

    def first_reasons(self, reasons: list[str], option: dict) -> list[str]:
        """Page one names the kinship with the person's own work ('other work' goes without saying), and
        for any option placed lower, at once the first reason why: what the person no longer wants is not
        left for the details to say."""
        kind = (option["relation"] or {}).get("kind")
        first = reasons[:1] if kind in CLOSE else []
        return first + [self.avoided(option["avoid"][0])] if option["avoid"] else first

    def avoided(self, conflict: dict) -> str:
        """Why an option is placed lower: a working condition the person no longer wants, or that drains them."""
        return fill(self.ui[f"avoid_{conflict['why']}"], {"condition": self.ui[f"condition_{conflict['condition']}"]})

    def reasons(self, option: dict, matching: dict) -> list[str]:
        """Each reason only when it holds, in the order a coach would go through them."""
        def labels(question: str | None, ids: list[str]) -> str:
            names = (self.spec["questions"].get(question) or {}).get("labels") or {}
            return ", ".join(names.get(i, i) for i in ids)

        skills = lambda ids: labels(matching.get("skills"), ids)  # noqa: E731
        relation, interests = option["relation"], option["interests"]
        # A diploma of the level the work asks: the person asks whether its field counts, rather than learns it again.
        qualification, held = option["qualification"], option["level_met"]
        develop = ([qualification] if qualification and not held else []) + [skills([s]) for s in option["develop"]]
        found = [
            relation and fill(self.ui[f"rel_{relation['kind']}"], {"job": relation["job"]}),
            interests and fill(self.ui[f"why_interests_{interests['degree']}"], interests),
            option["values"] and fill(self.ui["why_values"], {"values": labels(matching.get("values"), option["values"])}),
            option["skills"] and fill(self.ui["why_skills"], {"skills": skills(option["skills"])}),
            option["from_job"] and relation and fill(self.ui["from_job"], {"job": relation["job"], "skills": skills(option["from_job"])}),
            develop and fill(self.ui["develop"], {"skills": "; ".join(develop)}),
            qualification and held and fill(self.ui["level_met"], {"qualification": qualification}),
            option["below_level"] and self.ui["below_level"],
            *(self.avoided(conflict) for conflict in option["avoid"]),
        ]
        return [reason for reason in found if reason]

    def talk(self) -> dict | None:
        """Questions to talk about with a coach, chosen from the answers; with a coach's link, the intake questions."""
        items = [{"id": c["id"], "title": c["title"], "text": c["text"]} for c in self.result["conclusions"] if c["part"] == "gesprek"]
        if self.context.get("coach"):
            items += [{"id": f"intake_{i + 1}", "title": q, "text": ""} for i, q in enumerate(self.ui["intake_questions"])]
        return {"title": self.ui["talk"], "items": items} if items else None

    def details(self) -> list[dict]:
        """Page two on: every score explained, the interest scores as a chart, what page one cut short."""
        cards = [self.card(s) for s in self.result["scales"] if not s["letter"]]
        blocks: list[dict] = [{"type": "scales", "title": self.ui["details"], "cards": cards}] if cards else []
        riasec = self.result["riasec"]
        if riasec and riasec["status"] == "scored":
            letters = {s["letter"]: s for s in self.result["scales"] if s["letter"]}
            bars = [{"label": f"{letter} {letters[letter]['name']}", "value": letters[letter]["score"],
                     "min": letters[letter]["min"], "max": letters[letter]["max"],
                     "text": number(letters[letter]["score"], self.lang)} for letter in "RIASEC"]
            blocks.append({"type": "chart", "title": self.ui["interests_chart"], "bars": bars})
        if self.reasoned:
            blocks.append({"type": "reasons", "title": self.ui["options_why"], "items": self.reasoned})
        if self.continued:
            blocks.append({"type": "continued", "title": self.ui["continued"], "answers": self.continued})
        return blocks

    def card(self, scale: dict) -> dict:
        if scale["status"] != "scored":
            return {"scale": scale["id"], "name": scale["name"],
                    "text": f"{self.ui['not_scored']} {fill(self.ui['answered'], scale)}"}
        n = lambda x: number(x, self.lang)  # noqa: E731
        earlier = self.context.get("earlier") or {}
        before = (earlier.get("scores") or {}).get(scale["id"])
        return {
            "scale": scale["id"], "name": scale["name"], "label": scale["band"]["label"], "text": scale["band"]["text"],
            "score": f"({self.ui['score']}: {fill(self.ui['score_of'], {'score': n(scale['score']), 'min': n(scale['min']), 'max': n(scale['max'])})})",
            "bar": {"value": scale["score"], "min": scale["min"], "max": scale["max"]},
            "norms": scale["norms"] and fill(self.ui["norms"], scale["norms"]),
            "earlier": isinstance(before, (int, float)) and fill(self.ui["earlier"], {"date": self.date(earlier["date"]), "score": n(before)}) or None,
        }

    def url(self, path: str) -> str:
        root = (self.context.get("root") or "").rstrip("/")
        return f"{root}/{path.lstrip('/')}" if root else path

    def date(self, iso: str | None) -> str:
        """A date as people write it: 29 november 2026."""
        if not iso:
            return ""
        year, month, day = (int(part) for part in iso[:10].split("-"))
        return f"{day} {self.ui['months'][month - 1]} {year}"


def profile_json(spec_json: str, answers_json: str, ui_json: str, context_json: str = "null",
                 occupations_json: str = "null", esco: str | JobIndex = "") -> str:
    """JSON in, JSON out, for the browser worker: the result and the profile as HTML."""
    made = profile(json.loads(spec_json), json.loads(answers_json), json.loads(ui_json), json.loads(context_json),
                   json.loads(occupations_json), esco or None)
    return json.dumps({"result": made["result"], "html": profile_html(made["document"])}, ensure_ascii=False)


def fill(template: str, values: dict) -> str:
    """A message with its {placeholders} filled; values are data, never format strings."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def number(value: float, language: str) -> str:
    """At most two decimals, written as the reader's language writes them (4,75 in Dutch)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "nl" else text
