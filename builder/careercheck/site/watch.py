"""Rebuild when an author changes a check, a page, the config or the theme overrides (``careercheck serve``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.config import load_config


def watched(config_file: Path) -> list[Path]:
    """The files and folders a build reads that authors edit."""
    config = load_config(str(config_file))
    root = config_file.resolve().parent
    paths = [config_file.resolve(), Path(config.docs_dir)]
    if config.theme.custom_dir:
        paths.append(Path(config.theme.custom_dir))
    plugin = config.plugins.get("careercheck")
    if plugin:
        paths += [root / plugin.config.checks_dir, *(root / entry for entry in plugin.config.pages)]
    for line in config_file.read_text(encoding="utf-8").splitlines():  # a brand's INHERIT parent
        if line.startswith("INHERIT:"):
            paths.append((root / line.split(":", 1)[1].strip().strip("'\"")).resolve())
    return paths


def _files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            yield path


def fingerprint(paths: list[Path]) -> frozenset[tuple[str, int, int]]:
    return frozenset((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in _files(paths))


def watch(paths: list[Path], rebuild: Callable[[], None], *, seen: frozenset | None = None, every: float = 1.0) -> None:
    """Call ``rebuild`` after each change under ``paths`` since ``seen`` (by default: now); runs until interrupted."""
    seen = fingerprint(paths) if seen is None else seen
    while True:
        time.sleep(every)
        now = fingerprint(paths)
        if now != seen:
            seen = now
            rebuild()
