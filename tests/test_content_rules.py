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
