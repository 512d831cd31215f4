package aigcsim.core.framework;

import java.util.Arrays;
import java.util.List;

/**
 * The seeds' comparison set (seed 001, Sec. V): each framework is a pipeline of edge compute, transmission and
 * device compute.
 * <ul>
 * <li>{@code SEM_AIGC}: the edge extracts the semantics and runs a of T̂ steps (a chosen by the split policy), sends
 * the latent, the device runs T̂ − a steps (which also remove channel noise) and decodes.</li>
 * <li>{@code NON_ROOT_SEM_AIGC}: the same with a fixed a = T̂/2 (10/10 of seed 001).</li>
 * <li>{@code NON_FINE_TUNING}: a = T̂ at the edge, the latent is sent, the device only decodes.</li>
 * <li>{@code EDGE_AIGC}: everything at the edge, the decoded image sent digitally.</li>
 * <li>{@code LOCAL_AIGC}: everything on the device, nothing sent.</li>
 * <li>{@code GSC} (<i>Semantic Successive Refinement: A Generative AI-aided Semantic Communication Framework</i>):
 * the edge extracts the semantics and generates the content, its JSCC encoder maps the latent to
 * {@code jsccChannelUses} complex channel uses ({@link Transmission#JSCC_LATENT}), and the device's JSCC decoder
 * recovers the latent, which the device's diffusion model refines (the paper's semantic fine-tuning module, T = 4
 * steps) before it decodes the image. In the models that refinement is the device's step-matched denoising of the
 * last {@link aigcsim.core.sim.Defaults#GSC_REFINEMENT_STEPS} of the T̂ steps, so the edge runs the first
 * T̂ − 4 (a fixed split, no policy) and the device T̂ − a = 4 steps plus decoding; the worker pool computes it as
 * the models' JSCC transmission with fine-tuning, over the scenario's channel type (AWGN or Rayleigh). The JSCC
 * encoder and decoder are small next to a denoising step and are not costed.</li>
 * </ul>
 */
public enum Framework {
    SEM_AIGC("semaigc", Transmission.ANALOG_LATENT, true, false, false, true),
    NON_ROOT_SEM_AIGC("non-root", Transmission.ANALOG_LATENT, true, false, false, true),
    NON_FINE_TUNING("non-fine-tuning", Transmission.ANALOG_LATENT, true, false, false, true),
    EDGE_AIGC("edge-aigc", Transmission.DIGITAL_IMAGE, true, true, false, false),
    LOCAL_AIGC("local-aigc", Transmission.NONE, false, false, true, true),
    GSC("gsc", Transmission.JSCC_LATENT, true, false, false, true);

    private final String id;
    private final Transmission transmission;
    private final boolean edgeExtracts;
    private final boolean edgeDecodes;
    private final boolean deviceExtracts;
    private final boolean deviceDecodes;

    Framework(String id, Transmission transmission, boolean edgeExtracts, boolean edgeDecodes,
            boolean deviceExtracts, boolean deviceDecodes) {
        this.id = id;
        this.transmission = transmission;
        this.edgeExtracts = edgeExtracts;
        this.edgeDecodes = edgeDecodes;
        this.deviceExtracts = deviceExtracts;
        this.deviceDecodes = deviceDecodes;
    }

    public String id() {
        return id;
    }

    public Transmission transmission() {
        return transmission;
    }

    /** Whether the request uses the edge server at all. */
    public boolean usesEdge() {
        return edgeExtracts;
    }

    public boolean edgeExtracts() {
        return edgeExtracts;
    }

    public boolean edgeDecodes() {
        return edgeDecodes;
    }

    public boolean deviceExtracts() {
        return deviceExtracts;
    }

    public boolean deviceDecodes() {
        return deviceDecodes;
    }

    /** Whether the split a comes from the scenario's split policy (only SemAIGC). */
    public boolean usesSplitPolicy() {
        return this == SEM_AIGC;
    }

    /**
     * The edge's denoising steps a for this framework, given the policy's choice (used only by SemAIGC); GSC leaves
     * the last {@link aigcsim.core.sim.Defaults#GSC_REFINEMENT_STEPS} to the device's refinement.
     */
    public int edgeSteps(int policyChoice, int totalSteps) {
        return switch (this) {
            case SEM_AIGC -> policyChoice;
            case NON_ROOT_SEM_AIGC -> totalSteps / 2;
            case NON_FINE_TUNING, EDGE_AIGC -> totalSteps;
            case LOCAL_AIGC -> 0;
            case GSC -> Math.max(0, totalSteps - aigcsim.core.sim.Defaults.GSC_REFINEMENT_STEPS);
        };
    }

    public static Framework of(String id) {
        for (Framework f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown framework '" + id + "'; allowed: " + ids());
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Framework::id).toList();
    }
}
