"""``careercheck new PATH``: a minimal site that builds from the installed package alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from careercheck.format.reference import schema_text
from careercheck.site.runtime import PYODIDE_VERSION

STARTER = Path(__file__).parent / "starter"


class NotEmpty(Exception):
    """The target folder already holds files: nothing is overwritten."""


def new_site(target: Path) -> list[Path]:
    """Write the starter site into ``target`` (new or empty); returns the files written."""
    if target.exists() and any(target.iterdir()):
        raise NotEmpty(f"{target} is not empty; choose a new folder, nothing was written")
    shutil.copytree(STARTER, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    package = {"name": target.resolve().name, "private": True, "description": "The browser runtime of this career check site",
               "dependencies": {"pyodide": PYODIDE_VERSION}}
    (target / "package.json").write_text(json.dumps(package, indent=2) + "\n")
    (target / "checks" / "check.schema.json").write_text(schema_text())  # editors check and complete the checks
    (target / ".gitignore").write_text("site/\nnode_modules/\n")
    return sorted(p for p in target.rglob("*") if p.is_file())
