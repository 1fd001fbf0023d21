; Inno Setup script for ClientVault (客户保密柜) on Windows — Inno Setup 6.3 or newer.
;
; Packs the PyInstaller one-folder build (dist\ClientVault, from clientvault.spec) into a
; per-user installer: no administrator rights, nothing written outside the user's profile,
; no network access (nothing is downloaded, no update check, no telemetry). The installer
; installs the program only; the vault (vault.db, vault.keys, backups\) lives in the user's
; data folder or on the office share and is never placed in, or removed with, the program folder.
;
; Build (from the repository root, after `make package`):
;   iscc /DAppVersion=0.1.0 packaging\clientvault.iss
; Signed build (the sign tool "clientvaultsign" is defined in the IDE or with /S, see README):
;   iscc /DAppVersion=0.1.0 /DSign "/Sclientvaultsign=signtool sign /fd sha256 /tr <timestamp-url> /td sha256 /a $f" packaging\clientvault.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ClientVault"
#define AppNameZh "客户保密柜"
#define AppExe "ClientVault.exe"
; The console-subsystem twin of ClientVault.exe (same program, built by clientvault.spec on Windows):
; the command-line verbs (backup, verify, restore, form, …) print to the terminal through it.
#define CliExe "ClientVault-cli.exe"
#define DistDir "..\dist\ClientVault"

#if !FileExists(AddBackslash(SourcePath) + DistDir + "\" + AppExe) || !FileExists(AddBackslash(SourcePath) + DistDir + "\" + CliExe)
  #error dist\ClientVault must hold both ClientVault.exe and ClientVault-cli.exe: run `make package` on Windows first
#endif

; The Simplified Chinese messages file ships with recent Inno Setup releases; older ones need
; it copied into the compiler's Languages folder (see packaging/README.md). Fail loudly rather
; than build an English-only installer for a Chinese office.
#define ZhMessages AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
#if !FileExists(ZhMessages)
  #error ChineseSimplified.isl is missing from the Inno Setup Languages folder: see packaging/README.md
#endif

[Setup]
; Keep AppId fixed for the life of the product: upgrades and uninstall find the install by it.
AppId={{6F0C2B8E-3D4A-4E1F-9B57-2C8A7D31E6F4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per-user install: {autopf} resolves to %LOCALAPPDATA%\Programs under lowest privileges.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=ClientVault-{#AppVersion}-setup
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppNameZh}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; Close a running ClientVault before replacing its files (it locks and closes the vault cleanly).
CloseApplications=yes
RestartApplications=no
#ifdef Sign
SignTool=clientvaultsign
SignedUninstaller=yes
#endif

[Languages]
; Simplified Chinese first: it is the default when the Windows UI language is not matched.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DesktopIcon=创建桌面快捷方式(&D)
english.DesktopIcon=Create a &desktop shortcut
chinesesimplified.AdditionalIcons=附加快捷方式:
english.AdditionalIcons=Additional shortcuts:
chinesesimplified.LaunchApp=启动 {#AppNameZh}
english.LaunchApp=Start {#AppName}
chinesesimplified.VaultNotRemoved=客户数据保险库不会被卸载程序删除。如需销毁,请在程序内使用“安全删除”功能,或由合伙人按公司流程处理。
english.VaultNotRemoved=The client vault is not removed by the uninstaller. To destroy it, use the secure erasure in the app or follow the firm's procedure.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: both executables ({#AppExe} for the desktop, {#CliExe} for the verbs
; in a terminal) and their shared _internal folder. No vault, key file, demo data or test fixture.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName} {#AppNameZh}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes the files it installed and
; nothing else. The vault is never in {app}; deleting a file is not erasure, and client records
; must outlive a reinstall.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('VaultNotRemoved'), mbInformation, MB_OK);
end;
