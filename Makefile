# Everything a fresh clone needs: `make serve` to see the example site, `make test` to run every test.
.PHONY: setup setup-browser setup-nginx build serve serve-nginx sites test bench validate schema lock pyodide-manifest stdlib-list clean

VENV   ?= .venv
BIN    := $(VENV)/bin
# The first of the candidates $(1) that runs and is Python >= 3.12 (pyodide-lock needs it).
first_python = $(shell for p in $(1); do \
            $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
PYTHON ?= $(call first_python,python3.13 python3.12 python3 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3)
# Locking runs on the oldest Python supported, so the lock holds what 3.12 needs beyond 3.13.
LOCK_PYTHON ?= $(call first_python,python3.12 $(HOME)/.pyenv/versions/3.12*/bin/python3)
LOCK_VENV ?= .venv-lock
# Only what the lock names, each file checked against its sha256, and only wheels: building an sdist
# would fetch its build backend unchecked.
PIP        = pip install --quiet --disable-pip-version-check
PIP_LOCKED = $(PIP) --require-hashes --only-binary :all:

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed; install it and run make again" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP_LOCKED) -r requirements.lock
	@# The project itself, built by the locked setuptools (checked against build-system.requires), fetching nothing.
	$(BIN)/$(PIP) --no-index --no-deps --no-build-isolation --check-build-dependencies -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium for the browser tests (browser downloads are not possible here).
setup-browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# Debian's nginx and its brotli_static module: `make serve-nginx` and the end-to-end tests against it.
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
setup-nginx:
	@test -x /usr/sbin/nginx -a -f $(NGINX_BROTLI) || { apt-get update -qq && apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static; }

build: setup
	$(BIN)/careercheck build

# Builds, serves and rebuilds when a check or page changes.
serve: setup
	$(BIN)/careercheck serve --port 8000

# The built site through nginx with deploy/nginx.conf, as a host would serve it: http://127.0.0.1:8080.
# As root, nginx's workers would run as `nobody`; this keeps them as the user who can read site/.
serve-nginx: build setup-nginx
	@mkdir -p .nginx
	/usr/sbin/nginx -p "$(CURDIR)/" -c deploy/nginx.conf $(if $(filter 0,$(shell id -u)),-g 'user root;')

# The example site and every brand, each in every language, into sites/NAME/.
sites: setup
	$(BIN)/careercheck sites mkdocs.yml brands/*/mkdocs.yml --out sites

validate: setup
	$(BIN)/careercheck validate checks

test: setup setup-browser setup-nginx
	$(BIN)/pytest

bench: setup setup-browser
	$(BIN)/python bench/bench.py

# The standard-library files the engine imports in a browser, measured in Pyodide (tests/stdlib_list.py);
# the build ships only these, compiled. test_stdlib.py fails when the list is out of step.
stdlib-list: build
	$(BIN)/python tests/stdlib_list.py site

# The JSON Schema next to the checks, for editors; a test keeps it in step with the model.
schema: $(VENV)/.installed
	$(BIN)/careercheck schema > checks/check.schema.json

# Re-lock the Python tree (pyproject.toml's dependencies, test extra and build backend) with the sha256 of
# every file; versions already locked stay unless pyproject.toml excludes them. Newer versions:
# `make lock LOCK_ARGS=--upgrade`, or `LOCK_ARGS='--upgrade-package mkdocs-material'`. Options: [tool.pip-tools].
lock: $(LOCK_VENV)/.installed
	$(LOCK_VENV)/bin/pip-compile --quiet $(LOCK_ARGS) --extra test --build-deps-for editable \
	    --output-file requirements.lock pyproject.toml
	$(LOCK_VENV)/bin/pip-compile --quiet $(LOCK_ARGS) --output-file pip-tools.lock pip-tools.in

$(LOCK_VENV)/.installed: pip-tools.lock
	@test -n "$(LOCK_PYTHON)" || { echo "make lock needs Python 3.12 (the oldest supported); install it" >&2; exit 1; }
	$(LOCK_PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/$(PIP_LOCKED) -r pip-tools.lock
	@touch $@

# Re-hash the Pyodide files the site ships (pyodide-manifest.json) from the npm tarball that package-lock.json
# locks, after changing the pyodide version in package.json and running `npm install`.
pyodide-manifest: $(VENV)/.installed
	$(BIN)/python -m careercheck.site.pyodide_manifest package-lock.json

clean:
	rm -rf $(VENV) $(LOCK_VENV) node_modules site sites .site-* .sites-* .nginx
