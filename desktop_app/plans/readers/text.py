"""Plain-text plans in any common encoding (UTF-8, GBK/GB18030, UTF-16/32, Big5...).

Order: BOM, UTF-32/UTF-16 by NUL pattern, strict UTF-8, strict GB18030, then
charset-normalizer; detectors alone misread short GBK text as Big5 or CP949.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from .. import errors
from ..errors import PlanReadError
from ..model import DocumentText, Table
from .limits import TextBudget

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE starts with the UTF-16 LE BOM, so it must be tested first.
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_ENCODING_LABELS = {
    "big5": "Big5",
    "cp950": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "gb18030": "GB18030",
    "gbk": "GBK",
    "gb2312": "GB2312",
    "cp936": "GBK",
    "utf_8": "UTF-8",
    "utf-8": "UTF-8",
    "shift_jis": "Shift_JIS",
    "cp932": "Shift_JIS",
    "euc_jp": "EUC-JP",
    "cp949": "CP949（韩文）",
    "euc_kr": "EUC-KR（韩文）",
}

_SAMPLE = 65536
# Share of decoded characters that may be control characters before the bytes
# count as binary: real text has next to none besides tabs and newlines.
_MAX_CONTROL_RATIO = 0.01
_MAX_NUL_RATIO = 0.001
# Mainland plans use GB2312 characters almost exclusively; Big5 or UTF-16 bytes
# decoded as GB18030 produce valid but rare characters. Below this share the
# GB18030 reading is doubted and the detector is asked.
_MIN_GB2312_SHARE = 0.8
_MIN_CJK_FOR_SHARE = 50
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _binary_error(name: str) -> PlanReadError:
    return PlanReadError("binary", errors.BINARY_CONTENT, name)


def _label(encoding: str) -> str:
    key = encoding.lower().replace("-", "_")
    return _ENCODING_LABELS.get(key, _ENCODING_LABELS.get(encoding.lower(), encoding.upper()))


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f\v\x1a" and unicodedata.category(ch) == "Cc")
    return bad / len(sample)


def _utf32_without_bom(data: bytes) -> str | None:
    if len(data) < 8 or len(data) % 4:
        return None
    sample = data[: _SAMPLE - _SAMPLE % 4]
    # Code points stop at U+10FFFF, so one of the two high bytes of every unit is zero.
    quarter = len(sample) // 4
    if (
        sample[3::4].count(0) == quarter
        and all(b <= 0x10 for b in sample[2::4])
        and sample[0::4].count(0) < quarter // 2
    ):
        return "utf-32-le"
    if (
        sample[0::4].count(0) == quarter
        and all(b <= 0x10 for b in sample[1::4])
        and sample[3::4].count(0) < quarter // 2
    ):
        return "utf-32-be"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the NULs of ASCII characters (digits, newlines) sit on one parity."""
    if len(data) < 4:
        return None
    sample = data[: min(_SAMPLE, len(data) - len(data) % 2)]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    nuls = even + odd
    if nuls < 2 or nuls < len(sample) // 200:
        return None
    # CJK characters such as 一 (U+4E00) put a NUL on the other parity, so allow some.
    if odd >= 0.75 * nuls:
        return "utf-16-le"
    if even >= 0.75 * nuls:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# Kana, Greek and Cyrillic letters: GBK has them, a Chinese plan hardly uses them; many of
# them mean bytes of another encoding (Big5) read as GBK. (Box-drawing characters are left
# out: a plain-text table may well be drawn with them.)
_ODD = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff]")
_MAX_ODD_SHARE = 0.05


def _odd_share(text: str) -> float:
    sample = text[: _SAMPLE * 4]
    wide = sum(1 for ch in sample if ord(ch) > 0x2000)
    return len(_ODD.findall(sample)) / wide if wide else 0.0


def _gb2312_share(text: str) -> tuple[float, int]:
    counts = Counter(_CJK.findall(text[: _SAMPLE * 4]))
    total = sum(counts.values())
    if not total:
        return 1.0, 0
    common = 0
    for ch, n in counts.items():
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += n
    return common / total, total


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    return str(best), best.encoding


class Decoded(NamedTuple):
    text: str
    encoding: str
    # For the user when the result is uncertain: a guessed encoding, replaced bytes.
    note: str | None = None


def _guess_note(encoding: str) -> str:
    return f"文本编码按 {_label(encoding)} 推测识别，请核对"


