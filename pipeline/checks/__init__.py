"""Stage 3, checks: the consolidated tables validated by Great Expectations.

The suites in ``expectations/`` run over frames of derived columns (``derive``); every value an
expectation rejects becomes a finding worded for a person (``wording``). :func:`validate` is the
entry point; :data:`PRELOAD` names what a process that will run it can import ahead of time.
"""

from pipeline.checks.suites import SUITES_DIR, validate

PRELOAD = ("great_expectations",)  # two seconds to import: a process that will validate imports it early

__all__ = ["PRELOAD", "SUITES_DIR", "validate"]
