"""Stage 1, interpret: a paper file into the rows it yields (:class:`PaperReading`).

Sniff, extract (:mod:`extractors`), then decide what the paper's tables mean: header rows and
column maps (``layout``, ``headers``), report details (``metadata``), registers, RAG (``rag``)
and values (``normalise``), the same code for every format.
"""

from pipeline.interpret.paper import interpret, read_paper_file
from pipeline.interpret.reading import PaperReading

__all__ = ["PaperReading", "interpret", "read_paper_file"]
