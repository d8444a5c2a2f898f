#!/usr/bin/env python3
"""Refresh the English translation: pyside6-lupdate over desktop_app/ui, the error
catalogue's English copied in, then pyside6-lrelease.

    python3 scripts/update_translations.py

Chinese is the source language (``self.tr("导入工作要点…")``); the English
text lives in ``resources/i18n/deadline_reminder_en.ts`` and is compiled into
the ``.qm`` that ``desktop_app.ui.app.install_translators`` loads. New strings
arrive in the ``.ts`` as ``type="unfinished"``: translate them (Qt Linguist or
any text editor), run this script again, and commit both files.

The English of user errors is not translated here: it is written beside the Chinese in
each layer's ``errors`` module (``desktop_app/errors.py`` lists them), and this script
copies it into the ``UserError`` context, replacing what was there.

The ``.ts`` is kept diff-friendly: no source locations (no line-number churn),
contexts and messages sorted, obsolete messages dropped. Works from any
current directory; the tools are looked for next to ``sys.executable`` first
(a virtual environment's ``bin``/``Scripts``), then on ``PATH``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "desktop_app" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
TS_FILE = I18N_DIR / "deadline_reminder_en.ts"
QM_FILE = I18N_DIR / "deadline_reminder_en.qm"
# Hand-written: Qt's own strings its shipped qtbase_zh_CN.qm lacks (compiled, not extracted).
QT_EXTRA_TS = I18N_DIR / "qtbase_extra_zh_CN.ts"
QT_EXTRA_QM = I18N_DIR / "qtbase_extra_zh_CN.qm"

SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGE = "en"
LUPDATE_OPTIONS = (
    "-source-language",
    SOURCE_LANGUAGE,
    "-target-language",
    TARGET_LANGUAGE,
    "-no-obsolete",
    "-locations",
    "none",
    "-sort-messages",
)


def find_tool(name: str) -> str | None:
    """``pyside6-lupdate`` / ``pyside6-lrelease``: beside the interpreter, else on PATH."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name)


def sources() -> list[str]:
    """Every .py file under desktop_app/ui, sorted, relative to the project root."""
    return sorted(p.relative_to(ROOT).as_posix() for p in UI_DIR.rglob("*.py"))


def lupdate(ts_file: Path, *, tool: str | None = None, quiet: bool = False) -> None:
    """Extract the messages of the current sources into ``ts_file`` (created or merged)."""
    tool = tool or find_tool("pyside6-lupdate")
    if tool is None:
        raise FileNotFoundError("pyside6-lupdate not found (pip install PySide6-Essentials)")
    command = [tool, *sources(), *LUPDATE_OPTIONS, "-ts", str(ts_file)]
    if quiet:
        command.insert(1, "-silent")
    subprocess.run(command, cwd=ROOT, check=True)


def lrelease(ts_file: Path, qm_file: Path, *, tool: str | None = None) -> None:
    """Compile ``ts_file``; unfinished messages are left out (the Chinese source shows)."""
    tool = tool or find_tool("pyside6-lrelease")
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease not found (pip install PySide6-Essentials)")
    command = [tool, "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True)


def catalogue_context() -> str:
    """The ``UserError`` context, written from the error catalogue: the Chinese of each
    ``Words`` as its source, its English as the translation (the catalogue is the one place
    the English of an error is written; this copies it where the window's translator reads)."""
    _importable()
    from desktop_app.errors import TRANSLATION_CONTEXT, catalogue

    pairs = sorted({(w.zh, w.en) for w in catalogue().values()})
    if not pairs:
        return ""
    lines = ["<context>", f"    <name>{TRANSLATION_CONTEXT}</name>"]
    for zh, en in pairs:
        lines += [
            "    <message>",
            f"        <source>{_escape(zh)}</source>",
            f"        <translation>{_escape(en)}</translation>",
            "    </message>",
        ]
    return "\n".join([*lines, "</context>", ""])


def write_catalogue(ts_file: Path) -> None:
    """Replace the ``UserError`` context of ``ts_file`` with the catalogue's."""
    _importable()
    from desktop_app.errors import TRANSLATION_CONTEXT

    text = ts_file.read_text(encoding="utf-8")
    old = re.compile(
        rf"<context>\n    <name>{TRANSLATION_CONTEXT}</name>\n.*?</context>\n", re.DOTALL
    )
    text = old.sub("", text)
    text = text.replace("</TS>", catalogue_context() + "</TS>")
    ts_file.write_text(text, encoding="utf-8")


def _importable() -> None:
    """The project's packages, whether or not it is installed."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def _escape(text: str) -> str:
    """As lupdate writes text: &, <, >, ' and \" as entities."""
    for raw, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("'", "&apos;"),
        ('"', "&quot;"),
    ):
        text = text.replace(raw, entity)
    return text


def messages(ts_file: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation, or None when it is missing or unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            done = (
                translation is not None
                and translation.get("type") not in ("unfinished", "vanished", "obsolete")
                and bool(text)
            )
            found[(name, message.findtext("source") or "")] = text if done else None
    return found


def main() -> int:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    try:
        lupdate(TS_FILE, quiet=True)
        write_catalogue(TS_FILE)
        lrelease(TS_FILE, QM_FILE)
        lrelease(QT_EXTRA_TS, QT_EXTRA_QM)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"{Path(exc.cmd[0]).name} failed with exit code {exc.returncode}", file=sys.stderr)
        return 1
    found = messages(TS_FILE)
    unfinished = sorted(key for key, text in found.items() if text is None)
    contexts = {context for context, _source in found}
    print(
        f"{TS_FILE.relative_to(ROOT).as_posix()}: {len(found)} messages in {len(contexts)} "
        f"contexts, {len(unfinished)} unfinished"
    )
    for context, source in unfinished:
        print(f"  unfinished: [{context}] {source!r}")
    print(f"{QM_FILE.relative_to(ROOT).as_posix()}: {QM_FILE.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
