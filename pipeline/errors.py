"""The pipeline's errors, under the project's one base (:class:`extractors.errors.BvtrackError`).

::

    BvtrackError                    anything expected to go wrong, said in words
    ├── ExtractionError             a paper cannot be read (extractors): it is quarantined
    │   └── SniffError              ... decided before any parser opens it
    ├── ConfigError                 the settings cannot be used: exit 2, before any paper is read
    │   └── SuiteError              an expectation suite in expectations/ cannot be used
    ├── WorkspaceBusy               another run holds the workspace: exit 2, nothing done
    └── PublishError                the outputs could not be written or their checks not run

At the command line each is one clear line and an exit status; ``-v`` adds the trace.
"""

from __future__ import annotations

from pathlib import Path

from extractors.errors import BvtrackError


class ConfigError(BvtrackError):
    """The configuration cannot be used; the message names the file, the setting and what it accepts."""


class SuiteError(ConfigError):
    """A suite in expectations/ cannot be used; the message names the file and the expectation."""


class WorkspaceBusy(BvtrackError):
    """Another run holds the workspace's lock; this run did not start."""

    def __init__(self, workspace: Path, holder: str):
        self.workspace = workspace
        self.holder = holder
        detail = f" ({holder})" if holder else ""
        super().__init__(
            f"another bvtrack run is using {workspace}{detail}; this run did not start. "
            "Try again when it has finished.")

    def __reduce__(self) -> tuple[type, tuple[Path, str]]:
        return type(self), (self.workspace, self.holder)


class PublishError(BvtrackError):
    """The run's outputs could not be produced: the checks or the writing of a file failed."""
