"""The tracking workbook, ``tracker.xlsx``: :func:`begin` the sheets without findings, then
:func:`finish` with the run's findings, which gives the workbook's bytes."""

from pipeline.publish.workbook.about import RunInfo
from pipeline.publish.workbook.book import Draft, begin, finish

__all__ = ["Draft", "RunInfo", "begin", "finish"]
