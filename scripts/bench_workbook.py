"""Time the workbook (begin, finish, write) on synthetic tables: 1,000 actions, 10,000 snapshots (not a test).

    .venv/bin/python scripts/bench_workbook.py [--actions N] [--snapshots N] [--repeat N]

Prints the best and median wall time of the whole of it (cleaning, views, XlsxWriter, writing the file)
and the file's size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema
from pipeline.publish.workbook import RunInfo, begin, finish

WORDS = ("review", "improve", "partnership", "governance", "budget", "locality", "workforce", "digital",
         "strategy", "engagement", "performance", "community", "housing", "education", "report")
RAGS = ("red", "amber", "green", "complete", "not_started", None)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def synthetic_tables(n_actions: int, n_snapshots: int, seed: int = 1) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    per_action = max(1, n_snapshots // n_actions)
    dates = [dt.date(2019, 3, 31) + dt.timedelta(days=91 * i) for i in range(per_action)]
    docs = [{"doc_id": f"doc{i:03d}", "file_name": f"update_{d.isoformat()}.docx",
             "source_path": f"/ws/raw/update_{d.isoformat()}.docx", "format": "docx",
             "title": "Best Value Audit Implementation Plan", "report_date": d, "status": "extracted",
             "n_actions": n_actions} for i, d in enumerate(dates)]
    actions: list[dict[str, Any]] = []
    snapshots: list[dict[str, Any]] = []
    for a in range(n_actions):
        aid = f"act{a:05d}"
        actions.append({"action_id": aid, "organisation": f"Council {a % 8}", "plan": f"Plan {a % 20}",
                        "theme": _text(rng, 12), "ref": str(a % 60 + 1), "description": _text(rng, 25),
                        "lead": _text(rng, 2), "due_date": rng.choice(dates)})
        pct = 0.0
        for i, d in enumerate(dates):
            pct = min(100.0, pct + rng.choice((0, 5, 10, 25)))
            snapshots.append({"action_id": aid, "doc_id": f"doc{i:03d}", "as_of": d, "percent_complete": pct,
                              "percent_raw": f"{pct:.0f}%", "rag": rng.choice(RAGS),
                              "status_text": _text(rng, rng.randint(10, 120)), "table_index": 0, "row_index": a})
    items = [{"doc_id": f"doc{i % len(dates):03d}", "kind": rng.choice(("issue", "risk", "target")),
              "text": _text(rng, 20)} for i in range(200)]
    findings = [{"check": "progress_stalled", "severity": "warning", "doc_id": s["doc_id"],
                 "action_id": s["action_id"], "column": "percent_complete", "message": "no change"}
                for s in snapshots[::10]]
    return {"documents": schema.conform("documents", docs), "actions": schema.conform("actions", actions),
            "snapshots": schema.conform("snapshots", snapshots), "items": schema.conform("items", items),
            "findings": schema.conform("findings", findings)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=1_000)
    parser.add_argument("--snapshots", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tables = synthetic_tables(args.actions, args.snapshots)
    info = RunInfo(started=dt.datetime(2024, 1, 1, 9, 0))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "outputs" / "tracker.xlsx"
        for _ in range(args.repeat):
            start = time.perf_counter()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(finish(begin(tables, info, path.parent), tables["findings"]))
            times.append(time.perf_counter() - start)
        size = path.stat().st_size
    print(f"workbook: {len(tables['actions']):,} actions, {len(tables['snapshots']):,} snapshots, "
          f"{len(tables['findings']):,} findings: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
          f"over {len(times)} run(s); {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
