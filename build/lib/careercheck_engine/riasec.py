"""Holland (RIASEC) interests: code, differentiation, consistency, congruence.

Sources of the indices:
- Differentiation: highest minus lowest of the six scores; consistency: the
  distance on the hexagon of the first two letters (Holland, 1997).
- Iachan's M index (Iachan, 1984), 0..28 for three-letter codes, 0..6 for
  two-letter codes, with ties averaged over the tie-broken codes (Iachan, 1990,
  Journal of Vocational Behavior 36, 176-180).
- Brown & Gore's C index (Brown & Gore, 1994): 3*X1 + 2*X2 + X3, where Xi is 3
  for the same letter, 2 adjacent, 1 alternate, 0 opposite; 18 is a perfect fit.
"""

from __future__ import annotations

import math
from itertools import groupby, permutations

HEXAGON = "RIASEC"
# Weight of a letter at person position i found at environment position j.
IACHAN_WEIGHTS = {3: ((22, 10, 4), (10, 5, 2), (4, 2, 1)), 2: ((5, 2), (2, 1))}
MAX_CODES = 36  # more tie-broken codes than this: the profile is too flat for a code


def distance(a: str, b: str) -> int:
    """Steps between two types on the hexagon: 0 same, 1 adjacent, 2 alternate, 3 opposite."""
    steps = abs(HEXAGON.index(a) - HEXAGON.index(b))
    return min(steps, 6 - steps)


def codes(scores: dict[str, float], length: int = 3) -> list[str]:
    """Every code the scores support: tied types give several codes, not a hidden choice."""
    ordered = sorted(HEXAGON, key=lambda letter: -scores[letter])
    result = [""]
    for _, group in groupby(ordered, key=lambda letter: scores[letter]):
        letters = list(group)
        need = length - len(result[0])
        if need <= 0:
            break
        result = [code + "".join(p) for code in result for p in permutations(letters, min(need, len(letters)))]
    return result


def iachan_m(person: str, environment: str) -> int:
    if len(person) != len(environment) or len(person) not in IACHAN_WEIGHTS:
        raise ValueError("Iachan's M compares two codes of two or three letters")
    weights = IACHAN_WEIGHTS[len(person)]
    return sum(weights[i][environment.index(letter)] for i, letter in enumerate(person) if letter in environment)


def brown_gore_c(person: str, environment: str) -> int:
    if len(person) != 3 or len(environment) != 3:
        raise ValueError("Brown & Gore's C compares two three-letter codes")
    return sum(weight * (3 - distance(p, e)) for weight, p, e in zip((3, 2, 1), person, environment))


def congruence(people: list[str], environments: list[str]) -> dict[str, float]:
    """Both indices for possibly tied codes: the mean over every pair of tie-broken codes (Iachan, 1990)."""
    pairs = [(p, e) for p in people for e in environments]
    result = {"iachan_m": math.fsum(iachan_m(p, e) for p, e in pairs) / len(pairs)}
    if all(len(p) == 3 for p, _ in pairs):
        result["brown_gore_c"] = math.fsum(brown_gore_c(p, e) for p, e in pairs) / len(pairs)
    return {k: round(v, 2) for k, v in result.items()}


def correlation(a: list[float], b: list[float]) -> float | None:
    """Pearson correlation of two score profiles; None when one is flat."""
    mean_a, mean_b = math.fsum(a) / len(a), math.fsum(b) / len(b)
    da, db = [x - mean_a for x in a], [y - mean_b for y in b]
    spread = math.sqrt(math.fsum(x * x for x in da) * math.fsum(y * y for y in db))
    return round(math.fsum(x * y for x, y in zip(da, db)) / spread, 3) if spread else None


def interests(scores: dict[str, float | None]) -> dict:
    """The Holland summary of six scale scores (None when a type is not scored)."""
    if any(scores[letter] is None for letter in HEXAGON):
        return {"status": "not_scored", "scores": scores, "codes": [], "code": None}
    found = codes(scores)
    clear = len(found) <= MAX_CODES
    first = found[0]
    return {
        "status": "scored",
        "scores": scores,
        "code": first if clear else None,
        "codes": found if clear else [],
        "tied": len(found) > 1,
        "differentiation": round(max(scores.values()) - min(scores.values()), 2),
        "consistency": {1: "high", 2: "medium", 3: "low"}.get(distance(first[0], first[1])) if clear else None,
    }
