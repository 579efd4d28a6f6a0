"""The content rules for the shipped checks: honest sources and licences, plain language."""

from __future__ import annotations

import re

import pytest

from careercheck import load_check, load_checks
from careercheck.format.readability import measure, participant_texts
from careercheck.format.texts import text_in
from conftest import ROOT

LOADED = load_checks(ROOT / "checks", strict=True)
CHECKS = {c.id: c for c in LOADED.checks}
# Instruments that need permission, and O*NET items, which may not be translated.
RESTRICTED = re.compile(r"UWES|Utrecht Work Engagement|\bBAT\b|Burnout Assessment|\bPVQ\b|Portrait Values|CDSE|O\*NET", re.I)


def normal(text: str) -> str:
    return re.sub(r"[^a-z ]", "", text.lower().removeprefix("i ").strip())


IPIP_ITEMS = {normal(text_in(q.label, "en", "en")) for q in load_check(ROOT / "tests/fixtures/ipip50.yml").questions}


def texts(check, field: str) -> list[str]:
    return [text_in(getattr(check.about, field), language, check.languages[0]) for language in check.languages]


def test_shipped_checks_validate_with_no_warnings() -> None:
    assert LOADED.warnings == []
    assert set(CHECKS) >= {"loopbaancheck", "kortecheck", "effectmeting"}


@pytest.mark.parametrize("check_id", CHECKS)
def test_borrowed_ipip_items_are_attributed(check_id: str) -> None:
    check = CHECKS[check_id]
    if "en" not in check.languages:
        pytest.skip("IPIP items are recognised by their English wording")
    borrowed = [q.name for q in check.questions if normal(text_in(q.label, "en", "en")) in IPIP_ITEMS]
    sources, licences = " ".join(texts(check, "sources")), " ".join(texts(check, "licence"))
    if borrowed:
        assert "IPIP" in sources and "Goldberg" in sources
        assert "publiek domein" in licences.lower() or "public domain" in licences.lower()
    else:
        assert "niet gevalideerd" in sources or "not validated" in sources


@pytest.mark.parametrize("check_id", CHECKS)
def test_no_items_from_instruments_that_need_permission(check_id: str) -> None:
    check = CHECKS[check_id]
    assert not RESTRICTED.search(" ".join(texts(check, "sources") + texts(check, "licence")))


def test_the_loopbaancheck_borrows_twenty_ipip_items() -> None:
    check = CHECKS["loopbaancheck"]
    assert sum(normal(text_in(q.label, "en", "en")) in IPIP_ITEMS for q in check.questions) == 20


@pytest.mark.parametrize("check_id", CHECKS)
def test_every_check_reads_at_b1(check_id: str) -> None:
    check = CHECKS[check_id]
    for language in check.languages:
        assert measure(participant_texts(check, language), language).above_b1 == [], language


# Sentences that once read badly, and their kind: a hint that repeats the choice limit the page states itself.
CLUMSY = ["Let op dat het niet te perfect hoeft", "Ik maak snel een rommel van dingen", "Je werkt met mensen en alleen",
          "Kies er hoogstens twee"]
LIMIT_IN_HINT = re.compile(r"\b(kies|choose|pick)\b[^.]*\b(hoogstens|maximaal|minstens|tot|up to|at most|at least|\d)\b", re.I)


@pytest.mark.parametrize("path", sorted((ROOT / "checks").glob("*.yml")), ids=lambda p: p.name)
def test_clumsy_sentences_do_not_come_back(path) -> None:
    text = " ".join(path.read_text().split()).lower()
    assert [s for s in CLUMSY if s.lower() in text] == []


@pytest.mark.parametrize("check_id", CHECKS)
def test_the_choice_limit_is_said_once_by_the_page_not_again_in_a_hint(check_id: str) -> None:
    check = CHECKS[check_id]
    for question in (q for q in check.questions if q.type in ("multiple", "ranking")):
        for language in check.languages:
            assert not LIMIT_IN_HINT.search(text_in(question.hint, language, check.languages[0]) or ""), (question.name, language)
