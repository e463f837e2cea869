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

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

MAX_SITES = 5  # an 8-gram on more sites than this is boilerplate, not a sign of copying
MIN_SHARE = 0.3  # share of a site's distinctive 8-grams found elsewhere to call it a copy
MIN_SHINGLES = 8  # distinctive sampled 8-grams a site needs before it is judged
MARGIN = 0.1  # the copy holds this much more of the original than the original of it (else: undecided)


def find_copies(
    rows: np.ndarray,
    hashes: np.ndarray,
    sites: Sequence[str],
    *,
    originals: Sequence[str] = (),
    sources: Mapping[str, Iterable[str]] | None = None,
    max_sites: int = MAX_SITES,
    min_share: float = MIN_SHARE,
    min_shingles: int = MIN_SHINGLES,
) -> dict[str, tuple[str, float]]:
    """{copying site: (site it copies most, share of its distinctive text found elsewhere)}.

    ``rows`` and ``hashes`` are the sampled shingles (document row, 8-gram hash) and ``sites``
    the site of each row. A site copies when ``min_share`` of its distinctive 8-grams are on
    the ``originals`` (the seeds, taken together: a copy ring spreads its copies over them), or
    on one other site that holds a smaller share of its own text on this one. Sites in
    ``originals`` are never called copies. ``sources`` ({site: sites it names as where its posts
    first appeared}) settles who copies whom: a site is never a copy of one that names it as its
    source, and a site whose distinctive text lies mostly on the sites it names (an aggregator of
    many blogs) is a copy of them.
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
    named = _named_sources(sites, sources or {})
    for a, on_sources in _share_on_named(shared, named).items():
        if judged[a] and sites[a] not in best and on_sources >= min_share * int(distinctive[a]):
            top = max(named[a], key=lambda b: (shared.get((a, b), 0), -b))
            best[sites[a]] = (sites[top], round(on_sources / int(distinctive[a]), 3))
    for (a, b), n in sorted(shared.items()):
        if not judged[a] or sites[a] in best or sites[b] in keep or a in named.get(b, ()):
            continue
        share = n / int(distinctive[a])
        back = shared.get((b, a), 0) / max(1, int(distinctive[b]))
        if share >= min_share and share > back + MARGIN and share > best.get(sites[a], ("", 0.0))[1]:
            best[sites[a]] = (sites[b], round(share, 3))
    return best


def _named_sources(sites: Sequence[str], sources: Mapping[str, Iterable[str]]) -> dict[int, set[int]]:
    """{row: rows of the sites it names as sources} for the sites among ``sites``."""
    row_of = {site: i for i, site in enumerate(sites)}
    out = {}
    for site, named in sources.items():
        rows = {row_of[s] for s in named if s in row_of and s != site}
        if site in row_of and rows:
            out[row_of[site]] = rows
    return out


def _share_on_named(shared: Mapping[tuple[int, int], int], named: Mapping[int, set[int]]) -> dict[int, int]:
    """{row: its distinctive 8-grams also on the sites it names as sources (summed over them)}."""
    return {a: sum(shared.get((a, b), 0) for b in rows) for a, rows in named.items()}


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


# -- reworded copies, page by page ------------------------------------------------------------

# Locality-sensitive hashing in two passes. Pages equal in one of `STRICT_BANDS` bands of
# `STRICT_ROWS` signature values are compared first: a pair at Jaccard 0.7 with probability 0.99,
# at 0.3 with 0.08. Only pages found there at `FLOOR` or above are then compared with every page
# sharing one of `BANDS` bands of `ROWS` values (at 0.5 with probability 0.99, at 0.3 with 0.78),
# to find the runner-up match a copy must stand out from.
STRICT_BANDS = 10
STRICT_ROWS = 4
BANDS = 16
ROWS = 2
MAX_BAND_GROUP = 8  # a band shared by more pages is boilerplate (legal pages, empty templates)
FLOOR = 0.5  # estimated Jaccard of two pages' stems from which one can be a reworded copy...
GAP = 0.2  # ...when it also stands this far above the page's best match on any third site
MIN_PAGES = 2  # pages of a site that must match before it is called a copy
MIN_PAGE_SHARE = 0.5  # share of a site's judged pages that must match one source


def find_reworded(
    rows: np.ndarray,
    signatures: np.ndarray,
    sites: Sequence[str],
    *,
    originals: Sequence[str] = (),
    sources: Mapping[str, Iterable[str]] | None = None,
) -> dict[str, tuple[str, float]]:
    """{copying site: (its source, share of its pages copied)} for copies reworded page by page.

    ``rows`` is the document row of each page, ``signatures`` its MinHash signature (pages x k,
    `scoring.counts.TermCounter.pages_`). A page is a reworded copy of its best match on another
    site when the estimated Jaccard similarity of their stems is at least `FLOOR` and `GAP` above
    its best match on any third site: a reworded post resembles its original far more than
    anything else, while posts of a niche with its own vocabulary resemble many posts alike.
    A site copies another when `MIN_PAGE_SHARE` of its
    pages (at least `MIN_PAGES`) match that site's pages, and the other holds a smaller share of
    its own pages on it or is one of the ``originals``; a site never copies one that it is named
    by as a source (``sources``, as in `find_copies`), and a site whose pages match the sites it
    names as its sources copies them.
    """
    if len(rows) < 2:
        return {}
    pairs = _candidate_pairs(rows, signatures, STRICT_BANDS, STRICT_ROWS)
    if not len(pairs):
        return {}
    close = np.zeros(len(rows), dtype=bool)
    close[pairs[_similarity(pairs, signatures) >= FLOOR].ravel()] = True
    if not close.any():
        return {}
    pairs = np.unique(np.concatenate([pairs, _candidate_pairs(rows, signatures, BANDS, ROWS, among=close)]), axis=0)
    similarity = _similarity(pairs, signatures)
    pages_of = np.bincount(rows, minlength=len(sites))
    matched: dict[tuple[int, int], set[int]] = {}  # (site row, other site row) -> its matching pages
    for page, other_site in _standing_out(pairs, similarity, rows):
        matched.setdefault((int(rows[page]), other_site), set()).add(page)
    share = {pair: len(pages) / pages_of[pair[0]] for pair, pages in matched.items() if len(pages) >= MIN_PAGES}
    keep = {i for i, s in enumerate(sites) if s in set(originals)}
    named = _named_sources(sites, sources or {})
    out: dict[str, tuple[str, float]] = {}
    for a, on in sorted(named.items()):
        total = sum(share.get((a, b), 0.0) for b in on)
        if a not in keep and total >= MIN_PAGE_SHARE:
            top = max(on, key=lambda b: (share.get((a, b), 0.0), -b))
            out[sites[a]] = (sites[top], round(min(total, 1.0), 3))
    for (a, b), part in sorted(share.items()):
        if a in keep or sites[a] in out or part < MIN_PAGE_SHARE or a in named.get(b, ()):
            continue
        if b in keep or part > share.get((b, a), 0.0) + MARGIN:
            if part > out.get(sites[a], ("", 0.0))[1]:
                out[sites[a]] = (sites[b], round(part, 3))
    return out


def _standing_out(pairs: np.ndarray, similarity: np.ndarray, rows: np.ndarray):
    """(page, site) for each page whose best match on that site is a copy's: see `find_reworded`."""
    page = np.concatenate([pairs[:, 0], pairs[:, 1]])
    site = rows[np.concatenate([pairs[:, 1], pairs[:, 0]])].astype(np.int64)
    sim = np.concatenate([similarity, similarity])
    order = np.lexsort((-sim, site, page))  # by page, then site, best first
    page, site, sim = page[order], site[order], sim[order]
    first = np.concatenate(([True], (page[1:] != page[:-1]) | (site[1:] != site[:-1])))
    page, site, sim = page[first], site[first], sim[first]  # each page's best match per site
    order = np.lexsort((-sim, page))
    page, site, sim = page[order], site[order], sim[order]
    top = np.concatenate(([True], page[1:] != page[:-1]))
    runner_up = np.zeros(len(page))
    second = np.flatnonzero(~top & np.concatenate(([False], top[:-1])))  # the entry right after a top
    runner_up[second - 1] = sim[second]
    keep = top & (sim >= FLOOR) & (sim - runner_up >= GAP)
    return zip(page[keep].tolist(), site[keep].tolist())


