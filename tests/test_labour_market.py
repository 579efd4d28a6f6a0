"""Labour-market pages: quality gates on every figure, stale and demo notices, source box."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from careercheck.lmi.pages import Source, read_page
from careercheck.site.build import build_site
from conftest import ROOT
from test_build import copy_project

PAGE = "docs/beroepen/timmerman.md"
SOURCE_FIELDS = [name for name in Source.model_fields if name != "id"]


def build(project: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "careercheck.cli", "build"]
    if not strict:
        return subprocess.run([sys.executable, "-c", f"from careercheck.site.build import build_site; build_site(__import__('pathlib').Path('{project}/mkdocs.yml'), strict=False)"], capture_output=True, text=True)
    return subprocess.run(command, capture_output=True, text=True, cwd=project)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    project = copy_project(tmp_path)
    text = (project / PAGE).read_text()
    assert old in text
    (project / PAGE).write_text(text.replace(old, new, 1))
    return project


def line_of(project: Path, text: str) -> int:
    return next(n for n, line in enumerate((project / PAGE).read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize("field", SOURCE_FIELDS)
def test_a_source_without_a_required_field_stops_the_build(tmp_path: Path, field: str) -> None:
    original = next(l for l in (ROOT / PAGE).read_text().splitlines() if l.strip().startswith(f"{field}:"))
    project = edited(tmp_path, original + "\n", "")
    run = build(project)
    assert run.returncode == 1
    expected = f"{PAGE}:{line_of(project, '- id: esco')}:5: '{field}' is missing in 'sources[0]'; add '{field}:' with a value"
    assert expected in run.stderr
    assert "Traceback" not in run.stderr


def test_a_page_without_a_review_date_stops_the_build(tmp_path: Path) -> None:
    project = edited(tmp_path, "review_by: 2027-06-30\n", "")
    assert f"{PAGE}:2:1: 'review_by' is missing in the file; add 'review_by:' with a value" in build(project).stderr


def test_a_fact_must_name_a_listed_source(tmp_path: Path) -> None:
    project = edited(tmp_path, 'value: "7115", source: esco}', 'value: "7115", source: uwv}')
    line = line_of(project, "source: uwv")
    assert (
        f"{PAGE}:{line}:60: fact 'Beroepsgroep (ISCO-08)' names source 'uwv', which the page does not list; add it under 'sources:'"
        in build(project).stderr
    )


def test_an_occupation_page_must_answer_the_six_questions(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    text = (project / PAGE).read_text()
    start, end = text.index("topics:"), text.index("---", 10)
    (project / PAGE).write_text(text[:start] + text[end:])
    assert "an occupation page needs 'topics'" in build(project).stderr


def test_a_stale_page_shows_a_notice_and_fails_a_strict_build(tmp_path: Path) -> None:
    project = edited(tmp_path, "review_by: 2027-06-30", "review_by: 2020-01-01")
    strict = build(project)
    assert strict.returncode == 1
    assert "beroepen/timmerman.md: its review date 2020-01-01 has passed" in strict.stderr
    assert build(project, strict=False).returncode == 0
    html = (project / "site/beroepen/timmerman/index.html").read_text()
    assert "Deze informatie is mogelijk verouderd" in html and "01-01-2020" in html


def test_a_demo_page_says_its_figures_are_made_up(tmp_path: Path) -> None:
    project = edited(tmp_path, "review_by: 2027-06-30", "review_by: 2027-06-30\ndemo: true")
    build_site(project / "mkdocs.yml")
    assert "De cijfers op deze pagina zijn verzonnen" in (project / "site/beroepen/timmerman/index.html").read_text()


def test_every_labour_market_page_shows_its_sources(site: Path) -> None:
    html = (site / "beroepen/timmerman/index.html").read_text()
    for text in ("Bronnen", "Europese Commissie", "Opgehaald op", "23-11-2026", "Beperkingen", "Opnieuw bekijken vóór: 30-06-2027"):
        assert text in html
    assert "Deze informatie is mogelijk verouderd" not in html and "Voorbeeldpagina" not in html


def test_the_sector_overview_lists_every_occupation_page_with_the_esco_acknowledgement(site: Path) -> None:
    html = (site / "beroepen/index.html").read_text()
    pages = sorted(p.stem for p in (ROOT / "docs/beroepen").glob("*.md"))
    assert len(pages) >= 12
    for page in pages:
        assert f'href="../{page}/"' in html or f'href="{page}/"' in html
    assert "Bron: ESCO (European Skills, Competences, Qualifications and Occupations), Europese Commissie, versie 1.1" in html


def test_the_about_page_states_sources_method_and_limitations(site: Path) -> None:
    html = (site / "over-deze-informatie/index.html").read_text()
    for heading in ("Bronnen", "Hoe we werken", "Beperkingen", "Contact"):
        assert f">{heading}</h2>" in html


def test_related_occupations_link_to_their_pages_both_ways(site: Path) -> None:
    html = (site / "beroepen/timmerman/index.html").read_text()
    assert '<a href="../metselaar/">Metselaar</a>' in html  # named by timmerman.md
    named_by_others = [p.stem for p in (ROOT / "docs/beroepen").glob("*.md") if "beroepen/timmerman.md" in read_page(p).related]
    assert named_by_others, "some page names timmerman as a transfer route"
    assert all(f'href="../{other}/"' in html for other in named_by_others)


def test_occupation_pages_say_how_the_work_is_and_how_people_get_in(site: Path) -> None:
    html = (site / "beroepen/heftruckchauffeur/index.html").read_text()
    for said in ("Vaak ploegendiensten of nachtwerk", "Heftruckcertificaat", "Leren op de werkplek", "Geen diploma nodig",
                 "Inschatting van deze site", "RCE: Praktisch, Ordenend, Ondernemend", "Zeker van werk en inkomen"):
        assert said in html, said
    assert '<a href="../../opleidingen/logistiek/">' in html  # the study that leads here


def test_study_pages_lead_to_their_occupations(site: Path) -> None:
    html = (site / "opleidingen/logistiek/index.html").read_text()
    assert '<a href="../../beroepen/heftruckchauffeur/">Heftruckchauffeur</a>' in html
    assert "BBL: werken en leren tegelijk" in html


@pytest.mark.parametrize("page", ["beroepen/timmerman", "opleidingen/logistiek", "en/opleidingen/logistiek"])
def test_occupation_and_study_pages_say_who_wrote_them_and_when_they_are_looked_at_again(site: Path, page: str) -> None:
    about = (site / page / "index.html").read_text().split("data-lmi-about", 1)[1]
    english = page.startswith("en/")
    assert ("written by the makers of this site" if english else "geschreven door de makers van deze site") in about
    assert "30-06-2027" in about and ("Check again before" if english else "Opnieuw bekijken vóór") in about


def test_enough_occupations_to_choose_from_in_enough_sectors() -> None:
    pages = [read_page(p) for p in sorted((ROOT / "docs/beroepen").glob("*.md"))]
    occupations = [p for p in pages if p and p.type == "occupation"]
    assert len(occupations) >= 40 and len({p.sector for p in occupations}) >= 12
    assert all(p.route and p.conditions is not None for p in occupations)
    studies = [read_page(p) for p in sorted((ROOT / "docs/opleidingen").glob("*.md"))]
    assert studies and all(p.type == "study" and p.occupations for p in studies)


def test_no_figures_in_what_the_site_wrote_about_routes_and_conditions() -> None:
    # Durations and demand are in words: this site has no source for numbers (levels such as 'niveau 2' aside).
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        page = read_page(path)
        if page and page.route:
            words = [page.route.duration, page.route.text, page.conditions_text or "", *(page.topics.model_dump().values() if page.topics else [])]
            assert not [w for w in words if re.search(r"\d", re.sub(r"niveau \d( (of|en|tot) \d)*|\d(, \d)* of \d", "", w))], path


def test_a_related_page_that_does_not_exist_fails_a_strict_build(tmp_path: Path) -> None:
    project = edited(tmp_path, "related: [beroepen/metselaar.md", "related: [beroepen/nergens.md")
    run = build(project)
    assert run.returncode == 1
    assert "beroepen/timmerman.md: 'related' names 'beroepen/nergens.md', which is not a labour-market page; correct 'related'" in run.stderr


def test_a_source_link_that_is_not_a_web_address_stops_the_build(tmp_path: Path) -> None:
    project = edited(tmp_path, "url: http://data.europa.eu/", "url: javascript:alert(1)//data.europa.eu/")
    expected = f"{PAGE}:29:10: 'javascript:alert(1)//data.europa.eu/esco/occupation/2a22ff9e-de3b-408d-b312-5034896cc4f4' is not a web address"
    assert expected in build(project).stderr
