"""Readability of what a participant reads, per check and language.

Three figures: words per sentence, the share of long words (four syllables or more),
and a reading ease on Flesch's 0-100 scale (higher is easier):

- Dutch: Flesch-Douma, W.H. Douma (1960), *De leesbaarheid van landbouwbladen*:
  206.84 - 0.77 x syllables per 100 words - 0.93 x words per sentence.
- English: Flesch reading ease, R. Flesch (1948), "A new readability yardstick",
  Journal of Applied Psychology 32(3): 206.835 - 1.015 x words per sentence - 84.6 x syllables per word.

The B1 limits are this project's reading of plain-language guidance, not part of
either formula: at most about 15 words per sentence, at most 10% long words, and a
reading ease of at least 60, the bottom of "standard" (60-70) in Flesch's table, which
Douma kept on the same scale. A warning asks an author to look, not a verdict.

The figures are averages, so one long, clumsy sentence hardly moves them. Each sentence
is therefore also looked at on its own: more than 20 words, or a word of 7 syllables or
more, is worth a warning. 20 leaves room around the average of about 15 that B1 guidance
asks for (a sentence of 16 to 20 words can still read well), while beyond it a sentence
nearly always holds two thoughts. Words of 4 to 6 syllables are common in plain Dutch
(loopbaancoach, verantwoordelijkheid) and are counted in the share of long words; 7 or
more is a compound of three or more parts (arbeidsmarktparticipatie) that a reader has
to take apart first.

Syllables are counted as groups of vowels. For Dutch that is right for nearly every
word: its vowel pairs (aa, ee, ie, oe, ui, ei, eu, ou, au) are one group and one
syllable, and a diaeresis (ideeën, geïnteresseerd) starts a new one. It misses a few
vowel clashes without a diaeresis (be-oor-de-len counts 3). A hyphenation dictionary
(pyphen's nl_NL) was not worth a dependency: it finds places to break a line, not
syllables, and never splits off a single letter at a word's edge (e-ner-gie, o-ver).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from careercheck.format.model import Check
from careercheck.format.texts import translator

MAX_WORDS_PER_SENTENCE = 15.0
MAX_LONG_WORD_SHARE = 0.10
MIN_READING_EASE = 60.0
LONG_WORD_SYLLABLES = 4
MAX_SENTENCE_WORDS = 20
VERY_LONG_WORD_SYLLABLES = 7

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_VOWELS = "aeiouyáéíóúàèìòùâêîôû"
# A letter with a diaeresis opens a new vowel group: ide-eën, ge-ïn-te-res-seerd.
_DUTCH_VOWEL_GROUP = re.compile(rf"[äëïöü][{_VOWELS}]*|[{_VOWELS}]+", re.IGNORECASE)
_ENGLISH_VOWEL_GROUP = re.compile(r"[aeiouy]+", re.IGNORECASE)
_SILENT_E = re.compile(r"[^aeiouyl]e$|[^aeiouy]es$|[^aeiouydt]ed$", re.IGNORECASE)  # make, makes, liked; not table, wanted

FORMULA = {"nl": "Flesch-Douma", "en": "Flesch reading ease"}


@dataclass(frozen=True)
class Readability:
    language: str
    sentences: int
    words: int
    syllables: int
    long_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        if self.language == "nl":
            return 206.84 - 0.77 * 100 * self.syllables_per_word - 0.93 * self.words_per_sentence
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables_per_word

    @property
    def above_b1(self) -> list[str]:
        problems = []
        if self.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            problems.append(f"{self.words_per_sentence:.1f} words per sentence (B1: at most {MAX_WORDS_PER_SENTENCE:g})")
        if self.long_word_share > MAX_LONG_WORD_SHARE:
            problems.append(f"{self.long_word_share:.0%} long words (B1: at most {MAX_LONG_WORD_SHARE:.0%})")
        if self.words and self.reading_ease < MIN_READING_EASE:
            problems.append(f"{FORMULA[self.language]} {self.reading_ease:.0f} (B1: at least {MIN_READING_EASE:g})")
        return problems

    def __str__(self) -> str:
        return (
            f"{self.words_per_sentence:.1f} words per sentence, {self.long_word_share:.0%} long words, "
            f"{FORMULA[self.language]} {self.reading_ease:.0f} ({self.words} words)"
        )


def syllables(word: str, language: str = "nl") -> int:
    if language == "nl":
        return len(_DUTCH_VOWEL_GROUP.findall(word))
    return max(1, len(_ENGLISH_VOWEL_GROUP.findall(word)) - bool(_SILENT_E.search(word)))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, each on one line."""
    return [" ".join(s.split()) for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]


def hard_sentences(text: str, language: str) -> Iterator[tuple[str, list[str]]]:
    """Each sentence of ``text`` that is hard to read on its own, with what makes it so."""
    for sentence in sentences(text):
        words = _WORD.findall(sentence)
        problems = []
        if len(words) > MAX_SENTENCE_WORDS:
            problems.append(f"{len(words)} words (B1: at most {MAX_SENTENCE_WORDS})")
        very_long = [w for w in words if syllables(w, language) >= VERY_LONG_WORD_SYLLABLES]
        if very_long:
            problems.append(f"very long words ({VERY_LONG_WORD_SYLLABLES} syllables or more): {', '.join(very_long)}")
        if problems:
            yield sentence, problems


def measure(texts: list[str], language: str = "nl") -> Readability:
    every = [s for text in texts for s in sentences(text)]
    counts = [syllables(w, language) for s in every for w in _WORD.findall(s)]
    return Readability(language, len(every), len(counts), sum(counts), sum(n >= LONG_WORD_SYLLABLES for n in counts))


def participant_texts(check: Check, language: str) -> list[str]:
    """Every text a participant reads in ``language``: the questions and everything around them."""
    found = [check.title, check.intro, *check.about.model_dump(by_alias=True).values()]
    if check.likert:
        found += check.likert.anchors
    for section in check.sections:
        found += [section.title, section.intro]
        found += [text for q in section.questions for text in q.texts()]
    for scale in check.scales:
        found += [scale.name, *[t for band in scale.bands for t in (band.label, band.text)]]
    found += [t for c in check.conclusions for t in (c.title, c.text, *c.steps)]
    t = translator(check, language)
    return [t(text) for text in found if text is not None]


def readability_of(check: Check, language: str) -> Readability:
    """The figures of everything a participant reads of ``check`` in ``language``."""
    return measure(participant_texts(check, language), language)
