"""Labour-market pages: Markdown in docs/ whose front matter says `type: occupation`
(or study, sector, region); any other `type` is an error, not an ordinary page. The quality
gates of labour-market information are enforced here: every figure names a source with
publisher, data set, reference period, retrieval date, region, licence, link and
limitations; every page has a review-by date.
"""

from __future__ import annotations

import datetime
import functools
import posixpath
import re
from itertools import groupby
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from careercheck_engine.matching import LEVELS

from careercheck.format.parts import WORK_CONDITIONS, Identifier, Plain, Strict, WebAddress, WorkCondition
from careercheck.problems import Problem, ProblemsFound
from careercheck.text_files import read_text
from careercheck.format.validation import validated
from careercheck.format.yaml_positions import parse_yaml, position

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


class Source(Strict):
    """Where figures come from. Every field is required: information without them is not shown."""

    id: Identifier = Field(description="Named by facts as 'source'.")
    publisher: Plain = Field(description="Who published it, e.g. UWV, CBS, ROA, Europese Commissie.")
    dataset: Plain = Field(description="The data set or report.")
    period: Plain = Field(description="The period the figures are about.")
    retrieved: datetime.date = Field(description="When the figures were taken from the source.")
    region: Plain = Field(description="The area the figures are about.")
    licence: Plain = Field(description="Under which licence the figures may be used.")
    url: WebAddress = Field(description="Where the source can be found (https://...).")
    limitations: Plain = Field(description="What the figures do not say; caveats.")


class Fact(Strict):
    """One figure or fact, with its source."""

    label: Plain
    value: Plain
    source: Identifier = Field(description="The id of one of the page's sources.")


class Topics(Strict):
    """The six things people want to know about work (as prose; facts hold the figures)."""

    vraag: Plain = Field(description="Demand for workers and how hard it is for employers to find them.")
    groei: Plain = Field(description="Growth routes, career paths and pay.")
    regio: Plain = Field(description="Where the work is.")
    trends: Plain = Field(description="Whether the work grows or shrinks, and how it changes.")
    overstap: Plain = Field(description="Transferable skills: which other work is close.")
    werving: Plain = Field(description="How employers recruit.")


Level = Literal[LEVELS]  # the engine's order: geen (no diploma), mbo1 ... mbo4, hbo, wo
Way = Literal["bol", "bbl", "cursus", "werkplek", "hbo", "wo"]


class Route(Strict):
    """How people get into the work. In words where no source gives figures: never invented numbers."""

    level: Level = Field(description="The level usually asked: geen (no diploma), mbo1..mbo4, hbo, wo.")
    ways: list[Way] = Field(min_length=1, description="bol (school with placements), bbl (work and learn), cursus, werkplek (learning on the job), hbo, wo.")
    qualification: Plain = Field(description="What you usually need to start, as named under 'still to learn', e.g. 'Heftruckcertificaat'.")
    certificates: list[Plain] = Field(default_factory=list, description="Certificates employers ask for.")
    duration: Plain = Field(description="How long it usually takes, in words (e.g. 'een cursus van een paar dagen').")
    text: Plain = Field(description="How people get in, in two or three sentences.")
    after: list[Plain] = Field(default_factory=list, description="A step up: the occupation pages people usually come from "
                               "(e.g. beroepen/magazijnmedewerker.md). Offered only to people in that work.")


class LabourMarketPage(Strict):
    """The front matter of a labour-market page."""

    type: Literal["occupation", "study", "sector", "region"]
    title: Plain
    review_by: datetime.date = Field(description="After this date the page shows that it may be out of date.")
    demo: bool = Field(default=False, description="The page holds illustrative figures: it says so on the page.")
    sources: list[Source] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    topics: Topics | None = Field(default=None, description="Required on occupation pages.")
    isco: Annotated[str, StringConstraints(pattern=r"^\d{4}$")] | None = Field(default=None, description="ISCO-08 unit group.")
    esco: Plain | None = Field(default=None, description="ESCO concept URI of the occupation.")
    sector: Plain | None = None
    riasec: Annotated[str, StringConstraints(pattern=r"^[RIASEC]{3}$")] | None = Field(
        default=None, description="Holland code of the occupation: this site's estimate, used to match interests."
    )
    values: list[Identifier] = Field(default_factory=list, description="Work values the occupation offers (value ids of the checks).")
    skills: list[Identifier] = Field(default_factory=list, description="Skills the occupation asks for (skill ids of the checks).")
    related: list[Plain] = Field(default_factory=list, description="Related occupation pages within docs/, e.g. beroepen/kok.md; shown on both pages.")
    conditions: list[WorkCondition] | None = Field(default=None, description="Working conditions most people in the work meet (occupation pages; [] for none of them).")
    conditions_text: Plain | None = Field(default=None, description="The working conditions in words.")
    route: Route | None = Field(default=None, description="How people get in (occupation and study pages).")
    occupations: list[Plain] = Field(default_factory=list, description="Study pages: the occupation pages this study leads to, e.g. beroepen/kok.md.")

    @model_validator(mode="after")
    def _occupations_answer_the_six_questions(self) -> LabourMarketPage:
        if self.type == "occupation":
            missing = [name for name, value in (("topics", self.topics), ("conditions", self.conditions), ("route", self.route)) if value is None]
            if missing:
                raise ValueError(f"an occupation page needs {', '.join(repr(m) for m in missing)}: topics (vraag, groei, regio, trends, "
                                 f"overstap, werving), conditions (e.g. [nacht, zwaar], or [] for none of {', '.join(WORK_CONDITIONS)}), "
                                 "route (level, ways, qualification, duration, text)")
        if self.type == "study" and (self.route is None or not self.occupations):
            raise ValueError("a study page needs 'route' (level, ways, qualification, duration, text) and 'occupations' (the pages it leads to)")
        return self

    def stale(self, today: datetime.date) -> bool:
        return today > self.review_by


