"""Texts per language: pick the right one, and find missing translations."""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from careercheck.format.model import Check
from careercheck.format.parts import Language, Plain, Text


def text_in(text: Text | None, language: str, default: str) -> str | None:
    """The text in ``language``; a plain string is in the check's first language."""
    if text is None or isinstance(text, str):
        return text
    return text.get(language) or text.get(default)  # a missing translation falls back (and is warned about)


def translator(check: Check, language: str) -> Callable[[Text | None], str | None]:
    """A function giving each of ``check``'s texts in ``language``."""
    return functools.partial(text_in, language=language, default=check.languages[0])


def located_texts(model: BaseModel, at: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Every text in ``model`` and the models inside it, with its location."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        key = field.alias or name
        if _holds_text(field.annotation):
            yield from _texts(value, (*at, key))
        for loc, child in _models(value, (*at, key)):
            yield from located_texts(child, loc)


def wordings(model: BaseModel, languages: list[str]) -> Iterator[tuple[tuple, str, str]]:
    """(location, language, words) of every text in ``model``; a location ends in the language's key
    when the text gives one per language, and a plain string is in the first language."""
    for loc, text in located_texts(model):
        if isinstance(text, str):
            yield loc, languages[0], text
        else:
            yield from (((*loc, language), language, words) for language, words in text.items())


def missing_translations(model: BaseModel, languages: list[str]) -> Iterator[tuple[tuple, list[str]]]:
    """(location, missing languages) of every text that is not given in every language."""
    for loc, text in located_texts(model):
        given = [languages[0]] if isinstance(text, str) else list(text)
        missing = [lang for lang in languages if lang not in given]
        if missing:
            yield loc, missing


def _texts(value: Any, loc: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(value, (str, dict)):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def _models(value: Any, loc: tuple) -> Iterator[tuple[tuple, BaseModel]]:
    if isinstance(value, BaseModel):
        yield loc, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _models(item, (*loc, index))


def _holds_text(annotation: Any) -> bool:
    """Does a field's type include Text (a str, or a dict of texts per language)?"""
    return annotation == dict[Language, Plain] or any(_holds_text(arg) for arg in typing.get_args(annotation))
