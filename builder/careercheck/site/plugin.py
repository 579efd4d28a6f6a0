"""The MkDocs plugin: the thin last stage that puts compiled checks into a site.

Loading, validating and compiling happen in ``careercheck.format`` and
``careercheck.lmi``, which do not import MkDocs; this package (``careercheck.site``)
hands their output to MkDocs and Material. One build makes the site of one
language; ``careercheck build`` (build.py) runs one per language.
"""

from __future__ import annotations

import datetime
import json
import logging
import tempfile
from html import escape, unescape
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from careercheck.format.compile import scoring_spec
from careercheck.format.loader import load_checks
from careercheck.format.model import Check
from careercheck.format.questions import ChoiceQuestion, OccupationQuestion
from careercheck.format.readability import readability_of
from careercheck.format.reference import reference_markdown, schema_text
from careercheck.format.texts import translator
from careercheck.html_safety import line_of, unsafe_html
from careercheck.lmi.esco import ESCO_CSV, compact_index, titles
from careercheck.lmi.pages import LabourMarketPage, links, occupation_index, overview_markdown, read_page
from careercheck.problems import Problem, ProblemsFound
from careercheck.site import brand
from careercheck.site.paths import OCCUPATIONS, esco_index, spec_path
from careercheck.site.config import CareerCheckConfig
from careercheck.site.csp import with_policy
from careercheck.site.languages import relative_href, select_pages, site_path
from careercheck.site.messages import UnknownMessage, messages
from careercheck.site.runtime import RuntimeUnusable, build_runtime

THEME = Path(__file__).parent / "theme"
STYLESHEET = "assets/careercheck/careercheck.css"
BRAND_STYLESHEET = "assets/careercheck/brand.css"
PYODIDE = "assets/pyodide"  # the runtime, in a folder named by its digest (Runtime.digest)
WORKER = "assets/careercheck/worker.mjs"
RUNTIME_NAME = "RUNTIME-DIGEST"  # in the worker's source: the build writes the runtime folder's name there
REFERENCE_PAGE = "makers/check-format.md"  # in English, in every language's site
OVERVIEW_PAGE = "beroepen/index.md"  # generated from the occupation pages unless docs/ has its own
STUDIES_PAGE = "opleidingen/index.md"  # likewise, from the study pages
COACH_PAGE = "coach.md"  # where a coach makes a pre-intake link; out of the menu, linked from the footer
log = logging.getLogger("mkdocs.plugins.careercheck")


