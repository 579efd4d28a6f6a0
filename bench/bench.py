"""Speed and size of the example site as a visitor meets them, in a real browser, on loopback.

For each profile, a cold first visit (fresh browser context) and a repeat visit (a new tab in the
same context: the service worker and the browser's cache as the first visit left them): time to
the first question, to the engine being ready, from the last submit to the profile shown (timed in
the page; once settled, as after a person's minutes of answering, and, side by side, at once when the
engine is ready), and the bytes the server sent (counted at the server: headers and bodies as they went out, compressed where
the build's copies were sent). Profiles:
- plain: this machine as it is;
- phone-fast, phone-slow: a mid-range phone's network (Chromium's network emulation: 9 Mbit/s
  with 40 ms, 1.6 Mbit/s with 150 ms) and CPU: Chromium's own CPU throttling does not reach Web
  Workers, where the engine runs, so the whole browser runs in a cgroup (v1 cpu controller, or v2)
  allowed a quarter of one core. Needs root to make the cgroup; without it the CPU is not slowed
  and the results say so.
Also the build, and the build at scale against plain MkDocs (build_scale.py).
Writes bench/results/latest.json and prints a Markdown table.
Usage: make bench   (or: .venv/bin/python bench/bench.py [RUNS])
"""

from __future__ import annotations

import functools
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, GOLDEN  # noqa: E402

from build_scale import build_scale, table as scale_table  # noqa: E402
from careercheck.site.build import build_site  # noqa: E402
from careercheck.site.compress import compress_site  # noqa: E402
from careercheck.site.preview import serve_in_background  # noqa: E402

CHECK = "/checks/werkenergie/"
ANSWERS = json.loads((GOLDEN / "werkenergie-energetic.json").read_text())["answers"]
FILL = "answers => { for (const [n, v] of Object.entries(answers)) document.querySelector(`input[name=${n}][value='${v}']`).checked = true; }"
# (latency ms, download Mbit/s, upload Mbit/s); None: not emulated.
NETWORKS = {"plain": None, "phone-fast": (40, 9.0, 1.5), "phone-slow": (150, 1.6, 0.75)}
PHONE_CPU = 0.25  # share of one core


class _Counting:
    """A handler's output stream that adds what is written to a shared count."""

    def __init__(self, stream, count: list[int]) -> None:
        self.stream, self.count = stream, count

    def write(self, data) -> int:
        self.count[0] += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def counting_server(site: Path) -> tuple[str, list[int]]:
    """`careercheck serve`'s server for ``site`` in a thread, and the count of bytes it has sent."""
    url, server = serve_in_background(site)
    sent = [0]
    handler = server.RequestHandlerClass  # functools.partial(the site's handler, directory=...), read per request

    class Counted(handler.func):
        def setup(self) -> None:
            super().setup()
            self.wfile = _Counting(self.wfile, sent)

    server.RequestHandlerClass = functools.partial(Counted, *handler.args, **handler.keywords)
    return url, sent


@contextmanager
def slowed_cpu(share: float, folder: Path):
    """A Chromium executable that runs in a cgroup allowed ``share`` of one core; None if not possible."""
    for base, write in ((Path("/sys/fs/cgroup/cpu"), lambda g: (g / "cpu.cfs_quota_us").write_text(str(int(share * 100_000)))),
                        (Path("/sys/fs/cgroup"), lambda g: (g / "cpu.max").write_text(f"{int(share * 100_000)} 100000"))):
        group = base / f"careercheck-bench-{os.getpid()}"
        try:
            group.mkdir()
            write(group)
        except OSError:
            _remove(group)
            continue
        tasks = group / ("tasks" if base.name == "cpu" else "cgroup.procs")
        wrapper = folder / "chromium-slowed"
        wrapper.write_text(f"#!/bin/sh\necho $$ > {tasks}\nexec {CHROMIUM} \"$@\"\n")
        wrapper.chmod(0o755)
        try:
            yield str(wrapper)
        finally:
            time.sleep(1)  # the browser's processes have left
            _remove(group)
        return
    yield None


