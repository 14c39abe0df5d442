"""The PDF extractor's tolerances: a small validated dataclass with named defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PdfSettings:
    """Tolerances in PDF points, or in font sizes where named ``*_sizes``."""

    snap: float = 3.0  # edges this close are one grid line
    word_gap: float = 1.2  # characters further apart than this are two words (texts of two cells printed edge to edge)
    segment_gap_sizes: float = 0.9  # a wider gap between words separates two cells' text
    paragraph_gap_sizes: float = 0.5  # a wider gap between lines starts a new paragraph
    row_gap_sizes: float = 1.3  # a wider gap between lines ends the unruled rows joining a ruled table
    table_gap_sizes: float = 2.5  # a wider gap between lines ends an unruled table
    min_columns: int = 3  # segments on the line that starts an unruled table
    max_pages: int = 500  # pages the file really has (bvtrack's max_pages)
    max_edges: int = 20000  # a page drawn with more ruling edges is not searched for ruled tables

    def __post_init__(self) -> None:
        for name in ("snap", "segment_gap_sizes", "paragraph_gap_sizes", "row_gap_sizes", "table_gap_sizes"):
            if not getattr(self, name) > 0:
                raise ValueError(f"PdfSettings.{name} must be positive, not {getattr(self, name)!r}")

    @classmethod
    def resolve(cls, settings: PdfSettings | dict[str, Any] | None) -> PdfSettings:
        """Settings from nothing (the defaults), a dict of some of them, or settings."""
        if settings is None:
            return cls()
        if isinstance(settings, PdfSettings):
            return settings
        unknown = sorted(set(settings) - set(cls.__dataclass_fields__))
        if unknown:
            raise ValueError(f"PdfSettings has no setting {unknown[0]!r}")
        return cls(**settings)
