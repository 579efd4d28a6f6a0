"""Hostile or broken input fails fast, as file:line:column: what; how to fix, never as a
traceback, a hang, a silently skipped file, or harm to the site built before."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercheck import Check, ProblemsFound, load_check, load_checks
from careercheck.lmi.pages import read_page
from careercheck.site import build
from careercheck.site.build import BuildRunning, build_site
from conftest import ROOT
from test_build import copy_project, snapshot
from test_loader import VALID, problems


def alias_bomb(levels: int) -> str:
    """'Billion laughs': each level lists the one before ten times, so level 12 stands for 10**12 values."""
    names = [f"l{i}" for i in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]"]
    lines += [f"{name}: &{name} [{', '.join([f'*{before}'] * 10)}]" for before, name in zip(names, names[1:])]
    return VALID + "\n".join(lines) + "\n"


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careercheck.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


# Checks --------------------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_it_is_built(tmp_path: Path) -> None:
    start = time.monotonic()
    assert problems(tmp_path, alias_bomb(12)) == [
        "check.yml:30:5: this part holds more than 100,000 values when each alias (*name) counts as a copy; "
        "use fewer aliases, or split the file"
    ]
    assert time.monotonic() - start < 5


def test_a_file_of_plain_values_is_refused_at_the_first_value_past_the_limit(tmp_path: Path) -> None:
    [problem] = problems(tmp_path, VALID + "extra:\n" + "- 1\n" * 150_000)  # 600 kB: within the size limit, past the count
    at, message = re.fullmatch(r"check.yml:(\d+):3: (.*)", problem).groups()
    assert message == "this file holds more than 100,000 values, far more than any check or page needs; split it, or look for text pasted in by mistake"
    # VALID holds fewer values than characters; the list has one value a line
    assert 100_000 - len(VALID) < int(at) < 100_000, "refused at the value past the limit, not after reading the rest"


def test_a_file_larger_than_any_check_is_refused_unread(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID + "# " + "x" * 1024 * 1024 + "\n") == [
        "check.yml:1:1: the file is larger than 1 MiB, far more than any check or page needs; "
        "split it, or look for something pasted in by mistake"
    ]


def test_an_alias_inside_the_part_it_names_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID + "extra: &loop [1, *loop]\n") == [
        "check.yml:26:8: an alias (*name) inside the part it names would repeat that part forever; copy the part instead"
    ]


def test_aliases_within_bounds_still_work(tmp_path: Path) -> None:
    text = VALID.replace("    bands:\n", "    bands: &bands\n") + "extra_bands: *bands\n"
    assert "unknown key 'extra_bands'" in problems(tmp_path, text)[0]  # read and validated, not refused


@pytest.mark.parametrize("nested", ["[" * 10_000 + "]" * 10_000, "".join(f"\n{' ' * i}k:" for i in range(1, 1000)) + " v"])
def test_deep_nesting_is_a_problem_not_a_recursion_error(tmp_path: Path, nested: str) -> None:
    [problem] = problems(tmp_path, VALID + "extra: " + nested + "\n")
    assert problem.startswith("check.yml:")
    assert "nested more than 50 levels deep here; look for a missing ']' or '}'" in problem


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x9b"])
def test_a_control_character_is_named_with_its_line(tmp_path: Path, character: str) -> None:
    text = VALID.replace("title: Mini", f"title: Mi{character}ni")
    assert problems(tmp_path, text) == [
        f"check.yml:3:10: control character U+{ord(character):04X} is not allowed in a text file; "
        "remove it (most editors do not show it)"
    ]


def test_a_number_too_long_to_read_is_a_problem(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.replace("points: 3", "points: " + "3" * 5000)) == [
        "check.yml:12:11: a number of 5000 characters is longer than any a check needs (at most 30); "
        "correct it, or put it in quotes to make it a text"
    ]


def test_a_date_that_does_not_exist_is_a_problem(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID + "when: 2026-13-45\n") == [
        "check.yml:26:7: '2026-13-45' cannot be read (month must be in 1..12); correct it, or put it in quotes to make it a text"
    ]


@pytest.mark.parametrize("number", [".nan", ".NaN", ".inf", "-.inf", "1e400"])
def test_nan_and_infinity_are_not_numbers_to_count_with(tmp_path: Path, number: str) -> None:
    text = VALID.replace("{id: hoog, from: 2,", f"{{id: hoog, from: {number},")
    [problem] = problems(tmp_path, text)
    assert problem.startswith("check.yml:19:26: 'scales[0].bands[1].from' is ")
    assert problem.endswith("not a number to count with; use a finite number such as 3 or 4.5")


@pytest.mark.parametrize("name", ["check.YML", "check.Yaml", "check.yAmL"])
def test_yaml_files_are_read_whatever_the_letter_case(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(VALID)
    assert [c.id for c in load_checks(tmp_path).checks] == ["mini"]


def test_files_that_cannot_be_read_are_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "weg.yml").symlink_to(tmp_path / "bestaat-niet.yml")
    (tmp_path / "map.yml").mkdir()
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    assert [str(p) for p in found.value.problems] == [
        f"{tmp_path}/map.yml:1:1: cannot read the file (Is a directory); make it a readable file, or remove it",
        f"{tmp_path}/weg.yml:1:1: cannot read the file (it links to {tmp_path}/bestaat-niet.yml, which does not exist); "
        "make it a readable file, or remove it",
    ]


def test_a_checks_folder_that_is_not_there_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound, match="nergens:1:1: cannot read the folder \\(No such file or directory\\); correct the path"):
        load_checks(tmp_path / "nergens")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_reported(tmp_path: Path) -> None:
    (tmp_path / "check.yml").write_text(VALID)
    (tmp_path / "check.yml").chmod(0)
    assert problems(tmp_path, VALID) == ["check.yml:1:1: cannot read the file (Permission denied); make it a readable file, or remove it"]


def test_the_problems_shown_are_bounded(tmp_path: Path) -> None:
    questions = "".join(f"      - {{type: likert, name: q{i}, scale: s, label: Vraag., wrong: 1}}\n" for i in range(3, 63))
    (tmp_path / "check.yml").write_text(VALID + questions)
    with pytest.raises(ProblemsFound) as found:
        load_checks(tmp_path)
    lines = str(found.value).splitlines()
    assert len(found.value.problems) == 60
    assert (len(lines), lines[-1]) == (51, "... and 10 more; fix these first")


# Pages ---------------------------------------------------------------------------------------------


def page(tmp_path: Path, content: bytes) -> list[str]:
    (tmp_path / "pagina.md").write_bytes(content)
    with pytest.raises(ProblemsFound) as found:
        read_page(tmp_path / "pagina.md")
    return [str(p).removeprefix(f"{tmp_path}/") for p in found.value.problems]


def test_a_latin1_page_names_the_first_bad_byte(tmp_path: Path) -> None:
    assert page(tmp_path, "# Werk\n\nDe caf\xe9 zoekt een kok.\n".encode("latin-1")) == [
        "pagina.md:3:7: byte 0xe9 is not UTF-8 (the file was saved as Latin-1 or Windows-1252?); save it as UTF-8"
    ]


def test_a_control_character_in_a_page_is_named_with_its_line(tmp_path: Path) -> None:
    assert page(tmp_path, b"# Werk\n\nEen kok\x00.\n") == [
        "pagina.md:3:8: control character U+0000 is not allowed in a text file; remove it (most editors do not show it)"
    ]


def test_a_labour_market_type_in_the_wrong_case_is_reported(tmp_path: Path) -> None:
    assert page(tmp_path, b"---\ntype: Occupation\ntitle: Kok\nreview_by: 2030-01-01\n---\n# Kok\n") == [
        "pagina.md:2:7: 'type' must be one of occupation, study, sector or region (in lower case); correct the value"
    ]


def test_an_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    bomb = alias_bomb(12).removeprefix(VALID)
    [problem] = page(tmp_path, f"---\ntype: occupation\n{bomb}---\n# Kok\n".encode())
    assert problem.startswith("pagina.md:7:5: this part holds more than 100,000 values")


# The command line ----------------------------------------------------------------------------------


def test_validate_checks_the_files_and_folders_it_is_given(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(VALID)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/b.yml").write_text(VALID.replace("id: mini", "id: andere"))
    run = cli("validate", tmp_path / "a.yml", tmp_path / "sub")
    assert run.returncode == 0, run.stderr
    assert "careercheck: 2 check(s) valid" in run.stdout


def test_validate_fails_on_a_path_that_does_not_exist(tmp_path: Path) -> None:
    run = cli("validate", tmp_path / "nergens.yml")
    assert run.returncode == 1
    assert f"{tmp_path}/nergens.yml:1:1: no such file or folder; check the path" in run.stderr
    assert "Traceback" not in run.stderr


def test_validate_fails_on_a_folder_without_checks(tmp_path: Path) -> None:
    run = cli("validate", tmp_path)
    assert run.returncode == 1
    assert "no check files (.yml, .yaml) in this folder" in run.stderr


@pytest.mark.parametrize("content", [alias_bomb(12).encode(), b"id: x\x00\n", ("[" * 10_000).encode(), "id: caf\xe9\n".encode("latin-1")])
def test_validate_reports_hostile_files_without_a_traceback(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "check.yml").write_bytes(content)
    run = cli("validate", tmp_path / "check.yml")
    assert run.returncode == 1
    assert run.stderr.startswith(f"{tmp_path}/check.yml:")
    assert "Traceback" not in run.stderr


# The build -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, built once; each test leaves its input as it found it."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    run = cli("build", cwd=project)
    assert run.returncode == 0, run.stderr
    return project


HOSTILE_FILES = {
    "alias bomb": ("checks/bom.yml", alias_bomb(12).encode(), "checks/bom.yml:30:5: this part holds more than 100,000 values"),
    "deep nesting": ("checks/diep.yml", b"id: [" + b"[" * 10_000, "checks/diep.yml:1:"),
    "NUL in a check": ("checks/nul.YML", b"id: nul\x00\n", "checks/nul.YML:1:8: control character U+0000"),
    "Latin-1 page": ("docs/cafe.md", "# Caf\xe9\n".encode("latin-1"), "docs/cafe.md:1:6: byte 0xe9 is not UTF-8"),
    "type in capitals": ("docs/beroepen/kok2.md", b"---\ntype: Occupation\n---\n# Kok\n", "docs/beroepen/kok2.md:2:7: 'type' must be one of"),
    "plain values past the limit": ("checks/lang.yml", ("extra:\n" + "- 1\n" * 150_000).encode(), "checks/lang.yml:99999:3: this file holds more than 100,000 values"),
    "file past the size limit": ("checks/groot.yml", b"#" * 2 * 1024 * 1024, "checks/groot.yml:1:1: the file is larger than 1 MiB"),
    "huge integer": ("checks/getal.yml", VALID.replace("points: 3", "points: " + "3" * 5000).encode(), "checks/getal.yml:12:11: a number of 5000 characters"),
    "NaN in a check": ("checks/nan.yml", VALID.replace("from: 2,", "from: .nan,").encode(), "checks/nan.yml:19:26: 'scales[0].bands[1].from' is"),
    "unreadable check": ("checks/weg.yml", None, "checks/weg.yml:1:1: cannot read the file (it links to"),
}


@pytest.mark.parametrize("hostile", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_a_hostile_file_fails_the_build_and_keeps_the_previous_site(built: Path, hostile: tuple) -> None:
    path, content, message = hostile
    before = snapshot(built / "site")
    target = built / path
    if content is None:
        target.symlink_to(built / "nergens.yml")
    else:
        target.write_bytes(content)
    try:
        run = cli("build", cwd=built)
    finally:
        target.unlink()
    assert run.returncode == 1
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert "the previous site was left as it was" in run.stderr
    assert snapshot(built / "site") == before
    assert not list(built.glob(".site-*")), "the staging folder must be cleaned up"


@pytest.fixture
def lock_holder(built: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds the site's build lock, as a running build does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)", str(built / ".site.lock")],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout and holder.stdout.readline() == "held\n"
    yield holder
    holder.kill()
    holder.wait()


def test_a_second_build_into_the_same_site_is_refused_until_the_first_ends(built: Path, lock_holder: subprocess.Popen[str]) -> None:
    before = snapshot(built / "site")
    with pytest.raises(BuildRunning, match=f"another build into {built}/site is running \\(it holds {built}/.site.lock\\)"):
        build_site(built / "mkdocs.yml")
    assert snapshot(built / "site") == before

    lock_holder.send_signal(signal.SIGKILL)  # a build killed half-way leaves its lock file, but no lock
    lock_holder.wait()
    assert build_site(built / "mkdocs.yml") == built / "site"


def test_leftovers_of_killed_builds_are_cleared_and_a_parked_site_put_back(built: Path) -> None:
    before = snapshot(built / "site")
    (built / ".site-new-killed").mkdir()
    (built / "site").rename(built / ".site-old")  # killed between the two renames of a swap
    (built / "checks/kapot.yml").write_text("id: [kapot\n")
    try:
        assert cli("build", cwd=built).returncode == 1
    finally:
        (built / "checks/kapot.yml").unlink()
    assert snapshot(built / "site") == before
    assert not list(built.glob(".site-*"))


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_on_linux_the_new_site_takes_the_old_ones_place_in_one_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site/old.html").write_text("old")
    (tmp_path / ".site-new").mkdir()
    (tmp_path / ".site-new/new.html").write_text("new")
    monkeypatch.setattr(build, "_old", lambda final: pytest.fail("the two-rename fallback was used"))
    build._swap(tmp_path / ".site-new", tmp_path / "site")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["new.html"]
    assert [p.name for p in (tmp_path / ".site-new").iterdir()] == ["old.html"]  # for the caller to remove


# Anything at all -----------------------------------------------------------------------------------

REAL_CHECKS = [path.read_text() for path in sorted((ROOT / "checks").glob("*.yml"))]
# Pieces of YAML that change the meaning of what is around them, and values that once broke the loader.
SNIPPETS = ["[", "]", "{", "}", ": ", "- ", "\n", "\n  ", "'", '"', "#", "&a ", "*a", "<<: *a", "!!binary ", "!!python/none ",
            ".nan", "-.inf", "1e400", "9" * 5000, "2026-02-30", "\x00", "\t", "\xe9", "? ", "|", ",", "%YAML 1.1\n---\n"]


@st.composite
def mutated_checks(draw: st.DrawFn) -> str:
    """A real check with a few pieces replaced: mostly valid YAML, often a nearly valid check."""
    text = draw(st.sampled_from(REAL_CHECKS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        removed = draw(st.integers(0, 40))
        text = text[:at] + draw(st.sampled_from(SNIPPETS) | st.text(max_size=5)) + text[at + removed :]
    return text


@settings(max_examples=300, deadline=timedelta(seconds=10), database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated_checks().map(str.encode) | st.text().map(str.encode) | st.binary())
def test_any_file_gives_a_check_or_problems(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "check.yml").write_bytes(content)
    try:
        assert isinstance(load_check(tmp_path / "check.yml"), Check)
    except ProblemsFound as found:
        assert found.problems
