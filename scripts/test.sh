#!/usr/bin/env bash
# Runs the whole test suite, installing first what it needs (scripts/setup.sh --tests). Extra
# arguments go to pytest. The PostgreSQL tests run on a throw-away server that the tests start
# and remove, or on the server named by REVISITDESK_TEST_PG (see README). Nothing is skipped: a
# test that would skip for want of something fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export QT_QPA_PLATFORM=offscreen
export REVISITDESK_TEST_COMPLETE=1
exec .venv/bin/python -m pytest "$@"
