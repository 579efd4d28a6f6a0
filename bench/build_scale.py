"""Build time at scale: careercheck's build against a plain MkDocs build of the same pages.

Each row is a site made by `careercheck new` with more checks (copies of its example check)
and more occupation pages (copies of its example page). Timed, each build in a fresh Python
process so that starting and importing count alike: careercheck's strict build in every
language (build_site, as `careercheck build` runs it), split into its MkDocs builds (the
plugin's work included) and its precompression; and `mkdocs build` of the same docs/ with the
same config less the careercheck plugin (no check pages: the difference is the builder's cost),
once as it is and once with the occupation pages out of the menu, as the plugin keeps them
("unlisted"). Precompressed copies are kept in a cache folder of the benchmark's own, filled
with the Pyodide runtime by an untimed first build: a row's first careercheck build finds its
pages cold, the later ones warm. Reports the cold build and the best of REPEATS warm ones, the
best of REPEATS plain builds of each kind, the ratios, and milliseconds per HTML page written.
Usage: .venv/bin/python bench/build_scale.py [CHECKS:PAGES ...]   (default: ROWS)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from careercheck.site.new import new_site

ROOT = Path(__file__).resolve().parents[1]
ROWS = ((1, 10), (100, 10), (10, 100), (1, 1000), (100, 1000))  # (checks, occupation pages): each grows alone, then both
REPEATS = 2

# Runs in the child process: build_site with its two steps timed where build.py calls them.
CAREERCHECK_BUILD = """
import json, sys, time
from pathlib import Path
import careercheck.site.build as build
spent = {"mkdocs_s": 0.0, "compress_s": 0.0}
def timed(key, step):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            spent[key] += time.perf_counter() - start
    return run
build.build = timed("mkdocs_s", build.build)
build.compress_site = timed("compress_s", build.compress_site)
build.build_site(Path(sys.argv[1]), Path(sys.argv[2]), strict=True)
print(json.dumps(spent))
"""


def replaced(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced: a starter that changed fails here, not as a wrong benchmark."""
    if text.count(old) != 1:
        raise ValueError(f"the starter no longer holds {old!r} once; update bench/build_scale.py")
    return text.replace(old, new)


def make_site(folder: Path, checks: int, pages: int) -> Path:
    """A starter site with ``checks`` checks and ``pages`` occupation pages; the examples stay (the home page links to them)."""
    new_site(folder)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")  # the repository's installed, checked Pyodide
    config = folder / "mkdocs.yml"
    # A name of its own, so no page of one row is in the cache from another.
    config.write_text(replaced(config.read_text(), "site_name: Mijn loopbaancheck", f"site_name: Schaal {checks} x {pages}"))
    check = (folder / "checks/voorbeeld.yml").read_text()
    for n in range(2, checks + 1):
        copy = replaced(check, "\nid: voorbeeld\n", f"\nid: voorbeeld{n}\n")
        copy = replaced(copy, "werk?, en: How is your work going?}", f"werk? ({n}), en: How is your work going? ({n})}}")
        (folder / f"checks/voorbeeld{n}.yml").write_text(copy)
    page = folder / "docs/beroepen/voorbeeldberoep.md"
    text = page.read_text()
    for n in range(2, pages + 1):
        copy = replaced(text, "title: Voorbeeldberoep\n", f"title: Voorbeeldberoep {n}\n")
        copy = replaced(copy, "\n# Voorbeeldberoep\n", f"\n# Voorbeeldberoep {n}\n")
        page.with_name(f"voorbeeldberoep-{n}.md").write_text(copy)
    # The same config less the plugin; not strict, as the home page links to a check page it lacks.
    plain = yaml.safe_load(config.read_text())
    del plain["plugins"]["careercheck"], plain["strict"]
    (folder / "plain.yml").write_text(yaml.safe_dump(plain, allow_unicode=True))
    # Plain MkDocs lists every page in the menu of every page (quadratic); the plugin keeps occupation
    # pages out of it, and so does this second baseline.
    (folder / "plain-unlisted.yml").write_text(yaml.safe_dump({**plain, "not_in_nav": "beroepen/*.md"}, allow_unicode=True))
    return folder


