#!/usr/bin/env bash
# Does this machine have the Debian packages PanelApp's commands need?
#
#   tools/system-check.sh GROUP...            silent when everything is there; as root,
#                                             installs what is missing with apt-get;
#                                             otherwise says what to run and exits 1
#   tools/system-check.sh --doctor [GROUP...] lists every package of the groups (all
#                                             groups when none are named), present or
#                                             missing; exits 1 when something is missing
#
# The groups and their packages are in tools/debian-packages.txt (PANELAPP_PACKAGE_LIST
# names another file). The interpreter is $PYTHON (python3.11): when Debian's python3.11
# packages are missing, the python group still counts as present if that interpreter
# runs and can bootstrap pip into a virtualenv, wherever it came from (pyenv, a
# python:3.11 image), since that is all `make` asks of it.
# PANELAPP_SKIP_SYSTEM_CHECK=1 skips the check (a machine set up some other way);
# APT_LISTS_DIR is where apt keeps its package lists (/var/lib/apt/lists).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
list=${PANELAPP_PACKAGE_LIST:-$here/debian-packages.txt}
python=${PYTHON:-python3.11}

doctor=0
if [ "${1:-}" = --doctor ]; then
    doctor=1
    shift
fi
if [ "${PANELAPP_SKIP_SYSTEM_CHECK:-}" = 1 ] && [ $doctor = 0 ]; then
    exit 0
fi
[ -r "$list" ] || { echo "system check: cannot read the package list $list" >&2; exit 2; }

known_groups=$(awk '/^@/ {print substr($1, 2)}' "$list")
if [ $# = 0 ]; then
    [ $doctor = 1 ] || { echo "usage: $0 [--doctor] GROUP... (groups: $(echo $known_groups))" >&2; exit 2; }
    # shellcheck disable=SC2086
    set -- $known_groups
fi
asked_python=0
for group in "$@"; do
    grep -qx "$group" <<<"$known_groups" \
        || { echo "system check: no group '$group' in $list (groups: $(echo $known_groups))" >&2; exit 2; }
    [ "$group" = python ] && asked_python=1
done

# "PACKAGE GROUP" for each package of the groups asked for, in the file's order, once.
wanted=$(awk -v groups=" $* " '
    /^[[:space:]]*(#|@|$)/ { next }
    {
        for (i = 2; i <= NF && $i !~ /^#/; i++)
            if (index(groups, " " $i " ")) { if (!seen[$1]++) print $1, $i; next }
    }' "$list")

python_works() {
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
        && "$python" -m ensurepip --version >/dev/null 2>&1
}

if ! command -v dpkg-query >/dev/null 2>&1; then
    # Not Debian: the package names mean nothing here, but the interpreter still matters.
    [ $doctor = 1 ] && echo "no dpkg-query: not a Debian system, so the packages of $list cannot be checked"
    if [ $asked_python = 1 ] && ! python_works; then
        echo "$python is missing, older than 3.11 or cannot make a virtualenv with pip: install Python 3.11 with its venv module" >&2
        exit 1
    fi
    exit 0
fi

# The installed packages among those wanted, in one dpkg-query call ("ii" and the
# like: the second letter of the status is "i").
installed() {
    # shellcheck disable=SC2046
    dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' $(awk '{print $1}' <<<"$wanted") 2>/dev/null \
        | awk 'substr($1, 2, 1) == "i" {print $2}' || true
}

# Sets `present` (installed packages), `python_ok` (1 when the python group is
# satisfied by Debian's packages or by a working interpreter) and `missing`.
survey() {
    present=$(installed)
    local absent
    absent=$(awk 'NR == FNR {have[$1] = 1; next} !($1 in have)' <(printf '%s\n' "$present") - <<<"$wanted")
    python_ok=1
    if [ $asked_python = 1 ] && awk '$2 == "python" {found = 1} END {exit !found}' <<<"$absent"; then
        python_works || python_ok=0
    fi
    if [ $python_ok = 1 ]; then
        absent=$(awk '$2 != "python"' <<<"$absent")
    fi
    missing=$(awk '{print $1}' <<<"$absent" | xargs)
}
survey

if [ $doctor = 1 ]; then
    for group in "$@"; do
        echo "$group: $(awk -v g="@$group" '$1 == g {$1 = ""; sub(/^ +/, ""); print}' "$list")"
        for pkg in $(awk -v g="$group" '$2 == g {print $1}' <<<"$wanted"); do
            if grep -qx "$pkg" <<<"$present"; then
                echo "  present  $pkg"
            elif [ "$group" = python ] && [ $python_ok = 1 ]; then
                echo "  -        $pkg (not needed: $python is $(command -v "$python"), $("$python" --version 2>&1), with venv and pip)"
            else
                echo "  MISSING  $pkg"
            fi
        done
    done
    if [ -n "$missing" ]; then
        echo "missing: install with"
        echo "  sudo apt-get install $missing"
        exit 1
    fi
    echo "nothing is missing"
    exit 0
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "PanelApp needs Debian packages that are not installed ($(sed 's/ /, /g' <<<"$missing")): install them with" >&2
    echo "  sudo apt-get install $missing" >&2
    exit 1
fi

# Root, as in CI or a fresh container: install them. apt-get update first when the
# package lists are empty (a fresh image), and again if an install fails on stale lists.
echo "installing the Debian packages PanelApp needs: $missing"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's and dpkg's chatter goes to the log, shown only when apt-get fails.
apt_get() {
    apt-get -qq "$@" </dev/null >"$log" 2>&1
}
if ! compgen -G "${APT_LISTS_DIR:-/var/lib/apt/lists}/*_Packages*" >/dev/null; then
    apt_get update || { cat "$log" >&2; echo "apt-get update failed" >&2; exit 1; }
fi
# shellcheck disable=SC2086
if ! apt_get install -y --no-install-recommends $missing; then
    # shellcheck disable=SC2086
    apt_get update && apt_get install -y --no-install-recommends $missing \
        || { cat "$log" >&2; echo "apt-get could not install: $missing" >&2; exit 1; }
fi

survey
if [ -n "$missing" ]; then
    echo "apt-get finished, yet these are still not installed: $missing" >&2
    exit 1
fi
if [ $asked_python = 1 ] && ! python_works; then
    echo "Debian's python3.11 packages are installed, yet $python cannot make a virtualenv with pip" >&2
    exit 1
fi
