"""Build the site atomically, one MkDocs build per language: into a temporary folder, swapped in on success.

The first language goes to the site's root, each other one to /LANG/; the
response headers for the whole site go to its root (headers.py). A failed
build (a bad check, a broken page, a warning under --strict) leaves the previous
site exactly as it was.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from careercheck.site.headers import write_headers


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> Path:
    """Build the site of ``config_file`` in every language; raise MkDocs' Abort on failure."""
    _fix_build_time()
    first = load_config(str(config_file), strict=strict)
    final = Path(site_dir or first.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    # A sibling folder, so the swap is a rename on the same file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-new-", dir=final.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would keep a web server's own user out
    try:
        languages = site_languages(first)
        for language in languages:
            config = first if language == languages[0] else load_config(str(config_file), strict=strict)
            if "careercheck" in config.plugins:
                config.plugins["careercheck"].config.language = language
            config.site_dir = str(staging if language == languages[0] else staging / language)
            build(config)
        write_headers(staging)
        _swap(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def site_languages(config: MkDocsConfig) -> list[str]:
    plugin = config.plugins.get("careercheck")
    return list(plugin.config.languages) if plugin and plugin.config.enabled else [config.theme["language"]]


def _fix_build_time() -> None:
    """The same sources give the same bytes: MkDocs (sitemap dates, gzip headers) and the
    engine wheel take their time stamps from SOURCE_DATE_EPOCH; default: today, 00:00 UTC."""
    today = datetime.datetime.combine(datetime.date.today(), datetime.time(), datetime.timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(today.timestamp())))


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)
