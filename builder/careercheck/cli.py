"""The ``careercheck`` command: build the site, serve it, validate, score and analyse checks."""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import logging
import sys
from pathlib import Path

from careercheck.format.loader import find_check_files, load_check, load_check_files
from careercheck.problems import Problem, ProblemsFound
from careercheck.format.readability import readability_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="careercheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into site/ (atomically, strict)")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("-d", "--site-dir", type=Path, help="where to build (default: the config's site_dir)")

    serve = commands.add_parser("serve", help="build, serve on http://127.0.0.1:PORT, and rebuild when a check or page changes")
    serve.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("-d", "--site-dir", type=Path, help="where to build (default: the config's site_dir)")
    serve.add_argument("-p", "--port", type=int, default=8000)

    new = commands.add_parser("new", help="start a new site: config, an example check and page, package.json, README")
    new.add_argument("path", type=Path)

    sites = commands.add_parser("sites", help="build several sites (e.g. each brand) into one folder, with a summary")
    sites.add_argument("configs", type=Path, nargs="+", help="mkdocs.yml files")
    sites.add_argument("-o", "--out", type=Path, default=Path("sites"))

    validate = commands.add_parser("validate", help="check check files (or every one in a folder) and report all problems")
    validate.add_argument("paths", type=Path, nargs="*", default=[Path("checks")], help="files or folders (default: checks)")
    validate.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")

    score = commands.add_parser("score", help="score an answers file with the engine the browser uses; JSON out")
    score.add_argument("check", type=Path)
    score.add_argument("answers", type=Path, help="JSON object: question name -> answer")
    score.add_argument("--language", help="language of the texts in the result (default: the check's first)")

    profile = commands.add_parser("profile", help="the profile of an answers file as HTML, made as the browser makes it")
    profile.add_argument("check", type=Path, help="the check file (its built spec in the site is used)")
    profile.add_argument("answers", type=Path, help="JSON object: question name -> answer")
    profile.add_argument("--language", help="the profile's language (default: the check's first)")
    profile.add_argument("--site", type=Path, default=Path("site"), help="the built site whose spec and occupations to use (default: site)")
    profile.add_argument("--date", type=_iso_date, help="the date on the profile, YYYY-MM-DD (default: today)")

    analyse = commands.add_parser("analyse", help="item analysis of pilot data: alpha, corrected item-total r")
    analyse.add_argument("check", type=Path)
    analyse.add_argument("responses", type=Path, help="CSV: a header of question names, one row per respondent")
    analyse.add_argument("--json", action="store_true", help="print JSON instead of a table")

    commands.add_parser("schema", help="print the JSON Schema of the check format")

    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            return _build(args.config_file, args.site_dir)
        if args.command == "serve":
            return _serve(args.config_file, args.site_dir, args.port)
        if args.command == "new":
            return _new(args.path)
        if args.command == "sites":
            return _sites(args.configs, args.out)
        if args.command == "score":
            return _score(args.check, args.answers, args.language)
        if args.command == "profile":
            from careercheck.site.profile_page import profile_page

            check, answers = read_check_and_answers(args.check, args.answers, args.language)
            print(profile_page(check, answers, args.site, args.language, args.date), end="")
            return 0
        if args.command == "analyse":
            return _analyse(args.check, args.responses, args.json)
        if args.command == "schema":
            from careercheck.format.reference import schema_text

            print(schema_text(), end="")
            return 0
        return _validate(args.paths, args.strict)
    except ProblemsFound as found:
        print(found, file=sys.stderr)
        return 1


def _iso_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def _site_logging() -> None:
    logging.basicConfig(format="%(levelname)-8s-  %(message)s", level=logging.INFO)


def _build(config_file: Path, site_dir: Path | None) -> int:
    from mkdocs.exceptions import MkDocsException  # MkDocs only where the site is built

    from careercheck.site.build import build_site

    _site_logging()
    try:
        final = build_site(config_file, site_dir)
    except MkDocsException as error:
        # MkDocs has already logged each cause; this names the outcome.
        print(f"careercheck: build failed, the previous site was left as it was ({error})", file=sys.stderr)
        return 1
    print(f"careercheck: site built in {final}")
    return 0


