"""Build the layout papers: every spec of every layout class, in each of its producers' forms.

    python tests/layouts/build.py                    # every module of tests/layouts/classes/
    python tests/layouts/build.py --only LAYOUT ...  # only these layouts (a spec's layout or a module's name)
    python tests/layouts/build.py --out DIR          # into DIR/papers and DIR/expected instead
    python tests/layouts/build.py --example DIR      # this file's example() in all five forms, into DIR

Each paper goes to ``tests/layouts/papers/<layout>/<file>`` (file names: :func:`layouts.render.file_name`)
and what bvtrack should read from it to ``tests/layouts/expected/<layout>/<file>.json``. A layout's
two folders are emptied before it is rebuilt, so a renamed spec leaves nothing behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import pkgutil
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

from layouts.render import narrow_words, render  # noqa: E402
from layouts.spec import PRODUCERS, Block, C, Expected, P, PaperSpec, Producer, Sheet, Snapshot, T  # noqa: E402
from layouts.spec import Action as A  # noqa: E402

PAPERS = HERE / "papers"
EXPECTED = HERE / "expected"
CLASSES = HERE / "classes"


def discover(only: Sequence[str] = ()) -> tuple[list[PaperSpec], list[str]]:
    """The specs of every module in ``classes/`` with ``variants()`` (only the layouts named in
    ``only``, where given), and the errors of modules that failed."""
    specs: list[PaperSpec] = []
    errors: list[str] = []
    for module_info in sorted(pkgutil.iter_modules([str(CLASSES)]), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"layouts.classes.{module_info.name}")
            variants = getattr(module, "variants", None)
            if variants is None:
                continue
            found = list(variants())
        except Exception as exc:
            errors.append(f"classes/{module_info.name}.py: {type(exc).__name__}: {exc}")
            continue
        specs += [s for s in found if not only or s.layout in only or module_info.name in only]
    return specs, errors


def check(specs: Sequence[PaperSpec]) -> list[str]:
    """What is wrong with the specs before anything is written: unknown producers, two specs
    writing one file, a workbook form of a spec with nothing to put in it."""
    problems: list[str] = []
    seen: dict[tuple[str, str], PaperSpec] = {}
    for spec in specs:
        key = (spec.layout, spec.name)
        if key in seen:
            problems.append(f"{spec.layout}/{spec.name}: two specs with this name")
        seen[key] = spec
        if "/" in spec.name or "/" in spec.layout or not spec.name or not spec.layout:
            problems.append(f"{spec.layout}/{spec.name}: a layout and a name are plain file names")
        for producer in spec.producers:
            if producer not in PRODUCERS:
                problems.append(f"{spec.layout}/{spec.name}: unknown producer {producer!r}")
    return problems


def write_expected(spec: PaperSpec, paper: Path, folder: Path) -> Path:
    path = folder / f"{paper.name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec.expected.as_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _clear(folder: Path) -> None:
    if folder.is_dir():
        for path in folder.iterdir():
            if path.is_file():
                path.unlink()


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def build(specs: Sequence[PaperSpec], papers: Path = PAPERS, expected: Path = EXPECTED, *,
          producers: Sequence[Producer] | None = None, workers: int | None = None,
          clear: bool = True) -> list[tuple[PaperSpec, Producer, Path]]:
    """Write each spec's papers under ``papers/<layout>/`` and their expected JSON under
    ``expected/<layout>/``; print a line per file; return what was written."""
    for spec in specs:
        narrow = sorted({f"{word!r} ({form}, {room:.0f} pt)" for form, word, room in narrow_words(spec)})
        if narrow:
            print(f"warning: {spec.layout}/{spec.name}: words wider than their columns, printed broken: "
                  + ", ".join(narrow), file=sys.stderr)
    if clear:
        for layout in sorted({s.layout for s in specs}):
            _clear(papers / layout)
            _clear(expected / layout)
    written = render(specs, lambda s: papers / s.layout, producers=producers, workers=workers)
    for spec, producer, path in written:
        json_path = write_expected(spec, path, expected / spec.layout)
        print(f"{producer:8} {_shown(path)}  (+ {_shown(json_path)})")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", default=[], metavar="LAYOUT", help="build only these layouts")
    parser.add_argument("--producers", nargs="+", choices=PRODUCERS, metavar="PRODUCER",
                        help=f"only these forms ({', '.join(PRODUCERS)})")
    parser.add_argument("--workers", type=int, default=None, help="LibreOffice processes at once (default: up to 4)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write DIR/papers and DIR/expected instead of tests/layouts/papers and expected")
    parser.add_argument("--example", type=Path, metavar="DIR", help="write example() in all five forms into DIR")
    args = parser.parse_args(argv)
    started = time.monotonic()
    if args.example is not None:
        spec = example()
        written = render([spec], args.example, producers=args.producers, workers=args.workers)
        for _, producer, path in written:
            write_expected(spec, path, args.example)
            print(f"{producer:8} {_shown(path)}")
        return 0
    specs, errors = discover(args.only)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    problems = check(specs)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    if args.only:
        missing = set(args.only) - {s.layout for s in specs}
        for name in sorted(missing):
            print(f"warning: no spec of layout {name!r}", file=sys.stderr)
    papers, expected = (args.out / "papers", args.out / "expected") if args.out else (PAPERS, EXPECTED)
    written = build(specs, papers, expected, producers=args.producers, workers=args.workers)
    forms = Counter(producer for _, producer, _ in written)
    layouts = {s.layout for s in specs}
    print(f"{len(written)} papers ({', '.join(f'{forms[p]} {p}' for p in PRODUCERS if forms[p])}) "
          f"from {len(specs)} specs in {len(layouts)} layouts, each with its expected JSON, "
          f"in {time.monotonic() - started:.1f} s" + (f"; {len(errors)} modules failed" if errors else ""))
    return 1 if errors else 0


# --- an example to check the producers by ------------------------------------------------------

RAG = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "complete": "0070C0"}
HEAD = "D9E2F3"  # header fill
THEME = "BDD7EE"  # theme row fill


def example() -> PaperSpec:
    """A small paper with what the producers must print faithfully: a ruled table with a two-row
    header (a merged 'Progress' group over two period columns, the other headers merged down),
    full-width theme rows, RAG fills, cells with several paragraphs and long text, a bullet
    list, and an unruled table."""

    def head(text: str, rowspan: int = 1, colspan: int = 1) -> C:
        return C(text, fill=HEAD, bold=True, rowspan=rowspan, colspan=colspan)

    def row(ref: str, action: str, lead: str, due: str, q2: str, q3: str, rag: str, comment: str) -> list[C | str]:
        return [ref, action, lead, due, q2, C(q3, fill=RAG[rag]), comment]

    actions = T(
        rows=[
            [head("Ref", rowspan=2), head("Agreed Action", rowspan=2), head("Lead Officer", rowspan=2),
             head("Target Date", rowspan=2), head("Progress", colspan=2), head("Commentary", rowspan=2)],
            [head("Q2 2021/22"), head("Q3 2021/22")],
            [C("Recommendation 1: Leadership and governance", colspan=7, fill=THEME, bold=True)],
            row("1.1", "Agree a new scheme of delegation with elected members and publish it on the council's "
                "website", "Chief Executive", "31/03/2022", "50%", "80%", "green",
                "Draft agreed by the working group.\n• Member briefing held in November\n• Council to approve "
                "in March"),
            row("1.2", "Refresh standing orders", "Head of Legal Services", "30/09/2022", "10%", "25%", "amber",
                "Consultation delayed by the pre-election period."),
            [C("Recommendation 2: Financial sustainability", colspan=7, fill=THEME, bold=True)],
            row("2.1", "Publish a five-year medium term financial plan", "Chief Finance Officer", "Q3 2022/23",
                "10%", "10%", "red", "Delayed until the settlement is known."),
            row("2.2", "Report savings delivery quarterly to the Audit Committee", "Chief Finance Officer",
                "31/12/2021", "75%", "100%", "complete", "Complete: reported in December."),
        ],
        widths=[0.5, 3.0, 1.5, 1.1, 0.9, 0.9, 3.5],
        header_rows=2,
    )
    risks = T(rows=[[C("Risk", bold=True), C("Owner", bold=True), C("Status", bold=True)],
                    ["Capacity of the finance team", "Chief Finance Officer", C("High", fill="FF0000")],
                    ["Member turnover at the election", "Chief Executive", "Medium"]],
              ruled=False, widths=[3, 2, 1])
    blocks: list[Block] = [
        P("Best Value Assurance Report: Action Plan Progress", "title"),
        P("Report by the Chief Executive to the Audit Committee, 14 March 2022"),
        P("Progress against the improvement plan", "heading"),
        actions,
        P("Key risks", "heading"),
        P("Capacity in the finance team while the plan is delivered", "bullet"),
        P("Member turnover at the May 2022 election", "bullet"),
        risks,
    ]

    def snaps(q2: float, q3: float, rag: str, text: str) -> list[Snapshot]:
        return [Snapshot("2021-09-30", q2, f"{q2:.0f}%"), Snapshot("2021-12-31", q3, f"{q3:.0f}%", rag, text)]

    expected = Expected(
        title="Best Value Assurance Report: Action Plan Progress", report_date="2022-03-14",
        actions=[
            A("Agree a new scheme of delegation with elected members and publish it on the council's website",
              "1.1", "Leadership and governance", "Chief Executive", due_date="2022-03-31", due_raw="31/03/2022",
              snapshots=snaps(50, 80, "green", "Draft agreed by the working group. Member briefing held in November "
                              "Council to approve in March")),
            A("Refresh standing orders", "1.2", "Leadership and governance", "Head of Legal Services",
              due_date="2022-09-30", due_raw="30/09/2022",
              snapshots=snaps(10, 25, "amber", "Consultation delayed by the pre-election period.")),
            A("Publish a five-year medium term financial plan", "2.1", "Financial sustainability",
              "Chief Finance Officer", due_date="2022-12-31", due_raw="Q3 2022/23",
              snapshots=snaps(10, 10, "red", "Delayed until the settlement is known.")),
            A("Report savings delivery quarterly to the Audit Committee", "2.2", "Financial sustainability",
              "Chief Finance Officer", due_date="2021-12-31", due_raw="31/12/2021",
              snapshots=snaps(75, 100, "complete", "Complete: reported in December.")),
        ])
    # the workbook: the same content, with typed dates and percentages, and the risks on a second sheet
    typed = T(rows=[list(r) for r in actions.rows], widths=actions.widths, header_rows=2)
    for r in typed.rows[3:]:
        if len(r) == 7:
            due, q2, q3 = as_c(r[3]), as_c(r[4]), as_c(r[5])
            if due.text.count("/") == 2:
                d, m, y = (int(x) for x in due.text.split("/"))
                r[3] = C(due.text, value=dt.datetime(y, m, d), number_format="dd/mm/yyyy")
            r[4] = C(q2.text, value=float(q2.text.rstrip("%")) / 100, number_format="0%")
            r[5] = C(q3.text, fill=q3.fill, value=float(q3.text.rstrip("%")) / 100, number_format="0%")
    sheets = [Sheet("Progress", [*blocks[:3], typed]), Sheet("Risks", blocks[4:])]
    return PaperSpec(layout="example", name="example_bv_action_plan_progress_2022-03", blocks=blocks,
                     expected=expected, producers=PRODUCERS, sheets=sheets,
                     modified=dt.datetime(2022, 3, 7, 9, 30), note="the producers' own check")


def as_c(item: C | str) -> C:
    return item if isinstance(item, C) else C(item)


if __name__ == "__main__":
    sys.exit(main())
