"""``python3 packaging/build.py``: the one-folder program in ``dist/deadline-reminder/`` and,
on Linux, ``dist/deadline-reminder_<version>_<arch>.deb``.

Needs the build tools (``python3 -m pip install -e ".[packaging]"``) and, for the .deb,
``dpkg-deb``, ``readelf`` and ``objdump`` (Debian's dpkg and binutils). The Windows
installer is made from the same folder by ``packaging/windows/deadline-reminder.iss``
(see README, "Building the installers").
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import project


def build_folder() -> Path:
    """Run PyInstaller on the spec; the folder it made."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit(
            'PyInstaller is missing: python3 -m pip install -e ".[packaging]"'
        ) from None
    folder = project.DIST / project.NAME
    shutil.rmtree(folder, ignore_errors=True)
    pyinstaller.run(
        [
            str(project.PACKAGING / f"{project.NAME}.spec"),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={project.DIST}",
            f"--workpath={project.BUILD / 'pyinstaller'}",
        ]
    )
    return folder


def check(folder: Path) -> None:
    """The build answers ``--version`` with the project's version (a broken one stops here);
    on Windows the console executable answers (the windowed one has no output)."""
    exe = folder / (project.NAME + ("-cli.exe" if sys.platform == "win32" else ""))
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    if project.version() not in out.stdout:
        raise SystemExit(f"{exe} --version said {out.stdout!r} {out.stderr!r}")


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="only the one-folder program")
    args = parser.parse_args(argv)
    started = time.monotonic()
    folder = build_folder()
    check(folder)
    print(f"{folder}: {size(folder) / 1e6:.1f} MB ({time.monotonic() - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_deb:
        from deb import build_deb

        deb = build_deb(folder, project.DIST)
        print(f"{deb}: {deb.stat().st_size / 1e6:.1f} MB ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