class CareerCheckPlugin(BasePlugin[CareerCheckConfig]):
    def __init__(self) -> None:
        self.checks: dict[str, Check] = {}  # check page src_uri -> check, in this build's language
        self.labour_market: dict[str, LabourMarketPage] = {}  # page src_uri -> validated front matter
        self.urls: dict[str, str] = {}  # labour-market page src_uri -> its URL from the site root
        self.other_language: dict[str, str] = {}  # page src_uri -> its language, when not this build's
        self.site_checks: list[dict[str, str]] = []  # this build's checks: id, title, URL from the site root
        self.unsafe: list[Problem] = []  # raw HTML in pages that could run script or load from elsewhere
        self._runtime_dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def first_language(self) -> str:
        return self.config.languages[0]

    # Before the search plugin reads the theme's language.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self.language = self.config.language or self.first_language
        if self.language not in self.config.languages:
            raise PluginError(f"careercheck: language '{self.language}' is not one of the site's languages {self.config.languages}")
        config.theme["language"] = self.language  # Material's own texts and <html lang>
        # After a site's own custom_dir, so a site can still override any of our templates.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        try:
            self.messages = messages(self.language, self.config.messages)
        except UnknownMessage as unknown:
            raise PluginError(f"careercheck: {unknown}") from None
        config.extra_css.append(STYLESHEET)  # on every page: it also fixes the theme's footer contrast
        self.brand = brand.apply(self.config.brand, config)
        if self.brand.stylesheet:
            config.extra_css.append(BRAND_STYLESHEET)
        root = Path(config.config_file_path).parent
        self.checks = {f"checks/{c.id}.md": c for c in self._load_checks(root) if self.language in c.languages}
        if self.language == self.first_language:  # the runtime is shared by every language's site
            self._runtime_dir = tempfile.TemporaryDirectory(prefix="careercheck-runtime-")
            try:
                self.runtime = build_runtime(root / self.config.pyodide_dir, Path(self._runtime_dir.name))
            except RuntimeUnusable as unusable:
                raise PluginError(str(unusable)) from None

    def _load_checks(self, root: Path) -> list[Check]:
        try:
            loaded = load_checks(root / self.config.checks_dir)
        except ProblemsFound as found:
            raise PluginError(f"{len(found.problems)} problem(s) in the checks:\n{found}") from None
        checks = loaded.checks
        if self.config.checks is not None:
            known = {c.id for c in checks}
            unknown = [i for i in self.config.checks if i not in known]
            if unknown:
                raise PluginError(f"careercheck: 'checks' names {', '.join(unknown)}, not in {self.config.checks_dir}/; use one of: {', '.join(sorted(known))}")
            checks = [c for c in checks if c.id in self.config.checks]
        if self.language == self.first_language:  # once per site, not once per language
            for warning in loaded.warnings:  # under --strict, MkDocs turns these into a failed build
                log.warning(str(warning))
        for check in checks:
            if self.language in check.languages:
                readability = readability_of(check, self.language)
                log.info(f"check '{check.id}' ({self.language}): {readability}")
                for problem in readability.above_b1:
                    log.warning(f"check '{check.id}' ({self.language}) reads above B1: {problem}; shorten sentences, use shorter words")
        return checks

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        self._add_page_folders(files, config)
        self.other_language = select_pages(files, config, self.config.languages, self.language)
        self._read_labour_market_pages(files)
        # A page shown in another language is named by its ESCO label in this one, where ESCO has it.
        named = titles(ESCO_CSV[self.language]) if self.other_language and self.language in ESCO_CSV else {}
        named = {page.esco.rsplit("/", 1)[-1]: named[page.esco.rsplit("/", 1)[-1]] for uri, page in self.labour_market.items()
                 if uri in self.other_language and page.esco and page.esco.rsplit("/", 1)[-1] in named}
        index = occupation_index({uri: (self.urls[uri], page) for uri, page in self.labour_market.items()}, named)
        self.match_words = _match_words(self.checks.values(), self.language)
        files.append(File.generated(config, OCCUPATIONS, content=json.dumps(index, ensure_ascii=False)))
        if self.brand.stylesheet:
            files.append(File.generated(config, BRAND_STYLESHEET, content=self.brand.stylesheet))
        # Occupations and studies are many: the menu holds their overviews, each page is one click from there.
        about = files.get_file_from_path("over-deze-informatie.md")
        for kind, overview_page in (("occupation", OVERVIEW_PAGE), ("study", STUDIES_PAGE)):
            listed = [uri for uri, page in self.labour_market.items() if page.type == kind]
            for uri in listed:
                files.get_file_from_path(uri).inclusion = InclusionLevel.NOT_IN_NAV
            if listed and not files.get_file_from_path(overview_page):
                overview = overview_markdown(self.labour_market, overview_page, self.messages, about and about.src_uri, kind)
                files.append(File.generated(config, overview_page, content=overview))
        for src_uri, check in self.checks.items():
            if files.get_file_from_path(src_uri):
                raise PluginError(f"docs/{src_uri} clashes with the page generated for check '{check.id}'; rename one")
            files.append(File.generated(config, src_uri, content=_page_source(check, self.language)))
        # For the coach page and the route a coach's link sets out on each check page.
        self.site_checks = [
            {"id": c.id, "title": translator(c, self.language)(c.title), "url": files.get_file_from_path(uri).url}
            for uri, c in self.checks.items()
        ]
        if self.config.coach_page:
            if files.get_file_from_path(COACH_PAGE):
                raise PluginError(f"docs/{COACH_PAGE} clashes with the coach page; rename it, or set coach_page: false")
            files.append(File.generated(config, COACH_PAGE, content=_coach_page_source(self.messages), inclusion=InclusionLevel.NOT_IN_NAV))
        # Second pass: links may point to any page, including other checks' generated pages.
        for check in self.checks.values():
            spec = scoring_spec(check, self.language)
            for conclusion in spec["conclusions"]:
                if conclusion["link"]:
                    conclusion["link"]["url"] = _page_url(files, check, conclusion["link"]["page"])
            spec_text = json.dumps(spec, ensure_ascii=False, indent=1)
            files.append(File.generated(config, spec_path(check.id, self.language), content=spec_text))
        for check in self.checks.values():
            for image in _images(check):
                if not files.get_file_from_path(image):
                    log.warning(f"check '{check.id}': picture '{image}' is not in {config.docs_dir}; add it or correct 'src'")
        if self.config.reference:
            # For authors, not participants: built and linked from the README, but not in the menu.
            files.append(File.generated(config, REFERENCE_PAGE, content=reference_markdown(), inclusion=InclusionLevel.NOT_IN_NAV))
            self.other_language.setdefault(REFERENCE_PAGE, "en")
            files.append(File.generated(config, "schema/check.schema.json", content=schema_text()))
        # The worker and the runtime are only in the first language's site: every language's pages use them there.
        worker = files.get_file_from_path(WORKER)
        files.remove(worker)
        if self.language == self.first_language:
            self._add_runtime(files, config)
            # The worker names the runtime's folder, whose name is its content's digest.
            source = Path(worker.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, WORKER, content=source.replace(RUNTIME_NAME, self.runtime.digest)))
        return files

    def _add_page_folders(self, files: Files, config: MkDocsConfig) -> None:
        """Pages from outside docs_dir (``pages``), e.g. a sector's site reusing shared occupation pages."""
        root = Path(config.config_file_path).parent
        for entry in self.config.pages:
            path = (root / entry).resolve()
            found = sorted(path.rglob("*")) if path.is_dir() else [path]
            if not path.exists():
                raise PluginError(f"careercheck: pages: '{entry}' does not exist (relative to {root}); correct the path")
            for source in (p for p in found if p.is_file()):
                src_uri = source.relative_to(path.parent).as_posix()
                if files.get_file_from_path(src_uri):
                    raise PluginError(f"careercheck: pages: '{src_uri}' from '{entry}' is also in {config.docs_dir}; remove one")
                files.append(File.generated(config, src_uri, abs_src_path=str(source)))

    def _add_runtime(self, files: Files, config: MkDocsConfig) -> None:
        for language in self.config.languages if any(_asks_for_a_job(check) for check in self.checks.values()) else []:
            # The site's own ESCO file (esco_csv) is in its first language; the others come with the package.
            own = self.config.esco_csv and language == self.first_language
            esco_csv = Path(config.config_file_path).parent / self.config.esco_csv if own else ESCO_CSV[language]
            if not esco_csv.is_file():
                raise PluginError(f"{esco_csv} is missing: the job search of 'occupation' questions needs ESCO's occupations; correct 'esco_csv'")
            esco = compact_index(esco_csv)
            files.append(File.generated(config, esco_index(language), content=json.dumps(esco, ensure_ascii=False, separators=(",", ":"))))
        for path in self.runtime.files:
            files.append(File.generated(config, f"{PYODIDE}/{self.runtime.digest}/{path.name}", abs_src_path=str(path)))

    def _read_labour_market_pages(self, files: Files) -> None:
        """Every labour-market page must pass the quality gates, or the build stops naming page and field.
        Every page is read here first, before MkDocs reads it: one that is no UTF-8 text stops the build too."""
        problems: list[Problem] = []
        for file in files.documentation_pages():
            if file.abs_src_path is None:  # generated pages are not written by authors
                continue
            try:
                found = read_page(Path(file.abs_src_path))
            except ProblemsFound as error:
                problems += error.problems
                continue
            if found:
                self.labour_market[file.src_uri] = found
                self.urls[file.src_uri] = file.url
                if found.stale(datetime.date.today()) and self.language == self.first_language:
                    log.warning(f"{file.src_uri}: its review date {found.review_by} has passed; check the information and set a new 'review_by'")
        if problems:
            raise PluginError(f"{len(problems)} problem(s) in the pages:\n{ProblemsFound(problems)}")
        self.lmi_links = links(self.labour_market)
        for uri, found in self.labour_market.items():
            for key, others in (("related", found.related), ("occupations", found.occupations), ("after", found.route.after if found.route else [])):
                for other in others:
                    if other not in self.labour_market and self.language == self.first_language:
                        log.warning(f"{uri}: '{key}' names '{other}', which is not a labour-market page; correct '{key}'")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and page.file.src_uri in self.labour_market:
            page.meta.setdefault("template", "lmi.html")
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page not (yet) in this build's language says so, and carries its own lang."""
        if self.config.enabled and page.file.abs_src_path:  # a check's intro is checked with the check
            self.unsafe += _unsafe_parts(page, html)
        language = self.other_language.get(page.file.src_uri) if self.config.enabled else None
        if not language:
            return html
        notice = f'<p class="cc-other-language">{escape(self.messages[f"only_in_{language}"])}</p>'
        return f'{notice}<div lang="{language}">{html}</div>'

    # Every page has been read and rendered; no template has run yet.
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if not self.config.enabled:
            return env
        if self.unsafe:
            problems, self.unsafe = self.unsafe, []
            raise PluginError(f"{len(problems)} problem(s) in pages:\n{ProblemsFound(problems)}")
        for file in files.documentation_pages():
            _title_as_text(file.page)
        # Every template, the 404 page's footer included.
        env.globals |= {"ui": self.messages, "brand": self.brand, "coach_page": "coach/" if self.config.coach_page else None}
        return env

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if not self.config.enabled:
            return context
        uri = page.file.src_uri
        alternates = self._alternates(uri, page.url)
        config.extra["alternate"] = alternates  # Material's language selector: the same page in each language
        if uri in self.labour_market:
            found = self.labour_market[uri]
            linked = {kind: [(self.labour_market[u].title, self.urls[u]) for u in uris] for kind, uris in self.lmi_links[uri].items()}
            # The page's own texts keep their language on a site in another language.
            language = self.other_language.get(uri, self.language)
            context |= {"lmi": found, "lmi_stale": found.stale(datetime.date.today()), "lmi_links": linked, "lmi_language": language,
                        "lmi_words": self.match_words}
        here = site_path(page.url, self.language, self.config.languages)
        shared = lambda path: relative_href(path, here)  # noqa: E731 - the runtime is in the first language's site
        if uri == COACH_PAGE and self.config.coach_page:
            context |= {"site_checks": self.site_checks, "page_language": self.language, "page_script": shared("assets/careercheck/coach.js")}
        if uri in self.checks:
            check = self.checks[uri]
            context |= {
                "site_checks": self.site_checks,
                "check": check,
                "check_language": self.language,
                "t": translator(check, self.language),
                "spec_path": spec_path(check.id, self.language),
                "page_script": shared("assets/careercheck/check.js"),
                "engine_script": shared("assets/careercheck/start-engine.mjs"),
                "poster_stylesheet": shared("assets/careercheck/poster.css"),
                "occupations_path": OCCUPATIONS if check.matching else None,
                "esco_href": shared(esco_index(self.language)) if _asks_for_a_job(check) else None,
                "translations": [a for a in alternates if a["lang"] != self.language and a["same_page"]],
            }
        return context

    def _alternates(self, src_uri: str, url: str) -> list[dict[str, Any]]:
        """Each language's version of this page (same URL in every language), or its home page when
        a check is not in that language; links relative to this page, as Material's selector shows them."""
        check = self.checks.get(src_uri)
        languages = self.config.languages
        here = site_path(url, self.language, languages)
        alternates = []
        for language in languages:
            same_page = check is None or language in check.languages
            target = site_path(url if same_page else "", language, languages)
            name = self.messages[f"language_{language}"]
            alternates.append({"name": name, "lang": language, "href": relative_href(target, here), "same_page": same_page})
        return alternates

    # Last, so the hashes cover inline scripts that any other plugin's template added;
    # never those in the page's own content.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        language = self.other_language.get(page.file.src_uri)
        if language:  # both tables of contents (in the menu and beside the page) hold its own headings
            output = output.replace('data-md-component="toc"', f'data-md-component="toc" lang="{language}"')
        return with_policy(output, page.content or "")

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """`mkdocs serve` rebuilds when a check changes, not only a page."""
        if self.config.enabled:
            server.watch(str(Path(config.config_file_path).parent / self.config.checks_dir))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._runtime_dir:
            self._runtime_dir.cleanup()
            self._runtime_dir = None


