#!/usr/bin/env bash
# Smoke check of what `make installer` built: the bundle in dist/panelapp, then the
# Debian package installed on this machine and removed again. Needs root (dpkg -i);
# installs the package's missing Depends with apt-get. Not part of `make test`.
#
#   bash installer/smoke.sh            bundle and package
#   bash installer/smoke.sh --bundle   the bundle only (no root, nothing installed)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

bundle=$repo/dist/panelapp
fixture=$repo/tests/fixtures/northshire.json
expected=$repo/tests/fixtures/northshire-fy2024.expected.json
work=$(mktemp -d /tmp/panelapp-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
timed() {  # timed LABEL CMD...: run, print how long it took
    local label=$1 start end; shift
    start=$(date +%s%N)
    "$@" || fail "$label (exit $?)"
    end=$(date +%s%N)
    awk -v l="$label" -v ns=$((end - start)) 'BEGIN {printf "   %s: %.2f s\n", l, ns / 1e9}'
}

# Every ELF file under $1 must find every library it links, in the bundle or on the
# system; prints the ones that do not.
check_libraries() {
    local root=$1 missing
    missing=$(find "$root" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
        | while IFS= read -r -d '' f; do
            [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
            LD_LIBRARY_PATH=$root/_internal:$root/_internal/PySide6/Qt/lib ldd "$f" 2>/dev/null \
                | awk -v f="${f#"$root"/}" '/not found/ {print "   " f ": " $1}' | sort -u
          done)
    if [ -n "$missing" ]; then
        echo "$missing"
        return 1
    fi
}

# The desktop app on a real (virtual) X11 display, through Qt's xcb plugin and the
# system libraries the package Depends on: a PanelApp window must appear.
x11_window() {
    local desk=$1 db=$2
    if ! command -v xvfb-run >/dev/null || ! command -v xwininfo >/dev/null; then
        echo "   skipped the X11 window check (apt-get install xvfb xauth x11-utils to run it)"
        return 0
    fi
    xvfb-run -a sh -c '
        "$1" --db "$2" & app=$!
        for _ in $(seq 1 30); do
            sleep 1
            kill -0 $app 2>/dev/null || { echo "the desktop app exited under X11"; exit 1; }
            if xwininfo -root -tree | grep -qi panelapp; then
                xwininfo -root -tree | grep -i panelapp | head -3
                kill $app; wait $app 2>/dev/null; exit 0
            fi
        done
        kill $app; echo "no PanelApp window appeared within 30 s"; exit 1' _ "$desk" "$db"
}

# The whole tour, with the command line at $1 and the desktop app at $2.
exercise() {
    local cli=$1 desk=$2 db=$work/$3.sqlite shots=$work/$3-shots
    "$cli" --version | grep -qx "panelapp [0-9][0-9.]*" || fail "$cli --version"
    "$cli" --version
    timed "init (migrations from disk)" "$cli" --db "$db" init --agency Test
    timed "import northshire.json" "$cli" --db "$db" import "$fixture"
    timed "minutes P20240808" "$cli" --db "$db" minutes P20240808 --out "$work/m.pdf"
    head -c 5 "$work/m.pdf" | grep -q '%PDF-' || fail "minutes: $work/m.pdf is not a PDF"
    grep -aq 'DejaVuSans' "$work/m.pdf" || fail "minutes: the DejaVu font from resources/fonts is not embedded"
    # Working days count bank holidays: this compares the holidays data in the bundle too.
    timed "stats --year 2024 --json" sh -c '"$1" --db "$2" stats --year 2024 --json > "$3"' _ \
        "$cli" "$db" "$work/stats.json"
    python3 - "$work/stats.json" "$expected" <<'PY' || fail "stats differ from $expected"
import json, sys
got, want = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
rows = lambda d: sorted(json.dumps(r, sort_keys=True) for r in d["panel"].pop("attendance", []))
assert rows(got) == rows(want), "panel.attendance"
assert got == want, "figures"
print("   stats equal the expected figures of", sys.argv[2].rsplit("/", 1)[-1])
PY
    timed "stats --xlsx (openpyxl)" "$cli" --db "$db" stats --year 2024 --xlsx "$work/stats.xlsx"
    printf 'Smoke-test-passphrase-1\n' | timed "user add (argon2)" "$cli" --db "$db" user add \
        admin --name "Smoke Admin" --role admin --password-stdin
    # Once a store has accounts, every command that shows records signs in.
    timed "export --seal (cryptography)" env PANELAPP_PASSPHRASE=smoke-test-passphrase \
        PANELAPP_PASSWORD=Smoke-test-passphrase-1 "$cli" --db "$db" export --seal "$work/sealed.json" --as admin
    timed "audit verify" env PANELAPP_PASSWORD=Smoke-test-passphrase-1 "$cli" --db "$db" audit verify --as admin
    "$desk" --version | grep -qx "panelapp-desk [0-9][0-9.]*" || fail "$desk --version"
    timed "desktop --screenshots (offscreen)" env QT_QPA_PLATFORM=offscreen \
        timeout 300 "$desk" --db "$db" --screenshots "$shots"
    local count
    count=$(find "$shots" -name '*.png' | wc -l)
    [ "$count" -gt 0 ] || fail "the desktop app wrote no screenshots into $shots"
    echo "   desktop app drew $count screenshots"
}

step "bundle: $bundle"
[ -x "$bundle/panelapp" ] && [ -x "$bundle/panelapp-desk" ] || fail "no bundle: run 'make installer' first"
for data in resources/fonts/DejaVuSans.ttf resources/icons/panelapp.svg resources/styles/panelapp.qss \
            panelapp/migrations/env.py panelapp/migrations/script.py.mako; do
    [ -f "$bundle/_internal/$data" ] || fail "the bundle lacks _internal/$data"
done
ls "$bundle"/_internal/panelapp/migrations/versions/*.py >/dev/null 2>&1 || fail "the bundle lacks the migration versions"
ls "$bundle"/_internal/pypdfium2_raw/libpdfium* >/dev/null 2>&1 || fail "the bundle lacks pypdfium2's PDFium"
echo "   size: $(du -sh "$bundle" | cut -f1)"
exercise "$bundle/panelapp" "$bundle/panelapp-desk" bundle

if [ "${1:-}" = "--bundle" ]; then
    echo; echo "smoke check of the bundle passed"
    exit 0
fi

step "Debian package"
[ "$(id -u)" = 0 ] || fail "installing the package needs root (or run with --bundle)"
deb=$(ls -t "$repo"/dist/panelapp_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no dist/panelapp_*.deb: run 'make installer' first"
echo "   $deb ($(du -h "$deb" | cut -f1))"
if dpkg -s panelapp >/dev/null 2>&1; then
    fail "panelapp is installed already; remove it first (dpkg -r panelapp)"
fi
# dpkg -i does not fetch dependencies; bring in the missing ones first.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g'); do
    dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "   installing the package's missing Depends: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
             --no-install-recommends "${missing[@]}" >/dev/null; } || fail "apt-get install ${missing[*]}"
fi
timed "dpkg -i" dpkg -i "$deb"
trap 'dpkg -r panelapp >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ -L /usr/bin/panelapp ] && [ -L /usr/bin/panelapp-desk ] || fail "the /usr/bin symlinks are missing"
[ -f /usr/share/applications/panelapp.desktop ] || fail "the .desktop file is missing"
[ -f /usr/share/icons/hicolor/scalable/apps/panelapp.svg ] || fail "the icon is missing"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/panelapp.desktop || fail "desktop-file-validate"
fi
check_libraries /opt/panelapp || fail "libraries above are missing with the package's Depends installed"
echo "   every bundled library finds what it links"
/usr/bin/panelapp --version
# Through the /usr/bin symlinks: the bundle must find its resources from the real path.
exercise /usr/bin/panelapp /usr/bin/panelapp-desk installed
timed "desktop window under Xvfb (xcb)" x11_window /usr/bin/panelapp-desk "$work/installed.sqlite"
timed "dpkg -r" dpkg -r panelapp
trap 'rm -rf "$work"' EXIT
[ ! -e /usr/bin/panelapp ] && [ ! -e /opt/panelapp/panelapp ] || fail "dpkg -r left files behind"

echo; echo "smoke check of the bundle and the Debian package passed"
