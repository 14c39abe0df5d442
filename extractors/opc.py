"""What every Office file's package shares (the Open Packaging Conventions): which part a
relationship points to, and a part's content type. Parsed by lxml without entities or network."""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any

PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CTS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def parse(blob: bytes) -> Any:
    from lxml import etree  # the parsers' XML library: loaded with them

    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))


def related(archive: zipfile.ZipFile, source: str, reltype: str) -> str | None:
    """The part name ('/word/document.xml') that ``source`` ('/' for the package) relates to by
    ``reltype``; None where it has none. Several raise ValueError, as in python-docx."""
    folder, name = posixpath.split(source)
    try:
        rels = archive.read(posixpath.join(folder, "_rels", f"{name}.rels").lstrip("/"))
    except KeyError:
        return None
    targets = [rel.get("Target") or "" for rel in parse(rels).iterchildren(f"{PR}Relationship")
               if rel.get("Type") == reltype and rel.get("TargetMode", "Internal") != "External"]
    if len(targets) > 1:
        raise ValueError(f"multiple relationships of type '{reltype}' in collection")
    return posixpath.abspath(posixpath.join(folder, targets[0])) if targets else None


def content_type(archive: zipfile.ZipFile, part: str) -> str:
    """``[Content_Types].xml``'s type of ``part``: its override, else its extension's default
    (both matched regardless of case, as Office and python-docx match them)."""
    types = parse(archive.read("[Content_Types].xml"))
    for override in types.iterchildren(f"{CTS}Override"):
        if (override.get("PartName") or "").lower() == part.lower():
            return override.get("ContentType") or ""
    extension = posixpath.splitext(part)[1][1:].lower()
    for default in types.iterchildren(f"{CTS}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType") or ""
    raise KeyError(f"no content type for partname '{part}' in [Content_Types].xml")
