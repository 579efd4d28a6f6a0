"""What the engine's work in a browser imports from Pyodide's standard library, measured in Pyodide
under Node with the full standard library: every golden case scored, every persona's profile made
with the site's occupations and ESCO index in each language, the job search, which questions show,
a QR code and a Python error (tests/pyodide/run_engine.mjs).

``python tests/stdlib_list.py SITE`` (``make stdlib-list``) writes the list the build ships
(builder/careercheck/site/pyodide-stdlib.txt); test_stdlib.py measures again and compares.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careercheck.site.messages import messages
from careercheck.site.paths import OCCUPATIONS, esco_index, spec_path
from careercheck.site.stdlib import LIST
from conftest import ROOT, golden_cases, run_engine
from test_golden import _spec
from test_personas import PERSONAS

FULL_STDLIB = ROOT / "node_modules/pyodide/python_stdlib.zip"


def workload(site: Path) -> list[dict]:
    cases = [{"name": c["name"], "spec": _spec(c), "answers": c["answers"]} for c in golden_cases()]
    occupations = (site / OCCUPATIONS).read_text()
    for name, persona in PERSONAS.items():
        check = Path(persona["check"]).stem
        for language in ("nl", "en"):
            spec = site / spec_path(check, language)
            if not spec.is_file():
                continue
            esco = (site / esco_index(language)).read_text()
            answers = json.dumps(persona["answers"])
            context = json.dumps({"date": "2026-11-30", "root": "../../"})
            cases += [
                {"name": f"{name} {language}", "function": "profile_json",
                 "args": [spec.read_text(), answers, json.dumps(messages(language)), context, occupations, esco]},
                {"name": f"{name} {language} visible", "function": "visible_json", "args": [spec.read_text(), answers]},
            ]
    for language, query in (("nl", "heftruck"), ("en", "cashier")):
        cases.append({"name": f"search {language}", "function": "search_json", "args": [(site / esco_index(language)).read_text(), query]})
    return cases


def measure(site: Path) -> list[str]:
    return run_engine(site, workload(site), FULL_STDLIB)["stdlib"]


def header() -> str:
    return "".join(line + "\n" for line in LIST.read_text().splitlines() if line.startswith("#"))


if __name__ == "__main__":
    LIST.write_text(header() + "".join(f"{name}\n" for name in measure(Path(sys.argv[1]))))
    print(f"{LIST}: written")
