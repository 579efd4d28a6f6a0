"""Item analysis of pilot data, so authors can improve their checks.

Per scale: Cronbach's alpha, each item's corrected item-total correlation (the
item against the sum of the other items) and alpha if the item were deleted.
Items are reverse-keyed first; respondents missing an item of a scale are left
out of that scale's analysis (listwise), and the number used is reported.
"""

from __future__ import annotations

import csv
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from careercheck.format.compile import scoring_spec
from careercheck.format.model import Check
from careercheck.problems import Problem

ItemColumns = dict[str, list[float]]


@dataclass
class ItemResult:
    item: str
    corrected_item_total: float | None
    alpha_if_deleted: float | None


@dataclass
class ScaleAnalysis:
    scale: str
    respondents: int
    alpha: float | None
    items: list[ItemResult] = field(default_factory=list)


def cronbach_alpha(columns: list[list[float]]) -> float | None:
    """k/(k-1) * (1 - sum of item variances / variance of the total); None when undefined."""
    k = len(columns)
    if k < 2 or len(columns[0]) < 2:
        return None
    totals = [sum(row) for row in zip(*columns)]
    total_variance = statistics.variance(totals)
    if total_variance == 0:
        return None
    return k / (k - 1) * (1 - sum(statistics.variance(c) for c in columns) / total_variance)


def _correlation(a: list[float], b: list[float]) -> float | None:
    try:
        return statistics.correlation(a, b)
    except statistics.StatisticsError:  # fewer than two values, or no variation
        return None


def analyse_scale(columns: ItemColumns) -> tuple[float | None, list[ItemResult]]:
    names = list(columns)
    results = []
    for name in names:
        others = [columns[n] for n in names if n != name]
        rest = [sum(row) for row in zip(*others)]
        results.append(ItemResult(name, _rounded(_correlation(columns[name], rest)), _rounded(cronbach_alpha(others))))
    return _rounded(cronbach_alpha(list(columns.values()))), results


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def read_responses(check: Check, path: Path) -> tuple[list[dict[str, float]], list[Problem]]:
    """Rows of keyed item values (reverse keying applied); bad cells become problems and count as missing."""
    spec = scoring_spec(check)
    items = {i["q"]: i for scale in spec["scales"] for i in scale["items"]}
    problems: list[Problem] = []
    rows: list[dict[str, float]] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        unknown = [c for c in reader.fieldnames or [] if c not in items]
        if unknown:
            problems.append(Problem(path, 1, 1, f"columns {', '.join(unknown)} are not scale items of '{check.id}'; they are left out", warning=True))
        for line, record in enumerate(reader, start=2):
            row = {}
            for name, item in items.items():
                cell = (record.get(name) or "").strip()
                if not cell:
                    continue
                question = spec["questions"][name]
                try:
                    value = float(cell.replace(",", "."))
                except ValueError:
                    value = None
                if value is None or not question["min"] <= value <= question["max"]:
                    problems.append(Problem(path, line, 1, f"'{cell}' in column '{name}' is not an answer from {question['min']} to {question['max']}; it counts as missing", warning=True))
                    continue
                row[name] = question["min"] + question["max"] - value if item["reverse"] else value
            rows.append(row)
    return rows, problems


def analyse(check: Check, rows: list[dict[str, float]]) -> list[ScaleAnalysis]:
    results = []
    for scale in scoring_spec(check)["scales"]:
        names = [i["q"] for i in scale["items"]]
        complete = [row for row in rows if all(n in row for n in names)]
        alpha, items = analyse_scale({n: [row[n] for row in complete] for n in names})
        results.append(ScaleAnalysis(scale["id"], len(complete), alpha, items))
    return results


def report(results: list[ScaleAnalysis]) -> str:
    show = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = []
    for scale in results:
        lines.append(f"{scale.scale}: alpha {show(scale.alpha)} (n = {scale.respondents})")
        lines.append(f"  {'item':<16} {'corrected r':>11} {'alpha if deleted':>17}")
        lines += [f"  {i.item:<16} {show(i.corrected_item_total):>11} {show(i.alpha_if_deleted):>17}" for i in scale.items]
    return "\n".join(lines)
