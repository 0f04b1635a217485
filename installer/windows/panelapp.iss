; Inno Setup 6 script: wraps the PyInstaller bundle (dist\panelapp, built on Windows with
; installer\panelapp.spec) in dist\panelapp-<version>-setup.exe. From the repository root:
;
;   iscc /DAppVersion=0.1.0 installer\windows\panelapp.iss
;
; AppVersion must be what `dist\panelapp\panelapp.exe --version` says; installer/README.md
; has the whole sequence (build, icon, licences, self-test, sign).

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=0.1.0 installer\windows\panelapp.iss
#endif
#define Bundle "..\..\dist\panelapp"

[Setup]
; The AppId identifies PanelApp to Windows across versions: never change it.
AppId={{6E0C4B7A-3D1F-4E25-9A8B-5C2F1D7E9B40}
AppName=PanelApp
AppVersion={#AppVersion}
AppVerName=PanelApp {#AppVersion}
AppPublisher=PanelApp developers
DefaultDirName={autopf}\PanelApp
DefaultGroupName=PanelApp
DisableProgramGroupPage=yes
; An adviser without administrator rights can install for themselves only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=panelapp-{#AppVersion}-setup
SetupIconFile=..\..\build\panelapp.ico
UninstallDisplayIcon={app}\panelapp-desk.exe
UninstallDisplayName=PanelApp {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Put the panelapp command line on the PATH"; Flags: unchecked

[Files]
; The whole bundle: both executables, _internal\ (Python, Qt, the libraries, resources)
; and licences\ (every bundled component's licence texts).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\PanelApp"; Filename: "{app}\panelapp-desk.exe"; Comment: "Adoption panel records"
Name: "{group}\PanelApp licences"; Filename: "{app}\licences\README.txt"
Name: "{group}\{cm:UninstallProgram,PanelApp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\PanelApp"; Filename: "{app}\panelapp-desk.exe"; Tasks: desktopicon

[Registry]
; PATH for the command line: the machine's when installed for everyone, else the user's.
Root: HKA; Subkey: "{code:EnvironmentKey}"; ValueType: expandsz; ValueName: "Path"; \
    ValueData: "{olddata};{app}"; Tasks: addtopath; Check: AppNotOnPath

[Run]
Filename: "{app}\panelapp-desk.exe"; Description: "{cm:LaunchProgram,PanelApp}"; Flags: nowait postinstall skipifsilent

[Code]
function EnvironmentKey(Param: String): String;
begin
  if IsAdminInstallMode then
    Result := 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
  else
    Result := 'Environment';
end;

function CurrentPath(): String;
var
  Root: Integer;
begin
  if IsAdminInstallMode then Root := HKEY_LOCAL_MACHINE else Root := HKEY_CURRENT_USER;
  if not RegQueryStringValue(Root, EnvironmentKey(''), 'Path', Result) then
    Result := '';
end;

function AppNotOnPath(): Boolean;
begin
  Result := Pos(';' + Uppercase(ExpandConstant('{app}')) + ';', ';' + Uppercase(CurrentPath()) + ';') = 0;
end;

// Uninstalling takes the folder off the PATH again, leaving every other entry.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Root: Integer;
  Path, Folder: String;
  At: Integer;
begin
  if CurUninstallStep <> usUninstall then
    exit;
  if IsAdminInstallMode then Root := HKEY_LOCAL_MACHINE else Root := HKEY_CURRENT_USER;
  Folder := ExpandConstant('{app}');
  if not RegQueryStringValue(Root, EnvironmentKey(''), 'Path', Path) then
    exit;
  Path := ';' + Path + ';';
  At := Pos(';' + Uppercase(Folder) + ';', Uppercase(Path));
  if At = 0 then
    exit;
  Delete(Path, At, Length(Folder) + 1);
  Path := Copy(Path, 2, Length(Path) - 2);
  RegWriteExpandStringValue(Root, EnvironmentKey(''), 'Path', Path);
end;
