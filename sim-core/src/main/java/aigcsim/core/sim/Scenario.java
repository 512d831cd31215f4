package aigcsim.core.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import aigcsim.core.arrival.ArrivalProcess;
import aigcsim.core.arrival.PoissonArrivals;
import aigcsim.core.arrival.PromptCatalogue;
import aigcsim.core.arrival.TraceArrivals;
import aigcsim.core.bandwidth.BandwidthScheduler;
import aigcsim.core.channel.Fading;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.model.Mobility;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.model.UserPlacement;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;

/**
 * A complete, validated scenario: cells, users, channel, arrivals, framework, split policy, scheduling and run
 * control, and the timeline of scripted changes. Build one with {@link #builder()}; every field starts at its
 * {@link Defaults} value. {@code warmupAuto}: the warm-up is chosen per replication by MSER-5 instead of
 * {@code warmupS}. {@code sampleIntervalS}: the cells' time series is sampled this often (0: not at all).
 * {@code imagesKept}: the images of the first this many computed requests of replication 0 are kept.
 * {@code jsccChannelUses}: the complex channel uses a JSCC transmission (GSC) occupies. {@code batchWaitS}: how
 * long an idle async edge waits, once a request arrives, for others to join its first batch (a worker pool's
 * batch wait; 0: it starts at once). {@code splitPolicies}: makes
 * the policy a name stands for ({@code splitPolicy} and the timeline's): sim-core's own, or a source that also knows
 * the learned ROOT policy; it is how the scenario is run, not data ({@link #describe} leaves it out).
 */
