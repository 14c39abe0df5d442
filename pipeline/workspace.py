"""A workspace: the folder one deployment of bvtrack works in, and making a new one.

It holds ``raw/`` (papers as received, never modified), ``staged/`` (Parquet, rebuilt from raw),
``outputs/`` (the tracker, the report, the run logs) and ``bvtrack.toml`` (the settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pipeline.config import CONFIG_FILE_NAME

TEMPLATE = "workspace_template.toml"  # the commented bvtrack.toml a new workspace starts with
RAW_README = """raw/: papers exactly as bvtrack received them from the shared folder, never modified.
manifest.json records each copy: where it came from, its sha256, when it was first seen.
"""


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def staged(self) -> Path:
        return self.root / "staged"

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    @property
    def config(self) -> Path:
        return self.root / CONFIG_FILE_NAME

    def exists(self) -> bool:
        """A workspace has a raw/ folder or a bvtrack.toml; a folder with neither is not one."""
        return self.raw.is_dir() or self.config.is_file()


def template() -> str:
    """The commented settings file a new workspace starts with (every setting at its default)."""
    return resources.files("pipeline").joinpath(TEMPLATE).read_text(encoding="utf-8")


def create(root: Path) -> list[Path]:
    """Make a workspace at ``root`` (the folder may exist); what was created. An existing
    ``bvtrack.toml`` or folder is left as it is."""
    ws = Workspace(root)
    made: list[Path] = []
    for folder in (ws.root, ws.raw, ws.staged, ws.outputs):
        if not folder.is_dir():
            folder.mkdir(parents=True)
            made.append(folder)
    for path, text in ((ws.config, template()), (ws.raw / "README.md", RAW_README)):
        if not path.exists():
            path.write_text(text, encoding="utf-8")
            made.append(path)
    return made
