"""The project's errors. The base lives here, in the lowest layer, because every layer raises one.

- :class:`BvtrackError`: anything bvtrack expects to go wrong and can say in words.
- :class:`ExtractionError`: a paper cannot be read; its ``reason`` becomes the quarantine reason.

The pipeline's own (configuration, suites, publishing, a busy workspace) are in
:mod:`pipeline.errors`, under the same base.
"""

from __future__ import annotations


class BvtrackError(Exception):
    """An expected failure, with a message that names what failed and why."""


class ExtractionError(BvtrackError):
    """A paper cannot be read. The message names the file (and page) and the reason; ``reason``
    alone becomes the quarantine reason."""

    def __init__(self, path: str, reason: str, page: int | None = None):
        self.path = path
        self.reason = reason
        self.page = page
        where = f"{path}, page {page}" if page else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str, int | None]]:  # pickled as it was made, not by its message
        return type(self), (self.path, self.reason, self.page)