public record Scenario(String name, long seed, int replications, double durationS, double warmupS,
        List<CellSpec> cells, int users, double areaWidthM, double areaHeightM, Mobility mobility,
        DeviceProfile deviceProfile, double requirementLowS, double requirementHighS, double deadlineS,
        ArrivalProcess arrivals, PromptCatalogue prompts, MeanSnr meanSnr, Fading fading, int maxRetransmissions,
        Framework framework, String splitPolicy, int totalSteps, EdgeMode edgeMode, int maxBatch, double batchWaitS,
        AsyncOrder asyncOrder, String bandwidthScheduler, double latentBits, double imageBits,
        double jsccChannelUses, ComputeVariation computeVariation, boolean warmupAuto, UserPlacement placement,
        List<TimelineEvent> timeline, double sampleIntervalS, int imagesKept, QualityCheck qualityCheck,
        Knowledge knowledge, SplitPolicy.Source splitPolicies) {

    /**
     * The codec knowledge of the cells' JSCC codecs (DeKA-g's knowledge alignment): every cell starts holding
     * package {@code start} of the knowledge table, and knowledge updates of the timeline reach a cell's edge over
     * its own backhaul from the cloud, of {@code backhaulBps} bit/s. Null (the default): the codecs are the bundled
     * ones, aligned, and the timeline has no knowledge updates.
     */
    public record Knowledge(String start, double backhaulBps) {
    }

    /** A base station with its edge server. */
    public record CellSpec(Position position, double bandwidthHz, DeviceProfile edgeProfile, PacrSchedule pacr) {
    }

    /**
     * {@code SERIAL}: one FIFO per cell, one request at a time through edge compute and its transmission.
     * {@code ASYNC}: one queue per user, continuous batching across users, compute overlapping transmission.
     */
    public enum EdgeMode { SERIAL, ASYNC }

    /** Which user's head request the async edge admits next. */
    public enum AsyncOrder { ROUND_ROBIN, EARLIEST_DEADLINE_FIRST }

    /**
     * Compute times are the cost model's ({@code NONE}), or that times an Exp(1) factor drawn per request
     * ({@code EXPONENTIAL}, for queueing validation).
     */
    public enum ComputeVariation { NONE, EXPONENTIAL }

    public Scenario {
        cells = List.copyOf(cells);
        timeline = List.copyOf(timeline);
        String where = "scenario '" + name + "'";
        check(replications >= 1, where, "replications", "must be >= 1, got " + replications);
        check(durationS > 0 && Double.isFinite(durationS), where, "durationS", "must be > 0, got " + durationS);
        check(warmupS >= 0 && warmupS < durationS, where, "warmupS", "must be in [0, durationS), got " + warmupS);
        check(!cells.isEmpty(), where, "cells", "needs at least one cell");
        for (int i = 0; i < cells.size(); i++) {
            CellSpec c = cells.get(i);
            check(c.bandwidthHz() > 0 && Double.isFinite(c.bandwidthHz()), where, "cells[" + i + "].bandwidthHz",
                    "must be > 0 Hz, got " + c.bandwidthHz());
        }
        check(users >= 1, where, "users", "must be >= 1, got " + users);
        check(areaWidthM > 0 && areaHeightM > 0, where, "area", "must be > 0 m on each side");
        check(requirementLowS >= 0 && requirementHighS > requirementLowS, where, "requirement",
                "needs 0 <= low < high, got [" + requirementLowS + ", " + requirementHighS + "] s");
        check(deadlineS > 0, where, "deadlineS", "must be > 0, got " + deadlineS);
        check(maxRetransmissions >= 0, where, "maxRetransmissions", "must be >= 0");
        check(totalSteps >= 1, where, "totalSteps", "must be >= 1, got " + totalSteps);
        check(maxBatch >= 1, where, "maxBatch", "must be >= 1, got " + maxBatch);
        check(batchWaitS >= 0 && Double.isFinite(batchWaitS), where, "batchWaitS", "must be >= 0, got "
                + batchWaitS);
        check(imagesKept >= 0, where, "imagesKept", "must be >= 0, got " + imagesKept);
        check(sampleIntervalS >= 0 && Double.isFinite(sampleIntervalS), where, "sampleIntervalS",
                "must be >= 0 s (0: no time series), got " + sampleIntervalS);
        check(latentBits >= 0 && imageBits >= 0, where, "latentBits/imageBits", "must be >= 0");
        check(jsccChannelUses >= 0 && Double.isFinite(jsccChannelUses), where, "jsccChannelUses", "must be >= 0");
        try {
            splitPolicies.policy(splitPolicy);
        } catch (IllegalArgumentException e) {
            check(false, where, "splitPolicy", e.getMessage());
        }
        try {
            BandwidthScheduler.of(bandwidthScheduler);
        } catch (IllegalArgumentException e) {
            check(false, where, "bandwidthScheduler", e.getMessage());
        }
        for (int i = 0; i < timeline.size(); i++) {
            checkTimeline(timeline.get(i), "timeline[" + i + "]", where, durationS, cells.size(), splitPolicies,
                    knowledge);
        }
        if (knowledge != null) {
            checkPackage(knowledge.start(), where, "knowledge.start");
            check(knowledge.backhaulBps() > 0 && Double.isFinite(knowledge.backhaulBps()), where,
                    "knowledge.backhaulBps", "must be > 0 bit/s, got " + knowledge.backhaulBps());
        }
        if (arrivals instanceof TraceArrivals t) {
            check(t.maxUser() < users, where, "arrivals", "trace names user " + t.maxUser() + " but the scenario has "
                    + users + " users (0.." + (users - 1) + ")");
        }
    }

    /** The scenario as plain data, for reports. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("seed", seed);
        m.put("replications", replications);
        m.put("durationS", durationS);
        m.put("warmupS", warmupS);
        m.put("cells", cells.stream().map(c -> {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("xM", c.position().xM());
            cell.put("yM", c.position().yM());
            cell.put("bandwidthHz", c.bandwidthHz());
            cell.put("edgeProfile", c.edgeProfile().name());
            cell.put("pacr", c.pacr().toString());
            return cell;
        }).toList());
        m.put("users", users);
        m.put("areaM", List.of(areaWidthM, areaHeightM));
        m.put("mobility", mobility.toString());
        m.put("deviceProfile", deviceProfile.name());
        m.put("requirementS", List.of(requirementLowS, requirementHighS));
        m.put("deadlineS", deadlineS);
        m.put("arrivals", arrivals.describe());
        m.put("prompts", prompts.prompts().size() + " prompts, zipf " + prompts.zipfExponent());
        m.put("meanSnr", meanSnr.toString());
        m.put("fading", fading.toString());
        m.put("maxRetransmissions", maxRetransmissions);
        m.put("framework", framework.id());
        m.put("splitPolicy", splitPolicy);
        m.put("totalSteps", totalSteps);
        m.put("edgeMode", edgeMode.name().toLowerCase(java.util.Locale.ROOT));
        m.put("maxBatch", maxBatch);
        m.put("batchWaitS", batchWaitS);
        m.put("asyncOrder", asyncOrder.name().toLowerCase(java.util.Locale.ROOT));
        m.put("bandwidthScheduler", bandwidthScheduler);
        m.put("latentBits", latentBits);
        m.put("imageBits", imageBits);
        m.put("jsccChannelUses", jsccChannelUses);
        m.put("computeVariation", computeVariation.name().toLowerCase(java.util.Locale.ROOT));
        m.put("warmupAuto", warmupAuto);
        m.put("placement", placement.toString());
        m.put("timeline", timeline.stream().map(TimelineEvent::toString).toList());
        m.put("sampleIntervalS", sampleIntervalS);
        m.put("imagesKept", imagesKept);
        m.put("qualityCheck", qualityCheck.toString());
        if (knowledge != null) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("start", knowledge.start());
            k.put("backhaulBps", knowledge.backhaulBps());
            m.put("knowledge", k);
        }
        return m;
    }

    private static void checkTimeline(TimelineEvent e, String field, String where, double durationS, int cells,
            SplitPolicy.Source policies, Knowledge knowledge) {
        check(e.atS() <= durationS, where, field + ".atS", "must be within the run (<= durationS " + durationS
                + " s), got " + e.atS());
        TimelineAction a = e.action();
        int cell = a instanceof TimelineAction.SetPacr x ? x.cell()
                : a instanceof TimelineAction.SetBandwidth x ? x.cell()
                : a instanceof TimelineAction.EdgeDown x ? x.cell()
                : a instanceof TimelineAction.EdgeUp x ? x.cell()
                : a instanceof TimelineAction.KnowledgeUpdate x ? x.cell()
                : TimelineAction.ALL;
        check(cell == TimelineAction.ALL || cell >= 0 && cell < cells, where, field + ".cell",
                "must name a cell 0.." + (cells - 1) + " (or -1: all), got " + cell);
        if (a instanceof TimelineAction.SetPacr x) {
            check(x.pacr() > 0 && x.pacr() <= 1, where, field + ".pacr", "must be in (0, 1], got " + x.pacr());
        } else if (a instanceof TimelineAction.SetBandwidth x) {
            check(x.bandwidthHz() > 0 && Double.isFinite(x.bandwidthHz()), where, field + ".bandwidthHz",
                    "must be > 0 Hz, got " + x.bandwidthHz());
        } else if (a instanceof TimelineAction.ScaleArrivals x) {
            check(x.factor() >= 0 && Double.isFinite(x.factor()), where, field + ".factor",
                    "must be >= 0, got " + x.factor());
            check(x.fromUser() >= 0 && x.toUser() >= x.fromUser(), where, field + ".users",
                    "needs 0 <= from <= to, got " + x.fromUser() + ".." + x.toUser());
        } else if (a instanceof TimelineAction.UsersJoin x) {
            check(x.count() >= 1, where, field + ".count", "must be >= 1, got " + x.count());
        } else if (a instanceof TimelineAction.UsersLeave x) {
            check(x.count() >= 1, where, field + ".count", "must be >= 1, got " + x.count());
        } else if (a instanceof TimelineAction.KnowledgeUpdate x) {
            check(knowledge != null, where, field, "a knowledge update needs the scenario's knowledge (the package "
                    + "the cells start with and the backhaul)");
            checkPackage(x.knowledge(), where, field + ".knowledge");
        } else if (a instanceof TimelineAction.SetSplitPolicy x) {
            try {
                policies.policy(x.policy());
            } catch (IllegalArgumentException ex) {
                check(false, where, field + ".policy", ex.getMessage());
            }
        }
    }

    private static void checkPackage(String name, String where, String field) {
        check(KnowledgeTable.bundled().has(name), where, field, "must be a package of the knowledge table "
                + KnowledgeTable.bundled().packages() + ", got " + name);
    }

    private static void check(boolean ok, String where, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException(where + ", field '" + field + "': " + message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.seed = seed;
        b.replications = replications;
        b.durationS = durationS;
        b.warmupS = warmupS;
        b.cells = new ArrayList<>(cells);
        b.users = users;
        b.areaWidthM = areaWidthM;
        b.areaHeightM = areaHeightM;
        b.mobility = mobility;
        b.deviceProfile = deviceProfile;
        b.requirementLowS = requirementLowS;
        b.requirementHighS = requirementHighS;
        b.deadlineS = deadlineS;
        b.arrivals = arrivals;
        b.prompts = prompts;
        b.meanSnr = meanSnr;
        b.fading = fading;
        b.maxRetransmissions = maxRetransmissions;
        b.framework = framework;
        b.splitPolicy = splitPolicy;
        b.totalSteps = totalSteps;
        b.edgeMode = edgeMode;
        b.maxBatch = maxBatch;
        b.batchWaitS = batchWaitS;
        b.asyncOrder = asyncOrder;
        b.bandwidthScheduler = bandwidthScheduler;
        b.latentBits = latentBits;
        b.imageBits = imageBits;
        b.jsccChannelUses = jsccChannelUses;
        b.computeVariation = computeVariation;
        b.warmupAuto = warmupAuto;
        b.placement = placement;
        b.timeline = new ArrayList<>(timeline);
        b.sampleIntervalS = sampleIntervalS;
        b.imagesKept = imagesKept;
        b.qualityCheck = qualityCheck;
        b.knowledge = knowledge;
        b.splitPolicies = splitPolicies;
        return b;
    }

    /** The Java API for defining a scenario; unset fields keep the papers' defaults. */
    public static final class Builder {
        private String name = "scenario";
        private long seed = Defaults.SEED;
        private int replications = Defaults.REPLICATIONS;
        private double durationS = Defaults.DURATION_S;
        private double warmupS = Defaults.WARMUP_S;
        private List<CellSpec> cells = new ArrayList<>();
        private int users = Defaults.USERS;
        private double areaWidthM = Defaults.AREA_M;
        private double areaHeightM = Defaults.AREA_M;
        private Mobility mobility = new Mobility.Static();
        private DeviceProfile deviceProfile;
        private double requirementLowS = Defaults.REQUIREMENT_LOW_S;
        private double requirementHighS = Defaults.REQUIREMENT_HIGH_S;
        private double deadlineS = Defaults.DEADLINE_S;
        private ArrivalProcess arrivals = new PoissonArrivals(Defaults.REQUESTS_PER_USER_PER_S);
        private PromptCatalogue prompts;
        private MeanSnr meanSnr = new MeanSnr.Uniform(Defaults.SNR_LOW_DB, Defaults.SNR_HIGH_DB);
        private Fading fading = Fading.NONE;
        private int maxRetransmissions = Defaults.MAX_RETRANSMISSIONS;
        private Framework framework = Framework.SEM_AIGC;
        private String splitPolicy = Defaults.SPLIT_POLICY;
        private int totalSteps = Defaults.TOTAL_STEPS;
        private EdgeMode edgeMode = EdgeMode.ASYNC;
        private int maxBatch = Defaults.MAX_BATCH;
        private double batchWaitS;
        private AsyncOrder asyncOrder = AsyncOrder.ROUND_ROBIN;
        private String bandwidthScheduler = Defaults.BANDWIDTH_SCHEDULER;
        private double latentBits = Defaults.LATENT_BITS;
        private double imageBits = Defaults.IMAGE_BITS;
        private double jsccChannelUses = Defaults.JSCC_CHANNEL_USES;
        private ComputeVariation computeVariation = ComputeVariation.NONE;
        private boolean warmupAuto;
        private UserPlacement placement = new UserPlacement.Uniform();
        private List<TimelineEvent> timeline = new ArrayList<>();
        private double sampleIntervalS = Defaults.SAMPLE_INTERVAL_S;
        private int imagesKept = Defaults.IMAGES_KEPT;
        private QualityCheck qualityCheck = QualityCheck.NONE;
        private Knowledge knowledge;
        private SplitPolicy.Source splitPolicies = SplitPolicy.Source.BUILT_IN;

        public Builder name(String v) { name = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder replications(int v) { replications = v; return this; }
        public Builder durationS(double v) { durationS = v; return this; }
        public Builder warmupS(double v) { warmupS = v; return this; }
        /** Adds a cell; with none added, one default cell stands in the middle of the area. */
        public Builder cell(CellSpec v) { cells.add(v); return this; }
        public Builder users(int v) { users = v; return this; }
        public Builder area(double widthM, double heightM) { areaWidthM = widthM; areaHeightM = heightM; return this; }
        public Builder mobility(Mobility v) { mobility = v; return this; }
        public Builder deviceProfile(DeviceProfile v) { deviceProfile = v; return this; }
        public Builder requirement(double lowS, double highS) {
            requirementLowS = lowS;
            requirementHighS = highS;
            return this;
        }
        public Builder deadlineS(double v) { deadlineS = v; return this; }
        public Builder arrivals(ArrivalProcess v) { arrivals = v; return this; }
        public Builder prompts(PromptCatalogue v) { prompts = v; return this; }
        public Builder meanSnr(MeanSnr v) { meanSnr = v; return this; }
        public Builder fading(Fading v) { fading = v; return this; }
        public Builder maxRetransmissions(int v) { maxRetransmissions = v; return this; }
        public Builder framework(Framework v) { framework = v; return this; }
        public Builder splitPolicy(String v) { splitPolicy = v; return this; }
        public Builder totalSteps(int v) { totalSteps = v; return this; }
        public Builder edgeMode(EdgeMode v) { edgeMode = v; return this; }
        public Builder maxBatch(int v) { maxBatch = v; return this; }
        public Builder batchWaitS(double v) { batchWaitS = v; return this; }
        public Builder asyncOrder(AsyncOrder v) { asyncOrder = v; return this; }
        public Builder bandwidthScheduler(String v) { bandwidthScheduler = v; return this; }
        public Builder latentBits(double v) { latentBits = v; return this; }
        public Builder imageBits(double v) { imageBits = v; return this; }
        public Builder jsccChannelUses(double v) { jsccChannelUses = v; return this; }
        public Builder computeVariation(ComputeVariation v) { computeVariation = v; return this; }
        /** Chooses the warm-up per replication by MSER-5 ({@code warmupS} is then not used). */
        public Builder warmupAuto(boolean v) { warmupAuto = v; return this; }
        public Builder placement(UserPlacement v) { placement = v; return this; }
        /** Adds a scripted change. */
        public Builder event(TimelineEvent v) { timeline.add(v); return this; }
        /** Replaces the timeline. */
        public Builder timeline(List<TimelineEvent> v) { timeline = new ArrayList<>(v); return this; }
        /** Samples the cells' time series this often, s (0: not at all). */
        public Builder sampleIntervalS(double v) { sampleIntervalS = v; return this; }
        /** Keeps the images of the first this many computed requests of replication 0. */
        public Builder imagesKept(int v) { imagesKept = v; return this; }
        /** The quality check a delivered image must pass, else it is regenerated. */
        public Builder qualityCheck(QualityCheck v) { qualityCheck = v; return this; }
        /** The cells' codec knowledge and its backhaul (null: the bundled codecs, no knowledge updates). */
        public Builder knowledge(Knowledge v) { knowledge = v; return this; }
        /** Makes the split policies the scenario names (default: sim-core's own, without ROOT). */
        public Builder splitPolicies(SplitPolicy.Source v) { splitPolicies = v; return this; }

        public Scenario build() {
            List<CellSpec> c = cells.isEmpty()
                    ? List.of(new CellSpec(new Position(areaWidthM / 2, areaHeightM / 2), Defaults.BANDWIDTH_HZ,
                            DeviceProfile.bundled(Defaults.EDGE_PROFILE), PacrSchedule.FULL))
                    : cells;
            return new Scenario(name, seed, replications, durationS, warmupS, c, users, areaWidthM, areaHeightM,
                    mobility, deviceProfile != null ? deviceProfile : DeviceProfile.bundled(Defaults.DEVICE_PROFILE),
                    requirementLowS, requirementHighS, deadlineS, arrivals,
                    prompts != null ? prompts : PromptCatalogue.fashionMnist(), meanSnr, fading, maxRetransmissions,
                    framework, splitPolicy, totalSteps, edgeMode, maxBatch, batchWaitS, asyncOrder,
                    bandwidthScheduler,
                    latentBits, imageBits, jsccChannelUses, computeVariation, warmupAuto, placement, timeline,
                    sampleIntervalS, imagesKept, qualityCheck, knowledge, splitPolicies);
        }
    }
}
