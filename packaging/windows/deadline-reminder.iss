; The Windows installer: per user, no administrator rights, a Start-menu shortcut carrying
; the program's AppUserModelID, optional start at login, and an uninstaller that keeps the
; user's data unless asked. Made from the one-folder build (python packaging\build.py):
;   iscc /DAppVersion=0.1.0 packaging\windows\deadline-reminder.iss
; (.github/workflows/windows.yml does both; see README, "Building the installers").

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "工作要点督办提醒"
#define AppExe "deadline-reminder.exe"
; desktop_app/paths.py APP_USER_MODEL_ID; tests/ui/test_app_identity.py keeps them equal.
#define AppUserModelID "DeadlineReminder.DeadlineReminder"
; desktop_app/ui/autostart.py RUN_VALUE: the program's own 登录时启动 setting reads it.
#define RunValue "DeadlineReminder"
#define HaveChinese FileExists(CompilerPath + "Languages\ChineseSimplified.isl")

[Setup]
AppId={{6F1B3C52-2E7A-4C1D-9B7E-3D2A5C8F4E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per user, without administrator rights: under %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\DeadlineReminder
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=deadline-reminder-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running program would hold its files: Setup asks to close it.
CloseApplications=yes

[Languages]
#if HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.StartAtLogin=Start when I sign in to Windows (reminders come on time)
english.RemoveData=Also delete your data (tasks, progress notes, backups and settings)?%n%nChoose No to keep them for a later installation.
#if HaveChinese
chinesesimplified.StartAtLogin=登录 Windows 时自动启动（按时提醒到期任务）
chinesesimplified.RemoveData=是否同时删除您的数据（任务、进展说明、备份和设置）？%n%n选“否”则保留，重新安装后仍可使用。
#endif

[Tasks]
Name: "startatlogin"; Description: "{cm:StartAtLogin}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\deadline-reminder\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\{#AppExe}"""; Tasks: startatlogin; Flags: uninsdeletevalue
; Turned on later in the program's settings, the value is removed on uninstall too.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueName: "{#RunValue}"; Flags: dontcreatekey uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The data (desktop_app/paths.py, logs.py) and the window's settings (QSettings, per user)
// stay unless the user asks; a silent uninstall keeps them.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\DeadlineReminder'), True, True, True);
      DelTree(ExpandConstant('{userappdata}\DeadlineReminder'), True, True, True);
    end;
end;
