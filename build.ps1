#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the installable plugin package: artifacts/Nop.Plugin.Payments.QfPayAlipay-<version>.zip.

.DESCRIPTION
    Restores, builds in Release, runs the tests (unless -SkipTests) and writes a zip in the format of
    nopCommerce 4.90's Admin > Configuration > Local plugins > "Upload plugin or theme":
        uploadedItems.json
        Payments.QfPayAlipay/plugin.json, logo.png, Nop.Plugin.Payments.QfPayAlipay.dll, Views/...
    The zip carries only the plugin's own files: never a Nop.*, Microsoft.* or System.* DLL.

    Run it through the repository's local tool so that only the .NET SDK is needed:
        dotnet tool restore
        dotnet pwsh ./build.ps1

.PARAMETER NopRoot
    The 'src' folder of a nopCommerce 4.90 source tree. The plugin is then built against the real
    Nop.Web.csproj and written to Presentation/Nop.Web/Plugins/Payments.QfPayAlipay, as the bundled
    plugins are. Without it, the plugin is built against the reference surface in NopReferenceSurface/.

.PARAMETER VerifyAgainst
    A folder holding the real nopCommerce assemblies (e.g. Nop.Web's bin folder). The package is loaded
    against them and every type and member reference is resolved; any failure fails the build.

.PARAMETER SkipTests
    Do not run the tests.
#>
[CmdletBinding()]
param(
    [string] $NopRoot,
    [string] $VerifyAgainst,
    [switch] $SkipTests,
    [string] $Configuration = 'Release',
    [string] $OutputDirectory = (Join-Path $PSScriptRoot 'artifacts')
)

$ErrorActionPreference = 'Stop'
# CI logs and redirected output read better without terminal colour codes.
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
Set-StrictMode -Version Latest

$SystemName = 'Payments.QfPayAlipay'
$ProjectName = 'Nop.Plugin.Payments.QfPayAlipay'
$ProjectFile = Join-Path $PSScriptRoot "$ProjectName/$ProjectName.csproj"
$Solution = Join-Path $PSScriptRoot "$ProjectName.sln"
# Host assemblies are loaded by nopCommerce itself (FluentMigrator and FluentValidation too); a copy in the plugin
# folder is at best ignored and at worst a second, mismatched version. Third-party DLLs the plugin needs (QRCoder) pass.
$ForbiddenDllPattern = '^(Nop\.|Microsoft\.|System\.|FluentMigrator|FluentValidation)'

function Invoke-Step([string] $Title, [scriptblock] $Action) {
    Write-Host "==> $Title" -ForegroundColor Cyan
    & $Action
    if ($LASTEXITCODE -ne 0) { throw "$Title failed (exit code $LASTEXITCODE)." }
}

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    throw 'The .NET SDK was not found (no "dotnet" on PATH). Install the .NET 9 SDK or later from Microsoft and run again.'
}
$sdks = & dotnet --list-sdks
if (-not $sdks) {
    throw 'The "dotnet" on PATH has no SDK installed (dotnet --list-sdks is empty). Install the .NET 9 SDK or later.'
}

$buildProperties = @()
if ($NopRoot) {
    $NopRoot = [System.IO.Path]::GetFullPath($NopRoot)
    $nopWeb = Join-Path $NopRoot 'Presentation/Nop.Web/Nop.Web.csproj'
    $clearPlugins = Join-Path $NopRoot 'Build/ClearPluginAssemblies.proj'
    if (-not (Test-Path $nopWeb)) {
        throw "-NopRoot '$NopRoot' is not a nopCommerce 'src' folder: $nopWeb does not exist. Pass the folder that contains Presentation/ and Libraries/."
    }
    if (-not (Test-Path $clearPlugins)) {
        throw "-NopRoot '$NopRoot' has no Build/ClearPluginAssemblies.proj; is it a complete nopCommerce 4.90 source tree?"
    }
    $buildProperties += "-p:NopRoot=$NopRoot"
    $pluginOutput = Join-Path $NopRoot "Presentation/Nop.Web/Plugins/$SystemName"
}
else {
    $pluginOutput = Join-Path $PSScriptRoot "$ProjectName/bin/$Configuration/net9.0"
}

Invoke-Step 'Restore' { dotnet restore $ProjectFile @buildProperties }
Invoke-Step "Build ($Configuration$(if ($NopRoot) { ", inside $NopRoot" } else { ', against the reference surface' }))" {
    dotnet build $ProjectFile -c $Configuration --no-restore @buildProperties
}

