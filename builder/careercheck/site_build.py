"""Build the site atomically: into a temporary folder, swapped in on success.

A failed build (a bad check, a broken page, a warning under --strict) leaves
the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> Path:
    """Build the site of ``config_file``; raise mkdocs' Abort on failure."""
    config = load_config(str(config_file), strict=strict)
    final = Path(site_dir or config.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    # A sibling folder, so the swap is a rename on the same file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}-new-", dir=final.parent))
    try:
        config.site_dir = str(staging)
        build(config)
        _swap(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return final


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)
