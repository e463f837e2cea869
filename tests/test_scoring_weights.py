"""Default weights and overrides from a JSON file."""

import json

import pytest

from scoring.weights import DEFAULT_WEIGHTS, WeightsError, load_weights


def test_load_weights_defaults_are_a_copy():
    w = load_weights()
    w["centrality_signals"]["pagerank"] = 9
    assert DEFAULT_WEIGHTS["centrality_signals"]["pagerank"] == 0.05


def test_load_weights_from_file_merges(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"activity": 2, "link_kinds": {"comment": 1.5}}))
    w = load_weights(path)
    assert w["activity"] == 2.0 and w["link_kinds"]["comment"] == 1.5 and w["link_kinds"]["blogroll"] == 3.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"relevanz": 1}', "unknown key 'relevanz'"),
        ('{"activity": -1}', "non-negative"),
        ('{"activity": "high"}', "non-negative"),
        ('{"centrality_signals": {"katz": 1}}', "unknown centrality signal"),
        ('{"centrality_signals": 3}', "must be an object"),
        ('{"floor": 1}', "floor must be below 1"),
    ],
)
def test_load_weights_rejects_bad_files(tmp_path, content, message):
    path = tmp_path / "w.json"
    path.write_text(content)
    with pytest.raises(WeightsError, match=message):
        load_weights(path)


def test_load_weights_missing_file(tmp_path):
    with pytest.raises(WeightsError, match="cannot read"):
        load_weights(tmp_path / "missing.json")


def test_empty_load_weights_mapping_gives_defaults():
    assert load_weights({}) == DEFAULT_WEIGHTS
