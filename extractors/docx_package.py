"""The parts of a Word package bvtrack reads: the main document, its styles and the core properties.

``docx.Document`` loads every part a package holds (settings, fonts, numbering, theme, headers,
footers, pictures) and parses each one: two thirds of the time of reading a committee paper,
for parts bvtrack never looks at. Here the three it does read are found as python-docx finds
them (the package's and the document's relationships, the main part's content type checked
against ``[Content_Types].xml``: :mod:`extractors.opc`) and parsed by python-docx's own parser, so
the elements are the ones ``docx.Document`` would give; the other parts stay in the archive, unread.

The styles part is handed on unparsed: python-docx's template has one of 350 KB, 5 ms to parse,
the same in every paper it made.

A Strict Open XML document (ISO 29500 Strict, which Word offers as a format of its own; python-docx
refuses it) is read too: its parts are found by Strict's relationship types and its elements
renamed into the Transitional namespaces (:mod:`extractors.strict`).

Two differences, both on purpose: a package whose core properties are missing or damaged has no
dates (``docx.Document`` makes up a part last modified *now*, which would become the paper's
report date); and a part bvtrack does not read cannot make the paper unreadable (a dangling picture
relationship, a damaged settings part).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

from extractors.opc import RT_CORE, content_type, related
from extractors.strict import STRICT, STRICT_OFFICE_DOCUMENT, as_transitional

RT_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STRICT_RT_STYLES = STRICT + "officeDocument/relationships/styles"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
STRICT_RT_NUMBERING = STRICT + "officeDocument/relationships/numbering"


@dataclass(frozen=True)
class WordPackage:
    """``document`` is the parsed ``w:document``; ``styles_xml`` the styles part as bytes, to be
    parsed by whoever needs it (its names are the same for every paper of a template: see
    :func:`extractors.docx.style_names`), None where the package has none; ``core`` the parsed
    ``cp:coreProperties``, None where the package has none."""

    document: Any
    styles_xml: bytes | None
    core: Any | None
    numbering_xml: bytes | None = None  # the numbering part as bytes (its lists), None where there is none


def _parse(blob: bytes) -> Any:
    from docx.oxml.parser import parse_xml  # python-docx loads in 0.1 s: only once a .docx is read

    return parse_xml(blob)


def open_word_package(path: str) -> WordPackage:
    """The parts of the Word document at ``path``. Raises what ``docx.Document`` raises for a
    package it cannot open: zipfile.BadZipFile, KeyError (a part or relationship missing),
    ValueError (not a Word document), lxml's XMLSyntaxError (a part that does not parse), OSError."""
    with zipfile.ZipFile(path) as archive:
        main, strict = related(archive, "/", RT_DOCUMENT), False
        if main is None:
            main, strict = related(archive, "/", STRICT_OFFICE_DOCUMENT), True
        if main is None:
            raise KeyError(f"no relationship of type '{RT_DOCUMENT}' in collection")
        main_type = content_type(archive, main)
        if main_type != WORD_MAIN:
            raise ValueError(f"file '{path}' is not a Word file, content type is '{main_type}'")
        document = _parse(archive.read(main.lstrip("/")))
        styles_part = related(archive, main, STRICT_RT_STYLES if strict else RT_STYLES)
        styles = archive.read(styles_part.lstrip("/")) if styles_part else None
        numbering_part = related(archive, main, STRICT_RT_NUMBERING if strict else RT_NUMBERING)
        numbering = archive.read(numbering_part.lstrip("/")) if numbering_part else None
        core = _core_properties(archive)
    if strict:
        document = as_transitional(document)
        styles = _serialised(as_transitional(_parse(styles))) if styles is not None else None
        numbering = _serialised(as_transitional(_parse(numbering))) if numbering is not None else None
    return WordPackage(document=document, styles_xml=styles, core=core, numbering_xml=numbering)


def _serialised(root: Any) -> bytes:
    from lxml import etree  # python-docx's XML library: loaded with it, once a .docx is read

    return bytes(etree.tostring(root))


def _core_properties(archive: zipfile.ZipFile) -> Any | None:
    """The core properties, or None where they are missing or damaged: they give the paper's
    dates only, which other sources can give (the committee date, the file name)."""
    from lxml import etree  # python-docx's XML library: loaded with it, once a .docx is read

    try:
        part = related(archive, "/", RT_CORE)
        return _parse(archive.read(part.lstrip("/"))) if part else None
    except (KeyError, ValueError, etree.XMLSyntaxError):
        return None
