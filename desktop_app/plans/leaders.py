"""The people a task table names in its 责任领导/分管领导 columns: names split from a cell as
written (`张 三` is one name, `张三、李四` two), and names run together (`张三李四`) split only
when the other names of the document leave one way to read them; otherwise the cell is
kept as written and the doubt reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.plans.departments import looks_like_department, split_top_level

_SEPARATORS = "、，,；;/／\n"
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_NAME_RE = re.compile(rf"^[{_HAN}]{{2,4}}$")
_DOTTED_RE = re.compile(rf"^[{_HAN}]+(?:[·•・．.][{_HAN}]+)+$")
_DOT_SPACES_RE = re.compile(r"\s*([·•・．])\s*")
_PURE_HAN_RE = re.compile(rf"^[{_HAN}]+$")
# Words of a post, not of a name: such a cell (`常务副县长`, `张三（副县长）`) is kept whole.
_TITLE_RE = re.compile(
    r"[省市县区州旗局镇乡处科厅部院组所校队站]长|秘书长|书记|常委|主任|主席|委员|领导|负责人"
    r"|同志|政委|调研员|巡视员|督察|专员|班子|成员|干部|[（(]"
)
_COMPOUND = "欧阳司马诸葛上官东方皇甫令狐慕容尉迟公孙夏侯长孙宇文司徒端木轩辕独孤南宫西门呼延澹台万俟闻人申屠太史钟离宗政濮阳淳于单于赫连拓跋"
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))


@dataclass(frozen=True)
class LeaderCell:
    """A cell read: its names, and the run-together piece kept as written (None: no doubt)."""

    names: tuple[str, ...]
    doubt: str | None = None


def _plain(cell: str) -> str:
    cell = unicodedata.normalize("NFC", cell).replace("\u3000", " ").replace("\u00a0", " ")
    cell = cell.replace("\t", " ").replace("\u200b", "")
    return _DOT_SPACES_RE.sub(r"\1", cell)


def _is_name(token: str) -> bool:
    return bool(_NAME_RE.match(token) or _DOTTED_RE.match(token))


def _pieces(cell: str) -> list[str]:
    """The cell cut at its separators; a space between two whole names separates them
    (`张三 李四`), any other space is a wrap inside a name (`张 三`, `王 小明`)."""
    out: list[str] = []
    for part in split_top_level(_plain(cell), _SEPARATORS):
        tokens = part.split()
        if not tokens:
            continue
        apart = tokens[0] not in COMPOUND_SURNAMES  # `欧阳 春晓` is one name
        if len(tokens) > 1 and apart and all(_is_name(t) for t in tokens):
            out.extend(tokens)
        else:
            out.append("".join(tokens))
    return out


def _segmentations(text: str, known: frozenset[str]) -> list[list[str]]:
    if not text:
        return [[]]
    found: list[list[str]] = []
    for size in (2, 3, 4):
        head = text[:size]
        if len(head) == size and head in known:
            found.extend([head, *rest] for rest in _segmentations(text[size:], known))
    return found


def _split_run(piece: str, known: frozenset[str], lengths: set[int]) -> list[str] | None:
    """``piece`` as two or more names, when only one reading is possible; None when unsure."""
    readings = [r for r in _segmentations(piece, known) if len(r) > 1]
    if len(readings) == 1:
        return readings[0]
    if readings:
        return None
    if lengths == {2} or (len(piece) == 4 and lengths and lengths <= {2, 3}):
        # 4 = 2 + 2 only; a column of two-character names cuts anything into pairs
        return [piece[i : i + 2] for i in range(0, len(piece), 2)] if len(piece) % 2 == 0 else None
    if lengths == {3} and len(piece) % 3 == 0:
        return [piece[i : i + 3] for i in range(0, len(piece), 3)]
    return None


def _run_together(piece: str) -> bool:
    """A piece that may be several names written without a separator."""
    if not _PURE_HAN_RE.match(piece) or len(piece) < 4 or _TITLE_RE.search(piece):
        return False
    if looks_like_department(piece):  # `县发改局` in a leader column: a unit, as written
        return False
    return not (len(piece) == 4 and piece[:2] in COMPOUND_SURNAMES)


def read_leader_cells(cells: Sequence[str]) -> list[LeaderCell]:
    """Each cell's names, the names of all ``cells`` (a document's leader columns) telling how
    long a name is: `张三李四` beside `王五` and `赵六` is 张三 and 李四."""
    split = [_pieces(c) for c in cells]
    alone = [p for pieces in split for p in pieces if not _run_together(p)]
    known = frozenset(p for p in alone if _NAME_RE.match(p) and not _TITLE_RE.search(p))
    lengths = {len(p) for p in known if len(p) <= 3}
    out = []
    for pieces in split:
        names: list[str] = []
        doubt = None
        for piece in pieces:
            if not _run_together(piece):
                names.append(piece)
            elif (parts := _split_run(piece, known, lengths)) is not None:
                names.extend(parts)
            else:
                names.append(piece)
                doubt = doubt or piece
        out.append(LeaderCell(tuple(dict.fromkeys(names)), doubt))
    return out
