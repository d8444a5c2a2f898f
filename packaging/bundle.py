"""What goes into the one-folder build, for ``deadline-reminder.spec``: our resources, the
modules PyInstaller cannot see, the package metadata read at run time, and the Qt that is
left out (the program uses QtCore, QtGui, QtWidgets and QtNetwork's local sockets).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import project

from desktop_app.about import distribution_names
from desktop_app.reminders.notifier import (
    PLYER_HIDDEN_IMPORTS_BY_PLATFORM,
    plyer_platform,
)

RESOURCES = project.ROOT / "resources"

# Files of resources/ the program opens at run time (resource_path); the .ts sources and
# the icon script stay out.
RESOURCE_FILES = (
    "sample_plan.txt",
    "icons/app.png",
    "icons/app.ico",
    "i18n/deadline_reminder_en.qm",
    "i18n/qtbase_extra_zh_CN.qm",
)

# Python modules that are never used by the program even where a library offers them.
EXCLUDED_MODULES = [
    "tkinter",
    "unittest",
    "pydoc_data",
    "numpy",
    "pandas",
    "IPython",
    "pytest",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtPrintSupport",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
    "PySide6.Qt3DCore",
    # pdfplumber's page images (the plan reader only takes the text layer)
    "PIL",
    "pypdfium2",
    "pypdfium2_raw",
    # lxml's parts that python-docx does not use
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    # Python's OpenSSL (5 MB): the program never opens a network connection, hashlib has
    # its own SHA-256, and cryptography (pdfminer's AES for encrypted PDFs) carries its own.
    "ssl",
    "_ssl",
    "_hashlib",
]
# Their metadata stays out too, so 关于 does not list what the folder does not carry.
EXCLUDED_DISTRIBUTIONS = {"pillow", "pypdfium2"}

# Parts of Qt collected by PyInstaller's hooks that the program does not load, as patterns
# of their place in the folder. Kept on purpose: platforms xcb (the desktop; wayland
# sessions run it through XWayland), offscreen (--self-test) and windows; the input method
# plugins (Chinese is typed through ibus or fcitx); the xcb GL integrations; qico.
_QT = r"PySide6[/\\]Qt[/\\]"
_DROPPED = [
    re.compile(_QT + p, re.IGNORECASE)
    for p in (
        r"plugins[/\\]platformthemes[/\\]",  # the GTK3 theme alone pulls in libgtk (8 MB)
        r"plugins[/\\]iconengines[/\\]",
        r"plugins[/\\]imageformats[/\\](?!(lib)?qico)",
        r"plugins[/\\]tls[/\\]",
        r"plugins[/\\]networkinformation[/\\]",
        r"plugins[/\\]generic[/\\]",
        r"plugins[/\\]egldeviceintegrations[/\\]",
        r"plugins[/\\]wayland-",
        r"plugins[/\\]platforms[/\\](?!(lib)?q(xcb|offscreen|windows)\b)",
        r"plugins[/\\]sqldrivers[/\\]",
        r"plugins[/\\]printsupport[/\\]",
        r"plugins[/\\]qmltooling[/\\]",
        r"translations[/\\](?!qtbase_(zh_CN|en)\.qm$)",
        r"qml[/\\]",
    )
] + [
    # pdfminer's character maps for Japanese and Korean fonts (3.4 MB); those of Chinese
    # fonts (GB, CNS and their Unicode forms) stay.
    re.compile(
        r"pdfminer[/\\]cmap[/\\](78|78ms|83pv|90|90ms|90msp|90pv|Add|Ext|EUC|H|V|Hankaku|Hiragana|Katakana|KSC|NWP|"
        r"RKSJ|Roman|WP-Symbol|UniJIS|UniKS|Adobe-Japan1|Adobe-Korea1|to-unicode-Adobe-Japan1|"
        r"to-unicode-Adobe-Korea1)[-.]"
    ),
    # OpenCC's command-line tools, static library and headers (3.5 MB), and the
    # dictionaries of its other conversions: only t2s is used (OPENCC_FILES).
    re.compile(r"opencc[/\\]clib[/\\](bin|lib64|lib|include)[/\\]"),
    re.compile(
        r"opencc[/\\]clib[/\\]share[/\\]opencc[/\\](?!(t2s\.json|CJK_Compatibility_Ideographs"
        r"\.ocd2|TSPhrases\.ocd2|TSCharactersExt\.ocd2|TSCharacters\.ocd2)$)"
    ),
]
# Libraries only the dropped plugins and modules load: Qt's, and the OpenSSL that
# PyInstaller's QtNetwork hook adds for the TLS plugin.
_DROPPED_LIBRARIES = re.compile(
    r"(^|[/\\])((lib)?Qt6(Qml|Quick|Svg|Pdf|WaylandClient|WaylandEgl|EglFs|OpenGL|VirtualKeyboard)"
    r"|lib(crypto|ssl)[-.])[^/\\]*$",
    re.IGNORECASE,
)


def resource_datas() -> list[tuple[str, str]]:
    """Our resources, each into the folder ``resource_path`` looks in."""
    out = []
    for name in RESOURCE_FILES:
        source = RESOURCES / name
        if not source.is_file():
            raise SystemExit(f"missing resource: {source} (run scripts/update_translations.py)")
        out.append((str(source), str((Path("resources") / name).parent)))
    return out


# OpenCC's traditional → simplified configuration and the dictionaries it names (plans in
# traditional script, desktop_app/plans/script.py); its other conversions are left out.
OPENCC_FILES = (
    "t2s.json",
    "CJK_Compatibility_Ideographs.ocd2",
    "TSPhrases.ocd2",
    "TSCharactersExt.ocd2",
    "TSCharacters.ocd2",
)


def opencc_datas() -> list[tuple[str, str]]:
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    return [(str(share / name), "opencc/clib/share/opencc") for name in OPENCC_FILES]


def metadata_datas(copy_metadata: Callable[[str], list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """The metadata (and licence files) of the program and of every library it carries:
    APScheduler finds its job stores and executors as entry points, 关于 lists each
    library's version and licence."""
    out: list[tuple[str, str]] = []
    for dist in distribution_names():
        if dist.lower() not in EXCLUDED_DISTRIBUTIONS:
            out += copy_metadata(dist)
    return out


