"""Search ESCO occupations (the compact index the site ships) and describe how far
one job is from another, by ISCO-08 code: the more leading digits two unit
groups share, the closer the work (ISCO's groups nest: major, sub-major, minor, unit)."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

LIMIT = 8


@dataclass(frozen=True)
class JobIndex:
    """ESCO's occupations as searched: [label, isco, uuid] each, and (plain label, position) pairs."""

    occupations: list
    labels: list


def job_index(index_json: str) -> JobIndex:
    """The index parsed, for a caller that searches it often: the browser's worker keeps it, so a
    keystroke does not carry the whole index (about 1 MB) into Python each time."""
    data = json.loads(index_json)
    occupations = data["occupations"]
    labels = [(_plain(label), i) for i, (label, _, _) in enumerate(occupations)]
    labels += [(_plain(label), i) for label, i in data["labels"]]
    return JobIndex(occupations, labels)


@lru_cache(maxsize=1)
def _parsed(index_json: str) -> JobIndex:
    return job_index(index_json)


def _index(index: str | JobIndex) -> tuple[list, list]:
    found = index if isinstance(index, JobIndex) else _parsed(index)
    return found.occupations, found.labels


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search(index: str | JobIndex, query: str, limit: int = LIMIT) -> list[dict]:
    """Occupations whose name or other name contains every word of ``query``; names that start with it first."""
    occupations, labels = _index(index)
    words = _plain(query).split()
    if not words or len(" ".join(words)) < 2:
        return []
    hits: dict[int, tuple] = {}
    for label, i in labels:
        if all(word in label for word in words):
            rank = (not label.startswith(words[0]), len(label))
            hits[i] = min(hits.get(i, rank), rank)
    best = sorted(hits, key=lambda i: (hits[i], occupations[i][0]))[:limit]
    return [{"label": occupations[i][0], "isco": occupations[i][1], "uuid": occupations[i][2]} for i in best]


def find(index: str | JobIndex, uuid: str) -> dict | None:
    occupations, _ = _index(index)
    found = next((o for o in occupations if o[2] == uuid), None)
    return found and {"label": found[0], "isco": found[1], "uuid": found[2]}


def shared_isco_digits(a: str | None, b: str | None) -> int:
    """How many leading ISCO-08 digits two unit groups share (0..4)."""
    if not a or not b:
        return 0
    return next((n for n in range(4, 0, -1) if a[:n] == b[:n]), 0)


def search_json(index: str | JobIndex, query: str) -> str:
    return json.dumps(search(index, query), ensure_ascii=False)
