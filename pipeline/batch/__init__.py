"""The batch job's wing: how a run is scheduled, never what it computes.

Taking papers in from the shared folder (``ingest``, ``intake``), reading them in isolated
processes under limits (``workers``) or from the cache (``cache``, ``reading``), skipping a run
that would change nothing (``state``), one run at a time (``lock``), its log and progress
(``logs``, ``progress``), the garbage collector's settings (``collector``) and the helper process
that overlaps the checks with the run's own work (``background``).
"""

from pipeline.batch.background import Background
from pipeline.batch.collector import fewer_collections
from pipeline.batch.intake import Taken, take_in
from pipeline.batch.lock import workspace_lock
from pipeline.batch.logs import Clock, run_log
from pipeline.batch.reading import read_papers
from pipeline.batch.state import record, unchanged
from pipeline.batch.workers import start_server

__all__ = ["Background", "Clock", "Taken", "fewer_collections", "read_papers", "record", "run_log",
           "start_server", "take_in", "unchanged", "workspace_lock"]
