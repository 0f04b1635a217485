"""tools/system-check.sh, the check `make run`, `make test` and .ci/run start with,
run against a fake dpkg-query, apt-get and id on PATH: silent when all is there, one
sentence and the sudo line for a normal user, apt-get for root."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "tools" / "system-check.sh"
PACKAGE_LIST = REPO / "tools" / "debian-packages.txt"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the check is a bash script")

LIST = """\
# a small list for the tests
@python  Python with venv
@qt      Qt's libraries
@ci      CI only

python3.11        python
python3.11-venv   python
libegl1           qt
fonts-dejavu-core qt   # a comment after the groups
libgl1            qt ci
postgresql        ci
"""

# dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' PKG...: the installed ones as "ii ",
# the others as dpkg says about a package it never heard of. Every call is logged.
FAKE_DPKG_QUERY = r"""#!/bin/sh
[ "$1" = -W ] && [ "${2#-f=}" != "$2" ] || { echo "unexpected dpkg-query $1 $2" >&2; exit 2; }
shift 2
echo "dpkg-query -W $*" >> "$FAKE/calls"
status=0
for p in "$@"; do
    if grep -qx "$p" "$FAKE/installed"; then echo "ii  $p"; else
        echo "dpkg-query: no packages found matching $p" >&2; status=1; fi
done
exit $status
"""
# apt-get update | install -y ... PKG...: installs into the fake's list; FAKE/fail-once
# makes the first install fail, as on stale package lists.
FAKE_APT_GET = r"""#!/bin/sh
echo "apt-get $*" >> "$FAKE/calls"
[ "$1" = -qq ] && [ "$2" = install ] || exit 0
if [ -f "$FAKE/fail-once" ]; then rm "$FAKE/fail-once"; echo "E: Unable to locate package" >&2; exit 100; fi
for a in "$@"; do
    case "$a" in install|-*) ;; *) echo "$a" >> "$FAKE/installed" ;; esac
    [ "$a" = python3.11-venv ] && touch "$FAKE/python-ok"
done
exit 0
"""
FAKE_ID = '#!/bin/sh\n[ "$1" = -u ] && echo "$FAKE_UID"\n'
# An interpreter that works (or not) as $FAKE/python-ok says.
FAKE_PYTHON = ('#!/bin/sh\n[ -f "$FAKE/python-ok" ] && { [ "$1" = --version ] && echo "Python 3.11.9"; exit 0; }\n'
               'exit 1\n')


class Machine:
    """A fake Debian machine: installed packages, apt's lists, who runs the check."""

    def __init__(self, root: Path, uid: int, installed: list[str], package_list: str = LIST):
        self.root = root
        self.bin = root / "bin"
        self.bin.mkdir()
        for name, text in (("dpkg-query", FAKE_DPKG_QUERY), ("apt-get", FAKE_APT_GET), ("id", FAKE_ID),
                           ("fake-python", FAKE_PYTHON)):
            (self.bin / name).write_text(text)
            (self.bin / name).chmod(0o755)
        (root / "installed").write_text("".join(f"{p}\n" for p in installed))
        (root / "calls").write_text("")
        self.lists = root / "apt-lists"
        self.lists.mkdir()
        self.list_file = root / "debian-packages.txt"
        self.list_file.write_text(package_list)
        self.uid = uid

    def run(self, *args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}", "FAKE": str(self.root),
               "FAKE_UID": str(self.uid), "PANELAPP_PACKAGE_LIST": str(self.list_file),
               "APT_LISTS_DIR": str(self.lists), "PYTHON": str(self.bin / "fake-python")}
        env.pop("PANELAPP_SKIP_SYSTEM_CHECK", None)
        return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=60)

    def calls(self) -> list[str]:
        return (self.root / "calls").read_text().splitlines()

    def installed(self) -> list[str]:
        return (self.root / "installed").read_text().split()


ALL = ["python3.11", "python3.11-venv", "libegl1", "fonts-dejavu-core", "libgl1", "postgresql"]


def test_nothing_missing_is_silent_and_asks_dpkg_once(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=ALL)
    done = machine.run("python", "qt")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    calls = machine.calls()
    assert len(calls) == 1 and calls[0].startswith("dpkg-query -W")
    # Each package of the groups once, in the list's order; none of the groups not asked for.
    assert calls[0].split()[2:] == ["python3.11", "python3.11-venv", "libegl1", "fonts-dejavu-core", "libgl1"]


def test_a_normal_user_gets_one_sentence_and_the_sudo_line(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=["python3.11", "python3.11-venv", "libgl1"])
    done = machine.run("python", "qt")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines == [
        "PanelApp needs Debian packages that are not installed (libegl1, fonts-dejavu-core): install them with",
        "  sudo apt-get install libegl1 fonts-dejavu-core",
    ]
    assert not [c for c in machine.calls() if c.startswith("apt-get")]
    assert machine.installed() == ["python3.11", "python3.11-venv", "libgl1"]


