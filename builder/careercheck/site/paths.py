"""Where the build puts what the engine reads, in every built site (the browser and
`careercheck profile` read the same files)."""

from __future__ import annotations

SPECS = "assets/careercheck/specs"
OCCUPATIONS = "assets/careercheck/occupations.json"


def esco_index(language: str) -> str:
    """ESCO's occupations in the language of the job search."""
    return f"assets/careercheck/esco-occupations.{language}.json"


def spec_path(check_id: str, language: str) -> str:
    return f"{SPECS}/{check_id}.{language}.json"