def run(args: list, env: dict[str, str]) -> tuple[float, str]:
    """Wall-clock seconds of a child process and what it printed; stops the benchmark when it fails."""
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{done.stderr[-4000:]}")
    return seconds, done.stdout


def careercheck_build(site: Path, out: Path, env: dict[str, str]) -> dict[str, float]:
    seconds, printed = run([sys.executable, "-c", CAREERCHECK_BUILD, site / "mkdocs.yml", out], env)
    return {"total_s": seconds, **json.loads(printed)}


def plain_build(config: Path, out: Path, env: dict[str, str]) -> float:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", out], env)[0]


def html_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


def build_scale(rows=ROWS, repeats: int = REPEATS) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="build-scale-") as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache")}  # leaves the user's cache as it is
        first = careercheck_build(make_site(tmp / "warm-up", 1, 1), tmp / "warm-up/site", env)
        print(f"warm-up build, empty cache: {first['total_s']:.1f} s, of which compress {first['compress_s']:.1f} s", file=sys.stderr)
        for checks, pages in rows:
            site = make_site(tmp / f"{checks}x{pages}", checks, pages)
            cold = careercheck_build(site, site / "site", env)
            warm, plain, unlisted = [], [], []
            for _ in range(repeats):  # alternated, so a busy moment on the machine hits each alike
                plain.append(plain_build(site / "plain.yml", site / "plain-site", env))
                unlisted.append(plain_build(site / "plain-unlisted.yml", site / "unlisted-site", env))
                warm.append(careercheck_build(site, site / "site", env))
            best = min(warm, key=lambda b: b["total_s"])
            row = {
                "checks": checks, "occupation_pages": pages,
                "html_pages_careercheck": html_pages(site / "site"), "html_pages_plain": html_pages(site / "plain-site"),
                "careercheck_cold_s": round(cold["total_s"], 2), "careercheck_s": round(best["total_s"], 2),
                "careercheck_mkdocs_s": round(best["mkdocs_s"], 2),
                "compress_cold_s": round(cold["compress_s"], 2), "compress_s": round(best["compress_s"], 2),
                "plain_s": round(min(plain), 2), "plain_unlisted_s": round(min(unlisted), 2),
                "ratio": round(best["total_s"] / min(plain), 2), "ratio_unlisted": round(best["total_s"] / min(unlisted), 2),
            }
            row["careercheck_ms_per_html_page"] = round(1000 * best["total_s"] / row["html_pages_careercheck"], 1)
            row["plain_ms_per_html_page"] = round(1000 * min(plain) / row["html_pages_plain"], 1)
            row["plain_unlisted_ms_per_html_page"] = round(1000 * min(unlisted) / row["html_pages_plain"], 1)
            print(f"{checks} checks, {pages} pages: careercheck {row['careercheck_cold_s']} s cold, {row['careercheck_s']} s warm; "
                  f"plain {row['plain_s']} s, unlisted {row['plain_unlisted_s']} s", file=sys.stderr)
            results.append(row)
    return results


def table(rows: list[dict]) -> str:
    lines = [
        "| checks | occupation pages | HTML pages careercheck / plain | careercheck s cold / warm | of which MkDocs s (warm) | of which compress s cold / warm "
        "| plain s / unlisted s | ratio to plain / unlisted | ms per HTML page careercheck / plain / unlisted |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['checks']} | {r['occupation_pages']} | {r['html_pages_careercheck']} / {r['html_pages_plain']} "
            f"| {r['careercheck_cold_s']} / {r['careercheck_s']} | {r['careercheck_mkdocs_s']} | {r['compress_cold_s']} / {r['compress_s']} "
            f"| {r['plain_s']} / {r['plain_unlisted_s']} | {r['ratio']} / {r['ratio_unlisted']} "
            f"| {r['careercheck_ms_per_html_page']} / {r['plain_ms_per_html_page']} / {r['plain_unlisted_ms_per_html_page']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    chosen = [tuple(map(int, arg.split(":"))) for arg in sys.argv[1:]] or ROWS
    results = build_scale(chosen)
    print(table(results))
    print()
    print(json.dumps(results, indent=2))
