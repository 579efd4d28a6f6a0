"""Precompressed copies of the built site's files (name.br, name.gz), for servers to send as they are.

Compressing once at build time lets a static host send the smallest file without spending CPU
per request: nginx with gzip_static and brotli_static (deploy/careercheck.conf), and
`careercheck serve` (preview.py). Brotli at its best level takes long on the Pyodide runtime
(about 20 s for its 9.6 MB of WebAssembly), and those files are the same in every build: copies
are kept by content (cache.py), so a file is compressed once on a machine. Pages get a faster level.
Both copies are deterministic (gzip without a time stamp), so the same site gives the same bytes.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

from careercheck.site.cache import cache_folder, kept

# .zip: the runtime's bytecode is stored uncompressed (bytecode.py), for brotli to do better.
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
        page = path.suffix == ".html"
        for suffix, squeeze in ((".br", _brotli), (".gz", _gzip)):
            packed = squeeze(data, page) if page else kept(cache, data, suffix, lambda: squeeze(data, page))
            if len(packed) <= WORTH * len(data):
                path.with_name(path.name + suffix).write_bytes(packed)
                written += 1
    return written


# Pages are many and change with every menu change (a new check changes every page): at brotli's
# level 5 a page takes about 0.5 ms instead of 20 to 200 ms at 11, for about a tenth more bytes. The
# rest (runtime, scripts, style sheets, indexes) is the same from build to build: at the best
# levels, kept by content, so compressed once on a machine.
def _brotli(data: bytes, page: bool) -> bytes:
    return brotli.compress(data, quality=5 if page else 11)


def _gzip(data: bytes, page: bool) -> bytes:
    return gzip.compress(data, compresslevel=6 if page else 9, mtime=0)
