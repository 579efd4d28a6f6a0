"""The profile document (profile.py) as HTML: one renderer for the browser and the command line.

Every text is escaped here, whatever its source (a check, an answer, a coach's link).
No style attributes (the site's policy forbids inline styles): bars and charts are SVG
shapes with their size and a plain colour as attributes (the site's stylesheet colours
them), each with the same figure in text beside it.
"""

from __future__ import annotations

from html import escape
from typing import Any


def profile_html(document: dict[str, Any]) -> str:
    """The body of the profile: the summary (page one, the poster), then the details."""
    head = [f'<p class="cc-profile__meta">{_t(document["meta"])}</p>']
    if document["prepared_for"]:
        head.append(f'<p class="cc-profile__prepared" data-profile-prepared>{_t(" ".join(document["prepared_for"]))}</p>')
    if document["earlier"]:
        head.append(f"<p data-profile-earlier>{_t(document['earlier'])}</p>")
    if document["notices"]:
        head.append(f'<div class="cc-profile__notice" data-profile-quality>{_t(" ".join(document["notices"]))}</div>')
    parts = "".join(_part(part) for part in document["parts"])
    talk = _talk(document["talk"]) if document["talk"] else ""
    appointment = f'<p class="cc-summary__appointment">{_t(document["appointment"])} <span class="cc-line"></span></p>'
    summary = f'<div class="cc-summary" data-profile-summary>{"".join(head)}<div class="cc-summary__parts">{parts}</div>{talk}{appointment}</div>'
    details = "".join(_DETAILS[block["type"]](block) for block in document["details"])
    return summary + (f'<div class="cc-details" data-profile-details>{details}</div>' if details else "")


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _part(part: dict) -> str:
    heading = f'cc-part-{_t(part["id"])}'
    blocks = "".join(_BLOCKS[block["type"]](block) for block in part["blocks"])
    return (f'<section class="cc-part" data-part="{_t(part["id"])}" aria-labelledby="{heading}">'
            f'<h3 id="{heading}">{_t(part["title"])}</h3>{blocks}</section>')


def _advice(block: dict) -> str:
    steps = "".join(f"<li>{_t(step)}</li>" for step in block["steps"])
    link = block["link"] and f'<p class="cc-conclusion__link"><a href="{_t(block["link"]["url"])}">{_t(block["link"]["label"])}</a></p>'
    return (f'<article class="cc-conclusion" data-conclusion="{_t(block["id"])}"><h4>{_t(block["title"])}</h4>'
            f'<p>{_t(block["text"])}</p>{f"<ul>{steps}</ul>" if steps else ""}{link or ""}</article>')


def _answer(block: dict) -> str:
    if "ranked" in block:
        value = f'<ol>{"".join(f"<li>{_t(v)}</li>" for v in block["ranked"])}</ol>'
    elif "items" in block:
        value = f'<p>{_t("; ".join(block["items"]))}</p>'
    else:
        more = f' <span class="cc-more">{_t(block["more"])}</span>' if block.get("more") else ""
        value = f'<p class="cc-own">{_t(block["text"])}{more}</p>'
    return f'<div class="cc-answer" data-answer="{_t(block["question"])}"><p class="cc-answer__q">{_t(block["label"])}</p>{value}</div>'


def _trait(block: dict) -> str:
    return f'<p class="cc-trait" data-trait="{_t(block["scale"])}"><strong>{_t(block["name"])}:</strong> {_t(block["text"])}</p>'


def _interests(block: dict) -> str:
    return f'<div data-profile-interests><h4>{_t(block["title"])}</h4><p>{_t(block["text"])}</p></div>'


def _options(block: dict) -> str:
    """Options (or study ideas) with how well each fits and why; first what the list could not use."""
    notes = "".join(f'<p class="cc-note" data-match-note>{_t(note)}</p>' for note in block["notes"])
    items = "".join(_option(item) for item in block["items"])
    more = block["more"] and f' <a class="cc-no-print" href="{_t(block["more"]["url"])}">{_t(block["more"]["label"])}</a>'
    return (f'<div data-profile-{block["kind"]}><h4>{_t(block["title"])}</h4><p class="cc-note">{_t(block["note"])}{more or ""}</p>'
            f'{notes}<ol>{items}</ol></div>')


