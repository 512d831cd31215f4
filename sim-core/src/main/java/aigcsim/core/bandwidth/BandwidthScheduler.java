package aigcsim.core.bandwidth;

import java.util.List;

/**
 * Shares a cell's downlink bandwidth among its active flows. Called whenever a flow starts or ends, a channel
 * changes, or the scheduler asked to be called again; between calls the shares are constant (fluid model, no
 * per-slot ticking). Flows whose current spectral efficiency is 0 (in outage) get no share.
 */
public interface BandwidthScheduler {
    /**
     * Sets every flow's bandwidth share.
     *
     * @return seconds until the scheduler wants to re-allocate by itself (+∞ when only changes matter)
     */
    double allocate(List<Flow> flows, double bandwidthHz, double nowS);

    String name();

    /** Names accepted by {@link #of(String)}. */
    List<String> NAMES = List.of("equal-share", "proportional-fair", "max-rate", "round-robin");

    /**
     * A scheduler by name: {@code equal-share}, {@code proportional-fair}, {@code max-rate}, or {@code round-robin}
     * (optionally {@code round-robin:<quantum seconds>}, default one 1 ms 5G NR slot).
     */
    static BandwidthScheduler of(String name) {
        if (name.equals("equal-share")) {
            return new EqualShareScheduler();
        }
        if (name.equals("proportional-fair")) {
            return new ProportionalFairScheduler();
        }
        if (name.equals("max-rate")) {
            return new MaxRateScheduler();
        }
        if (name.equals("round-robin")) {
            return new RoundRobinScheduler(RoundRobinScheduler.DEFAULT_QUANTUM_S);
        }
        if (name.startsWith("round-robin:")) {
            try {
                return new RoundRobinScheduler(Double.parseDouble(name.substring("round-robin:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad round-robin quantum in '" + name + "', e.g. round-robin:0.001");
            }
        }
        throw new IllegalArgumentException("unknown bandwidth scheduler '" + name + "'; allowed: " + NAMES);
    }

    /** Gives the band in equal parts to the flows selected by {@code selected}; none to the others. */
    static void shareEqually(List<Flow> flows, double bandwidthHz, java.util.function.Predicate<Flow> selected) {
        long n = flows.stream().filter(selected).count();
        for (Flow f : flows) {
            f.setBandwidthHz(n > 0 && selected.test(f) ? bandwidthHz / n : 0.0);
        }
    }
}
