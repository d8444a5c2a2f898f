<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>各库的许可证全文随程序一起安装（程序文件夹中的 *.dist-info）。Qt 和 PySide6 以 LGPL-3.0 许可使用，可替换为兼容的版本。</source>
        <translation>The full licence of each library is installed with the program (the *.dist-info folders in the program&apos;s folder). Qt and PySide6 are used under the LGPL-3.0 and can be replaced by a compatible version.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>在文件管理器中打开</source>
        <translation>Open in the file manager</translation>
    </message>
    <message>
        <source>工作要点督办提醒 {0}</source>
        <translation>Work Plan Deadline Reminder {0}</translation>
    </message>
    <message>
        <source>数据文件夹：</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>日志文件夹：</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>读取工作要点，按部门和月份提醒完成时间。数据只保存在本机。</source>
        <translation>Reads the work plan and reminds each department of its deadlines, month by month. The data stays on this PC.</translation>
    </message>
    <message>
        <source>运行环境：</source>
        <translation>Runtime:</translation>
    </message>
    <message>
        <source>随附的开源软件及其许可证：</source>
        <translation>Open-source software included, and its licences:</translation>
    </message>
    <message>
        <source>（尚未打开）</source>
        <translation>(not open yet)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>工作要点督办提醒</source>
        <translation>Work Plan Deadline Reminder</translation>
    </message>
    <message>
        <source>日志文件：{0}</source>
        <translation>Log file: {0}</translation>
    </message>
    <message>
        <source>程序遇到意外错误，已保存的数据没有受影响。
请把“详细信息”复制给维护人员。</source>
        <translation>The program ran into an unexpected error; the saved data is not affected.
Please copy the “Details” to whoever maintains it.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from Backup</translation>
    </message>
    <message>
        <source>从所选备份恢复…</source>
        <translation>Restore Selected Backup…</translation>
    </message>
    <message>
        <source>删除计划前</source>
        <translation>Before deleting a plan</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <source>已备份：{0}</source>
        <translation>Backed up: {0}</translation>
    </message>
    <message>
        <source>已恢复到 {0} 的数据；恢复前的数据已另存为备份。</source>
        <translation>Restored the data of {0}; the data from before the restore was saved as a backup.</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>手动备份</source>
        <translation>Manual backup</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>每次导入、删除计划和升级前都会自动备份，最多保留最近 {0} 份。从备份恢复前，当前数据会先另存为一份备份。</source>
        <translation>A backup is made automatically before every import, plan deletion and upgrade; the latest {0} are kept. Before a restore, the current data is saved as a backup too.</translation>
    </message>
    <message>
        <source>用 {0} 的备份替换现在的全部数据吗？
现在的数据会先另存为一份备份。</source>
        <translation>Replace all current data with the backup from {0}?
The current data will be saved as a backup first.</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <source>请先选中一个备份。</source>
        <translation>Select a backup first.</translation>
    </message>
    <message>
        <source>（时间晚于现在，当时时钟有误）</source>
        <translation> (later than now: the clock was wrong then)</translation>
    </message>
