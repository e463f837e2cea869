"""Run a command and measure it: wall time, CPU time and peak RSS of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field

import psutil


@dataclass
class Measured:
    """What one command cost: seconds, CPU seconds (user + system, children included), RSS."""

    returncode: int
    stdout: str
    stderr: str
    wall: float
    cpu: float
    peak_rss_mb: float
    rss_samples: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MB)


def _tree_rss(proc: psutil.Process) -> float:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def run_measured(
    cmd: list[str], env: dict | None = None, cwd: str | None = None, interval: float = 0.1, on_sample=None
) -> Measured:
    """Run `cmd`, sampling the RSS of its process tree every `interval` s; CPU from wait4."""
    started = time.perf_counter()
    popen = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc = psutil.Process(popen.pid)
    samples: list[tuple[float, float]] = []
    done = threading.Event()
    out: dict[str, str] = {}

    def reader(name: str, stream) -> None:
        out[name] = stream.read()

    threads = [
        threading.Thread(target=reader, args=(n, s), daemon=True)
        for n, s in (("stdout", popen.stdout), ("stderr", popen.stderr))
    ]
    for t in threads:
        t.start()

    def sampler() -> None:
        while not done.is_set():
            try:
                rss = _tree_rss(proc)
            except psutil.Error:
                break
            now = time.perf_counter() - started
            samples.append((now, rss))
            if on_sample:
                on_sample(now, rss)
            done.wait(interval)

    sampling = threading.Thread(target=sampler, daemon=True)
    sampling.start()
    _, status, usage = os.wait4(popen.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampling.join()
    for t in threads:
        t.join()
    popen.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    peak = max([usage.ru_maxrss / 1024] + [r for _, r in samples])
    return Measured(popen.returncode, out.get("stdout", ""), out.get("stderr", ""), wall, cpu, peak, samples)
