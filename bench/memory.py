"""The memory of a process and all its children (the PDF workers), sampled while it runs.

A forked worker's resident size counts every page it shares with its parent, so parent +
workers by resident size counts those pages twice or three times. The proportional set size
(Linux: /proc/PID/smaps_rollup, `Pss`) shares each page among the processes that map it, so
its sum over the tree is the memory the tree holds. Both sums are sampled every `interval`
seconds; a peak shorter than that can be missed.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

PROC = Path("/proc")


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def _kb(pid: int) -> tuple[int, int]:
    """(resident, proportional) kB of one process; zero once it has gone."""
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text()
    except OSError:
        return 0, 0
    rss, pss = re.search(r"^Rss:\s+(\d+)", text, re.M), re.search(r"^Pss:\s+(\d+)", text, re.M)
    return int(rss.group(1)) if rss else 0, int(pss.group(1)) if pss else 0


def watch(process: subprocess.Popen[str], interval: float = 0.2) -> dict[str, float]:
    """Sample `process`'s tree until it ends: the peaks (MB) of its summed Rss and Pss and the
    most processes seen at once."""
    peaks = {"tree_rss_mb": 0.0, "tree_pss_mb": 0.0, "processes": 0.0}
    if not (PROC / "self" / "smaps_rollup").exists():
        process.wait()
        return peaks
    while process.poll() is None:
        pids = _tree(process.pid)
        sizes = [_kb(pid) for pid in pids]
        peaks["tree_rss_mb"] = max(peaks["tree_rss_mb"], sum(r for r, _ in sizes) / 1024)
        peaks["tree_pss_mb"] = max(peaks["tree_pss_mb"], sum(p for _, p in sizes) / 1024)
        peaks["processes"] = max(peaks["processes"], float(sum(1 for r, _ in sizes if r)))
        time.sleep(interval)
    return peaks
