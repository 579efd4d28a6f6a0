"""The scoring engine of the career check.

Pure standard library: the same code runs in CPython (tests, the CLI) and in
Pyodide inside the visitor's browser, so a result never depends on where it
was computed.
"""

from careercheck_engine.riasec import brown_gore_c, codes, congruence, correlation, iachan_m
from careercheck_engine.jobs import JobIndex, job_index, search, search_json, shared_isco_digits
from careercheck_engine.matching import match
from careercheck_engine.profile import profile, profile_json
from careercheck_engine.render import profile_html
from careercheck_engine.scoring import score, score_json, visible, visible_json

__version__ = "0.2.0"
__all__ = ["JobIndex", "brown_gore_c", "codes", "congruence", "correlation", "iachan_m", "job_index", "match", "profile", "profile_html", "profile_json", "search", "search_json", "shared_isco_digits", "score", "score_json", "visible", "visible_json"]
