#!/usr/bin/env bash
# Builds everything (the weaver, the runtime, the samples woven by real Fody) and runs every test.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Fody loads the weaver into the build process; a reused build node would keep an old weaver.
export MSBUILDDISABLENODEREUSE=1

log=$(mktemp)
dotnet test VarSave.sln -nodeReuse:false 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 56, Skipped: 0, ..."
sum() { grep -E '(Passed|Failed)! +- ' "$log" | grep -Eo "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
