"""What share and coach links need from the build: segno, the QR code maker, shipped as the locked
version with its licence; the coach page in every language, out of the menu; the site's checks listed
for the route a coach sets out."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from careercheck.site import runtime
from careercheck.site.runtime import SEGNO, RuntimeUnusable, segno_files
from conftest import ROOT, runtime_folder

INSTALLED = importlib.metadata.distribution("segno")  # segno as pip installed it from the lock


def test_segnos_zip_holds_the_locked_segno_compiled_with_its_licence(site: Path) -> None:
    assert f"segno=={INSTALLED.version} \\\n" in (ROOT / "requirements.lock").read_text()
    with zipfile.ZipFile(runtime_folder(site) / SEGNO) as shipped:
        names = set(shipped.namelist())
        licence = shipped.read(f"segno-{INSTALLED.version}.dist-info/LICENSE").decode()
        metadata = shipped.read(f"segno-{INSTALLED.version}.dist-info/METADATA").decode()
    assert "Lars Heuer" in licence and "Redistribution and use in source and binary forms" in licence
    assert f"Version: {INSTALLED.version}" in metadata
    installed = {f.as_posix() for f in INSTALLED.files or [] if f.parts[0] == "segno" and f.suffix == ".py"}
    assert {name.removesuffix(".py") + ".pyc" for name in installed} <= names
    assert not [n for n in names if n.endswith(".py")]


def test_a_segno_file_changed_after_install_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = Path(INSTALLED.locate_file(""))
    copy = tmp_path / "site-packages"
    shutil.copytree(installed / "segno", copy / "segno")
    shutil.copytree(installed / f"segno-{INSTALLED.version}.dist-info", copy / f"segno-{INSTALLED.version}.dist-info")
    (copy / "segno/writers.py").write_text((copy / "segno/writers.py").read_text() + "\n# injected\n")
    monkeypatch.setattr(runtime.importlib.metadata, "distribution", lambda name: importlib.metadata.PathDistribution(copy / f"segno-{INSTALLED.version}.dist-info"))
    with pytest.raises(RuntimeUnusable, match=r"writers.py is not the file segno .* installed .*reinstall it: make setup"):
        segno_files()


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
