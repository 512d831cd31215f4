package aigcsim.scenarios.file;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A scenario file (YAML) as data. Every field may be left out: the loader fills it with its default, and the
 * resolved file of a run has every default written in. Quantities are SI numbers with the unit in the field name
 * ({@code bandwidthHz}, {@code durationS}, {@code lowDb}); the one exception is {@code run.warmupS}, which also takes
 * the word {@code auto}. Papers are cited by their short names (SemAIGC, ROUTE, GSC), listed in the scenario
 * reference.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "extends", "run", "area", "layout", "cells", "users", "channel", "arrivals", "prompts",
    "framework", "split", "edge", "bandwidth", "payload", "quality", "compute", "timeline", "sweep"})
public record ScenarioFile(
        @Field(doc = "Name of the scenario, used for the results folder. Default: the file name without .yaml.")
        String name,
        @JsonProperty("extends")
        @Field(doc = "Another scenario file this one starts from, relative to this file. This file's fields override "
                + "it: maps merge field by field, lists are replaced whole.")
        String extendsFile,
        Run run,
        Area area,
        Layout layout,
        @Field(doc = "The base stations with their edge servers, one entry each. Default: one cell in the middle of "
                + "the area. Give either cells or layout.")
        List<Cell> cells,
        Users users,
        Channel channel,
        Arrivals arrivals,
        Prompts prompts,
        @Field(doc = "The AIGC framework every request goes through (SemAIGC, Sec. V): semaigc (split chosen by "
                + "split.policy), non-root (a = T/2), non-fine-tuning (a = T, no device fine-tuning), edge-aigc "
                + "(everything at the edge, the image sent digitally), local-aigc (everything on the device), gsc "
                + "(GSC: the edge runs T-4 steps, the latent crosses as payload.jsccChannelUses JSCC channel uses, "
                + "the device refines it with the last 4 steps and decodes).",
                allowed = {"semaigc", "non-root", "non-fine-tuning", "edge-aigc", "local-aigc", "gsc"})
        String framework,
        Split split,
        Edge edge,
        Bandwidth bandwidth,
        Payload payload,
        Quality quality,
        Knowledge knowledge,
        Compute compute,
        @Field(doc = "Changes scripted at simulated times, applied as events of the simulation.")
        List<TimelineEntry> timeline,
        Sweep sweep) {

    /** Run control. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(
            @Field(doc = "Scenario seed; replication r uses seed + r. Every random stream derives from it.")
            Long seed,
            @Field(doc = "Independent replications; the summary gives 95 % confidence intervals over them.", min = 1)
            Integer replications,
            @Field(doc = "Arrival window, s: requests arrive in [0, durationS]; the run goes on until each has "
                    + "ended.", min = 0, minExclusive = true)
            Double durationS,
            @Field(doc = "Warm-up, s: requests arriving before it are left out of the summary. A number in "
                    + "[0, durationS), or auto: chosen per replication by the MSER-5 truncation rule.")
            String warmupS,
            @Field(doc = "Compute times are the cost model's (none), or that times an Exp(1) factor per request "
                    + "(exponential, for queueing validation).", allowed = {"none", "exponential"})
            String computeVariation,
            @Field(doc = "How often each cell's queue, batch occupancy, edge utilization and band use are sampled "
                    + "into timeseries.csv, s (0: not at all).", min = 0)
            Double sampleIntervalS) {
    }

    /** The simulated area. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Area(
            @Field(doc = "Width of the area, m (users are placed and move in it). Default: 500 m, or the "
                    + "layout's extent.", min = 0, minExclusive = true)
            Double widthM,
            @Field(doc = "Height of the area, m.", min = 0, minExclusive = true)
            Double heightM) {
    }

    /** A generated layout of identical cells. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layout(
            @Field(doc = "hexagonal (default): rings around a centre cell (1, 7, 19, ... cells fill whole rings); "
                    + "grid: rows and columns.", allowed = {"hexagonal", "grid"})
            String kind,
            @Field(doc = "Number of cells (default 1).", min = 1)
            Integer count,
            @Field(doc = "Distance between neighbouring base stations, m (default 500).", min = 0,
                    minExclusive = true)
            Double interSiteDistanceM,
            @Field(doc = "Downlink band of each cell, Hz (default as cells[i].bandwidthHz).", min = 0,
                    minExclusive = true)
            Double bandwidthHz,
            @Field(doc = "Edge server of each cell: a bundled profile (rtx-a6000, gtx-1080ti, a100-sd15, h100-sd15) "
                    + "or a profile JSON file relative to the scenario file.")
            String edgeProfile,
            @Field(doc = "Available computing resources of each edge, a fraction in (0, 1].", min = 0,
                    minExclusive = true, max = 1)
            Double pacr) {
    }

    /** One base station with its edge server. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            @Field(doc = "Position, m.")
            Double xM,
            @Field(doc = "Position, m.")
            Double yM,
            @Field(doc = "Downlink band shared by the cell's users, Hz (SemAIGC, Sec. V-A: at most 20 MHz).",
                    min = 0, minExclusive = true)
            Double bandwidthHz,
            @Field(doc = "Edge server: a bundled profile (rtx-a6000, gtx-1080ti, a100-sd15, h100-sd15) or a profile "
                    + "JSON file relative to the scenario file (SemAIGC: RTX A6000).")
            String edgeProfile,
            @Field(doc = "Percentage of available computing resources of the edge, a fraction in (0, 1] "
                    + "(SemAIGC, Fig. 8). Give pacr or pacrSchedule.", min = 0, minExclusive = true, max = 1)
            Double pacr,
            @Field(doc = "PACR over time: a list of [fromS, pacr] pairs, the first from 0 s, times increasing.")
            List<List<Double>> pacrSchedule) {
    }

    /** The users and their devices. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Users(
            @Field(doc = "Number of users in all. Give count or perCell.", min = 1)
            Integer count,
            @Field(doc = "Users per cell: count = perCell x cells, placed around their cells.", min = 1)
            Integer perCell,
            @Field(doc = "uniform: anywhere in the area; around-cells: user u starts in a disc of radiusM around "
                    + "cell u mod N. Default: around-cells when perCell is given, else uniform.",
                    allowed = {"uniform", "around-cells"})
            String placement,
            @Field(doc = "Radius of the disc users start in around their cell, m (around-cells). Default: half the "
                    + "inter-site distance, or half the smaller side of the area.", min = 0, minExclusive = true)
            Double radiusM,
            Mobility mobility,
            @Field(doc = "User device: a bundled profile or a profile JSON file relative to the scenario file "
                    + "(SemAIGC: GTX 1080 Ti).")
            String deviceProfile,
            @Field(doc = "Lower end of the range each user's delay requirement [L_low, L_high] is drawn from, s "
                    + "(SemAIGC, Sec. V-A: [5, 25] s; eq. 24).", min = 0)
            Double requirementLowS,
            @Field(doc = "Upper end of that range, s.", min = 0, minExclusive = true)
            Double requirementHighS,
            @Field(doc = "A request not served within this time has failed, s (SemAIGC, Sec. V-A: 60 s).", min = 0,
                    minExclusive = true)
            Double deadlineS) {
    }

    /** How users move. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mobility(
            @Field(doc = "static, or random-waypoint: walk to a uniform point of the area at a uniform speed, "
                    + "pause, repeat.", allowed = {"static", "random-waypoint"})
            String kind,
            @Field(doc = "Slowest walking speed, m/s (random-waypoint).", min = 0, minExclusive = true)
            Double minSpeedMps,
            @Field(doc = "Fastest walking speed, m/s (random-waypoint).", min = 0, minExclusive = true)
            Double maxSpeedMps,
            @Field(doc = "Pause at each waypoint, s (random-waypoint).", min = 0)
            Double pauseS) {
    }

    /** The downlink channel. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Channel(Snr snr, Fading fading,
            @Field(doc = "HARQ retransmissions of a digital transport block before it is an outage (5G NR: 4).",
                    min = 0)
            Integer maxRetransmissions) {
    }

    /** The mean SNR of a link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Snr(
            @Field(doc = "uniform: drawn per request in [lowDb, highDb] (SemAIGC, Sec. V-A: [-6, 15] dB); "
                    + "path-loss: link budget with log-normal shadowing, each request served by its best cell.",
                    allowed = {"uniform", "path-loss"})
            String kind,
            @Field(doc = "Lowest mean SNR, dB (uniform).")
            Double lowDb,
            @Field(doc = "Highest mean SNR, dB (uniform).")
            Double highDb,
            @Field(doc = "Transmit power, dBm (path-loss; 3GPP TR 36.814 macro: 46 dBm).")
            Double txPowerDbm,
            @Field(doc = "Path loss at 1 km, dB (path-loss; 128.1 dB).")
            Double interceptDb,
            @Field(doc = "Path-loss slope per decade of distance, dB (path-loss; 37.6 dB).", min = 0,
                    minExclusive = true)
            Double slopeDb,
            @Field(doc = "Distances below this count as this, m (path-loss; 35 m).", min = 0, minExclusive = true)
            Double minDistanceM,
            @Field(doc = "Standard deviation of log-normal shadowing per user and cell, dB (path-loss; 8 dB).",
                    min = 0)
            Double shadowingSigmaDb,
            @Field(doc = "Receiver noise figure, dB (path-loss; 9 dB).")
            Double noiseFigureDb) {
    }

    /** Small-scale fading. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fading(
            @Field(doc = "none (AWGN), rayleigh (block fading, |h|^2 ~ Exp(1) drawn anew every coherence time) or "
                    + "ofdm (block fading of every sub-carrier, correlated across them by the delay spread; the rate "
                    + "is the mean over the sub-carriers at their own SNRs).", allowed = {"none", "rayleigh", "ofdm"})
            String kind,
            @Field(doc = "Coherence time, s (rayleigh, ofdm).", min = 0, minExclusive = true)
            Double coherenceS,
            @Field(doc = "Sub-carriers of a link (ofdm; 64).", min = 1, max = 128)
            Integer subcarriers,
            @Field(doc = "Sub-carrier spacing, Hz (ofdm; 30 kHz, NR numerology 1).", min = 0,
                    minExclusive = true)
            Double spacingHz,
            @Field(doc = "RMS delay spread of the exponential power-delay profile, s (ofdm; 100 ns, 3GPP TR 38.901 "
                    + "nominal; 30 ns short, 300 ns long, 1000 ns very long).", min = 0)
            Double delaySpreadS) {
    }

    /** How requests arrive. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Arrivals(
            @Field(doc = "poisson (per user), on-off (two-state Markov-modulated Poisson per user) or trace "
                    + "(replayed CSV timeS,user,prompt).", allowed = {"poisson", "on-off", "trace"})
            String kind,
            @Field(doc = "Requests per second per user (poisson; default one a minute).", min = 0,
                    minExclusive = true)
            Double ratePerS,
            @Field(doc = "Rate in the ON state, per s (on-off).", min = 0, minExclusive = true)
            Double onRatePerS,
            @Field(doc = "Rate in the OFF state, per s (on-off; 0 for a pure on/off source).", min = 0)
            Double offRatePerS,
            @Field(doc = "Mean ON sojourn, s (on-off).", min = 0, minExclusive = true)
            Double meanOnS,
            @Field(doc = "Mean OFF sojourn, s (on-off).", min = 0, minExclusive = true)
            Double meanOffS,
            @Field(doc = "The trace CSV, relative to the scenario file (trace).")
            String trace) {
    }

    /** What users ask for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prompts(
            @Field(doc = "fashion-mnist (the ten items the bundled models generate) or a text file of one prompt "
                    + "a line, relative to the scenario file.")
            String catalogue,
            @Field(doc = "Zipf popularity exponent: prompt k is asked with probability proportional to 1/k^s "
                    + "(0: uniform).", min = 0)
            Double zipfExponent) {
    }

    /** The workload split. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Split(
            @Field(doc = "How a, the denoising steps run at the edge, is chosen (ROUTE; SemAIGC): greedy (least "
                    + "expected latency by the cost model, the edge costed at the batch the request would join), "
                    + "quality-greedy (the highest expected satisfaction of a recognizable image: the quality "
                    + "table's semantic accuracy times eq. 24), edge-only (a = T), local-only (a = 0), fixed:<a>, "
                    + "root (SemAIGC's learned D3QN policy, from split.checkpoint).")
            String policy,
            @Field(doc = "Total denoising steps T (ROUTE, SemAIGC: 20).", min = 1)
            Integer totalSteps,
            @Field(doc = "The ROOT checkpoint folder (written by policy train) that policy root uses, here and in "
                    + "the timeline. Default: bundled (scenarios/policies/root).")
            String checkpoint) {
    }

    /** How each cell's edge server takes requests. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(
            @Field(doc = "serial: one FIFO per cell, one request at a time through edge compute and its "
                    + "transmission (GSC); async: one queue per user, continuous batching across users, compute "
                    + "overlapping transmission (MU-GSC).", allowed = {"serial", "async"})
            String mode,
            @Field(doc = "Requests that step together on the edge GPU (async).", min = 1)
            Integer maxBatch,
            @Field(doc = "How long an idle async edge waits, once a request arrives, for others to join its first "
                    + "batch, s (a worker pool's batch wait; 0: it starts at once).", min = 0)
            Double batchWaitS,
            @Field(doc = "Which user's head request the async edge admits next.",
                    allowed = {"round-robin", "earliest-deadline-first"})
            String order) {
    }

    /** How a cell's band is shared. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bandwidth(
            @Field(doc = "equal-share, proportional-fair, max-rate, round-robin or round-robin:<quantum s>.")
            String scheduler) {
    }

    /** What a request sends over the air. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(
            @Field(doc = "Bits of the partly denoised latent (eq. 19's O; SD 1.5: 4x64x64 float32 = 524288).",
                    min = 0)
            Double latentBits,
            @Field(doc = "Bits of the image Edge AIGC sends (512x512 RGB JPEG at about 10:1 = 629146).", min = 0)
            Double imageBits,
            @Field(doc = "Complex channel uses of the JSCC latent GSC sends, one symbol per Hz per second whatever "
                    + "the SNR (the bundled codec's ratio, one per two real latent values, on SD 1.5's 4x64x64 "
                    + "latent = 8192).", min = 0)
            Double jsccChannelUses) {
    }

    /** The quality check a delivered image must pass, else it is generated again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quality(
            @Field(doc = "none; semantic: the classifier must recognize the prompted item (analytic runs draw it "
                    + "from the quality table's probability); psnr: the PSNR against the no-channel reference must "
                    + "reach psnrThresholdDb (analytic runs compare the table's expected PSNR).",
                    allowed = {"none", "semantic", "psnr"})
            String check,
            @Field(doc = "The PSNR an image must reach, dB (psnr).")
            Double psnrThresholdDb,
            @Field(doc = "Regenerations at most; each runs the request's whole way again with a new seed, and after "
                    + "the last the image is delivered as it is (the papers' public code: 3).", min = 0)
            Integer maxRegenerations) {
    }

    /**
     * The codec knowledge of the cells' JSCC codecs (DeKA-g's knowledge alignment, docs/link-level.md): the package
     * every cell starts with and the backhaul the timeline's knowledge updates travel over. Absent: the bundled
     * codecs, aligned, and no knowledge updates.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Knowledge(
            @Field(doc = "The knowledge package every cell's JSCC codec starts with, a package of the bundled "
                    + "knowledge table: no-ka (pretrained under other conditions, never aligned), lora, cala, full-ft, "
                    + "lora/cala rounded (e.g. cala-4bit) or CALA of rank 1 or 2 (e.g. cala-r1). GSC requests take "
                    + "that package's quality (analytic fidelity only).")
            String start,
            @Field(doc = "The rate of each cell's backhaul from the cloud, bit/s: a knowledge update of B bytes "
                    + "arrives 8B / rate after it is sent, after any still on its way.", min = 0, minExclusive = true)
            Double backhaulBps) {
    }

    /** The real computation of each request on the worker pool. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compute(
            @Field(doc = "analytic: no computation (latency only); cached: each distinct request computed once; "
                    + "full: every request; sampled: a fraction of requests.",
                    allowed = {"analytic", "cached", "full", "sampled"})
            String fidelity,
            @Field(doc = "Fraction of requests computed (sampled).", min = 0, minExclusive = true, max = 1)
            Double sampledFraction,
            @Field(doc = "Worker verticles, each with its own model instance. Default: one per core.", min = 1)
            Integer workers,
            @Field(doc = "Requests one worker steps together.", min = 1)
            Integer maxBatch,
            @Field(doc = "Results the cache keeps (cached).", min = 1)
            Integer cacheSize,
            @Field(doc = "Folder of model weights (as written by models train). Default: the bundled weights.")
            String weights,
            @Field(doc = "Computed requests whose delivered and reference images are kept for the report's gallery "
                    + "(images/ and images.csv): the first this many of replication 0, the same requests in every "
                    + "arm of a comparison.", min = 0)
            Integer imagesKept) {
    }

    /** One scripted change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"atS", "everyS", "event"})
    public record TimelineEntry(
            @Field(doc = "When, s of simulated time, within the run.", min = 0)
            Double atS,
            @Field(doc = "Repeat every this many s while within the run (0 or absent: once).", min = 0)
            Double everyS,
            @Field(doc = "What happens.", allowed = {"set-pacr", "set-bandwidth", "scale-arrivals", "users-join",
                "users-leave", "edge-down", "edge-up", "set-split-policy", "set-edge-mode", "knowledge-update",
                "snapshot"})
            String event,
            @Field(doc = "The cell (set-pacr, set-bandwidth, edge-down, edge-up, knowledge-update); absent: every "
                    + "cell.", min = 0)
            Integer cell,
            @Field(doc = "New PACR in (0, 1] (set-pacr).", min = 0, minExclusive = true, max = 1)
            Double pacr,
            @Field(doc = "New downlink band, Hz (set-bandwidth).", min = 0, minExclusive = true)
            Double bandwidthHz,
            @Field(doc = "[first, last] user index (scale-arrivals); absent: every user.")
            List<Integer> users,
            @Field(doc = "Arrival-rate multiplier from now on (scale-arrivals; replaces an earlier one).", min = 0)
            Double factor,
            @Field(doc = "How many users (users-join, users-leave).", min = 1)
            Integer count,
            @Field(doc = "New split policy (set-split-policy).")
            String policy,
            @Field(doc = "New edge mode (set-edge-mode).", allowed = {"serial", "async"})
            String mode,
            @Field(doc = "The knowledge package the cloud sends to the cell (knowledge-update): a package of the "
                    + "knowledge table, e.g. cala; the cell's codec holds it once it has crossed the backhaul.")
            String knowledge) {
    }

    /** A parameter study over this scenario. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sweep(
            @Field(doc = "Field path -> values; every combination is a point (the first path varies slowest).")
            Map<String, List<Object>> grid,
            @Field(doc = "Field path -> values, all lists of one length, varied together and crossed with grid.")
            Map<String, List<Object>> zip,
            @Field(doc = "A boolean expression over the swept paths; points where it is false are left out "
                    + "(e.g. users.perCell * 2 <= 20 && edge.mode == 'async').")
            String constraint,
            @Field(doc = "Runs of every point, each with its own seeds.", min = 1)
            Integer repeat) {
    }
}
