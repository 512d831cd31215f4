package aigcsim.core.model;

/**
 * A receiver's delay requirement [Ľ, L̂] of seed 001, eq. 24: fully satisfied below {@code lowS}, not at all above
 * {@code highS}.
 */
public record LatencyRequirement(double lowS, double highS) {
    public LatencyRequirement {
        if (!(lowS >= 0) || !(highS > lowS)) {
            throw new IllegalArgumentException(
                    "latency requirement needs 0 <= low < high, got [" + lowS + ", " + highS + "] s");
        }
    }
}