def _serve(config_file: Path, site_dir: Path | None, port: int) -> int:
    import threading

    from mkdocs.config import load_config

    from careercheck.site.preview import make_server
    from careercheck.site.watch import fingerprint, watch, watched

    if not config_file.is_file():
        print(f"careercheck: {config_file} not found; run this in a site's folder or give -f CONFIG", file=sys.stderr)
        return 1
    if _build(config_file, site_dir) != 0:
        return 1
    site = Path(site_dir or load_config(str(config_file)).site_dir)
    # What the site was built from, taken before anyone can see it: an edit made as soon as the
    # first page shows is a change to rebuild for, not part of the starting point.
    paths = watched(config_file)
    built_from = fingerprint(paths)
    with make_server(site, port, quiet=False) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"careercheck: serving {site} on http://127.0.0.1:{port}; rebuilding when a check or page changes (Ctrl+C stops)")
        try:
            watch(paths, lambda: _build(config_file, site_dir), seen=built_from)
        except KeyboardInterrupt:
            pass
        server.shutdown()
    return 0


def _new(path: Path) -> int:
    from careercheck.site.new import NotEmpty, new_site

    try:
        written = new_site(path)
    except NotEmpty as error:
        print(f"careercheck: {error}", file=sys.stderr)
        return 1
    print(f"careercheck: {len(written)} files written in {path}. Next: cd {path} && npm install && careercheck serve")
    return 0


def _sites(configs: list[Path], out: Path) -> int:
    from mkdocs.exceptions import MkDocsException

    from careercheck.site.sites import build_sites, summary

    _site_logging()
    try:
        built = build_sites(configs, out)
    except MkDocsException as error:
        print(f"careercheck: a site failed to build; earlier sites are built, that one was left as it was ({error})", file=sys.stderr)
        return 1
    print(summary(built))
    return 0


def _readable(path: Path) -> None:
    if not path.is_file():
        raise ProblemsFound([Problem(path, 1, 1, "no such file; check the path")])


def read_check_and_answers(check_path: Path, answers_path: Path, language: str | None):
    """The check and an answers file (a JSON object), or ProblemsFound naming the file and line."""
    _readable(check_path)
    _readable(answers_path)
    check = load_check(check_path)
    if language and language not in check.languages:
        raise ProblemsFound([Problem(check_path, 1, 1, f"the check has no '{language}' texts; use one of: {', '.join(check.languages)}")])
    try:
        answers = json.loads(answers_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        line, column = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        raise ProblemsFound([Problem(answers_path, line, column, f"not valid JSON ({getattr(error, 'msg', error)}); save the answers as a JSON object")])
    if not isinstance(answers, dict):
        raise ProblemsFound([Problem(answers_path, 1, 1, 'the answers must be a JSON object, like {"vraag1": 4}')])
    return check, answers


def _score(check_path: Path, answers_path: Path, language: str | None) -> int:
    from careercheck.format.compile import scoring_spec
    from careercheck_engine import score

    check, answers = read_check_and_answers(check_path, answers_path, language)
    print(json.dumps(score(scoring_spec(check, language), answers), ensure_ascii=False, indent=2))
    return 0


def _analyse(check_path: Path, responses: Path, as_json: bool) -> int:
    from careercheck.format.analysis import analyse, read_responses, report

    _readable(check_path)
    _readable(responses)
    check = load_check(check_path)
    rows, problems = read_responses(check, responses)
    for problem in problems[:20]:
        print(problem, file=sys.stderr)
    if len(problems) > 20:
        print(f"careercheck: {len(problems) - 20} more problem(s) in {responses}", file=sys.stderr)
    results = analyse(check, rows)
    print(json.dumps([dataclasses.asdict(r) for r in results], indent=2) if as_json else report(results))
    return 0


def _check_files(paths: list[Path]) -> list[Path]:
    """The files named and the check files in the folders named; a path that is not there is a problem."""
    missing = [Problem(p, 1, 1, "no such file or folder; check the path") for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise ProblemsFound(missing)
    files = [file for p in paths for file in (find_check_files(p) if p.is_dir() else [p])]
    if not files:
        raise ProblemsFound([Problem(p, 1, 1, "no check files (.yml, .yaml) in this folder; give the folder that holds them") for p in paths])
    return files


def _validate(paths: list[Path], strict: bool) -> int:
    try:
        loaded = load_check_files(_check_files(paths), strict=strict)
    except ProblemsFound as found:
        print(found, file=sys.stderr)
        print(f"careercheck: {len(found.problems)} problem(s) found", file=sys.stderr)
        return 1
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    above_b1 = 0
    for check in loaded.checks:
        for language in check.languages:
            readability = readability_of(check, language)
            above = f"; above B1: {'; '.join(readability.above_b1)}" if readability.above_b1 else ""
            above_b1 += bool(above)
            print(f"{check.id} ({language}): {readability}{above}")
    warnings = len(loaded.warnings) + above_b1
    print(f"careercheck: {len(loaded.checks)} check(s) valid, {warnings} warning(s)")
    return 1 if strict and above_b1 else 0


if __name__ == "__main__":
    sys.exit(main())
