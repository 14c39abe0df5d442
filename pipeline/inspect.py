"""``bvtrack inspect PAPER``: how a paper's tables were read, for debugging a new layout.

Shows each table, the header row found, which column was mapped to which field, and the rows;
then what the paper yields. For a PDF, ``--image`` draws the page with its detected table cells.
"""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from extractors.model import Limits, Paragraph, Table
from extractors.pdf.debug import draw_page
from extractors.sniff import SniffError, sniff
from pipeline.config import Settings
from pipeline.files import sha256_file
from pipeline.interpret import interpret
from pipeline.interpret.headers import HeaderDictionary
from pipeline.interpret.layout import Grid, build_column_map, find_header, find_header_by_content, is_header_row
from pipeline.interpret.rag import rag_from_text, word_table
from pipeline.interpret.registers import register_kind
from pipeline.interpret.side_by_side import side_by_side
from pipeline.interpret.transposed import transposed

MAX_ROWS = 40
WIDTH = 28


def _short(text: str, width: int = WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def describe_table(table: Table, words: HeaderDictionary, rag_words: dict[str, str]) -> list[str]:
    where = f"page {table.page}" if table.page else ""
    name = f" sheet {table.name!r}" if table.name else ""
    lines = [f"TABLE {table.index}{name} {where}: {len(table.rows)} rows x {table.n_cols} columns"]
    for piece in transposed(table, words):
        if not any(not c.is_blank for row in piece.rows for c in row):
            continue  # blank rows between tables on their side
        if piece is not table:
            lines.append(f"  {'a table on its side, read turned' if _turned(piece, words) else 'rows around it'}: "
                         f"{len(piece.rows)} rows x {piece.n_cols} columns")
        parts = side_by_side(piece, words)
        for part in parts:
            if len(parts) > 1:
                cols = sorted({c.col for row in part.rows for c in row})
                lines.append(f"  a table side by side with another: columns {cols[0]}-{cols[-1]}")
            lines.extend(_describe_header(part, words, rag_words))
    for r, row in enumerate(table.rows[:MAX_ROWS]):
        cells = " | ".join(
            f"{_short(c.text)}" + (f" [{c.fill}]" if c.fill else "") + (f" <{c.colspan}>" if c.colspan > 1 else "")
            for c in row)
        lines.append(f"  {r:>3}: {cells}")
    if len(table.rows) > MAX_ROWS:
        lines.append(f"  ... {len(table.rows) - MAX_ROWS} more rows")
    return lines


def _turned(piece: Table, words: HeaderDictionary) -> bool:
    """Whether a piece :func:`transposed` made is a table turned (its header row names fields)."""
    grid = Grid(piece)
    return any(is_header_row(grid, r, words) for r in range(min(2, grid.n_rows)))


def _describe_header(table: Table, words: HeaderDictionary, rag_words: dict[str, str]) -> list[str]:
    """The header row of actions found in ``table`` and what each of its columns is read as."""
    lines: list[str] = []
    grid = Grid(table)
    is_rag = lambda text: rag_from_text(text, rag_words) is not None  # noqa: E731
    header, by_content = find_header(grid, 0, words), False
    if header is None:
        header = find_header_by_content(grid, is_rag, lambda text: register_kind(text) is not None)
        by_content = header is not None
    if header is None:
        lines.append("  no header row of actions found")
    else:
        cmap = build_column_map(grid, header, words, is_rag, by_content=by_content)
        lines.append(f"  header row: {header}" + (f" (+ sub-header row {cmap.header_row})"
                                                   if cmap.header_row != header else "")
                     + (" (its columns known by what they hold)" if by_content else ""))
        for name_, cols in sorted(cmap.columns.items(), key=lambda kv: kv[1]):
            heads = ", ".join(f"col {c} {cmap.headers.get(c, '')!r}" for c in cols)
            lines.append(f"    {name_:<18} <- {heads}")
        for col, as_of, text in cmap.progress:
            lines.append(f"    {'progress':<18} <- col {col} {text!r} as of {as_of or 'the report date'}")
        unmapped = sorted(set(cmap.headers) - {c for cols in cmap.columns.values() for c in cols}
                          - {c for c, _, _ in cmap.progress})
        for c in unmapped:
            lines.append(f"    {'(not mapped)':<18} <- col {c} {cmap.headers[c]!r}")
    return lines


def inspect_paper(path: Path, settings: Settings, page: int | None = None, image: Path | None = None) -> str:
    try:
        fmt = sniff(path, settings)
    except SniffError as exc:
        return f"{path}: would be quarantined: {exc.reason}"
    paper = extract(path, fmt, Limits(max_pages=settings.max_pages, max_rows=settings.max_rows))
    words = HeaderDictionary.build(settings.headers)
    rag_words = word_table(settings.rag_labels)
    lines = [f"{path} ({fmt}, {len(paper.tables)} tables, {len(paper.paragraphs)} paragraphs)"]
    for block in paper.blocks:
        if isinstance(block, Paragraph):
            if block.text.strip():
                lines.append(f"PARAGRAPH{f' p{block.page}' if block.page else ''}: {_short(block.text, 100)}")
        else:
            lines.extend(describe_table(block, words, rag_words))
    reading = interpret(paper, sha256_file(path), settings)
    doc = reading.document
    lines.append(f"RESULT: {doc['status']}; title {doc['title']!r}; ref {doc['report_ref']!r}; "
                 f"report date {doc['report_date']}; committee date {doc['committee_date']}; "
                 f"{len(reading.actions)} actions, {len(reading.snapshots)} snapshots, {len(reading.items)} items")
    lines.extend(f"FINDING {f['check']} ({f['severity']}): {f['message']}" for f in reading.findings)
    if image is not None:
        if fmt != "pdf":
            lines.append("--image draws PDF pages only")
        else:
            draw_page(str(path), page or 1, image)
            lines.append(f"page {page or 1} drawn to {image}")
    return "\n".join(lines)
