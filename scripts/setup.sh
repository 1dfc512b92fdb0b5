#!/usr/bin/env bash
# Installs what RevisitDesk needs on Debian or Ubuntu, skipping what is already there:
# the system libraries Qt needs, a Chinese font, and a virtual environment (.venv) with the
# Python packages pinned in constraints.txt. Safe to run again.
#   --tests  also what the test suite uses: poppler (to look inside printed PDFs), SANE with its
#            virtual test scanner and python-sane, and PostgreSQL's server programs (the tests
#            start a throw-away server of their own; see tests/postgres_server.py).
#   --package  also what building the package and trying it installed use: PyInstaller,
#            python-sane (bundled), objdump, and Xvfb with xdotool to log in to the installed
#            program's window (scripts/build-package.sh, scripts/check-package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

FOR_TESTS=false
FOR_PACKAGE=false
for argument in "$@"; do
  case "$argument" in
    --tests) FOR_TESTS=true ;;
    --package) FOR_PACKAGE=true ;;
    *) echo "usage: $0 [--tests] [--package]" >&2; exit 2 ;;
  esac
done

APT_PACKAGES=(
  # Qt's xcb platform plugin and OpenGL/EGL (a fresh desktop may lack some of them)
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1
  # Chinese text on screen and embedded in printed PDFs
  fonts-wqy-microhei
  # QtMultimedia (the recordings' player) loads PulseAudio's client library to start at all
  libpulse0
)
TEST_APT_PACKAGES=(
  poppler-utils            # pdftoppm, pdffonts, pdftotext
  sane-utils libsane-dev   # SANE's test backend, and the headers python-sane builds against
  postgresql               # initdb, pg_ctl, pg_dump, pg_restore
  baresip-core             # the softphone of tests/telephony's end-to-end calls (loopback only)
)
PACKAGE_APT_PACKAGES=(
  binutils libsane-dev                 # objdump (PyInstaller), python-sane's headers
  xvfb xauth xdotool desktop-file-utils   # the installed window, logged in to; the menu entry
  expect                               # the installed command line, logged in to
)
PYTHON_EXTRAS="dev"
if $FOR_TESTS; then
  APT_PACKAGES+=("${TEST_APT_PACKAGES[@]}")
  PYTHON_EXTRAS="$PYTHON_EXTRAS,scanner"
fi
if $FOR_PACKAGE; then
  APT_PACKAGES+=("${PACKAGE_APT_PACKAGES[@]}")
  $FOR_TESTS || PYTHON_EXTRAS="$PYTHON_EXTRAS,scanner"
  PYTHON_EXTRAS="$PYTHON_EXTRAS,package"
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
}

if command -v dpkg-query >/dev/null; then
  apt_install "${APT_PACKAGES[@]}"
else
  echo "Not a Debian/Ubuntu system: install Qt's libraries and a CJK font yourself (see README)."
fi

# Python 3.11 or newer.
PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null \
    && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    PYTHON=$(command -v "$candidate")
    break
  fi
done
if [ -z "$PYTHON" ]; then
  echo "RevisitDesk needs Python 3.11 or newer; install it (e.g. apt-get install python3.11)." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv
    "$PYTHON" -m venv .venv
  fi
fi

# Reinstall the Python packages only when what they are pinned to has changed.
stamp=.venv/.revisitdesk-installed
wanted=$( (cat pyproject.toml constraints.txt; echo "$PYTHON_EXTRAS") | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q -c constraints.txt -e ".[$PYTHON_EXTRAS]"
  echo "$wanted" > "$stamp"
fi
