"""The tracking workbook (first cut: one sheet per staged table)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.staging import atomic_write_bytes


def write_workbook(tables: dict[str, pd.DataFrame], path: Path) -> Path:
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False,
                                        "in_memory": True})
    for name, frame in tables.items():
        sheet = book.add_worksheet(name[:31])
        for c, col in enumerate(frame.columns):
            sheet.write_string(0, c, str(col))
        for r, row in enumerate(frame.itertuples(index=False), start=1):
            for c, value in enumerate(row):
                if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
                    continue
                if isinstance(value, int | float):
                    sheet.write_number(r, c, float(value))
                else:
                    sheet.write_string(r, c, str(value))
    book.close()
    atomic_write_bytes(path, buffer.getvalue())
    return path