def hidden_imports(collect_submodules: Callable[[str], list[str]]) -> list[str]:
    """What the program imports by name, which PyInstaller's analysis cannot follow."""
    names = list(PLYER_HIDDEN_IMPORTS_BY_PLATFORM[plyer_platform(sys.platform)])
    names += ["plyer.platforms", "plyer.facades"]
    # APScheduler 3 creates its default job store and executor through entry points.
    names += ["apscheduler.jobstores.memory", "apscheduler.executors.pool"]
    names += collect_submodules("apscheduler.triggers")
    # opencc loads its compiled converter by name.
    names += ["opencc.clib.opencc_clib"]
    # The layers import some of their modules only when a command or a page needs them.
    names += collect_submodules("desktop_app") + collect_submodules("db")
    return names


def _dropped(dest: str) -> bool:
    return any(p.search(dest) for p in _DROPPED) or bool(_DROPPED_LIBRARIES.search(dest))


def leave_out_qt_plugins() -> None:
    """Have PyInstaller's Qt hooks skip the plugins dropped here before they are analysed, so
    that the libraries only those plugins link (libgtk-3 for the GTK theme...) are not
    collected either. Called by the spec before ``Analysis``."""
    from PyInstaller.utils.hooks.qt import QtLibraryInfo

    collect = QtLibraryInfo.collect_plugins
    if getattr(collect, "filtered", False):
        return

    def collect_plugins(self: QtLibraryInfo, plugin_type: str) -> list[tuple[str, str]]:
        found = collect(self, plugin_type)
        return [(src, dst) for src, dst in found if not _dropped(f"{dst}/{Path(src).name}")]

    collect_plugins.filtered = True  # type: ignore[attr-defined]
    QtLibraryInfo.collect_plugins = collect_plugins  # type: ignore[method-assign]


def keep(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The entries of a TOC (destination, source, kind) that the program needs."""
    kept = []
    for entry in entries:
        if _dropped(entry[0]):
            continue
        kept.append(entry)
    return kept


# PyInstaller's run-time hooks that only cost start-up here: multiprocessing's sets up
# child processes, which the program never starts (APScheduler imports the module for its
# process pool, unused; the reminders run in a thread).
DROPPED_RUNTIME_HOOKS = {"pyi_rth_multiprocessing"}


def keep_runtime_hooks(scripts: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [entry for entry in scripts if entry[0] not in DROPPED_RUNTIME_HOOKS]


def windows_version_file() -> str:
    """A version resource for the .exe (Explorer's Details tab), written under build/."""
    major, minor, patch, build = project.version_tuple()
    text = (RESOURCES.parent / "packaging" / "windows" / "version_info.txt").read_text("utf-8")
    text = text.format(
        major=major,
        minor=minor,
        patch=patch,
        build=build,
        version=project.version(),
        title=project.TITLE_ZH,
    )
    project.BUILD.mkdir(exist_ok=True)
    target = project.BUILD / "version_info.txt"
    target.write_text(text, "utf-8")
    return str(target)
