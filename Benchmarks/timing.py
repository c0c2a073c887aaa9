#!/usr/bin/env python3
"""Times shell commands in turns (a, b, c, a, b, c…) so that the machine's changes of speed
fall on all of them alike, and prints, per command, one line: name, median wall time, median
CPU time (user + system, the command's children included) and peak memory (kB).

    timing.py RUNS NAME COMMAND [NAME COMMAND…]

In COMMAND, {run} is replaced by the run's number (a fresh output folder per run)."""
import os, statistics, subprocess, sys, tempfile, time

runs = int(sys.argv[1])
commands = list(zip(sys.argv[2::2], sys.argv[3::2]))
wall = {name: [] for name, _ in commands}
cpu = {name: [] for name, _ in commands}
peak = {name: 0 for name, _ in commands}
for run in range(runs):
    for name, command in commands:
        start = time.perf_counter()
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen(["bash", "-c", command.replace("{run}", str(run))], stdout=subprocess.DEVNULL, stderr=errors)
        # wait4 gives the usage of the shell and of every process it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"banc d'essai : la commande a échoué : {command}\n{errors.read().decode(errors='replace')[-2000:]}")
        errors.close()
        wall[name].append(elapsed)
        cpu[name].append(usage.ru_utime + usage.ru_stime)
        peak[name] = max(peak[name], usage.ru_maxrss)
for name, _ in commands:
    print(name, f"{statistics.median(wall[name]):.4f}", f"{statistics.median(cpu[name]):.4f}", peak[name],
          " ".join(f"{t:.2f}" for t in wall[name]))
