package aigcsim.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
    @Test
    void squareRootOfASymmetricMatrixSquaresBack() {
        double[][] m = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}};
        double[][] r = FrechetDistance.sqrtPsd(m);
        double[][] back = FrechetDistance.multiply(r, r);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m[i][j], back[i][j], 1e-9);
            }
        }
        assertEquals(2.0, FrechetDistance.sqrtPsd(new double[][] {{4, 0}, {0, 9}})[0][0], 1e-12);
    }

    @Test
    void distanceOfGaussiansMatchesTheClosedForm() {
        // N(0, I) vs N(δ·1, 4·I) in d = 4: ‖δ‖² + Σ(1 + 4 − 2·2) = 4δ² + 4
        SplittableRandom r = new SplittableRandom(1);
        int n = 40000;
        int d = 4;
        double delta = 0.5;
        float[][] a = new float[n][d];
        float[][] b = new float[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = (float) r.nextGaussian();
                b[i][j] = (float) (delta + 2 * r.nextGaussian());
            }
        }
        assertEquals(4 * delta * delta + 4, FrechetDistance.of(a, b), 0.1, "closed form, 40 000 samples");
        assertEquals(0.0, FrechetDistance.of(a, a), 1e-6);
    }
}
