"""The house's rules (tests/import_rules.py) hold for the code, and break when they are broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from import_rules import LAYERS, all_violations, layer_of, read_modules

REPO = Path(__file__).resolve().parents[1]


def test_the_code_keeps_the_import_rules() -> None:
    assert all_violations(REPO) == []


def test_every_module_is_in_a_layer() -> None:
    for name in read_modules(REPO):
        layer_of(name)  # raises for a module no layer holds


def test_the_stages_are_layered_top_to_bottom() -> None:
    flat = [entry for layer in LAYERS for entry in layer]
    stages = ["pipeline.run", "pipeline.batch", "pipeline.publish", "pipeline.consolidate", "pipeline.interpret",
              "extractors"]
    assert [flat.index(s) for s in stages] == sorted(flat.index(s) for s in stages)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for package in ("pipeline", "extractors"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _add(copy: Path, module: str, text: str, at_top: bool = True) -> None:
    path = copy / module
    source = path.read_text(encoding="utf-8")
    head, sep, rest = source.partition("\nfrom ")
    path.write_text(f"{head}\n{text}{sep}{rest}" if at_top else source + text, encoding="utf-8")


@pytest.mark.parametrize("module, text, says", [
    ("pipeline/interpret/layout.py", "from pipeline.batch import cache\n", "a layer above it (pipeline.batch over"),
    ("pipeline/checks/derive.py", "from pipeline.publish import report\n", "are independent of each other"),
    ("pipeline/consolidate/plans.py", "import pdfplumber\n", "imports the parser pdfplumber"),
    ("pipeline/interpret/rag.py", "from pipeline.interpret import tables\n", "import cycle"),
    ("pipeline/schema.py", "\n\ndef _late() -> None:\n    from pipeline import staging\n", "imported at the top"),
    ("pipeline/schema.py", "\n\ndef _late() -> None:\n    import decimal\n", "without a reason"),
])
def test_a_broken_rule_is_named_with_its_file_and_line(copy: Path, module: str, text: str, says: str) -> None:
    assert all_violations(copy) == []
    _add(copy, module, text, at_top="def _late" not in text)
    found = all_violations(copy)
    assert found and all(says in f or "import cycle" in f for f in found), found
    assert any(says in f for f in found)
