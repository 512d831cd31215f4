package aigcsim.core.metrics;

import java.util.Arrays;

/**
 * A piecewise-constant quantity over simulated time (edge busy, share of the band in use), 0 until its first change.
 * {@link #withHistory()} keeps every change with the cumulative integral up to it, so its time average over any
 * interval can be taken after the run (a warm-up chosen after the run needs it); {@link #from(double)} keeps only
 * the last change and the integral up to one mark time fixed in advance, in constant memory, and integrates up to
 * the mark or to any time from its last change on. Both give the same integrals, bit for bit.
 */
public final class StepFunction {
    private final boolean history;
    private final double markS;
    /** The integral over [0, markS], once a change at or after the mark has closed the step holding it. */
    private double markIntegral = Double.NaN;
    private double[] times;
    /** The integral over [0, times[i]]. */
    private double[] integrals;
    /** The value from times[i] on. */
    private double[] values;
    private int n;

    private StepFunction(boolean history, double markS, int capacity) {
        this.history = history;
        this.markS = markS;
        this.times = new double[capacity];
        this.integrals = new double[capacity];
        this.values = new double[capacity];
    }

    /** A step function that keeps every change (memory grows with the changes). */
    public static StepFunction withHistory() {
        return new StepFunction(true, Double.NaN, 64);
    }

    /** A step function that integrates up to {@code markS} and from its last change on, in constant memory. */
    public static StepFunction from(double markS) {
        return new StepFunction(false, markS, 1);
    }

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
        double integral = n == 0 ? 0 : integrals[n - 1] + values[n - 1] * (timeS - times[n - 1]);
        if (!history) {
            if (Double.isNaN(markIntegral) && timeS >= markS) {
                markIntegral = n == 0 ? 0 : integrals[0] + values[0] * (markS - times[0]);
            }
            n = 0;
        } else if (n == times.length) {
            times = Arrays.copyOf(times, 2 * n);
            integrals = Arrays.copyOf(integrals, 2 * n);
            values = Arrays.copyOf(values, 2 * n);
        }
        times[n] = timeS;
        integrals[n] = integral;
        values[n] = value;
        n++;
    }

    /** The integral over [0, timeS]. */
    public double integral(double timeS) {
        int i = Arrays.binarySearch(times, 0, n, timeS);
        if (i < 0) {
            i = -i - 2;
        }
        if (i < 0 && !history && n > 0) {
            if (timeS == markS && !Double.isNaN(markIntegral)) {
                return markIntegral;
            }
            throw new IllegalArgumentException("integral up to " + timeS + ": this step function keeps only the "
                    + "integral up to " + markS + " and from its last change at " + times[0] + " on");
        }
        return i < 0 ? 0 : integrals[i] + values[i] * (timeS - times[i]);
    }

    /** The time average over [fromS, toS]. */
    public double mean(double fromS, double toS) {
        return (integral(toS) - integral(fromS)) / (toS - fromS);
    }
}
