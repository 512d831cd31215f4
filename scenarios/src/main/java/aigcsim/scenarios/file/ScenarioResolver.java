package aigcsim.scenarios.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import aigcsim.core.arrival.ArrivalProcess;
import aigcsim.core.arrival.OnOffArrivals;
import aigcsim.core.arrival.PoissonArrivals;
import aigcsim.core.arrival.PromptCatalogue;
import aigcsim.core.arrival.TraceArrivals;
import aigcsim.core.bandwidth.BandwidthScheduler;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.channel.Ofdm;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.framework.Framework;
import aigcsim.core.model.Mobility;
import aigcsim.core.model.PacrSchedule;
import aigcsim.core.model.Position;
import aigcsim.core.model.UserPlacement;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.scenarios.policy.PolicySource;
import aigcsim.scenarios.policy.RootCheckpoint;
import aigcsim.core.quality.KnowledgeTable;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.sim.Defaults;
import aigcsim.core.sim.Scenario;
import aigcsim.core.timeline.TimelineAction;
import aigcsim.core.timeline.TimelineEvent;
import aigcsim.scenarios.file.ScenarioFile.Area;
import aigcsim.scenarios.file.ScenarioFile.Arrivals;
import aigcsim.scenarios.file.ScenarioFile.Bandwidth;
import aigcsim.scenarios.file.ScenarioFile.Cell;
import aigcsim.scenarios.file.ScenarioFile.Channel;
import aigcsim.scenarios.file.ScenarioFile.Compute;
import aigcsim.scenarios.file.ScenarioFile.Edge;
import aigcsim.scenarios.file.ScenarioFile.Fading;
import aigcsim.scenarios.file.ScenarioFile.Knowledge;
import aigcsim.scenarios.file.ScenarioFile.Layout;
import aigcsim.scenarios.file.ScenarioFile.Payload;
import aigcsim.scenarios.file.ScenarioFile.Prompts;
import aigcsim.scenarios.file.ScenarioFile.Quality;
import aigcsim.scenarios.file.ScenarioFile.Run;
import aigcsim.scenarios.file.ScenarioFile.Snr;
import aigcsim.scenarios.file.ScenarioFile.Split;
import aigcsim.scenarios.file.ScenarioFile.TimelineEntry;
import aigcsim.scenarios.file.ScenarioFile.Users;
import aigcsim.worker.PoolConfig;

/**
 * Turns a loaded scenario file into a runnable one: fills every default (from sim-core's {@code Defaults} and the
 * worker pool's {@code PoolConfig}), generates layouts, resolves relative paths against the file, checks what the
 * field constraints cannot (kinds and the fields each allows, names of policies, schedulers and profiles, files that
 * must exist, timeline events within the run), and builds the simulator's {@link Scenario}. Every problem is
 * collected and reported with its place in the file.
 */
public final class ScenarioResolver {
    /** The catalogue word for the bundled Fashion-MNIST prompts; the weights word for the bundled models. */
    public static final String BUNDLED_PROMPTS = "fashion-mnist";
    /** The word for a bundled file or folder (weights, ROOT checkpoint). */
    public static final String BUNDLED = "bundled";
    public static final String AUTO = "auto";

    private final ScenarioLoader.Loaded source;
    private final List<ScenarioException.Problem> problems = new ArrayList<>();

    private ScenarioResolver(ScenarioLoader.Loaded source) {
        this.source = source;
    }

    /** Resolves a loaded file; throws a {@link ScenarioException} listing every problem. */
    public static ResolvedScenario resolve(ScenarioLoader.Loaded source) {
        return new ScenarioResolver(source).resolve();
    }

    private void problem(String path, String message) {
        problems.add(new ScenarioException.Problem(source.tree().locate(path), path, message));
    }

    private <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Reports each given field that the chosen kind does not use. */
    private void onlyFor(String path, String kind, Map<String, Object> notUsed) {
        notUsed.forEach((field, value) -> {
            if (value != null) {
                problem(YamlTree.child(path, field), "does not apply to " + kind);
            }
        });
    }

