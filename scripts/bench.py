"""Benchmark the batch: papers per second per step, total time, peak memory, an unchanged rerun,
and the whole pipeline's time against the bare libraries just opening the same papers.

    python scripts/bench.py [--papers 1000] [--workers 2] [--folder DIR] [--json FILE]

It writes ``--papers`` distinct papers (scripts/make_bench_papers.py) unless ``--folder`` holds
them already, then:

1. baseline: in one process, serially, each paper opened by its library and its tables' text
   read (python-docx cell text, openpyxl cell values, pdfplumber ``extract_tables``);
2. a cold ``bvtrack run`` over the folder into a fresh workspace (a subprocess, as cron runs it),
   its steps' times taken from its log, the peak memory of its whole process tree sampled from
   /proc every 20 ms (parent, fork server and workers together);
3. the same command again: nothing changed, so nothing is read;
4. one new paper; then each step of a sample of papers, in this process, as a reader runs them.

The runs use a copy of the code with its bytecode compiled, as an installed wheel has it.
Goals on 2 cores, 1,000 papers (issue 15): ratio (2 / 1) at most 0.3, PDF extraction at most 10 ms a
paper, unchanged rerun under 1 s, peak memory under 1 GiB.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import gc
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
BVTRACK = [sys.executable, "-m", "pipeline.cli"]
STEP = re.compile(r"step (.+?): ([\d.]+) s")


# ---- the bare libraries -----------------------------------------------------------------------------

def bare_docx(path: Path) -> int:
    import docx

    return sum(len(cell.text) for table in docx.Document(str(path)).tables for row in table.rows
               for cell in row.cells)


def bare_xlsx(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    try:
        return sum(len(str(v)) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                   for v in row if v is not None)
    finally:
        book.close()


def bare_pdf(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        n = 0
        for page in pdf.pages:
            n += sum(len(c or "") for t in page.extract_tables() for row in t for c in row)
            page.close()
        return n


BARE = {".docx": bare_docx, ".xlsx": bare_xlsx, ".pdf": bare_pdf}


def baseline(paths: list[Path]) -> dict[str, float]:
    for fn in BARE.values():  # imports are not the papers' cost
        with contextlib.suppress(Exception):
            fn(Path("/nonexistent"))
    per: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        t = time.perf_counter()
        BARE[path.suffix](path)
        per[path.suffix] = per.get(path.suffix, 0.0) + time.perf_counter() - t
    per["total"] = time.perf_counter() - started
    per["cpu"] = time.process_time() - cpu
    return per


# ---- one paper's steps, in this process ------------------------------------------------------------

def per_paper(paths: list[Path]) -> dict[str, dict[str, float]]:
    """Milliseconds per paper, by format: sha256, sniff, extract, interpret, the collection a reader
    makes after each paper, and the bare library. The collector is set as in a reader process
    (pipeline/batch/workers.py), so the steps are timed as they run there."""
    from extractors import extract
    from extractors.sniff import sniff
    from pipeline.batch.collector import collect_less
    from pipeline.config import Settings
    from pipeline.files import sha256_file
    from pipeline.interpret import interpret

    settings = Settings()
    sums: dict[str, dict[str, float]] = {}
    collect_less()
    for path in paths:
        fmt = path.suffix[1:]
        t0 = time.perf_counter()
        sha = sha256_file(path)
        t1 = time.perf_counter()
        sniff(path, settings)
        t2 = time.perf_counter()
        paper = extract(path, fmt)
        t3 = time.perf_counter()
        interpret(paper, sha, settings)
        t4 = time.perf_counter()
        gc.collect()
        t5 = time.perf_counter()
        BARE[path.suffix](path)
        t6 = time.perf_counter()
        gc.collect()  # the bare library's garbage, not the next paper's time
        row = sums.setdefault(fmt, {"n": 0})
        row["n"] += 1
        for step, seconds in (("sha256", t1 - t0), ("sniff", t2 - t1), ("extract", t3 - t2),
                              ("interpret", t4 - t3), ("collect", t5 - t4), ("bare library", t6 - t5)):
            row[step] = row.get(step, 0.0) + seconds
    return {fmt: {k: (v if k == "n" else 1000 * v / row["n"]) for k, v in row.items()} for fmt, row in sums.items()}


# ---- the pipeline, as a process tree ----------------------------------------------------------------

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int, cpu: dict[int, float]) -> int:
    """Resident memory of ``root`` and all its descendants, in bytes; records each one's CPU seconds
    so far in ``cpu`` (a process's own CPU is lost to rusage once its parent is not ours)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            pid = int(stat.parent.name)
            children.setdefault(int(fields[1]), []).append(pid)
            stats[pid] = fields
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += int(stats[pid][21]) * PAGE
            cpu[pid] = max(cpu.get(pid, 0.0), (int(stats[pid][11]) + int(stats[pid][12])) / TICK)
        todo.extend(children.get(pid, []))
    return total


def snapshot(tmp: Path) -> dict[str, str]:
    """Run a copy of the code (edits made to the tree meanwhile would change its fingerprint) with its
    bytecode compiled, as pip compiles a wheel's when it installs it (docs/deployment.md): where
    PYTHONDONTWRITEBYTECODE is set, as on some CI machines, every start would compile every module."""
    code = tmp / "code"
    for package in ("pipeline", "extractors", "expectations"):
        shutil.copytree(HERE.parent / package, code / package, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(code, quiet=1)
    return {**os.environ, "PYTHONPATH": str(code)}


def last_log(ws: Path) -> str:
    """The run's own log: under no terminal a run prints problems only, its steps are in the log."""
    logs = sorted((ws / "outputs" / "logs").glob("*.log"), key=lambda p: p.stat().st_mtime_ns)
    return logs[-1].read_text(encoding="utf-8") if logs else ""


def timed_run(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    cpu: dict[int, float] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=env["PYTHONPATH"])  # not the tree: python -m puts the current folder first
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree(proc.pid, cpu))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    log = last_log(Path(args[args.index("--workspace") + 1]))
    return {"seconds": seconds, "cpu": sum(cpu.values()), "exit": proc.returncode, "peak_mb": peak[0] / 2**20,
            "steps": {m[1]: float(m[2]) for m in STEP.finditer(log)}, "stdout": out, "stderr": err, "log": log}


def with_one_more(folder: Path, grown: Path, n: int) -> Path:
    """The shared folder (as hard links: a run never follows symbolic links) and one new paper of an
    existing plan."""
    from make_bench_papers import papers, write

    for path in folder.rglob("*"):
        if path.is_file():
            (grown / path.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, grown / path.relative_to(folder))
    extra = papers(grown, n + 1, seed=1)[-1]
    write(extra)
    return grown


def report(n: int, workers: int, base: dict[str, float], cold: dict[str, Any], warm: dict[str, Any],
           one: dict[str, Any], steps: dict[str, dict[str, float]]) -> str:
    lines = [f"papers: {n}, workers: {workers}, cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}",
             f"baseline (bare libraries, serial): {base['total']:.1f} s = {n / base['total']:.1f} papers/s, "
             f"cpu {base['cpu']:.1f} s ({', '.join(f'{k} {base[k]:.1f} s' for k in BARE if k in base)})",
             f"pipeline, cold: {cold['seconds']:.1f} s = {n / cold['seconds']:.1f} papers/s, exit {cold['exit']}, "
             f"cpu {cold['cpu']:.1f} s (all its processes), peak memory {cold['peak_mb']:.0f} MB"]
    for step, seconds in cold["steps"].items():
        lines.append(f"  step {step}: {seconds:.2f} s = {n / seconds if seconds else float('inf'):.0f} papers/s")
    lines += [f"ratio pipeline / baseline: {cold['seconds'] / base['total']:.2f} (goal <= 0.3); "
              f"cpu ratio {cold['cpu'] / base['cpu']:.2f}",
              f"unchanged rerun: {warm['seconds']:.2f} s (goal < 1 s), exit {warm['exit']}, "
              f"peak memory {warm['peak_mb']:.0f} MB",
              f"one new paper: {one['seconds']:.2f} s (read 1, everything rebuilt: "
              f"{', '.join(f'{k} {v:.2f} s' for k, v in one['steps'].items())})",
              f"peak memory goal < 1024 MB: {'met' if cold['peak_mb'] < 1024 else 'MISSED'}",
              "one paper, in one process, as a reader runs it (ms per paper; goal for PDF extraction <= 10):"]
    for fmt, row in sorted(steps.items()):
        lines.append(f"  {fmt} ({row['n']:.0f}): " + ", ".join(f"{k} {v:.1f}" for k, v in row.items() if k != "n"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folder", type=Path, help="papers to use (written there first if it is empty)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary workspace")
    parser.add_argument("--sample", type=int, default=150, help="papers timed step by step in one process")
    args = parser.parse_args(argv)

    from make_bench_papers import make

    tmp = Path(tempfile.mkdtemp(prefix="bvtrack-bench-"))
    folder = args.folder or tmp / "shared"
    paths = sorted(p for p in folder.rglob("*") if p.suffix in BARE) if folder.exists() else []
    if not paths:
        started = time.perf_counter()
        paths = sorted(make(folder, args.papers))
        print(f"wrote {len(paths)} papers in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    ws = tmp / "workspace"
    command = [*BVTRACK, "run", "--input", str(folder), "--workspace", str(ws), "--no-email",
               "--workers", str(args.workers)]
    env = snapshot(tmp)
    before = baseline(paths)  # before and after the cold run: the machine's load drifts
    cold = timed_run(command, env)
    after = baseline(paths)
    base = {k: (before[k] + after[k]) / 2 for k in before}
    warm = timed_run(command, env)
    grown = with_one_more(folder, tmp / "shared+1", args.papers)
    one = timed_run([*command[:4], "--input", str(grown), *command[6:]], env)
    if cold["exit"] not in (0, 3) or "nothing changed" not in warm["log"]:
        print(cold["stderr"][-3000:], warm["log"][-3000:], f"workspace: {ws}", file=sys.stderr)
        return 1
    sample = paths[:: max(1, len(paths) // args.sample)]
    steps = per_paper(sample)
    text = report(len(paths), args.workers, base, cold, warm, one, steps)
    print(text)
    if args.json:
        figures = {"papers": len(paths), "workers": args.workers, "baseline": base, "per_paper_ms": steps,
                   **{k: {x: v for x, v in run.items() if x not in ("stdout", "stderr", "log")}
                      for k, run in (("cold", cold), ("unchanged", warm), ("one_new", one))}}
        args.json.write_text(json.dumps(figures, indent=1))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print(f"workspace kept: {ws}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