def test_root_installs_what_is_missing_after_apt_get_update_on_empty_lists(tmp_path):
    machine = Machine(tmp_path, uid=0, installed=["libgl1"])
    done = machine.run("python", "qt")
    assert done.returncode == 0, done.stderr
    apt = [c for c in machine.calls() if c.startswith("apt-get")]
    assert apt == ["apt-get -qq update",
                   "apt-get -qq install -y --no-install-recommends "
                   "python3.11 python3.11-venv libegl1 fonts-dejavu-core"]
    assert "installing the Debian packages PanelApp needs: python3.11 python3.11-venv libegl1" in done.stdout
    assert set(machine.installed()) == {"libgl1", "python3.11", "python3.11-venv", "libegl1", "fonts-dejavu-core"}
    # Run again: everything is there, so nothing more happens.
    before = len(machine.calls())
    again = machine.run("python", "qt")
    assert again.returncode == 0 and again.stdout == ""
    assert len(machine.calls()) == before + 1


def test_root_with_package_lists_skips_the_update_unless_the_install_fails(tmp_path):
    machine = Machine(tmp_path, uid=0, installed=ALL[:2])
    (machine.lists / "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages").write_text("")
    assert machine.run("qt").returncode == 0
    assert [c.split()[2] for c in machine.calls() if c.startswith("apt-get")] == ["install"]

    (tmp_path / "stale").mkdir()
    stale = Machine(tmp_path / "stale", uid=0, installed=ALL[:2])
    (stale.lists / "x_Packages").write_text("")
    (stale.root / "fail-once").write_text("")
    done = stale.run("qt")
    assert done.returncode == 0, done.stderr
    assert [c.split()[2] for c in stale.calls() if c.startswith("apt-get")] == ["install", "update", "install"]


def test_root_reports_packages_apt_get_did_not_install(tmp_path):
    machine = Machine(tmp_path, uid=0, installed=ALL[:2])
    (machine.lists / "x_Packages").write_text("")
    # An apt-get that claims success and installs nothing.
    (machine.bin / "apt-get").write_text('#!/bin/sh\necho "apt-get $*" >> "$FAKE/calls"\n')
    done = machine.run("qt")
    assert done.returncode == 1
    assert "apt-get finished, yet these are still not installed: libegl1 fonts-dejavu-core libgl1" in done.stderr


def test_a_working_interpreter_outside_dpkg_satisfies_the_python_group(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=["libegl1", "fonts-dejavu-core", "libgl1"])
    (machine.root / "python-ok").write_text("")
    done = machine.run("python", "qt")
    assert done.returncode == 0, done.stderr
    (machine.root / "python-ok").unlink()
    done = machine.run("python", "qt")
    assert done.returncode == 1
    assert "sudo apt-get install python3.11 python3.11-venv" in done.stderr


def test_doctor_lists_every_group_present_and_missing(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=["python3.11", "python3.11-venv", "libgl1"])
    done = machine.run("--doctor")
    assert done.returncode == 1
    out = done.stdout
    assert "qt: Qt's libraries" in out and "ci: CI only" in out
    assert "  present  libgl1" in out and "  MISSING  libegl1" in out and "  MISSING  postgresql" in out
    assert out.rstrip().endswith("sudo apt-get install libegl1 fonts-dejavu-core postgresql")
    assert len([c for c in machine.calls() if c.startswith("dpkg-query")]) == 1

    (tmp_path / "all").mkdir()
    everything = Machine(tmp_path / "all", uid=1000, installed=ALL)
    done = everything.run("--doctor", "qt")
    assert done.returncode == 0 and done.stdout.rstrip().endswith("nothing is missing")
    assert "postgresql" not in done.stdout


def test_an_unknown_group_is_refused_with_the_known_ones(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=ALL)
    done = machine.run("qt", "gui")
    assert done.returncode == 2
    assert "no group 'gui'" in done.stderr and "(groups: python qt ci)" in done.stderr


def test_the_project_list_names_every_group_the_make_targets_and_ci_use(tmp_path):
    machine = Machine(tmp_path, uid=1000, installed=[], package_list=PACKAGE_LIST.read_text())
    done = machine.run("python", "qt", "ci", "build")
    assert done.returncode == 1, done.stderr
    sudo = done.stderr.splitlines()[-1].split()
    assert sudo[:3] == ["sudo", "apt-get", "install"]
    for package in ("python3.11", "python3.11-venv", "libegl1", "libxkbcommon-x11-0", "libxcb-cursor0",
                    "fonts-dejavu-core", "postgresql", "binutils"):
        assert package in sudo[3:]
    assert len(sudo[3:]) == len(set(sudo[3:]))


def test_make_and_ci_check_the_system_first_from_the_one_list(tmp_path):
    ci = (REPO / ".ci" / "run").read_text()
    assert "tools/system-check.sh python qt ci build" in ci
    assert "libegl1" not in ci  # the list lives in tools/debian-packages.txt only
    assert ci.index("make test") < ci.index("make installer") < ci.index("installer/smoke.sh --bundle")
    if shutil.which("make") is None:
        pytest.skip("no make")
    for target, groups in (("test", "python qt"), ("run", "python qt"), ("test-core", "python")):
        plan = subprocess.run(["make", "-n", "-C", str(REPO), target, f"VENV={tmp_path / 'venv'}"],
                              capture_output=True, text=True, timeout=60).stdout.splitlines()
        check = next(n for n, line in enumerate(plan) if f"tools/system-check.sh {groups}" in line)
        venv = next(n for n, line in enumerate(plan) if "-m venv" in line)
        assert check < venv, plan