def _remove(group: Path) -> None:
    """A cgroup goes with rmdir (its files are the kernel's); one that was not made, or is busy, stays."""
    try:
        group.rmdir()
    except OSError:
        pass


# Times are taken in the page, by its own clock (from the start of its navigation), not by waiting in
# Playwright, whose polling looks every 500 ms once a wait is long and whose round trips to a slowed
# browser are slow themselves: timed around Playwright's click, submit -> profile came out about 1.6 times as long.
# The first question: after the first frame in which it has a box; engine ready: when the page marks it so.
MARK_LOAD = """(() => {
  const marks = (window.benchLoad = {});
  const look = () => {
    const question = document.querySelector("fieldset");
    if (question && question.getClientRects().length && getComputedStyle(question).visibility !== "hidden") {
      setTimeout(() => { marks.firstQuestion = performance.now(); }); // once that frame is painted
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  new MutationObserver(() => {
    if (!marks.engineReady && document.querySelector("form[data-engine=ready]")) marks.engineReady = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-engine"] });
})();"""
# From the submit event to the frame after the profile is shown.
MARK_PROFILE = """() => {
  const profile = document.querySelector("[data-profile]");
  window.benchTiming = {};
  document.addEventListener("submit", () => { window.benchTiming.submit ??= performance.now(); }, { capture: true });
  new MutationObserver(() => {
    if (profile.dataset.state === "ready") requestAnimationFrame(() => setTimeout(() => { window.benchTiming.shown ??= performance.now(); }));
  }).observe(profile, { attributes: true, attributeFilter: ["data-state"] });
}"""
# A person answers for minutes: by then the service worker has taken the site in and the browser has
# optimised the runtime's hot code, work that otherwise shares the phone's CPU with the profile.
SETTLE_S = 5


def submit_to_profile(page, *, settled: bool, kept: bool) -> float:
    """Answer, go to the last screen and submit: at once when the engine is ready, or ``settled``."""
    page.wait_for_selector("[data-progress]", state="visible")  # check.js has taken over the form
    page.evaluate(FILL, ANSWERS)
    button = page.locator("form[data-check] button[type=submit]")
    while button.text_content() != button.get_attribute("data-finish"):
        button.click()
    if settled:
        if kept:
            page.evaluate("navigator.serviceWorker.ready")
        time.sleep(SETTLE_S)
    page.evaluate(MARK_PROFILE)
    button.click()
    page.wait_for_selector("[data-profile][data-state=ready]", state="attached")
    while not page.evaluate("window.benchTiming.shown"):
        time.sleep(0.05)
    timing = page.evaluate("window.benchTiming")
    return (timing["shown"] - timing["submit"]) / 1000


def visit(context, url: str, sent: list[int], network, *, finish: str | None, kept: bool = True) -> dict:
    """One visit, timed; ``finish``: None, or submit "at once" when the engine is ready or "settled"."""
    page = context.new_page()
    page.set_default_timeout(300_000)
    if network:
        cdp = context.new_cdp_session(page)
        latency, down, up = network
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency,
                 "downloadThroughput": down * 1e6 / 8, "uploadThroughput": up * 1e6 / 8})
    page.add_init_script(MARK_LOAD)
    before = sent[0]
    page.goto(url, wait_until="commit")
    page.wait_for_selector("form[data-engine=ready]", state="attached")
    to_ready = sent[0] - before
    marks = page.evaluate("window.benchLoad")
    result = {"first_question_s": marks["firstQuestion"] / 1000, "engine_ready_s": marks["engineReady"] / 1000, "sent_to_engine_ready_bytes": to_ready}
    if finish:
        result["submit_to_profile_s"] = submit_to_profile(page, settled=finish == "settled", kept=kept)
    # What the service worker takes in for a second visit and offline use, after engine ready.
    if kept:
        page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_load_state("networkidle")
    result["sent_bytes"] = sent[0] - before
    page.close()
    return result


