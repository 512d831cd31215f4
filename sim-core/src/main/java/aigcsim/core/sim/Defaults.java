package aigcsim.core.sim;

/**
 * Every default of a scenario, in one place, with where it comes from.
 */
public final class Defaults {
    private Defaults() {
    }

    /** Seeds 000/001: total denoising steps T̂. */
    public static final int TOTAL_STEPS = 20;
    /** Seed 001, Sec. V-A: downlink bandwidth of a transmitter, at most 20 MHz. */
    public static final double BANDWIDTH_HZ = 20e6;
    /** Seed 001, Sec. V-A: SNR range [−6, 15] dB. */
    public static final double SNR_LOW_DB = -6;
    public static final double SNR_HIGH_DB = 15;
    /** Seed 001, Sec. V-A: delay requirements within [5, 25] s. */
    public static final double REQUIREMENT_LOW_S = 5;
    public static final double REQUIREMENT_HIGH_S = 25;
    /** Seed 001, Sec. V-A: a request over 60 s has failed. */
    public static final double DEADLINE_S = 60;
    /** Seed 001: edge RTX A6000 and device GTX 1080 Ti (bundled profiles). */
    public static final String EDGE_PROFILE = "rtx-a6000";
    public static final String DEVICE_PROFILE = "gtx-1080ti";
    /**
     * Seeds 000/001 public code: the latent is 4×64×64 = 16384 values, sent as 32-bit floats: O = 524 288 bits in
     * eq. 19.
     */
    public static final double LATENT_BITS = 4 * 64 * 64 * 32.0;
    /**
     * Edge AIGC: the 512×512 RGB image as JPEG at about 10:1 (quality ≈ 75), 512·512·24/10 ≈ 629 146 bits.
     */
    public static final double IMAGE_BITS = 512 * 512 * 24 / 10.0;
    /**
     * GSC (<i>Semantic Successive Refinement: A Generative AI-aided Semantic Communication Framework</i>): complex
     * channel uses k of the JSCC codec per image. The bundled codec sends the 4×8×8 latent (256 real values) as 128
     * complex symbols, a bandwidth ratio of one complex channel use per two real latent values; the same ratio on the
     * SD-1.5 latent of seeds 000/001 (4×64×64 = 16384 values) gives k = 8192.
     */
    public static final double JSCC_CHANNEL_USES = 4 * 64 * 64 / 2.0;
    /**
     * GSC, Sec. IV: the receiver's diffusion refinement runs T = 4 steps; with the models' step matching that is the
     * last 4 of the T̂ steps on the device, the first T̂ − 4 at the edge.
     */
    public static final int GSC_REFINEMENT_STEPS = 4;
    /** 5G NR HARQ: at most 4 retransmissions of a digital transport block before it is given up as an outage. */
    public static final int MAX_RETRANSMISSIONS = 4;
    /** Continuous batching: at most this many requests step together on the edge GPU. */
    public static final int MAX_BATCH = 8;
    /** Request rate per user: one per minute, as the benchmark of the sim-core issue. */
    public static final double REQUESTS_PER_USER_PER_S = 1.0 / 60;
    /** Area of the default single cell: a 500 m square around the base station. */
    public static final double AREA_M = 500;
    /**
     * Coherence time of Rayleigh block fading when a scenario sets none: 10 ms, about a pedestrian's (3 km/h) at a
     * 3.5 GHz carrier (Tc ≈ 0.423 / f_D with f_D ≈ 9.7 Hz gives 44 ms; 10 ms is the NR radio frame, a conservative
     * choice that lets fading change within a transmission).
     */
    public static final double RAYLEIGH_COHERENCE_S = 0.01;
    /** OFDM sub-carriers of a link (fading ofdm). */
    public static final int OFDM_SUBCARRIERS = 64;
    /** OFDM sub-carrier spacing, Hz: NR numerology 1. */
    public static final double OFDM_SPACING_HZ = 30e3;
    /** RMS delay spread, s: the nominal one of 3GPP TR 38.901 (Table 7.7.3-1). */
    public static final double OFDM_DELAY_SPREAD_S = 100e-9;
    /** Run control of a scenario that sets none: seed 1, one replication of one simulated hour, no warm-up. */
    public static final long SEED = 1;
    public static final int REPLICATIONS = 1;
    public static final double DURATION_S = 3600;
    public static final double WARMUP_S = 0;
    /** Sampling interval of the cells' time series (queue, batch occupancy, utilization, band use), s. */
    public static final double SAMPLE_INTERVAL_S = 10;
    /**
     * Computed requests whose delivered and reference images a run keeps for its gallery: the first this many of
     * replication 0 (the same requests in every arm of a comparison, on common random numbers).
     */
    public static final int IMAGES_KEPT = 24;
    /**
     * Regenerations of an image that fails its quality check, at most: 3, as in the public code of the workload-
     * adjustable transceiver papers.
     */
    public static final int MAX_REGENERATIONS = 3;
    /** Users of a scenario that sets none. */
    public static final int USERS = 10;
    /** The split policy of SemAIGC without a learned policy: the cost model's best a (seed 001, eq. 19 + eq. 20). */
    public static final String SPLIT_POLICY = "greedy";
    /** Each active flow gets an equal part of the cell band (seed 001 splits the band evenly among receivers). */
    public static final String BANDWIDTH_SCHEDULER = "equal-share";
    /**
     * The rate of a cell's backhaul from the cloud, which knowledge updates travel over: 100 Mbit/s (the papers give
     * none; a modest fibre or microwave backhaul share).
     */
    public static final double BACKHAUL_BPS = 100e6;
}
