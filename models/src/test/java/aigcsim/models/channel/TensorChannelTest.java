package aigcsim.models.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TensorChannelTest {
    private static float[] signal(int n, double std, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (std * r.nextGaussian());
        }
        return x;
    }

    private static double meanSquareError(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return s / a.length;
    }

    @Test
    void awgnNoiseHasTheVarianceItReports() {
        float[] x = signal(65536, 2.0, 1);
        for (double snrDb : new double[] {-6, 0, 9, 15}) {
            var rx = TensorChannel.transmit(x, TensorChannel.Kind.AWGN, snrDb, 5);
            double power = Arrays.stream(toDouble(x)).map(v -> v * v).average().orElseThrow();
            assertEquals(power / Math.pow(10, snrDb / 10), rx.noiseVariance(), 1e-9, "σ² = P/SNR");
            assertEquals(rx.noiseVariance(), meanSquareError(rx.values(), x), 0.03 * rx.noiseVariance(),
                    "empirical noise variance at " + snrDb + " dB (65 536 values, 3 %)");
            assertEquals(1.0, rx.powerGain());
        }
    }

    @Test
    void rayleighIsEqualizedAndItsNoiseScalesWithTheGain() {
        float[] x = signal(65536, 1.0, 2);
        var rx = TensorChannel.transmit(x, TensorChannel.Kind.RAYLEIGH, 10, 9);
        assertEquals(rx.noiseVariance(), meanSquareError(rx.values(), x), 0.03 * rx.noiseVariance(),
                "zero-forcing leaves noise of variance P/(SNR·|h|²)");
        var clean = TensorChannel.transmit(x, TensorChannel.Kind.RAYLEIGH, 80, 9);
        assertArrayEquals(x, clean.values(), 1e-3f, "at 80 dB the equalized block is the sent one");
    }

    @Test
    void theRequestSeedFixesTheChannel() {
        float[] x = signal(256, 1.0, 3);
        assertArrayEquals(TensorChannel.transmit(x, TensorChannel.Kind.RAYLEIGH, 3, 42).values(),
                TensorChannel.transmit(x, TensorChannel.Kind.RAYLEIGH, 3, 42).values());
        assertFalse(Arrays.equals(TensorChannel.transmit(x, TensorChannel.Kind.AWGN, 3, 42).values(),
                TensorChannel.transmit(x, TensorChannel.Kind.AWGN, 3, 43).values()));
        assertThrows(IllegalArgumentException.class, () -> TensorChannel.transmit(new float[3],
                TensorChannel.Kind.AWGN, 0, 1));
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