def read_page(path: Path) -> LabourMarketPage | None:
    """The page's validated front matter, None when it is no labour-market page; ProblemsFound when it is wrong.

    Every page goes through here before MkDocs reads it, so a page that is not UTF-8 text
    fails with its line rather than deep inside MkDocs. Each language's build reads every page, and
    `careercheck serve` rebuilds: a page is parsed again only when it has changed.
    """
    try:
        found = path.stat()
    except OSError:  # read_text says what is wrong with it
        return _read_page.__wrapped__(path, 0, 0)
    return _read_page(path, found.st_mtime_ns, found.st_size)


@functools.lru_cache(maxsize=8192)
def _read_page(path: Path, mtime_ns: int, size: int) -> LabourMarketPage | None:
    match = _FRONT_MATTER.match(read_text(path))
    if not match:
        return None
    tree = parse_yaml(match[1], path, first_line=2)
    # 'type: Occupation' or 'type: beroep' is a labour-market page with a mistake, not a page to skip.
    if not isinstance(tree, dict) or "type" not in tree:
        return None
    page = validated(LabourMarketPage, path, tree, first_line=2)
    known = {s.id for s in page.sources}
    unknown = [(i, f) for i, f in enumerate(page.facts) if f.source not in known]
    if unknown:
        raise ProblemsFound([
            Problem(path, *position(tree, ("facts", i, "source")), f"fact '{f.label}' names source '{f.source}', which the page does not list; add it under 'sources:'").shifted(1)
            for i, f in unknown
        ])
    return page


def links(pages: dict[str, LabourMarketPage]) -> dict[str, dict[str, list[str]]]:
    """Per page, the pages it links to: related occupations both ways (a transfer route goes either
    way), the study pages that lead to an occupation, and the occupations a study leads to."""
    found = {uri: {"related": set(page.related), "studies": set(), "leads_to": set(page.occupations)} for uri, page in pages.items()}
    for uri, page in pages.items():
        for other in page.related:
            found.setdefault(other, {"related": set(), "studies": set(), "leads_to": set()})["related"].add(uri)
        for occupation in page.occupations if page.type == "study" else []:
            found.setdefault(occupation, {"related": set(), "studies": set(), "leads_to": set()})["studies"].add(uri)
    return {uri: {kind: sorted(u for u in uris if u in pages) for kind, uris in kinds.items()} for uri, kinds in found.items() if uri in pages}


def occupation_index(pages: dict[str, tuple[str, LabourMarketPage]], titles: dict[str, str] | None = None) -> list[dict]:
    """What matching needs of each occupation page: {src_uri: (url, page)} -> compact entries.

    ``titles``: {ESCO uuid: title} in the site's language, for pages written in another one."""
    linked = links({uri: page for uri, (_, page) in pages.items()})
    entries = []
    for src_uri, (url, page) in sorted(pages.items()):
        if page.type != "occupation":
            continue
        uuid = page.esco and page.esco.rsplit("/", 1)[-1]
        entries.append({
            "id": src_uri.removesuffix(".md"), "title": (titles or {}).get(uuid, page.title), "url": url,
            "riasec": page.riasec, "values": page.values, "skills": page.skills, "isco": page.isco, "esco": uuid,
            "conditions": page.conditions, "related": [r.removesuffix(".md") for r in linked[src_uri]["related"]],
            "route": page.route and {"level": page.route.level, "qualification": page.route.qualification, "certificates": page.route.certificates,
                                     "after": [a.removesuffix(".md") for a in page.route.after]},
            "studies": [{"title": pages[s][1].title, "url": pages[s][0]} for s in linked[src_uri]["studies"]],
        })
    return entries


def overview_markdown(pages: dict[str, LabourMarketPage], at: str, messages: dict, about: str | None, kind: str = "occupation") -> str:
    """The pages of ``kind`` (occupation or study) by sector, as Markdown for a page at ``at`` (a path
    in docs/), in the messages' language."""
    here = posixpath.dirname(at)
    words = {key: messages[f"{'' if kind == 'occupation' else 'studies_'}overview_{key}"] for key in ("title", "intro")}
    listed = sorted(((p.sector or messages["overview_other"], p.title, uri) for uri, p in pages.items() if p.type == kind))
    lines = [f"# {words['title']}", "", words["intro"], ""]
    if about:  # a site without an 'about this information' page gets no link to one
        lines += [f"[{messages['overview_about']}]({posixpath.relpath(about, here)})", ""]
    for sector, rows in groupby(listed, key=lambda row: row[0]):
        lines += [f"## {sector}", ""]
        lines += [f"- [{title}]({posixpath.relpath(uri, here)})" for _, title, uri in rows]
        lines.append("")
    lines.append(f"<small>{messages['esco_acknowledgement']}.</small>")
    return "\n".join(lines) + "\n"
