"""Word's automatic list numbers (``numbering.xml``): the text each numbered paragraph
shows (`一、`, `（二）`, `3.`, `①`…), counted as Word counts them, so a plan whose
numbers are automatic reads like one whose numbers are typed."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def int_attr(el: Any, attr: str, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{W}{attr}", default))
    except (TypeError, ValueError):
        return default


_ZH_DIGITS = "零一二三四五六七八九"
_ZH_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def zh_number(n: int, digits: str = _ZH_DIGITS) -> str:
    if n < 0 or n >= 10000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    unit, rest_unit = ("百", 100) if n < 1000 else ("千", 1000)
    head, rest = divmod(n, rest_unit)
    text = digits[head] + unit
    if rest == 0:
        return text
    if rest < rest_unit // 10:
        return text + "零" + zh_number(rest, digits)
    tail = zh_number(rest, digits)
    return text + (digits[1] + tail if 10 <= rest < 20 else tail)


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("A") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return zh_number(n)
    if fmt == "chineseLegalSimplified":
        return zh_number(n, _ZH_LEGAL)
    if fmt == "ideographTraditional" and 0 < n <= len(_TIANGAN):
        return _TIANGAN[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= len(_DIZHI):
        return _DIZHI[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 0 < n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 0 < n <= 20:
        return _FULLSTOP[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Level:
    def __init__(self, lvl: Any) -> None:
        self.start = int_attr(lvl.find(f"{W}start"), "val", 1)
        fmt = lvl.find(f"{W}numFmt")
        self.fmt = fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"
        text = lvl.find(f"{W}lvlText")
        self.text = text.get(f"{W}val", "") if text is not None else ""
        suff = lvl.find(f"{W}suff")
        self.suffix = suff.get(f"{W}val", "tab") if suff is not None else "tab"
        self.legal = lvl.find(f"{W}isLgl") is not None
        self.style = None
        p_style = lvl.find(f"{W}pStyle")
        if p_style is not None:
            self.style = p_style.get(f"{W}val")


class Numbering:
    """Renders Word's automatic list numbers ("一、", "（1）"...) that python-docx omits."""

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            root = None
        if root is not None:
            self._load_numbering(root)
        try:
            styles = document.part.styles.element
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        if styles is not None:
            self._load_styles(styles)

    def _load_numbering(self, root: Any) -> None:
        for abstract in root.findall(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            if key is None:
                continue
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(f"{W}lvl"):
                levels[int_attr(lvl, "ilvl", 0)] = _Level(lvl)
            self.abstract[key] = levels
        for num in root.findall(f"{W}num"):
            num_id = num.get(f"{W}numId")
            ref = num.find(f"{W}abstractNumId")
            if num_id is None or ref is None:
                continue
            self.num_to_abstract[num_id] = ref.get(f"{W}val", "")
            starts = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[int_attr(override, "ilvl", 0)] = int_attr(start, "val", 1)
            if starts:
                self.overrides[num_id] = starts

    def _load_styles(self, styles: Any) -> None:
        for style in styles.findall(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if style_id is None:
                continue
            based = style.find(f"{W}basedOn")
            if based is not None and based.get(f"{W}val"):
                self.style_parent[style_id] = based.get(f"{W}val")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = num_pr.find(f"{W}numId")
                ilvl = num_pr.find(f"{W}ilvl")
                self.style_num[style_id] = (
                    num_id.get(f"{W}val") if num_id is not None else None,
                    int_attr(ilvl, "val", 0) if ilvl is not None else None,
                )

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.style_num:
                return self.style_num[style_id]
            style_id = self.style_parent.get(style_id)
        return None, None

    def label(self, p: Any) -> str:
        if not self.num_to_abstract:
            return ""
        p_pr = p.find(f"{W}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        style_id = None
        if p_pr is not None:
            style = p_pr.find(f"{W}pStyle")
            style_id = style.get(f"{W}val") if style is not None else None
            num_pr = p_pr.find(f"{W}numPr")
            if num_pr is not None:
                num_el = num_pr.find(f"{W}numId")
                ilvl_el = num_pr.find(f"{W}ilvl")
                num_id = num_el.get(f"{W}val") if num_el is not None else None
                ilvl = int_attr(ilvl_el, "val", 0) if ilvl_el is not None else None
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.num_to_abstract:
            return ""
        abstract_id = self.num_to_abstract[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels:
            return ""
        if ilvl is None:
            ilvl = next((k for k, lv in levels.items() if lv.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            # A list instance with startOverride restarts its levels the first time it is used.
            self.started.add(num_id)
            for lvl_no, start in self.overrides.get(num_id, {}).items():
                counters[lvl_no] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return ""
        text = level.text
        for k in range(9, -1, -1):
            marker = f"%{k + 1}"
            if marker not in text:
                continue
            lv = levels.get(k)
            value = counters.get(k, lv.start if lv else 1)
            fmt = "decimal" if level.legal or lv is None else lv.fmt
            text = text.replace(marker, _format_number(value, fmt))
        if level.suffix == "nothing" or text[-1:] in "、．。）)】」.:：":
            return text
        return text + " "
