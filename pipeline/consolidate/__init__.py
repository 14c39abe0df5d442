"""Stage 2, consolidate: every paper's rows into one history per action.

Which organisation and plan a paper reports on (``plans``), which of the plan's known actions
each row is (``matching``), and each action's history: snapshots, target changes, decisions,
actions no longer reported (``history``); register items linked to actions (``items``).
"""

from pipeline.consolidate.tables import Consolidated, consolidate

__all__ = ["Consolidated", "consolidate"]
