"""The message catalogue: every word a visitor reads that does not come from a check or a page.

One YAML file per language in ``catalogue/``; a site may reword single messages.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

FOLDER = Path(__file__).parent / "catalogue"
LANGUAGES = ("nl", "en")


class UnknownMessage(ValueError):
    """A site's override names a message or language the catalogue does not have."""


def catalogue(language: str) -> dict:
    return dict(YAML(typ="safe").load((FOLDER / f"{language}.yml").read_text(encoding="utf-8")))


def messages(language: str, overrides: dict | None = None) -> dict:
    """The catalogue in ``language`` with a site's own wording of single messages."""
    found = catalogue(language)
    for lang, reworded in (overrides or {}).items():
        if lang not in LANGUAGES or not isinstance(reworded, dict):
            raise UnknownMessage(f"messages: '{lang}' is not a language of the catalogue; use one of: {', '.join(LANGUAGES)}")
        for key, text in reworded.items():
            if key not in found or isinstance(found[key], (dict, list)) or not isinstance(text, str):
                raise UnknownMessage(f"messages.{lang}.{key}: no such message, or not a text; see careercheck/site/catalogue/{lang}.yml")
    return found | (overrides or {}).get(language, {})
