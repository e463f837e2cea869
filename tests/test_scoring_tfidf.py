"""TF-IDF weighting in place: the same numbers as scikit-learn's TfidfTransformer, bit for bit."""

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from scoring.tfidf import weigh_in_place


def counts(dtype, seed=0):
    """A random count matrix with repeated counts, empty rows and unused columns."""
    rng = np.random.default_rng(seed)
    dense = rng.poisson(0.3, size=(40, 30)) * rng.integers(1, 50, size=(40, 30))
    dense[[3, 17]] = 0
    dense[:, 5] = 0
    return sparse.csr_matrix(dense.astype(dtype))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("sublinear_tf", [True, False])
@pytest.mark.parametrize("rows", [10_000, 7, 1])
def test_weigh_in_place_equals_scikit_learn(dtype, sublinear_tf, rows):
    X = counts(dtype)
    ref = TfidfTransformer(sublinear_tf=sublinear_tf).fit(X)
    expected = ref.transform(X)
    out = weigh_in_place(X, ref.idf_, sublinear_tf, rows=rows)
    assert out.dtype == expected.dtype and np.array_equal(out.data, expected.data)
    assert np.array_equal(out.indices, expected.indices)


def test_empty_weigh_in_place():
    X = sparse.csr_matrix((0, 3), dtype=np.float32)
    assert weigh_in_place(X, np.ones(3, dtype=np.float32)).shape == (0, 3)
