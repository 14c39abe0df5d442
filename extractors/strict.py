"""Strict Open XML (ISO 29500 Strict) as the Transitional Open XML the parsers read.

Word and Excel save "Strict Open XML" documents and workbooks as formats of their own. Their parts
and elements are Transitional's, under other names: a Strict namespace or relationship type is
``http://purl.oclc.org/ooxml/<area>/<name>`` where Transitional's is
``http://schemas.openxmlformats.org/<area>/2006/<name>`` (spreadsheetml/main, wordprocessingml/main,
drawingml/main, officeDocument/relationships/styles ...). python-docx refuses such a package and
openpyxl reads an empty workbook from it, so its names are turned into Transitional's: in a parsed
tree (element and attribute names, and a relationship's type), or in a whole package's XML parts.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from extractors.opc import related

STRICT = "http://purl.oclc.org/ooxml/"
TRANSITIONAL = "http://schemas.openxmlformats.org/"
STRICT_OFFICE_DOCUMENT = STRICT + "officeDocument/relationships/officeDocument"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def transitional_uri(uri: str) -> str:
    """'http://purl.oclc.org/ooxml/spreadsheetml/main' -> 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    any other URI as it is."""
    if not uri.startswith(STRICT):
        return uri
    area, _, rest = uri[len(STRICT):].partition("/")
    return f"{TRANSITIONAL}{area}/2006/{rest}"


def _name(name: str) -> str:
    if not name.startswith("{" + STRICT):
        return name
    namespace, _, local = name[1:].partition("}")
    return f"{{{transitional_uri(namespace)}}}{local}"


def as_transitional(root: Any) -> Any:
    """The parsed part ``root`` with its Strict names (elements, attributes, relationship types)
    turned into Transitional's; changed in place. Text is left as it is."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        element.tag = _name(element.tag)
        for key in [k for k in element.attrib if k.startswith("{" + STRICT)]:
            element.attrib[_name(key)] = element.attrib.pop(key)
        if element.tag == RELATIONSHIP and (kind := element.get("Type")):
            element.set("Type", transitional_uri(kind))
    return root


def is_strict_package(archive: zipfile.ZipFile) -> bool:
    """Whether the package's main part is related to it the Strict way."""
    try:
        return related(archive, "/", STRICT_OFFICE_DOCUMENT) is not None
    except ValueError:  # several such relationships: Strict all the same
        return True


def transitional_package(data: bytes) -> bytes:
    """A Strict package (a .xlsx's bytes) with every XML part's names turned into Transitional's;
    anything else as it is. Raises what zipfile and lxml raise on a damaged Strict package."""
    from lxml import etree  # openpyxl's and python-docx's XML library: loaded with them

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data  # not a package: its reader says so in its words
    with archive:
        if not is_strict_package(archive):
            return data
        out = io.BytesIO()
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
            for info in archive.infolist():
                part = archive.read(info)
                if info.filename.endswith((".xml", ".rels")) and STRICT.encode() in part:
                    tree = as_transitional(etree.fromstring(part, parser))
                    part = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
                written.writestr(info.filename, part)
    return out.getvalue()
