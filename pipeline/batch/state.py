"""What a completed run leaves for the next: its fingerprint and the stamps (size, mtime) of the
files it wrote, in ``staged/cache/run.json``. A rerun whose fingerprint and files are unchanged
does nothing."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.batch.cache import CACHE_DIR
from pipeline.files import atomic_write_bytes

STATE_FILE = "run.json"
log = logging.getLogger("bvtrack")


def file_stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


@dataclass
class RunState:
    """The fingerprint of a completed run and the stamps (size, mtime) of the files it wrote."""

    fingerprint: str
    files: dict[str, list[int]] = field(default_factory=dict)  # path relative to the workspace
    finished: str = ""

    @staticmethod
    def path(workspace: Path) -> Path:
        return workspace / "staged" / CACHE_DIR / STATE_FILE

    @classmethod
    def load(cls, workspace: Path) -> RunState | None:
        """The last run's state; None where there is none, or it is damaged (logged: the run is
        simply done again)."""
        path = cls.path(workspace)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not (isinstance(data, dict) and set(data) == {"fingerprint", "files", "finished"}
                    and isinstance(data["fingerprint"], str) and isinstance(data["finished"], str)
                    and isinstance(data["files"], dict)
                    and all(isinstance(k, str) and isinstance(v, list) and len(v) == 2
                            and all(isinstance(n, int) for n in v) for k, v in data["files"].items())):
                raise ValueError("not a run's fingerprint, files and finishing time")
            return cls(**data)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("%s is damaged (%s): the run is done again", path, exc)
            return None

    def save(self, workspace: Path) -> None:
        atomic_write_bytes(self.path(workspace), json.dumps(asdict(self), indent=1).encode("utf-8"))

    def outputs_intact(self, workspace: Path) -> bool:
        """Every file the run wrote as it left it; the first that is not is logged, as a problem for
        a staged table (damaged or edited behind the run's back), as news for an output (a workbook
        opened and saved by an analyst): either way the run is done again."""
        for rel, stamp in self.files.items():
            try:
                if file_stamp(workspace / rel) != stamp:
                    (log.warning if rel.startswith("staged") else log.info)(
                        "%s is not as the last run left it: the run is done again", workspace / rel)
                    return False
            except OSError as exc:
                log.warning("%s cannot be read (%s): the run is done again", workspace / rel, exc.strerror or exc)
                return False
        return bool(self.files)


def stamps(workspace: Path, paths: list[Path]) -> dict[str, list[int]]:
    return {os.path.relpath(p, workspace): file_stamp(p) for p in paths if p.exists()}


def unchanged(root: Path, fingerprint: str) -> RunState | None:
    """The last run's state if this run would redo it exactly (same fingerprint, files intact)."""
    state = RunState.load(root)
    if state is None or state.fingerprint != fingerprint or not state.outputs_intact(root):
        return None
    return state


def written_files(root: Path) -> list[Path]:
    """What a run leaves for the next to check: staged tables and the outputs (not the logs)."""
    staged = sorted((root / "staged").glob("*.parquet"))
    outputs = sorted(p for p in (root / "outputs").glob("*") if p.is_file() and not p.name.startswith("."))
    return staged + outputs


def record(root: Path, fingerprint: str) -> None:
    files = written_files(root)
    state = RunState(fingerprint, stamps(root, files), dt.datetime.now().isoformat(timespec="seconds"))
    state.save(root)