def _similarity(pairs: np.ndarray, signatures: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of each pair's pages (share of equal signature values)."""
    return np.concatenate(
        [  # in chunks: a gathered signature pair is 512 bytes
            (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1)
            for chunk in np.array_split(pairs, max(1, len(pairs) // 20_000))
        ]
    )


def _candidate_pairs(
    rows: np.ndarray, signatures: np.ndarray, bands: int, width: int, among: np.ndarray | None = None
) -> np.ndarray:
    """Distinct (page, page) pairs of different sites that agree on a whole band of their signatures.

    ``among`` (a mask of pages) keeps only the bands' groups holding one of those pages.
    """
    found = []
    for band in range(min(bands, signatures.shape[1] // width)):
        part = np.ascontiguousarray(signatures[:, band * width : (band + 1) * width])
        keys = part.view(np.dtype((np.void, part.dtype.itemsize * width))).ravel()
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1])))
        sizes = np.diff(np.append(starts, len(order)))
        usable = (sizes >= 2) & (sizes <= MAX_BAND_GROUP)
        if among is not None:
            usable &= np.add.reduceat(among[order].astype(np.int64), starts) > 0
        for size in np.unique(sizes[usable]).tolist():  # groups of one size at once
            members = order[starts[usable & (sizes == size)][:, None] + np.arange(size)]
            x, y = np.triu_indices(size, k=1)
            a, b = members[:, x].ravel(), members[:, y].ravel()
            other = rows[a] != rows[b]
            found.append(np.minimum(a, b)[other] * len(rows) + np.maximum(a, b)[other])  # one int64 a pair
        if len(found) > 1:
            found = [np.unique(np.concatenate(found))]
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    keys = np.unique(np.concatenate(found))
    return np.stack([keys // len(rows), keys % len(rows)], axis=1)
