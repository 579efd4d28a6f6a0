"""The build's precompressed copies: exact, only where they gain, the same bytes every time."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli

from careercheck.site.compress import compress_site
from conftest import runtime_folder


def test_every_copy_unpacks_to_its_original(site: Path) -> None:
    # sitemap.xml.gz is MkDocs' own, for search engines (and the same sitemap when a host sends it).
    copies = [c for c in [*site.rglob("*.br"), *site.rglob("*.gz")] if c.name != "sitemap.xml.gz"]
    assert runtime_folder(site) / "pyodide.asm.wasm.br" in copies and site / "checks/kortecheck/index.html.gz" in copies
    for copy in copies:
        original = copy.with_suffix("").read_bytes()
        assert (brotli.decompress if copy.suffix == ".br" else gzip.decompress)(copy.read_bytes()) == original, copy
        assert copy.stat().st_size <= 0.9 * len(original), copy


def test_files_that_do_not_gain_get_no_copy(site: Path, tmp_path: Path) -> None:
    assert not (runtime_folder(site) / "pyodide-lock.json.br").exists()  # under 1 KB: not worth a header
    (tmp_path / "packed.json").write_bytes(os.urandom(64 * 1024))  # as a compressed file: nothing to gain
    assert compress_site(tmp_path, cache=tmp_path / "cache") == 0 and not (tmp_path / "packed.json.br").exists()


def test_the_stored_standard_library_gets_brotli_and_gzip_copies(site: Path) -> None:
    stdlib = runtime_folder(site) / "python_stdlib.zip"
    assert (stdlib.with_name(stdlib.name + ".br")).stat().st_size < 0.35 * stdlib.stat().st_size


def test_the_same_site_gives_the_same_copies_with_or_without_the_cache(tmp_path: Path) -> None:
    text = "".join(f'{{"regel": {n}, "tekst": "een index die goed inpakt"}},\n' for n in range(2000)).encode()
    page = "".join(f"<p>Regel {n} van een pagina die goed inpakt.</p>\n" for n in range(2000)).encode()
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        (tmp_path / run / "index.json").write_bytes(text)
        (tmp_path / run / "index.html").write_bytes(page)
    assert compress_site(tmp_path / "a", cache=tmp_path / "cache") == 4
    assert compress_site(tmp_path / "b", cache=tmp_path / "cache") == 4  # the index from the cache now
    # Pages change with every menu change and compress fast at their level: not kept.
    assert len(list((tmp_path / "cache").iterdir())) == 2
    for name in ("index.json.br", "index.json.gz", "index.html.br", "index.html.gz"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
