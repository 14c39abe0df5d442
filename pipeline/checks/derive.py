"""Derived columns for the data-quality checks that look across rows or papers.

Great Expectations validates one row at a time, so a check such as "progress unchanged since the
last snapshot" becomes a column computed here ('progress_gain_open') that an expectation in
``expectations/snapshots.json`` then bounds. Each function takes DataFrames and returns a new
one (the frame a suite validates: the table's own columns, the derived columns, and the context
a finding's message needs); nothing here reads or writes files, nothing changes its inputs.

Derived columns are null where a check does not apply (GX column expectations skip nulls):

==============  =========================  ============================================
frame           derived column             check (expectations/<frame>.json)
==============  =========================  ============================================
documents       percent_format_mixed       percent_format_mixed
actions         lead_lookalike             lead_nonlatin
actions         lead_known                 lead_unknown (null: no register for the
                                           action's organisation)
actions         overdue_days               overdue
actions         reported_in_latest         action_not_reported
snapshots       percent_readable           percent_in_range (with percent_complete)
snapshots       progress_change            progress_regressed
snapshots       progress_gain_open         progress_stalled
snapshots       rag_consistent             rag_inconsistent
rows            priority_given             priority_missing
rows            due_date_read              due_date_parsed
rows            duplicate_in_paper         duplicate_action
target_changes  days_moved                 target_date_revised
==============  =========================  ============================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from pipeline.consolidate.plans import slug
from pipeline.interpret.normalise import has_lookalikes
from pipeline.schema import as_date, missing

FRAMES = ("documents", "actions", "snapshots", "rows", "target_changes")
LEAD_SEPARATORS = re.compile(r"\s+[/&]\s+|\s*[;,]\s*|\s+and\s+", re.I)  # 'C Hepburn / J Smyth'
ACTION_CONTEXT = ("ref", "description", "lead", "plan", "organisation")


# --- helpers --------------------------------------------------------------------------------


def as_float(value: Any) -> float | None:
    return None if missing(value) else float(value)


def blank_to_null(frame: pd.DataFrame) -> pd.DataFrame:
    """'' (and whitespace only) becomes null in every text column: GX counts '' as a value."""
    out = frame.copy()
    for col in out.columns:
        column = out[col]
        if column.dtype == object or isinstance(column.dtype, pd.StringDtype):
            blank = _blank_mask(column)
            if blank is not None:
                out[col] = column.where(~blank, None) if column.dtype == object else column.mask(blank)
    return out


def _blank_mask(column: pd.Series) -> pd.Series | None:
    """Where ``column`` holds text that is empty or only whitespace; None where it holds none.
    Each distinct value is looked at once (a column repeats its values row after row)."""
    try:
        distinct = column.dropna().unique()
    except TypeError:  # unhashable values: one by one
        mask = pd.Series([isinstance(v, str) and not v.strip() for v in column], index=column.index)
        return mask if mask.any() else None
    blanks = [v for v in distinct if isinstance(v, str) and not v.strip()]
    if not blanks:
        return None
    return column.isin(blanks).fillna(False).astype(bool)


def _table(tables: Mapping[str, pd.DataFrame], name: str, columns: list[str]) -> pd.DataFrame:
    """``tables[name]`` with at least ``columns`` (null where missing), rows renumbered."""
    frame = tables.get(name)
    frame = pd.DataFrame(columns=columns) if frame is None else frame.reset_index(drop=True).copy()
    for col in columns:
        if col not in frame.columns:
            frame[col] = None
    return frame


def _series(values: list[Any], frame: pd.DataFrame) -> pd.Series:
    return pd.Series(values, index=frame.index, dtype=object)


def _context(frame: pd.DataFrame, actions: pd.DataFrame, columns: tuple[str, ...] = ACTION_CONTEXT) -> pd.DataFrame:
    """``frame`` with the action's ``columns`` joined on action_id (kept where it has its own)."""
    wanted = [c for c in columns if c not in frame.columns]
    if not wanted:
        return frame
    lookup = actions.drop_duplicates("action_id").set_index("action_id")
    out = frame.copy()
    for col in wanted:
        mapping = lookup[col].to_dict() if col in lookup.columns else {}
        out[col] = _series([mapping.get(a) if not missing(a) else None for a in out["action_id"]], out)
    return out


