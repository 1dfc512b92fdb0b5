#!/usr/bin/env bash
# Installs everything RevisitDesk needs, fills a local demo database (once) and starts the app.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

DATA_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/RevisitDesk"
mkdir -p "$DATA_DIR"  # the app makes a database only in a folder that exists
DEMO_DB="${REVISITDESK_DEMO_DB:-sqlite:///$DATA_DIR/demo.sqlite3}"
.venv/bin/python main.py --db "$DEMO_DB" demo --if-empty

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display here, so the window cannot open. Everything is installed and the demo"
  echo "database is ready; on a desktop, start the app with:"
  echo "  .venv/bin/python main.py --db \"$DEMO_DB\""
  exit 0
fi
echo "Starting RevisitDesk on $DEMO_DB"
exec .venv/bin/python main.py --db "$DEMO_DB"
