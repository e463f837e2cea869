"""Sites whose text largely repeats another site's: sampled word 8-gram shingles.

`scoring.counts.TermCounter` keeps about one in k word 8-grams of every document, chosen by
hash, so the same 3-gram is kept wherever it occurs. A 3-gram found on many sites is
boilerplate or a stock phrase and says nothing; the others are a site's *distinctive* text.
A site copies another when a quarter or more of its distinctive 8-grams are also on that one
site, and
more of its text is found there than of the other's text on it (the copy holds less of the
original than the original holds of the copy). Spun copies (synonyms swapped in, sentences
dropped) keep many 8-grams; blogs on one topic share words and stock phrases, rarely runs of
eight words.

>>> rows = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2])
>>> hashes = np.array([1, 2, 3, 4, 1, 2, 3, 5, 6, 7, 8, 9])
>>> find_copies(rows, hashes, ["copy.de", "seed.de", "other.de"], min_shingles=3)
{'copy.de': ('seed.de', 0.75)}
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_SITES = 5  # a 3-gram on more sites than this is boilerplate, not a sign of copying
MIN_SHARE = 0.25  # share of a site's distinctive 8-grams found on one other site to call it a copy
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
    """{copying site: (site it copies, share of its distinctive text found there)}.

    ``rows`` and ``hashes`` are the sampled shingles (document row, 3-gram hash) and ``sites``
    the site of each row. Sites in ``originals`` (the seeds) are never called copies.
    """
    if len(rows) == 0:
        return {}
    pairs = np.unique(np.stack([hashes.astype(np.int64), rows.astype(np.int64)]), axis=1)
    h, r = pairs
    starts = np.flatnonzero(np.concatenate(([True], h[1:] != h[:-1])))
    df = np.diff(np.append(starts, len(h)))
    df_of = np.repeat(df, df)
    distinctive = np.bincount(r[df_of <= max_sites], minlength=len(sites))
    shared: dict[tuple[int, int], int] = {}
    for start, n in zip(starts[(df >= 2) & (df <= max_sites)].tolist(), df[(df >= 2) & (df <= max_sites)].tolist()):
        group = r[start : start + n].tolist()
        for a in group:
            for b in group:
                if a != b:
                    shared[a, b] = shared.get((a, b), 0) + 1
    keep = set(originals)
    best: dict[str, tuple[str, float]] = {}
    for (a, b), n in sorted(shared.items()):
        if distinctive[a] < min_shingles or sites[a] in keep:
            continue
        share = n / int(distinctive[a])
        back = shared.get((b, a), 0) / max(1, int(distinctive[b]))
        if share >= min_share and (share > back or sites[b] in keep):
            if sites[a] not in best or share > best[sites[a]][1]:
                best[sites[a]] = (sites[b], round(share, 3))
    return best
