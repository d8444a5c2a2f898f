#!/usr/bin/env python3
"""Screenshots of the real window for the README: welcome page, month view, task panel,
overview, import preview, reminder window, 我的本月任务 (with the city plan `000_…` too).

Run on a virtual screen of the same size with a CJK font installed (Debian: xvfb,
fonts-noto-cjk):

    xvfb-run -a -s "-screen 0 1366x768x24" python3 scripts/screenshots.py
    xvfb-run -a -s "-screen 0 1024x768x24" python3 scripts/screenshots.py --size 1024x768

The window fills the screen (1366×768 unless ``--size`` says otherwise) on a fixed date
(2024-06-20) with the real district plan `003_…` imported, a few tasks done, so every state
appears. They go to docs/screenshots/ at 1366×768 and docs/screenshots/WxH/ at any other
size, or to the folder given.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db import repository  # noqa: E402
from db.connection import open_storage  # noqa: E402
from desktop_app.services import departments, tasks  # noqa: E402
from desktop_app.services.importer import import_file  # noqa: E402
from desktop_app.ui.app import install_translators  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402

PLAN = ROOT / "tests" / "fixtures" / "003_977e8fd6d0e9a83c.txt"
CITY_PLAN = ROOT / "tests" / "fixtures" / "000_9ec6db43f1a77751.txt"
SIZE = (1366, 768)  # the README's main set; other sizes go into a folder of their own


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def settle(app: QApplication, widget: QWidget) -> None:
    for _ in range(5):
        app.processEvents()
    widget.repaint()
    app.processEvents()


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app, widget)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path)


def size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(n) for n in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text}") from None
    return width, height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the real window for the README.")
    parser.add_argument("out", nargs="?", type=Path, help="folder for the PNG files")
    parser.add_argument("--size", type=size, default=SIZE, help="WxH, default 1366x768")
    args = parser.parse_args(argv)
    width, height = args.size
    folder = ROOT / "docs" / "screenshots"
    out = args.out or (folder if args.size == SIZE else folder / f"{width}x{height}")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translators(app, "zh_CN")
    scratch = Path(tempfile.mkdtemp(prefix="deadline-reminder-shots-"))
    clock = Clock(datetime(2024, 6, 20, 9, 30))
    storage = open_storage(scratch / "tasks.sqlite3", clock=clock)
    settings = QSettings(str(scratch / "window.ini"), QSettings.Format.IniFormat)

    window = MainWindow(storage, clock, settings)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    save(app, window, out / "welcome.png")

    import_file(storage, PLAN)
    departments.set_my_departments(storage, ["行政复议科"])
    for row in repository.tasks(due_to=date(2024, 5, 31))[::2]:
        tasks.set_status(storage, row.id, "done", completed_on=row.due)
    for row in repository.tasks(due_from=date(2024, 6, 1), due_to=date(2024, 7, 31))[:3]:
        tasks.set_status(storage, row.id, "in_progress")
    window.reload()
    window.show_department(repository.find_department("行政复议科").id)
    window.open_month(6)
    first_june = window.month_model.find_task(
        repository.department_month_tasks(repository.find_department("行政复议科").id, 2024, 6)[
            0
        ].id
    )
    window.month_view.setCurrentIndex(first_june)
    save(app, window, out / "month_view.png")

    # The task panel of a task with some history: in progress, two notes.
    task_id = window.task_panel.current_task_id()
    assert task_id is not None
    tasks.set_status(storage, task_id, "in_progress")
    tasks.add_note(storage, task_id, "已收集 2023 年以来的复议、诉讼案例 46 件，正在筛选。")
    tasks.add_note(storage, task_id, "初稿已送法制科审核。")
    window.task_panel.show_task(task_id)
    save(app, window.task_panel, out / "task_panel.png")

    window.show_overview()
    save(app, window, out / "overview.png")

    # The last channel: the small reminder window, with what 今天的提醒 lists on that day.
    from desktop_app.reminders.service import ReminderService

    digest = ReminderService(storage).attention(clock())
    assert digest is not None
    window.hide()
    window.show_popup(digest.title, digest.body, digest.task_ids)
    save(app, window.popup, out / "reminder_window.png")
    window.popup.hide()
    window.show()

    from desktop_app.ui.import_wizard import ImportWizard

    wizard = ImportWizard(storage, window, CITY_PLAN)
    wizard.resize(min(1280, width), min(720, height))
    wizard.show()
    while wizard.is_reading():  # the document is read in a background thread
        app.processEvents()
        time.sleep(0.01)
    save(app, wizard, out / "import_preview.png")
    wizard.close()

    # 我的本月任务 across two bureaus' plans: the city plan imported too, a department of
    # mine in each.
    city = departments.plan_bureau(import_file(storage, CITY_PLAN).plan_id)
    mine = [departments.get_department(n, city).id for n in ("办公室", "复议一处")]
    departments.set_my_departments(storage, [*mine, repository.find_department("行政复议科").id])
    window.reload()
    window.show_my_month()
    save(app, window, out / "my_month.png")
    window.close()
    storage.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
