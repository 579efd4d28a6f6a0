"""A compact index of ESCO's occupations for the job search in the browser."""

from __future__ import annotations

import csv
from pathlib import Path

# ESCO v1.1 occupations in Dutch (CC BY 4.0, see esco/README.md), shipped with the package.
OCCUPATIONS_NL = Path(__file__).parent / "esco" / "occupations_nl.csv"


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
