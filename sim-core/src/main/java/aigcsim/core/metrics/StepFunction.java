package aigcsim.core.metrics;

import java.util.Arrays;

/**
 * A piecewise-constant quantity over simulated time (edge busy, share of the band in use), 0 until its first change.
 * It keeps every change with the cumulative integral up to it, so its time average over any interval can be taken
 * after the run, once the warm-up has been chosen.
 */
public final class StepFunction {
    private double[] times = new double[64];
    /** The integral over [0, times[i]]. */
    private double[] integrals = new double[64];
    /** The value from times[i] on. */
    private double[] values = new double[64];
    private int n;

    /** The value is {@code value} from time {@code timeS} on; times must not decrease. */
    public void set(double timeS, double value) {
        if (n > 0) {
            double last = times[n - 1];
            if (timeS < last) {
                throw new IllegalArgumentException("time " + timeS + " before the last change at " + last);
            }
            if (values[n - 1] == value) {
                return;
            }
            if (timeS == last) {
                values[n - 1] = value;
                return;
            }
        }
        if (n == times.length) {
            times = Arrays.copyOf(times, 2 * n);
            integrals = Arrays.copyOf(integrals, 2 * n);
            values = Arrays.copyOf(values, 2 * n);
        }
        times[n] = timeS;
        integrals[n] = n == 0 ? 0 : integrals[n - 1] + values[n - 1] * (timeS - times[n - 1]);
        values[n] = value;
        n++;
    }

    /** The integral over [0, timeS]. */
    public double integral(double timeS) {
        int i = Arrays.binarySearch(times, 0, n, timeS);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? 0 : integrals[i] + values[i] * (timeS - times[i]);
    }

    /** The time average over [fromS, toS]. */
    public double mean(double fromS, double toS) {
        return (integral(toS) - integral(fromS)) / (toS - fromS);
    }
}
