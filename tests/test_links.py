"""What share and coach links need from the build: segno, the QR code maker, shipped as the locked
version with its licence; the coach page in every language, out of the menu; the site's checks listed
for the route a coach sets out."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from careercheck.site import runtime
from careercheck.site.runtime import RuntimeUnusable, build_segno_wheel
from conftest import ROOT, runtime_folder

SEGNO = importlib.metadata.distribution("segno")


def test_the_segno_wheel_holds_the_locked_segno_with_its_licence(site: Path) -> None:
    lock = json.loads((runtime_folder(site) / "pyodide-lock.json").read_text())
    assert lock["packages"]["segno"]["version"] == SEGNO.version
    assert f"segno=={SEGNO.version} \\\n" in (ROOT / "requirements.lock").read_text()
    with zipfile.ZipFile(runtime_folder(site) / lock["packages"]["segno"]["file_name"]) as wheel:
        names = wheel.namelist()
        licence = wheel.read(f"segno-{SEGNO.version}.dist-info/licenses/LICENSE").decode()
        encoder = wheel.read("segno/encoder.py")
    assert "Lars Heuer" in licence and "Redistribution and use in source and binary forms" in licence
    assert encoder == Path(SEGNO.locate_file("segno/encoder.py")).read_bytes()
    assert not [n for n in names if n.endswith(".pyc")]


def test_a_segno_file_changed_after_install_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = Path(SEGNO.locate_file(""))
    copy = tmp_path / "site-packages"
    shutil.copytree(installed / "segno", copy / "segno")
    shutil.copytree(installed / f"segno-{SEGNO.version}.dist-info", copy / f"segno-{SEGNO.version}.dist-info")
    (copy / "segno/writers.py").write_text((copy / "segno/writers.py").read_text() + "\n# injected\n")
    monkeypatch.setattr(runtime.importlib.metadata, "distribution", lambda name: importlib.metadata.PathDistribution(copy / f"segno-{SEGNO.version}.dist-info"))
    (tmp_path / "out").mkdir()
    with pytest.raises(RuntimeUnusable, match=r"writers.py is not the file segno .* installed .*reinstall it: make setup"):
        build_segno_wheel(tmp_path / "out")


def test_the_segno_wheel_is_the_same_from_build_to_build(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = build_segno_wheel(tmp_path / "a"), build_segno_wheel(tmp_path / "b")
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


def test_the_coach_page_is_built_in_every_language_out_of_the_menu_with_the_sites_checks(site: Path) -> None:
    for language, prefix in (("nl", ""), ("en", "en/")):
        page = (site / prefix / "coach/index.html").read_text()
        assert '<form class="cc-coach-form" data-coach' in page
        checks = json.loads(re.search(r"<script type=\"application/json\" data-site-checks>(.*?)</script>", page)[1])
        assert {c["id"] for c in checks} <= {p.stem for p in (ROOT / "checks").glob("*.yml")}
        assert all(c["url"] == f"checks/{c['id']}/" for c in checks)
        files = re.search(r'<ul class="cc-coach__files">(.*?)</ul>', page, re.S)[1]  # where an answers file is opened
        assert re.findall(r'href="\.\./checks/(\w+)/"', files) == [c["id"] for c in checks]
        home = (site / prefix / "index.html").read_text()
        assert 'class="cc-footer-coach" href="coach/"' in home  # in the footer, not in the menu
        assert not re.search(r'class="md-nav__link"[^>]*href="coach/"', home)