def _lenient(data: bytes, encoding: str) -> tuple[str, int] | None:
    """Decode with replacement when only a few bytes are bad (damage, a cut-off end)."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    return (text, bad) if bad <= max(2, len(text) // 1000) else None


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode the bytes of a text file.

    ``note`` is set when the result is uncertain (only the statistical detector
    could decide, or a few bytes had to be replaced).
    Raises PlanReadError("binary") for bytes that are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding)
            if text is None:
                # A BOM followed by bytes invalid in that encoding: keep what decodes.
                text = data[len(bom) :].decode(encoding, errors="replace")
            return Decoded(_checked(text, name), encoding)

    wide = _utf32_without_bom(data) or _utf16_without_bom(data)
    if wide is not None:
        unit = 4 if "32" in wide else 2
        whole = data[: len(data) - len(data) % unit]
        text = _strict(whole, wide)
        note = None
        if text is None or len(whole) != len(data):
            # A cut-off last character or a lone surrogate: keep the rest.
            attempt = _lenient(whole, wide)
            if attempt is not None:
                text = attempt[0]
                note = (
                    f"文本末尾或中间有 {attempt[1] + len(data) - len(whole)} 处字符不完整，请核对"
                )
        if text is not None and _control_ratio(text) <= _MAX_CONTROL_RATIO:
            return Decoded(text, wide, note)

    # Some editors pad files with NULs; a few stray ones are tolerated, many mean binary.
    trimmed = data.rstrip(b"\x00")
    if trimmed.count(0) > len(trimmed) * _MAX_NUL_RATIO:
        raise _binary_error(name)
    trimmed = trimmed.replace(b"\x00", b"")

    text = _strict(trimmed, "utf-8")
    if text is not None:
        return Decoded(_checked(text, name), "utf-8")

    text = _strict(trimmed, "gb18030")
    if text is not None:
        big5 = _strict(trimmed, "big5") if _odd_share(text) > _MAX_ODD_SHARE else None
        if big5 is not None and _odd_share(big5) <= _MAX_ODD_SHARE:
            # Big5 bytes are valid GBK too, read as kana, Cyrillic and rare hanzi: a plan
            # from Taiwan or Hong Kong, or a traditional-script one. Said, as a guess.
            return Decoded(_checked(big5, name), "big5", _guess_note("big5"))
        share, cjk = _gb2312_share(text)
        if share >= _MIN_GB2312_SHARE or cjk < _MIN_CJK_FOR_SHARE:
            return Decoded(_checked(text, name), "gb18030")
        detected = _detect(trimmed)
        if detected is not None and detected[1].lower().replace("-", "_") not in {
            "gb18030",
            "gbk",
            "gb2312",
            "cp936",
        }:
            alt_text, alt_encoding = detected
            if _control_ratio(alt_text) <= _MAX_CONTROL_RATIO:
                return Decoded(alt_text, alt_encoding, _guess_note(alt_encoding))
        return Decoded(_checked(text, name), "gb18030", _guess_note("gb18030"))

    # UTF-8 first: damaged UTF-8 decodes as GB18030 without errors but as nonsense,
    # while damaged GBK fails the UTF-8 attempt with many errors.
    for encoding in ("utf-8", "gb18030"):
        attempt = _lenient(trimmed, encoding)
        if attempt is None:
            continue
        text, bad = attempt
        if encoding == "gb18030" and _gb2312_share(text)[0] < _MIN_GB2312_SHARE:
            continue
        if _control_ratio(text) <= _MAX_CONTROL_RATIO:
            note = (
                f"文本中有 {bad} 处字符无法识别（文件可能不完整或已损坏），"
                f"已按 {_label(encoding)} 读取，请核对"
            )
            return Decoded(text, encoding, note)

    detected = _detect(trimmed)
    if detected is None:
        raise _binary_error(name)
    alt_text, alt_encoding = detected
    return Decoded(_checked(alt_text, name), alt_encoding, _guess_note(alt_encoding))


def _checked(text: str, name: str) -> str:
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise _binary_error(name)
    return text


def split_paragraphs(text: str) -> list[str]:
    """Normalise newlines and group lines into blocks separated by blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").lstrip("\ufeff")
    blocks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def read_txt(data: bytes, name: str) -> DocumentText:
    """Read a .txt file: one block per paragraph (lines separated by blank lines)."""
    text, _, note = decode_text(data, name)
    TextBudget(name).take(text)
    notes = (note,) if note else ()
    return DocumentText(blocks=tuple(split_paragraphs(text)), source_format="txt", notes=notes)


def read_delimited(data: bytes, name: str, delimiter: str | None = None) -> DocumentText:
    """Read CSV or tab-separated text (web systems often export these as .xls) as one Table."""
    import csv

    text, _, note = decode_text(data, name)
    TextBudget(name).take(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if delimiter is None:
        first = text[:4096]
        delimiter = "\t" if first.count("\t") >= first.count(",") else ","
    # The default 128 KiB field limit would reject a long task description in one cell.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    rows = [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]
    while rows and not any(rows[-1]):
        rows.pop()
    width = max((len(row) for row in rows), default=0)
    table = Table(rows=tuple(tuple(row + [""] * (width - len(row))) for row in rows))
    blocks = (table,) if width else ()
    return DocumentText(blocks=blocks, source_format="csv", notes=(note,) if note else ())


def looks_delimited(text: str) -> bool:
    """Whether most non-empty lines contain a tab, as in a tab-separated export."""
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    return len(lines) >= 2 and sum("\t" in line for line in lines) >= 0.8 * len(lines)
