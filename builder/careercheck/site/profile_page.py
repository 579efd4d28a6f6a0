"""`careercheck profile`: the profile of an answers file, made from the built site's files
(the check's spec, the occupation index, ESCO's occupations) by the engine and renderer
the browser runs, so it says what the browser says. Without the site's own stylesheet,
it is a plain page a coach can open or print."""

from __future__ import annotations

import datetime
import json
from html import escape
from pathlib import Path

from careercheck.format.model import Check
from careercheck.problems import Problem, ProblemsFound
from careercheck.site.messages import messages
from careercheck.site.paths import OCCUPATIONS, esco_index, spec_path
from careercheck_engine import profile, profile_html

PAGE = """<!doctype html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
<body>
<h1>{title}</h1>
{body}
</body>
</html>
"""


def profile_page(check: Check, answers: dict, site: Path, language: str | None, date: str | None) -> str:
    language = language or check.languages[0]
    # The first language's site is at the root, the others' under /LANGUAGE/; ESCO's indexes only at the root.
    root = site.parent if site.name == language else site
    here = next((s for s in (root / language, root) if (s / spec_path(check.id, language)).is_file()), None)
    if here is None:
        raise ProblemsFound([Problem(root / spec_path(check.id, language), 1, 1, f"the built site has no '{language}' spec of check "
                                     f"'{check.id}'; build the site first (make build) or name it with --site")])
    spec = json.loads((here / spec_path(check.id, language)).read_text(encoding="utf-8"))
    occupations = here / OCCUPATIONS
    esco = root / esco_index(language)
    ui = messages(language)
    context = {"date": date or datetime.date.today().isoformat(), "root": ""}
    made = profile(spec, answers, ui, context,
                   json.loads(occupations.read_text(encoding="utf-8")) if spec.get("matching") and occupations.is_file() else None,
                   esco.read_text(encoding="utf-8") if esco.is_file() else None)
    document = made["document"]
    return PAGE.format(lang=language, title=escape(document["title"]), body=profile_html(document))

