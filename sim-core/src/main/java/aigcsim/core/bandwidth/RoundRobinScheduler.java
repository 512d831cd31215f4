package aigcsim.core.bandwidth;

import java.util.List;

/**
 * Round robin: the whole band to one flow at a time for a quantum, then to the next active flow in start order.
 * Re-allocation events happen only at quantum ends while flows are active, never while the cell is idle.
 */
public final class RoundRobinScheduler implements BandwidthScheduler {
    /** One 5G NR slot at 15 kHz subcarrier spacing (3GPP TS 38.211): 1 ms. */
    public static final double DEFAULT_QUANTUM_S = 1e-3;

    private final double quantumS;
    private long currentFlowId = -1;
    private double quantumEndS = Double.NEGATIVE_INFINITY;

    public RoundRobinScheduler(double quantumS) {
        if (!(quantumS > 0) || !Double.isFinite(quantumS)) {
            throw new IllegalArgumentException("round-robin quantum must be > 0 s, got " + quantumS);
        }
        this.quantumS = quantumS;
    }

    @Override
    public double allocate(List<Flow> flows, double bandwidthHz, double nowS) {
        Flow current = null;
        Flow next = null;
        Flow first = null;
        int eligible = 0;
        for (Flow f : flows) {
            if (f.currentSpectralEfficiency() <= 0) {
                continue;
            }
            eligible++;
            if (first == null) {
                first = f;
            }
            if (f.id() == currentFlowId) {
                current = f;
            } else if (next == null && f.id() > currentFlowId) {
                next = f;
            }
        }
        Flow chosen;
        if (current != null && nowS < quantumEndS) {
            chosen = current;
        } else {
            chosen = next != null ? next : first;
            quantumEndS = nowS + quantumS;
        }
        for (Flow f : flows) {
            f.setBandwidthHz(f == chosen ? bandwidthHz : 0.0);
        }
        if (chosen == null) {
            currentFlowId = -1;
            return Double.POSITIVE_INFINITY;
        }
        currentFlowId = chosen.id();
        return eligible > 1 ? quantumEndS - nowS : Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return "round-robin";
    }
}