def _option(item: dict) -> str:
    degree = f' <em>({_t(item["degree"])})</em>' if item["degree"] else ""
    why = f' <span class="cc-why">{_t(" ".join(item["reasons"]))}</span>' if item["reasons"] else ""
    return f'<li><a href="{_t(item["url"])}">{_t(item["title"])}</a>{degree}{why}</li>'


def _talk(talk: dict) -> str:
    items = "".join(f'<li data-conclusion="{_t(i["id"])}"><strong>{_t(i["title"])}</strong>{f" {_t(i["text"])}" if i["text"] else ""}</li>'
                    for i in talk["items"])
    return (f'<section class="cc-part cc-part--talk" data-part="gesprek" aria-labelledby="cc-part-gesprek">'
            f'<h3 id="cc-part-gesprek">{_t(talk["title"])}</h3><ul>{items}</ul></section>')


def _bar(value: float, low: float, high: float) -> str:
    """A horizontal bar, as wide as the score is far along its range; decorative (the score is in the text)."""
    share = 0 if high == low else max(0.0, min(1.0, (value - low) / (high - low)))
    return (f'<svg class="cc-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">'
            f'<rect class="cc-bar__track" width="100" height="4" rx="2" fill="#ddd"/>'
            f'<rect class="cc-bar__fill" width="{max(2.0, round(100 * share, 1))}" height="4" rx="2" fill="#555"/></svg>')


def _scales(block: dict) -> str:
    cards = []
    for card in block["cards"]:
        if "score" not in card:
            cards.append(f'<article class="cc-scale" data-scale="{_t(card["scale"])}"><h4>{_t(card["name"])}</h4><p>{_t(card["text"])}</p></article>')
            continue
        extra = "".join(f'<p class="{cls}">{_t(card[key])}</p>' for key, cls in (("norms", "cc-scale__norms"), ("earlier", "cc-scale__earlier")) if card[key])
        cards.append(
            f'<article class="cc-scale" data-scale="{_t(card["scale"])}"><h4>{_t(card["name"])}</h4>{_bar(card["bar"]["value"], card["bar"]["min"], card["bar"]["max"])}'
            f'<p><strong>{_t(card["label"])}</strong> <span class="cc-scale__score">{_t(card["score"])}</span></p>'
            f'<p>{_t(card["text"])}</p>{extra}</article>'
        )
    return f'<div class="cc-scales" data-profile-scales><h3>{_t(block["title"])}</h3>{"".join(cards)}</div>'


def _chart(block: dict) -> str:
    """Bars with their labels and figures as text, so the chart reads without the picture."""
    rows = "".join(
        f'<li><span class="cc-chart__label">{_t(bar["label"])}</span>{_bar(bar["value"], bar["min"], bar["max"])}'
        f'<span class="cc-chart__value">{_t(bar["text"])}</span></li>'
        for bar in block["bars"]
    )
    return f'<figure class="cc-chart" data-profile-chart><figcaption>{_t(block["title"])}</figcaption><ul>{rows}</ul></figure>'


def _reasons(block: dict) -> str:
    """Why each option fits, and what speaks against it, one reason per line."""
    items = "".join(
        f'<li><a href="{_t(item["url"])}">{_t(item["title"])}</a> <em>({_t(item["degree"])})</em>'
        f'<ul>{"".join(f"<li>{_t(reason)}</li>" for reason in item["reasons"])}</ul></li>'
        for item in block["items"]
    )
    return f'<section class="cc-reasons" data-profile-reasons aria-labelledby="cc-reasons"><h3 id="cc-reasons">{_t(block["title"])}</h3><ol>{items}</ol></section>'


def _continued(block: dict) -> str:
    answers = "".join(_answer(a) for a in block["answers"])
    return f'<section class="cc-continued" data-profile-continued aria-labelledby="cc-continued"><h3 id="cc-continued">{_t(block["title"])}</h3>{answers}</section>'


_BLOCKS = {"advice": _advice, "answer": _answer, "trait": _trait, "interests": _interests, "options": _options}
_DETAILS = {"scales": _scales, "chart": _chart, "reasons": _reasons, "continued": _continued}
