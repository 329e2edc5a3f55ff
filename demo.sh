#!/usr/bin/env bash
# The main demo. samples/Game is a small battle simulation whose whole state — characters,
# inventories, cross-references, event handlers, scheduled lambdas and their closures, a prime
# search paused mid-way in an iterator, the random generator — lives in statics.
#   process 1 plays 50 ticks and saves;  process 2 loads that in a new process and plays 50 more;
#   process 3 plays 100 ticks without stopping.
# The resumed world must equal the saved one, and process 2 must end exactly like process 3.
# Then the seed example: one program saves, a different program loads into its own classes.
# All samples are woven by real Fody at build time. Exits non-zero if either check fails.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Fody loads the weaver into the build process; a reused build node would keep an old weaver.
export MSBUILDDISABLENODEREUSE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {
    if ! dotnet build "$1" -nodeReuse:false -v quiet -nologo > "$work/build.log" 2>&1; then
        cat "$work/build.log"
        echo "demo.sh: building $1 failed" >&2
        exit 1
    fi
}
echo "building samples/Game, samples/SeedSave and samples/SeedLoad (woven by Fody) ..."
build samples/Game
build samples/SeedSave
build samples/SeedLoad

game() { dotnet samples/Game/bin/Debug/net10.0/Game.dll "$@"; }
digest() { awk -v prefix="$1" 'index($0, prefix) == 1 { print $NF }' "$2"; }

echo
echo "=== process 1: a new world, 50 ticks, then save to $work/game.varsave"
game run --ticks 50 --save "$work/game.varsave" | tee "$work/1.txt"

echo
echo "=== process 2: a new process loads the save and plays 50 more ticks"
resume_status=0
game resume --load "$work/game.varsave" --ticks 50 > "$work/2.txt" || resume_status=$?
cat "$work/2.txt"

echo
echo "=== process 3: one uninterrupted run of 100 ticks (its last line)"
game run --ticks 100 > "$work/3.txt"
tail -n 1 "$work/3.txt"

saved=$(digest "digest at tick 50:" "$work/1.txt")
loaded=$(digest "digest after loading (tick 50):" "$work/2.txt")
resumed=$(digest "digest at tick 100:" "$work/2.txt")
straight=$(digest "digest at tick 100:" "$work/3.txt")
verdict() { if [ -n "$1" ] && [ "$1" = "$2" ]; then echo yes; else echo no; fi; }
same_state=$(verdict "$saved" "$loaded")
same_end=$(verdict "$resumed" "$straight")
[ "$resume_status" -eq 0 ] || same_state=no

echo
echo "saved digest ${saved:-?}, after loading ${loaded:-?}; resumed end ${resumed:-?}, uninterrupted end ${straight:-?}"
echo "resumed state equals saved state: $same_state"
echo "save-and-resume equals uninterrupted run: $same_end"

echo
echo "=== the seed example: SeedSave saves, SeedLoad (a different program) loads"
dotnet samples/SeedSave/bin/Debug/net10.0/SeedSave.dll "$work/seed.varsave"
dotnet samples/SeedLoad/bin/Debug/net10.0/SeedLoad.dll "$work/seed.varsave"

[ "$same_state" = yes ] && [ "$same_end" = yes ]
