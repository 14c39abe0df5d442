"""A paper, whatever its format, to its rows: actions, snapshots, register items, metadata, findings.

:func:`read_paper_file` is the unit of work a reader process runs for each file in ``raw/``:
sniff, extract, interpret. It never raises for a bad paper: the reading says it is quarantined
and why. :func:`interpret` reads the extracted blocks in order, carrying the current theme (a
labelled paragraph before a table) to the tables that follow; everything it does works on the
format-neutral model only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors import extract
from extractors.errors import ExtractionError
from extractors.model import Paper, Paragraph
from extractors.sniff import sniff
from pipeline.config import Settings
from pipeline.files import sha256_file
from pipeline.findings import Finding, finding
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import CONTINUED_RE, theme_from_label
from pipeline.interpret.metadata import read_metadata
from pipeline.interpret.rag import colour_key, word_table
from pipeline.interpret.reading import PaperReading, document_row, quarantined
from pipeline.interpret.registers import paragraph_items
from pipeline.interpret.tables import Context, read_table

PARSER_WARNING = "parser_warning"


def read_paper_file(path: Path, settings: Settings, doc_id: str | None = None) -> PaperReading:
    """Sniff, extract and interpret one file; a bad file comes back quarantined with a reason."""
    doc_id = doc_id or sha256_file(path)
    fmt: str | None = None
    try:
        fmt = sniff(path, settings)
        paper = extract(path, fmt)
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
    rag_words = word_table(settings.rag_labels)
    ctx = Context(doc_id=doc_id, meta=meta, words=HeaderDictionary.build(settings.headers),
                  rag_words=rag_words, key=colour_key(paper, rag_words), settings=settings,
                  source_file=path.name)
    items: list[dict[str, Any]] = []
    run: list[tuple[str, str | None]] = []  # consecutive paragraphs, for registers written as lists
    for block in [*paper.blocks, None]:
        if isinstance(block, Paragraph):
            _paragraph_theme(block, ctx)
            run.append((block.text, block.style))
            continue
        items.extend({"doc_id": doc_id, **item} for item in paragraph_items(run))
        run = []
        if block is not None:
            items.extend({"doc_id": doc_id, **item} for item in read_table(block, ctx))
    document = document_row(path, doc_id, paper.format)
    document.update(title=meta.title, report_ref=meta.report_ref, report_date=meta.report_date,
                    committee_date=meta.committee_date, n_actions=len(ctx.actions),
                    status="extracted" if ctx.actions else "no_actions")
    return PaperReading(document=document, actions=ctx.actions, snapshots=ctx.snapshots, items=items,
                        findings=parser_findings(paper, doc_id))
