"""Colour contrast after WCAG 2.2 (1.4.3 text 4.5:1, 1.4.11 interface parts 3:1).

A brand's colours are checked for every pair the theme draws; a failing pair
is reported with its ratio and the nearest colour (same hue, other lightness) that passes.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

PAGE = "#ffffff"  # the page background of Material's default scheme
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_colour(value: str) -> bool:
    return bool(_HEX.match(value))


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def nearest_passing(moving: str, fixed: str, needed: float) -> str:
    """The colour closest in lightness to ``moving`` (same hue and saturation) with enough contrast to ``fixed``."""
    hue, light, saturation = colorsys.rgb_to_hls(*_rgb(moving))
    for step in range(1, 201):
        for lightness in (light - step / 200, light + step / 200):
            if 0 <= lightness <= 1:
                candidate = _hex(colorsys.hls_to_rgb(hue, lightness, saturation))
                if ratio(candidate, fixed) >= needed:
                    return candidate
    return "#000000"


@dataclass(frozen=True)
class Pair:
    foreground: str  # option names, e.g. "on_primary"
    background: str
    needed: float
    used_for: str


# Every foreground/background pair the theme and the check pages draw with a brand's colours.
PAIRS = (
    Pair("on_primary", "primary", 4.5, "text on the primary colour: header, buttons, chosen answers"),
    Pair("primary", "page", 4.5, "links and outlined buttons on the page"),
    Pair("accent", "page", 4.5, "links under the pointer, focus rings"),
)


def failing_pairs(colours: dict[str, str]) -> list[str]:
    """One message per pair below its WCAG minimum; ``colours`` maps option names to #rrggbb."""
    named = colours | {"page": PAGE}
    problems = []
    for pair in PAIRS:
        fg, bg = named[pair.foreground], named[pair.background]
        found = ratio(fg, bg)
        if found < pair.needed:
            # Suggest a change to the brand's own colour, never to the page.
            moving, fixed = (pair.background, fg) if pair.background != "page" else (pair.foreground, bg)
            better = nearest_passing(named[moving], fixed, pair.needed)
            problems.append(
                f"{pair.foreground} {fg} on {pair.background} {bg} has contrast {found:.2f}:1, "
                f"WCAG 2.2 AA needs {pair.needed:g}:1 ({pair.used_for}); nearest {moving} that passes: {better}"
            )
    return problems
