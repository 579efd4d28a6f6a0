"""Precompressed copies of the built site's files (name.br, name.gz), for servers to send as they are.

Compressing once at build time lets a static host send the smallest file without spending CPU
per request: nginx with gzip_static and brotli_static (deploy/careercheck.conf), and
`careercheck serve` (preview.py). Brotli at its best level takes long on the Pyodide runtime
(about 20 s for its 9.6 MB of WebAssembly), and those files are the same in every build: copies
are kept by content (cache.py), so a file is compressed once on a machine.
Both copies are deterministic (gzip without a time stamp), so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from careercheck.site.cache import cache_folder, kept

# .zip: the standard library the site ships is stored uncompressed (stdlib.py), for brotli to do better.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".wasm", ".map", ".webmanifest", ".zip"}
SMALLEST = 1024  # below this, a header costs about as much as compression saves
WORTH = 0.9  # keep a copy only if it is at most this share of the original


def compress_site(site: Path, cache: Path | None = None) -> int:
    """Write name.br and name.gz next to every compressible file of ``site`` that gains from it; returns how many."""
    cache = cache or cache_folder("compressed")
    written = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE or path.stat().st_size < SMALLEST:
            continue
        data = path.read_bytes()
        for suffix, squeeze in ((".br", _brotli), (".gz", _gzip)):
            packed = _cached(cache, data, suffix, squeeze)
            if len(packed) <= WORTH * len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                written += 1
    return written


def _brotli(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cached(cache: Path, data: bytes, suffix: str, squeeze) -> bytes:
    """Files from 16 KB are kept (the theme's assets, the runtime, most pages: the same in the next
    build); smaller ones compress about as fast as they are looked up."""
    if len(data) < 16 * 1024:
        return squeeze(data)
    return kept(cache, data, suffix, lambda: squeeze(data))
