package aigcsim.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

import org.junit.jupiter.api.Test;

import aigcsim.models.pipeline.TextToImage;

/**
 * The calibration on a fake step model whose costs are known, on a clock the model advances: a step of b requests
 * takes 4 ms·(1 + 0.5·(b − 1)), a start 1.5 ms, a finish 2 ms + 0.8 ms per device step.
 */
class CalibrationTest {
    /** The fake model; {@code stretch} makes some calls slower (a busy machine), {@code jitter} all of them. */
    private static final class Fake implements StepModel {
        final long[] nanos = {0};
        final SplittableRandom rng = new SplittableRandom(1);
        final double jitter;
        long calls;

        Fake(double jitter) {
            this.jitter = jitter;
        }

        private void spend(double seconds) {
            double stretch = ++calls % 7 == 0 ? 1.6 : 1.0; // one call in seven preempted
            nanos[0] += Math.round(seconds * stretch * (1 + jitter * (rng.nextDouble() - 0.5)) * 1e9);
        }

        @Override
        public float[] initialLatent(long seed) {
            spend(0.0015);
            return new float[4];
        }

        @Override
        public float[][] step(float[][] latents, int[] from, int[] to, String[] prompts) {
            spend(0.004 * (1 + 0.5 * (latents.length - 1)));
            return latents;
        }

        @Override
        public TextToImage.Output finish(TextToImage.Request request, float[] sentLatent, float[] cleanLatent) {
            spend(0.002 + 0.0008 * (request.totalSteps() - request.edgeSteps()));
            return null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void itFitsAKnownCostWithinTwoPerCentDespitePreemptedCalls() {
        Fake fake = new Fake(0.0);
        int[] progress = {0};
        Calibration.Result r = new Calibration(fake, () -> fake.nanos[0], 0.02, 50)
                .measure(6, 20, new int[] {0, 5, 10, 20}, (done, total) -> progress[0] = done);
        assertEquals(6 + 1 + 4, progress[0], "every figure reported");
        for (int b = 1; b <= 6; b++) {
            double want = 0.004 * (1 + 0.5 * (b - 1));
            assertEquals(want, r.stepByBatch().get(b - 1).seconds(), 0.02 * want, "step at batch " + b);
            assertEquals(1 + 0.5 * (b - 1), r.batchCurve()[b - 1], 0.02 * (1 + 0.5 * (b - 1)));
        }
        assertEquals(0.0015, r.startS().seconds(), 0.02 * 0.0015);
        assertEquals(20, r.finish().get(0).deviceSteps());
        assertEquals(0.002, r.finishFixedS(), 0.02 * 0.002);
        assertEquals(0.0008, r.finishPerStepS(), 0.02 * 0.0008);
        assertFalse(r.noisy(), "median blocks drop the preempted calls: " + r.worstRelativeHalfWidth());
    }

    /** A batch size measured faster than a smaller one (noise) is left out of the profile's increasing curve. */
    @Test
    void theProfilesBatchCurveIncreasesWhateverTheNoise() {
        Calibration.Figure f = new Calibration.Figure(0, 0, 4);
        DoubleFunction<Calibration.Figure> s = x -> new Calibration.Figure(x, 0, 4);
        Calibration.Result r = new Calibration.Result(List.of(s.apply(0.010), s.apply(0.013),
                s.apply(0.012), s.apply(0.013), s.apply(0.016)), f, List.of(), 0, 0, 0.02, 0, false);
        List<double[]> curve = r.increasingBatchCurve();
        assertEquals(List.of(1.0, 2.0, 5.0), curve.stream().map(p -> p[0]).toList(),
                "batch 3 (faster than 2) and 4 (no slower than 2) left out");
        assertEquals(1.6, curve.get(2)[1], 1e-12);
    }

    @Test
    void aModelTooNoisyForThePrecisionIsReportedNoisyWithItsSpread() {
        Fake fake = new Fake(0.8);
        Calibration.Result r = new Calibration(fake, () -> fake.nanos[0], 0.005, 6)
                .measure(2, 20, new int[] {0, 20}, (done, total) -> { });
        assertTrue(r.noisy());
        assertTrue(r.worstRelativeHalfWidth() > 0.005, "its spread: " + r.worstRelativeHalfWidth());
        assertTrue(r.stepByBatch().get(0).blocks() == 6, "timed to the most blocks");
        // the figures are still the costs, within their own intervals' reach
        assertEquals(0.004, r.stepByBatch().get(0).seconds(), 0.15 * 0.004);
    }
}
