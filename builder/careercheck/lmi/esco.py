"""A compact index of ESCO's occupations for the job search in the browser."""

from __future__ import annotations

import csv
from pathlib import Path

# ESCO's occupations in Dutch (v1.1) and English (v1.0.x), reused with acknowledgement (esco/README.md).
OCCUPATIONS_NL = Path(__file__).parent / "esco" / "occupations_nl.csv"
ESCO_CSV = {"nl": OCCUPATIONS_NL, "en": Path(__file__).parent / "esco" / "occupations_en.csv"}


def compact_index(csv_path: Path) -> dict:
    """{"occupations": [[label, isco, uuid], ...], "labels": [[other label, occupation index], ...]}."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    occupations = [[r["preferredLabel"], r["iscoGroup"], r["conceptUri"].rsplit("/", 1)[1]] for r in rows]
    labels = [
        [label, index]
        for index, r in enumerate(rows)
        for label in dict.fromkeys(a.strip() for a in r["altLabels"].splitlines())
        if label and label != r["preferredLabel"]
    ]
    return {"occupations": occupations, "labels": labels}


def titles(csv_path: Path) -> dict[str, str]:
    """{concept uuid: preferred label, capitalised}: how a page in another language is named."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return {r["conceptUri"].rsplit("/", 1)[1]: r["preferredLabel"][:1].upper() + r["preferredLabel"][1:] for r in csv.DictReader(handle)}
