"""Default ranking weights and loading overrides from a JSON file (``rank --weights FILE``).

The score of a candidate is a weighted geometric mean of three normalised signals::

    score = rel' ** w_relevance * cen' ** w_centrality * act' ** w_activity
    x'    = floor + (1 - floor) * x          (every signal in 0..1)

A geometric mean means no signal can make up for the absence of another: an off-topic hub
with every link in the neighbourhood still scores near zero on relevance, and a dead blog
stays low whatever links it has. Relevance and activity carry full weight (off topic or
silent for a year disqualifies a partner); centrality weighs 0.6, so links order the blogs
that pass those two rather than lift the ones that do not.

Centrality is itself a weighted mean of graph signals, each scaled to 0..1 over the
candidates (counts by ``log1p(x) / log1p(max)``, PageRank-like scores by ``sqrt(x / max)``):
personalized PageRank from the seeds and direct seed links carry most, because they measure
the seeds' own neighbourhood and resist link farms; co-citation with the seeds finds the
seeds' circle; links from on-topic blogs (relevance at least `scoring.rank.ON_TOPIC`, copies
left out) find partners two links from the seeds and pass over off-topic friends in their
blogrolls; global PageRank, HITS authority and in-degree reward popularity, which link farms
and off-topic hubs also have, so they weigh little.

A blog with a page for cooperations (Kooperationen, Mediadaten, Work with me...) gets a modest
lift: its score is multiplied by ``1 + cooperation`` (default 1.05), so an open door orders
blogs of similar merit but never lifts an off-topic or silent one past a good one. The ``why``
column says so.

An override file holds any subset of the keys of `DEFAULT_WEIGHTS`, e.g.
``{"activity": 1.0, "centrality_signals": {"pagerank": 0}, "link_kinds": {"comment": 1.0}}``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from scoring.graph import DEFAULT_KIND_WEIGHTS

DEFAULT_WEIGHTS: dict[str, Any] = {
    "relevance": 1.0,
    "centrality": 0.6,
    "activity": 1.0,
    "floor": 0.05,
    "cooperation": 0.05,
    "centrality_signals": {
        "personalized_pagerank": 0.25,
        "seed_inlinks": 0.15,
        "seed_cocitation": 0.15,
        "seed_reciprocity": 0.05,
        "topical_inlinks": 0.25,
        "inbound_blogs": 0.05,
        "hits_authority": 0.05,
        "pagerank": 0.05,
    },
    "link_kinds": dict(DEFAULT_KIND_WEIGHTS),
}


MAX_WEIGHT = 100
"""The largest weight a file may set (the defaults are at most 1)."""


class WeightsError(ValueError):
    """A weights file or mapping that cannot be used."""


def load_weights(source: str | Path | Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Defaults merged with overrides from a JSON file path or a mapping; validated.

    >>> w = load_weights({"activity": 1.0, "centrality_signals": {"pagerank": 0}})
    >>> w["activity"], w["centrality_signals"]["pagerank"], w["relevance"]
    (1.0, 0.0, 1.0)
    """
    weights = copy.deepcopy(DEFAULT_WEIGHTS)
    if source is None:
        return weights
    if isinstance(source, Mapping):
        overrides, where = source, "weights"
    else:
        where = str(source)
        try:
            overrides = json.loads(Path(source).read_text(encoding="utf-8"))
        except OSError as err:
            raise WeightsError(f"{where}: cannot read ({err.strerror})") from err
        except (ValueError, RecursionError) as err:  # not JSON or UTF-8, nested too deeply, huge integers
            raise WeightsError(f"{where}: not valid JSON ({err})") from err
    if not isinstance(overrides, Mapping):
        raise WeightsError(f"{where}: expected a JSON object of weights")
    for key, value in overrides.items():
        if key not in weights:
            raise WeightsError(f"{where}: unknown key {key!r}; expected one of {', '.join(weights)}")
        if isinstance(weights[key], dict):
            if not isinstance(value, Mapping):
                raise WeightsError(f"{where}: {key!r} must be an object of numbers")
            for sub, number in value.items():
                if key == "centrality_signals" and sub not in weights[key]:
                    raise WeightsError(
                        f"{where}: unknown centrality signal {sub!r}; expected one of {', '.join(weights[key])}"
                    )
                weights[key][sub] = _number(number, f"{where}: {key}.{sub}")
        else:
            weights[key] = _number(value, f"{where}: {key}")
    if weights["floor"] >= 1.0:
        raise WeightsError(f"{where}: floor must be below 1")
    if not any(weights["centrality_signals"].values()) and weights["centrality"] > 0:
        raise WeightsError(f"{where}: all centrality signals are 0; set 'centrality' to 0 instead")
    return weights


def _number(value: Any, what: str) -> float:
    """A number from 0 to `MAX_WEIGHT` (finite), or WeightsError."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_WEIGHT:
        shown = "a number of 40 digits or more" if isinstance(value, int) and abs(value) >= 10**39 else repr(value)
        raise WeightsError(f"{what} must be a non-negative number up to {MAX_WEIGHT}, got {shown:.40}")
    return float(value)
