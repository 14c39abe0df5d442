"""The project's import rules, read from the code's own import statements (ast, nothing imported).

- **Layers**: a module imports its own layer and the layers below it, never one above
  (cli > run > batch > publish | checks > consolidate > interpret > shared > extractors);
  ``publish`` and ``checks`` are independent of each other.
- **Parsers**: only ``extractors`` imports the parsing libraries.
- **No cycles** among the modules' top-level imports.
- **Imports inside functions**: never of the project's own modules; a library's only with a reason
  (a comment on its line, or on the line above, or on the import it continues). The one exception
  is the command's entry point, which imports the program inside its function to catch a Ctrl-C
  made while it is imported (:data:`ENTRY_POINT`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = ("pipeline", "extractors")
# top to bottom: each entry is one layer, its packages or modules (a prefix names a package)
LAYERS: list[tuple[str, ...]] = [
    ("pipeline.command",),
    ("pipeline.cli", "pipeline.summary", "pipeline.inspect"),
    ("pipeline.run",),
    ("pipeline.batch",),
    ("pipeline.publish", "pipeline.checks"),
    ("pipeline.consolidate",),
    ("pipeline.interpret",),
    ("pipeline.config", "pipeline.schema", "pipeline.staging", "pipeline.findings", "pipeline.errors",
     "pipeline.files", "pipeline.workspace", "pipeline"),
    ("extractors",),
]
INDEPENDENT = {("pipeline.publish", "pipeline.checks")}
ENTRY_POINT = ("pipeline.command", "pipeline.cli")  # (the module, the one it may import inside a function)
PARSERS = ("docx", "pdfplumber", "pdfminer", "openpyxl", "pypdfium2", "msoffcrypto")


@dataclass
class Module:
    name: str
    path: Path
    imports: dict[str, int] = field(default_factory=dict)  # module imported at the top -> line
    inner: list[tuple[str, int, bool]] = field(default_factory=list)  # (module, line, has a reason) in functions


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(node: ast.Import | ast.ImportFrom, known: set[str]) -> list[str]:
    """The modules an import statement names: ``from a import b`` is module a.b where that is one.
    A relative import is named as such (the project writes absolute imports only)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = "." * node.level + (node.module or "")
    names = [f"{base}.{alias.name}" for alias in node.names]
    return [n for n in names if n in known] or [base]


def _reasoned(lines: list[str], node: ast.stmt, justified: set[int]) -> bool:
    """A comment on the import's line, or on the line above, or the line above is a justified import."""
    if "#" in lines[node.lineno - 1]:
        return True
    above = node.lineno - 2
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above >= 0 and (lines[above].strip().startswith("#") or (above + 1) in justified)


def read_modules(root: Path) -> dict[str, Module]:
    files = sorted(p for package in PACKAGES for p in (root / package).rglob("*.py") if "__pycache__" not in p.parts)
    modules = {module_name(root, p): Module(module_name(root, p), p) for p in files}
    known = set(modules)
    for mod in modules.values():
        source = mod.path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        inside: set[int] = set()
        justified: set[int] = set()
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in inside:
                    inside.add(id(node))
                    reason = _reasoned(lines, node, justified)
                    if reason:
                        justified.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
                    mod.inner += [(t, node.lineno, reason) for t in _targets(node, known)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in inside:
                for target in _targets(node, known):
                    mod.imports.setdefault(target, node.lineno)
    return modules


def is_ours(name: str) -> bool:
    return name.startswith(".") or name.split(".")[0] in PACKAGES


def layer_of(name: str) -> tuple[int, str]:
    """(layer index from the top, the layer entry that holds the module); the longest entry wins."""
    best: tuple[int, str] | None = None
    for i, entry in enumerate(LAYERS):
        for prefix in entry:
            if (name == prefix or name.startswith(prefix + ".")) and (best is None or len(prefix) > len(best[1])):
                best = (i, prefix)
    if best is None:
        raise ValueError(f"module {name} is in no layer: add it to LAYERS in tests/import_rules.py")
    return best


def layer_violations(modules: dict[str, Module]) -> list[str]:
    out = []
    for mod in modules.values():
        mine, my_entry = layer_of(mod.name)
        for target, line in mod.imports.items():
            if target.startswith("."):
                out.append(f"{mod.path.as_posix()}:{line}: {mod.name} imports {target}: write imports absolute")
                continue
            if not is_ours(target):
                continue
            theirs, their_entry = layer_of(target)
            where = f"{mod.path.as_posix()}:{line}: {mod.name} imports {target}"
            if theirs < mine:
                out.append(f"{where}, a layer above it ({their_entry} over {my_entry})")
            elif theirs == mine and my_entry != their_entry and (
                    (my_entry, their_entry) in INDEPENDENT or (their_entry, my_entry) in INDEPENDENT):
                out.append(f"{where}: {my_entry} and {their_entry} are independent of each other")
    return out


def parser_violations(modules: dict[str, Module]) -> list[str]:
    out = []
    for mod in modules.values():
        if mod.name.split(".")[0] == "extractors":
            continue
        every = [(t, line) for t, line in mod.imports.items()] + [(t, line) for t, line, _ in mod.inner]
        for target, line in every:
            if target.split(".")[0] in PARSERS:
                out.append(f"{mod.path.as_posix()}:{line}: {mod.name} imports the parser {target}: only extractors may")
    return out


def cycles(modules: dict[str, Module]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), over the top-level imports."""
    graph = {name: [t for t in mod.imports if t in modules and t != name] for name, mod in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return found


def inner_import_violations(modules: dict[str, Module]) -> list[str]:
    out = []
    for mod in modules.values():
        for target, line, reason in mod.inner:
            where = f"{mod.path.as_posix()}:{line}: {mod.name} imports {target} inside a function"
            if (mod.name, target) == ENTRY_POINT:
                continue
            if is_ours(target):
                out.append(f"{where}: the project's own modules are imported at the top")
            elif not reason:
                out.append(f"{where} without a reason (a comment saying why it is not at the top)")
    return out


def all_violations(root: Path) -> list[str]:
    modules = read_modules(root)
    found = layer_violations(modules) + parser_violations(modules) + inner_import_violations(modules)
    found += [f"import cycle: {' -> '.join(group)}" for group in cycles(modules)]
    return found
