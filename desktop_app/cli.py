"""The one entry point: `deadline-reminder [parse FILE [--json]]`.

Until the window exists, running without a sub-command prints the bundled
sample plan as parsed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop_app import __version__
from desktop_app.paths import SAMPLE_PLAN, resource_path
from desktop_app.plans.errors import PlanReadError
from desktop_app.plans.model import ParsedPlan, Task
from desktop_app.plans.parser import due_months, parse_file

EXIT_OK = 0
EXIT_BAD_INPUT = 2

_KIND_ZH = {"work_plan": "工作要点", "annual_report": "年度报告", "unknown": "无法识别"}
_DEADLINE_ZH = {"ongoing": "持续推进", "recurring": "定期", "none": "未标注"}


def plan_to_dict(plan: ParsedPlan) -> dict[str, Any]:
    """The plan in the documented JSON shape (plus `collective` and `milestones`)."""

    def task(t: Task) -> dict[str, Any]:
        d = t.deadline
        return {
            "label": t.label,
            "section": list(t.section),
            "text": t.text,
            "lead": list(t.lead),
            "responsible": list(t.responsible),
            "collective": list(t.collective),
            "annotation": t.annotation,
            "deadline": {
                "raw": d.raw,
                "kind": d.kind,
                "due": d.due.isoformat() if d.due else None,
                "milestones": [m.isoformat() for m in d.milestones],
            },
        }

    return {
        "kind": plan.kind,
        "title": plan.title,
        "year": plan.year,
        "issuer": plan.issuer,
        "doc_number": plan.doc_number,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "sections": [{"label": s.label, "title": s.title, "level": s.level} for s in plan.sections],
        "tasks": [task(t) for t in plan.tasks],
        "warnings": [{"task": w.task, "code": w.code, "message": w.message} for w in plan.warnings],
    }


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """Cut or pad ``text`` to ``width`` terminal columns (CJK characters take two)."""
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width:
            if out:
                out = out[:-1] + "…"
            break
        out += ch
        used += w
    return out + " " * (width - _width(out))


def _deadline_text(task: Task) -> str:
    d = task.deadline
    if d.due is not None:
        return d.due.isoformat()
    return _DEADLINE_ZH.get(d.kind, "") if d.raw is None or d.kind != "none" else f"?{d.raw}"


def print_plan(plan: ParsedPlan, out: TextIO) -> None:
    """A readable table for people at a terminal."""
    print(f"标题：{plan.title or '（未识别）'}", file=out)
    print(
        f"类型：{_KIND_ZH[plan.kind]}　年度：{plan.year or '—'}　发文机关：{plan.issuer or '—'}"
        f"　文号：{plan.doc_number or '—'}　日期：{plan.issued_on or '—'}",
        file=out,
    )
    if plan.tasks:
        months = "，".join(f"{m}：{n}" for m, n in due_months(plan).items())
        print(f"任务：{len(plan.tasks)} 项（按月：{months or '无'}）", file=out)
        print(file=out)
        print(
            f"{_fit('编号', 10)} {_fit('完成时间', 12)} {_fit('牵头/责任部门', 30)} 任务", file=out
        )
        for t in plan.tasks:
            owners = "、".join(t.lead) + ("；" if t.lead and t.responsible else "")
            owners += "、".join(t.responsible)
            line = f"{_fit(t.label, 10)} {_fit(_deadline_text(t), 12)} {_fit(owners or '—', 30)}"
            print(f"{line} {_fit(t.text, 60).rstrip()}", file=out)
    if plan.warnings:
        print(file=out)
        print(f"提示（{len(plan.warnings)}）：", file=out)
        for w in plan.warnings:
            print(f"  [{w.code}] {w.message}", file=out)


def _parse_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        plan = parse_file(Path(args.file))
    except PlanReadError as exc:
        print(exc.one_line(), file=err)
        return EXIT_BAD_INPUT
    if args.json:
        json.dump(plan_to_dict(plan), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_plan(plan, out)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deadline-reminder",
        description="工作要点督办提醒：读取工作要点，按部门和月份列出任务与完成时间。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="解析一份工作要点文档并列出任务 (parse a plan document)")
    parse.add_argument(
        "file", help="文档路径：.docx .pdf .txt .xlsx .ofd（.doc/.wps 需要 LibreOffice）"
    )
    parse.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in GBK must not crash on a character it lacks.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_command(args, sys.stdout, sys.stderr)
        sample = argparse.Namespace(file=str(resource_path(SAMPLE_PLAN)), json=False)
        print("（主窗口尚在开发中，以下是内置示例工作要点的解析结果）\n")
        return _parse_command(sample, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # `deadline-reminder parse x.pdf | head` closed the pipe: not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
