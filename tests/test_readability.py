"""Readability figures of the texts a participant reads (B1 for Dutch)."""

from __future__ import annotations

from pathlib import Path

from careercheck import load_checks
from careercheck.format.readability import hard_sentences, measure, syllables
from conftest import ROOT


def test_syllables_are_counted_by_vowel_groups() -> None:
    assert [syllables(w) for w in ("werk", "loopbaan", "loopbaanbegeleiding", "energie")] == [1, 2, 6, 3]


def test_sentences_and_long_words() -> None:
    found = measure(["Dit is kort. Wat vind je belangrijk?", "Helemaal eens", "Loopbaanbegeleiding helpt."])
    assert (found.sentences, found.words, found.long_words) == (4, 11, 1)  # loopbaanbegeleiding (he-le-maal: 3)
    assert found.words_per_sentence == 2.75
    assert found.above_b1 == []
    assert "100% long words (B1: at most 10%)" in measure(["Loopbaanbegeleiding, organisatieontwikkeling."]).above_b1


def test_long_sentences_are_above_b1() -> None:
    long = "Ik werk elke dag met veel plezier samen met mijn collega's in de bouw en ik leer daar ook nog veel van."
    assert measure([long]).above_b1 == ["22.0 words per sentence (B1: at most 15)"]


def test_a_diaeresis_starts_a_new_dutch_syllable() -> None:
    assert [syllables(w) for w in ("ideeën", "geïnteresseerd", "tijd", "nieuw", "draai")] == [3, 5, 1, 1, 1]


def test_english_syllables_leave_out_a_silent_e() -> None:
    assert [syllables(w, "en") for w in ("make", "makes", "liked", "table", "wanted", "people")] == [1, 1, 1, 2, 2, 2]


def test_dutch_reading_ease_is_flesch_douma() -> None:
    # 4 words, 5 syllables (ik, werk, graag, bui-ten), 1 sentence:
    # 206.84 - 0.77 x 125 - 0.93 x 4 = 106.87
    found = measure(["Ik werk graag buiten."], "nl")
    assert (found.words, found.syllables) == (4, 5)
    assert round(found.reading_ease, 2) == 106.87
    assert str(found) == "4.0 words per sentence, 0% long words, Flesch-Douma 107 (4 words)"


def test_english_reading_ease_is_flesch() -> None:
    # 6 words, 6 syllables, 1 sentence: 206.835 - 1.015 x 6 - 84.6 x 1 = 116.145
    assert round(measure(["The cat sat on the mat."], "en").reading_ease, 3) == 116.145


def test_hard_dutch_reads_below_b1() -> None:
    # loop-baan-be-ge-lei-ding 6, on-der-steunt 3, ar-beids-markt-par-ti-ci-pa-tie 8, van 1,
    # laag-ge-let-ter-de 5, werk-zoe-ken-den 4: 6 words, 27 syllables:
    # 206.84 - 0.77 x 450 - 0.93 x 6 = -145.24
    hard = "Loopbaanbegeleiding ondersteunt arbeidsmarktparticipatie van laaggeletterde werkzoekenden."
    found = measure([hard], "nl")
    assert found.syllables == 27
    assert "Flesch-Douma -145 (B1: at least 60)" in found.above_b1


def test_every_shipped_check_reads_at_b1() -> None:
    from careercheck import load_check
    from careercheck.format.readability import readability_of

    for path in sorted((ROOT / "checks").glob("*.yml")):
        check = load_check(path)
        for language in check.languages:
            assert readability_of(check, language).above_b1 == [], (check.id, language)


def test_a_long_sentence_is_flagged_on_its_own_and_a_short_plain_one_is_not() -> None:
    long = ("Als je merkt dat je werk je meer energie kost dan het je geeft, dan is het goed om daar op tijd "
            "met iemand over te praten.")
    assert [problems for _, problems in hard_sentences(f"Ik werk graag buiten. {long}", "nl")] == [["27 words (B1: at most 20)"]]
    assert list(hard_sentences("Ik werk graag buiten. Wat vind je belangrijk?", "nl")) == []


def test_a_very_long_word_is_flagged() -> None:
    ((sentence, problems),) = hard_sentences("Het gaat om arbeidsmarktparticipatie.", "nl")
    assert problems == ["very long words (7 syllables or more): arbeidsmarktparticipatie"]
    assert list(hard_sentences("Praat met een loopbaancoach over verantwoordelijkheid.", "nl")) == []


def test_the_build_report_names_the_file_line_and_language_of_a_hard_sentence(tmp_path: Path) -> None:
    check = (ROOT / "checks/kortecheck.yml").read_text()
    plain = "label: {nl: Wat doe je nu?, en: What do you do now?}"
    long = ("label: {nl: Wat doe je nu op dit moment en wat heb je daarvoor allemaal gedaan in je werk en op school "
            "en daarbuiten?, en: What do you do now?}")
    (tmp_path / "kortecheck.yml").write_text(check.replace(plain, long, 1))
    (warning,) = load_checks(tmp_path).warnings
    line = 1 + check[:check.index(plain)].count("\n")
    assert (warning.path.name, warning.line) == ("kortecheck.yml", line)
    assert warning.message.startswith("(nl) 'Wat doe je nu op dit moment") and "22 words (B1: at most 20)" in warning.message
