package aigcsim.core.cost;

/**
 * The work of one request in cycles, independent of the processor: W·O_s of SemAIGC's eq. 20 per denoising step
 * (the paper "A Wireless AI-Generated Content (AIGC) Provisioning Framework Empowered by Semantic Communication"),
 * and the cycles of the two other modules, the semantic extraction and the decode. On a {@link Hardware} h a part of
 * C cycles takes C/(η·ν)·(1 − τ + τ/m) with h's η, ν, m and τ.
 *
 * <p>Eq. 20 adds the other modules as a constant l. Here they are cycles too, scaled by the same eq. 20 as the steps,
 * so that a faster processor also extracts and decodes faster (a constant l would keep the reference GPU's 1.95 s on
 * an H100); on one hardware the result is still a constant l, and PACR scales only the denoising steps, as in eq. 20.
 */
public record Workload(String name, String source, double stepCycles, double extractionCycles,
        double decodeCycles) {

    /** The reference GPU of the papers, on which {@link #SD} is calibrated (η = 1 by definition). */
    public static final String REFERENCE_HARDWARE = "rtx-a6000";
    /** Seconds per Stable Diffusion UNet step on the reference (SemAIGC's public notebook: about 0.2 s). */
    public static final double REFERENCE_STEP_S = 0.2;
    /** Seconds per semantic (VAE/CLIP) extraction on the reference (SemAIGC's notebook: about 0.75 s). */
    public static final double REFERENCE_EXTRACTION_S = 0.75;
    /** Seconds per VAE decode on the reference (SemAIGC's notebook: about 1.2 s). */
    public static final double REFERENCE_DECODE_S = 1.2;

    /**
     * Stable Diffusion v1 at 512×512 with classifier-free guidance (SD v1-4 in SemAIGC's notebook; v1.5 has the same
     * UNet and VAE), calibrated on the bundled RTX A6000: W = t·ν/(1 − τ + τ/m) with its ν = 1455 MHz, m = 10752 and
     * τ = 0.95 (assumed: the papers do not give τ), about 5.81e9 cycles per step.
     */
    public static final Workload SD = calibrate("sd-v1 (SemAIGC, calibrated on the RTX A6000)",
            "SemAIGC's notebook times on the RTX A6000: UNet step " + REFERENCE_STEP_S + " s, extraction "
                    + REFERENCE_EXTRACTION_S + " s, decode " + REFERENCE_DECODE_S + " s",
            Hardware.bundled(REFERENCE_HARDWARE), REFERENCE_STEP_S, REFERENCE_EXTRACTION_S, REFERENCE_DECODE_S);

    public Workload {
        require(stepCycles > 0 && Double.isFinite(stepCycles), "stepCycles", "must be > 0, got " + stepCycles);
        require(extractionCycles >= 0 && Double.isFinite(extractionCycles), "extractionCycles",
                "must be >= 0, got " + extractionCycles);
        require(decodeCycles >= 0 && Double.isFinite(decodeCycles), "decodeCycles",
                "must be >= 0, got " + decodeCycles);
    }

    /** The workload whose parts take the given seconds on {@code reference} at full availability. */
    public static Workload calibrate(String name, String source, Hardware reference, double stepS,
            double extractionS, double decodeS) {
        require(stepS > 0 && Double.isFinite(stepS), "stepS", "must be > 0, got " + stepS);
        require(extractionS >= 0 && Double.isFinite(extractionS), "extractionS", "must be >= 0, got " + extractionS);
        require(decodeS >= 0 && Double.isFinite(decodeS), "decodeS", "must be >= 0, got " + decodeS);
        return new Workload(name, source, reference.cycles(stepS), reference.cycles(extractionS),
                reference.cycles(decodeS));
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException("workload field '" + field + "' " + message);
        }
    }
}
