"""Rules across fields that the model's types cannot express.

Each rule yields (location in the file, point at the key?, message) so the
loader can report it at the right line. Messages say what is wrong and how
to fix it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from careercheck.model import Check, Scale

Finding = tuple[tuple[str | int, ...], bool, str]


def check_rules(check: Check) -> Iterator[Finding]:
    yield from _unique(check)
    yield from _anchors(check)
    yield from _scale_references(check)
    for index, scale in enumerate(check.scales):
        yield from _bands(scale, ("scales", index), check.likert.points)


def _unique(check: Check) -> Iterator[Finding]:
    for field, ids in (("questions", [q.name for q in check.questions]), ("scales", [s.id for s in check.scales])):
        key = "name" if field == "questions" else "id"
        seen: set[str] = set()
        for index, value in enumerate(ids):
            if value in seen:
                yield (field, index, key), False, f"'{value}' is used twice in '{field}'; give each one its own {key}"
            seen.add(value)


def _anchors(check: Check) -> Iterator[Finding]:
    points, anchors = check.likert.points, len(check.likert.anchors)
    if anchors != points:
        yield ("likert", "anchors"), True, f"{anchors} anchors for {points} points; give exactly one label per point"


def _scale_references(check: Check) -> Iterator[Finding]:
    scale_ids = [s.id for s in check.scales]
    for index, question in enumerate(check.questions):
        if question.scale not in scale_ids:
            yield (
                ("questions", index, "scale"),
                False,
                f"question '{question.name}' names scale '{question.scale}', which is not defined; "
                f"use one of: {', '.join(scale_ids)}, or add it under 'scales:'",
            )
    counts = Counter(q.scale for q in check.questions)
    for index, scale in enumerate(check.scales):
        if not counts[scale.id]:
            yield ("scales", index, "id"), False, f"scale '{scale.id}' has no questions; add questions with 'scale: {scale.id}' or remove the scale"
        elif scale.min_answered is not None and scale.min_answered > counts[scale.id]:
            yield (
                ("scales", index, "min_answered"),
                False,
                f"min_answered is {scale.min_answered} but scale '{scale.id}' has only {counts[scale.id]} questions; lower it",
            )


def _bands(scale: Scale, at: tuple[str | int, ...], points: int) -> Iterator[Finding]:
    """Bands must cover the whole score range 1..points without gaps or overlaps."""
    expected = 1.0
    for index, band in enumerate(scale.bands):
        where = (*at, "bands", index)
        if band.from_ < expected:
            yield (*where, "from"), False, f"band '{band.id}' starts at {band.from_:g}, overlapping the band before it; start it at {expected:g}"
        elif band.from_ > expected:
            yield (*where, "from"), False, f"gap: no band covers scores from {expected:g} to {band.from_:g}; start band '{band.id}' at {expected:g}"
        if band.to <= band.from_:
            yield (*where, "to"), False, f"band '{band.id}' ends at {band.to:g}, not above its start {band.from_:g}; make 'to' larger than 'from'"
        expected = band.to
    if expected != points:
        last = (*at, "bands", len(scale.bands) - 1, "to")
        yield last, False, f"the highest band of scale '{scale.id}' ends at {expected:g}; end it at {points} (the highest answer)"
    seen: set[str] = set()
    for index, band in enumerate(scale.bands):
        if band.id in seen:
            yield (*at, "bands", index, "id"), False, f"band id '{band.id}' is used twice in scale '{scale.id}'; give each band its own id"
        seen.add(band.id)
