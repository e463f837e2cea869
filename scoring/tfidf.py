"""TF-IDF weighting of a CSR term-count matrix in place, with scikit-learn's formulas.

Given the IDF a fitted ``TfidfTransformer`` learned: sublinear ``tf = 1 + ln(count)``, times
the IDF, each row scaled to unit L2 norm, with the transformer's float operations (squares
summed row by row in float64, each value divided in float64 and rounded back), so the result
equals ``transformer.transform(X)`` bit for bit, written into X's own arrays a slice of rows at
a time instead of into a second matrix.

>>> X = sparse.csr_matrix(np.array([[3.0, 0.0, 1.0], [0.0, 2.0, 1.0]]))
>>> from sklearn.feature_extraction.text import TfidfTransformer
>>> weigh_in_place(X, TfidfTransformer(sublinear_tf=True).fit(X).idf_).toarray().round(4).tolist()
[[0.9471, 0.0, 0.3211], [0.0, 0.9219, 0.3874]]
"""

from __future__ import annotations

import numpy as np
from scipy import sparse


def weigh_in_place(
    X: sparse.csr_matrix, idf_: np.ndarray, sublinear_tf: bool = True, rows: int = 10_000
) -> sparse.csr_matrix:
    """TF-IDF rows of the count matrix ``X``, written into its own data, ``rows`` rows at a time.

    Works row by row, so no temporary spans the whole matrix (24M entries cost ~200 MB).
    """
    ones = np.ones(X.shape[1])
    for start in range(0, X.shape[0], rows):
        stop = min(start + rows, X.shape[0])
        lo, hi = X.indptr[start], X.indptr[stop]
        data, indices = X.data[lo:hi], X.indices[lo:hi]
        if sublinear_tf:
            np.log(data, out=data)
            data += 1.0
        data *= idf_[indices]
        indptr = X.indptr[start : stop + 1] - lo
        squares = sparse.csr_matrix(
            ((data * data).astype(np.float64), indices, indptr), shape=(stop - start, X.shape[1]), copy=False
        )
        norms = np.sqrt(squares @ ones)  # sums in row order, in float64
        norms[norms == 0.0] = 1.0  # empty rows stay as they are
        np.divide(data, np.repeat(norms, np.diff(indptr)), out=data)
    return X
