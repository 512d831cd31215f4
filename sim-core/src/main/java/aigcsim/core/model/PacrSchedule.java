package aigcsim.core.model;

import java.util.Arrays;

/**
 * The percentage of available computing resources of an edge server over time (seed 001, Fig. 8), as a
 * piecewise-constant fraction in (0, 1]: {@code pacr[i]} holds from {@code fromS[i]} until the next change.
 */
public record PacrSchedule(double[] fromS, double[] pacr) {
    public static final PacrSchedule FULL = constant(1.0);

    public PacrSchedule {
        if (fromS.length == 0 || fromS.length != pacr.length || fromS[0] != 0.0) {
            throw new IllegalArgumentException("PACR schedule needs matching change times starting at 0 s");
        }
        for (int i = 0; i < pacr.length; i++) {
            if (!(pacr[i] > 0 && pacr[i] <= 1)) {
                throw new IllegalArgumentException("PACR must be in (0, 1] (a fraction of 100 %), got " + pacr[i]
                        + " at " + fromS[i] + " s");
            }
            if (i > 0 && !(fromS[i] > fromS[i - 1])) {
                throw new IllegalArgumentException("PACR change times must increase, got " + Arrays.toString(fromS));
            }
        }
        fromS = fromS.clone();
        pacr = pacr.clone();
    }

    public static PacrSchedule constant(double pacr) {
        return new PacrSchedule(new double[] {0.0}, new double[] {pacr});
    }

    /** The change times (a copy). */
    @Override
    public double[] fromS() {
        return fromS.clone();
    }

    /** The PACR values (a copy). */
    @Override
    public double[] pacr() {
        return pacr.clone();
    }

    public double at(double timeS) {
        if (!(timeS >= 0)) {
            throw new IllegalArgumentException("PACR asked at time " + timeS + " s; times start at 0");
        }
        int i = Arrays.binarySearch(fromS, timeS);
        return pacr[i >= 0 ? i : -i - 2];
    }

    @Override
    public String toString() {
        return pacr.length == 1 ? Double.toString(pacr[0]) : Arrays.toString(fromS) + "->" + Arrays.toString(pacr);
    }
}
