#!/usr/bin/env python3
"""CPython pickle (protocol 5) on the VarSave benchmark workload.

The graph is the one benchmarks/VarSave.Benchmarks builds in .NET:
N players, player i = Player(name=f"player{i}", hp=i % 100, x=i * 0.5, y=i * 0.25,
inventory=["sword", "potion", f"key{i % 7}"]), players[i].target = players[(i * 7919) % N],
held by World(players=list, index=dict name -> player).

For each N it times pickle.dumps(world, protocol=5) and pickle.loads(data), takes the
median of --runs timed runs (after one warm-up) with the cyclic GC off during each timed
call, as timeit does (pickle's best case; --gc-on-too adds the default GC-on figures,
which are 2-4x slower at large N), and prints one JSON line per N:
  {"engine": "pickle", "n": ..., "save_ms": ..., "load_ms": ..., "bytes": ..., ...}
which the .NET benchmark program parses. --table prints a readable table instead.

Recursion: pickle's C implementation recurses once (or more) per nested object. The Target
wiring makes long first-visit chains: walking players 0..N-1, the chain starting at player 1
follows i -> 7919*i mod N around its whole cycle before meeting a player already pickled,
which is 1,250 players deep for N = 100,000 and 12,500 for N = 1,000,000. That exceeds the
default recursion limit (1,000), so this script raises sys.setrecursionlimit and runs the
work on a thread with a large C stack (threading.stack_size); the output says so
("recursion_limit", "first_visit_depth").
"""
import argparse
import gc
import json
import pickle
import platform
import statistics
import sys
import threading
import time


class SlotsPlayer:
    """The same player with __slots__, for --slots (slower to pickle: its state is rebuilt as a dict per object)."""

    __slots__ = ("name", "hp", "x", "y", "inventory", "target")

    def __init__(self, i):
        self.name = f"player{i}"
        self.hp = i % 100
        self.x = i * 0.5
        self.y = i * 0.25
        self.inventory = ["sword", "potion", f"key{i % 7}"]
        self.target = None


class Player:
    """The default: a plain class (its __dict__ is pickled directly, pickle's fastest case)."""

    def __init__(self, i):
        self.name = f"player{i}"
        self.hp = i % 100
        self.x = i * 0.5
        self.y = i * 0.25
        self.inventory = ["sword", "potion", f"key{i % 7}"]
        self.target = None


class World:
    __slots__ = ("players", "index")

    def __init__(self, players):
        self.players = players
        self.index = {p.name: p for p in players}


def build(n, slots=False):
    cls = SlotsPlayer if slots else Player
    players = [cls(i) for i in range(n)]
    for i in range(n):
        players[i].target = players[(i * 7919) % n]
    return World(players)


def first_visit_depth(n):
    """Longest chain of players reached for the first time through Target, visiting 0..N-1."""
    seen = bytearray(n)
    deepest = 0
    for i in range(n):
        depth, j = 0, i
        while not seen[j]:
            seen[j] = 1
            depth += 1
            j = (j * 7919) % n
        deepest = max(deepest, depth)
    return deepest


def check(world, n):
    assert len(world.players) == n and len(world.index) == n
    for i in (0, 1, n // 2, n - 1):
        p = world.players[i]
        assert p.name == f"player{i}" and p.hp == i % 100 and p.x == i * 0.5 and p.y == i * 0.25
        assert p.inventory == ["sword", "potion", f"key{i % 7}"]
        assert p.target is world.players[(i * 7919) % n]
        assert world.index[p.name] is p


def timed(fn, runs, collector, cpu=None):
    """Runs fn `runs` times; with collector False the cyclic GC is off during each call, as timeit does.
    Appends each call's process CPU time to `cpu` when given (robust to other load on the machine)."""
    times = []
    result = None
    for _ in range(runs):
        result = None
        gc.collect()
        if not collector:
            gc.disable()
        try:
            cpu_start = time.process_time()
            start = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - start) * 1000.0)
            if cpu is not None:
                cpu.append((time.process_time() - cpu_start) * 1000.0)
        finally:
            gc.enable()
    return times, result


def measure(n, runs, slots, gc_on_too):
    world = build(n, slots)
    data = pickle.dumps(world, protocol=5)  # warm-up, and the bytes loads reads
    loaded = pickle.loads(data)
    check(loaded, n)
    del loaded
    dump_cpu, load_cpu = [], []
    dump_times, data = timed(lambda: pickle.dumps(world, protocol=5), runs, collector=False, cpu=dump_cpu)
    load_times, loaded = timed(lambda: pickle.loads(data), runs, collector=False, cpu=load_cpu)
    check(loaded, n)
    del loaded
    result = {
        "engine": "pickle",
        "n": n,
        "save_ms": statistics.median(dump_times),
        "load_ms": statistics.median(load_times),
        "save_cpu_ms": statistics.median(dump_cpu),
        "load_cpu_ms": statistics.median(load_cpu),
        "save_min_ms": min(dump_times),
        "load_min_ms": min(load_times),
        "bytes": len(data),
        "runs": runs,
        "gc": "off while timed (as timeit)",
        "player_class": "__slots__" if slots else "plain",
        "first_visit_depth": first_visit_depth(n),
        "recursion_limit": sys.getrecursionlimit(),
        "python": platform.python_version(),
    }
    if gc_on_too:
        on_dump, _ = timed(lambda: pickle.dumps(world, protocol=5), runs, collector=True)
        on_load, loaded = timed(lambda: pickle.loads(data), runs, collector=True)
        del loaded
        result["save_ms_gc_on"] = statistics.median(on_dump)
        result["load_ms_gc_on"] = statistics.median(on_load)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slots", action="store_true", help="players with __slots__ (slower to pickle)")
    parser.add_argument("--gc-on-too", action="store_true", help="also time with the cyclic GC on (Python's default)")
    parser.add_argument("--table", action="store_true", help="print a table, not JSON lines")
    args = parser.parse_args()

    # See the module docstring: deep Target chains need more than the default 1,000 frames.
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1024 * 1024 * 1024)  # 1 GiB of C stack for the worker thread

    results = []
    errors = []

    def work():
        try:
            for n in args.n:
                results.append(measure(n, args.runs, args.slots, args.gc_on_too))
                report(results[-1], args.table)
        except BaseException as e:  # reported, not swallowed: the caller sees the message
            errors.append(e)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    if errors:
        print(json.dumps({"engine": "pickle", "error": repr(errors[0])}), flush=True)
        sys.exit(1)


def report(r, table):
    if table:
        extra = ""
        if "save_ms_gc_on" in r:
            extra = f"; GC on: dumps {r['save_ms_gc_on']:.1f} ms, loads {r['load_ms_gc_on']:.1f} ms"
        print(f"pickle  N={r['n']:>9,}  dumps {r['save_ms']:9.1f} ms  loads {r['load_ms']:9.1f} ms  "
              f"{r['bytes']:>12,} bytes  ({r['player_class']}, GC off, median of {r['runs']}{extra})", flush=True)
    else:
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
