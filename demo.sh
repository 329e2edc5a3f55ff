#!/usr/bin/env bash
# The main demo: one process builds some state and saves it; a second, different program
# loads it into its own classes and locals. Both are woven by real Fody at build time.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet build samples/SeedSave -nodeReuse:false -v quiet -nologo
dotnet build samples/SeedLoad -nodeReuse:false -v quiet -nologo
work=$(mktemp -d)
echo "--- process 1 (SeedSave): saves to $work/snapshot.varsave"
dotnet samples/SeedSave/bin/Debug/net10.0/SeedSave.dll "$work/snapshot.varsave"
echo "--- process 2 (SeedLoad): a different program loads it"
dotnet samples/SeedLoad/bin/Debug/net10.0/SeedLoad.dll "$work/snapshot.varsave"
rm -rf "$work"
