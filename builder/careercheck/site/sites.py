"""Build several sites (the default one and each brand) into one folder, with a summary of each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config

from careercheck.site.build import build_site, site_languages


@dataclass(frozen=True)
class Built:
    name: str
    languages: list[str]
    pages: int  # HTML pages, every language
    checks: int  # check pages, every language
    megabytes: float


def build_sites(config_files: list[Path], out: Path) -> list[Built]:
    built = []
    for config_file in config_files:
        folder = config_file.resolve().parent
        name = "default" if folder == Path.cwd().resolve() else folder.name
        site = build_site(config_file, out / name)
        languages = site_languages(load_config(str(config_file)))
        html = [p for p in site.rglob("*.html") if p.name != "404.html"]
        checks = [p for p in html if p.parent.parent.name == "checks"]
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
        built.append(Built(name, languages, len(html), len(checks), round(size, 1)))
    return built


def summary(built: list[Built]) -> str:
    rows = [("site", "languages", "pages", "check pages", "size (MB)")]
    rows += [(b.name, ", ".join(b.languages), str(b.pages), str(b.checks), f"{b.megabytes:.1f}") for b in built]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) for row in rows)
