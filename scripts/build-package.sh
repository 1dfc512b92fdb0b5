#!/usr/bin/env bash
# Builds the self-contained RevisitDesk (PyInstaller, packaging/revisitdesk.spec) into
# build/dist/revisitdesk/, and on Debian-family systems the package
# build/revisitdesk_<version>_amd64.deb laid out for UOS/Kylin: /opt/apps/<appid>/files (the
# program), entries/applications/<appid>.desktop, info, and /usr/bin/revisitdesk. No maintainer
# scripts: installing and removing the package changes nothing else on the system.
set -euo pipefail
cd "$(dirname "$0")/.."
APPID=cn.gov.revisitdesk
scripts/setup.sh >/dev/null
.venv/bin/python -m pip install -q -c constraints.txt -e ".[package]"
VERSION=$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

rm -rf build/dist build/work
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/revisitdesk.spec
echo "frozen build: $(( $(date +%s) - start )) s, $(du -sh build/dist/revisitdesk | cut -f1)"

command -v dpkg-deb >/dev/null || { echo "no dpkg-deb here: the folder build/dist/revisitdesk is the build"; exit 0; }
ROOT=build/deb
rm -rf "$ROOT"
APP="$ROOT/opt/apps/$APPID"
mkdir -p "$APP/files" "$APP/entries/applications" "$ROOT/usr/bin" "$ROOT/DEBIAN" \
  "$ROOT/usr/share/applications"
cp -a build/dist/revisitdesk/. "$APP/files/"
ln -s "/opt/apps/$APPID/files/revisitdesk" "$ROOT/usr/bin/revisitdesk"
# UOS reads the menu entry from entries/; other desktops from /usr/share/applications.
ln -s "/opt/apps/$APPID/entries/applications/$APPID.desktop" \
  "$ROOT/usr/share/applications/$APPID.desktop"
cat > "$APP/entries/applications/$APPID.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=RevisitDesk
Name[zh_CN]=回访台
Comment=Phone revisits of real-estate registration cases
Comment[zh_CN]=不动产登记办件回访、差评整改与季度统计
Exec=/opt/apps/$APPID/files/revisitdesk
Terminal=false
Categories=Office;
DESKTOP
cat > "$APP/info" <<INFO
{
  "appid": "$APPID",
  "name": "RevisitDesk 回访台",
  "version": "$VERSION",
  "arch": ["amd64"],
  "permissions": {"autostart": false, "notification": false, "trayicon": false,
                  "clipboard": true, "account": false, "bluetooth": false, "camera": false,
                  "audio_record": false, "installed_apps": false}
}
INFO
SIZE_KB=$(du -sk "$ROOT/opt" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: revisitdesk
Version: $VERSION
Architecture: amd64
Maintainer: RevisitDesk maintainers <maintainers@example.invalid>
Installed-Size: $SIZE_KB
Depends: libc6 (>= 2.28), libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xkb1, libegl1, libgl1, libdbus-1-3, fonts-wqy-microhei | fonts-noto-cjk
Recommends: libsane1
Section: office
Priority: optional
Description: RevisitDesk (回访台): phone revisits after real-estate registration
 Calls citizens back after their registration case is done, records Form A,
 follows every dissatisfied answer to its resolution and reports quarterly
 per registration unit. Self-contained: Python and Qt are inside the package.
CONTROL
DEB="build/revisitdesk_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$DEB" >/dev/null
echo "package: $DEB ($(du -h "$DEB" | cut -f1))"
