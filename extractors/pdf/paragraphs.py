"""Running text: lines outside tables joined into paragraphs while each line was wrapped onto the next."""

from __future__ import annotations

from extractors.model import Paragraph
from extractors.pdf.settings import PdfSettings
from extractors.pdf.words import Line

BULLETS = set("•▪●◦‣∙○■□➢➤►▶✓✔❖-–")


def paragraphs(lines: list[Line], page: int, cfg: PdfSettings) -> list[tuple[float, Paragraph]]:
    """Lines joined into paragraphs while each line was wrapped onto the next."""
    right = max((ln.x1 for ln in lines), default=0.0)
    groups: list[list[Line]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if prev is None or not continues_paragraph(prev, line, right, cfg):
            groups.append([])
        groups[-1].append(line)
    out = []
    for group in groups:
        text = "\n".join(ln.text for ln in group)
        bold = all(w.bold for ln in group for w in ln.words)
        out.append((group[0].top, Paragraph(text=text, page=page, bold=bold)))
    return out


def continues_paragraph(prev: Line, line: Line, right: float, cfg: PdfSettings) -> bool:
    """Whether ``line`` goes on from ``prev``: same size, close below, same indent, and its first
    word would not have fitted at the end of ``prev``."""
    first = line.words[0]
    if line.text[:1] in BULLETS or abs(line.size - prev.size) > 0.5:
        return False
    if line.top - prev.bottom > cfg.paragraph_gap_sizes * prev.size or line.top < prev.bottom - 1:
        return False
    indent = prev.words[1].x0 if prev.text[:1] in BULLETS and len(prev.words) > 1 else prev.x0
    if abs(line.x0 - indent) > prev.size and abs(line.x0 - prev.x0) > prev.size:
        return False
    space = max(2.0, 0.25 * prev.size)
    return prev.x1 + space + (first.x1 - first.x0) > right - space  # the word did not fit
