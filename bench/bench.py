"""Speed and size of the example site, measured in a real browser.

Each run is a fresh browser context (empty cache, cold Pyodide). Reports the
median of RUNS runs and ratios from the same run; writes bench/results/latest.json.
Usage: make bench   (or: .venv/bin/python bench/bench.py [RUNS])
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, GOLDEN  # noqa: E402

from careercheck import load_check, scoring_spec  # noqa: E402
from careercheck.site.preview import serve_in_background  # noqa: E402
from careercheck.site.build import build_site  # noqa: E402
from careercheck_engine import score  # noqa: E402

CHECK = "/checks/werkenergie/"
ANSWERS = json.loads((GOLDEN / "werkenergie-energetic.json").read_text())["answers"]
FILL = "answers => { for (const [n, v] of Object.entries(answers)) document.querySelector(`input[name=${n}][value='${v}']`).checked = true; }"


def one_run(browser, url: str, *, wait_for_engine: bool) -> dict[str, float]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(180_000)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("fieldset", state="visible")
    first_question = time.perf_counter() - start
    fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
    # The page's script shows the progress line when it has taken over the form: a click before that
    # would submit the plain form, which the policy stops and nothing answers.
    page.wait_for_selector("[data-progress]", state="visible")
    page.evaluate(FILL, ANSWERS)
    if wait_for_engine:
        page.wait_for_selector("form[data-engine=ready]", state="attached")
    engine_ready_at = time.perf_counter() - start if wait_for_engine else None
    # Walk to the last section (the answers are already filled in), then time the last click.
    button = page.locator("form[data-check] button[type=submit]")
    while button.text_content() != button.get_attribute("data-finish"):
        button.click()
    submit = time.perf_counter()
    button.click()
    page.wait_for_selector("[data-profile][data-state=ready]", state="attached")
    to_profile = time.perf_counter() - submit
    context.close()
    return {"first_question_s": first_question, "first_contentful_paint_s": (fcp or 0) / 1000,
            "engine_ready_s": engine_ready_at, "submit_to_profile_s": to_profile}


def engine_ready(browser, url: str) -> float:
    """Open to engine ready in a fresh context (for checks whose answers are not scripted here)."""
    return visit_to_engine_ready(browser, url)[0]


def visit_to_engine_ready(browser, url: str) -> tuple[float, int]:
    """Seconds from opening to engine ready in a fresh context, and the bytes the server sent
    (response bodies as they went over the wire: compressed where the server compressed them)."""
    context = browser.new_context()
    page = context.new_page()
    sent = []
    page.on("requestfinished", lambda request: sent.append(request.sizes()["responseBodySize"]))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("form[data-engine=ready]", state="attached", timeout=180_000)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    context.close()
    return seconds, sum(sent)


def without_copies(site: Path, into: Path) -> Path:
    """The same site without the build's precompressed copies: what a server sends that ignores them."""
    shutil.copytree(site, into, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    return into


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        site = build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")
        build_s = time.perf_counter() - t0
        url = serve_in_background(site)[0] + CHECK
        plain_url = serve_in_background(without_copies(site, Path(tmp) / "plain"))[0] + CHECK

        spec = scoring_spec(load_check(ROOT / "checks/werkenergie.yml"))
        n = 2000
        t0 = time.perf_counter()
        for _ in range(n):
            score(spec, ANSWERS)
        cpython_score_us = (time.perf_counter() - t0) / n * 1e6

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            cold = [one_run(browser, url, wait_for_engine=False) for _ in range(runs)]
            warm = [one_run(browser, url, wait_for_engine=True) for _ in range(runs)]
            # The Loopbaancheck also loads the occupation index and ESCO's job index (about 0.9 MB).
            large = [engine_ready(browser, url.replace(CHECK, "/checks/loopbaancheck/")) for _ in range(runs)]
            # The English site loads the same runtime from the first language's site.
            english = [engine_ready(browser, url.replace(CHECK, "/en/checks/loopbaancheck/")) for _ in range(runs)]
            # The build's brotli copies against the same files sent as they are, side by side.
            sent = [visit_to_engine_ready(browser, url.replace(CHECK, "/checks/loopbaancheck/")) for _ in range(runs)]
            sent_plain = [visit_to_engine_ready(browser, plain_url.replace(CHECK, "/checks/loopbaancheck/")) for _ in range(runs)]
            browser.close()

        median = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
        results = {
            "runs": runs,
            "build_s": round(build_s, 2),
            "open_to_first_question_s": round(median(cold + warm, "first_question_s"), 3),
            "first_contentful_paint_s": round(median(cold + warm, "first_contentful_paint_s"), 3),
            "open_to_engine_ready_s": round(median(warm, "engine_ready_s"), 2),
            "open_to_engine_ready_loopbaancheck_s": round(statistics.median(large), 2),
            "open_to_engine_ready_loopbaancheck_en_s": round(statistics.median(english), 2),
            "submit_to_profile_cold_pyodide_s": round(median(cold, "submit_to_profile_s"), 2),
            "submit_to_profile_engine_ready_s": round(median(warm, "submit_to_profile_s"), 3),
            "cpython_score_us": round(cpython_score_us, 1),
            "site_bytes": folder_bytes(site),
            "english_site_bytes": folder_bytes(site / "en"),
            "pyodide_runtime_bytes": folder_bytes(site / "assets/pyodide"),
            "check_page_html_bytes": (site / CHECK.strip("/") / "index.html").stat().st_size,
            "esco_index_bytes": (site / "assets/careercheck/esco-occupations.nl.json").stat().st_size,
            "loopbaancheck_sent_bytes": statistics.median(b for _, b in sent),
            "loopbaancheck_sent_bytes_uncompressed": statistics.median(b for _, b in sent_plain),
            "loopbaancheck_engine_ready_uncompressed_s": round(statistics.median(s for s, _ in sent_plain), 2),
        }
        results["ratio_sent_compressed_to_uncompressed"] = round(
            results["loopbaancheck_sent_bytes"] / results["loopbaancheck_sent_bytes_uncompressed"], 2
        )
        results["ratio_cold_to_ready_submit"] = round(
            results["submit_to_profile_cold_pyodide_s"] / results["submit_to_profile_engine_ready_s"], 1
        )
    results["ratio_engine_ready_loopbaancheck_to_werkenergie"] = round(
        results["open_to_engine_ready_loopbaancheck_s"] / results["open_to_engine_ready_s"], 2
    )
    out = ROOT / "bench/results/latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    width = max(map(len, results))
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
