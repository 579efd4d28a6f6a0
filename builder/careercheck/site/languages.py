"""One site per language from the same sources: which page each language build gets.

A page ``x.md`` is in the site's first language; ``x.en.md`` is its English
version, published as ``x.md`` in the English build (at /en/x/). A page that
has no version in a language is published there as it is, with a notice and
its own ``lang``: every page exists in every language, so no link between the
languages leads nowhere.
"""

from __future__ import annotations

import posixpath
import re
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


def split(src_uri: str, languages: list[str]) -> tuple[str, str]:
    """(the page's src_uri without a language suffix, its language)."""
    match = _SUFFIX.match(src_uri)
    if match and match["lang"] in languages:
        return f"{match['stem']}.md", match["lang"]
    return src_uri, languages[0]


def select_pages(files: Files, config: MkDocsConfig, languages: list[str], language: str) -> dict[str, str]:
    """Keep in ``files`` the pages of ``language``: its own version of each page, else the first language's.

    Returns {src_uri: its language} of the pages shown in another language than ``language``.
    """
    other_language: dict[str, str] = {}
    pages = [f for f in files.documentation_pages() if f.abs_src_path]
    versions: dict[str, dict[str, File]] = {}
    for file in pages:
        plain, lang = split(file.src_uri, languages)
        versions.setdefault(plain, {})[lang] = file
    for plain, by_language in versions.items():
        for file in by_language.values():
            files.remove(file)
        chosen = language if language in by_language else languages[0] if languages[0] in by_language else next(iter(by_language))
        if chosen != language:
            other_language[plain] = chosen
        source = by_language[chosen]
        if source.src_uri == plain:
            files.append(source)
        else:  # x.en.md is published as x.md, so links and URLs are the same in every language
            files.append(File.generated(config, plain, abs_src_path=source.abs_src_path))
    return other_language


def site_path(url: str, language: str, languages: list[str]) -> str:
    """Where a page of the ``language`` site is, from the root of the whole site (first language)."""
    return url if language == languages[0] else f"{language}/{url}"


def relative_href(target: str, page: str) -> str:
    """A link from the page at URL ``page`` to ``target``, both from the root of the whole site."""
    start = f"/{page}" if page.endswith("/") or not page else f"/{posixpath.dirname(page)}"
    href = posixpath.relpath(f"/{target}", start)
    if not target or target.endswith("/"):  # a folder: keep the slash, as MkDocs' directory URLs do
        href = "./" if href == "." else f"{href}/"
    return href
