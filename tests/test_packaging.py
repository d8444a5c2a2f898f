"""What the one-folder build keeps and leaves out, checked without building it: a wrong
pattern would ship a program without its platform plugin or its Chinese PDF maps."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.paths import SAMPLE_PLAN

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle  # noqa: E402
import project  # noqa: E402

QT = "PySide6/Qt/"


@pytest.mark.parametrize(
    "kept",
    [
        QT + "plugins/platforms/libqxcb.so",
        QT + "plugins/platforms/libqoffscreen.so",  # --self-test
        "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
        QT + "plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        QT + "plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6\\Qt\\plugins\\imageformats\\qico.dll",
        QT + "translations/qtbase_zh_CN.qm",
        QT + "translations/qtbase_en.qm",
        QT + "lib/libQt6Widgets.so.6",
        QT + "lib/libQt6Network.so.6",  # the single-instance socket
        QT + "lib/libicudata.so.73",
        "pdfminer/cmap/UniGB-UCS2-H.json.gz",
        "pdfminer/cmap/Adobe-GB1-UCS2.json.gz",
        "pdfminer/cmap/GBK-EUC-H.json.gz",
        "pdfminer/cmap/UniCNS-UTF16-H.json.gz",
        "pdfminer/cmap/B5pc-H.json.gz",
        "libxcb-cursor.so.0",
        "opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so",
        "opencc\\clib\\opencc_clib.cp311-win_amd64.pyd",
        *(f"opencc/clib/share/opencc/{name}" for name in bundle.OPENCC_FILES),
    ],
)
def test_the_build_keeps_what_the_program_loads(kept: str) -> None:
    assert bundle.keep([(kept, "src", "BINARY")]) == [(kept, "src", "BINARY")]


@pytest.mark.parametrize(
    "dropped",
    [
        QT + "plugins/platformthemes/libqgtk3.so",
        QT + "plugins/platformthemes/libqxdgdesktopportal.so",
        QT + "plugins/platforms/libqwayland-egl.so",
        QT + "plugins/platforms/libqeglfs.so",
        QT + "plugins/tls/libqopensslbackend.so",
        QT + "plugins/imageformats/libqjpeg.so",
        QT + "plugins/iconengines/libqsvgicon.so",
        QT + "translations/qtbase_de.qm",
        QT + "translations/qt_zh_CN.qm",
        QT + "lib/libQt6Qml.so.6",
        QT + "lib/libQt6Pdf.so.6",
        "libcrypto.so.3",
        "libssl.so.3",
        "libcrypto-3-x64.dll",
        "pdfminer/cmap/UniJIS-UCS2-H.json.gz",
        "pdfminer/cmap/90ms-RKSJ-H.json.gz",
        "pdfminer/cmap/KSC-EUC-H.json.gz",
        "pdfminer/cmap/H.json.gz",
        "opencc/clib/bin/opencc",
        "opencc/clib/lib64/libopencc.a",
        "opencc/clib/include/opencc/Export.hpp",
        "opencc/clib/share/opencc/s2t.json",
        "opencc/clib/share/opencc/STPhrases.ocd2",
        "opencc\\clib\\share\\opencc\\HKVariants.ocd2",
    ],
)
def test_the_build_leaves_out_what_the_program_never_loads(dropped: str) -> None:
    assert bundle.keep([(dropped, "src", "BINARY")]) == []


def test_the_resources_the_program_opens_are_bundled() -> None:
    bundled = {
        Path(src).relative_to(bundle.RESOURCES).as_posix() for src, _ in bundle.resource_datas()
    }
    assert {
        SAMPLE_PLAN,
        "icons/app.png",
        "icons/app.ico",
        "i18n/deadline_reminder_en.qm",
    } <= bundled
    for src, dest in bundle.resource_datas():
        assert Path(dest) == Path("resources") / Path(src).relative_to(bundle.RESOURCES).parent


def test_the_build_is_versioned_as_the_program() -> None:
    assert project.version() == __version__
    assert project.version_tuple()[:3] == tuple(int(n) for n in __version__.split(".")[:3])


def test_the_frozen_program_finds_its_notifier_and_scheduler() -> None:
    names = bundle.hidden_imports(lambda package: [package])
    assert "plyer.platforms.linux.notification" in names or sys.platform != "linux"
    assert "apscheduler.jobstores.memory" in names and "apscheduler.executors.pool" in names
