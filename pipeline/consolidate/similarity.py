"""How alike two descriptions are (:func:`text_score`), for one pair or for many at once.

Matching a paper's actions to a plan's compares every action with every known one: two papers
of 3,000 unnumbered actions are nine million pairs, too many for one Python call each.
:func:`score_matrix` gives the same numbers for a whole block of pairs, computed by rapidfuzz in
C, and computes the costly part (``partial_ratio``, for one text that continues the other) only
for the pairs where it can lift the score to the cut-off the caller cares about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, utils
from rapidfuzz.process import cdist

PARTIAL_WEIGHT = 0.95  # a text that continues another scores at most this share of its partial_ratio


@lru_cache(maxsize=65536)  # a plan's papers repeat its descriptions word for word, quarter after quarter
def text_score(a: str | None, b: str | None) -> float:
    """0-100: how alike two descriptions are. Case, punctuation and word order do not count; one
    text that continues the other ('... change' and '... change and service redesign') scores
    high only when the shorter is at least half the longer."""
    x, y = utils.default_process(a or ""), utils.default_process(b or "")
    if not x or not y:
        return 0.0
    score = max(fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y))
    short, long = sorted((x, y), key=len)
    if len(short) * 2 >= len(long):
        score = max(score, PARTIAL_WEIGHT * fuzz.partial_ratio(short, long))
    return float(score)


ROWS_AT_ONCE = 256  # rows of a block scored together: bounds the memory of the intermediate arrays


THREADED_PAIRS = 200_000  # pairs from which cdist shares a block among the cores


@dataclass(frozen=True)
class Texts:
    """Texts as :func:`text_score` compares them: processed, their words sorted, their lengths."""

    plain: list[str]
    sorted_words: list[str]
    lengths: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str | None]) -> Texts:
        plain = [utils.default_process(t or "") for t in texts]
        return cls(plain, [" ".join(sorted(t.split())) for t in plain],
                   np.array([len(t) for t in plain], dtype=np.float64))

    def __len__(self) -> int:
        return len(self.plain)

    def rows(self, start: int, stop: int) -> Texts:
        return Texts(self.plain[start:stop], self.sorted_words[start:stop], self.lengths[start:stop])

    def take(self, indices: list[int]) -> Texts:
        return Texts([self.plain[i] for i in indices], [self.sorted_words[i] for i in indices], self.lengths[indices])


def _scored(xs: Texts, ys: Texts) -> tuple[np.ndarray, np.ndarray]:
    """(scores, bound) of every pair: ``scores`` from ``ratio`` and ``token_sort_ratio`` (exact where
    ``partial_ratio`` adds nothing); ``bound`` the most ``partial_ratio`` can add (-1 where it
    does not apply). ``partial_ratio`` of a shorter text ``s`` in a longer ``l`` is the ratio of
    ``s`` to a window of ``l``; the window shares no more characters in order with ``s`` than the
    whole pair does (``L = ratio * (|s| + |l|) / 200``), so ``partial_ratio <= 200 L / (|s| + L)``."""
    workers = -1 if len(xs) * len(ys) >= THREADED_PAIRS else 1  # threads cost more than a small block takes
    ratio = cdist(xs.plain, ys.plain, scorer=fuzz.ratio, dtype=np.float64, workers=workers)
    words = cdist(xs.sorted_words, ys.sorted_words, scorer=fuzz.ratio, dtype=np.float64, workers=workers)
    lx, ly = xs.lengths[:, None], ys.lengths[None, :]
    short, long = np.minimum(lx, ly), np.maximum(lx, ly)
    shared = ratio * (short + long) / 200
    bound = PARTIAL_WEIGHT * 200 * shared / np.maximum(short + shared, 1)
    bound = np.where((short * 2 >= long) & (short > 0), np.minimum(bound + 1e-6, 100.0), -1.0)
    scores = np.maximum(ratio, words)
    scores[xs.lengths == 0, :] = 0.0
    scores[:, ys.lengths == 0] = 0.0
    return scores, bound


def _partial(x: str, y: str, at_least: float) -> float:
    """PARTIAL_WEIGHT * partial_ratio of the shorter text in the longer; 0 below ``at_least``."""
    s, t = (x, y) if len(x) <= len(y) else (y, x)
    return PARTIAL_WEIGHT * fuzz.partial_ratio(s, t, score_cutoff=max(at_least / PARTIAL_WEIGHT - 1e-6, 0))


def score_matrix(queries: Texts, choices: Texts, cutoff: float) -> np.ndarray:
    """``text_score(q, c)`` for every query (rows) and choice (columns), exactly where it is at
    least ``cutoff``; a pair below ``cutoff`` may score lower than :func:`text_score` says.
    ``partial_ratio``, the costly part, is computed only where its bound can reach the cut-off and
    lift the pair's score."""
    out = np.zeros((len(queries), len(choices)))
    if not len(queries) or not len(choices):
        return out
    for start in range(0, len(queries), ROWS_AT_ONCE):
        scores, bound = _scored(queries.rows(start, start + ROWS_AT_ONCE), choices)
        for i, j in zip(*np.nonzero((bound >= cutoff) & (bound > scores)), strict=True):
            scores[i, j] = max(scores[i, j], _partial(queries.plain[start + i], choices.plain[j],
                                                      max(cutoff, scores[i, j])))
        out[start: start + ROWS_AT_ONCE] = scores
    return out


def best_scores(queries: Texts, choices: Texts, cutoff: float) -> np.ndarray:
    """``text_score`` of every query and choice, exact for each row's best where that is at least
    ``cutoff`` (and for every choice of the row that scores as much, so the first best is the
    first): a row's pairs are lifted by ``partial_ratio`` in the order of their bounds, until no
    bound can beat the best so far."""
    out = np.zeros((len(queries), len(choices)))
    if not len(queries) or not len(choices):
        return out
    for start in range(0, len(queries), ROWS_AT_ONCE):
        scores, bound = _scored(queries.rows(start, start + ROWS_AT_ONCE), choices)
        for i in range(len(scores)):
            row, row_bound = scores[i], bound[i]
            best = max(float(row.max()), cutoff)
            for j in np.argsort(-row_bound, kind="stable"):
                if row_bound[j] < best:
                    break
                if row_bound[j] > row[j]:
                    row[j] = max(row[j], _partial(queries.plain[start + i], choices.plain[j], best))
                    best = max(best, float(row[j]))
        out[start: start + ROWS_AT_ONCE] = scores
    return out
