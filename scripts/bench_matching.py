"""Benchmark matching at scale: two papers of one plan, each of N unnumbered actions.

    python scripts/bench_matching.py [--actions 3000] [--workers 2] [--keep]

The second paper reports the first one's actions a quarter later: most word for word, some
with a word changed, some reworded beyond recognition, some new; all without numbers, so every
action is matched by its description. A cold ``bvtrack run`` over the two (a subprocess) is
timed step by step from its log, and the peak memory of its process tree sampled (as
scripts/bench.py does). Goal (issue 16): consolidate under 10 s, the whole run under 1 GiB.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import BVTRACK, snapshot, timed_run  # noqa: E402 - the script's folder is on the path first

VERBS = ("Review", "Develop", "Implement", "Improve", "Deliver", "Establish", "Agree", "Publish", "Embed",
         "Strengthen", "Introduce", "Complete", "Refresh", "Align", "Monitor", "Report on", "Consult on")
THINGS = ("the medium-term financial strategy", "workforce planning", "the capital programme", "member training",
          "the scheme of delegation", "community engagement", "performance reporting", "the risk register",
          "digital services", "the transformation programme", "procurement arrangements", "the asset strategy",
          "the local development plan", "housing repairs", "school estate planning", "waste collection routes",
          "the equalities outcomes", "the complaints process", "partnership governance", "budget consultation")
HOW = ("with elected members", "across all services", "for the 2023/24 budget", "through the audit committee",
       "with the community planning partnership", "using benchmarking data", "by the end of the year",
       "in line with the Best Value audit", "with trade unions", "and report progress quarterly")


def actions(n: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    out = []
    while len(out) < n:
        text = f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(HOW)} ({rng.randint(1, 10**6)})"
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def later(first: list[str], rng: random.Random) -> list[str]:
    """The next quarter's descriptions: 80% the same, 8% a word changed, 6% reworded, 6% new."""
    out = []
    for text in first:
        roll = rng.random()
        if roll < 0.80:
            out.append(text)
        elif roll < 0.88:
            words = text.split()
            words[rng.randrange(len(words))] = rng.choice(("revised", "updated", "new", "wider"))
            out.append(" ".join(words))
        elif roll < 0.94:
            out.append(f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(HOW)} ({rng.randint(1, 10**6)})")
        else:
            out.append(f"{rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(HOW)} (new {rng.randint(1, 10**6)})")
    return out


def write(path: Path, month: str, descriptions: list[str], rng: random.Random) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"Kelvindale Council Best Value Improvement Plan: Progress Report {month}"])
    sheet.append([])
    sheet.append(["Action", "Lead Officer", "Target Date", "% Complete", "RAG"])
    for text in descriptions:
        sheet.append([text, rng.choice(("Chief Executive", "Head of Finance", "Head of HR")),
                      f"31/0{rng.randint(1, 9)}/2023", rng.choice((0, 25, 50, 75, 100)),
                      rng.choice(("Red", "Amber", "Green"))])
    book.save(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--actions", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    rng = random.Random(16)
    tmp = Path(tempfile.mkdtemp(prefix="bvtrack-bench-matching-"))
    shared = tmp / "shared"
    shared.mkdir()
    first = actions(args.actions, rng)
    write(shared / "plan_update_december_2022.xlsx", "December 2022", first, rng)
    write(shared / "plan_update_march_2023.xlsx", "March 2023", later(first, rng), rng)
    ws = tmp / "workspace"
    run = timed_run([*BVTRACK, "run", "--input", str(shared), "--workspace", str(ws), "--no-email",
                     "--workers", str(args.workers)], snapshot(tmp))
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in run["steps"].items())
    print(f"two papers of {args.actions:,} unnumbered actions: exit {run['exit']}, {run['seconds']:.1f} s "
          f"({steps}), peak memory {run['peak_mb']:,.0f} MB")
    if args.keep:
        print(f"workspace kept: {ws}", file=sys.stderr)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if run["exit"] in (0, 3) else 1


if __name__ == "__main__":
    sys.exit(main())