def profile_runs(browser, url: str, sent: list[int], network, runs: int, *, finish: str | None = "settled", service_workers: str = "allow") -> dict:
    first, repeat = [], []
    for _ in range(runs):
        context = browser.new_context(service_workers=service_workers)
        kept = service_workers == "allow"
        first.append(visit(context, url, sent, network, finish=finish, kept=kept))
        repeat.append(visit(context, url, sent, network, finish=None, kept=kept))
        context.close()
    median = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    return {"first": {k: median(first, k) for k in first[0]}, "repeat": {k: median(repeat, k) for k in repeat[0]}}


def without_copies(site: Path, into: Path) -> Path:
    """The same site without the build's precompressed copies: what a server sends that ignores them."""
    shutil.copytree(site, into, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    return into


def with_preload(site: Path, into: Path) -> Path:
    """The same site with the measured check page naming the runtime's WebAssembly (2.7 MB of its 4.3 on the
    wire) in a low-priority preload, so it downloads before the worker asks for it (kept a year, its
    folder named by its content, the worker's request then finds it in the browser's cache)."""
    shutil.copytree(site, into)
    wasm = "/" + next(into.glob("assets/pyodide/*/pyodide.asm.wasm")).relative_to(into).as_posix()
    page = into / CHECK.strip("/") / "index.html"
    hint = f'<link rel="preload" href="{wasm}" as="fetch" crossorigin fetchpriority="low">'
    page.write_text(page.read_text(encoding="utf-8").replace("</head>", hint + "</head>", 1), encoding="utf-8")
    for copy in (".br", ".gz"):
        page.with_name(page.name + copy).unlink()
    compress_site(page.parent)
    return into


def side_by_side(browser, variants: dict[str, tuple[str, list[int]]], network, runs: int) -> dict:
    """First visits to each variant, taken in turn run after run, so the machine's ups and downs fall on
    all of them alike; the medians."""
    rows: dict[str, list[dict]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (url, sent) in variants.items():
            rows[name].append(profile_runs(browser, url + CHECK, sent, network, 1, finish="at once")["first"])
    return {name: {k: statistics.median(r[k] for r in found) for k in found[0]} for name, found in rows.items()}


def with_full_stdlib(site: Path, into: Path) -> Path:
    """The same site with Pyodide's own standard library (every module, as source) instead of the trimmed,
    compiled one: the service worker's list is unchanged, the version digest does not matter here."""
    shutil.copytree(site, into)
    stdlib = next(into.glob("assets/pyodide/*/python_stdlib.zip"))
    for copy in (".br", ".gz"):
        stdlib.with_name(stdlib.name + copy).unlink(missing_ok=True)
    shutil.copy(ROOT / "node_modules/pyodide/python_stdlib.zip", stdlib)
    compress_site(stdlib.parent)  # as the build would (a deflated zip gains too little: no copies)
    return into


def main(runs: int = 3) -> None:
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
                     f"Python {platform.python_version()}, {platform.system()} {platform.release()}", "runs": runs}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        site = build_site(ROOT / "mkdocs.yml", Path(tmp) / "site")
        results["build_s"] = round(time.perf_counter() - t0, 2)
        server, sent = counting_server(site)
        plain_server, plain_sent = counting_server(without_copies(site, Path(tmp) / "plain"))
        variants = {"as built": (server, sent),
                    "Pyodide's own standard library": counting_server(with_full_stdlib(site, Path(tmp) / "full-stdlib")),
                    "with a preload of the WebAssembly": counting_server(with_preload(site, Path(tmp) / "preload"))}
        with sync_playwright() as playwright, slowed_cpu(PHONE_CPU, Path(tmp)) as slowed:
            results["phone_cpu"] = f"a cgroup allowed {PHONE_CPU:.0%} of one core" if slowed else "not slowed (no cgroup could be made)"
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            profiles = {"plain": profile_runs(browser, server + CHECK, sent, None, runs)}
            # Without its service worker: a fresh profile's in-memory cache cannot hold the uncompressed
            # WebAssembly (9.6 MB), so the worker's install, as the engine becomes ready, would send it again.
            uncompressed = profile_runs(browser, plain_server + CHECK, plain_sent, None, 1, service_workers="block")
            loopbaan = profile_runs(browser, server + "/checks/loopbaancheck/", sent, None, 1, finish=None)
            compared = {"plain": side_by_side(browser, {k: variants[k] for k in ("as built", "with a preload of the WebAssembly")}, None, runs)}
            browser.close()
            phone = playwright.chromium.launch(executable_path=slowed or CHROMIUM, args=CHROMIUM_ARGS)
            for name in ("phone-fast", "phone-slow"):
                profiles[name] = profile_runs(phone, server + CHECK, sent, NETWORKS[name], runs)
            # The site as built against the same site without one of its changes, first visits side by side.
            compared["phone-fast"] = side_by_side(phone, variants, NETWORKS["phone-fast"], runs)
            phone.close()
    results["profiles"] = profiles
    results["side_by_side_first_visit"] = compared
    results["plain_uncompressed_first"] = uncompressed["first"]
    results["loopbaancheck_plain_first"] = loopbaan["first"]
    results["ratio_sent_compressed_to_uncompressed"] = round(
        profiles["plain"]["first"]["sent_to_engine_ready_bytes"] / uncompressed["first"]["sent_to_engine_ready_bytes"], 2)
    results["build_scale"] = build_scale()
    out = ROOT / "bench/results/latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))


def table(results: dict) -> str:
    rows = ["| profile | visit | first question | engine ready | submit → profile, settled | sent to engine ready | sent in all |",
            "|---|---|---|---|---|---|---|"]
    for name, visits in results["profiles"].items():
        for kind, r in visits.items():
            profile = r.get("submit_to_profile_s")
            rows.append(f"| {name} | {kind} | {r['first_question_s']:.2f} s | {r['engine_ready_s']:.2f} s | "
                        f"{f'{profile:.3f} s' if profile is not None else '–'} | {r['sent_to_engine_ready_bytes'] / 1e6:.2f} MB | "
                        f"{r['sent_bytes'] / 1e6:.2f} MB |")
    compared = ["| profile | site | first question | engine ready | submit → profile, at once | sent to engine ready | engine ready, as built ÷ this |",
                "|---|---|---|---|---|---|---|"]
    for name, variants in results["side_by_side_first_visit"].items():
        built = variants["as built"]
        for variant, r in variants.items():
            compared.append(f"| {name} | {variant} | {r['first_question_s']:.2f} s | {r['engine_ready_s']:.2f} s | {r['submit_to_profile_s']:.3f} s | "
                            f"{r['sent_to_engine_ready_bytes'] / 1e6:.2f} MB | {built['engine_ready_s'] / r['engine_ready_s']:.2f} |")
    lines = [f"{results['date']}, {results['machine']}; phone CPU: {results['phone_cpu']}; build {results['build_s']} s.", "", *rows, "",
             f"First visits side by side in the same run (medians of {results['runs']}, taken in turn):", "", *compared, "",
             f"Without the build's compressed copies (plain): {results['plain_uncompressed_first']['sent_to_engine_ready_bytes'] / 1e6:.2f} MB sent to "
             f"engine ready ({results['ratio_sent_compressed_to_uncompressed']}x with them). The Loopbaancheck (plain, first visit): "
             f"engine ready {results['loopbaancheck_plain_first']['engine_ready_s']:.2f} s, "
             f"{results['loopbaancheck_plain_first']['sent_to_engine_ready_bytes'] / 1e6:.2f} MB sent.", ""]
    return "\n".join([*lines, scale_table(results["build_scale"])])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
