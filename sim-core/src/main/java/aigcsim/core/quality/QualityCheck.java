package aigcsim.core.quality;

/**
 * The quality check a delivered image must pass, else it is generated again (the public code of the workload-
 * adjustable transceiver papers regenerates an image whose check fails, up to three times): {@code SEMANTIC} — the
 * classifier recognizes the prompted item in it (a lost digital image never passes); {@code PSNR} — its PSNR against
 * the no-channel reference reaches {@code psnrThresholdDb}; {@code NONE} — no check. Each regeneration runs the
 * request's whole way again (edge, downlink, device) with a new seed and costs its full latency; after
 * {@code maxRegenerations} the last image is delivered as it is.
 */
public record QualityCheck(Kind kind, double psnrThresholdDb, int maxRegenerations) {
    public enum Kind { NONE, SEMANTIC, PSNR }

    /** No check. */
    public static final QualityCheck NONE = new QualityCheck(Kind.NONE, Double.NaN, 0);

    public QualityCheck {
        if (maxRegenerations < 0) {
            throw new IllegalArgumentException("maxRegenerations must be >= 0, got " + maxRegenerations);
        }
        if (kind == Kind.PSNR && !Double.isFinite(psnrThresholdDb)) {
            throw new IllegalArgumentException("a PSNR check needs a finite threshold, dB");
        }
    }

    public boolean active() {
        return kind != Kind.NONE && maxRegenerations > 0;
    }
}
