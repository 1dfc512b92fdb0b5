; Inno Setup script: the Windows installer of RevisitDesk (回访台), made by build.ps1 from the
; folder PyInstaller built with packaging\revisitdesk.spec (build\dist\revisitdesk). Not run on
; this project's machines (they are Linux): see the README, "Windows: the installer recipe".
;   iscc /DAppVersion=0.1.0 packaging\windows\revisitdesk.iss

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z (build.ps1 reads it from pyproject.toml)
#endif
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6C0E5E86-2B1F-4C39-9E0A-7D3F1C2B9A41}
AppName=RevisitDesk 回访台
AppVersion={#AppVersion}
AppPublisher=RevisitDesk maintainers
DefaultDirName={autopf}\RevisitDesk
DefaultGroupName=回访台 RevisitDesk
; An outlet's IT contact installs for every user of the desktop; a person without
; administrator rights may still install for themselves.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\build
OutputBaseFilename=revisitdesk-{#AppVersion}-setup
SetupIconFile={#Root}\build\work\revisitdesk\icons\revisitdesk.ico
UninstallDisplayIcon={app}\revisitdesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The program, its libraries and resources; nothing is written here at run time (the data, logs
; and backups go to %LOCALAPPDATA%\RevisitDesk), so uninstalling removes all of it.
Source: "{#Root}\build\dist\revisitdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\回访台 RevisitDesk"; Filename: "{app}\revisitdesk.exe"
Name: "{group}\{cm:UninstallProgram,RevisitDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\回访台 RevisitDesk"; Filename: "{app}\revisitdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\revisitdesk.exe"; Description: "{cm:LaunchProgram,回访台 RevisitDesk}"; Flags: nowait postinstall skipifsilent
