"""Career check generator: checks in YAML, scored in the visitor's browser.

The public API for tools and sectors' automation. Nothing here imports MkDocs.
"""

from careercheck.format.compile import scoring_spec
from careercheck.format.loader import Loaded, find_check_files, load_check, load_check_files, load_checks
from careercheck.format.model import Check
from careercheck.problems import Problem, ProblemsFound

__all__ = ["Check", "Loaded", "Problem", "ProblemsFound", "find_check_files", "load_check", "load_check_files", "load_checks", "scoring_spec"]
