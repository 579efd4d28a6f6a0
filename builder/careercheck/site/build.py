"""Build the site atomically, one MkDocs build per language: into a temporary folder, swapped in on success.

The first language goes to the site's root, each other one to /LANG/; the
response headers for the whole site go to its root (headers.py), and precompressed
copies of its files next to them (compress.py). A failed
build (a bad check, a broken page, a warning under --strict) leaves the previous
site exactly as it was; so does a build that is killed, and a second build into
the same site while one runs is refused.
"""

from __future__ import annotations

import ctypes
import datetime
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from careercheck.site.compress import compress_site
from careercheck.site.headers import write_headers
from careercheck.site.offline import write_service_workers


class BuildRunning(MkDocsException):
    """Another build into the same site holds its lock."""


def build_site(config_file: Path, site_dir: Path | None = None, *, strict: bool = True) -> Path:
    """Build the site of ``config_file`` in every language; raise MkDocs' Abort on failure."""
    _fix_build_time()
    first = load_config(str(config_file), strict=strict)
    final = Path(site_dir or first.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    with _lock(final):
        _clear_leftovers(final)
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
            write_service_workers(staging)
            write_headers(staging)
            compress_site(staging)
            _swap(staging, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # after a swap: the previous site
    return final


def site_languages(config: MkDocsConfig) -> list[str]:
    plugin = config.plugins.get("careercheck")
    return list(plugin.config.languages) if plugin and plugin.config.enabled else [config.theme["language"]]


def _fix_build_time() -> None:
    """The same sources give the same bytes: MkDocs (sitemap dates, gzip headers) takes its
    time stamps from SOURCE_DATE_EPOCH; default: today, 00:00 UTC."""
    today = datetime.datetime.combine(datetime.date.today(), datetime.time(), datetime.timezone.utc)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(today.timestamp())))


@contextmanager
def _lock(final: Path) -> Iterator[None]:
    """One build at a time into ``final``. An flock rather than a file with a pid in it: the
    system releases it when the build ends, however it ends, so a killed build leaves no
    stale lock. The file stays: removing it would let a third build lock a new file."""
    lock = final.with_name(f".{final.name}.lock")
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildRunning(f"another build into {final} is running (it holds {lock}); wait for it to end, then build again") from None
        yield


def _old(final: Path) -> Path:
    return final.with_name(f".{final.name}-old")


def _clear_leftovers(final: Path) -> None:
    """Remove what killed builds left: staging folders, and the previous site parked by the
    two-rename swap; if the build was killed between those renames, put the previous site back."""
    old = _old(final)
    if old.is_dir() and not final.exists():
        old.rename(final)
    for leftover in [old, *final.parent.glob(f".{final.name}-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(new: Path, final: Path) -> None:
    """Put ``new`` in the place of ``final``; the previous site ends up at ``new``, for the caller to remove.

    On Linux one call swaps the two names, so there is never a moment without a site. Elsewhere
    it takes two renames; a build killed between them leaves the previous site parked at
    ``.SITE-old``, which the next build puts back.
    """
    if not final.exists():
        new.rename(final)
    elif not _exchange(new, final):
        old = _old(final)
        final.rename(old)
        new.rename(final)
        old.rename(new)


_AT_FDCWD = -100  # paths relative to the working directory (linux/fcntl.h)
_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> bool:
    """Swap two names in one step (renameat2); False where the system cannot: not Linux,
    an old kernel or C library, or a file system without the operation."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    return renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0
