#!/usr/bin/env bash
# Wrap the PyInstaller bundle (dist/panelapp) in a Debian package:
#   /opt/panelapp/                       the bundle, as built
#   /usr/bin/panelapp, panelapp-desk     symlinks into it
#   /usr/share/applications/panelapp.desktop, and the icon in the hicolor theme
# and write dist/panelapp_<version>_<arch>.deb. Run from anywhere; `make installer`
# builds the bundle first.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle=dist/panelapp
if [ ! -x "$bundle/panelapp" ] || [ ! -x "$bundle/panelapp-desk" ]; then
    echo "build_deb.sh: no bundle in $bundle: build it first with 'make installer'" >&2
    exit 1
fi
command -v dpkg-deb >/dev/null || { echo "build_deb.sh: dpkg-deb not found (apt-get install dpkg)" >&2; exit 1; }

# The version the bundle itself reports, so the package can never disagree with it.
version=$("$bundle/panelapp" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
maintainer=${PANELAPP_DEB_MAINTAINER:-"PanelApp developers <panelapp@example.invalid>"}

# The newest glibc symbol any bundled binary asks for is the oldest libc6 it runs on.
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
        | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' \
        | sort -uV | tail -1)
[ -n "$glibc" ] || glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')

# What the bundle leaves to the system: SYSTEM_LIBS in installer/panelapp.spec, the
# libraries PyInstaller never bundles (libxcb, the OpenGL/EGL loaders, Wayland's
# client libraries), and the two xcb helpers Qt's X11 plugin links that the build
# machine may lack. installer/smoke.sh checks, once installed, that nothing is missing.
depends="libc6 (>= $glibc), libstdc++6, libgcc-s1, libegl1, libgl1, libxcb1, libxkbcommon0,\
 libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libxcb-cursor0, libxcb-icccm4,\
 libxcb-keysyms1, libwayland-client0, libwayland-cursor0, libwayland-egl1"

stage=build/deb/panelapp_${version}_${arch}
rm -rf "$stage"
[ -f "$bundle/licences/README.txt" ] \
    || { echo "build_deb.sh: $bundle/licences is missing: run installer/collect_licences.sh" >&2; exit 1; }
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/icons/hicolor/256x256/apps" \
         "$stage/usr/share/doc/panelapp"
cp -a "$bundle" "$stage/opt/panelapp"
ln -s /opt/panelapp/panelapp "$stage/usr/bin/panelapp"
ln -s /opt/panelapp/panelapp-desk "$stage/usr/bin/panelapp-desk"
install -m 0644 installer/linux/panelapp.desktop "$stage/usr/share/applications/panelapp.desktop"
# The app's own icon, as the UI draws it in the window title.
install -m 0644 resources/icons/panelapp.svg "$stage/usr/share/icons/hicolor/scalable/apps/panelapp.svg"
install -m 0644 installer/linux/panelapp.png "$stage/usr/share/icons/hicolor/256x256/apps/panelapp.png"
# Licence notices where Debian looks for them: the machine-readable copyright file,
# written by the bundle itself from what it carries, and the texts beside it.
cp -a "$bundle/licences" "$stage/usr/share/doc/panelapp/licences"
"$bundle/panelapp" licences --debian-copyright "$stage/usr/share/doc/panelapp/copyright" \
    --install-root /opt/panelapp --notices /usr/share/doc/panelapp/licences >/dev/null
chmod -R u+rwX,go+rX,go-w "$stage"

cat > "$stage/DEBIAN/control" <<CONTROL
Package: panelapp
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Description: adoption panel records for English adoption agencies
 PanelApp keeps an adoption panel's meetings, agendas, minutes, the agency
 decision maker's decisions and the panel's statistics. It carries its own
 Python runtime and Qt; the store is one SQLite file in the user's data
 folder, or a PostgreSQL database.
 .
 panelapp-desk is the desktop application; panelapp is the command line.
CONTROL

mkdir -p dist
deb=dist/panelapp_${version}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "wrote $deb ($(du -h "$deb" | cut -f1), installs $(du -sh --exclude=DEBIAN "$stage" | cut -f1))"
