"""Readability of what a participant reads, per check and language.

Two plain measures that B1 guidance for Dutch rests on: short sentences and few
long words. Long words are counted by syllables (groups of vowels), a heuristic
that is right for most Dutch words. The limits below are this project's reading
of B1 guidance (sentences of at most about 15 words; few words of four or more
syllables), not a validated formula: a warning asks an author to look, not a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careercheck.format.model import Check
from careercheck.format.texts import translator

MAX_WORDS_PER_SENTENCE = 15.0
MAX_LONG_WORD_SHARE = 0.10
LONG_WORD_SYLLABLES = 4

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouyáéíóúàèìòùäëïöü]+", re.IGNORECASE)


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    long_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    @property
    def above_b1(self) -> list[str]:
        problems = []
        if self.words_per_sentence > MAX_WORDS_PER_SENTENCE:
            problems.append(f"{self.words_per_sentence:.1f} words per sentence (B1: at most {MAX_WORDS_PER_SENTENCE:g})")
        if self.long_word_share > MAX_LONG_WORD_SHARE:
            problems.append(f"{self.long_word_share:.0%} long words (B1: at most {MAX_LONG_WORD_SHARE:.0%})")
        return problems

    def __str__(self) -> str:
        return f"{self.words_per_sentence:.1f} words per sentence, {self.long_word_share:.0%} long words ({self.words} words)"


def syllables(word: str) -> int:
    return len(_VOWEL_GROUP.findall(word))


def measure(texts: list[str]) -> Readability:
    sentences = [s for text in texts for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]
    words = [w for s in sentences for w in _WORD.findall(s)]
    return Readability(len(sentences), len(words), sum(syllables(w) >= LONG_WORD_SYLLABLES for w in words))


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
    found += [t for c in check.conclusions for t in (c.title, c.text)]
    t = translator(check, language)
    return [t(text) for text in found if text is not None]