# --- documents ------------------------------------------------------------------------------


def has_percent_sign(raw: Any) -> bool:
    return "%" in str(raw)


def documents_frame(documents: pd.DataFrame, snapshot_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per paper; ``percent_format_mixed`` True where it prints percentages both with and
    without '%', with ``percent_with``/``percent_without`` (counts) and an example of each."""
    out = documents.reset_index(drop=True).copy()
    out["action_id"] = _series([None] * len(out), out)
    styles: dict[Any, dict[bool, list[str]]] = {}
    def column(name: str) -> Any:
        return snapshot_rows[name] if name in snapshot_rows.columns else [None] * len(snapshot_rows)

    for doc_id, raw, pct, sign in zip(column("doc_id"), column("percent_raw"), column("percent_complete"),
                                      column("percent_has_sign"), strict=True):
        if missing(raw) or not str(raw).strip() or missing(pct):
            continue
        sign = has_percent_sign(raw) if missing(sign) else bool(sign)
        styles.setdefault(doc_id, {True: [], False: []})[sign].append(str(raw).strip())
    counts = [styles.get(d, {True: [], False: []}) for d in out["doc_id"]]
    out["percent_with"] = _series([len(c[True]) for c in counts], out)
    out["percent_without"] = _series([len(c[False]) for c in counts], out)
    out["percent_example_with"] = _series([c[True][0] if c[True] else None for c in counts], out)
    out["percent_example_without"] = _series([c[False][0] if c[False] else None for c in counts], out)
    out["percent_format_mixed"] = _series(
        [bool(c[True]) and bool(c[False]) if c[True] or c[False] else None for c in counts], out)
    return out


# --- actions --------------------------------------------------------------------------------


def lead_parts(lead: str) -> list[str]:
    return [p for p in (slug(part) for part in LEAD_SEPARATORS.split(lead)) if p]


def lead_known(lead: Any, organisation: Any, register: Mapping[str, list[str]]) -> bool | None:
    """Whether every officer a lead names is in its organisation's register; None where no
    register is configured for the organisation (or there is no lead)."""
    if missing(lead) or missing(organisation):
        return None
    known_org = {slug(k): v for k, v in register.items()}.get(slug(str(organisation)))
    if known_org is None:
        return None
    known = {slug(name) for name in known_org}
    if slug(str(lead)) in known:
        return True
    parts = lead_parts(str(lead))
    return bool(parts) and all(p in known for p in parts)


def latest_snapshots(snapshots: pd.DataFrame) -> pd.DataFrame:
    """Each action's snapshot with the latest as-of date."""
    if snapshots.empty:
        return snapshots
    dated = snapshots[[not missing(v) for v in snapshots["as_of"]]].copy()
    dated["_as_of"] = [as_date(v) for v in dated["as_of"]]
    return dated.sort_values(["action_id", "_as_of"], kind="stable").groupby("action_id", sort=False).tail(1)


def overdue_days(due: dt.date | None, as_of: dt.date | None, percent: float | None, rag: Any) -> int | None:
    """Days past the due date at the as-of date, for an action not complete; None where it does
    not apply (no dates, complete, or due on or after the as-of date gives 0 or less)."""
    if due is None or as_of is None:
        return None
    if (percent is not None and percent >= 100) or (percent is None and rag == "complete"):
        return None
    return (as_of - due).days


def actions_frame(actions: pd.DataFrame, rows: pd.DataFrame, snapshots: pd.DataFrame,
                  not_reported: pd.DataFrame, leads: Mapping[str, list[str]]) -> pd.DataFrame:
    """One row per action, its latest paper as ``doc_id`` and the derived lead, overdue and
    not-reported columns."""
    out = actions.reset_index(drop=True).copy()
    latest = {r["action_id"]: r for r in latest_snapshots(snapshots).to_dict("records")}
    last_doc = dict(zip(rows["action_id"], rows["doc_id"], strict=True))  # rows are in paper order: the last paper
    gone = {r["action_id"]: r for r in not_reported.to_dict("records")}
    docs, as_of, percent, due, days = [], [], [], [], []
    for rec in out.to_dict("records"):
        snap = latest.get(rec["action_id"], {})
        doc = snap.get("doc_id")
        docs.append(last_doc.get(rec["action_id"]) if missing(doc) else doc)
        as_of.append(as_date(snap.get("as_of")))
        percent.append(as_float(snap.get("percent_complete")))
        due.append(as_date(snap.get("due_date")) or as_date(rec.get("due_date")))
        days.append(overdue_days(due[-1], as_of[-1], percent[-1], snap.get("rag")))
    out["doc_id"] = _series(docs, out)
    out["latest_as_of"], out["latest_percent"], out["latest_due_date"] = (
        _series(as_of, out), _series(percent, out), _series(due, out))
    out["overdue_days"] = _series(days, out)
    out["lead_lookalike"] = _series([None if missing(v) else has_lookalikes(str(v)) for v in out["lead_raw"]], out)
    out["lead_known"] = _series([lead_known(le, org, leads) for le, org in zip(out["lead"], out["organisation"],
                                                                              strict=True)], out)
    out["reported_in_latest"] = _series([aid not in gone for aid in out["action_id"]], out)
    for col, key in (("not_reported_doc_id", "latest_doc_id"), ("last_reported_on", "last_reported_on"),
                     ("latest_report_date", "latest_report_date")):
        out[col] = _series([gone.get(aid, {}).get(key) for aid in out["action_id"]], out)
    return out


# --- snapshots ------------------------------------------------------------------------------


def rag_consistent(rag: Any, percent: float | None) -> bool | None:
    """False where RAG says complete below 100%, or 100% is not complete; None without both (or
    with a percentage over 100, which ``percent_in_range`` reports)."""
    if missing(rag) or percent is None or percent > 100:
        return None
    return (rag == "complete") == (percent >= 100)


def snapshots_frame(snapshots: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """One row per action per as-of date, with the previous snapshot's date and percentage and
    the change since; ``progress_gain_open`` is that change where it is not a fall and the action
    is under 100%."""
    out = snapshots.reset_index(drop=True).copy()
    out["_as_of"] = [as_date(v) for v in out["as_of"]]
    out["_pos"] = range(len(out))
    order = out.sort_values(["action_id", "_as_of", "_pos"], kind="stable", na_position="first")
    prev_date: dict[int, dt.date | None] = {}
    prev_pct: dict[int, float | None] = {}
    last: dict[Any, tuple[dt.date | None, float | None]] = {}
    for pos, aid, when, pct in zip(order["_pos"], order["action_id"], order["_as_of"], order["percent_complete"],
                                   strict=True):
        prev_date[pos], prev_pct[pos] = last.get(aid, (None, None))
        if when is not None and not missing(pct):
            last[aid] = (when, float(pct))
    pcts = [as_float(v) for v in out["percent_complete"]]
    prev = [prev_pct[p] for p in out["_pos"]]
    change = [None if p is None or q is None else p - q for p, q in zip(pcts, prev, strict=True)]
    out["previous_as_of"] = _series([prev_date[p] for p in out["_pos"]], out)
    out["previous_percent"] = _series(prev, out)
    out["progress_change"] = _series(change, out)
    out["progress_gain_open"] = _series(
        [c if c is not None and c >= 0 and p is not None and p < 100 else None
         for c, p in zip(change, pcts, strict=True)], out)
    out["percent_readable"] = _series(
        [None if missing(raw) else not missing(pct) for raw, pct in zip(out["percent_raw"], out["percent_complete"],
                                                                        strict=True)], out)
    out["rag_consistent"] = _series([rag_consistent(r, p) for r, p in zip(out["rag"], pcts, strict=True)], out)
    return _context(out.drop(columns=["_as_of", "_pos"]), actions)


# --- per-paper action rows ------------------------------------------------------------------


def _first_seen_flags(keys: list[Any]) -> list[bool]:
    """True for the second and later rows with the same (non-null) key."""
    seen: set[Any] = set()
    flags = []
    for key in keys:
        flags.append(key is not None and key in seen)
        if key is not None:
            seen.add(key)
    return flags


def duplicate_flags(rows: pd.DataFrame) -> list[bool | None]:
    """Per row: True where an earlier row of the same paper is the same action (same action id,
    same number, or the same description)."""
    def column(name: str) -> list[Any]:
        return list(rows[name]) if name in rows.columns else [None] * len(rows)

    docs, ids, refs, texts = (column(c) for c in ("doc_id", "action_id", "ref", "description"))
    slugs: dict[str, str] = {}  # a paper's descriptions recur in later papers: each slugged once
    for text in texts:
        if not missing(text) and str(text) not in slugs:
            slugs[str(text)] = slug(str(text))
    by_id = _first_seen_flags([(d, a) if not missing(a) else None for d, a in zip(docs, ids, strict=True)])
    by_ref = _first_seen_flags([(d, str(r)) if not missing(r) else None for d, r in zip(docs, refs, strict=True)])
    by_text = _first_seen_flags([(d, slugs[str(t)]) if not missing(t) and slugs[str(t)] else None
                                 for d, t in zip(docs, texts, strict=True)])
    return [a or b or c for a, b, c in zip(by_id, by_ref, by_text, strict=True)]


def rows_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Action rows as each paper prints them, with priority, target date and duplicate flags."""
    out = rows.reset_index(drop=True).copy()
    gives = [bool(v) if not missing(v) else False for v in out["paper_gives_priorities"]]
    out["priority_given"] = _series([(not missing(p)) if g else None for p, g in zip(out["priority"], gives,
                                                                                    strict=True)], out)
    readable = out["due_readable"] if "due_readable" in out.columns else _series([None] * len(out), out)
    out["due_date_read"] = _series([
        None if missing(raw) or not str(raw).strip()
        else (bool(ok) if not missing(ok) else not missing(due))
        for raw, ok, due in zip(out["due_raw"], readable, out["due_date"], strict=True)], out)
    out["duplicate_in_paper"] = _series(duplicate_flags(out), out)
    return out


# --- target changes -------------------------------------------------------------------------


def target_changes_frame(changes: pd.DataFrame, actions: pd.DataFrame) -> pd.DataFrame:
    """Each revision of a target date with ``days_moved`` (new minus old, in days)."""
    out = changes.reset_index(drop=True).copy()
    out["days_moved"] = _series([
        None if as_date(o) is None or as_date(n) is None else (as_date(n) - as_date(o)).days  # type: ignore[operator]
        for o, n in zip(out["old_due_date"], out["new_due_date"], strict=True)], out)
    return _context(out, actions)


# --- all frames -----------------------------------------------------------------------------

ROW_COLUMNS = ["doc_id", "action_id", "ref", "description", "lead", "priority", "paper_gives_priorities",
               "due_raw", "due_date", "page", "table_index", "row_index", "source_file", "report_date"]
SNAPSHOT_COLUMNS = ["action_id", "doc_id", "as_of", "percent_complete", "percent_raw", "rag", "due_date"]


def derive(tables: Mapping[str, pd.DataFrame], leads: Mapping[str, list[str]]) -> dict[str, pd.DataFrame]:
    """The frames the suites validate, from consolidate's tables ('' read as null throughout).

    ``rows``, ``snapshot_rows``, ``target_changes`` and ``not_reported`` are optional: without
    them the checks they feed find nothing.
    """
    t = {name: blank_to_null(frame) for name, frame in tables.items() if isinstance(frame, pd.DataFrame)}
    actions = _table(t, "actions", ["action_id", "organisation", "plan", "ref", "description", "lead",
                                    "lead_raw", "due_date"])
    snapshots = _table(t, "snapshots", SNAPSHOT_COLUMNS)
    rows = _table(t, "rows", ROW_COLUMNS)
    snapshot_rows = _table(t, "snapshot_rows", ["doc_id", "percent_raw", "percent_complete"])
    if "snapshot_rows" not in t:
        snapshot_rows = snapshots
    return {
        "documents": documents_frame(_table(t, "documents", ["doc_id", "file_name", "report_date"]), snapshot_rows),
        "actions": actions_frame(actions, rows, snapshots,
                                 _table(t, "not_reported", ["action_id", "latest_doc_id", "last_reported_on",
                                                            "latest_report_date"]), leads),
        "snapshots": snapshots_frame(snapshots, actions),
        "rows": rows_frame(rows),
        "target_changes": target_changes_frame(
            _table(t, "target_changes", ["action_id", "doc_id", "as_of", "old_due_date", "new_due_date", "source"]),
            actions),
    }
