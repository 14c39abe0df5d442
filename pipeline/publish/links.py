"""Links to the papers from the outputs: to where the programme office publishes them, where the
``published_location`` setting says (a UNC path or an intranet URL mirroring the shared folder),
else to the copies in ``raw/`` as today.

A paper's place below the published location is its path below ``raw/``, which mirrors the
shared folder.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from pipeline.schema import missing


def below_raw(source_path: Any, file_name: Any) -> list[str] | None:
    """The paper's path below the last ``raw`` folder of its copy, as parts; its file name where the
    path has no ``raw`` folder; None without either."""
    if not missing(source_path):
        parts = PurePath(str(source_path)).parts
        folders = list(parts[:-1])
        if "raw" in folders:
            return list(parts[len(folders) - folders[::-1].index("raw"):])
        return [parts[-1]]
    return None if missing(file_name) else [str(file_name)]


def published_link(location: str, source_path: Any, file_name: Any) -> str | None:
    """The paper at ``location``: '\\\\server\\share\\papers\\sub\\a.docx' or
    'https://intranet/papers/sub/a.docx' (each part escaped for a URL)."""
    parts = below_raw(source_path, file_name)
    if parts is None:
        return None
    base = location.strip()
    if base.startswith("\\\\"):
        return base.rstrip("\\") + "\\" + "\\".join(parts)
    return quote(base.rstrip("/"), safe=":/%?#=&~@!$'()*+,;") + "/" + "/".join(quote(p) for p in parts)
