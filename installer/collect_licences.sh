#!/usr/bin/env bash
# Put the licence texts of everything the bundle ships into dist/panelapp/licences:
#   - every component the frozen app itself reports (`panelapp licences --write`: the
#     Python runtime, Qt, the DejaVu fonts and each Python distribution, read from the
#     metadata the spec bundles, so the list is what the bundle really holds);
#   - on a Debian build machine, the copyright file of each Debian package that a
#     library PyInstaller copied from the system came from (licences/system/).
# `make installer` runs it after PyInstaller; build_deb.sh ships the folder as
# /usr/share/doc/panelapp/licences.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=dist/panelapp
out=$bundle/licences
[ -x "$bundle/panelapp" ] || { echo "collect_licences.sh: no bundle in $bundle: run 'make installer'" >&2; exit 1; }
rm -rf "$out"
"$bundle/panelapp" licences --write "$out" >/dev/null

if command -v dpkg-query >/dev/null 2>&1; then
    # A library the wheels brought is named in their RECORD files; the others came from
    # the build machine: the Debian package that holds the very same file is its source
    # (a library of the same name from elsewhere, such as pyenv's libpython, is not).
    site=$(PYTHONNOUSERSITE=1 "${PY:-.venv/bin/python}" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    packages=$(find "$bundle/_internal" -maxdepth 1 -name '*.so*' -printf '%f\n' | sort -u | while read -r lib; do
        grep -qsF -e "/$lib," "$site"/*.dist-info/RECORD && continue
        grep -qs "^${lib//./\\.}," "$site"/*.dist-info/RECORD && continue
        # "package[:arch][, other]: /path", one a line
        dpkg-query -S "*/$lib" 2>/dev/null | sed 's/: /\t/' | while IFS=$'\t' read -r pkg path; do
            pkg=${pkg%%,*}
            cmp -s "$path" "$bundle/_internal/$lib" && { echo "${pkg%%:*}"; break; }
        done
    done | sort -u)
    mkdir -p "$out/system"
    for pkg in $packages; do
        [ -f "/usr/share/doc/$pkg/copyright" ] && cp "/usr/share/doc/$pkg/copyright" "$out/system/$pkg.copyright"
    done
    echo "Debian packages whose libraries the bundle carries (their copyright files are here):" > "$out/system/README.txt"
    for pkg in $packages; do
        echo "$pkg $(dpkg-query -W -f='${Version}' "$pkg")" >> "$out/system/README.txt"
    done
fi
echo "licence texts of $(find "$out" -mindepth 1 -maxdepth 1 -type d | wc -l) components in $out" \
     "($(find "$out/system" -name '*.copyright' 2>/dev/null | wc -l) system packages)"
