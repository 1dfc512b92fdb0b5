#!/usr/bin/env bash
# Runs the whole test suite (installing what it needs first). Extra arguments go to pytest.
# PostgreSQL tests run when REVISITDESK_TEST_PG names a server (see README); else they skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
