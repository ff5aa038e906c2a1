; Inno Setup script: a per-user installer for the one-folder build (no administrator rights).
;
;   1. build the app:      .venv\Scripts\pyinstaller build.spec        (-> dist\inspector-app\)
;   2. check it:           dist\inspector-app\inspector-app.exe --demo --smoke
;   3. build the installer: "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\inspector-app.iss
;                           (-> dist\inspector-app-setup-<version>.exe)
;
; Needs Inno Setup 6.3 or later (x64compatible) with its Simplified Chinese messages file
; (Languages\ChineseSimplified.isl; if your copy lacks it, put the file from Inno Setup's
; translations page there). Details and the zip alternative: docs/packaging.md.
;
; Installs into %LOCALAPPDATA%\Programs\安全生产检查 with a Start-menu shortcut. The officer's
; data (database, photos, logs, settings) lives in %APPDATA%\JiangyinSafety\inspector-app and is
; never touched by the installer or the uninstaller: uninstalling removes the program only.

#define AppExe "inspector-app.exe"
#define BuildDir "..\dist\inspector-app"
#define AppVersion GetVersionNumbersString(BuildDir + "\" + AppExe)
; Keep these two in step with PRODUCT_NAME / COMPANY_NAME in inspector_app/__init__.py.
#define AppName "安全生产检查"
#define Company "江阴市乡镇安全生产监管"

[Setup]
; The AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{6E0C9D5A-3B7F-4C1E-9A52-8F4D2B7C1E60}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Company}
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#Company}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
; Per user: no UAC prompt, %LOCALAPPDATA%\Programs, the user's own Start menu.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; An update closes the running program first (files in use cannot be replaced).
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\dist
OutputBaseFilename=inspector-app-setup-{#AppVersion}
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："

[Files]
; The whole one-folder build. ignoreversion: every file of a new build replaces the old one.
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update first removes the previous build's files, so nothing stale from it is loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userprograms}\{#AppName}（演示乡镇）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo --db ""{userappdata}\JiangyinSafety\inspector-app\demo.sqlite"""; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the data folder (%APPDATA%\JiangyinSafety) holds the
; township's legal records and is kept when the program is uninstalled.
