#!/usr/bin/env bash
# Tries the package scripts/build-package.sh made as an outlet's IT contact would: installs
# build/revisitdesk_<version>_<arch>.deb with apt-get, then runs the *installed* program — from an
# empty folder, with a fresh home and no Python or source tree on its paths — through --version,
# demo, an import of cases, a quarterly report as PDF, and the window under Xvfb, logged in with
# real keystrokes, to its first paint. Then it checks that the installed files are unchanged and
# that nothing was added beside them, removes the package and checks that nothing is left.
# Needs root (or sudo) for apt-get; CI runs it after the tests (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
APPID=cn.gov.revisitdesk
INSTALLED=/opt/apps/$APPID
PASSWORD=Demo@2026  # the demo's administrator, as `revisitdesk demo` says

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
fail() {
  echo "check-package: $*" >&2
  exit 1
}
step() {
  echo "check-package: $*"
}

shopt -s nullglob
debs=(build/revisitdesk_*.deb)
[ ${#debs[@]} -eq 1 ] || fail "expected one build/revisitdesk_*.deb, found ${#debs[@]}"
DEB=$REPO/${debs[0]}
VERSION=$(dpkg-deb -f "$DEB" Version)

step "the package carries no maintainer scripts"
extra=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -t | grep -vxE '\./|\./control|\./md5sums' || true)
[ -z "$extra" ] || fail "control files besides control and md5sums: $extra"

step "installing $DEB"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >/dev/null
[ "$(readlink -f "$(command -v revisitdesk)")" = "$INSTALLED/files/revisitdesk" ] \
  || fail "revisitdesk on the PATH is not the installed program"
desktop-file-validate "$INSTALLED/entries/applications/$APPID.desktop"
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512 scalable; do
  ls /usr/share/icons/hicolor/$size/apps/$APPID.* >/dev/null || fail "no $size menu icon"
done
missing=$(find "$INSTALLED/files" -name '*.so*' -type f -exec ldd {} + 2>/dev/null \
  | grep 'not found' | grep -v libsane | sort -u || true)
[ -z "$missing" ] || fail "bundled libraries need what the package does not declare: $missing"
before=$(mktemp)
find "$INSTALLED" | sort > "$before"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$before"' EXIT
mkdir "$WORK/home"
cp tests/data/samples/cases_2026q3.csv "$WORK/cases.csv"
cd "$WORK"
# The installed program alone: no virtual environment, no source tree, a home of its own.
run() {
  env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
# A command that logs in asks the password on a terminal, never a pipe: expect gives it one and
# types the password at the prompt.
as_admin() {
  run PASSWORD="$PASSWORD" expect -c "
    set timeout 300
    spawn revisitdesk --lang en --db sqlite:///$WORK/demo.sqlite3 --user admin $*
    expect {Password for admin: } {} timeout {puts {no password prompt}; exit 3}
    send -- \"\$env(PASSWORD)\r\"
    expect eof {} timeout {puts {the command did not end}; exit 3}
    exit [lindex [wait] 3]"
}

step "revisitdesk --version"
run revisitdesk --version | tee "$WORK/version.txt"
grep -q "$VERSION" "$WORK/version.txt" || fail "--version does not say $VERSION"

step "revisitdesk demo into a new database"
run revisitdesk --db "sqlite:///$WORK/demo.sqlite3" demo --cases 300 > "$WORK/demo.txt"
grep -q admin "$WORK/demo.txt" || fail "demo did not name its accounts"

step "an older database, upgraded by the installed program"
# Made at the first schema by the source tree's migrations (scripts/build-package.sh set up .venv).
"$REPO/.venv/bin/python" -c "import sys; sys.path.insert(0, '$REPO')
from db.engine import make_engine
from db.migrate import run_migrations
engine = make_engine('sqlite:///$WORK/old.sqlite3')
run_migrations(engine, '0001')
engine.dispose()"
HEAD=$("$REPO/.venv/bin/python" -c "import sys; sys.path.insert(0, '$REPO')
from db.migrate import head_revision; print(head_revision())")
run revisitdesk --lang en --db "sqlite:///$WORK/old.sqlite3" db info | tee "$WORK/info.txt"
grep -q "$HEAD" "$WORK/info.txt" || fail "the older database was not upgraded to $HEAD"
ls "$WORK"/old.before-upgrade-0001-*.sqlite3 >/dev/null || fail "no copy made before the upgrade"

step "revisitdesk import cases"
as_admin import cases "$WORK/cases.csv" | tee "$WORK/import.txt"
grep -q "inserted 400" "$WORK/import.txt" || fail "the import did not report the sample's 400 cases"

step "revisitdesk report quarterly as PDF"
as_admin report quarterly --year 2026 --quarter 3 -o "$WORK/q3.pdf"
[ "$(head -c 5 "$WORK/q3.pdf")" = "%PDF-" ] || fail "the quarterly report is not a PDF"
if command -v pdffonts >/dev/null; then
  pdffonts "$WORK/q3.pdf" | grep -qi "wqy\|microhei" || fail "the PDF does not embed the Chinese font"
fi

step "the window under Xvfb, logged in with keystrokes, to its first paint"
cat > "$WORK/window.sh" <<'WINDOW'
set -euo pipefail
REVISITDESK_EXIT_AFTER_FIRST_PAINT=1 QT_QPA_PLATFORM=xcb \
  revisitdesk --db "sqlite:///$WORK/demo.sqlite3" > "$WORK/window.txt" 2>&1 &
app=$!
login=$(timeout 60 xdotool search --sync --name '登录' | head -1)
xdotool windowfocus --sync "$login"
xdotool type --delay 20 admin
xdotool key Tab
xdotool type --delay 20 "$PASSWORD"
xdotool key Return
timeout 120 tail --pid=$app -f /dev/null
wait $app
WINDOW
run env WORK="$WORK" PASSWORD="$PASSWORD" xvfb-run -a -s "-screen 0 1366x768x24" bash "$WORK/window.sh" \
  || { cat "$WORK/window.txt" >&2; fail "the window did not start"; }
grep -q '^first-paint ' "$WORK/window.txt" || { cat "$WORK/window.txt" >&2; fail "no first paint"; }

step "the installed files are unchanged, and nothing was written beside them"
as_root dpkg --verify revisitdesk || fail "installed files changed"
after=$(find "$INSTALLED" | sort)
[ "$after" = "$(cat "$before")" ] || fail "files appeared under $INSTALLED: $(comm -13 "$before" <(echo "$after"))"

step "removing the package"
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq revisitdesk >/dev/null
[ ! -e "$INSTALLED" ] || fail "$INSTALLED is left after removal: $(find "$INSTALLED" | head)"
left=$(find /usr/bin /usr/share/applications /usr/share/icons -name "revisitdesk" -o -name "$APPID.*")
[ -z "$left" ] || fail "left after removal: $left"
step "passed ($VERSION)"
