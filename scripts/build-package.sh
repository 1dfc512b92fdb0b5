#!/usr/bin/env bash
# Builds the self-contained RevisitDesk (PyInstaller, packaging/revisitdesk.spec) into
# build/dist/revisitdesk/, and on Debian-family systems the package
# build/revisitdesk_<version>_<arch>.deb (amd64 here) laid out for UOS/Kylin: /opt/apps/<appid>/files (the
# program), entries/applications/<appid>.desktop, entries/icons/hicolor/ (every size), info, and
# /usr/bin/revisitdesk. No maintainer scripts: installing and removing the package changes
# nothing else on the system. scripts/check-package.sh installs it and tries the installed program.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --package >/dev/null
APPID=$(.venv/bin/python -c 'from app.version import APP_ID; print(APP_ID)')
VERSION=$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

rm -rf build/dist build/work
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/revisitdesk.spec
echo "frozen build: $(( $(date +%s) - start )) s, $(du -sh build/dist/revisitdesk | cut -f1)"

command -v dpkg-deb >/dev/null || { echo "no dpkg-deb here: the folder build/dist/revisitdesk is the build"; exit 0; }
ARCH=$(dpkg --print-architecture)  # PyInstaller builds for the machine it runs on
ROOT=build/deb
rm -rf "$ROOT" build/revisitdesk_*.deb
APP="$ROOT/opt/apps/$APPID"
mkdir -p "$APP/files" "$APP/entries/applications" "$APP/entries/icons" "$ROOT/usr/bin" \
  "$ROOT/DEBIAN" "$ROOT/usr/share/applications"
cp -a build/dist/revisitdesk/. "$APP/files/"
# The spec renders the icons (packaging/icons.py) into its work folder.
cp -a build/work/revisitdesk/icons/hicolor "$APP/entries/icons/"
ln -s "/opt/apps/$APPID/files/revisitdesk" "$ROOT/usr/bin/revisitdesk"
# UOS reads the menu entry and icons from entries/; other desktops from /usr/share.
ln -s "/opt/apps/$APPID/entries/applications/$APPID.desktop" \
  "$ROOT/usr/share/applications/$APPID.desktop"
for icon in "$APP"/entries/icons/hicolor/*/apps/*; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$ROOT/usr/share/icons/hicolor/$size/apps"
  ln -s "/opt/apps/$APPID/entries/icons/hicolor/$size/apps/$(basename "$icon")" \
    "$ROOT/usr/share/icons/hicolor/$size/apps/"
done
cat > "$APP/entries/applications/$APPID.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=RevisitDesk
Name[zh_CN]=回访台
Comment=Phone revisits of real-estate registration cases
Comment[zh_CN]=不动产登记办件回访、差评整改与季度统计
Exec=/opt/apps/$APPID/files/revisitdesk
Icon=$APPID
Terminal=false
StartupWMClass=revisitdesk
Categories=Office;
Keywords=revisit;survey;registration;回访;满意度;不动产;
DESKTOP
cat > "$APP/info" <<INFO
{
  "appid": "$APPID",
  "name": "RevisitDesk 回访台",
  "version": "$VERSION",
  "arch": ["$ARCH"],
  "permissions": {"autostart": false, "notification": false, "trayicon": false,
                  "clipboard": true, "account": false, "bluetooth": false, "camera": false,
                  "audio_record": false, "installed_apps": false}
}
INFO
SIZE_KB=$(du -sk "$ROOT/opt" | cut -f1)
# The newest C library the bundled binaries ask for (the build machine's Python and libraries,
# PySide6's wheels need 2.34): apt refuses the package on an older system instead of a crash.
GLIBC=$(find build/dist/revisitdesk -type f \( -name '*.so*' -o -name revisitdesk \) \
  -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | cut -d_ -f2 | sort -uV | tail -1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: revisitdesk
Version: $VERSION
Architecture: $ARCH
Maintainer: RevisitDesk maintainers <maintainers@example.invalid>
Installed-Size: $SIZE_KB
Depends: libc6 (>= $GLIBC), libfontconfig1, libfreetype6, libx11-6, libx11-xcb1, libxcb1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libegl1, libgl1, libdbus-1-3, libpulse0, fonts-wqy-microhei | fonts-noto-cjk
Recommends: libsane1
Section: office
Priority: optional
Description: RevisitDesk (回访台): phone revisits after real-estate registration
 Calls citizens back after their registration case is done, records Form A,
 follows every dissatisfied answer to its resolution and reports quarterly
 per registration unit. Self-contained: Python and Qt are inside the package.
CONTROL
# What dpkg --verify compares the installed files with (scripts/check-package.sh does).
(cd "$ROOT" && find opt -type f -print0 | sort -z | xargs -0 md5sum) > "$ROOT/DEBIAN/md5sums"
DEB="build/revisitdesk_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$DEB" >/dev/null
echo "package: $DEB ($(du -h "$DEB" | cut -f1)), for glibc $GLIBC or newer"
