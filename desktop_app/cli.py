"""The one entry point: `deadline-reminder [COMMAND …]`.

Without a sub-command it opens the window (`--demo` on the bundled sample
plan). Sub-commands: parse, import, tasks, done, status, note, departments,
plans, backup, restore (see ``desktop_app.commands``).
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from db.errors import StorageError
from db.limits import MAX_ROW_ID
from desktop_app import __version__
from desktop_app.commands import MODULES
from desktop_app.commands.arguments import ChineseArgumentParser
from desktop_app.commands.text_table import fit
from desktop_app.errors import UserError
from desktop_app.exports.formats import FORMATS as EXPORT_FORMATS
from desktop_app.paths import DATA_DIR_ENV
from desktop_app.plans.errors import PlanReadError

if TYPE_CHECKING:  # dataclasses of the parser: not loaded to open the window
    from desktop_app.plans.model import ParsedPlan, Task

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_STORAGE = 3
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells count it

_KIND_ZH = {"work_plan": "工作要点", "annual_report": "年度报告", "unknown": "无法识别"}
_DEADLINE_ZH = {"ongoing": "持续推进", "recurring": "定期", "none": "未标注"}


def plan_to_dict(plan: ParsedPlan) -> dict[str, Any]:
    """The plan in the documented JSON shape (the README's "Reading a plan from the command
    line")."""

    def task(t: Task) -> dict[str, Any]:
        d = t.deadline
        return {
            "label": t.label,
            "section": list(t.section),
            "text": t.text,
            "lead": list(t.lead),
            "responsible": list(t.responsible),
            "collective": list(t.collective),
            "leaders": list(t.leaders),
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
        "not_a_plan_because": list(plan.not_a_plan_because),
    }


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
        from desktop_app.plans.parser import due_months

        months = "，".join(f"{m}：{n}" for m, n in due_months(plan).items())
        print(f"任务：{len(plan.tasks)} 项（按月：{months or '无'}）", file=out)
        print(file=out)
        print(f"{fit('编号', 10)} {fit('完成时间', 12)} {fit('牵头/责任部门', 30)} 任务", file=out)
        for t in plan.tasks:
            owners = "、".join(t.lead) + ("；" if t.lead and t.responsible else "")
            owners += "、".join(t.responsible)
            line = f"{fit(t.label, 10)} {fit(_deadline_text(t), 12)} {fit(owners or '—', 30)}"
            print(f"{line} {fit(t.text, 60).rstrip()}", file=out)
    if plan.warnings:
        print(file=out)
        print(f"提示（{len(plan.warnings)}）：", file=out)
        from desktop_app.plans.model import listed_warnings  # its dataclasses: 3 ms at start

        for w in listed_warnings(plan.warnings):
            print(f"  [{w.code}] {w.message}", file=out)


def _parse_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        from desktop_app.plans.parser import parse_file  # not needed to open the window

        plan = parse_file(Path(args.file))
    except PlanReadError as exc:
        print(exc.one_line(), file=err)
        return EXIT_BAD_INPUT
    if args.json:
        import json

        json.dump(plan_to_dict(plan), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        print_plan(plan, out)
    return EXIT_OK


def record_id(text: str) -> int:
    """A task's or a plan's number as the command line takes it: 1 up to SQLite's limit."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 0 < number <= MAX_ROW_ID or not text.strip().isascii():
        raise argparse.ArgumentTypeError(
            f"编号应为 1 至 {MAX_ROW_ID} 之间的整数：{text}"
            f"（an id is a whole number from 1 to {MAX_ROW_ID}）"
        )
    return number


def _with_data_dir(
    parser: argparse.ArgumentParser, *, top: bool = False
) -> argparse.ArgumentParser:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        # A command's parser must not reset a value given before the command's name
        # (`deadline-reminder --data-dir X plans`): only the top level has a default.
        default=None if top else argparse.SUPPRESS,
        help=f"数据文件夹（默认为用户数据目录，或环境变量 {DATA_DIR_ENV}） (data folder)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="deadline-reminder",
        description="工作要点督办提醒：读取工作要点，按部门和月份列出任务与完成时间。",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help="显示版本号并退出 (version)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="用内置示例（移到今年）在临时数据库中打开窗口 (open the window on the sample plan)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="检查本程序能否读取示例、导入、打开窗口、计算提醒并加载翻译和通知模块，"
        "退出码 0 为通过 (check that this build works; exit code 0 when it does)",
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help=argparse.SUPPRESS,  # the start-up benchmark's: exit once the window is painted
    )
    parser.add_argument(
        "--quit-after-load",
        action="store_true",
        help=argparse.SUPPRESS,  # the start-up benchmark's: exit once the tasks are painted
    )
    _with_data_dir(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="命令")
    parse = sub.add_parser("parse", help="解析一份工作要点文档并列出任务 (parse a plan document)")
    parse.add_argument(
        "file", help="文档路径：.docx .pdf .txt .xlsx .ofd（.doc/.wps 需要 LibreOffice）"
    )
    parse.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")

    imp = _with_data_dir(sub.add_parser("import", help="导入工作要点到数据库 (import a plan)"))
    imp.add_argument("file", help="工作要点文档 (plan document)")
    imp.add_argument(
        "--dry-run", action="store_true", help="只显示变化，不写入 (show the diff only)"
    )
    imp.add_argument(
        "--plan", type=record_id, metavar="ID", help="作为这个计划的修订稿导入 (revise plan ID)"
    )
    imp.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")

    tsk = _with_data_dir(sub.add_parser("tasks", help="列出任务 (list tasks)"))
    tsk.add_argument("--department", "-d", metavar="部门", help="部门名称或编号 (department)")
    tsk.add_argument("--month", "-m", metavar="YYYY-MM", help="完成月份 (due month)")
    tsk.add_argument("--status", "-s", help="未开始/进行中/已完成/已取消 或 not_started…")
    tsk.add_argument("--plan", type=record_id, metavar="ID", help="只看这个计划 (one plan)")
    tsk.add_argument("--search", metavar="文字", help="按任务内容和部门搜索 (full-text search)")
    tsk.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")

    done = _with_data_dir(sub.add_parser("done", help="标记任务已完成 (mark a task done)"))
    done.add_argument("id", type=record_id, help="任务编号 (task id)")
    done.add_argument("--note", metavar="文字", help="同时记录一条进展 (add a note)")
    done.add_argument("--date", metavar="YYYY-MM-DD", help="完成日期，默认今天 (completion date)")

    status = _with_data_dir(sub.add_parser("status", help="修改任务状态 (set a task's status)"))
    status.add_argument("id", type=record_id, help="任务编号 (task id)")
    status.add_argument("status", help="未开始/进行中/已完成/已取消")
    status.add_argument("--note", metavar="文字", help="同时记录一条进展 (add a note)")

    note = _with_data_dir(sub.add_parser("note", help="记录任务进展 (add a progress note)"))
    note.add_argument("id", type=record_id, help="任务编号 (task id)")
    note.add_argument("text", help="进展说明 (the note)")

    dep = _with_data_dir(sub.add_parser("departments", help="部门列表与管理 (departments)"))
    dep.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")
    dsub = dep.add_subparsers(dest="dept_command", metavar="操作")
    ren = _with_data_dir(dsub.add_parser("rename", help="改名，原名保留为别名 (rename)"))
    ren.add_argument("department")
    ren.add_argument("new_name")
    mrg = _with_data_dir(
        dsub.add_parser("merge", help="把一个部门合并到另一个 (merge SOURCE into TARGET)"),
    )
    mrg.add_argument("source")
    mrg.add_argument("target")
    als = _with_data_dir(dsub.add_parser("alias", help="为部门添加别名 (add an alias)"))
    als.add_argument("department")
    als.add_argument("alias")
    mine = _with_data_dir(
        dsub.add_parser("mine", help="查看或设置“我的部门” (show or set my departments)"),
    )
    mine.add_argument("names", nargs="*", metavar="部门")
    mine.add_argument("--clear", action="store_true", help="不限部门 (all departments)")
    members = _with_data_dir(
        dsub.add_parser(
            "members",
            help="查看或设置集体部门（如“各科室”）包括哪些部门 (show or set a group's members)",
        ),
    )
    members.add_argument("group", metavar="集体部门")
    members.add_argument("names", nargs="*", metavar="部门")

    plans = _with_data_dir(sub.add_parser("plans", help="已导入的工作要点 (imported plans)"))
    plans.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")

    bak = _with_data_dir(sub.add_parser("backup", help="立即备份并列出备份 (back up now)"))
    bak.add_argument("--list", action="store_true", help="只列出已有备份 (list only)")
    res = _with_data_dir(sub.add_parser("restore", help="从备份恢复数据库 (restore a backup)"))
    res.add_argument("file", help="备份文件 (backup file)")

    exp = _with_data_dir(
        sub.add_parser("export", help="导出台账（Excel、Word、CSV）或日历文件 (export the ledger)")
    )
    exp.add_argument("--format", "-f", choices=EXPORT_FORMATS, default="xlsx")
    exp.add_argument("--output", "-o", required=True, metavar="FILE", help="导出的文件 (output)")
    exp.add_argument("--plan", type=record_id, metavar="ID", help="计划编号，默认最新导入的")
    exp.add_argument(
        "--department", "-d", action="append", metavar="部门", help="只导出这个部门（可重复）"
    )
    exp.add_argument("--month", "-m", metavar="YYYY-MM", help="只导出这个月到期的任务")
    exp.add_argument("--status", "-s", action="append", help="只导出这种状态（可重复）")
    exp.add_argument(
        "--summary",
        action="store_true",
        help="PDF：整个计划的完成情况总结，而非部门进展报告 (PDF: the plan's year-end summary)",
    )
    exp.add_argument(
        "--quarters", action="store_true", help="Excel 中按季度各列一栏进展 (a column per quarter)"
    )
    exp.add_argument(
        "--months", action="store_true", help="Excel 中按月各列一栏进展 (a column per month)"
    )

    mrg_ = _with_data_dir(
        sub.add_parser("merge", help="把各部门报回的台账合并进来 (merge a returned ledger)")
    )
    mrg_.add_argument("ledger", help="报回的台账 .xlsx (the returned ledger)")
    mrg_.add_argument("--dry-run", action="store_true", help="只显示变化，不写入 (preview)")
    mrg_.add_argument(
        "--by-text",
        action="store_true",
        help="没有任务标识的行按任务内容合并 (merge rows without a key by their text)",
    )

    hol = sub.add_parser("holidays", help="法定节假日安排：读取、导入国务院办公厅的通知 (holidays)")
    hsub = hol.add_subparsers(dest="holidays_command", metavar="操作", required=True)
    notice_help = "通知文件（.txt .docx .pdf .html），或 - 从标准输入读取粘贴的文字 (the notice)"
    hparse = _with_data_dir(hsub.add_parser("parse", help="读取通知并列出假期 (read a notice)"))
    hparse.add_argument("notice", help=notice_help)
    hparse.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")
    himp = _with_data_dir(hsub.add_parser("import", help="导入通知，显示变化 (import a notice)"))
    himp.add_argument("notice", help=notice_help)
    himp.add_argument(
        "--dry-run", action="store_true", help="只显示变化，不写入 (show the changes only)"
    )
    hlist = _with_data_dir(
        hsub.add_parser("list", help="各年工作日数据的来源 (where each year's data comes from)")
    )
    hlist.add_argument("--year", type=int, metavar="YYYY", help="只看这一年 (one year)")

    rem = _with_data_dir(sub.add_parser("remind", help="到期提醒：预览或立即发送 (reminders)"))
    mode = rem.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--dry-run", action="store_true", help="列出这段时间将发送的提醒，不写入 (preview)"
    )
    mode.add_argument(
        "--now",
        action="store_true",
        help="检查现在到期的提醒并以桌面通知发送；无法显示时退出码为 4 (send now)",
    )
    mode.add_argument(
        "--print",
        dest="print_only",
        action="store_true",
        help="检查现在到期的提醒，只打印不弹出通知，并记为已提醒 (print what is due now; "
        "it then counts as shown)",
    )
    rem.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="开始日期，默认今天")
    rem.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="结束日期（含），默认 30 天"
    )
    rem.add_argument("--department", "-d", metavar="部门", help="部门名称或编号 (department)")
    rem.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")
    return parser


def entry() -> int:
    """The installed command: the log file and the error hooks first, then ``main``."""
    from desktop_app import logs

    logs.setup()
    return main()


def main(argv: Sequence[str] | None = None, clock: Callable[[], datetime] = datetime.now) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A Windows console in GBK must not crash on a character it lacks.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    args = build_parser().parse_args(argv)
    try:
        code = _run(args, clock)
        sys.stdout.flush()  # a full disk or a closed pipe is found here, not at exit
        return code
    except StorageError as exc:
        print(single_line(exc.one_line()), file=sys.stderr)
        return EXIT_BAD_INPUT if exc.code == "bad_backup" else EXIT_STORAGE
    except UserError as exc:  # a file that cannot be read, a request that cannot be done
        print(single_line(exc.one_line()), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `deadline-reminder parse x.pdf | head` closed the pipe: not an error worth a traceback.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        # Ctrl+C: an import in progress is rolled back whole by its transaction.
        print(
            "已中断，数据库保持中断前的状态。（Interrupted; the database is as it was.）",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.filename is not None:
            # A file the database or a reader did not turn into one of the errors above.
            where = single_line(str(exc.filename))
            print(
                f"无法访问文件：{where}：{reason}（Cannot use the file {where}: {reason}）",
                file=sys.stderr,
            )
            return EXIT_STORAGE
        # What the command printed could not be written (`tasks > /dev/full`).
        _silence_stdout()
        print(f"无法写出结果：{reason}（The output cannot be written: {reason}）", file=sys.stderr)
        return EXIT_STORAGE


def single_line(message: str) -> str:
    """``message`` on one line whatever it quotes: a line break or control character typed
    into an argument (or in a file name) is shown as an escape such as ``\\x85``."""
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in message
    )


def _silence_stdout() -> None:
    """Standard output can take nothing more: send the rest (and the exit's flush) nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _run(args: argparse.Namespace, clock: Callable[[], datetime]) -> int:
    if args.self_test:
        from desktop_app.self_test import run_self_test

        return run_self_test(sys.stdout, clock)
    if args.command == "parse":
        return _parse_command(args, sys.stdout, sys.stderr)
    if args.command in MODULES:
        from desktop_app.commands import command  # the database only when a command needs it

        return command(args.command)(args, clock, sys.stdout)
    from desktop_app.ui.app import run_gui  # Qt only when the window is wanted

    return run_gui(
        data_dir_override=args.data_dir,
        demo=args.demo,
        quit_after_paint=args.quit_after_paint,
        quit_after_load=args.quit_after_load,
        clock=clock,
    )
