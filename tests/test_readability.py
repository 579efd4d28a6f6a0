"""Readability figures of the texts a participant reads (B1 for Dutch)."""

from __future__ import annotations

from careercheck.format.readability import measure, syllables


def test_syllables_are_counted_by_vowel_groups() -> None:
    assert [syllables(w) for w in ("werk", "loopbaan", "loopbaanbegeleiding", "energie")] == [1, 2, 6, 3]


def test_sentences_and_long_words() -> None:
    found = measure(["Dit is kort. Wat vind je belangrijk?", "Helemaal eens", "Loopbaanbegeleiding helpt."])
    assert (found.sentences, found.words, found.long_words) == (4, 11, 1)  # loopbaanbegeleiding (he-le-maal: 3)
    assert found.words_per_sentence == 2.75
    assert found.above_b1 == []
    assert measure(["Loopbaanbegeleiding, organisatieontwikkeling."]).above_b1 == ["100% long words (B1: at most 10%)"]


def test_long_sentences_are_above_b1() -> None:
    long = "Ik werk elke dag met veel plezier samen met mijn collega's in de bouw en ik leer daar ook nog veel van."
    assert measure([long]).above_b1 == ["22.0 words per sentence (B1: at most 15)"]
