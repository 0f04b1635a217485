"""``panelapp self-test`` and ``panelapp licences``: is this installation whole, and
what does it ship that others wrote."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import PanelAppError


def register(sub) -> None:
    p = sub.add_parser(
        "self-test", help="check this installation in a temporary store",
        description="Run every migration in a temporary store, import the Northshire fixture, write "
                    "a meeting's minutes as a PDF and check the year's statistics equal the expected "
                    "figures. Touches no store of yours; exits 0 when every step passed.")
    p.set_defaults(func=run_self_test)
    p = sub.add_parser(
        "licences", help="the components PanelApp ships, their versions and licences",
        description="List each component PanelApp ships (the Python runtime, Qt, the fonts and every "
                    "Python package) with its version and licence; or copy their licence texts.")
    p.add_argument("--write", metavar="FOLDER", type=Path,
                   help="copy every component's licence texts into FOLDER, with an index")
    p.add_argument("--debian-copyright", metavar="FILE", type=Path,
                   help="write a Debian machine-readable copyright file for the bundle installed at "
                        "--install-root, with the texts at --notices")
    p.add_argument("--install-root", default="/opt/panelapp", help=argparse.SUPPRESS)
    p.add_argument("--notices", default="/usr/share/doc/panelapp/licences", help=argparse.SUPPRESS)
    p.set_defaults(func=run_licences)


def run_self_test(args) -> int:
    from ..selftest import report_self_test
    return 0 if report_self_test(print) else 1


def run_licences(args) -> int:
    from ..licences import components, debian_copyright, write_notices
    if args.write is None and args.debian_copyright is None:
        for component in components():
            print(f"{component.name:<24} {component.version:<14} {component.licence}")
        return 0
    if args.write is not None:
        if args.write.exists() and not args.write.is_dir():
            raise PanelAppError(f"{args.write} is a file: --write needs a folder")
        written = write_notices(args.write)
        print(f"wrote {len(written)} files into {args.write}")
    if args.debian_copyright is not None:
        args.debian_copyright.write_text(debian_copyright(args.install_root, args.notices), encoding="utf-8")
        print(f"wrote {args.debian_copyright}")
    return 0