    private ResolvedScenario resolve() {
        ScenarioFile f = source.scenario();
        FieldSchema.checkConstraints(f, "", source.tree(), problems);
        throwIfAny();

        String name = or(f.name(), stem(source.file()));
        Run run = resolveRun(or(f.run(), new Run(null, null, null, null, null, null)));
        Layout layout = f.layout();
        List<Cell> cells;
        Area area;
        if (layout != null && f.cells() != null) {
            problem("layout", "give either cells or layout, not both");
            throwIfAny();
        }
        if (layout != null) {
            LayoutResult lr = layout(layout, f.area());
            cells = lr.cells;
            area = lr.area;
        } else {
            area = new Area(or(f.area() == null ? null : f.area().widthM(), Defaults.AREA_M),
                    or(f.area() == null ? null : f.area().heightM(), Defaults.AREA_M));
            List<Cell> given = or(f.cells(), List.of(new Cell(null, null, null, null, null, null)));
            cells = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                cells.add(resolveCell(given.get(i), "cells[" + i + "]", area));
            }
        }
        Users users = resolveUsers(or(f.users(), new Users(null, null, null, null, null, null, null, null, null)),
                cells, area, layout);
        Channel channel = resolveChannel(or(f.channel(), new Channel(null, null, null)));
        Arrivals arrivals = resolveArrivals(or(f.arrivals(), new Arrivals(null, null, null, null, null, null, null)));
        Prompts prompts = resolvePrompts(or(f.prompts(), new Prompts(null, null)));
        String framework = or(f.framework(), Framework.SEM_AIGC.id());
        Split split = resolveSplit(or(f.split(), new Split(null, null, null)));
        Edge edge = or(f.edge(), new Edge(null, null, null, null));
        edge = new Edge(or(edge.mode(), Scenario.EdgeMode.ASYNC.name().toLowerCase(Locale.ROOT)),
                or(edge.maxBatch(), Defaults.MAX_BATCH), or(edge.batchWaitS(), 0.0), or(edge.order(), "round-robin"));
        Bandwidth bandwidth = new Bandwidth(or(f.bandwidth() == null ? null : f.bandwidth().scheduler(),
                Defaults.BANDWIDTH_SCHEDULER));
        check("bandwidth.scheduler", () -> BandwidthScheduler.of(bandwidth.scheduler()));
        Payload payload = new Payload(or(f.payload() == null ? null : f.payload().latentBits(), Defaults.LATENT_BITS),
                or(f.payload() == null ? null : f.payload().imageBits(), Defaults.IMAGE_BITS),
                or(f.payload() == null ? null : f.payload().jsccChannelUses(), Defaults.JSCC_CHANNEL_USES));
        Quality quality = resolveQuality(or(f.quality(), new Quality(null, null, null)));
        Compute compute = resolveCompute(or(f.compute(), new Compute(null, null, null, null, null, null, null)),
                !quality.check().equals("none"));
        Knowledge knowledge = resolveKnowledge(f.knowledge(), compute);
        List<TimelineEntry> timeline = or(f.timeline(), List.of());
        checkRoot(split, timeline);
        List<TimelineEvent> events = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEvent e = timelineEvent(timeline.get(i), "timeline[" + i + "]", run.durationS(), cells.size(),
                    knowledge != null);
            if (e != null) {
                events.add(e);
            }
        }
        throwIfAny();

        ScenarioFile resolved = new ScenarioFile(name, null, run, area, null, cells, users, channel, arrivals, prompts,
                framework, split, edge, bandwidth, payload, quality, knowledge, compute,
                timeline.isEmpty() ? null : timeline,
                null);
        Scenario scenario = null;
        try {
            scenario = build(resolved, events);
        } catch (IllegalArgumentException e) {
            problem("", e.getMessage());
        }
        throwIfAny();
        return new ResolvedScenario(source, resolved, scenario, computeSettings(compute));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private void check(String path, Supplier<?> parse) {
        try {
            parse.get();
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage());
        }
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.replaceFirst("\\.(ya?ml)$", "");
    }

    private Run resolveRun(Run r) {
        double duration = or(r.durationS(), Defaults.DURATION_S);
        String warmup = or(r.warmupS(), FieldSchema.format(Defaults.WARMUP_S));
        if (!warmup.equals(AUTO)) {
            try {
                double w = Double.parseDouble(warmup);
                if (!(w >= 0 && w < duration)) {
                    problem("run.warmupS", "must be in [0, durationS = " + FieldSchema.format(duration)
                            + ") s or auto, got " + warmup);
                }
            } catch (NumberFormatException e) {
                problem("run.warmupS", "must be a number of seconds or auto, got '" + warmup + "'");
            }
        }
        return new Run(or(r.seed(), Defaults.SEED), or(r.replications(), Defaults.REPLICATIONS), duration, warmup,
                or(r.computeVariation(), "none"), or(r.sampleIntervalS(), Defaults.SAMPLE_INTERVAL_S));
    }

    private record LayoutResult(List<Cell> cells, Area area) {
    }

    private LayoutResult layout(Layout l, Area givenArea) {
        String kind = or(l.kind(), "hexagonal");
        int count = or(l.count(), 1);
        double isd = or(l.interSiteDistanceM(), Defaults.AREA_M);
        List<double[]> xy = new ArrayList<>();
        if (kind.equals("grid")) {
            int cols = (int) Math.ceil(Math.sqrt(count));
            for (int i = 0; i < count; i++) {
                xy.add(new double[] {(i % cols) * isd, (i / cols) * isd});
            }
        } else {
            // axial hexagonal rings: ring k has 6k cells, walked from the corner at direction 4
            int[][] dirs = {{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}};
            xy.add(new double[] {0, 0});
            for (int k = 1; xy.size() < count; k++) {
                int q = -k;
                int r = k;
                for (int side = 0; side < 6 && xy.size() < count; side++) {
                    for (int step = 0; step < k && xy.size() < count; step++) {
                        xy.add(new double[] {isd * (q + r / 2.0), isd * Math.sqrt(3) / 2 * r});
                        q += dirs[side][0];
                        r += dirs[side][1];
                    }
                }
            }
        }
        double minX = xy.stream().mapToDouble(p -> p[0]).min().orElse(0);
        double maxX = xy.stream().mapToDouble(p -> p[0]).max().orElse(0);
        double minY = xy.stream().mapToDouble(p -> p[1]).min().orElse(0);
        double maxY = xy.stream().mapToDouble(p -> p[1]).max().orElse(0);
        double width = or(givenArea == null ? null : givenArea.widthM(), maxX - minX + isd);
        double height = or(givenArea == null ? null : givenArea.heightM(), maxY - minY + isd);
        double shiftX = width / 2 - (minX + maxX) / 2;
        double shiftY = height / 2 - (minY + maxY) / 2;
        Cell template = resolveCell(new Cell(0.0, 0.0, l.bandwidthHz(), l.edgeProfile(), l.pacr(), null), "layout",
                null);
        List<Cell> cells = new ArrayList<>();
        for (double[] p : xy) {
            cells.add(new Cell(p[0] + shiftX, p[1] + shiftY, template.bandwidthHz(), template.edgeProfile(),
                    template.pacr(), template.pacrSchedule()));
        }
        return new LayoutResult(cells, new Area(width, height));
    }

    private Cell resolveCell(Cell c, String path, Area area) {
        if (c.pacr() != null && c.pacrSchedule() != null) {
            problem(path + ".pacr", "give pacr or pacrSchedule, not both");
        }
        List<List<Double>> schedule = c.pacrSchedule();
        if (schedule != null) {
            check(path + ".pacrSchedule", () -> pacrSchedule(schedule));
        }
        return new Cell(or(c.xM(), area == null ? 0.0 : area.widthM() / 2),
                or(c.yM(), area == null ? 0.0 : area.heightM() / 2), or(c.bandwidthHz(), Defaults.BANDWIDTH_HZ),
                profile(or(c.edgeProfile(), Defaults.EDGE_PROFILE), path + ".edgeProfile"),
                schedule == null ? or(c.pacr(), 1.0) : null, schedule);
    }

    private static PacrSchedule pacrSchedule(List<List<Double>> pairs) {
        double[] from = new double[pairs.size()];
        double[] pacr = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            List<Double> p = pairs.get(i);
            if (p == null || p.size() != 2 || p.contains(null)) {
                throw new IllegalArgumentException("entry " + i + " must be [fromS, pacr], got " + p);
            }
            from[i] = p.get(0);
            pacr[i] = p.get(1);
        }
        return new PacrSchedule(from, pacr);
    }

    /** A bundled profile name as is, a profile file as an absolute path (checked to load). */
    private String profile(String nameOrPath, String path) {
        if (DeviceProfile.BUNDLED.contains(nameOrPath)) {
            return nameOrPath;
        }
        Path file = source.dir().resolve(nameOrPath).normalize();
        try {
            DeviceProfile.load(file);
        } catch (IllegalArgumentException e) {
            problem(path, e.getMessage() + "; bundled profiles: " + DeviceProfile.BUNDLED);
        }
        return file.toString();
    }

    private Users resolveUsers(Users u, List<Cell> cells, Area area, Layout layout) {
        Integer perCell = u.perCell();
        int count = or(u.count(), perCell != null ? perCell * cells.size() : Defaults.USERS);
        if (perCell != null && count != perCell * cells.size()) {
            problem("users.count", "is " + count + " but perCell " + perCell + " x " + cells.size()
                    + " cells = " + perCell * cells.size() + "; give one of them");
        }
        String placement = or(u.placement(), perCell != null ? "around-cells" : "uniform");
        Double radius = null;
        if (placement.equals("around-cells")) {
            radius = or(u.radiusM(), defaultRadius(cells, area, layout));
        } else if (u.radiusM() != null) {
            problem("users.radiusM", "does not apply to placement uniform");
        }
        ScenarioFile.Mobility m = or(u.mobility(), new ScenarioFile.Mobility(null, null, null, null));
        String kind = or(m.kind(), "static");
        if (kind.equals("static")) {
            onlyFor("users.mobility", "mobility static", fields("minSpeedMps", m.minSpeedMps(), "maxSpeedMps",
                    m.maxSpeedMps(), "pauseS", m.pauseS()));
            m = new ScenarioFile.Mobility(kind, null, null, null);
        } else {
            for (var f : fields("minSpeedMps", m.minSpeedMps(), "maxSpeedMps", m.maxSpeedMps()).entrySet()) {
                if (f.getValue() == null) {
                    problem("users.mobility." + f.getKey(), "is needed by random-waypoint");
                }
            }
            m = new ScenarioFile.Mobility(kind, m.minSpeedMps(), m.maxSpeedMps(), or(m.pauseS(), 0.0));
            if (m.minSpeedMps() != null && m.maxSpeedMps() != null && m.maxSpeedMps() < m.minSpeedMps()) {
                problem("users.mobility.maxSpeedMps", "must be >= minSpeedMps " + m.minSpeedMps());
            }
        }
        double low = or(u.requirementLowS(), Defaults.REQUIREMENT_LOW_S);
        double high = or(u.requirementHighS(), Defaults.REQUIREMENT_HIGH_S);
        if (!(high > low)) {
            problem("users.requirementHighS", "must be > requirementLowS " + FieldSchema.format(low) + " s");
        }
        return new Users(count, perCell, placement, radius, m,
                profile(or(u.deviceProfile(), Defaults.DEVICE_PROFILE), "users.deviceProfile"), low, high,
                or(u.deadlineS(), Defaults.DEADLINE_S));
    }

    private static double defaultRadius(List<Cell> cells, Area area, Layout layout) {
        if (layout != null) {
            return or2(layout.interSiteDistanceM(), Defaults.AREA_M) / 2;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cells.size(); i++) {
            for (int j = i + 1; j < cells.size(); j++) {
                nearest = Math.min(nearest, Math.hypot(cells.get(i).xM() - cells.get(j).xM(),
                        cells.get(i).yM() - cells.get(j).yM()));
            }
        }
        double half = Math.min(area.widthM(), area.heightM()) / 2;
        return nearest > 0 && Double.isFinite(nearest) ? Math.min(nearest / 2, half) : half;
    }

    private static double or2(Double v, double fallback) {
        return v != null ? v : fallback;
    }

    private static Map<String, Object> fields(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    private Channel resolveChannel(Channel c) {
        Snr s = or(c.snr(), new Snr(null, null, null, null, null, null, null, null, null));
        String kind = or(s.kind(), "uniform");
        if (kind.equals("uniform")) {
            onlyFor("channel.snr", "snr kind uniform", fields("txPowerDbm", s.txPowerDbm(), "interceptDb",
                    s.interceptDb(), "slopeDb", s.slopeDb(), "minDistanceM", s.minDistanceM(), "shadowingSigmaDb",
                    s.shadowingSigmaDb(), "noiseFigureDb", s.noiseFigureDb()));
            s = new Snr(kind, or(s.lowDb(), Defaults.SNR_LOW_DB), or(s.highDb(), Defaults.SNR_HIGH_DB), null, null,
                    null, null, null, null);
            if (s.highDb() < s.lowDb()) {
                problem("channel.snr.highDb", "must be >= lowDb " + FieldSchema.format(s.lowDb()) + " dB");
            }
        } else {
            onlyFor("channel.snr", "snr kind path-loss", fields("lowDb", s.lowDb(), "highDb", s.highDb()));
            MeanSnr.PathLoss d = MeanSnr.PathLoss.macro();
            s = new Snr(kind, null, null, or(s.txPowerDbm(), d.txPowerDbm()), or(s.interceptDb(), d.interceptDb()),
                    or(s.slopeDb(), d.slopeDb()), or(s.minDistanceM(), d.minDistanceM()),
                    or(s.shadowingSigmaDb(), d.shadowingSigmaDb()), or(s.noiseFigureDb(), d.noiseFigureDb()));
        }
        Fading f = or(c.fading(), new Fading(null, null, null, null, null));
        String fk = or(f.kind(), "none");
        Map<String, Object> band = fields("subcarriers", f.subcarriers(), "spacingHz", f.spacingHz(), "delaySpreadS",
                f.delaySpreadS());
        if (fk.equals("none")) {
            band.put("coherenceS", f.coherenceS());
            onlyFor("channel.fading", "fading none", band);
            f = new Fading(fk, null, null, null, null);
        } else if (fk.equals("rayleigh")) {
            onlyFor("channel.fading", "fading rayleigh", band);
            f = new Fading(fk, or(f.coherenceS(), Defaults.RAYLEIGH_COHERENCE_S), null, null, null);
        } else {
            f = new Fading(fk, or(f.coherenceS(), Defaults.RAYLEIGH_COHERENCE_S),
                    or(f.subcarriers(), Defaults.OFDM_SUBCARRIERS), or(f.spacingHz(), Defaults.OFDM_SPACING_HZ),
                    or(f.delaySpreadS(), Defaults.OFDM_DELAY_SPREAD_S));
        }
        return new Channel(s, f, or(c.maxRetransmissions(), Defaults.MAX_RETRANSMISSIONS));
    }

    private Arrivals resolveArrivals(Arrivals a) {
        String kind = or(a.kind(), "poisson");
        Map<String, Object> onOff = fields("onRatePerS", a.onRatePerS(), "offRatePerS", a.offRatePerS(), "meanOnS",
                a.meanOnS(), "meanOffS", a.meanOffS());
        switch (kind) {
            case "poisson" -> {
                onlyFor("arrivals", "arrivals poisson", onOff);
                onlyFor("arrivals", "arrivals poisson", fields("trace", a.trace()));
                return new Arrivals(kind, or(a.ratePerS(), Defaults.REQUESTS_PER_USER_PER_S), null, null, null, null,
                        null);
            }
            case "on-off" -> {
                onlyFor("arrivals", "arrivals on-off", fields("ratePerS", a.ratePerS(), "trace", a.trace()));
                onOff.forEach((k, v) -> {
                    if (v == null && !k.equals("offRatePerS")) {
                        problem("arrivals." + k, "is needed by on-off arrivals");
                    }
                });
                return new Arrivals(kind, null, a.onRatePerS(), or(a.offRatePerS(), 0.0), a.meanOnS(), a.meanOffS(),
                        null);
            }
            default -> {
                onlyFor("arrivals", "arrivals trace", onOff);
                onlyFor("arrivals", "arrivals trace", fields("ratePerS", a.ratePerS()));
                if (a.trace() == null) {
                    problem("arrivals.trace", "is needed by trace arrivals: a CSV of timeS,user,prompt lines");
                    return a;
                }
                Path file = source.dir().resolve(a.trace()).normalize();
                check("arrivals.trace", () -> TraceArrivals.load(file));
                return new Arrivals(kind, null, null, null, null, null, file.toString());
            }
        }
    }

    private Prompts resolvePrompts(Prompts p) {
        String catalogue = or(p.catalogue(), BUNDLED_PROMPTS);
        if (!catalogue.equals(BUNDLED_PROMPTS)) {
            Path file = source.dir().resolve(catalogue).normalize();
            check("prompts.catalogue", () -> promptFile(file));
            catalogue = file.toString();
        }
        return new Prompts(catalogue, or(p.zipfExponent(), 0.0));
    }

    private static List<String> promptFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("prompt file " + file + " has no prompts");
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read prompt file " + file + " (" + e.getClass().getSimpleName()
                    + "); give fashion-mnist or a text file of one prompt a line");
        }
    }

    private Split resolveSplit(Split s) {
        String policy = or(s.policy(), Defaults.SPLIT_POLICY);
        if (!policy.equals(SplitPolicy.ROOT)) {
            check("split.policy", () -> SplitPolicy.of(policy));
        }
        String checkpoint = s.checkpoint() == null || s.checkpoint().equals(BUNDLED) ? BUNDLED
                : source.dir().resolve(s.checkpoint()).normalize().toString();
        return new Split(policy, or(s.totalSteps(), Defaults.TOTAL_STEPS), checkpoint);
    }

    /** The checkpoint folder a resolved split names. */
    public static Path checkpoint(Split s) {
        return s.checkpoint().equals(BUNDLED) ? RootCheckpoint.BUNDLED_DIR : Path.of(s.checkpoint());
    }

    /** Whether a resolved scenario uses policy root, from the start or by its timeline. */
    public static boolean usesRoot(ScenarioFile f) {
        return usesRoot(f.split(), f.timeline() == null ? List.of() : f.timeline());
    }

    private static boolean usesRoot(Split split, List<TimelineEntry> timeline) {
        return split.policy().equals(SplitPolicy.ROOT)
                || timeline.stream().anyMatch(e -> SplitPolicy.ROOT.equals(e.policy()));
    }

    /** ROOT's checkpoint, loaded and checked against T when the scenario or its timeline uses policy root. */
    private void checkRoot(Split split, List<TimelineEntry> timeline) {
        if (usesRoot(split, timeline)) {
            check("split.checkpoint", () -> RootCheckpoint.load(checkpoint(split)).requireSteps(split.totalSteps()));
        }
    }

    private Quality resolveQuality(Quality q) {
        String check = or(q.check(), "none");
        if (check.equals("none")) {
            onlyFor("quality", "check none", fields("psnrThresholdDb", q.psnrThresholdDb(), "maxRegenerations",
                    q.maxRegenerations()));
            return new Quality(check, null, null);
        }
        if (check.equals("psnr") && q.psnrThresholdDb() == null) {
            problem("quality.psnrThresholdDb", "is needed by check psnr");
        }
        if (check.equals("semantic")) {
            onlyFor("quality", "check semantic", fields("psnrThresholdDb", q.psnrThresholdDb()));
        }
        return new Quality(check, check.equals("psnr") ? q.psnrThresholdDb() : null,
                or(q.maxRegenerations(), Defaults.MAX_REGENERATIONS));
    }

    /**
     * The compute block; with a quality check, the pool computes each request alone (maxBatch 1), so a check's
     * outcome never depends on the batch a request ran in (batched arithmetic can tip a borderline image).
     */
    private Compute resolveCompute(Compute c, boolean checked) {
        String fidelity = or(c.fidelity(), ComputeSettings.ANALYTIC);
        PoolConfig pool = PoolConfig.async(PoolConfig.CORES);
        if (fidelity.equals(ComputeSettings.ANALYTIC)) {
            onlyFor("compute", "fidelity analytic (nothing is computed)", fields("sampledFraction",
                    c.sampledFraction(), "workers", c.workers(), "maxBatch", c.maxBatch(), "cacheSize", c.cacheSize(),
                    "weights", c.weights(), "imagesKept", c.imagesKept()));
            return new Compute(fidelity, null, null, null, null, null, null);
        }
        if (!fidelity.equals("sampled")) {
            onlyFor("compute", "fidelity " + fidelity, fields("sampledFraction", c.sampledFraction()));
        }
        if (!fidelity.equals("cached")) {
            onlyFor("compute", "fidelity " + fidelity + " (no cache)", fields("cacheSize", c.cacheSize()));
        }
        String weights = c.weights() == null || c.weights().equals(BUNDLED) ? BUNDLED
                : source.dir().resolve(c.weights()).normalize().toString();
        if (!weights.equals(BUNDLED) && !Files.isDirectory(Path.of(weights))) {
            problem("compute.weights", "no such folder: " + weights + " (give bundled or a folder written by "
                    + "models train)");
        }
        if (checked && c.maxBatch() != null && c.maxBatch() != 1) {
            problem("compute.maxBatch", "must be 1 with a quality check (a check's outcome must not depend on the "
                    + "batch a request ran in), got " + c.maxBatch());
        }
        return new Compute(fidelity, fidelity.equals("sampled") ? or(c.sampledFraction(), 0.1) : null,
                or(c.workers(), pool.workers()), or(c.maxBatch(), checked ? 1 : pool.maxBatch()),
                fidelity.equals("cached") ? or(c.cacheSize(), pool.cacheSize()) : null, weights,
                or(c.imagesKept(), Defaults.IMAGES_KEPT));
    }

    /**
     * The knowledge section with its default backhaul ({@value Defaults#BACKHAUL_BPS} bit/s), or null when absent; the
     * package must be in the knowledge table, and the quality it stands for is the table's (analytic fidelity).
     */
    private Knowledge resolveKnowledge(Knowledge k, Compute compute) {
        if (k == null) {
            return null;
        }
        KnowledgeTable table = KnowledgeTable.bundled();
        if (k.start() == null) {
            problem("knowledge.start", "is needed: the package the cells start with, one of " + table.packages());
        } else if (!table.has(k.start())) {
            problem("knowledge.start", "unknown package '" + k.start() + "'; the knowledge table has "
                    + table.packages());
        }
        if (!compute.fidelity().equals(ComputeSettings.ANALYTIC)) {
            problem("knowledge", "needs compute.fidelity analytic: the knowledge table gives the codecs' quality, the "
                    + "worker pool's codec holds no knowledge-alignment packages (got fidelity " + compute.fidelity()
                    + ")");
        }
        return new Knowledge(k.start(), or(k.backhaulBps(), Defaults.BACKHAUL_BPS));
    }

    private static ComputeSettings computeSettings(Compute c) {
        if (c.fidelity().equals(ComputeSettings.ANALYTIC)) {
            return new ComputeSettings(c.fidelity(), 1, 0, 1, 0, null);
        }
        return new ComputeSettings(c.fidelity(), c.sampledFraction() == null ? 1 : c.sampledFraction(), c.workers(),
                c.maxBatch(), c.cacheSize() == null ? 0 : c.cacheSize(),
                c.weights().equals(BUNDLED) ? null : Path.of(c.weights()));
    }

    private TimelineEvent timelineEvent(TimelineEntry e, String path, double durationS, int cells,
            boolean knowledge) {
        if (e.atS() == null) {
            problem(path + ".atS", "is needed: when the event happens, s");
            return null;
        }
        if (e.event() == null) {
            problem(path + ".event", "is needed; allowed: " + List.of(eventNames()));
            return null;
        }
        if (e.atS() > durationS) {
            problem(path + ".atS", "is after the end of the run (durationS " + FieldSchema.format(durationS)
                    + " s)");
        }
        Map<String, Object> all = fields("cell", e.cell(), "pacr", e.pacr(), "bandwidthHz", e.bandwidthHz(), "users",
                e.users(), "factor", e.factor(), "count", e.count(), "policy", e.policy(), "mode", e.mode(),
                "knowledge", e.knowledge());
        List<String> needed = switch (e.event()) {
            case "set-pacr" -> List.of("pacr");
            case "set-bandwidth" -> List.of("bandwidthHz");
            case "scale-arrivals" -> List.of("factor");
            case "users-join", "users-leave" -> List.of("count");
            case "set-split-policy" -> List.of("policy");
            case "set-edge-mode" -> List.of("mode");
            case "knowledge-update" -> List.of("knowledge");
            default -> List.of();
        };
        List<String> optional = switch (e.event()) {
            case "set-pacr", "set-bandwidth", "edge-down", "edge-up", "knowledge-update" -> List.of("cell");
            case "scale-arrivals" -> List.of("users");
            default -> List.of();
        };
        int before = problems.size();
        all.forEach((field, value) -> {
            if (value == null && needed.contains(field)) {
                problem(path + "." + field, "is needed by event " + e.event());
            } else if (value != null && !needed.contains(field) && !optional.contains(field)) {
                problem(path + "." + field, "does not apply to event " + e.event());
            }
        });
        if (e.users() != null && (e.users().size() != 2 || e.users().contains(null)
                || e.users().get(0) < 0 || e.users().get(1) < e.users().get(0))) {
            problem(path + ".users", "must be [first, last] user indices with 0 <= first <= last, got " + e.users());
        }
        if (e.policy() != null) {
            if (!e.policy().equals(SplitPolicy.ROOT)) {
                check(path + ".policy", () -> SplitPolicy.of(e.policy()));
            }
        }
        if (e.knowledge() != null && !KnowledgeTable.bundled().has(e.knowledge())) {
            problem(path + ".knowledge", "unknown package '" + e.knowledge() + "'; the knowledge table has "
                    + KnowledgeTable.bundled().packages());
        }
        if (e.event().equals("knowledge-update") && !knowledge) {
            problem(path, "a knowledge update needs the scenario's knowledge section (start: the package the cells "
                    + "start with; backhaulBps)");
        }
        if (e.cell() != null && e.cell() >= cells) {
            problem(path + ".cell", "must name a cell 0.." + (cells - 1) + " (absent: every cell), got " + e.cell());
        }
        if (problems.size() > before) {
            return null;
        }
        int cell = e.cell() == null ? TimelineAction.ALL : e.cell();
        TimelineAction action = switch (e.event()) {
            case "set-pacr" -> new TimelineAction.SetPacr(cell, e.pacr());
            case "set-bandwidth" -> new TimelineAction.SetBandwidth(cell, e.bandwidthHz());
            case "scale-arrivals" -> e.users() == null ? new TimelineAction.ScaleArrivals(0, Integer.MAX_VALUE,
                    e.factor()) : new TimelineAction.ScaleArrivals(e.users().get(0), e.users().get(1), e.factor());
            case "users-join" -> new TimelineAction.UsersJoin(e.count());
            case "users-leave" -> new TimelineAction.UsersLeave(e.count());
            case "edge-down" -> new TimelineAction.EdgeDown(cell);
            case "edge-up" -> new TimelineAction.EdgeUp(cell);
            case "set-split-policy" -> new TimelineAction.SetSplitPolicy(e.policy());
            case "set-edge-mode" -> new TimelineAction.SetEdgeMode(edgeMode(e.mode()));
            case "knowledge-update" -> new TimelineAction.KnowledgeUpdate(cell, e.knowledge());
            default -> new TimelineAction.Snapshot();
        };
        return new TimelineEvent(e.atS(), or(e.everyS(), 0.0), action);
    }

    private static String[] eventNames() {
        try {
            return TimelineEntry.class.getRecordComponents()[2].getAnnotation(Field.class).allowed();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scenario.EdgeMode edgeMode(String word) {
        return Scenario.EdgeMode.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** The simulator's scenario of a resolved file. */
    private static Scenario build(ScenarioFile f, List<TimelineEvent> events) {
        Run run = f.run();
        Scenario.Builder b = Scenario.builder().name(f.name()).seed(run.seed()).replications(run.replications())
                .durationS(run.durationS())
                .computeVariation(Scenario.ComputeVariation.valueOf(run.computeVariation().toUpperCase(Locale.ROOT)))
                .area(f.area().widthM(), f.area().heightM()).sampleIntervalS(run.sampleIntervalS());
        if (run.warmupS().equals(AUTO)) {
            b.warmupAuto(true);
        } else {
            b.warmupS(Double.parseDouble(run.warmupS()));
        }
        for (Cell c : f.cells()) {
            b.cell(new Scenario.CellSpec(new Position(c.xM(), c.yM()), c.bandwidthHz(),
                    DeviceProfile.resolve(c.edgeProfile()),
                    c.pacrSchedule() != null ? pacrSchedule(c.pacrSchedule()) : PacrSchedule.constant(c.pacr())));
        }
        Users u = f.users();
        b.users(u.count()).deviceProfile(DeviceProfile.resolve(u.deviceProfile()))
                .requirement(u.requirementLowS(), u.requirementHighS()).deadlineS(u.deadlineS())
                .placement(u.placement().equals("uniform") ? new UserPlacement.Uniform()
                        : new UserPlacement.AroundCells(u.radiusM()))
                .mobility(u.mobility().kind().equals("static") ? new Mobility.Static()
                        : new Mobility.RandomWaypoint(u.mobility().minSpeedMps(), u.mobility().maxSpeedMps(),
                                u.mobility().pauseS()));
        Snr s = f.channel().snr();
        b.meanSnr(s.kind().equals("uniform") ? new MeanSnr.Uniform(s.lowDb(), s.highDb())
                : new MeanSnr.PathLoss(s.txPowerDbm(), s.interceptDb(), s.slopeDb(), s.minDistanceM(),
                        s.shadowingSigmaDb(), s.noiseFigureDb()));
        Fading fading = f.channel().fading();
        b.fading(switch (fading.kind()) {
            case "none" -> aigcsim.core.channel.Fading.NONE;
            case "rayleigh" -> aigcsim.core.channel.Fading.rayleigh(fading.coherenceS());
            default -> aigcsim.core.channel.Fading.ofdm(fading.coherenceS(),
                    new Ofdm(fading.subcarriers(), fading.spacingHz(), fading.delaySpreadS()));
        });
        b.maxRetransmissions(f.channel().maxRetransmissions());
        Arrivals a = f.arrivals();
        ArrivalProcess arrivals = switch (a.kind()) {
            case "poisson" -> new PoissonArrivals(a.ratePerS());
            case "on-off" -> new OnOffArrivals(a.onRatePerS(), a.offRatePerS(), a.meanOnS(), a.meanOffS());
            default -> TraceArrivals.load(Path.of(a.trace()));
        };
        b.arrivals(arrivals);
        PromptCatalogue catalogue = f.prompts().catalogue().equals(BUNDLED_PROMPTS) ? PromptCatalogue.fashionMnist()
                : new PromptCatalogue(promptFile(Path.of(f.prompts().catalogue())), 0);
        b.prompts(catalogue.withZipf(f.prompts().zipfExponent()));
        b.framework(Framework.of(f.framework())).splitPolicy(f.split().policy()).totalSteps(f.split().totalSteps())
                .splitPolicies(new PolicySource(checkpoint(f.split()), f.split().totalSteps()));
        b.edgeMode(edgeMode(f.edge().mode())).maxBatch(f.edge().maxBatch()).batchWaitS(f.edge().batchWaitS())
                .asyncOrder(f.edge().order().equals("round-robin") ? Scenario.AsyncOrder.ROUND_ROBIN
                        : Scenario.AsyncOrder.EARLIEST_DEADLINE_FIRST);
        b.bandwidthScheduler(f.bandwidth().scheduler());
        b.latentBits(f.payload().latentBits()).imageBits(f.payload().imageBits())
                .jsccChannelUses(f.payload().jsccChannelUses());
        b.timeline(events);
        // analytic runs compute no image: the count is the default, and moot
        b.imagesKept(f.compute().imagesKept() == null ? Defaults.IMAGES_KEPT : f.compute().imagesKept());
        if (f.knowledge() != null) {
            b.knowledge(new Scenario.Knowledge(f.knowledge().start(), f.knowledge().backhaulBps()));
        }
        Quality q = f.quality();
        b.qualityCheck(q.check().equals("none") ? QualityCheck.NONE
                : new QualityCheck(QualityCheck.Kind.valueOf(q.check().toUpperCase(Locale.ROOT)),
                        q.psnrThresholdDb() == null ? Double.NaN : q.psnrThresholdDb(), q.maxRegenerations()));
        return b.build();
    }
}
