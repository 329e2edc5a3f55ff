#!/usr/bin/env python3
"""Summarizes a speedscope file from `dotnet-trace collect --format speedscope`.

Usage: trace_top.py FILE.speedscope.json [--under FRAME_SUBSTRING] [--top 30]

Sums time per frame over every thread's evented profile, counting only stacks that contain a
frame matching --under (default: Profile.Loop, the benchmark program's profiling loop), and
prints the frames with the most inclusive and the most self (exclusive) time, as a share of
the time spent under that frame. Frames are .NET method names as the trace resolved them;
methods the JIT inlined count as part of their caller (run the program with
DOTNET_JitNoInline=1 to see them, at the price of a slower, distorted profile).
"""
import argparse
import json
from collections import defaultdict


# Pseudo-frames dotnet-trace puts at the leaf: whether the thread was in managed or native code.
# Self time goes to the deepest real frame, split by the marker into managed and native time;
# the markers are listed with their inclusive share.
MARKERS = {"CPU_TIME", "UNMANAGED_CODE_TIME"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--under", default="Profile.Loop")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    with open(args.file) as f:
        data = json.load(f)
    names = [frame["name"] for frame in data["shared"]["frames"]]
    inclusive = defaultdict(float)
    exclusive = defaultdict(float)
    native = defaultdict(float)
    total = 0.0
    for profile in data["profiles"]:
        if profile.get("type") != "evented":
            continue
        stack = []
        last = None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack:
                span = at - last
                frames = [names[i] for i in stack]
                root = next((k for k, n in enumerate(frames) if args.under in n), None)
                if root is not None and span > 0:
                    total += span
                    real = [n for n in frames[root:] if n not in MARKERS]
                    for name in set(real):
                        inclusive[name] += span
                    if frames[-1] == "UNMANAGED_CODE_TIME":
                        native[real[-1]] += span
                    else:
                        exclusive[real[-1]] += span
                    if frames[-1] in MARKERS:
                        inclusive[frames[-1]] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    if total == 0:
        print(f"no samples under a frame matching {args.under!r}")
        return
    print(f"{total:,.0f} ms under {args.under}")
    print(f"\ninclusive (top {args.top}):")
    for name, ms in sorted(inclusive.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {ms / total:6.1%}  {short(name)}")
    print(f"\nself (top {args.top}): managed code of the frame itself, and native code it called into")
    print("  (allocation helpers and the GC they trigger, copies, runtime helpers)")
    print("    self  native")
    both = {name: exclusive[name] + native[name] for name in set(exclusive) | set(native)}
    for name, ms in sorted(both.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"  {exclusive[name] / total:6.1%} {native[name] / total:6.1%}  {short(name)}")


def short(name):
    return name if len(name) <= 160 else name[:157] + "..."


if __name__ == "__main__":
    main()
