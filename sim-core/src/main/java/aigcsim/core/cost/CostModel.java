package aigcsim.core.cost;

/**
 * Compute delay by Amdahl's law, eq. 20 of SemAIGC ("A Wireless AI-Generated Content (AIGC) Provisioning Framework
 * Empowered by Semantic Communication"): L = W(T)·O_s/ν · (1 − τ + τ/m) + l, with W(T)·O_s the cycles of the
 * denoising work, ν the per-core processing capability, m the cores, τ the parallelizable fraction and l the other
 * modules (semantic extraction, decoding). The cycles are a {@link Workload}'s, ν, m and τ a {@link Hardware}'s,
 * whose efficiency η scales ν; l is the same eq. 20 of the extraction and decode cycles on that hardware. The
 * percentage of available computing resources (PACR, SemAIGC Fig. 8) scales the processing capability of the steps
 * only (l stays at full availability, as eq. 20's constant): ν_eff = PACR·η·ν. A batch of b requests stepping together takes t(b) = t(1)·curve(b).
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
        return p.hardware().seconds(p.cyclesPerStep() * p.batchCurve().relativeTime(batch), pacr);
    }

    /**
     * Seconds to run {@code steps} denoising steps alone (batch 1) at availability {@code pacr}, plus the semantic
     * extraction and the decoding when asked (eq. 20's l, at full availability).
     */
    public static double computeS(DeviceProfile p, int steps, boolean extraction, boolean decode, double pacr) {
        checkPacr(pacr);
        double l = (extraction ? p.extractionS() : 0) + (decode ? p.decodeS() : 0);
        return p.hardware().seconds(p.cyclesPerStep() * steps, pacr) + l;
    }

    private static void checkPacr(double pacr) {
        if (!(pacr > 0 && pacr <= 1)) {
            throw new IllegalArgumentException("PACR must be in (0, 1], got " + pacr);
        }
    }
}
