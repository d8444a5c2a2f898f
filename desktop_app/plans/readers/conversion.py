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
            "needs_conversion",
            f"暂不能直接读取 {ext or '.xls/.et'} 文件，请在 WPS 或 Excel 中“另存为” .xlsx 后再导入"
            "（安装 LibreOffice 后也可自动转换）",
            f"{ext or '.xls/.et'} files cannot be read directly; open it in WPS or Excel, "
            "save it as .xlsx and import that (or install LibreOffice for automatic conversion)",
        )
    return PlanReadError(
        "needs_conversion",
        "暂不能直接读取 .doc/.wps 文件，请在 WPS 或 Word 中“另存为” .docx 后再导入"
        "（安装 LibreOffice 后也可自动转换）",
        "A .doc/.wps file cannot be read directly; open it in WPS or Word, save it as .docx "
        "and import that (or install LibreOffice for automatic conversion)",
    )


def _conversion_failed(name: str, detail_zh: str, detail_en: str) -> PlanReadError:
    return PlanReadError(
        "conversion_failed",
        f"用 LibreOffice 转换文件失败（{detail_zh}）：{name}。"
        "文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入",
        f"Converting the file with LibreOffice failed ({detail_en}): {name}. It may be damaged "
        "or password-protected; save it as .docx/.xlsx in WPS or Word and import that",
    )


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
            raise _conversion_failed(name, "无法启动 LibreOffice", "could not start it") from exc
        try:
            _, stderr = proc.communicate(timeout=limits.CONVERSION_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            _kill(proc)
            seconds = f"{limits.CONVERSION_TIMEOUT_S:g}"
            raise _conversion_failed(
                name, f"超过 {seconds} 秒未完成", f"no result after {seconds} s"
            ) from exc
        result = out_dir / f"input.{target}"
        if proc.returncode != 0 or not result.is_file():
            detail = stderr.decode("utf-8", errors="replace").strip()[-200:]
            raise _conversion_failed(
                name,
                f"退出码 {proc.returncode}" + (f"，{detail}" if detail else ""),
                f"exit code {proc.returncode}" + (f", {detail}" if detail else ""),
            )
        size = result.stat().st_size
        if size > 5 * limits.MAX_FILE_BYTES:
            raise PlanReadError(
                "too_large",
                f"转换后的文件过大：{name}",
                f"The converted file is too large: {name}",
            )
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
        raise PlanReadError(
            "needs_conversion",
            "该文件实际是 RTF 格式，暂不能直接读取，请在 WPS 或 Word 中“另存为” .docx 后再导入",
            "The file is really in RTF format, which cannot be read directly; "
            "save it as .docx in WPS or Word and import that",
        )
    return read_legacy(data, name, ".rtf", "document", soffice)