def _page_source(check: Check, language: str) -> str:
    # The questions come from the template (theme/careercheck.html);
    # the Markdown holds only the title and the author's intro.
    t = translator(check, language)
    # No footer links to the previous and next page: the check's own "Verder" is the one way on.
    front = {"template": "careercheck.html", "title": t(check.title), "hide": ["footer"]}
    return "---\n" + json.dumps(front, ensure_ascii=False) + f"\n---\n\n# {t(check.title)}\n\n{t(check.intro)}\n"


def _coach_page_source(ui: dict[str, Any]) -> str:
    # The form and its script come from the template (theme/coach.html).
    front = {"template": "coach.html", "title": ui["coach_title"], "hide": ["footer"]}
    return "---\n" + json.dumps(front, ensure_ascii=False) + f"\n---\n\n# {escape(ui['coach_title'])}\n\n{escape(ui['coach_intro'])}\n"


def _title_as_text(page: Page) -> None:
    """The theme shows titles unescaped (in <title>, the menu, the header), and in <title>
    only a meta title is not run through striptags, which would undo the escaping."""
    title = Markup.escape(unescape(page.title or ""))  # Markup: the theme's `| e` leaves it as it is
    page.title = title
    if "title" in page.meta or not page.is_homepage:
        page.meta["title"] = title


