"""The profile as a coach reads it: organised by the five career questions, conclusions that
hold together, health advice only when the person reports complaints, everything escaped,
long written answers continued rather than cut; and `careercheck profile` on the command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercheck import load_check, scoring_spec
from careercheck.site.messages import messages
from careercheck_engine import profile, profile_html
from careercheck_engine.profile import EXCERPT, PARTS
from conftest import ROOT
from test_engine_properties import answers_for  # any subset of valid answers
from test_personas import PERSONAS

UI = {"nl": messages("nl"), "en": messages("en")}
SPECS = {c: scoring_spec(load_check(ROOT / f"checks/{c}.yml")) for c in ("loopbaancheck", "kortecheck")}
COACH = {"name": "Jet de Vries", "organisation": "Loopbaanpunt", "contact": "jet@loopbaanpunt.example", "date": "2026-12-03"}


def made(spec: dict, answers: dict, context: dict | None = None) -> tuple[dict, str]:
    document = profile(spec, answers, UI[spec["language"]], {"date": "2026-11-29"} | (context or {}))["document"]
    return document, profile_html(document)


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def part_html(html: str, part: str) -> str:
    found = re.search(rf'<section class="cc-part[^"]*" data-part="{part}".*?</section>', html)
    return found[0] if found else ""


@pytest.mark.parametrize("name", [n for n, p in PERSONAS.items() if p["check"] != "checks/effectmeting.yml"])
def test_each_persona_reads_as_a_coach_would_expect(name: str) -> None:
    persona = PERSONAS[name]
    spec = scoring_spec(load_check(ROOT / persona["check"]))
    document, html = made(spec, persona["answers"])
    order = [part["id"] for part in document["parts"]]
    assert order == [p for p in PARTS if p in order]  # the occasion first, then the five questions in order
    for part, ids in persona["expected"]["conclusions"].items():
        for conclusion in ids:
            assert f'data-conclusion="{conclusion}"' in part_html(html, part), (part, conclusion)
    for answer in (v for v in persona["answers"].values() if isinstance(v, str) and " " in v):
        assert answer in text(html)  # the person's own words are on the profile


def test_the_reorganisation_leads_to_its_rights_and_who_helps_and_no_health_advice() -> None:
    _, html = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"])
    why = text(part_html(html, "waarom"))
    for named in ("sociaal plan", "transitievergoeding", "werk naar werk", "UWV", "opleidingsfonds", "Juridisch Loket"):
        assert named in why
    assert 'href="hulp/"' in part_html(html, "waarom") or "hulp" in part_html(html, "waarom")
    assert "huisarts" not in html and "Eerst" not in html
    assert "sociaal plan" in text(html.split('data-part="gesprek"')[1])  # and a question to talk about


def test_the_profile_carries_no_invented_figures() -> None:
    _, html = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"] | {"aanleiding": "reorganisatie"})
    advice = " ".join(text(m) for m in re.findall(r'<article class="cc-conclusion".*?</article>', html))
    assert not re.search(r"\d", advice), advice  # next steps name rights and organisations, not amounts or terms


REPORTED = {"vraag": "stress", "aanleiding": "stress", "situatie": "ziek"}


@pytest.mark.parametrize("check", SPECS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_health_advice_only_when_the_person_reports_stress_or_illness(check: str, data: st.DataObject) -> None:
    spec = SPECS[check]
    answers = data.draw(answers_for(spec))
    _, html = made(spec, answers)
    reported = any(answers.get(k) == v for k, v in REPORTED.items()) or answers.get("aanleiding") == "ziek"
    if "huisarts" in html:
        assert reported, answers


# Pairs a coach would have to undo: no hurry beside a job that ends or stress; two kinds of choice help.
CONTRADICTIONS = [("fase_nog_niet", other) for other in ("reorganisatie", "werk_zoeken", "terug_naar_werk", "balans", "herstel")]
CONTRADICTIONS += [("keuzebegeleiding", "jongeren")]


@pytest.mark.parametrize("check", SPECS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_conclusions_never_contradict_each_other(check: str, data: st.DataObject) -> None:
    answers = data.draw(answers_for(SPECS[check]))
    ids = {c["id"] for c in profile(SPECS[check], answers, UI["nl"])["result"]["conclusions"]}
    assert not [pair for pair in CONTRADICTIONS if set(pair) <= ids]
    assert not [c for c in ids if c.startswith("Eerst")]


def test_no_conclusion_starts_with_first_beside_other_advice() -> None:
    for spec in SPECS.values():
        assert not [c["id"] for c in spec["conclusions"] if c["title"].startswith("Eerst")]


def test_everything_from_answers_and_a_coach_is_escaped() -> None:
    hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    answers = PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"] | {"veranderd": hostile, "plan": hostile}
    coach = {key: hostile for key in ("name", "organisation", "contact")} | {"date": "2026-12-03"}
    _, html = made(SPECS["loopbaancheck"], answers, {"coach": coach})
    assert "<script" not in html and "<img" not in html
    assert html.count("&lt;script&gt;alert(2)&lt;/script&gt;") == 5  # two answers, three of the coach's fields


def test_a_coachs_link_shows_who_it_is_prepared_for_and_the_intake_questions() -> None:
    document, html = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"], {"coach": COACH})
    assert "Voorbereid voor het gesprek met Jet de Vries, Loopbaanpunt. Gesprek op 3 december 2026." in text(html)
    assert "Contact: jet@loopbaanpunt.example." in text(html)
    talk = text(html.split('data-part="gesprek"')[1])
    for question in UI["nl"]["intake_questions"]:
        assert question in talk
    _, without = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"])
    assert "Voorbereid" not in without and UI["nl"]["intake_questions"][0] not in without


def six_hundred_words() -> str:
    """A long written answer as people write one (the form takes up to 5,000 characters)."""
    sentence = "Ik heb twintig jaar in het magazijn gewerkt en ik leerde nieuwe collega's de heftruck te rijden. "
    words = (sentence * 40).split()[:600]
    return " ".join(words)


def test_long_written_answers_continue_in_the_details_with_a_note() -> None:
    long = six_hundred_words()
    answers = PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"] | {"veranderd": long, "plan": long}
    document, html = made(SPECS["loopbaancheck"], answers)
    summary, details = html.split("data-profile-details")
    assert long not in summary and long[:60] in summary
    assert text(summary).count("(Verder onder 'Wat je schreef, helemaal'.)") == 2
    assert text(details).count(long) == 2 and "Wat je schreef, helemaal" in details
    shown = [b for part in document["parts"] for b in part["blocks"] if b["type"] == "answer" and "more" in b]
    assert all(len(b["text"]) <= EXCERPT + 2 for b in shown)


def test_values_keep_their_order_and_interests_are_in_words() -> None:
    _, html = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"])
    wants = part_html(html, "wat_wil")
    assert re.search(r"<ol><li>Zeker van werk en inkomen</li><li>Samenwerken met collega&#x27;s</li>", wants)
    assert "Je interessecode is RCS" in text(wants) and "R (Praktisch), C (Ordenend), S (Sociaal)" in text(wants)
    assert "Nachtdiensten." in text(wants)  # what he no longer wants, with what he wants
    assert "Werken met tijdsdruk; Regels en papierwerk" in text(wants)  # in the order of the question


def test_charts_have_their_figures_in_text() -> None:
    _, html = made(SPECS["loopbaancheck"], PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"])
    chart = re.search(r"<figure class=\"cc-chart\".*?</figure>", html)[0]
    assert "R Praktisch" in text(chart) and "4,5" in text(chart)
    assert chart.count('aria-hidden="true"') == 6  # the bars; the figures are text


def test_an_english_profile_is_in_english() -> None:
    spec = scoring_spec(load_check(ROOT / "checks/loopbaancheck.yml"), "en")
    _, html = made(spec, PERSONAS["ahmed-magazijn-na-reorganisatie"]["answers"])
    assert "Made on 29 November 2026. Career check, version 4." in text(html)
    assert "Why now?" in html and "Waarom nu?" not in html


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "careercheck.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize(("language", "job"), [("nl", "Heftruckchauffeur"), ("en", "Forklift operator")])
def test_the_command_line_profile_is_the_engines(site: Path, tmp_path: Path, language: str, job: str) -> None:
    persona = PERSONAS["ahmed-magazijn-na-reorganisatie"]
    (tmp_path / "answers.json").write_text(json.dumps(persona["answers"]))
    out = run("profile", "checks/loopbaancheck.yml", str(tmp_path / "answers.json"), "--site", str(site), "--date", "2026-11-29", "--language", language)
    assert out.returncode == 0, out.stderr
    page = out.stdout
    assert page.startswith("<!doctype html>") and f'<html lang="{language}">' in page
    # The site's occupations are matched, and the job named in the search is found, as in the browser.
    assert f">{job}</a>" in page and UI[language]["rel_same"] in page
    here = site if language == "nl" else site / language  # the first language's site is the root
    spec = json.loads((here / f"assets/careercheck/specs/loopbaancheck.{language}.json").read_text())
    occupations = json.loads((here / "assets/careercheck/occupations.json").read_text())
    esco = (site / f"assets/careercheck/esco-occupations.{language}.json").read_text()
    document = profile(spec, persona["answers"], UI[language], {"date": "2026-11-29", "root": ""}, occupations, esco)["document"]
    assert profile_html(document) in page


def test_the_command_line_profile_names_what_is_wrong(site: Path, tmp_path: Path) -> None:
    (tmp_path / "answers.json").write_text("{}")
    unbuilt = run("profile", "checks/loopbaancheck.yml", str(tmp_path / "answers.json"), "--site", str(tmp_path))
    assert unbuilt.returncode == 1 and "build the site first" in unbuilt.stderr and "Traceback" not in unbuilt.stderr
    (tmp_path / "broken.json").write_text('{"vraag": ')
    broken = run("profile", "checks/loopbaancheck.yml", str(tmp_path / "broken.json"), "--site", str(site))
    assert broken.returncode == 1 and "broken.json:1:" in broken.stderr and "not valid JSON" in broken.stderr
    date = run("profile", "checks/loopbaancheck.yml", str(tmp_path / "answers.json"), "--site", str(site), "--date", "2026-13-01")
    assert date.returncode == 2 and "is not a date; write it as YYYY-MM-DD" in date.stderr
