"""What PanelApp ships that others wrote: each component, its version, its licence
and the licence texts, for Help > About, ``panelapp licences`` and the installers.

The Python packages are PanelApp's own requirements followed transitively through the
installed distributions' metadata (the frozen bundle carries that metadata, so it
reports what it really holds). Three components are not Python packages: the Python
runtime, Qt inside the PySide6 wheels (whose wheels carry no licence text, so the
LGPL and GPL texts ship in resources/licences), and the DejaVu fonts.
"""

from __future__ import annotations

import platform
import re
import struct
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from .paths import resources_dir

# Extras of PanelApp that the installers carry when the build environment has them.
SHIPPED_EXTRAS = {"postgres"}
# Files in a distribution's metadata folder that are licence texts.
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
QT_LICENCE = "LGPL-3.0-only"


@dataclass(frozen=True)
class Component:
    """One thing PanelApp ships: ``texts`` are the files that carry its licence."""

    name: str
    version: str
    licence: str
    kind: str
    texts: tuple[Path, ...] = field(default=())
    modules: tuple[str, ...] = field(default=())


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(dist: metadata.Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """The distributions ``dist`` needs with ``extras`` chosen, each with its own extras."""
    needed = []
    for line in dist.requires or []:
        requirement, _, marker = line.partition(";")
        extra = EXTRA_MARKER.search(marker)
        if extra and extra.group(1) not in extras:
            continue
        found = REQUIREMENT.match(requirement)
        if found:
            wanted = {part.strip() for part in (found.group(2) or "").split(",") if part.strip()}
            needed.append((found.group(1), wanted))
    return needed


def shipped_distributions(root: str = "panelapp") -> list[metadata.Distribution]:
    """PanelApp's installed requirements, transitively, sorted by name; a requirement
    that is not installed (a marker for another platform) is not shipped."""
    seen: dict[str, metadata.Distribution] = {}
    queue: list[tuple[str, set[str]]] = [(root, set(SHIPPED_EXTRAS))]
    while queue:
        name, extras = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _normal(dist.metadata["Name"])
        first = key not in seen
        seen[key] = dist
        if first or extras:
            queue.extend(_requirements(dist, extras))
    seen.pop(_normal(root), None)
    return sorted(seen.values(), key=lambda d: _normal(d.metadata["Name"]))


def licence_name(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, else its classifiers,
    else the first line of its free-text licence field."""
    meta = dist.metadata
    expression = (meta.get_all("License-Expression") or [""])[0]
    if expression:
        return str(expression)
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.count("::") >= 2]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    text = str((meta.get_all("License") or [""])[0]).strip().splitlines()
    if text and len(text[0]) <= 80:
        return text[0]
    return "see the licence text"


def licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    """The licence texts inside a distribution's metadata folder that exist on disk."""
    found = []
    for entry in dist.files or []:
        parts = entry.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if "licenses" in parts[1:-1] or LICENCE_FILE.match(parts[-1]):
            path = Path(str(dist.locate_file(entry)))
            if path.is_file():
                found.append(path)
    return tuple(sorted(found))


def top_level_modules(dist: metadata.Distribution) -> tuple[str, ...]:
    """The importable names a distribution installs (for the Debian copyright file)."""
    tops = set()
    for entry in dist.files or []:
        first = entry.parts[0] if entry.parts else ""
        if first and not first.endswith((".dist-info", ".data", ".pth")) and first not in ("..", "__pycache__"):
            tops.add(first.removesuffix(".py"))
    return tuple(sorted(tops))


def _qt_texts() -> tuple[Path, ...]:
    folder = resources_dir() / "licences"
    return tuple(p for p in (folder / "LGPL-3.0.txt", folder / "GPL-3.0.txt") if p.is_file())


def python_licence_file() -> Path | None:
    """CPython's LICENSE.txt: in the standard library folder, in the frozen bundle
    where the spec puts it, or Debian's copyright file for its python3.11."""
    candidates = [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "python" / "LICENSE.txt")
    minor = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates.append(Path(f"/usr/share/doc/python{minor}/copyright"))
    return next((p for p in candidates if p.is_file()), None)


def font_version(path: Path) -> str:
    """The version a TrueType font states in its name table (name 5), without "Version"."""
    data = path.read_bytes()
    tables = struct.unpack(">H", data[4:6])[0]
    for n in range(tables):
        tag, _sum, offset, _length = struct.unpack(">4sLLL", data[12 + 16 * n:28 + 16 * n])
        if tag != b"name":
            continue
        _fmt, count, strings = struct.unpack(">HHH", data[offset:offset + 6])
        for r in range(count):
            platform_id, _enc, _lang, name_id, length, start = struct.unpack(
                ">HHHHHH", data[offset + 6 + 12 * r:offset + 18 + 12 * r])
            if name_id == 5:
                raw = data[offset + strings + start:offset + strings + start + length]
                text = raw.decode("utf-16-be" if platform_id in (0, 3) else "latin-1")
                return text.removeprefix("Version").strip()
    return "unknown"


def components() -> list[Component]:
    """Everything PanelApp ships, PanelApp first, then the runtime, Qt, the fonts and
    every Python package, by name."""
    found = [Component("PanelApp", __version__, "Proprietary", "this application")]
    python_text = python_licence_file()
    found.append(Component("Python", platform.python_version(), "PSF-2.0", "runtime",
                           (python_text,) if python_text else ()))
    dists = shipped_distributions()
    pyside = next((d for d in dists if _normal(d.metadata["Name"]) == "pyside6-essentials"), None)
    if pyside is not None:
        found.append(Component("Qt", pyside.version, QT_LICENCE, "toolkit, inside the PySide6 wheels",
                               _qt_texts(), ("PySide6/Qt",)))
    fonts = resources_dir() / "fonts"
    regular = fonts / "DejaVuSans.ttf"
    if regular.is_file():
        found.append(Component("DejaVu Sans fonts", font_version(regular), "Bitstream-Vera AND public domain",
                               "fonts", tuple(p for p in (fonts / "LICENSE",) if p.is_file()),
                               ("resources/fonts",)))
    for dist in dists:
        texts = licence_files(dist)
        name = licence_name(dist)
        if not texts and "LGPL" in name:
            # The PySide6 and shiboken6 wheels name the LGPL but carry no text.
            texts, name = _qt_texts(), f"{QT_LICENCE} (chosen from {name})"
        found.append(Component(dist.metadata["Name"], dist.version, name, "Python package", texts,
                               top_level_modules(dist)))
    return found


def folder_name(component: Component) -> str:
    return re.sub(r"[^A-Za-z0-9.+-]+", "-", f"{component.name}-{component.version}")


def write_notices(folder: Path) -> list[Path]:
    """Copy every component's licence texts into ``folder``/<name>-<version>/, with
    an index, README.txt; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    lines = ["Components shipped with PanelApp, their versions and licences.",
             "Each folder here holds the licence texts of one component.", ""]
    for component in components():
        lines.append(f"{component.name} {component.version}: {component.licence} ({component.kind})")
        if not component.texts:
            continue
        target = folder / folder_name(component)
        target.mkdir(exist_ok=True)
        used: set[str] = set()
        for text in component.texts:
            name = text.name if text.name not in used else f"{text.parent.name}-{text.name}"
            used.add(name)
            (target / name).write_bytes(text.read_bytes())
            written.append(target / name)
            lines.append(f"    {folder_name(component)}/{name}")
    index = folder / "README.txt"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [index, *written]


def debian_copyright(install_root: str, notices: str) -> str:
    """/usr/share/doc/<package>/copyright in Debian's machine-readable format, for a
    bundle installed at ``install_root`` whose licence texts are under ``notices``."""
    internal = f"{install_root.strip('/')}/_internal"
    paragraphs = ["Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                  "Upstream-Name: PanelApp\n"
                  f"Comment: PanelApp bundles its own Python runtime, Qt and Python packages.\n"
                  f" Each component's licence texts are in {notices}/<component>-<version>/; the\n"
                  f" copyright files of the Debian packages whose libraries the bundle carries are in\n"
                  f" {notices}/system/.",
                  "Files: *\nCopyright: PanelApp developers\nLicense: Proprietary\n"
                  " PanelApp itself is not free software; see the terms it was supplied under."]
    for component in components()[1:]:
        if component.name == "Python":
            files = [f"{internal}/libpython*", f"{internal}/base_library.zip", f"{internal}/python/*"]
        else:
            files = [f"{internal}/{module}/*" for module in component.modules] or [f"{internal}/*"]
        where = f"{notices}/{folder_name(component)}/" if component.texts else "the component's project"
        paragraphs.append(
            f"Files: {' '.join(files)}\n"
            f"Copyright: the authors of {component.name} {component.version}\n"
            f"License: {component.licence}\n"
            f" The full text is in {where}.")
    return "\n\n".join(paragraphs) + "\n"
