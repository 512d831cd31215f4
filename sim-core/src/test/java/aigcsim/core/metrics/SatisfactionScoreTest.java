package aigcsim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import aigcsim.core.model.LatencyRequirement;

class SatisfactionScoreTest {
    private static final double EPS = 1e-12;
    private static final LatencyRequirement REQ = new LatencyRequirement(5, 25);

    @Test
    void belowLowIsFullySatisfied() {
        assertEquals(1.0, SatisfactionScore.of(0.0, REQ), EPS, "L=0 < low=5 -> 1 (tol 1e-12)");
        assertEquals(1.0, SatisfactionScore.of(4.999, REQ), EPS, "L=4.999 < low=5 -> 1 (tol 1e-12)");
    }

    @Test
    void betweenBoundsFallsLinearly() {
        // (25 - 10) / (25 - 5) = 15/20
        assertEquals(0.75, SatisfactionScore.of(10, REQ), EPS, "L=10 in [5,25] -> 0.75 (tol 1e-12)");
        // (25 - 20) / 20
        assertEquals(0.25, SatisfactionScore.of(20, REQ), EPS, "L=20 in [5,25] -> 0.25 (tol 1e-12)");
        // (25 - 15) / 20
        assertEquals(0.5, SatisfactionScore.of(15, REQ), EPS, "L=15 midpoint -> 0.5 (tol 1e-12)");
        // another requirement: [1, 3], L=2.5 -> 0.5/2
        assertEquals(0.25, SatisfactionScore.of(2.5, new LatencyRequirement(1, 3)), EPS,
                "L=2.5 in [1,3] -> 0.25 (tol 1e-12)");
    }

    @Test
    void continuousAtBoundaries() {
        assertEquals(1.0, SatisfactionScore.of(5, REQ), EPS, "L=low -> 1.0 (tol 1e-12)");
        assertEquals(0.0, SatisfactionScore.of(25, REQ), EPS, "L=high -> 0.0 (tol 1e-12)");
    }

    @Test
    void aboveHighIsZero() {
        assertEquals(0.0, SatisfactionScore.of(25.001, REQ), EPS, "L just above high -> 0 (tol 1e-12)");
        assertEquals(0.0, SatisfactionScore.of(1e6, REQ), EPS, "L far above high -> 0 (tol 1e-12)");
        assertEquals(0.0, SatisfactionScore.of(Double.POSITIVE_INFINITY, REQ), EPS, "L=+inf -> 0 (tol 1e-12)");
    }

    @Test
    void monotoneNonIncreasing() {
        double prev = 2;
        for (double l = 0; l <= 30; l += 0.25) {
            double s = SatisfactionScore.of(l, REQ);
            assertEquals(true, s <= prev && s >= 0 && s <= 1, "score must be in [0,1] and non-increasing at L=" + l);
            prev = s;
        }
    }
}
