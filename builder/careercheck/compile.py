"""Compile a check into the scoring spec the engine reads (JSON-ready).

The spec holds only what scoring and interpretation need: no intro, no
question wording. It is the contract between the builder and the engine.
"""

from __future__ import annotations

import math
from typing import Any

from careercheck.model import Check


def scoring_spec(check: Check) -> dict[str, Any]:
    items = {q.name: {"scale": q.scale, "reverse": q.reverse} for q in check.questions}
    return {
        "id": check.id,
        "title": check.title,
        "points": {"min": 1, "max": check.likert.points},
        "items": items,
        "scales": [
            {
                "id": scale.id,
                "name": scale.name,
                "items": (members := [q.name for q in check.questions if q.scale == scale.id]),
                # Default: a score needs at least half of the scale's questions answered.
                "min_answered": scale.min_answered or math.ceil(len(members) / 2),
                "bands": [
                    {"id": b.id, "from": b.from_, "to": b.to, "label": b.label, "text": b.text}
                    for b in scale.bands
                ],
            }
            for scale in check.scales
        ],
    }
