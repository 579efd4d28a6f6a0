"""The MkDocs plugin: the thin last stage that puts compiled checks into a site.

Loading, validating and compiling happen in ``careercheck`` modules that do
not import MkDocs; this file only hands their output to MkDocs.
"""

from __future__ import annotations

import datetime
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from careercheck.compile import scoring_spec
from careercheck.csp import with_policy
from careercheck.esco import compact_index
from careercheck.lmi import LabourMarketPage, occupation_index, overview_markdown, read_page
from careercheck.loader import load_checks
from careercheck.model import Check
from careercheck.plugin.config import CareerCheckConfig
from careercheck.problems import Problem, ProblemsFound
from careercheck.readability import measure, participant_texts
from careercheck.reference import reference_markdown, schema_text
from careercheck.runtime import RuntimeMissing, build_runtime
from careercheck.texts import translator
from careercheck.ui_text import UI_TEXT

SPECS = "assets/careercheck/specs"
STYLESHEET = "assets/careercheck/careercheck.css"
PYODIDE = "assets/pyodide"
REFERENCE_PAGE = "makers/check-format.md"
OCCUPATIONS = "assets/careercheck/occupations.json"
ESCO_INDEX = "assets/careercheck/esco-occupations.json"
OVERVIEW_PAGE = "beroepen/index.md"  # generated from the occupation pages unless docs/ has its own
log = logging.getLogger("mkdocs.plugins.careercheck")


def page_path(check: Check, language: str) -> str:
    """checks/ID.md in the check's first language, LANG/checks/ID.md in the others."""
    prefix = "" if language == check.languages[0] else f"{language}/"
    return f"{prefix}checks/{check.id}.md"


def spec_path(check: Check, language: str) -> str:
    return f"{SPECS}/{check.id}.{language}.json"


