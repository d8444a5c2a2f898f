"""The .deb of the one-folder build: the folder under /opt/deadline-reminder, a launcher in
/usr/bin, the menu entry, the icon and a login entry in the standard places, and the
dependencies read off the folder itself (the system libraries it links that it does not
carry, and the newest glibc symbol it uses).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import project

LINUX = project.PACKAGING / "linux"
INSTALL_DIR = Path("/opt") / project.NAME
# What the build links from the system when ``dpkg -S`` cannot say (a build outside Debian).
FALLBACK_DEPENDS = ("libgl1", "libegl1", "libxcb1")
# Recommended, not required: a Chinese font (Qt draws nothing for Han characters without
# one), the desktop's notification service and a session bus for reminders.
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei, dbus-user-session | dbus-x11"


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _needed(elf: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\).*\[(.+?)\]", out))


def newest_glibc(folder: Path) -> str:
    """The newest ``GLIBC_x.y`` symbol version any binary of ``folder`` asks for."""
    newest = (2, 17)
    for elf in _elf_files(folder):
        out = subprocess.run(["objdump", "-T", str(elf)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def system_libraries(folder: Path) -> set[str]:
    """The shared libraries the folder's binaries link that the folder does not carry."""
    carried = {p.name for p in folder.rglob("*")}
    needed: set[str] = set()
    for elf in _elf_files(folder):
        needed |= _needed(elf)
    return {lib for lib in needed - carried if not lib.startswith(("ld-linux", "libc.so"))}


def _package_of(library: str) -> str | None:
    """The Debian package holding ``library`` on this machine (``dpkg -S``)."""
    try:
        out = subprocess.run(
            ["dpkg", "-S", f"*/{library}"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in out.splitlines():
        package = line.split(":", 1)[0].strip()
        if package and "," not in package:
            return package
    return None


def depends(folder: Path) -> str:
    packages = {p for lib in system_libraries(folder) if (p := _package_of(lib))}
    packages.discard("libc6")
    names = sorted(packages) or list(FALLBACK_DEPENDS)
    return ", ".join([f"libc6 (>= {newest_glibc(folder)})", *names])


def _architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _control(folder: Path, installed_kib: int) -> str:
    return (
        f"Package: {project.NAME}\n"
        f"Version: {project.version()}\n"
        f"Architecture: {_architecture()}\n"
        "Maintainer: 工作要点督办提醒 developers <deadline-reminder@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends(folder)}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: utils\n"
        "Priority: optional\n"
        f"Description: {project.TITLE_ZH} ({project.TITLE_EN})\n"
        " Reads a bureau's yearly work plan (.docx, .pdf, .txt, .xlsx, .ofd), lists each\n"
        " department's tasks by month and reminds the liaison before each deadline.\n"
        " Everything stays on the PC; the program never uses the network.\n"
    )


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def build_deb(folder: Path, out_dir: Path) -> Path:
    """``dist/deadline-reminder_<version>_<arch>.deb`` from the one-folder build ``folder``."""
    root = project.BUILD / "deb" / "root"
    shutil.rmtree(root.parent, ignore_errors=True)
    shutil.copytree(folder, root / INSTALL_DIR.relative_to("/"), symlinks=True)
    _write(
        root / "usr/bin" / project.NAME,
        (LINUX / "launcher.sh").read_text("utf-8").replace("@INSTALL_DIR@", str(INSTALL_DIR)),
        0o755,
    )
    entry = (LINUX / f"{project.NAME}.desktop").read_text("utf-8")
    _write(root / "usr/share/applications" / f"{project.NAME}.desktop", entry)
    _write(root / "etc/xdg/autostart" / f"{project.NAME}.desktop", _autostart(entry))
    icon = root / "usr/share/icons/hicolor/256x256/apps" / f"{project.NAME}.png"
    icon.parent.mkdir(parents=True)
    shutil.copy2(project.ROOT / "resources/icons/app.png", icon)
    icon.chmod(0o644)
    _write(root / "usr/share/doc" / project.NAME / "copyright", _copyright())
    installed = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    _write(root / "DEBIAN/control", _control(folder, installed // 1024 + 1))
    for path in root.rglob("*"):  # dpkg-deb refuses group-writable control files
        if path.is_dir():
            path.chmod(0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{project.NAME}_{project.version()}_{_architecture()}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z6", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


def _autostart(entry: str) -> str:
    """The login entry: the menu entry, started at login unless the user turned it off (in
    设置, which writes a ``Hidden=true`` entry of the same name in their own autostart)."""
    return entry.rstrip("\n") + "\nX-GNOME-Autostart-enabled=true\n"


def _copyright() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {project.NAME}\n\n"
        "Files: *\nLicense: MIT\n\n"
        f"Files: {INSTALL_DIR}/_internal/*\n"
        "License: various\n"
        " The libraries the program carries keep their own licences; each one's text is in\n"
        f" its *.dist-info folder under {INSTALL_DIR}/_internal, and 关于 lists them.\n"
        " Qt and PySide6 are used under the LGPL-3.0.\n"
    )
