"""The ``careercheck`` command: build the site, serve it, validate checks."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from careercheck.loader import load_checks
from careercheck.problems import ProblemsFound


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="careercheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the site into site/ (atomically, strict)")
    build.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("-d", "--site-dir", type=Path, help="where to build (default: the config's site_dir)")

    serve = commands.add_parser("serve", help="serve a built site on http://127.0.0.1:PORT")
    serve.add_argument("-d", "--site-dir", type=Path, default=Path("site"))
    serve.add_argument("-p", "--port", type=int, default=8000)

    validate = commands.add_parser("validate", help="check every check file and report all problems")
    validate.add_argument("path", type=Path, nargs="?", default=Path("checks"))
    validate.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args.config_file, args.site_dir)
    if args.command == "serve":
        return _serve(args.site_dir, args.port)
    return _validate(args.path, args.strict)


def _build(config_file: Path, site_dir: Path | None) -> int:
    from mkdocs.exceptions import MkDocsException  # MkDocs only where the site is built

    from careercheck.site_build import build_site

    logging.basicConfig(format="%(levelname)-8s-  %(message)s", level=logging.INFO)
    logging.getLogger("flit_core").setLevel(logging.WARNING)  # its per-file wheel steps are noise here
    try:
        final = build_site(config_file, site_dir)
    except MkDocsException as error:
        # MkDocs has already logged each cause; this names the outcome.
        print(f"careercheck: build failed, the previous site was left as it was ({error})", file=sys.stderr)
        return 1
    print(f"careercheck: site built in {final}")
    return 0


def _serve(site: Path, port: int) -> int:
    from careercheck.preview import make_server

    if not (site / "index.html").is_file():
        print(f"careercheck: {site} holds no built site; run 'make build' first", file=sys.stderr)
        return 1
    with make_server(site, port, quiet=False) as server:
        print(f"careercheck: serving {site} on http://127.0.0.1:{port} (Ctrl+C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def _validate(path: Path, strict: bool) -> int:
    try:
        loaded = load_checks(path, strict=strict)
    except ProblemsFound as found:
        print(found, file=sys.stderr)
        print(f"careercheck: {len(found.problems)} problem(s) found", file=sys.stderr)
        return 1
    for warning in loaded.warnings:
        print(warning, file=sys.stderr)
    print(f"careercheck: {len(loaded.checks)} check(s) valid, {len(loaded.warnings)} warning(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