class CareerCheckPlugin(BasePlugin[CareerCheckConfig]):
    def __init__(self) -> None:
        self.pages: dict[str, tuple[Check, str]] = {}  # page src_uri -> (check, language)
        self.labour_market: dict[str, LabourMarketPage] = {}  # page src_uri -> validated front matter
        self.urls: dict[str, str] = {}  # labour-market page src_uri -> its URL from the site root
        self._runtime_dir: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        # On every page, not only checks: it also fixes the theme's footer contrast.
        config.extra_css.append(STYLESHEET)
        try:
            loaded = load_checks(root / self.config.checks_dir)
        except ProblemsFound as found:
            raise PluginError(f"{len(found.problems)} problem(s) in the checks:\n{found}") from None
        for warning in loaded.warnings:  # under --strict, MkDocs turns these into a failed build
            log.warning(str(warning))
        for check in loaded.checks:
            for language in check.languages:
                readability = measure(participant_texts(check, language))
                log.info(f"check '{check.id}' ({language}): {readability}")
                for problem in readability.above_b1:
                    log.warning(f"check '{check.id}' ({language}) reads above B1: {problem}; shorten sentences, use shorter words")
        self.pages = {page_path(c, lang): (c, lang) for c in loaded.checks for lang in c.languages}
        self._runtime_dir = tempfile.TemporaryDirectory(prefix="careercheck-runtime-")
        try:
            self.runtime = build_runtime(root / self.config.pyodide_dir, Path(self._runtime_dir.name))
        except RuntimeMissing as missing:
            raise PluginError(str(missing)) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._read_labour_market_pages(files)
        index = occupation_index({uri: (self.urls[uri], page) for uri, page in self.labour_market.items()})
        files.append(File.generated(config, OCCUPATIONS, content=json.dumps(index, ensure_ascii=False)))
        if any(_asks_for_a_job(check) for check, _ in self.pages.values()):
            esco_csv = Path(config.config_file_path).parent / self.config.esco_csv
            if not esco_csv.is_file():
                raise PluginError(f"{esco_csv} is missing: the job search of 'occupation' questions needs ESCO's occupations; set 'esco_csv'")
            esco = compact_index(esco_csv)
            files.append(File.generated(config, ESCO_INDEX, content=json.dumps(esco, ensure_ascii=False, separators=(",", ":"))))
        if index and not files.get_file_from_path(OVERVIEW_PAGE):
            files.append(File.generated(config, OVERVIEW_PAGE, content=overview_markdown(self.labour_market, OVERVIEW_PAGE)))
        for src_uri, (check, language) in self.pages.items():
            if files.get_file_from_path(src_uri):
                raise PluginError(f"docs/{src_uri} clashes with the page generated for check '{check.id}'; rename one")
            files.append(File.generated(config, src_uri, content=_page_source(check, language)))
        # Second pass: links may point to any page, including other checks' generated pages.
        for src_uri, (check, language) in self.pages.items():
            spec = scoring_spec(check, language)
            for conclusion in spec["conclusions"]:
                if conclusion["link"]:
                    conclusion["link"]["url"] = _page_url(files, check, conclusion["link"]["page"])
            spec_text = json.dumps(spec, ensure_ascii=False, indent=1)
            files.append(File.generated(config, spec_path(check, language), content=spec_text))
        for check in {check.id: check for check, _ in self.pages.values()}.values():  # once per check, not per language
            for image in _images(check):
                if not files.get_file_from_path(image):
                    log.warning(f"check '{check.id}': picture '{image}' is not in {config.docs_dir}; add it or correct 'src'")
        if self.config.reference:
            files.append(File.generated(config, REFERENCE_PAGE, content=reference_markdown()))
            files.append(File.generated(config, "schema/check.schema.json", content=schema_text()))
        for path in self.runtime.files:
            files.append(File.generated(config, f"{PYODIDE}/{path.name}", abs_src_path=str(path)))

    def _read_labour_market_pages(self, files: Files) -> None:
        """Every labour-market page must pass the quality gates, or the build stops naming page and field."""
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
                if found.stale(datetime.date.today()):
                    log.warning(f"{file.src_uri}: its review date {found.review_by} has passed; check the information and set a new 'review_by'")
        if problems:
            raise PluginError(f"{len(problems)} problem(s) in labour-market pages:\n{ProblemsFound(problems)}")
        for uri, found in self.labour_market.items():
            for other in found.related:
                if other not in self.labour_market:
                    log.warning(f"{uri}: related page '{other}' is not a labour-market page; correct 'related'")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.config.enabled and page.file.src_uri in self.labour_market:
            page.meta.setdefault("template", "lmi.html")
        return markdown

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        if not self.config.enabled:
            return
        if page.file.src_uri in self.labour_market:
            found = self.labour_market[page.file.src_uri]
            related = [(self.labour_market[uri].title, self.urls[uri]) for uri in found.related if uri in self.labour_market]
            context |= {"lmi": found, "lmi_stale": found.stale(datetime.date.today()), "lmi_related": related}
        if page.file.src_uri not in self.pages:
            return
        check, language = self.pages[page.file.src_uri]
        context |= {
            "check": check,
            "check_language": language,
            "t": translator(check, language),
            "ui": UI_TEXT[language],
            "spec_path": spec_path(check, language),
            "occupations_path": OCCUPATIONS if check.matching else None,
            "esco_path": ESCO_INDEX if _asks_for_a_job(check) else None,
            "translations": [(other, page_path(check, other)) for other in check.languages if other != language],
        }

    # Last, so the hashes cover inline scripts that any other plugin added.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        return with_policy(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return with_policy(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._runtime_dir:
            self._runtime_dir.cleanup()
            self._runtime_dir = None


def _page_source(check: Check, language: str) -> str:
    # The questions come from the template (overrides/careercheck.html);
    # the Markdown holds only the title and the author's intro.
    t = translator(check, language)
    front = {"template": "careercheck.html", "title": t(check.title)}
    return "---\n" + json.dumps(front, ensure_ascii=False) + f"\n---\n\n# {t(check.title)}\n\n{t(check.intro)}\n"


def _page_url(files: Files, check: Check, page: str) -> str | None:
    """The target's URL from the site root, or None (with a warning) when there is no such page."""
    target = files.get_file_from_path(page)
    if target is None or not target.is_documentation_page():
        log.warning(f"check '{check.id}': link to '{page}', which is not a page of the site; correct 'page'")
        return None
    return target.url


def _asks_for_a_job(check: Check) -> bool:
    return any(q.type == "occupation" for q in check.questions)


def _images(check: Check) -> set[str]:
    questions = check.questions
    options = [o for q in questions for o in q.options or []]
    return {item.image.src for item in [*questions, *options] if item.image}