def _unsafe_parts(page: Page, html: str) -> list[Problem]:
    """Raw HTML in a page (or its title) that could run script or load from another site."""
    path = Path(page.file.abs_src_path)
    source = page.file.content_string
    found = unsafe_html(html) + unsafe_html(str(page.meta.get("title", "")))
    return [Problem(path, line_of(source, unsafe.needle), 1, unsafe.what) for unsafe in found]


def _page_url(files: Files, check: Check, page: str) -> str | None:
    """The target's URL from the site root, or None (with a warning) when there is no such page."""
    target = files.get_file_from_path(page)
    if target is None or not target.is_documentation_page():
        log.warning(f"check '{check.id}': link to '{page}', which is not a page of the site; correct 'page'")
        return None
    return target.url


def _asks_for_a_job(check: Check) -> bool:
    return any(isinstance(q, OccupationQuestion) for q in check.questions)


def _images(check: Check) -> set[str]:
    questions = check.questions
    options = [o for q in questions if isinstance(q, ChoiceQuestion) for o in q.options]
    return {item.image.src for item in [*questions, *options] if item.image}


def _match_words(checks, language: str) -> dict[str, dict[str, str]]:
    """The words of the values and skills occupation pages name, as the first check that matches asks them."""
    for check in (c for c in checks if c.matching and language in c.languages):
        t, questions = translator(check, language), {q.name: q for q in check.questions}
        return {part: {o.value: t(o.label) for o in questions[name].options} if name else {}
                for part, name in (("values", check.matching.values), ("skills", check.matching.skills))}
    return {"values": {}, "skills": {}}