</context>
<context>
    <name>BatchStatus</name>
    <message>
        <source>任务(&amp;K)</source>
        <translation>Tas&amp;ks</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>另有 {0} 项此后又改过，未动。</source>
        <translation> {0} more were changed since and were left as they are.</translation>
    </message>
    <message>
        <source>将选中的 {0} 项任务标为“{1}”？每项任务的变更记录都会记下这次修改。</source>
        <translation>Mark the {0} selected tasks “{1}”? Each task’s history records the change.</translation>
    </message>
    <message>
        <source>已将 {0} 项任务标为“{1}”。可按工具栏的“撤销”（Ctrl+Z）恢复。</source>
        <translation>{0} tasks marked “{1}”. Undo on the toolbar (Ctrl+Z) puts them back.</translation>
    </message>
    <message>
        <source>已撤销：{0} 项任务恢复为原来的状态。</source>
        <translation>Undone: {0} tasks are back to their earlier status.</translation>
    </message>
    <message>
        <source>已选 {0} 项任务</source>
        <translation>{0} tasks selected</translation>
    </message>
    <message>
        <source>把上次一起更改的任务恢复为原来的状态</source>
        <translation>Put the tasks changed together last time back to their earlier status</translation>
    </message>
    <message>
        <source>把列表中选中的任务标为已完成（Ctrl+D）</source>
        <translation>Mark the tasks selected in the list done (Ctrl+D)</translation>
    </message>
    <message>
        <source>把列表中选中的任务标为进行中（Ctrl+Shift+D）</source>
        <translation>Mark the tasks selected in the list in progress (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销上次标记</source>
        <translation>Undo last marking</translation>
    </message>
    <message>
        <source>无法更改状态</source>
        <translation>Cannot change the status</translation>
    </message>
    <message>
        <source>更改状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>标为{0}</source>
        <translation>Mark {0}</translation>
    </message>
    <message>
        <source>标为已完成</source>
        <translation>Mark Done</translation>
    </message>
    <message>
        <source>标为进行中</source>
        <translation>Mark In Progress</translation>
    </message>
    <message>
        <source>选中本组全部任务</source>
        <translation>Select the Whole Group</translation>
    </message>
    <message>
        <source>选中的任务已经都是“{0}”。</source>
        <translation>The selected tasks are all “{0}” already.</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <source>主窗口不在最前面</source>
        <translation>the main window is behind other windows</translation>
    </message>
    <message>
        <source>主窗口没有显示</source>
        <translation>the main window is not on screen</translation>
    </message>
    <message>
        <source>主窗口顶部的提示条</source>
        <translation>the banner at the top of the main window</translation>
    </message>
    <message>
        <source>托盘消息</source>
        <translation>a tray message</translation>
    </message>
    <message>
        <source>提醒小窗口</source>
        <translation>the small reminder window</translation>
    </message>
    <message>
        <source>显示时出错</source>
        <translation>it failed while showing</translation>
    </message>
    <message>
        <source>本机无法显示系统通知</source>
        <translation>desktop notifications are not available on this computer</translation>
    </message>
    <message>
        <source>查看全部</source>
        <translation>View all</translation>
    </message>
    <message>
        <source>桌面上没有运行通知服务</source>
        <translation>no notification service is running on the desktop</translation>
    </message>
    <message>
        <source>桌面没有系统托盘</source>
        <translation>the desktop has no system tray</translation>
    </message>
    <message>
        <source>没有桌面会话（D-Bus 会话总线）</source>
        <translation>there is no desktop session (D-Bus session bus)</translation>
    </message>
    <message>
        <source>测试提醒</source>
        <translation>Test reminder</translation>
    </message>
    <message>
        <source>测试提醒已通过{0}显示。</source>
        <translation>The test reminder was shown as {0}.</translation>
    </message>
    <message>
        <source>测试提醒没有发出，没有一种方式能够显示它：
{0}</source>
        <translation>The test reminder was not shown; no way of showing it worked:
{0}</translation>
    </message>
    <message>
        <source>测试提醒没有发出：提醒功能尚未启动。</source>
        <translation>The test reminder was not sent: reminders have not started yet.</translation>
    </message>
    <message>
        <source>看到这条消息，说明到期提醒可以正常弹出。</source>
        <translation>If you can see this, deadline reminders can reach you.</translation>
    </message>
    <message>
        <source>窗口无法显示</source>
        <translation>the window could not be shown</translation>
    </message>
    <message>
        <source>系统托盘不能显示消息</source>
        <translation>the system tray cannot show messages</translation>
    </message>
    <message>
        <source>系统通知</source>
        <translation>a desktop notification</translation>
    </message>
    <message>
        <source>这些方式没有成功：
{0}</source>
        <translation>These did not work:
{0}</translation>
    </message>
    <message>
        <source>通知服务拒绝显示</source>
        <translation>the notification service refused it</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>【演示】</source>
        <translation>[Demo] </translation>
    </message>
    <message>
        <source>工作要点督办提醒 — 演示（数据不保存）</source>
        <translation>Work Plan Deadline Reminder — Demo (nothing is saved)</translation>
    </message>
    <message>
        <source>无法打开正式程序</source>
        <translation>Cannot open the program</translation>
    </message>
    <message>
        <source>正式程序没有启动。请从开始菜单或桌面上的图标打开“工作要点督办提醒”。</source>
        <translation>The program (without the demo) did not start. Open “工作要点督办提醒” from the Start menu or its desktop icon.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>临时文件夹：{0}</source>
        <translation>Temporary folder: {0}</translation>
    </message>
    <message>
        <source>导入自己的工作要点…</source>
        <translation>Import your own work plan…</translation>
    </message>
    <message>
        <source>演示</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>这里是内置的示例计划（已移到今年），存放在临时文件夹中；退出演示时连同在这里记录的进展一起删除，不会保存。</source>
        <translation>This is the bundled sample plan (moved to this year), kept in a temporary folder; when the demo ends it is deleted together with any progress recorded here. Nothing is saved.</translation>
    </message>
    <message>
        <source>退出演示，打开正式程序（数据保存在这台电脑上），在那里导入工作要点。</source>
        <translation>End the demo and open the program itself (its data is kept on this computer) to import a work plan there.</translation>
    </message>
</context>
<context>
    <name>DepartmentListModel</name>
    <message>
        <source>全部部门</source>
        <translation>All</translation>
    </message>
    <message>
        <source>我的部门</source>
        <translation>My Departments</translation>
    </message>
    <message>
        <source>本月 {0}</source>
        <translation>{0} this month</translation>
    </message>
    <message>
        <source>本月到期 {0} 项，逾期 {1} 项，共 {2} 项</source>
        <translation>Due this month: {0}, overdue: {1}, total: {2}</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <source>逾期 {0}</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>集体部门，成员未知：可在“设置 → 部门”中指定哪些部门属于它</source>
        <translation>A collective owner whose members are not known: choose them in Settings → Departments</translation>
    </message>
</context>
<context>
    <name>DepartmentsPage</name>
    <message>
        <source>“{0}”的新名称：</source>
        <translation>New name for “{0}”:</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>全部部门（办公室汇总）</source>
        <translation>All departments (General Office overview)</translation>
    </message>
    <message>
        <source>别名不能为空。</source>
        <translation>The alias cannot be empty.</translation>
    </message>
    <message>
        <source>别名或成员</source>
        <translation>Aliases or members</translation>
    </message>
    <message>
        <source>包括：</source>
        <translation>Takes in: </translation>
    </message>
    <message>
        <source>只选以下部门：</source>
        <translation>Only these departments:</translation>
    </message>
    <message>
        <source>合并到…</source>
        <translation>Merge Into…</translation>
    </message>
    <message>
        <source>合并部门</source>
        <translation>Merge Departments</translation>
    </message>
    <message>
        <source>工作要点中“{0}”的另一种写法：</source>
        <translation>Another way work plans write “{0}”:</translation>
    </message>
    <message>
        <source>已合并到“{0}”。</source>
        <translation>Merged into “{0}”.</translation>
    </message>
    <message>
        <source>已改名为“{0}”，原名称保留为别名。</source>
        <translation>Renamed to “{0}”; the old name is kept as an alias.</translation>
    </message>
    <message>
        <source>已更新集体部门的成员。</source>
        <translation>The collective owner&apos;s members were updated.</translation>
    </message>
    <message>
        <source>已添加别名“{0}”。</source>
        <translation>Added the alias “{0}”.</translation>
    </message>
    <message>
        <source>您是哪个部门的联络员？主窗口的“我的部门”和提醒都按这里的选择；“各部门”“各科室”等集体部门的任务会算进它包括的每个部门。</source>
        <translation>Which department are you the liaison of? My departments in the main window and the reminders follow this choice; the tasks of collective owners such as “各部门” or “各科室” count for every department they take in.</translation>
    </message>
    <message>
        <source>成员…</source>
        <translation>Members…</translation>
    </message>
    <message>
        <source>成员未知，单独列出</source>
        <translation>Members unknown, listed on its own</translation>
    </message>
    <message>
        <source>把“{0}”的任务全部并入（合并后“{0}”作为别名保留）：</source>
        <translation>Move all tasks of “{0}” into (“{0}” is kept as an alias):</translation>
    </message>
    <message>
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>改名后旧名称作为别名保留，以后导入的工作要点会自动对应到新名称；合并把一个部门的任务全部并入另一个部门。这些操作立即生效。</source>
        <translation>After a rename the old name is kept as an alias, so work plans imported later use the new name; merging moves all tasks of one department into another. These changes take effect at once.</translation>
    </message>
    <message>
        <source>未署名单位</source>
        <translation>Unnamed bureau</translation>
    </message>
    <message>
        <source>没有可以合并到的其他部门。</source>
        <translation>There is no other department to merge into.</translation>
    </message>
    <message>
        <source>添加别名</source>
        <translation>Add Alias</translation>
    </message>
    <message>
        <source>添加别名…</source>
        <translation>Add Alias…</translation>
    </message>
    <message>
        <source>请先选中一个部门。</source>
        <translation>Select a department first.</translation>
    </message>
    <message>
        <source>还没有部门：导入工作要点后，这里会列出其中的各个部门。</source>
        <translation>No departments yet: once you import a work plan, its departments are listed here.</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>部门名称</source>
        <translation>Department Names</translation>
    </message>
    <message>
        <source>部门改名</source>
        <translation>Rename Department</translation>
    </message>
    <message>
        <source>集体部门（如“各科室”）包括哪些部门</source>
        <translation>Which departments a collective owner (such as “各科室”) takes in</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV 表格 (*.csv)</source>
        <translation>CSV table (*.csv)</translation>
    </message>
    <message>
        <source>Excel 台账 (*.xlsx)</source>
        <translation>Excel ledger (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 进展报告 (*.pdf)</source>
        <translation>PDF progress report (*.pdf)</translation>
    </message>
    <message>
        <source>Word 台账 (*.docx)</source>
        <translation>Word ledger (*.docx)</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export the Ledger</translation>
    </message>
    <message>
        <source>已导出 {0} 项任务到 {1}</source>
        <translation>{0} task(s) exported to {1}</translation>
    </message>
    <message>
        <source>无法写入文件 {0}：{1}</source>
        <translation>Cannot write the file {0}: {1}</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>已设置为 {0}，重新启动程序后生效。</source>
        <translation>Set to {0}; takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>按“确定”后，当前数据会复制到该文件夹，重新启动程序后生效；请在更改后尽快重启，原文件夹中的数据保留不动。</source>
        <translation>When you click “OK”, the current data is copied to this folder and used once the program is restarted; please restart soon. The data in the old folder is left as it is.</translation>
    </message>
    <message>
        <source>提醒的发送情况和程序错误记录在这里，遇到问题时可发给维护人员。</source>
        <translation>How reminders were delivered and any program errors are recorded here; send it to support when something goes wrong.</translation>
    </message>
    <message>
        <source>数据库和备份保存在这里。更改文件夹后需重新启动程序才能生效。</source>
        <translation>The database and its backups are kept here. A new folder takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>数据文件夹：</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>日志文件无法写入，本次运行的记录不会保存。</source>
        <translation>The log file cannot be written; nothing of this run is kept in it.</translation>
    </message>
    <message>
        <source>日志文件：</source>
        <translation>Log file:</translation>
    </message>
    <message>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>更改语言后需重新启动程序才能生效。</source>
        <translation>A new language takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>该文件夹中已有数据，重新启动程序后将使用其中的数据；当前文件夹中的数据保留不动。</source>
        <translation>This folder already holds data, which will be used once the program is restarted; the data in the current folder is left as it is.</translation>
    </message>
    <message>
        <source>选择数据文件夹</source>
        <translation>Choose Data Folder</translation>
    </message>
</context>
<context>
    <name>GroupMembersDialog</name>
    <message>
        <source>“{0}”的成员</source>
        <translation>Members of {0}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>工作要点写“{0}”的任务，算作下面勾选的每个部门的任务。一个也不勾选时，“{0}”作为一个部门单独列出。</source>
        <translation>The plan&apos;s tasks for {0} count as tasks of every department ticked below. With none ticked, {0} is listed as a department of its own.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>到期提醒</source>
        <translation>Deadline reminders</translation>
    </message>
    <message>
        <source>原文没有写完成时间。</source>
        <translation>The document gives no deadline.</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>完成时间在 {0} 个工作日之内。</source>
        <translation>The deadline is within {0} working days.</translation>
    </message>
    <message>
        <source>导入前的预览列出识别出的每项任务：牵头部门、责任部门和完成时间可以直接改，有疑问的行会标出。以后导入同一计划的修订稿，已记录的状态和进展都会保留。</source>
        <translation>Before anything is imported, the preview lists every task found: the lead department, the responsible departments and the deadline can be edited there, and doubtful rows are marked. When you later import a revised version of the same plan, the statuses and progress already recorded are kept.</translation>
    </message>
    <message>
        <source>导入工作要点</source>
        <translation>Import a work plan</translation>
    </message>
    <message>
        <source>导出台账</source>
        <translation>Export the ledger</translation>
    </message>
    <message>
        <source>工具 → 我的部门…：选出您负责联络的部门（可以多选）。勾选“只看我的部门”后，中间只列这些部门的任务；到期提醒和导出的台账也只含它们。写给“各部门”等集体的任务会包括在内。</source>
        <translation>Tools → My Departments…: choose the departments you are the liaison for (several if need be). With “My departments only” ticked, the middle of the window lists only their tasks; reminders and exported ledgers cover only them too. Tasks given to a collective such as “各部门” are included.</translation>
    </message>
    <message>
        <source>工具 → 设置…{0} → 提醒：提前的天数、每天提醒的时间、免打扰时段和逾期任务的再次提醒；“节假日”页可以导入国务院办公厅的放假通知。</source>
        <translation>Tools → Settings…{0} → Reminders: how many working days ahead, the time of day, quiet hours and repeated reminders of overdue tasks; the Holidays page imports the State Council&apos;s holiday notice.</translation>
    </message>
    <message>
        <source>已取消，不再提醒。</source>
        <translation>Cancelled; no more reminders.</translation>
    </message>
    <message>
        <source>已完成。</source>
        <translation>Done.</translation>
    </message>
    <message>
        <source>已过完成时间，仍未完成。</source>
        <translation>Past its deadline and not done.</translation>
    </message>
    <message>
        <source>持续推进或定期开展，没有单一的完成时间。</source>
        <translation>Ongoing or recurring, with no single deadline.</translation>
    </message>
    <message>
        <source>文件 → 导入工作要点…{0}，或把文档直接拖进窗口。可以读取 .docx、.pdf、.txt、.xlsx、.ofd；.doc 和 .wps 需要这台电脑装有 LibreOffice。</source>
        <translation>File → Import Work Plan…{0}, or drag the document into the window. The program reads .docx, .pdf, .txt, .xlsx and .ofd; .doc and .wps need LibreOffice on this computer.</translation>
    </message>
    <message>
        <source>文件 → 导出台账…：把当前计划（选了我的部门时只含这些部门）导出为 Excel、Word、CSV、PDF 进展报告或日历文件，列出序号、任务内容、牵头部门、责任部门、完成时限、状态和进展情况，便于季度末和年底报送办公室。</source>
        <translation>File → Export the Ledger…: the plan shown (only your departments when you have chosen them) as an Excel, Word or CSV ledger, a PDF progress report or a calendar file, with the number, task, lead and responsible departments, deadline, status and progress of each task, ready to hand to the General Office at the end of each quarter and of the year.</translation>
    </message>
    <message>
        <source>时间已过半（或一个时间节点已过），本月还没有记录进展。</source>
        <translation>More than half of its time has passed (or a milestone has), and no progress has been recorded this month.</translation>
    </message>
    <message>
        <source>每次导入、删除计划和升级前都会自动备份，保留最近 {0} 份。工具 → 设置… → 备份与恢复：可以立即备份，或从所选备份恢复（恢复前的数据会先另存一份）。数据只保存在这台电脑上，数据文件夹在 设置 → 常规 中。</source>
        <translation>A backup is made automatically before every import, plan deletion and upgrade; the latest {0} are kept. Tools → Settings… → Backup and Restore: back up now, or restore a chosen backup (the data from before the restore is saved first). The data is kept only on this computer; its folder is shown under Settings → General.</translation>
    </message>
    <message>
        <source>记录进展</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>还没有到期。</source>
        <translation>Not yet due.</translation>
    </message>
    <message>
        <source>选中一项任务，在任务详情中修改状态（未开始、进行中、已完成、已取消），写下进展说明后按“添加进展”。每条进展和每次修改都记入变更记录。搜索{0}可以按任务内容和部门查找。</source>
        <translation>Choose a task and, in its details, change its status (not started, in progress, done, cancelled) or write a progress note and press “Add Note”. Every note and every change is kept in the change history. Search{0} finds tasks by their text and departments.</translation>
    </message>
    <message>
        <source>选择我的部门</source>
        <translation>Choose my departments</translation>
    </message>
    <message>
        <source>颜色的含义</source>
        <translation>What the colours mean</translation>
    </message>
    <message>
        <source>默认在完成时间前 {0} 个工作日（按法定节假日和调休计算）和到期当月的最后一个工作日弹出提醒；同一天到期的任务合在一条提醒里。点击提醒可逐项选择“知道了”或“稍后提醒”。关闭窗口后程序仍在任务栏通知区域运行，照常提醒。</source>
        <translation>By default a reminder appears {0} working days before a deadline (public holidays and make-up working days counted) and on the last working day of the deadline&apos;s month; tasks due together come in one reminder. Click it to answer each task with “Got It” or “Remind Me Later”. Closing the window leaves the program running in the notification area, and the reminders still come.</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>使用指南</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>HolidaysPage</name>
    <message>
        <source>{0} 年{1}：{2}</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <source>{0} 年：尚无安排，按周一至周五计算</source>
        <translation>{0}: not announced yet, Monday to Friday</translation>
    </message>
    <message>
        <source>{0} 年：已导入通知（{1:%Y-%m-%d}）</source>
        <translation>{0}: notice imported ({1:%Y-%m-%d})</translation>
    </message>
    <message>
        <source>{0} 年：程序内置</source>
        <translation>{0}: built in</translation>
    </message>
    <message>
        <source>与当前日历相比有 {0} 天改变。</source>
        <translation>{0} day(s) change against the calendar in force.</translation>
    </message>
    <message>
        <source>与当前日历相比没有变化。</source>
        <translation>Nothing changes against the calendar in force.</translation>
    </message>
    <message>
        <source>例如：国务院办公厅关于2027年部分节假日安排的通知
一、元旦：……</source>
        <translation>For example: “国务院办公厅关于2027年部分节假日安排的通知”
“一、元旦：……”</translation>
    </message>
    <message>
        <source>国家每年公布下一年的节假日安排后，把国务院办公厅的通知粘贴到下面（或打开保存的网页、Word、PDF 文件），预览无误后导入，提醒就按新的放假和调休上班日计算。</source>
        <translation>Once the State Council announces next year&apos;s holidays, paste its notice below (or open it saved as a web page, Word or PDF file), check the preview and import it: reminders then count the new days off and make-up working days.</translation>
    </message>
    <message>
        <source>图例：{0} 放假&#x3000;{1} 调休上班&#x3000;{2} 自己添加的休息日</source>
        <translation>Legend: {0} day off  {1} make-up working day  {2} your own extra day off</translation>
    </message>
    <message>
        <source>导入此通知</source>
        <translation>Import this notice</translation>
    </message>
    <message>
        <source>已导入 {0} 年的节假日安排，提醒将按新的工作日计算。</source>
        <translation>The holidays of {0} are imported; reminders count the new working days.</translation>
    </message>
    <message>
        <source>打开文件…</source>
        <translation>Open File…</translation>
    </message>
    <message>
        <source>打开节假日安排通知</source>
        <translation>Open a Holiday Notice</translation>
    </message>
    <message>
        <source>节假日安排</source>
        <translation>holiday arrangement</translation>
    </message>
    <message>
        <source>补充通知</source>
        <translation>supplementary notice</translation>
    </message>
    <message>
        <source>请核对（这些内容没有读取）：</source>
        <translation>Please check (these were not read):</translation>
    </message>
    <message>
        <source>通知 (*.txt *.docx *.pdf *.html *.htm *.mht *.doc *.wps);;所有文件 (*)</source>
        <translation>Notices (*.txt *.docx *.pdf *.html *.htm *.mht *.doc *.wps);;All files (*)</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>（粘贴的文字）</source>
        <translation>(pasted text)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>{0} {1}：{2}</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <source>{0}：{1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>“{0}”没有任何变化。</source>
        <translation>“{0}” has not changed.</translation>
    </message>
    <message>
        <source>① 选择文件</source>
        <translation>① Choose file</translation>
    </message>
    <message>
        <source>② 核对任务</source>
        <translation>② Check tasks</translation>
    </message>
    <message>
        <source>③ 完成</source>
        <translation>③ Done</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>与已导入计划相比的变化（导入前不会写入）</source>
        <translation>Changes from the imported plan (nothing is saved until you import)</translation>
    </message>
    <message>
        <source>仍需核对的提示（{0} 项）：</source>
        <translation>Warnings still to check ({0}):</translation>
    </message>
    <message>
        <source>任务 {0}：{1}</source>
        <translation>Task {0}: {1}</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task text</translation>
    </message>
    <message>
        <source>任务内容有改动</source>
        <translation>task text changed</translation>
    </message>
    <message>
        <source>共 {0} 项任务，其中 {1} 项需要核对（黄色标出）。双击牵头部门、责任部门或完成时间即可修改。</source>
        <translation>{0} tasks, {1} of them to check (highlighted in yellow). Double-click a lead department, responsible departments or deadline to change it.</translation>
    </message>
    <message>
        <source>共 {0} 项任务，没有需要核对的提示。双击牵头部门、责任部门或完成时间即可修改。</source>
        <translation>{0} tasks, no warnings to check. Double-click a lead department, responsible departments or deadline to change it.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>原文标注：{0}</source>
        <translation>Annotation in the document: {0}</translation>
    </message>
    <message>
        <source>发文日期</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导入前已备份数据库：{0}</source>
        <translation>The database was backed up before the import: {0}</translation>
    </message>
    <message>
        <source>导入后计划名称将改为“{0}”。</source>
        <translation>On import, the plan will be renamed “{0}”.</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>导入工作要点</source>
        <translation>Import Work Plan</translation>
    </message>
    <message>
        <source>工作要点文档 (*.docx *.pdf *.txt *.xlsx *.ofd *.doc *.wps)</source>
        <translation>Work plan documents (*.docx *.pdf *.txt *.xlsx *.ofd *.doc *.wps)</translation>
    </message>
    <message>
        <source>已导入新的工作要点“{0}”。</source>
        <translation>Imported the new work plan “{0}”.</translation>
    </message>
    <message>
        <source>已按修订稿更新“{0}”。</source>
        <translation>Updated “{0}” from the revised version.</translation>
    </message>
    <message>
        <source>已读取：{0}</source>
        <translation>Loaded: {0}</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>或</source>
        <translation>or</translation>
    </message>
    <message>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>把工作要点文档拖到这里</source>
        <translation>Drop a work plan document here</translation>
    </message>
    <message>
        <source>提示：{0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <source>支持 Word（.docx、.doc）、WPS（.wps）、PDF、OFD、Excel（.xlsx）和文本（.txt）</source>
        <translation>Reads Word (.docx, .doc), WPS (.wps), PDF, OFD, Excel (.xlsx) and text (.txt)</translation>
    </message>
    <message>
        <source>文件：{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>新增 {0} 项，变更 {1} 项，删除 {2} 项，未变 {3} 项</source>
        <translation>{0} added, {1} changed, {2} removed, {3} unchanged</translation>
    </message>
    <message>
        <source>无法读取文件：{0}</source>
        <translation>Cannot read the file: {0}</translation>
    </message>
    <message>
        <source>未命名计划</source>
        <translation>Untitled plan</translation>
    </message>
    <message>
        <source>未识别</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>未识别出标题，请输入计划名称</source>
        <translation>No title recognized: type the plan&apos;s title</translation>
    </message>
    <message>
        <source>正在读取：{0}</source>
        <translation>Reading: {0}</translation>
    </message>
    <message>
        <source>没有仍需核对的提示。</source>
        <translation>No warnings left to check.</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>计划名称由“{0}”改为“{1}”。</source>
        <translation>The plan was renamed from “{0}” to “{1}”.</translation>
    </message>
    <message>
        <source>计划名称：导入后以此命名，可以输入或修改</source>
        <translation>The plan&apos;s title: the plan is imported under it; type or correct it here</translation>
    </message>
    <message>
        <source>请核对：{0}（原第 {1} 项，修订稿第 {2} 项）无法区分</source>
        <translation>Please check: {0} (was items {1}, now item {2}) cannot be told apart</translation>
    </message>
    <message>
        <source>请输入计划名称（留空则不设名称）</source>
        <translation>Type the plan&apos;s title (left empty, the plan has none)</translation>
    </message>
    <message>
        <source>请输入计划名称（留空则沿用“{0}”）</source>
        <translation>Type the plan&apos;s title (left empty, it stays “{0}”)</translation>
    </message>
    <message>
        <source>责任部门</source>
        <translation>Responsible departments</translation>
    </message>
    <message>
        <source>责任领导</source>
        <translation>Leaders</translation>
    </message>
    <message>
        <source>这些任务的内容、完成时间、责任部门和所在位置都相同，只有编号不同，而修订稿中的数量变了。程序按原来的顺序对应它们，记录的进度和备注可能落在了另一项上：导入后请打开这些任务核对。</source>
        <translation>These tasks have the same text, deadline, owners and place and differ only in their numbers, and the revision has a different number of them. The program pairs them in their old order, so recorded progress and notes may have landed on another task: open these tasks after importing and check them.</translation>
    </message>
    <message>
        <source>这份文件与已导入的“{0}”内容相同，导入不会改变任何任务。</source>
        <translation>This file has the same content as the imported “{0}”; importing it will not change any task.</translation>
    </message>
    <message>
        <source>这份文件已经导入过（“{0}”），导入不会改变任何内容。下表按文件原文列出，提示也针对原文；您在程序里做过的更正都已保存。</source>
        <translation>This file has already been imported (“{0}”); importing it again changes nothing. The table lists the file as written, and its notes are about that text; the corrections you made in the program are all kept.</translation>
    </message>
    <message>
        <source>这是 {0} 年的工作要点，今年是 {1} 年：导入后其中未完成的任务都会显示为逾期。请确认选对了文件。</source>
        <translation>This is the work plan of {0}, and this is {1}: once imported, its unfinished tasks all show as overdue. Please make sure this is the right file.</translation>
    </message>
    <message>
        <source>这是一份新的工作要点：导入后将新增 {0} 项任务。</source>
        <translation>This is a new work plan: importing it adds {0} tasks.</translation>
    </message>
    <message>
        <source>这是已导入的“{0}”的修订稿。请在导入前核对下面列出的变化；您记录的进度、备注和更正都会保留。</source>
        <translation>This is a revised version of the imported “{0}”. Check the changes listed below before importing; the status, notes and corrections you recorded are kept.</translation>
    </message>
    <message>
        <source>选择工作要点文档</source>
        <translation>Choose a Work Plan Document</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <source>（保留您的更正）</source>
        <translation> (your correction is kept)</translation>
    </message>
    <message>
        <source>（其中 {0} 项只是编号变了）</source>
        <translation> ({0} of them only renumbered)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>，恢复 {0} 项</source>
        <translation>, {0} restored</translation>
    </message>
    <message>
        <source>，您更正了 {0} 项</source>
        <translation>, corrected by you: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部计划</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>只看我的部门</source>
        <translation>My departments only</translation>
    </message>
    <message>
        <source>只看牵头</source>
        <translation>Lead only</translation>
    </message>
    <message>
        <source>只看责任</source>
        <translation>Responsible only</translation>
    </message>
    <message>
        <source>工作要点</source>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>工作要点督办提醒</source>
        <translation>Work Plan Deadline Reminder</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>搜索范围：当前计划，或全部计划</source>
        <translation>Where to search: this plan, or every plan</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>本计划</source>
        <translation>This plan</translation>
    </message>
    <message>
        <source>正在打开数据…</source>
        <translation>Opening the data…</translation>
    </message>
    <message>
        <source>清空搜索</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>牵头和责任</source>
        <translation>Lead and responsible</translation>
    </message>
    <message>
        <source>窗口已关闭，程序仍在后台运行，到期时会照常提醒。
点击任务栏通知区域中的图标可重新打开窗口；要完全退出，请在图标的菜单中选择“退出”。</source>
        <translation>The window is closed, but the program keeps running in the background and will remind you as usual.
Click its icon in the notification area to open the window again; to quit completely, choose &quot;Quit&quot; from the icon&apos;s menu.</translation>
    </message>
    <message>
        <source>红 逾期：过了完成时间仍未完成
蓝 临近到期：{0} 个工作日内到期（尚未开始的，“状态”列写着未开始）
黄 未达序时进度：尚未到期，但从计划印发（未注明日期的从年初）算起时间已过半，或已过某个时间节点，而本月还没有进展记录（添加一条进展即恢复）</source>
        <translation>Red, overdue: past its deadline and not done
Blue, due soon: due within {0} working days (one not yet started says “Not started” under Status)
Yellow, behind schedule: not yet due, but more than half of its time since the plan was issued (or since 1 January when the plan has no date) has passed, or one of its milestones has, and there is no progress note this month (adding one puts it back on schedule)</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Departments</translation>
    </message>
</context>
<context>
    <name>MonthTaskModel</name>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>其他年份</source>
        <translation>Other years</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>持续推进 / 定期</source>
        <translation>Ongoing / recurring</translation>
    </message>
    <message>
        <source>未标注完成时间</source>
        <translation>No deadline given</translation>
    </message>
    <message>
        <source>牵头 / 责任部门</source>
        <translation>Lead / responsible</translation>
    </message>
    <message>
        <source>牵头部门：</source>
        <translation>Lead: </translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>责任部门：</source>
        <translation>Responsible: </translation>
    </message>
    <message>
        <source>逾期未完成</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>逾期未完成的任务集中列在这里，同时仍列在各自的完成月份中。</source>
        <translation>Overdue tasks are gathered here, and stay listed under the month they are due in as well.</translation>
    </message>
    <message>
        <source>逾期未完成的任务；本月到期而已逾期的，也列在本月中。</source>
        <translation>Late tasks; those due earlier this month are under this month too.</translation>
    </message>
    <message>
        <source>（{0} 项</source>
        <translation> (tasks: {0}</translation>
    </message>
    <message>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <source>，也列在各自月份中</source>
        <translation>, also listed under their months</translation>
    </message>
    <message>
        <source>，未达序时进度 {0}</source>
        <translation>, behind schedule: {0}</translation>
    </message>
    <message>
        <source>，逾期 {0}</source>
        <translation>, overdue: {0}</translation>
    </message>
</context>
<context>
    <name>MyDepartmentsDialog</name>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>全部部门（办公室汇总）</source>
        <translation>All departments (General Office overview)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>只选以下部门：</source>
        <translation>Only these departments:</translation>
    </message>
    <message>
        <source>您是哪个部门的联络员？提醒和“只看我的部门”按这里的选择。</source>
        <translation>Which departments are you the liaison for?
Reminders and “My departments only” follow this choice.</translation>
    </message>
    <message>
        <source>我的部门</source>
        <translation>My Departments</translation>
    </message>
    <message>
        <source>未署名单位</source>
        <translation>Unnamed bureau</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>（集体）</source>
        <translation> (collective)</translation>
    </message>
</context>
<context>
    <name>MyMonth</name>
    <message>
        <source>我的部门：{0} · {1}月到期 {2} 项 · 逾期 {3} 项 · 来自 {4} 个计划</source>
        <translation>My departments: {0} · due in month {1}: {2} · late: {3} · from {4} plans</translation>
    </message>
    <message>
        <source>我的部门：{0} · 本月没有到期或逾期的任务</source>
        <translation>My departments: {0} · nothing due this month or late</translation>
    </message>
    <message>
        <source>还没有选择我的部门。选好后，这里列出各个计划中我的部门本月到期和已逾期的任务，其他单位的计划也在内。</source>
        <translation>No department of yours is chosen yet. Once chosen, this lists your departments’ tasks due this month or late, in every plan, other bureaus’ plans included.</translation>
    </message>
    <message>
        <source>选择我的部门…</source>
        <translation>Choose My Departments…</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>{0} · {1}月：</source>
        <translation>{0} · month {1}: </translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
</context>
<context>
    <name>OwnersDelegate</name>
    <message>
        <source>多个部门用“、”分隔</source>
        <translation>Separate several departments with “、” or commas</translation>
    </message>
</context>
<context>
    <name>PlanFlows</name>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>删除“{0}”及其全部任务和进展记录？删除前会自动备份。</source>
        <translation>Delete “{0}” with all its tasks and progress notes? A backup is made before deleting.</translation>
    </message>
    <message>
        <source>删除示例</source>
        <translation>Delete the sample</translation>
    </message>
    <message>
        <source>删除计划</source>
        <translation>Delete Plan</translation>
    </message>
    <message>
        <source>发送测试提醒</source>
        <translation>Send Test Reminder</translation>
    </message>
    <message>
        <source>已删除“{0}”；删除前的数据已备份，可在设置中恢复。</source>
        <translation>Deleted “{0}”; the data was backed up first and can be restored in Settings.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot Delete</translation>
    </message>
    <message>
        <source>无法打开示例</source>
        <translation>Cannot Open the Sample</translation>
    </message>
    <message>
        <source>示例计划</source>
        <translation>Sample plan</translation>
    </message>
    <message>
        <source>示例计划“{0}”还在：它的任务会出现在列表和总览里，选“全部部门”时也会到期提醒。现在删除示例吗？</source>
        <translation>The sample plan “{0}” is still here: its tasks appear in the lists and the overview, and with “All departments” they are reminded too. Delete the sample now?</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>任务 {0} 没有标注牵头或责任部门</source>
        <translation>Task {0} has no lead or responsible department</translation>
    </message>
    <message>
        <source>任务 {0} 的完成时间 {1} 早于发文日期 {2}</source>
        <translation>Task {0}: the deadline {1} is before the issue date {2}</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>分阶段完成：{0}</source>
        <translation>In stages: {0}</translation>
    </message>
    <message>
        <source>原文标注：{0}</source>
        <translation>Annotation in the document: {0}</translation>
    </message>
    <message>
        <source>双击修改；多个部门用“、”或“，”分隔</source>
        <translation>Double-click to edit; separate several departments with “、” or commas</translation>
    </message>
    <message>
        <source>双击选择完成月份</source>
        <translation>Double-click to choose the deadline month</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>定期</source>
        <translation>Recurring</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>持续推进</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>未标注</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>责任部门</source>
        <translation>Responsible departments</translation>
    </message>
</context>
<context>
    <name>QuickFilters</name>
    <message>
        <source>只看{0}的任务；再点一次取消</source>
        <translation>Show only: {0} (click again to show all)</translation>
    </message>
    <message>
        <source>本月到期</source>
        <translation>Due this month</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <source>1 小时后（{0}）</source>
        <translation>In 1 hour ({0})</translation>
    </message>
    <message>
        <source>3 个工作日后 {0}</source>
        <translation>In 3 working days, {0}</translation>
    </message>
    <message>
        <source>{0} 项任务的提醒待处理</source>
        <translation>Reminders awaiting an answer: {0} task(s)</translation>
    </message>
    <message>
        <source>{0}月{1}日 {2}</source>
        <translation>{0}/{1} {2}</translation>
    </message>
    <message>
        <source>下一个工作日 {0}</source>
        <translation>Next working day, {0}</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>全部知道了</source>
        <translation>Acknowledge All</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>到期提醒</source>
        <translation>Deadline Reminders</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>明天 {0}</source>
        <translation>Tomorrow {0}</translation>
    </message>
    <message>
        <source>没有待处理的提醒。</source>
        <translation>No reminders awaiting an answer.</translation>
    </message>
    <message>
        <source>点击任务可在主窗口中查看和记录进展。</source>
        <translation>Click a task to view it and record progress in the main window.</translation>
    </message>
    <message>
        <source>牵头 / 责任部门</source>
        <translation>Lead / responsible</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got It</translation>
    </message>
    <message>
        <source>稍后提醒 ▾</source>
        <translation>Remind Me Later ▾</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Plan</translation>
    </message>
</context>
<context>
    <name>ReminderHost</name>
    <message>
        <source>提醒已恢复。</source>
        <translation>Reminders resumed.</translation>
    </message>
    <message>
        <source>提醒已暂停，到 {0} 恢复。</source>
        <translation>Reminders paused until {0}.</translation>
    </message>
    <message>
        <source>提醒未能送达，稍后会重试：{0}</source>
        <translation>The reminder could not be delivered and will be retried: {0}</translation>
    </message>
    <message>
        <source>无法恢复提醒</source>
        <translation>Cannot resume reminders</translation>
    </message>
    <message>
        <source>无法暂停提醒</source>
        <translation>Cannot Pause Reminders</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>到期提醒</source>
        <translation>Deadline Reminders</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>个工作日前</source>
        <translation>working days before the deadline</translation>
    </message>
    <message>
        <source>例如 10、5、1</source>
        <translation>e.g. 10, 5, 1</translation>
    </message>
    <message>
        <source>免打扰时段：</source>
        <translation>Quiet hours:</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Remove Selected</translation>
    </message>
    <message>
        <source>发送测试提醒</source>
        <translation>Send Test Reminder</translation>
    </message>
    <message>
        <source>国家尚未公布 {0} 年的节假日安排，该年按周一至周五计算工作日；可在“额外休息日”中自行添加。</source>
        <translation>The official holidays for {0} have not been published yet, so that year&apos;s working days are Monday to Friday; add days off under “Extra days off”.</translation>
    </message>
    <message>
        <source>多个天数用顿号分隔；截止当月的最后一个工作日总会再提醒一次。</source>
        <translation>Separate several numbers with commas; there is always one more reminder on the last working day of the deadline month.</translation>
    </message>
    <message>
        <source>提前提醒：</source>
        <translation>Remind me:</translation>
    </message>
    <message>
        <source>提醒已暂停，到 {0} 恢复。</source>
        <translation>Reminders are paused until {0}.</translation>
    </message>
    <message>
        <source>本单位另行安排的休息日，不算工作日；法定节假日和调休已自动计入。</source>
        <translation>Days off set by your own office, not counted as working days; public holidays and make-up working days are already included.</translation>
    </message>
    <message>
        <source>检查桌面通知能否正常弹出</source>
        <translation>Checks that desktop notifications appear</translation>
    </message>
    <message>
        <source>每天提醒时间：</source>
        <translation>Daily reminder at:</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>登录电脑后自动启动本程序（在后台提醒）</source>
        <translation>Start this program when I log in (reminders run in the background)</translation>
    </message>
    <message>
        <source>立即恢复提醒</source>
        <translation>Resume Reminders Now</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>逾期任务：</source>
        <translation>Overdue tasks:</translation>
    </message>
    <message>
        <source>逾期未完成的任务每周再提醒一次</source>
        <translation>Remind me of overdue tasks again every week</translation>
    </message>
    <message>
        <source>额外休息日：</source>
        <translation>Extra days off:</translation>
    </message>
    <message>
        <source>（两者相同表示不设免打扰）</source>
        <translation>(the same time twice means no quiet hours)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>其他设置已保存，但无法把数据复制到新文件夹：{0}</source>
        <translation>The other settings were saved, but the data could not be copied to the new folder: {0}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and Restore</translation>
    </message>
    <message>
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <source>我的部门</source>
        <translation>My Departments</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>无法设置开机自动启动：{0}</source>
        <translation>Cannot set the program to start at login: {0}</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>节假日</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>打开“{0}”菜单</source>
        <translation>Open the “{0}” menu</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>临近到期</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>持续推进</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>未标注时间</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>未达序时进度</source>
        <translation>Behind schedule</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <source> · 未达序时进度，本月尚无进展记录</source>
        <translation> · behind schedule: no progress note this month</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>任务内容</source>
        <translation>Task text</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save Changes</translation>
    </message>
    <message>
        <source>保存更正</source>
        <translation>Save Correction</translation>
    </message>
    <message>
        <source>写下进展，例如：已报送材料、已召开会议…</source>
        <translation>Write down progress, e.g. materials submitted, meeting held…</translation>
    </message>
    <message>
        <source>双击修改这条进展</source>
        <translation>Double-click to edit this note</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Cancel Editing</translation>
    </message>
    <message>
        <source>变更记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>在中间选择一项任务，这里显示它的全部内容。</source>
        <translation>Choose a task in the middle to see all its details here.</translation>
    </message>
    <message>
        <source>多个部门用“、”分隔</source>
        <translation>Separate several departments with “、” or commas</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>完成时间：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <source>导入</source>
        <translation>import</translation>
    </message>
    <message>
        <source>已逾期 {0} 个工作日</source>
        <translation>Working days overdue: {0}</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>手工</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>文件原文中的标注</source>
        <translation>Annotation in the document</translation>
    </message>
    <message>
        <source>更正部门或完成时间…</source>
        <translation>Correct Departments or Deadline…</translation>
    </message>
    <message>
        <source>有完成日期</source>
        <translation>Has a due date</translation>
    </message>
    <message>
        <source>未标注</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>此任务已从修订后的工作要点中删除，仅作存档，记录保留。</source>
        <translation>This task was removed from the revised plan; it is kept as an archive with its records.</translation>
    </message>
    <message>
        <source>添加进展</source>
        <translation>Add Note</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>牵头部门：</source>
        <translation>Lead department: </translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>责任部门</source>
        <translation>Responsible departments</translation>
    </message>
    <message>
        <source>责任部门：</source>
        <translation>Responsible departments: </translation>
    </message>
    <message>
        <source>责任领导</source>
        <translation>Leaders</translation>
    </message>
    <message>
        <source>责任领导：</source>
        <translation>Leaders: </translation>
    </message>
    <message>
        <source>还有 {0} 个工作日</source>
        <translation>Working days left: {0}</translation>
    </message>
    <message>
        <source>进展记录</source>
        <translation>Progress notes</translation>
    </message>
    <message>
        <source>进展说明</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>（原文中没有标注）</source>
        <translation>(no annotation in the document)</translation>
    </message>
    <message>
        <source>（尚无变更）</source>
        <translation>(no changes yet)</translation>
    </message>
    <message>
        <source>（已修改）</source>
        <translation> (edited)</translation>
    </message>
    <message>
        <source>（已手工修改）</source>
        <translation> (corrected by hand)</translation>
    </message>
</context>
<context>
    <name>TaskSearch</name>
    <message>
        <source>全部计划中都没有找到“{0}”。</source>
        <translation>“{0}” is in none of the plans.</translation>
    </message>
    <message>
        <source>全部计划的全部部门</source>
        <translation>every department of every plan</translation>
    </message>
    <message>
        <source>全部部门</source>
        <translation>all departments</translation>
    </message>
    <message>
        <source>在全部计划中搜索</source>
        <translation>Search all plans</translation>
    </message>
    <message>
        <source>在我的本月任务中搜索</source>
        <translation>Search my tasks this month</translation>
    </message>
    <message>
        <source>在本计划的{0}中搜索</source>
        <translation>Search {0} in this plan</translation>
    </message>
    <message>
        <source>当前计划的{0}</source>
        <translation>{0} of the current plan</translation>
    </message>
    <message>
        <source>当前部门和筛选条件下没有“{0}”；整个计划中有 {1} 项，可选“全部部门”或放宽筛选。</source>
        <translation>No “{0}” under this department and these filters; the whole plan has {1}. Choose “All” or loosen the filters.</translation>
    </message>
    <message>
        <source>我的本月任务（各个计划中我的部门的任务）</source>
        <translation>my tasks this month (my departments’ tasks in every plan)</translation>
    </message>
    <message>
        <source>我的部门</source>
        <translation>my departments</translation>
    </message>
    <message>
        <source>搜索任务内容和牵头、责任部门（Ctrl+F，Esc 清除）。
现在的范围：{0}，状态等筛选条件照样适用。
右边的“本计划/全部计划”可改为搜索所有计划。</source>
        <translation>Searches the task text and the lead and responsible departments (Ctrl+F; Esc clears).
Searching now: {0}; the status and other filters still apply.
Choose “All plans” on the right to search every plan.</translation>
    </message>
    <message>
        <source>筛选条件下没有“{0}”；全部计划中有 {1} 项，可放宽筛选。</source>
        <translation>No “{0}” under these filters; all plans have {1}. Loosen the filters.</translation>
    </message>
    <message>
        <source>计划中没有找到“{0}”。</source>
        <translation>“{0}” is nowhere in the plan.</translation>
    </message>
</context>
<context>
    <name>TaskViews</name>
    <message>
        <source>今天 {0} · 我的部门本月待完成 {1} 项 · 逾期 {2} 项 · 未达序时进度 {3} 项</source>
        <translation>Today {0} · my departments: {1} open this month · {2} overdue · {3} behind schedule</translation>
    </message>
    <message>
        <source>今天 {0} · 本月待完成 {1} 项 · 逾期 {2} 项 · 未达序时进度 {3} 项</source>
        <translation>Today {0} · {1} open this month · {2} overdue · {3} behind schedule</translation>
    </message>
    <message>
        <source>尚无 {0} 年节假日安排，工作日按周一至周五估算：请在 设置 → 节假日 中导入通知</source>
        <translation>The holidays of {0} are not known yet; working days are estimated Monday to Friday: import the notice in Settings → Holidays</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>已刷新。</source>
        <translation>Refreshed.</translation>
    </message>
    <message>
        <source>还没有导入工作要点</source>
        <translation>No work plan imported yet</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>今天不再提醒</source>
        <translation>No More Reminders Today</translation>
    </message>
    <message>
        <source>今天的提醒</source>
        <translation>Today&apos;s Reminders</translation>
    </message>
    <message>
        <source>尚无 {0} 年节假日安排：在 设置 → 节假日 中导入通知</source>
        <translation>Holidays of {0} not known yet: import the notice in Settings → Holidays</translation>
    </message>
    <message>
        <source>工作要点督办提醒</source>
        <translation>Work Plan Deadline Reminder</translation>
    </message>
    <message>
        <source>恢复提醒</source>
        <translation>Resume Reminders</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>提醒已暂停，到 {0} 恢复</source>
        <translation>Reminders paused until {0}</translation>
    </message>
    <message>
        <source>暂停提醒一小时</source>
        <translation>Pause Reminders for an Hour</translation>
    </message>
    <message>
        <source>本月待完成 {0} 项 · 逾期 {1} 项 · 未达序时进度 {2} 项</source>
        <translation>{0} due this month · {1} overdue · {2} behind schedule</translation>
    </message>
    <message>
        <source>演示（数据不保存）</source>
        <translation>Demo (nothing is saved)</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>也可以把文件直接拖到这个窗口里。</source>
        <translation>You can also drag a file straight into this window.</translation>
    </message>
    <message>
        <source>导入工作要点…</source>
        <translation>Import Work Plan…</translation>
    </message>
    <message>
        <source>工作要点督办提醒</source>
        <translation>Work Plan Deadline Reminder</translation>
    </message>
    <message>
        <source>把局里印发的工作要点（.docx、.doc、.wps、.pdf、.ofd、.xlsx、.txt）交给我：
我列出每个部门每个月要完成的任务，到期前按工作日提醒您，
并记录进展，方便向办公室报送台账。所有数据只保存在这台电脑上。</source>
        <translation>Give me the work plan issued by your bureau (.docx, .doc, .wps, .pdf, .ofd, .xlsx, .txt):
I list each department&apos;s tasks month by month, remind you in working days before they are due,
and keep a record of progress for the ledger you report to the General Office. All data stays on this computer.</translation>
    </message>
    <message>
        <source>查看示例</source>
        <translation>Try the Sample</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>今天的提醒</source>
        <translation>Today&apos;s Reminders</translation>
    </message>
    <message>
        <source>使用指南</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <source>关于…</source>
        <translation>About…</translation>
    </message>
    <message>
        <source>删除此计划…</source>
        <translation>Delete This Plan…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>各个计划中我的部门本月到期和逾期的任务</source>
        <translation>My departments’ tasks due this month or late, in every plan</translation>
    </message>
    <message>
        <source>导入工作要点…</source>
        <translation>Import Work Plan…</translation>
    </message>
    <message>
        <source>导出台账…</source>
        <translation>Export the Ledger…</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>我的本月任务</source>
        <translation>My Tasks This Month</translation>
    </message>
    <message>
        <source>我的部门…</source>
        <translation>My Departments…</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>By Month</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>--now 只检查现在到期的提醒（按“我的部门”），不能与 --from、--to、--department 同用</source>
        <translation>--now checks what is due now (for my departments); it takes no --from, --to or --department</translation>
    </message>
    <message>
        <source>Excel 表格</source>
        <translation>an Excel workbook</translation>
    </message>
    <message>
        <source>OFD 文件</source>
        <translation>an OFD file</translation>
    </message>
    <message>
        <source>OFD 页数过多（上限 {0} 页）</source>
        <translation>The OFD document has too many pages (limit {0})</translation>
    </message>
    <message>
        <source>PDF 内容过于复杂，读取超时：{0}</source>
        <translation>The PDF is too complex; reading it timed out: {0}</translation>
    </message>
    <message>
        <source>PDF 内部数据解压后过大，为安全起见拒绝打开：{0}</source>
        <translation>The PDF&apos;s internal data would expand to an unsafe size; refusing to open it: {0}</translation>
    </message>
    <message>
        <source>PDF 文件</source>
        <translation>a PDF file</translation>
    </message>
    <message>
        <source>PDF 页数过多（{0} 页，上限 {1} 页）：{2}</source>
        <translation>The PDF has too many pages ({0}, limit {1}): {2}</translation>
    </message>
    <message>
        <source>Word 文档</source>
        <translation>a Word document</translation>
    </message>
    <message>
        <source>{0} 中的任务与已导入的任何计划都对不上，可能是另一份工作要点的台账，没有合并</source>
        <translation>No task of {0} matches an imported plan; it may be the ledger of another work plan. Nothing was merged</translation>
    </message>
    <message>
        <source>{0}不是有效的时刻</source>
        <translation>The {0} is not a valid time</translation>
    </message>
    <message>
        <source>“{0}”不属于“{1}”所在的单位，不能作为它的成员</source>
        <translation>{0} belongs to another bureau than {1} and cannot be its member</translation>
    </message>
    <message>
        <source>“{0}”不是集体部门（如“各科室”），没有成员可改</source>
        <translation>{0} is not a collective owner (such as “各科室”) and has no members to change</translation>
    </message>
    <message>
        <source>“{0}”就是这个部门的名称，不必再作为别名</source>
        <translation>{0} is the department&apos;s own name, not another one</translation>
    </message>
    <message>
        <source>“{0}”已是一个部门；如果两者是同一部门，请用“合并”</source>
        <translation>{0} is a department of its own; merge them if they are one</translation>
    </message>
    <message>
        <source>不能把部门合并到它自己</source>
        <translation>A department cannot merge into itself</translation>
    </message>
    <message>
        <source>免打扰开始时间</source>
        <translation>start of the quiet hours</translation>
    </message>
    <message>
        <source>免打扰结束时间</source>
        <translation>end of the quiet hours</translation>
    </message>
    <message>
        <source>备份文件无法使用：{0}（{1}）</source>
        <translation>The backup file cannot be used: {0} ({1})</translation>
    </message>
    <message>
        <source>复制到 {0} 时出错（{1}）</source>
        <translation>Copying to {0} failed ({1})</translation>
    </message>
    <message>
        <source>工作表“{0}”过大（{1} 行 × {2} 列）：{3}</source>
        <translation>Sheet &apos;{0}&apos; is too large ({1} rows x {2} columns): {3}</translation>
    </message>
    <message>
        <source>已有名为“{0}”的部门；如果是同一个部门，请用“合并”</source>
        <translation>A department named {0} exists already; merge them if they are one</translation>
    </message>
    <message>
        <source>找不到备份文件：{0}</source>
        <translation>The backup file does not exist: {0}</translation>
    </message>
    <message>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <source>提前提醒的天数不能重复：{0}</source>
        <translation>Lead days cannot repeat: {0}</translation>
    </message>
    <message>
        <source>提前提醒的天数须为 1 到 {0} 之间的整数（工作日），“{1}”不符合</source>
        <translation>Lead days must be whole numbers of working days from 1 to {0}; &apos;{1}&apos; is not</translation>
    </message>
    <message>
        <source>提前提醒的天数须为整数，用顿号分隔，例如 10、5、1；“{0}”不是整数</source>
        <translation>Lead days must be whole numbers separated by commas, e.g. 10, 5, 1; &apos;{0}&apos; is not</translation>
    </message>
    <message>
        <source>提醒时间</source>
        <translation>reminder time</translation>
    </message>
    <message>
        <source>提醒时间 {0:%H:%M} 落在免打扰时段（{1:%H:%M}—{2:%H:%M}）内，请调整其中之一</source>
        <translation>The reminder time {0:%H:%M} falls in the quiet hours ({1:%H:%M}-{2:%H:%M}); change one of them</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{0}。最近的备份：{1}，可用 deadline-reminder restore 恢复</source>
        <translation>The database file is damaged: {0}. latest backup: {1}; restore it with deadline-reminder restore</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{0}。没有可用的备份</source>
        <translation>The database file is damaged: {0}. no backup is available</translation>
    </message>
    <message>
        <source>数据库文件或其所在文件夹是只读的，无法保存：{0}。已保存的数据没有改动</source>
        <translation>The database file or its folder is read-only, nothing can be saved: {0}. Nothing stored was changed</translation>
    </message>
    <message>
        <source>数据库文件的位置是一个文件夹：{0}。请移走它，或换一个数据文件夹</source>
        <translation>Where the database file should be there is a folder: {0}; move it away or choose another data folder</translation>
    </message>
    <message>
        <source>数据库正被另一个程序占用，请稍后再试，已保存的数据没有改动</source>
        <translation>The database is in use by another program; try again later. Nothing stored was changed</translation>
    </message>
    <message>
        <source>数据库由更新版本的程序创建（结构版本 {0}），请升级本程序后再打开</source>
        <translation>The database was made by a newer version of this program (schema {0}); upgrade the program to open it</translation>
    </message>
    <message>
        <source>数据文件夹是一个失效或循环的链接（快捷方式）：{0}</source>
        <translation>The data folder is a broken or looping link: {0}</translation>
    </message>
    <message>
        <source>数据文件夹的位置是一个文件，不是文件夹：{0}</source>
        <translation>The data folder is a file, not a folder: {0}</translation>
    </message>
    <message>
        <source>数据文件夹的路径或名称过长，系统无法使用：{0}</source>
        <translation>The data folder&apos;s path or name is too long for the system: {0}</translation>
    </message>
    <message>
        <source>文件中没有可读取的文字：{0}</source>
        <translation>The file contains no readable text: {0}</translation>
    </message>
    <message>
        <source>文件中没有找到工作任务，没有导入</source>
        <translation>No tasks were found in this document; nothing was imported</translation>
    </message>
    <message>
        <source>文件中没有找到工作任务，没有导入：{0}</source>
        <translation>No tasks were found in this document, and nothing was imported: {0}</translation>
    </message>
    <message>
        <source>文件中的文字过多（超过 {0:,} 字），不像是一份工作要点：{1}</source>
        <translation>The file contains too much text (over {0:,} characters) to be a work plan: {1}</translation>
    </message>
    <message>
        <source>文件内容不是文字（像是二进制数据），无法按文本读取：{0}</source>
        <translation>The file does not contain text (it looks like binary data): {0}</translation>
    </message>
    <message>
        <source>文件已损坏，无法打开：{0}</source>
        <translation>The file is damaged and cannot be opened: {0}</translation>
    </message>
    <message>
        <source>文件已损坏，无法打开：{0}（{1}）</source>
        <translation>The file is damaged and cannot be opened: {0} ({1})</translation>
    </message>
    <message>
        <source>文件已损坏，无法打开：{0}（内容不是有效的 {1} 文件）</source>
        <translation>The file is damaged and cannot be opened: {0} (not a valid {1} file)</translation>
    </message>
    <message>
        <source>文件扩展名是 {0}，但内容是{1}，不是{2}：{3}。可能是下载不完整或下载到了出错页面，请重新下载原文件</source>
        <translation>The file is named {0} but contains {1}, not {2}: {3}. The download may have failed or saved an error page; download the file again</translation>
    </message>
    <message>
        <source>文件扩展名是 {0}，但内容是纯文本，不是{1}：{2}。如果这是文本文件，请把扩展名改为 .txt 后再导入</source>
        <translation>The file is named {0} but contains plain text, not {1}: {2}. If it is a text file, rename it to .txt and import it again</translation>
    </message>
    <message>
        <source>文件是空的（0 字节）：{0}</source>
        <translation>The file is empty (0 bytes): {0}</translation>
    </message>
    <message>
        <source>文件结构异常（解压后体积过大或压缩比异常），为安全起见拒绝打开：{0}</source>
        <translation>The file&apos;s internal structure is abnormal (it would expand to an unsafe size); refusing to open it: {0}</translation>
    </message>
    <message>
        <source>文件设有打开密码，无法读取：{0}。请在 WPS 或 Office 中取消密码后另存，再导入</source>
        <translation>The file is password-protected: {0}. Remove the password in WPS or Office, save it again and import that</translation>
    </message>
    <message>
        <source>文件过大（{0:.0f} MB），超过 {1:.0f} MB 的上限：{2}</source>
        <translation>The file is too large ({0:.0f} MB, limit {1:.0f} MB): {2}</translation>
    </message>
    <message>
        <source>新名称与原名称“{0}”相同，没有更改</source>
        <translation>The new name is the same as the old one ({0}); nothing changed</translation>
    </message>
    <message>
        <source>无法使用该文件夹：{0}（{1}）</source>
        <translation>Cannot use this folder: {0} ({1})</translation>
    </message>
    <message>
        <source>无法识别的文件格式：{0}（{1}），请使用 .docx、.doc、.wps、.pdf、.txt、.xlsx 或 .ofd</source>
        <translation>Unknown file format: {0} ({1}); use .docx, .doc, .wps, .pdf, .txt, .xlsx or .ofd</translation>
    </message>
    <message>
        <source>无法识别的文件格式：{0}，请使用 .docx、.doc、.wps、.pdf、.txt、.xlsx 或 .ofd</source>
        <translation>Unknown file format: {0}; use .docx, .doc, .wps, .pdf, .txt, .xlsx or .ofd</translation>
    </message>
    <message>
        <source>无法读取文件：{0}（{1}）</source>
        <translation>Cannot read the file: {0} ({1})</translation>
    </message>
    <message>
        <source>日期应在 {1} 至 {2} 年之间：{0}</source>
        <translation>The date must lie in the years {1} to {2}: {0}</translation>
    </message>
    <message>
        <source>日期格式应为 YYYY-MM-DD，例如 2024-06-30：{0}</source>
        <translation>Date must be YYYY-MM-DD: {0}</translation>
    </message>
    <message>
        <source>日期范围最长 {0} 天：{1} 至 {2}</source>
        <translation>The date range can span at most {0} days: {1} to {2}</translation>
    </message>
    <message>
        <source>暂不能直接读取 .doc/.wps 文件，请在 WPS 或 Word 中“另存为” .docx 后再导入（安装 LibreOffice 后也可自动转换）</source>
        <translation>A .doc/.wps file cannot be read directly; open it in WPS or Word, save it as .docx and import that (or install LibreOffice for automatic conversion)</translation>
    </message>
    <message>
        <source>暂不能直接读取 {0} 文件，请在 WPS 或 Excel 中“另存为” .xlsx 后再导入（安装 LibreOffice 后也可自动转换）</source>
        <translation>{0} files cannot be read directly; open it in WPS or Excel, save it as .xlsx and import that (or install LibreOffice for automatic conversion)</translation>
    </message>
    <message>
        <source>暂停提醒的截止时间无效</source>
        <translation>The pause end is not a valid time</translation>
    </message>
    <message>
        <source>月份应在 {1} 至 {2} 年之间：{0}</source>
        <translation>The month must lie in the years {1} to {2}: {0}</translation>
    </message>
    <message>
        <source>月份格式应为 YYYY-MM，例如 2024-06：{0}</source>
        <translation>Month must be YYYY-MM: {0}</translation>
    </message>
    <message>
        <source>有 {0} 个名为“{1}”的部门（{2}），请用编号指明是哪一个</source>
        <translation>{0} departments are named {1} ({2}); give the number of the one you mean</translation>
    </message>
    <message>
        <source>未开始、进行中、已完成、已取消</source>
        <translation>not_started, in_progress, done, cancelled</translation>
    </message>
    <message>
        <source>未知的状态“{0}”，可选：{1}</source>
        <translation>Unknown status {0}; choose one of {1}</translation>
    </message>
    <message>
        <source>标题不像工作要点（“工作要点”“任务分工”之类），编号的条目不能当作任务</source>
        <translation>its title does not name a plan (such as “工作要点” or “任务分工”), so its numbered items are not read as tasks</translation>
    </message>
    <message>
        <source>没有可识别表头的任务表格（“工作任务”“责任单位”“完成时限”之类）</source>
        <translation>it has no table whose header is known (such as “工作任务”, “责任单位”, “完成时限”)</translation>
    </message>
    <message>
        <source>没有名为“{0}”的部门</source>
        <translation>There is no department {0}</translation>
    </message>
    <message>
        <source>没有在 {0} 中找到台账的表头（至少要有“任务内容”和“状态”或“进展情况”两列）</source>
        <translation>No ledger header found in {0} (it needs a column “任务内容” and one of “状态” or “进展情况”)</translation>
    </message>
    <message>
        <source>没有在通知中读出 {0} 年的任何节假日安排（应为“一、元旦：1月1日放假……”这样的条目）</source>
        <translation>No holiday of {0} could be read from the notice (items such as “一、元旦：1月1日放假……”)</translation>
    </message>
    <message>
        <source>没有找到通知的年份（例如“关于2027年部分节假日安排的通知”）</source>
        <translation>No year found in the notice (as in “关于2027年部分节假日安排的通知”)</translation>
    </message>
    <message>
        <source>没有权限读取文件：{0}</source>
        <translation>No permission to read the file: {0}</translation>
    </message>
    <message>
        <source>没有标注牵头或责任部门（“牵头单位：”“责任部门：”之类）</source>
        <translation>no item names a lead or responsible department (such as “牵头单位：”)</translation>
    </message>
    <message>
        <source>没有编号为 {0} 的任务</source>
        <translation>There is no task {0}</translation>
    </message>
    <message>
        <source>没有编号为 {0} 的计划</source>
        <translation>There is no plan {0}</translation>
    </message>
    <message>
        <source>没有编号为 {0} 的进展说明</source>
        <translation>No note {0}</translation>
    </message>
    <message>
        <source>没有编号的条目（“一、”“1.”之类）</source>
        <translation>it has no numbered items (such as “一、” or “1.”)</translation>
    </message>
    <message>
        <source>演示文稿</source>
        <translation>a presentation</translation>
    </message>
    <message>
        <source>用 LibreOffice 转换文件失败（无法启动 LibreOffice）：{0}。文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入</source>
        <translation>Converting the file with LibreOffice failed (could not start it): {0}. It may be damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that</translation>
    </message>
    <message>
        <source>用 LibreOffice 转换文件失败（超过 {0:g} 秒未完成）：{1}。文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入</source>
        <translation>Converting the file with LibreOffice failed (no result after {0:g} s): {1}. It may be damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that</translation>
    </message>
    <message>
        <source>用 LibreOffice 转换文件失败（退出码 {0}）：{1}。文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入</source>
        <translation>Converting the file with LibreOffice failed (exit code {0}): {1}. It may be damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that</translation>
    </message>
    <message>
        <source>用 LibreOffice 转换文件失败（退出码 {0}，{1}）：{2}。文件可能已损坏或设有密码，请在 WPS 或 Word 中“另存为” .docx/.xlsx 后再导入</source>
        <translation>Converting the file with LibreOffice failed (exit code {0}, {1}): {2}. It may be damaged or password-protected; save it as .docx/.xlsx in WPS or Word and import that</translation>
    </message>
    <message>
        <source>磁盘空间不足，无法保存：{0}。已保存的数据没有改动，请清理磁盘后重试</source>
        <translation>The disk is full, nothing can be saved: {0}. Nothing stored was changed; free some space and try again</translation>
    </message>
    <message>
        <source>稍后提醒的时间须晚于现在（{0:%Y-%m-%d %H:%M}）</source>
        <translation>A snooze must end in the future ({0:%Y-%m-%d %H:%M})</translation>
    </message>
    <message>
        <source>结束日期 {0} 早于开始日期 {1}</source>
        <translation>The end date {0} is before the start date {1}</translation>
    </message>
    <message>
        <source>网页中的表格过大，无法读取</source>
        <translation>A table in the web page is too large to read</translation>
    </message>
    <message>
        <source>网页存档中没有找到正文</source>
        <translation>no HTML part in the web archive</translation>
    </message>
    <message>
        <source>网页存档（MHT）</source>
        <translation>a web archive (MHT)</translation>
    </message>
    <message>
        <source>网页（HTML）</source>
        <translation>a web page (HTML)</translation>
    </message>
    <message>
        <source>补充通知是 {0} 年的，不能用来修改 {1} 年的安排</source>
        <translation>The supplementary notice is for {0}; it cannot amend the arrangement of {1}</translation>
    </message>
    <message>
        <source>计划名称最多 {1} 个字，现在有 {0} 个字；请缩短后再导入</source>
        <translation>A plan&apos;s title may have at most {1} characters, and this one has {0}: shorten it to import</translation>
    </message>
    <message>
        <source>该 PDF 没有任何页面：{0}</source>
        <translation>The PDF has no pages: {0}</translation>
    </message>
    <message>
        <source>该 PDF 没有文字层（可能是扫描件），请向发文单位索取 Word 或可复制文字的 PDF 版本</source>
        <translation>This PDF has no text layer (probably a scan); ask the issuer for a Word version or a PDF with selectable text</translation>
    </message>
    <message>
        <source>该 PDF 的文字无法提取（字体缺少编码信息）：{0}。请向发文单位索取 Word 或可复制文字的 PDF 版本</source>
        <translation>The text of this PDF cannot be extracted (fonts lack a Unicode mapping): {0}. Ask the issuer for a Word version or a PDF with selectable text</translation>
    </message>
    <message>
        <source>该 PDF 设有打开密码，无法读取：{0}。请去除密码后（例如用 PDF 阅读器打开后另存）再导入</source>
        <translation>The PDF is password-protected: {0}. Remove the password and import it again</translation>
    </message>
    <message>
        <source>该文件实际是 RTF 格式，暂不能直接读取，请在 WPS 或 Word 中“另存为” .docx 后再导入</source>
        <translation>The file is really in RTF format, which cannot be read directly; save it as .docx in WPS or Word and import that</translation>
    </message>
    <message>
        <source>转换后的文件过大：{0}</source>
        <translation>The converted file is too large: {0}</translation>
    </message>
    <message>
        <source>还没有导入任何工作要点，没有可导出的台账</source>
        <translation>No work plan has been imported; there is no ledger to export</translation>
    </message>
    <message>
        <source>这不是一个文件（可能是文件夹）：{0}</source>
        <translation>This is not a file (perhaps a folder): {0}</translation>
    </message>
    <message>
        <source>这不是本程序的备份文件：{0}</source>
        <translation>This is not a backup of this program: {0}</translation>
    </message>
    <message>
        <source>这个数据库不是本程序的（可能属于别的程序）：{0}。请换一个数据文件夹，或移走该文件</source>
        <translation>This database belongs to another program: {0}; choose another data folder or move the file away</translation>
    </message>
    <message>
        <source>这份文件是年度报告，不是工作要点，没有导入</source>
        <translation>This document is an annual report, not a work plan; nothing was imported</translation>
    </message>
    <message>
        <source>这是一个压缩包</source>
        <translation>a zip archive</translation>
    </message>
    <message>
        <source>这是对 {0} 年节假日安排的补充通知，但还没有 {0} 年的安排可以修改，请先导入 {0} 年的通知</source>
        <translation>This supplementary notice amends the holidays of {0}, but there is no arrangement of {0} to amend yet; import the notice for {0} first</translation>
    </message>
    <message>
        <source>进展说明不能为空</source>
        <translation>A progress note cannot be empty</translation>
    </message>
    <message>
        <source>通知内容是空的</source>
        <translation>The notice is empty</translation>
    </message>
    <message>
        <source>逾期提醒的间隔须为 0 到 {0} 天（0 表示不重复提醒）</source>
        <translation>The late-task interval must be 0 to {0} days (0: never repeat)</translation>
    </message>
    <message>
        <source>部门名称不能为空</source>
        <translation>A department name cannot be empty</translation>
    </message>
    <message>
        <source>额外休息日须为日期</source>
        <translation>Extra days off must be dates</translation>
    </message>
</context>
</TS>
