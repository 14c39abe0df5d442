"""The layout papers scored the way ``../shared/tools/score_corpus.py`` scores the sample corpus.

The scorer's own ``score`` is used (loaded from ``../shared/tools``); the staged tables it reads
are made here in one process (read, then consolidate) instead of through a run per paper.

    .venv/bin/python tests/layouts/scoring.py [LAYOUT ...] [-v]
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS / "layouts"
PAPERS, EXPECTED = ROOT / "papers", ROOT / "expected"
SCORER = TESTS.parents[1] / "shared" / "tools" / "score_corpus.py"


def scorer() -> Callable[..., tuple[int, int, int, int, list[str]]]:
    """``score(expected, staged)`` of the shared scoring tool."""
    spec = importlib.util.spec_from_file_location("score_corpus", SCORER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score  # type: ignore[no-any-return]


def staged(path: Path) -> dict[str, Any]:
    """The staged actions, snapshots and documents one paper gives, read as a run reads it."""
    from pipeline import schema
    from pipeline.config import Settings
    from pipeline.consolidate import consolidate
    from pipeline.interpret import read_paper_file

    settings = Settings()
    tables = consolidate([read_paper_file(path, settings)], settings).tables
    return {name: schema.conform(name, tables[name]) for name in ("actions", "snapshots", "documents")}


@dataclass
class Result:
    paper: Path
    ok: int
    total: int
    found: int
    wanted: int
    notes: list[str] = field(default_factory=list)
    source: tuple[Any, Any] = (None, None)  # report_date_source: (wanted, got)


def papers(layouts: list[str] | None = None) -> list[tuple[Path, Path]]:
    """(paper, expected) for every layout paper, or those of ``layouts``."""
    out = []
    for expected in sorted(EXPECTED.rglob("*.json")):
        layout = expected.parent.name
        if layouts and layout not in layouts:
            continue
        paper = PAPERS / layout / expected.name[: -len(".json")]
        if paper.exists():
            out.append((paper, expected))
    return out


def score_paper(paper: Path, expected: Path, score: Callable[..., Any]) -> Result:
    want = json.loads(expected.read_text(encoding="utf-8"))
    tables = staged(paper)
    ok, total, found, wanted, notes = score(want, tables)
    docs = tables["documents"]
    got = docs["report_date_source"].iloc[0] if len(docs) else None
    return Result(paper, ok, total, found, wanted, notes, (want.get("report_date_source"), got))


def by_layout(results: list[Result]) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for r in results:
        ok, total = out.get(r.paper.parent.name, (0, 0))
        out[r.paper.parent.name] = (ok + r.ok, total + r.total)
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    layouts = [a for a in argv if not a.startswith("-")] or None
    score = scorer()
    results = [score_paper(p, e, score) for p, e in papers(layouts)]
    for r in results:
        flag = "" if r.source[0] == r.source[1] or r.source[0] is None else f" (report date from {r.source[1]}, " \
            f"not {r.source[0]})"
        print(f"{r.paper.parent.name}/{r.paper.name}: {r.ok}/{r.total} fields, {r.found}/{r.wanted} actions{flag}")
        for note in r.notes[: (40 if verbose else 4)]:
            print("   ", note)
    print()
    for layout, (ok, total) in sorted(by_layout(results).items()):
        print(f"{layout:<20} {ok / max(total, 1):.3f} ({ok}/{total} fields)")
    ok = sum(r.ok for r in results)
    total = sum(r.total for r in results)
    print(f"{'all':<20} {ok / max(total, 1):.3f} ({ok}/{total} fields), {len(results)} papers")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(TESTS.parent))
    sys.exit(main(sys.argv[1:]))
