package aigcsim.scenarios.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.policy.SplitState;
import aigcsim.core.sim.Defaults;

/**
 * What ROOT's network sees of a request's {@link SplitState}, as a vector of features scaled to about [0, 1] by fixed
 * references (so one checkpoint serves any scenario the references cover).
 * <ul>
 * <li>{@code PAPER}: seed 001's state x (Sec. IV-B), seven features: the processing density W̄ of edge and device
 * (cycles per denoising step, over the bundled edge profile's), the link's mean SNR (dB / 10), the processing
 * capability ν̄ of the edge after PACR and of the device (Hz, over the bundled edge's clock), the expected
 * bandwidth B̄ of the link (the band shared by the flows on the air and this one, over 20 MHz) and the delay
 * requirement L̄ (the middle of [Ľ, L̂], over 25 s).</li>
 * <li>{@code EXTENDED}: the same and what a loaded cell adds: the half-width of [Ľ, L̂] (over 25 s; eq. 24 needs both
 * ends), the edge's queue and the requests in its compute, each over the largest batch, and the user's device
 * backlog (s, over 10 s).</li>
 * </ul>
 */
public enum RootState {
    PAPER(List.of("edgeCyclesPerStep/ref", "deviceCyclesPerStep/ref", "snrDb/10", "edgeCapabilityHz*pacr/ref",
            "deviceCapabilityHz/ref", "expectedBandwidthHz/20e6", "requirementMidS/25")),
    EXTENDED(concat(PAPER.features, List.of("requirementHalfWidthS/25", "edgeQueued/maxBatch",
            "edgeInCompute/maxBatch", "deviceBacklogS/10")));

    /** The references the features are scaled by: the bundled edge profile's density and clock. */
    private static final DeviceProfile EDGE_REFERENCE = DeviceProfile.bundled(Defaults.EDGE_PROFILE);
    private static final double REQUIREMENT_REF_S = Defaults.REQUIREMENT_HIGH_S;
    private static final double BACKLOG_REF_S = 10;

    private final List<String> features;

    RootState(List<String> features) {
        this.features = features;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The features, in order, each named with its scaling (for the checkpoint's manifest). */
    public List<String> features() {
        return features;
    }

    public int size() {
        return features.size();
    }

    /** The name a checkpoint's manifest and {@code --state} use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RootState of(String id) {
        for (RootState s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown ROOT state '" + id + "'; allowed: "
                + Arrays.stream(values()).map(RootState::id).toList());
    }

    /** The feature vector of {@code s}. */
    public float[] encode(SplitState s) {
        float[] x = new float[size()];
        double w = EDGE_REFERENCE.cyclesPerStep();
        double nu = EDGE_REFERENCE.clockHz();
        x[0] = (float) (s.edgeCyclesPerStep() / w);
        x[1] = (float) (s.deviceCyclesPerStep() / w);
        x[2] = (float) (s.snrDb() / 10);
        x[3] = (float) (s.edgeCapabilityHz() / nu);
        x[4] = (float) (s.deviceCapabilityHz() / nu);
        x[5] = (float) (s.expectedBandwidthHz() / Defaults.BANDWIDTH_HZ);
        x[6] = (float) ((s.requirement().lowS() + s.requirement().highS()) / 2 / REQUIREMENT_REF_S);
        if (this == EXTENDED) {
            x[7] = (float) ((s.requirement().highS() - s.requirement().lowS()) / 2 / REQUIREMENT_REF_S);
            x[8] = (float) s.edgeQueued() / s.maxBatch();
            x[9] = (float) s.edgeInCompute() / s.maxBatch();
            x[10] = (float) (s.deviceBacklogS() / BACKLOG_REF_S);
        }
        return x;
    }
}
