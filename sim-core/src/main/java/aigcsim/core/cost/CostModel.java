package aigcsim.core.cost;

/**
 * Compute delay by Amdahl's law, seed 001 eq. 20:
 * L = W(T)·O_s/ν · (1 − τ + τ/m) + l, with W(T)·O_s the cycles of the denoising work, ν the per-core processing
 * capability, m the cores, τ the parallelizable fraction and l the constant of the other modules (semantic
 * extraction, decoding). The percentage of available computing resources (PACR, seed 001 Fig. 8) scales the
 * processing capability: ν_eff = PACR·ν. A batch of b requests stepping together takes t(b) = t(1)·curve(b).
 */
public final class CostModel {
    private CostModel() {
    }

    /** (1 − τ + τ/m), the Amdahl factor of eq. 20. */
    public static double amdahlFactor(double parallelFraction, int cores) {
        return 1 - parallelFraction + parallelFraction / cores;
    }

    /** Eq. 20 verbatim: cycles/ν·(1 − τ + τ/m) + l, in seconds. */
    public static double eq20(double cycles, double clockHz, double parallelFraction, int cores, double constantS) {
        return cycles / clockHz * amdahlFactor(parallelFraction, cores) + constantS;
    }

    /** Seconds of one denoising step of a batch of {@code batch} requests on {@code p} at availability {@code pacr}. */
    public static double stepS(DeviceProfile p, int batch, double pacr) {
        checkPacr(pacr);
        return eq20(p.cyclesPerStep() * p.batchCurve().relativeTime(batch), pacr * p.clockHz(),
                p.parallelFraction(), p.cores(), 0.0);
    }

    /**
     * Seconds to run {@code steps} denoising steps alone (batch 1), plus the semantic extraction and the decoding
     * when asked: eq. 20 with l = extraction + decode.
     */
    public static double computeS(DeviceProfile p, int steps, boolean extraction, boolean decode, double pacr) {
        checkPacr(pacr);
        double l = (extraction ? p.extractionS() : 0) + (decode ? p.decodeS() : 0);
        return eq20(p.cyclesPerStep() * steps, pacr * p.clockHz(), p.parallelFraction(), p.cores(), l);
    }

    private static void checkPacr(double pacr) {
        if (!(pacr > 0 && pacr <= 1)) {
            throw new IllegalArgumentException("PACR must be in (0, 1], got " + pacr);
        }
    }
}
