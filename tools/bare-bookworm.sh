#!/usr/bin/env bash
# The README's promise on a bare Debian 12: in a fresh `debootstrap --variant=minbase
# bookworm` chroot (no Python, no Qt libraries, empty apt lists, like a debian:bookworm
# image), with only `make` added,
#   1. a normal user's `make test` stops with one sentence and the sudo apt-get line;
#   2. root's `make test` installs what is missing (apt-get update first), builds .venv
#      from PyPI and runs the tests named by PYTEST_ARGS (default: a core and a UI file);
#   3. every Qt library and platform plugin PanelApp uses finds what it links (ldd), so
#      tools/debian-packages.txt is complete for the desktop too;
#   4. `make doctor` then says nothing is missing.
# Needs root, debootstrap and the network (Debian's mirror, PyPI); takes minutes.
#
#   tools/bare-bookworm.sh [CHROOT_DIR]    default /tmp/panelapp-bookworm (kept for a rerun)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
pristine=${1:-/tmp/panelapp-bookworm}
root=$pristine.run
tests=${PYTEST_ARGS:-tests/core/test_headless.py tests/ui/test_app.py}

[ "$(id -u)" = 0 ] || { echo "bare-bookworm.sh: needs root (chroot, debootstrap)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "bare-bookworm.sh: apt-get install debootstrap" >&2; exit 1; }

if [ ! -f "$pristine/etc/debian_version" ]; then
    echo "== debootstrap minbase bookworm into $pristine"
    debootstrap --variant=minbase bookworm "$pristine" http://deb.debian.org/debian >/dev/null
fi
umount_all() {
    for m in dev/pts dev proc sys; do umount "$root/$m" 2>/dev/null || true; done
}
umount_all
rm -rf "$root"
cp -a "$pristine" "$root"
trap umount_all EXIT
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# This machine's way out to the network, as any new machine on it would be set up:
# its extra certificate authorities (taken in when ca-certificates is installed) and pip's
# configuration.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
fi
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
in_root() { chroot "$root" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
                HOME=/root LANG=C.UTF-8 "$@"; }

echo "== the newcomer's tools: make (then apt's lists emptied, as in a debian:bookworm image)"
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends make >/dev/null
in_root sh -c 'rm -f /var/lib/apt/lists/*_Packages* /var/lib/apt/lists/*Release*'
in_root useradd -m newcomer
mkdir -p "$root/home/newcomer/panelapp"
git -C "$repo" ls-files -z | (cd "$repo" && tar --null -T - -cf -) | tar -xf - -C "$root/home/newcomer/panelapp"
in_root chown -R newcomer: /home/newcomer/panelapp
as_newcomer() { in_root su newcomer -s /bin/sh -c "cd ~/panelapp && $1"; }

echo "== 1. make test as a normal user"
if out=$(as_newcomer "make test" 2>&1); then
    echo "$out"; echo "FAILED: make test passed on a bare machine without root" >&2; exit 1
fi
echo "$out"
grep -q "sudo apt-get install .*python3.11-venv.*libegl1" <<<"$out" \
    || { echo "FAILED: no 'sudo apt-get install ...' line" >&2; exit 1; }
as_newcomer "make doctor" | tail -4

echo "== 2. make test as root: installs, sets up .venv, runs $tests"
start=$(date +%s)
in_root sh -c "cd /home/newcomer/panelapp && make test PYTEST_ARGS='$tests -q -p no:cacheprovider'"
echo "   root's make test: $(( $(date +%s) - start )) s"

echo "== 3. ldd: every Qt library and platform plugin PanelApp uses finds the system libraries it links"
missing=$(in_root sh -c 'cd /home/newcomer/panelapp/.venv/lib/python3.11/site-packages/PySide6 && \
    for f in Qt/lib/libQt6Core.so.6 Qt/lib/libQt6Gui.so.6 Qt/lib/libQt6Widgets.so.6 Qt/lib/libQt6Svg.so.6 \
             Qt/lib/libQt6Charts.so.6 Qt/lib/libQt6OpenGL.so.6 Qt/lib/libQt6OpenGLWidgets.so.6 \
             Qt/lib/libQt6DBus.so.6 Qt/lib/libQt6Network.so.6 Qt/lib/libQt6XcbQpa.so.6 \
             Qt/lib/libQt6WaylandClient.so.6 Qt/plugins/platforms/*.so Qt/plugins/xcbglintegrations/*.so \
             Qt/plugins/imageformats/*.so Qt/plugins/iconengines/*.so Qt/plugins/platformthemes/libqxdgdesktopportal.so \
             QtCore*.so QtGui*.so QtWidgets*.so QtSvg*.so QtCharts*.so; do
        LD_LIBRARY_PATH=Qt/lib ldd "$f" | awk -v f="$f" "/not found/ {print f \": \" \$1}"
    done' | sort -u | grep -v ': libQt6' || true)
# A Qt library the wheels themselves lack (the PDF image plugin's libQt6Pdf) is no
# Debian package's business; PanelApp draws PDFs with PDFium.
if [ -n "$missing" ]; then
    echo "$missing"; echo "FAILED: libraries above are missing with tools/debian-packages.txt installed" >&2; exit 1
fi
echo "   nothing missing"

echo "== 4. make doctor"
as_newcomer "make doctor" | tail -4
echo; echo "bare bookworm: make test explained itself to a user, installed and passed as root"
