# Everything a fresh clone needs: `make serve` to see the example site, `make test` to run every test.
.PHONY: setup setup-browser setup-nginx build serve serve-nginx sites test bench validate schema constraints clean

VENV   ?= .venv
BIN    := $(VENV)/bin
# Python >= 3.12 (pyodide-lock needs it): the first that runs, pyenv's included.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3; do \
            $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed; install it and run make again" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
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

# The JSON Schema next to the checks, for editors; a test keeps it in step with the model.
schema: $(VENV)/.installed
	$(BIN)/careercheck schema > checks/check.schema.json

# Re-pin the whole Python dependency tree after changing pyproject.toml.
constraints: $(VENV)/.installed
	$(BIN)/pip freeze --exclude-editable --exclude careercheck > constraints.txt
	@touch $(VENV)/.installed

clean:
	rm -rf $(VENV) node_modules site sites .site-* .sites-* .nginx