if (-not $SkipTests) {
    # The tests always run against the reference surface: they mock nopCommerce through it.
    Invoke-Step 'Test' { dotnet test $Solution -c $Configuration }
}

$descriptor = Get-Content (Join-Path $pluginOutput 'plugin.json') -Raw | ConvertFrom-Json
$version = $descriptor.Version
if ($descriptor.SystemName -ne $SystemName) {
    throw "plugin.json says SystemName '$($descriptor.SystemName)', expected '$SystemName'."
}

$files = Get-ChildItem $pluginOutput -Recurse -File | Where-Object {
    $relative = [System.IO.Path]::GetRelativePath($pluginOutput, $_.FullName).Replace('\', '/')
    $isView = $relative.StartsWith('Views/') -and $_.Extension -eq '.cshtml'
    $isOwn = $_.Name -in @('plugin.json', 'logo.png', "$ProjectName.dll", "$ProjectName.pdb")
    $isThirdPartyDll = ($_.Extension -eq '.dll') -and ($relative -notmatch '/') -and ($_.Name -notmatch $ForbiddenDllPattern)
    $isStatic = $relative.StartsWith('Content/')
    $isView -or $isOwn -or $isThirdPartyDll -or $isStatic
}

New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
$zipPath = Join-Path $OutputDirectory "$ProjectName-$version.zip"
if (Test-Path $zipPath) { Remove-Item $zipPath }

$uploadedItems = @(
    [ordered]@{
        Type             = 'Plugin'
        SupportedVersion = '4.90'
        DirectoryPath    = "$SystemName/"
        SystemName       = $SystemName
    }
)
$uploadedItemsJson = ConvertTo-Json -InputObject $uploadedItems -Depth 3

Add-Type -AssemblyName System.IO.Compression
# A fixed timestamp keeps the package byte-for-byte reproducible.
$timestamp = [DateTimeOffset]::new(2020, 1, 1, 0, 0, 0, [TimeSpan]::Zero)
$stream = [System.IO.File]::Open($zipPath, [System.IO.FileMode]::CreateNew)
try {
    $zip = [System.IO.Compression.ZipArchive]::new($stream, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        $entry = $zip.CreateEntry('uploadedItems.json')
        $entry.LastWriteTime = $timestamp
        $writer = [System.IO.StreamWriter]::new($entry.Open(), [System.Text.UTF8Encoding]::new($false))
        $writer.Write($uploadedItemsJson)
        $writer.Dispose()

        foreach ($file in ($files | Sort-Object FullName)) {
            # Zip entries must use '/' or nopCommerce does not recognise the folders.
            $relative = [System.IO.Path]::GetRelativePath($pluginOutput, $file.FullName).Replace('\', '/')
            $entry = $zip.CreateEntry("$SystemName/$relative", [System.IO.Compression.CompressionLevel]::Optimal)
            $entry.LastWriteTime = $timestamp
            $target = $entry.Open()
            $source = [System.IO.File]::OpenRead($file.FullName)
            $source.CopyTo($target)
            $source.Dispose()
            $target.Dispose()
        }
    }
    finally { $zip.Dispose() }
}
finally { $stream.Dispose() }

Write-Host ''
Write-Host "Package: $zipPath" -ForegroundColor Green
$check = [System.IO.Compression.ZipFile]::OpenRead($zipPath)
try {
    foreach ($e in $check.Entries) { Write-Host ('  {0,9}  {1}' -f $e.Length, $e.FullName) }
    $forbidden = @($check.Entries | Where-Object {
            $_.Name.EndsWith('.dll') -and $_.Name -match $ForbiddenDllPattern -and $_.Name -ne "$ProjectName.dll" })
    if ($forbidden.Count -gt 0) {
        throw "The package contains host assemblies it must not ship: $($forbidden.FullName -join ', ')"
    }
}
finally { $check.Dispose() }

if ($VerifyAgainst) {
    if (-not (Test-Path $VerifyAgainst -PathType Container)) {
        throw "-VerifyAgainst '$VerifyAgainst' is not a folder of nopCommerce assemblies."
    }
    Invoke-Step "Verify the package against $VerifyAgainst" {
        dotnet run --project (Join-Path $PSScriptRoot 'tools/NopSurfaceTool') -c $Configuration -- verify $zipPath $VerifyAgainst
    }
}
