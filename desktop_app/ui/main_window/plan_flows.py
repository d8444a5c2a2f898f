"""What the window does with whole plans and with the user's choices: import (and the two
questions after the first one), the sample, deletion, 我的部门 and the settings dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from db.errors import StorageError
from desktop_app.plans.errors import PlanReadError
from desktop_app.services.errors import ServiceError
from desktop_app.ui import settings_keys as keys
from desktop_app.ui.error_text import error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QMainWindow, QWidget

    from db.connection import Storage
    from desktop_app.calendar.workdays import WorkCalendar
    from desktop_app.reminders.notifier import Notifier
    from desktop_app.services.import_diff import ImportResult
    from desktop_app.ui.import_wizard import ImportWizard
    from desktop_app.ui.my_departments import MyDepartmentsDialog
    from desktop_app.ui.reminder_scheduler import ReminderScheduler
    from desktop_app.ui.settings import SettingsDialog
    from desktop_app.ui.task_panel import TaskPanel

    _Base = QMainWindow
else:
    _Base = object

ASKED_MINE_KEY = keys.ASKED_MY_DEPARTMENTS
OFFERED_SAMPLE_KEY = keys.OFFERED_SAMPLE_REMOVAL


class PlanFlows(_Base):
    """Mixed into ``MainWindow``: the dialogs it opens and what follows their answers."""

    storage: Storage | None
    app_settings: QSettings
    plan_id: int | None
    department_id: int
    plan_combo: QComboBox
    notifier: Notifier | None
    reminders: ReminderScheduler | None
    wizard: ImportWizard | None
    mine_dialog: MyDepartmentsDialog | None
    settings_dialog: SettingsDialog | None
    sample_question: QMessageBox | None
    calendar: WorkCalendar | None
    task_panel: TaskPanel

    def open_import(self, path: Path | None = None) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.import_wizard import ImportWizard

        self.wizard = ImportWizard(self.storage, self, path)
        self.wizard.imported.connect(self._after_import)
        self.wizard.open()

    def _after_import(self, result: ImportResult) -> None:
        from desktop_app.ui.main_window import presenter

        # After the first real import (the sample may have come before), ask once which
        # departments are mine; the general office may answer "all". Offer once to remove
        # the sample, whose tasks would otherwise stay among the real ones.
        ask_mine = not presenter.my_department_ids() and not self.app_settings.value(
            ASKED_MINE_KEY, False, type=bool
        )
        # The first plan of another bureau: its departments are not the ones I chose.
        new_bureau = result.outcome == "created" and presenter.new_bureau_without_mine(
            result.plan_id
        )
        ask_mine = ask_mine or new_bureau
        bureau = presenter.bureau(result.plan_id) if result.plan_id else None
        sample = presenter.sample_beside(result.plan_id)
        if sample is not None and self.app_settings.value(OFFERED_SAMPLE_KEY, False, type=bool):
            sample = None
        self.plan_id = result.plan_id
        self.reload()
        if not ask_mine and sample is None:
            return
        if ask_mine:
            self.app_settings.setValue(ASKED_MINE_KEY, True)
        if sample is not None:
            self.app_settings.setValue(OFFERED_SAMPLE_KEY, True)
        # The new plan's first digest waits for the answers: it is of my departments, and
        # not of a sample about to be removed.
        reminders = self.reminders
        if reminders is not None:
            reminders.hold()

        def release() -> None:
            if reminders is not None:
                reminders.release()

        def questions() -> None:
            then: Callable[[], None] = (
                (lambda: self.choose_my_departments(first_time=True, then=release, bureau=bureau))
                if ask_mine
                else release
            )
            if sample is not None:
                self._offer_to_remove_sample(sample.id, sample.title or "", then)
            else:
                then()

        wizard = self.wizard
        if wizard is not None and wizard.isVisible():
            # Not over the import summary: asked once the wizard is closed with 完成.
            wizard.finished.connect(lambda _result: questions())
        else:
            questions()

    def _offer_to_remove_sample(
        self, plan_id: int, title: str, then: Callable[[], None] | None
    ) -> None:
        """The sample next to a real plan: remove it (backed up first) or keep it; then
        ``then`` (the "my departments" question)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("示例计划"),
            self.tr(
                "示例计划“{0}”还在：它的任务会出现在列表和总览里，"
                "选“全部部门”时也会到期提醒。现在删除示例吗？"
            ).format(title),
            parent=self,
        )
        remove = box.addButton(self.tr("删除示例"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("保留"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(remove)

        def answered(_result: int) -> None:
            if box.clickedButton() is remove:
                self._delete_plan(plan_id, title)
            box.deleteLater()
            self.sample_question = None
            if then is not None:
                then()

        box.finished.connect(answered)
        self.sample_question = box
        box.open()

    def import_sample(self) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.main_window import presenter

        try:
            plan_id = presenter.import_sample(self.storage, self.today())
        except (PlanReadError, ServiceError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("无法打开示例"), error_text(exc))
            return
        self.plan_id = plan_id
        self.reload()

    def choose_my_departments(
        self,
        *,
        first_time: bool = False,
        then: Callable[[], None] | None = None,
        bureau: str | None = None,
    ) -> None:
        """Which departments are mine (``bureau``'s shown first); ``then`` runs once the
        dialog is closed, either way."""
        if self.storage is None:
            return
        from desktop_app.ui.my_departments import MyDepartmentsDialog

        dialog = MyDepartmentsDialog(self.storage, self, first_time=first_time, bureau=bureau)
        self.mine_dialog = dialog
        dialog.accepted.connect(self._mine_chosen)
        if then is not None:
            dialog.finished.connect(lambda _result: then())
        dialog.open()

    def _mine_chosen(self) -> None:
        """The list opens on the department just chosen as mine (if one of this plan's)."""
        from desktop_app.ui.models import MY_DEPARTMENT

        self.department_id = MY_DEPARTMENT
        self.reload()

    def open_settings(self) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.settings import SettingsDialog

        dialog = SettingsDialog(self.storage, self.app_settings, self)
        self.settings_dialog = dialog
        dialog.departments_changed.connect(self.reload)
        dialog.settings_changed.connect(self.reload)
        dialog.holidays_changed.connect(self.refresh_calendar)
        dialog.test_notification_requested.connect(self.send_test_notification)
        dialog.open()

    def refresh_calendar(self) -> None:
        """A holiday notice was imported: the working days of the panel, the counts and the
        reminders (their service builds its calendar anew) follow it."""
        from desktop_app.ui.main_window import presenter

        if self.storage is None:
            return
        self.calendar = presenter.work_calendar()
        self.task_panel.attach(self.storage, self.calendar)
        self.reload()

    def export_ledger(self) -> None:
        """文件 → 导出台账…: the plan shown, for my departments when chosen."""
        if self.plan_id is None or self.storage is None:
            return
        from desktop_app.ui.export_dialog import export_ledger

        said = export_ledger(self, self.storage, self.plan_id, Path.home())
        if said is not None:
            self.statusBar().showMessage(said, 15_000)

    def show_about(self) -> None:
        from PySide6.QtCore import Qt  # not at import: the Qt namespace costs the first paint

        from desktop_app import logs
        from desktop_app.ui.about_dialog import AboutDialog

        folder = self.storage.path.parent if self.storage is not None else None
        log_file = logs.current_log_file()
        dialog = AboutDialog(folder, log_file.parent if log_file else logs.log_dir(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def send_test_notification(self) -> None:
        from desktop_app.ui.delivery import send_test_notification

        message = send_test_notification(self.notifier)
        self._show_note(self.tr("发送测试提醒"), message, self.settings_dialog or self)

    def delete_current_plan(self) -> None:
        if self.plan_id is None or self.storage is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除计划"),
            self.tr("删除“{0}”及其全部任务和进展记录？删除前会自动备份。").format(
                self.plan_combo.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # Enter does not delete a plan
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._delete_plan(self.plan_id, self.plan_combo.currentText())

    def _delete_plan(self, plan_id: int, title: str) -> None:
        if self.storage is None:
            return
        from desktop_app.ui.main_window import presenter

        try:
            presenter.delete_plan(self.storage, plan_id)
        except (ServiceError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("无法删除"), error_text(exc))
            return
        if self.plan_id == plan_id:
            self.plan_id = None
        self.reload()
        self.statusBar().showMessage(
            self.tr("已删除“{0}”；删除前的数据已备份，可在设置中恢复。").format(title), 10_000
        )

    if TYPE_CHECKING:  # the window's

        def reload(self) -> None: ...
        def today(self) -> date: ...
        def _show_note(self, title: str, text: str, parent: QWidget) -> None: ...
