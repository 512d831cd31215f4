package aigcsim.core.channel;

/**
 * The oracle of the fading tests: the capacity c = log2(1 + snr·X) of one Rayleigh link, X ~ Exp(1), its mean (the
 * ergodic capacity) and variance by Simpson's rule on [0, 60], independently of the simulator's code.
 */
public final class RayleighCapacity {
    private RayleighCapacity() {
    }

    /** {E[c], Var[c]} at a linear SNR. */
    public static double[] moments(double snr) {
        int m = 60_000;
        double h = 60.0 / m;
        double first = 0;
        double second = 0;
        for (int i = 0; i <= m; i++) {
            double x = i * h;
            double w = (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2) * h / 3 * Math.exp(-x);
            double c = Math.log1p(snr * x) / Math.log(2);
            first += w * c;
            second += w * c * c;
        }
        return new double[] {first, second - first * first};
    }
}
