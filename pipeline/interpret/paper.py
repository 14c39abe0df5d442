"""A paper, whatever its format, to its rows: actions, snapshots, register items, metadata, findings.

:func:`read_paper_file` is the unit of work a reader process runs for each file in ``raw/``:
sniff, extract, interpret. It never raises for a bad paper: the reading says it is quarantined
and why. :func:`interpret` reads the extracted blocks in order, carrying the current theme (a
labelled paragraph before a table) to the tables that follow; everything it does works on the
format-neutral model only. What it could not read it says as findings: ``rows_unread`` for rows
of an action table read as nothing, ``paper_unread`` for a paper that looks like a progress
report and yields no actions (or far fewer than its tables hold), ``parser_warning`` for what
the parsing library said about the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extractors import extract
from extractors.errors import ExtractionError
from extractors.model import Limits, Paper, Paragraph, Table
from extractors.sniff import sniff
from pipeline.config import Settings
from pipeline.files import sha256_file
from pipeline.findings import Finding, finding, position
from pipeline.interpret.cards import heading_text, paragraph_cards, table_cards
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import CONTINUED_RE, Grid, theme_from_label
from pipeline.interpret.metadata import Metadata, read_metadata
from pipeline.interpret.normalise import clean_text
from pipeline.interpret.rag import read_key, word_table
from pipeline.interpret.reading import PaperReading, document_row, quarantined
from pipeline.interpret.registers import paragraph_items
from pipeline.interpret.repeats import merge_repeats
from pipeline.interpret.rows import RowContext
from pipeline.interpret.tables import Context, read_table
from pipeline.interpret.transposed import transposed

PARSER_WARNING = "parser_warning"
PROGRESS_WORDS = re.compile(r"\b(?:(?:action|improvement|implementation|delivery)\s+plans?|"
                            r"progress\s+(?:report|update)s?|best\s+value|rag\s+(?:status|rating)|"
                            r"audit\s+recommendations?|workstreams?)\b", re.I)
ACTION_FIELDS = {"description", "progress", "rag", "due_date", "status_text"}
UNREAD_SHARE = 1 / 3  # more of an action table's rows read as nothing than this: the paper was misread


def read_paper_file(path: Path, settings: Settings, doc_id: str | None = None) -> PaperReading:
    """Sniff, extract and interpret one file; a bad file comes back quarantined with a reason."""
    doc_id = doc_id or sha256_file(path)
    fmt: str | None = None
    try:
        fmt = sniff(path, settings)
        paper = extract(path, fmt, Limits(max_pages=settings.max_pages, max_rows=settings.max_rows))
    except ExtractionError as exc:
        return quarantined(path, doc_id, fmt, exc.reason)
    except (MemoryError, RecursionError):
        raise  # the reader process that runs this reports these as resource limits
    except Exception as exc:  # a parser failing on a malformed file: quarantine, keep going
        return quarantined(path, doc_id, fmt, f"cannot be read as {fmt}: {type(exc).__name__}: {exc}")
    return interpret(paper, doc_id, settings)


def parser_findings(paper: Paper, doc_id: str) -> list[Finding]:
    """What the parsers said about the file while reading it ('Workbook contains no stylesheet')."""
    return [finding(PARSER_WARNING, "info", f"{Path(paper.path).name}: the {paper.format} reader warned: {text}",
                    doc_id=doc_id, value=text) for text in paper.warnings]


def _paragraph_theme(block: Paragraph, ctx: Context) -> None:
    text = block.text.strip()
    if not text or CONTINUED_RE.match(text):
        return
    labelled = theme_from_label(text, ctx.settings.theme_labels)
    if labelled:
        ctx.theme = labelled


def interpret(paper: Paper, doc_id: str, settings: Settings) -> PaperReading:
    """All the rows one paper yields (action ids are assigned later, across papers)."""
    path = Path(paper.path)
    meta = read_metadata(paper)
    words = word_table(settings.rag_labels)
    key = read_key(paper, words)
    rows = RowContext(doc_id=doc_id, source_file=path.name, report_date=meta.report_date,
                      rag_words={**words, **key.words}, key=key.colours)
    ctx = Context(rows=rows, words=HeaderDictionary.build(settings.headers), settings=settings)
    items: list[dict[str, Any]] = []
    run: list[Paragraph] = []  # consecutive paragraphs: registers written as lists, actions as cards
    sheet: str | None = None
    for block in [*paper.blocks, None]:
        if isinstance(block, Paragraph):
            _paragraph_theme(block, ctx)
            run.append(block)
            continue
        items.extend({"doc_id": doc_id, **item} for item in paragraph_items([(p.text, p.style) for p in run]))
        for card in paragraph_cards(run, ctx.words):
            ctx.add_card(card)
        above = heading_text(run[-1]) if run else None
        run = []
        if block is None:
            break
        if block.name is not None and block.name != sheet:  # a new sheet: themes do not carry over
            sheet, ctx.theme = block.name, None
        for table in transposed(block, ctx.words):  # a table on its side: one action a column
            items.extend({"doc_id": doc_id, **item} for item in read_cards_or_table(table, ctx, above))
    ctx.actions, ctx.snapshots = merge_repeats(ctx.actions, ctx.snapshots)
    themes_from_sheets(paper, ctx.actions)
    document = document_row(path, doc_id, paper.format)
    document.update(title=meta.title, council=meta.council, report_ref=meta.report_ref, report_date=meta.report_date,
                    report_date_source="paper" if meta.report_date else None, committee_date=meta.committee_date,
                    file_modified=paper.modified.date() if paper.modified else None, n_actions=len(ctx.actions),
                    status="extracted" if ctx.actions else "no_actions")
    why = looks_like_progress_report(paper, meta, ctx.words)
    document["looks_like_report"] = why is not None  # its dates matter even where nothing was read
    found = parser_findings(paper, doc_id) + misread_findings(paper, ctx, doc_id, why)
    return PaperReading(document=document, actions=ctx.actions, snapshots=ctx.snapshots, items=items, findings=found)


def read_cards_or_table(table: Table, ctx: Context, above: str | None) -> list[dict[str, str]]:
    """A table's actions, as cards of labels and values or as an action table, and its register
    items. Cards of an action's progress that name no action are said as rows read as nothing
    (where the table yields no action some other way)."""
    cards = table_cards(table, ctx.words, above)
    items: list[dict[str, str]] = []
    if cards and cards.cards:
        for card in cards.cards:
            ctx.add_card(card)
    else:
        before = len(ctx.actions)
        items = read_table(table, ctx)
        if len(ctx.actions) > before:
            return items
    for card in cards.nameless if cards else []:
        ctx.add_nameless_card(card)
    return items


def themes_from_sheets(paper: Paper, actions: list[dict[str, Any]]) -> None:
    """A workbook with one sheet per theme: where actions come from two or more sheets and no theme
    of their own, each sheet's name is the theme of its actions."""
    names = {t.index: t.name for t in paper.tables if t.name}
    sheets = {names.get(a["table_index"]) for a in actions}
    if len(sheets) < 2 or None in sheets:
        return
    for action in actions:
        if action.get("theme") is None:
            action["theme"] = clean_text(names[action["table_index"]])


