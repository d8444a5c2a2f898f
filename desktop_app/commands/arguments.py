"""The command line's argument parser in Chinese: argparse's own words (``usage:``,
``positional arguments``, ``options``, the help of ``-h``, the ``error:`` line) said in the
program's language, for every sub-command alike."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, NoReturn


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose headings, ``-h`` and error line are Chinese; its
    sub-command parsers are of the same kind."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "命令与参数"
        self._optionals.title = "选项"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出 (help)"
        )

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", ChineseArgumentParser)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """argparse's message (its details stay as argparse words them) after a Chinese
        line: exit code 2, as before."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数有误（invalid arguments）：{message}\n")
