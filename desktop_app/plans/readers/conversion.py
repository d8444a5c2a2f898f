"""Old binary Office/WPS formats (.doc/.wps/.xls/.et) and RTF, converted to .docx/.xlsx by a
headless LibreOffice when one is installed, then read by the modern readers.

"Word" files that are really HTML or MHT are read directly by ``html.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

from .. import errors
from ..errors import PlanReadError
from ..model import DocumentText
from . import limits

Kind = Literal["document", "spreadsheet"]

_WINDOWS_CANDIDATES = (
    r"%ProgramFiles%\LibreOffice\program\soffice.exe",
    r"%ProgramFiles(x86)%\LibreOffice\program\soffice.exe",
)
_MAC_CANDIDATES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)


def find_soffice() -> str | None:
    """LibreOffice's soffice on PATH or in its usual install location, if any."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = _WINDOWS_CANDIDATES if sys.platform == "win32" else _MAC_CANDIDATES
    for candidate in candidates:
        path = os.path.expandvars(candidate)
        if os.path.isfile(path):
            return path
    return None


def resolve_soffice(soffice: str | None) -> str | None:
    """The soffice to run: the given path or command name, else whatever find_soffice finds."""
    if soffice is None:
        return find_soffice()
    if os.path.isfile(soffice) and os.access(soffice, os.X_OK):
        return soffice
    return shutil.which(soffice)


def _needs_conversion(kind: Kind, ext: str) -> PlanReadError:
    if kind == "spreadsheet":
        return PlanReadError(
            "needs_conversion", errors.SPREADSHEET_NEEDS_CONVERSION, ext or ".xls/.et"
        )
    return PlanReadError("needs_conversion", errors.DOCUMENT_NEEDS_CONVERSION)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    # soffice starts soffice.bin as a child; kill the whole tree, not just the launcher.
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(proc.pid)],
                capture_output=True,
                timeout=10,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
    elif hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def convert(data: bytes, name: str, source_ext: str, target: str, soffice: str) -> bytes:
    """Convert with headless LibreOffice to ``target`` ("docx" or "xlsx"); returns its bytes."""
    with tempfile.TemporaryDirectory(prefix="plan-convert-", ignore_cleanup_errors=True) as tmp:
        tmp_dir = Path(tmp)
        # An ASCII file name avoids encoding trouble on the command line and names
        # that start with "-" being taken for options.
        source = tmp_dir / f"input{source_ext}"
        source.write_bytes(data)
        out_dir = tmp_dir / "out"
        out_dir.mkdir()
        profile = tmp_dir / "profile"
        command = [
            soffice,
            # A private profile lets this run beside an office instance the user has open.
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(source),
        ]
        windows = sys.platform == "win32"
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                # No console window on Windows; elsewhere a session of its own, so that a
                # time-out can end LibreOffice with every process it started.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if windows else 0,
                start_new_session=not windows,
            )
        except OSError as exc:
            raise PlanReadError("conversion_failed", errors.CONVERSION_DID_NOT_START, name) from exc
        try:
            _, stderr = proc.communicate(timeout=limits.CONVERSION_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            _kill(proc)
            raise PlanReadError(
                "conversion_failed", errors.CONVERSION_TIMED_OUT, limits.CONVERSION_TIMEOUT_S, name
            ) from exc
        result = out_dir / f"input.{target}"
        if proc.returncode != 0 or not result.is_file():
            detail = stderr.decode("utf-8", errors="replace").strip()[-200:]
            if detail:
                raise PlanReadError(
                    "conversion_failed",
                    errors.CONVERSION_EXITED_SAYING,
                    proc.returncode,
                    detail,
                    name,
                )
            raise PlanReadError(
                "conversion_failed", errors.CONVERSION_EXITED, proc.returncode, name
            )
        size = result.stat().st_size
        if size > 5 * limits.MAX_FILE_BYTES:
            raise PlanReadError("too_large", errors.CONVERTED_FILE_TOO_LARGE, name)
        return result.read_bytes()


def read_legacy(
    data: bytes,
    name: str,
    source_ext: str,
    kind: Kind,
    soffice: str | None,
    *,
    label_ext: str | None = None,
) -> DocumentText:
    """Read .doc/.wps/.xls/.et (and RTF, ODF...) by converting them with LibreOffice.

    ``source_ext`` names the temporary copy LibreOffice sees; ``label_ext`` is the
    user's own extension, for messages.
    """
    from .docx import read_docx
    from .xlsx import read_xlsx

    label = label_ext or source_ext
    program = resolve_soffice(soffice)
    if program is None:
        raise _needs_conversion(kind, label)
    target = "xlsx" if kind == "spreadsheet" else "docx"
    converted = convert(data, name, source_ext, target, program)
    text = read_docx(converted, name) if target == "docx" else read_xlsx(converted, name)
    return DocumentText(
        blocks=text.blocks,
        source_format=label.lstrip(".") or target,
        notes=(*text.notes, f"已用 LibreOffice 将 {label} 文件转换为 .{target} 后读取"),
    )


def read_rtf(data: bytes, name: str, soffice: str | None) -> DocumentText:
    """RTF (often saved under a .doc name): only through LibreOffice."""
    if resolve_soffice(soffice) is None:
        raise PlanReadError("needs_conversion", errors.RTF_NEEDS_CONVERSION)
    return read_legacy(data, name, ".rtf", "document", soffice)
