# Builds RevisitDesk on Windows: the folder build\dist\revisitdesk (revisitdesk.exe for the menu,
# revisitdesk-cli.exe for the command line) with PyInstaller from packaging\revisitdesk.spec, the
# same definition the Linux package uses, then the installer build\revisitdesk-<version>-setup.exe
# with Inno Setup 6 when its compiler (ISCC.exe) is installed. Run in PowerShell from anywhere:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11 (python.org, "Add python.exe to PATH") and, for the installer, Inno Setup 6.
# Not run on this project's machines: see the README, "Windows: the installer recipe".
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3 -m venv .venv }
.venv\Scripts\python -m pip install -q -c constraints.txt -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip could not install the build's packages" }
$version = .venv\Scripts\python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"

Remove-Item -Recurse -Force build\dist, build\work -ErrorAction SilentlyContinue
.venv\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath build\dist --workpath build\work packaging\revisitdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
& build\dist\revisitdesk\revisitdesk-cli.exe --version
if ($LASTEXITCODE -ne 0) { throw "the built program does not start" }

$iscc = @(
  (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source,
  "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
  "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
  "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $iscc) {
  Write-Host "Inno Setup 6 is not installed: build\dist\revisitdesk is the build (no installer)."
  exit 0
}
& $iscc "/DAppVersion=$version" packaging\windows\revisitdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: build\revisitdesk-$version-setup.exe"
