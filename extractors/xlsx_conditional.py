"""A cell's colour as Excel shows it where a conditional format gives it (a RAG column coloured
by rules on the percentage beside it, '=$E5>=0.6' green, its cells left empty).

The rules Excel evaluates from a cell's value are evaluated here: 'cell value is' comparisons
('equal to "Red"', 'between 30 and 59'), 'text contains', and formulas of comparisons between
cells and constants joined by AND/OR ('=AND($E5<>"",$E5<0.3)'), references relative to the top left
of the range the rule applies to. Rules are taken in their priority order, the first that holds
gives the colour. Anything else (colour scales, data bars, icons, functions beyond AND/OR/NOT)
colours nothing: the cell reads as it did without the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

MAX_CELLS = 20_000  # rows of one range a rule is evaluated on at most
REF = re.compile(r"^(\$?)([A-Z]{1,3})(\$?)(\d+)$")
TOKEN = re.compile(r'\s*(?:(?P<str>"(?:[^"]|"")*")|(?P<num>-?\d+(?:\.\d+)?%?)|(?P<ref>\$?[A-Z]{1,3}\$?\d+)'
                   r"|(?P<fn>AND|OR|NOT)\s*\(|(?P<op><>|>=|<=|=|<|>)|(?P<p>[(),]))", re.I)
Values = Callable[[int, int], Any]  # (row, column) -> the cell's value


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


class _Formula:
    """A formula of comparisons and AND/OR/NOT, evaluated for one cell."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        text, at = text.lstrip("="), 0
        while at < len(text.rstrip()):
            m = TOKEN.match(text, at)
            if m is None or m.end() == at:
                raise ValueError(f"not evaluated: {text!r}")
            kind = m.lastgroup or ""
            self.tokens.append((kind, m.group(kind).strip()))
            at = m.end()

    def value(self, values: Values, row_off: int, col_off: int) -> bool:
        self.at, self.values, self.offsets = 0, values, (row_off, col_off)
        result = self._comparison()
        if self.at != len(self.tokens):
            raise ValueError("trailing tokens")
        return bool(result)

    def _next(self) -> tuple[str, str]:
        token = self.tokens[self.at] if self.at < len(self.tokens) else ("end", "")
        self.at += 1
        return token

    def _comparison(self) -> Any:
        left = self._operand()
        if self.at < len(self.tokens) and self.tokens[self.at][0] == "op":
            op = self._next()[1]
            return compare(left, op, self._operand())
        return left

    def _operand(self) -> Any:
        kind, text = self._next()
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "num":
            return float(text[:-1]) / 100 if text.endswith("%") else float(text)
        if kind == "ref":
            m = REF.match(text.upper())
            if m is None:
                raise ValueError(text)
            row = int(m.group(4)) + (0 if m.group(3) else self.offsets[0])
            col = _col(m.group(2)) + (0 if m.group(1) else self.offsets[1])
            return self.values(row, col)
        if kind == "fn":
            args = [self._comparison()]
            while self._next()[1] == ",":
                args.append(self._comparison())
            name = text.upper().rstrip("(").strip()
            truths = [bool(a) and a != "" for a in args]
            return all(truths) if name == "AND" else any(truths) if name == "OR" else not truths[0]
        if kind == "p" and text == "(":
            inner = self._comparison()
            self._next()
            return inner
        raise ValueError(f"unexpected {text!r}")


def compare(left: Any, op: str, right: Any) -> bool:
    """Excel's comparison of two values: an empty cell is "" against text and 0 against a number;
    text compares without case; a number and a text are never equal."""
    left, right = _plain(left, right), _plain(right, left)
    if isinstance(left, str) and isinstance(right, str):
        left, right = left.lower(), right.lower()
    elif isinstance(left, str) != isinstance(right, str):
        return op == "<>"
    try:
        return {"=": left == right, "<>": left != right, ">": left > right, "<": left < right,
                ">=": left >= right, "<=": left <= right}[op]
    except TypeError:
        return False


def _plain(value: Any, other: Any) -> Any:
    if value is None:
        return "" if isinstance(other, str) else 0.0
    if isinstance(value, bool):
        return float(value)
    return float(value) if isinstance(value, int | float) else str(value)


CELL_IS = {"equal": "=", "notEqual": "<>", "greaterThan": ">", "lessThan": "<", "greaterThanOrEqual": ">=",
           "lessThanOrEqual": "<="}


def _holds(rule: Any, formula: _Formula | None, values: Values, row: int, col: int, top: int, left: int) -> bool:
    value = values(row, col)
    if rule.type == "expression" and formula is not None:
        return formula.value(values, row - top, col - left)
    if rule.type == "containsText" and rule.text:
        return value is not None and str(rule.text).lower() in str(value).lower()
    if rule.type == "cellIs" and rule.formula:
        bounds = [_constant(f) for f in rule.formula]
        if rule.operator in ("between", "notBetween") and len(bounds) == 2:
            inside = compare(value, ">=", min(bounds)) and compare(value, "<=", max(bounds))
            return inside if rule.operator == "between" else not inside
        if rule.operator in CELL_IS:
            return compare(value, CELL_IS[rule.operator], bounds[0])
    return False


def _constant(text: str) -> Any:
    text = text.strip().lstrip("=")
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('""', '"')
    return float(text)


def conditional_fills(ws: Any, values: Values, colour_of: Callable[[Any], str | None],
                      last: tuple[int, int]) -> dict[tuple[int, int], str]:
    """(row, column) -> 'RRGGBB' for the cells a conditional format fills, up to the ``last`` row
    and column the sheet defines (a rule over whole columns stops there); ``colour_of`` turns an
    openpyxl colour into hex (None for none)."""
    rules: list[tuple[int, Any, Any, _Formula | None, str]] = []
    formatting = getattr(ws, "conditional_formatting", None)
    for block in formatting or []:
        for rule in block.rules:
            fill = getattr(getattr(rule, "dxf", None), "fill", None)
            colour = (colour_of(fill.bgColor) or colour_of(fill.fgColor)) if fill is not None else None
            if colour is None or rule.type not in ("expression", "cellIs", "containsText"):
                continue
            try:
                formula = _Formula(rule.formula[0]) if rule.type == "expression" and rule.formula else None
                for constant in rule.formula or [] if rule.type == "cellIs" else []:
                    _constant(constant)  # a bound that is a cell or a formula: the rule is not evaluated
            except ValueError:
                continue
            rules.append((rule.priority or 0, block.sqref, rule, formula, colour))
    out: dict[tuple[int, int], str] = {}
    decided: set[tuple[int, int]] = set()
    for _, sqref, rule, formula, colour in sorted(rules, key=lambda r: r[0]):
        for cells in sqref.ranges:
            top, left = cells.min_row, cells.min_col
            for row in range(top, min(cells.max_row, last[0], top + MAX_CELLS) + 1):
                for col in range(left, min(cells.max_col, last[1], left + 50) + 1):
                    if (row, col) in decided:
                        continue
                    try:
                        if _holds(rule, formula, values, row, col, top, left):
                            out[row, col] = colour
                            decided.add((row, col))
                    except (ValueError, IndexError):
                        continue
    return out
