"""The MkDocs plugin: the thin last stage that puts compiled checks into a site.

Loading, validating and compiling happen in ``careercheck`` modules that do
not import MkDocs; this file only hands their output to MkDocs.
"""

from __future__ import annotations

import json
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
from careercheck.loader import load_checks
from careercheck.model import Check
from careercheck.plugin.config import CareerCheckConfig
from careercheck.problems import ProblemsFound
from careercheck.runtime import RuntimeMissing, build_runtime
from careercheck.ui_text import UI_TEXT

CHECK_PAGES = "checks"
SPECS = "assets/careercheck/specs"
STYLESHEET = "assets/careercheck/careercheck.css"
PYODIDE = "assets/pyodide"


class CareerCheckPlugin(BasePlugin[CareerCheckConfig]):
    def __init__(self) -> None:
        self.checks: dict[str, Check] = {}  # by page src_uri
        self._runtime_dir: tempfile.TemporaryDirectory[str] | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        root = Path(config.config_file_path).parent
        # On every page, not only checks: it also fixes the theme's footer contrast.
        config.extra_css.append(STYLESHEET)
        try:
            checks = load_checks(root / self.config.checks_dir)
        except ProblemsFound as found:
            raise PluginError(f"{len(found.problems)} problem(s) in the checks:\n{found}") from None
        self.checks = {f"{CHECK_PAGES}/{check.id}.md": check for check in checks}
        self._runtime_dir = tempfile.TemporaryDirectory(prefix="careercheck-runtime-")
        try:
            self.runtime = build_runtime(root / self.config.pyodide_dir, Path(self._runtime_dir.name))
        except RuntimeMissing as missing:
            raise PluginError(str(missing)) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        for src_uri, check in self.checks.items():
            if files.get_file_from_path(src_uri):
                raise PluginError(f"docs/{src_uri} clashes with the page generated for check '{check.id}'; rename one")
            files.append(File.generated(config, src_uri, content=_page_source(check)))
            spec = json.dumps(scoring_spec(check), ensure_ascii=False, indent=1)
            files.append(File.generated(config, f"{SPECS}/{check.id}.json", content=spec))
        for path in self.runtime.files:
            files.append(File.generated(config, f"{PYODIDE}/{path.name}", abs_src_path=str(path)))

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> None:
        if not self.config.enabled or page.file.src_uri not in self.checks:
            return
        check = self.checks[page.file.src_uri]
        context["check"] = check
        context["ui"] = UI_TEXT[check.language]
        context["spec_path"] = f"{SPECS}/{check.id}.json"

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


def _page_source(check: Check) -> str:
    # The questions come from the template (overrides/careercheck.html);
    # the Markdown holds only the title and the author's intro.
    front = {"template": "careercheck.html", "title": check.title}
    return "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + f"# {check.title}\n\n{check.intro}\n"
