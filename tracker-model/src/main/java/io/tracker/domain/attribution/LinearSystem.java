package io.tracker.domain.attribution;

/**
 * Solves a small dense linear system A·x = b exactly (up to floating point) by Gaussian
 * elimination with partial pivoting. The Markov model uses it for absorption probabilities, where
 * A = I − Q is a non-singular M-matrix and the answer needs no iteration or simulation.
 */
final class LinearSystem {

    private LinearSystem() {
    }

    /**
     * @param a square n×n matrix, not modified
     * @param b right-hand side of length n, not modified
     * @return x with A·x = b
     * @throws ArithmeticException when A is singular (a pivot below 1e-300)
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-300) {
                throw new ArithmeticException("singular system at column " + col);
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                if (factor != 0) {
                    for (int k = col; k <= n; k++) {
                        m[row][k] -= factor * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
