# One task runner for people and CI. `make run` starts the console; `make test` runs everything.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3
# Debian packages the tests talk to: NSD (authoritative DNS), kdig, Chromium, PostgreSQL, Dovecot.
APT_PACKAGES := nsd knot-dnsutils chromium postgresql dovecot-imapd

.PHONY: run install test test-fast system-deps lint typecheck layers pytest docs i18n bench bench-deps clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/mailwarden serve

# Installs only what is missing, so a ready machine pays nothing.
system-deps:
	@missing=""; \
	command -v nsd >/dev/null || missing="$$missing nsd"; \
	command -v kdig >/dev/null || missing="$$missing knot-dnsutils"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	fc-list :lang=ja 2>/dev/null | grep -q . || missing="$$missing fonts-ipafont-gothic"; \
	command -v dovecot >/dev/null || missing="$$missing dovecot-imapd"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	test -x /usr/sbin/postfix || missing="$$missing postfix"; \
	perl -MMail::DKIM -MCrypt::PK::Ed25519 -e1 2>/dev/null || missing="$$missing libmail-dkim-perl libcryptx-perl"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	test -x /usr/sbin/nginx || missing="$$missing nginx-light"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: install
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: install
	$(BIN)/mypy

layers: install
	$(BIN)/lint-imports

pytest: install system-deps prowler
	$(BIN)/pytest -q -p no:cacheprovider $(PYTEST_ARGS)

# Prowler, the peer of the cloud audit's parity test and benchmark, in a venv of its own: it pins
# its own boto3/botocore, so it must not go in $(VENV). Installs only when missing.
PROWLER_VENV := .venv-prowler
PROWLER_VERSION := 5.46.0
.PHONY: prowler
prowler:
	@test -x $(PROWLER_VENV)/bin/prowler || { \
	  $(PYTHON) -m venv $(PROWLER_VENV) && \
	  $(PROWLER_VENV)/bin/python -m pip install -q --upgrade pip && \
	  $(PROWLER_VENV)/bin/python -m pip install -q prowler==$(PROWLER_VERSION); }

test: lint typecheck layers pytest

# the tests that need no server (no NSD, SMTP, IMAP, PostgreSQL, HTTPS or browser), on both
# cores: a quick check while working; `make test` is the whole suite and what CI runs
SERVICES := dns or smtp or imap or postgres or https or browser or slow
test-fast: install
	MAILWARDEN_TEST_TIER=fast $(BIN)/pytest -q -p no:cacheprovider -n 2 -m "not ($(SERVICES))"

docs: install
	$(PY) tools/schemas.py
	$(BIN)/mailwarden codes --lang en > docs/findings.md
	$(BIN)/mailwarden codes --lang ja > docs/findings.ja.md
	$(PY) tools/cloud_docs.py

i18n: install
	$(PY) tools/i18n.py

# rspamd (Debian package), the peer the phishing benchmarks score the same messages with; wrk;
# dnsperf, which measures what the local NSD can answer (the domain survey's limit).
bench-deps:
	command -v rspamd >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rspamd)
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	command -v dnsperf >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dnsperf)

bench: install system-deps bench-deps prowler
	$(PY) benchmarks/domain_survey.py 10000 --sample 300
	test -x .venv-peers/bin/python || $(PYTHON) -m venv .venv-peers
	.venv-peers/bin/pip install -q parsedmarc==11.1.0 presidio-analyzer==2.2.366 detect-secrets==1.5.0
	$(PY) benchmarks/dmarc_ingest.py --small 2000 --big 3 --million --ptr
	$(PY) benchmarks/scan_speed.py
	$(PY) benchmarks/scan_quality.py
	$(PY) benchmarks/console_latency.py --mb 100
	$(PY) benchmarks/dlp_quality.py
	$(PY) benchmarks/cloud_audit.py
	$(PY) benchmarks/dlp_speed.py --messages 2000 --paced 1000
	$(PY) benchmarks/campaign.py
	$(PY) benchmarks/campaign_send.py
	$(PY) benchmarks/campaign_tracking.py --seconds 20
	$(PY) benchmarks/campaign_tracking.py --seconds 20 --postgres
	$(PY) benchmarks/leaks_quality.py
	$(PY) benchmarks/leaks_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

# The report buttons (addins/, docs/report-buttons.md): `make addins` writes addins/dist/
# (mailwarden-outlook.zip, mailwarden-outlook-files.zip, mailwarden-thunderbird.xpi).
# ADDIN_BASE_URL: https address the Outlook files are served from; MAILWARDEN_REPORT_URL and
# MAILWARDEN_REPORT_TOKEN: the mailwarden server and an API token (`mailwarden token create`).
.PHONY: addins addins-deps addins-check
addins: install
	$(PY) addins/build.py

# the unified manifest's JSON schemas (npm @microsoft/app-manifest), under addins/ only
addins-deps:
	cd addins && npm ci --no-audit --no-fund

# the add-ins' tests: manifests against their schemas, the handlers in Chromium against a real server
addins-check: install addins-deps
	$(BIN)/pytest -q -p no:cacheprovider tests/addins
