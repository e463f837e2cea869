"""Sites whose text largely repeats another site's: sampled word 8-gram shingles.

`scoring.counts.TermCounter` keeps about one in k word 8-grams of every document, chosen by
hash, so the same 8-gram is kept wherever it occurs. An 8-gram found on many sites is
boilerplate or a stock phrase and says nothing; the others are a site's *distinctive* text.
A site copies when 30% or more of its distinctive 8-grams are also on the seeds (taken
together: a copy ring spreads its copies over them), or on one other site that holds a
smaller share of its own text on this one (the copy holds less of the original than the
original holds of the copy). Spun copies (synonyms swapped in, sentences dropped) keep many
8-grams; blogs on one topic share words and stock phrases, rarely runs of eight words.

>>> rows = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2])
>>> hashes = np.array([1, 2, 3, 4, 1, 2, 3, 5, 6, 7, 8, 9])
>>> find_copies(rows, hashes, ["copy.de", "seed.de", "other.de"], min_shingles=3)
{'copy.de': ('seed.de', 0.75)}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_SITES = 5  # an 8-gram on more sites than this is boilerplate, not a sign of copying
MIN_SHARE = 0.3  # share of a site's distinctive 8-grams found elsewhere to call it a copy
MIN_SHINGLES = 8  # distinctive sampled 8-grams a site needs before it is judged


def find_copies(
    rows: np.ndarray,
    hashes: np.ndarray,
    sites: Sequence[str],
    *,
    originals: Sequence[str] = (),
    max_sites: int = MAX_SITES,
    min_share: float = MIN_SHARE,
    min_shingles: int = MIN_SHINGLES,
) -> dict[str, tuple[str, float]]:
    """{copying site: (site it copies most, share of its distinctive text found elsewhere)}.

    ``rows`` and ``hashes`` are the sampled shingles (document row, 8-gram hash) and ``sites``
    the site of each row. A site copies when ``min_share`` of its distinctive 8-grams are on
    the ``originals`` (the seeds, taken together: a copy ring spreads its copies over them), or
    on one other site that holds a smaller share of its own text on this one. Sites in
    ``originals`` are never called copies.
    """
    if len(rows) == 0:
        return {}
    h, r = np.unique(np.stack([hashes.astype(np.int64), rows.astype(np.int64)]), axis=1)
    starts = np.flatnonzero(np.concatenate(([True], h[1:] != h[:-1])))
    df = np.diff(np.append(starts, len(h)))
    df_of = np.repeat(df, df)
    distinctive = np.bincount(r[df_of <= max_sites], minlength=len(sites))
    keep = set(originals)
    judged = (distinctive >= min_shingles) & ~np.isin(
        np.arange(len(sites)), [i for i, s in enumerate(sites) if s in keep]
    )
    shared = _shared_pairs(r, starts, df, max_sites)
    best: dict[str, tuple[str, float]] = {}
    on_originals = _share_on(r, df, df_of, max_sites, [i for i, s in enumerate(sites) if s in keep], len(sites))
    for a in np.flatnonzero(judged & (on_originals >= min_share * np.maximum(distinctive, 1))).tolist():
        source = max((b for b in range(len(sites)) if sites[b] in keep), key=lambda b: (shared.get((a, b), 0), -b))
        best[sites[a]] = (sites[source], round(float(on_originals[a]) / int(distinctive[a]), 3))
    for (a, b), n in sorted(shared.items()):
        if not judged[a] or sites[a] in best or sites[b] in keep:
            continue
        share = n / int(distinctive[a])
        back = shared.get((b, a), 0) / max(1, int(distinctive[b]))
        if share >= min_share and share > back and share > best.get(sites[a], ("", 0.0))[1]:
            best[sites[a]] = (sites[b], round(share, 3))
    return best


def _shared_pairs(r: np.ndarray, starts: np.ndarray, df: np.ndarray, max_sites: int) -> dict[tuple[int, int], int]:
    """{(a, b): 8-grams of row a also on row b}, over 8-grams on 2 to ``max_sites`` rows."""
    shared: dict[tuple[int, int], int] = {}
    some = (df >= 2) & (df <= max_sites)
    for start, n in zip(starts[some].tolist(), df[some].tolist()):
        group = r[start : start + n].tolist()
        for a in group:
            for b in group:
                if a != b:
                    shared[a, b] = shared.get((a, b), 0) + 1
    return shared


def _share_on(
    r: np.ndarray, df: np.ndarray, df_of: np.ndarray, max_sites: int, targets: list[int], n_rows: int
) -> np.ndarray:
    """Per row, its distinctive 8-grams that are also on one of the ``targets`` rows (not counting itself)."""
    if not targets:
        return np.zeros(n_rows)
    on_target = np.isin(r, targets)
    group = np.repeat(np.arange(len(df)), df)
    targets_in_group = np.bincount(group, weights=on_target, minlength=len(df))[group]
    elsewhere = targets_in_group - on_target  # targets holding the 8-gram besides this row
    ok = (df_of >= 2) & (df_of <= max_sites) & (elsewhere > 0)
    return np.bincount(r[ok], minlength=n_rows).astype(float)