# --- knowing when it misread -----------------------------------------------------------------


def _header_like_rows(paper: Paper, words: HeaderDictionary) -> list[tuple[Table, int, int]]:
    """(table, row, fields named) for rows that name three or more of an action table's fields,
    an action's own among them (its description, progress, target, RAG or commentary)."""
    out = []
    for table in paper.tables:
        grid = Grid(table)
        for r in range(grid.n_rows):
            named = {m.field for c in grid.own_cells(r) if (m := words.match(c.text))}
            if len(named) >= 3 and named & ACTION_FIELDS:
                out.append((table, r, len(named)))
                break
    return out


def looks_like_progress_report(paper: Paper, meta: Metadata, words: HeaderDictionary) -> str | None:
    """Why the paper looks like a progress report (its title or headings name actions, progress,
    targets or RAG; or a table's row names an action table's fields); None where it does not."""
    heads = [meta.title or ""] + [b.text for b in paper.paragraphs[:20] if len(b.text) <= 150]
    for text in heads:
        if m := PROGRESS_WORDS.search(text):
            return f"its text speaks of {m.group(0).lower()!r}"
    found = _header_like_rows(paper, words)
    if found:
        table, r, n = found[0]
        return f"a table{position(table.page, table.index, r)} has a row naming {n} of an action table's fields"
    return None


def misread_findings(paper: Paper, ctx: Context, doc_id: str, why: str | None) -> list[Finding]:
    """``rows_unread`` for each row read as nothing; ``paper_unread`` where a paper that looks like
    a progress report (``why``) yields no actions, or far fewer than its action tables' rows."""
    name = Path(paper.path).name
    out = [finding("rows_unread", "warning",
                   f"{name}: a row inside an action table{position(u.page, u.table, u.row)} was read as neither an "
                   f"action, a theme nor a continuation: '{u.text}'", doc_id=doc_id, value=u.text)
           for u in ctx.unread]
    if not ctx.actions and why:
        seen = (f"{len(paper.tables)} table(s), none with a header row of an action's fields" if paper.tables
                else "no table")
        out.append(finding("paper_unread", "warning",
                           f"{name}: looks like a progress report ({why}) but no action was read from it: {seen}",
                           doc_id=doc_id))
    elif ctx.actions and ctx.region_rows and len(ctx.unread) > UNREAD_SHARE * ctx.region_rows:
        out.append(finding("paper_unread", "warning",
                           f"{name}: read in part: {len(ctx.unread)} of the {ctx.region_rows} rows of its action "
                           f"tables were read as nothing ({len(ctx.actions)} actions read)", doc_id=doc_id,
                           value=f"{len(ctx.actions)} actions"))
    return out
