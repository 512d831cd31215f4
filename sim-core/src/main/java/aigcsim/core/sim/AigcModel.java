package aigcsim.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;

import aigcsim.core.arrival.Arrival;
import aigcsim.core.channel.ChannelModel;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.compute.ComputeJob;
import aigcsim.core.compute.ComputeResult;
import aigcsim.core.compute.ComputeService;
import aigcsim.core.cost.CostModel;
import aigcsim.core.cost.DeviceProfile;
import aigcsim.core.metrics.CellSample;
import aigcsim.core.metrics.RequestRecord;
import aigcsim.core.metrics.SatisfactionScore;
import aigcsim.core.metrics.TimelineRecord;
import aigcsim.core.model.LatencyRequirement;
import aigcsim.core.model.Position;
import aigcsim.core.model.Request;
import aigcsim.core.model.User;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.policy.SplitState;
import aigcsim.core.random.RandomStreams;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * The DSOL model of one replication: cells with edge servers and shared downlinks, users with devices (placed by
 * the scenario's placement, each with its arrival clock), and the way of each request — arrival, association to the
 * best cell, split choice, edge queue and compute (L2), downlink transmission (L1), device queue and compute (L3),
 * hand-off of the real computation to the compute service, and its record — and the scenario's timeline.
 */
final class AigcModel extends AbstractDsolModel<Double, DevsSimulator<Double>> {
    private final Scenario scenario;
    private final RandomStreams streams;
    private final ComputeService compute;
    private final DsolClock clock;
    private final DoubleConsumer progress;
    private final Timeline timeline;
    private SplitPolicy policy;
    private final List<CellNode> cells = new ArrayList<>();
    private final List<ArrivalClock> arrivalClocks = new ArrayList<>();
    private final List<Request> ended = new ArrayList<>();
    private final List<CellSample> samples = new ArrayList<>();
    private final List<CompletableFuture<ComputeResult>> results = new ArrayList<>();
    private double[] deviceFreeAtS;
    private ChannelModel channel;
    private long nextRequestId;
    private long outstanding;
    private int generatingUsers;

    AigcModel(DevsSimulator<Double> simulator, Scenario scenario, long seed, ComputeService compute,
            DoubleConsumer progress) {
        super(simulator);
        this.scenario = scenario;
        this.streams = new RandomStreams(seed);
        this.compute = compute;
        this.clock = new DsolClock(simulator);
        this.progress = progress;
        this.policy = SplitPolicy.of(scenario.splitPolicy());
        this.timeline = new Timeline(this);
    }

    Scenario scenario() {
        return scenario;
    }

    DsolClock clock() {
        return clock;
    }

    List<CellNode> cells() {
        return cells;
    }

    /** The timeline's applied events so far. */
    /**
     * Samples every cell at the k-th sampling time, and schedules the next while within the arrival window (the run
     * still ends when its last request has, so a run that drains early has no samples after that).
     */
    private void sample(long k) {
        double timeS = k * scenario.sampleIntervalS();
        if (timeS > scenario.durationS()) {
            return;
        }
        clock.after(timeS - clock.nowS(), () -> {
            double from = Math.max(0, timeS - scenario.sampleIntervalS());
            for (CellNode c : cells) {
                samples.add(new CellSample(timeS, c.id, c.queued(), c.inEdge(), c.downlink.activeFlows(),
                        c.edgeUtilization(from, timeS), c.bandwidthUtilization(from, timeS), c.pacr(),
                        c.downlink.bandwidthHz()));
            }
            sample(k + 1);
        });
    }

    List<CellSample> samples() {
        return samples;
    }

    List<TimelineRecord> timelineRecords() {
        return timeline.records();
    }

    @Override
    public void constructModel() {
        channel = new ChannelModel(scenario.meanSnr(), scenario.fading(), streams);
        for (int i = 0; i < scenario.cells().size(); i++) {
            cells.add(new CellNode(i, scenario.cells().get(i), scenario, channel, this));
        }
        UniformRandomProvider placement = streams.stream(RandomStreams.USERS);
        deviceFreeAtS = new double[scenario.users()];
        for (int u = 0; u < scenario.users(); u++) {
            startArrivals(newUser(u, placement));
        }
        for (int k = 1; k <= 10; k++) {
            double fraction = k / 10.0;
            clock.after(scenario.durationS() * fraction, () -> progress.accept(fraction));
        }
        timeline.schedule();
        if (scenario.sampleIntervalS() > 0) {
            sample(1);
        }
        simulator.getReplication().setStoppingCondition(m -> drained());
    }

    /** User {@code u}: its start by the scenario's placement, then its latency requirement, drawn from {@code rng}. */
    private User newUser(int u, UniformRandomProvider rng) {
        Position p = scenario.placement().start(u, cells.stream().map(c -> c.spec.position()).toList(),
                scenario.areaWidthM(), scenario.areaHeightM(), rng);
        double x = scenario.requirementLowS()
                + rng.nextDouble() * (scenario.requirementHighS() - scenario.requirementLowS());
        double y = scenario.requirementLowS()
                + rng.nextDouble() * (scenario.requirementHighS() - scenario.requirementLowS());
        LatencyRequirement req = x == y ? new LatencyRequirement(scenario.requirementLowS(),
                scenario.requirementHighS()) : new LatencyRequirement(Math.min(x, y), Math.max(x, y));
        return new User(u, p, scenario.deviceProfile(), req, scenario.mobility(), scenario.areaWidthM(),
                scenario.areaHeightM(), streams);
    }

    /** Starts the user's arrival process now, on its own stream. */
    private void startArrivals(User u) {
        UniformRandomProvider rng = streams.stream(RandomStreams.ARRIVALS + "/" + u.id());
        arrivalClocks.add(new ArrivalClock(this, u, scenario.arrivals().forUser(u.id(), rng), clock.nowS()));
    }

    /** An arrival clock scheduled (+1) or dropped (−1) its user's next arrival. */
    void generating(int delta) {
        generatingUsers += delta;
    }

    /**
     * {@code count} users join now with the next indices; each is placed and drawn from its own stream
     * ({@code users/<id>}), so who joins does not depend on when. Returns their indices.
     */
    List<Integer> join(int count) {
        List<Integer> joined = new ArrayList<>();
        deviceFreeAtS = Arrays.copyOf(deviceFreeAtS, arrivalClocks.size() + count);
        for (int i = 0; i < count; i++) {
            int id = arrivalClocks.size();
            startArrivals(newUser(id, streams.stream(RandomStreams.USERS + "/" + id)));
            joined.add(id);
        }
        return joined;
    }

    /** The {@code count} most recently joined active users leave (highest index first). Returns their indices. */
    List<Integer> leave(int count) {
        List<Integer> left = new ArrayList<>();
        for (int i = arrivalClocks.size() - 1; i >= 0 && left.size() < count; i--) {
            ArrivalClock a = arrivalClocks.get(i);
            if (a.active()) {
                a.leave();
                left.add(a.user.id());
            }
        }
        return left;
    }

    /** Active users {@code from}..{@code to} (those that exist) ask {@code factor} times as often. Returns how many. */
    int scaleArrivals(int from, int to, double factor) {
        int scaled = 0;
        for (int i = from; i <= Math.min(to, arrivalClocks.size() - 1); i++) {
            ArrivalClock a = arrivalClocks.get(i);
            if (a.active()) {
                a.scale(factor);
                scaled++;
            }
        }
        return scaled;
    }

    /** Requests arriving from now on are split by this policy. */
    void splitPolicy(String name) {
        policy = SplitPolicy.of(name);
    }

    /** How many active users each cell serves now (by the association a request would make). */
    int[] activeUsersPerCell() {
        int[] n = new int[cells.size()];
        double now = clock.nowS();
        for (ArrivalClock a : arrivalClocks) {
            if (a.active()) {
                n[servingCell(a.user, a.user.positionAt(now)).id]++;
            }
        }
        return n;
    }

    /** The cell a user at {@code pos} associates with: the nearest, or the best link-budget SNR. */
    private CellNode servingCell(User u, Position pos) {
        CellNode best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (CellNode c : cells) {
            double d = c.spec.position().distanceTo(pos);
            double score = scenario.meanSnr() instanceof MeanSnr.Uniform ? -d
                    : channel.linkBudgetSnrDb(u.id(), c.id, d, c.downlink.bandwidthHz());
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** A request of user {@code u} arrives now. */
    void arrive(User u, Arrival a) {
        double now = clock.nowS();
        Position pos = u.positionAt(now);
        CellNode cell = servingCell(u, pos);
        double meanSnrDb = scenario.meanSnr() instanceof MeanSnr.Uniform range
                ? range.lowDb() + streams.stream(RandomStreams.CHANNEL + "/" + u.id()).nextDouble()
                        * (range.highDb() - range.lowDb())
                : channel.linkBudgetSnrDb(u.id(), cell.id, cell.spec.position().distanceTo(pos),
                        cell.downlink.bandwidthHz());
        UniformRandomProvider promptRng = streams.stream(RandomStreams.PROMPTS + "/" + u.id());
        String prompt = a.prompt() != null ? a.prompt() : scenario.prompts().draw(promptRng);
        long seed = promptRng.nextLong();
        double factor = scenario.computeVariation() == Scenario.ComputeVariation.EXPONENTIAL
                ? AhrensDieterExponentialSampler.of(streams.stream(RandomStreams.COMPUTE + "/" + u.id()), 1.0)
                        .sample()
                : 1.0;
        int policyChoice = scenario.framework().usesSplitPolicy()
                ? policy.edgeSteps(splitState(u, cell, meanSnrDb, now)) : 0;
        int a0 = scenario.framework().edgeSteps(policyChoice, scenario.totalSteps());
        Request r = new Request(nextRequestId++, u, cell.id, pos, prompt, seed, now, scenario.deadlineS(), meanSnrDb,
                factor, a0);
        outstanding++;
        if (scenario.framework().usesEdge()) {
            cell.edge().enqueue(r);
        } else {
            r.edgeStartS = now;
            r.edgeEndS = now;
            r.txStartS = now;
            r.txEndS = now;
            delivered(r);
        }
    }

    private SplitState splitState(User u, CellNode cell, double snrDb, double now) {
        DeviceProfile edge = cell.spec.edgeProfile();
        double pacr = cell.pacr();
        return new SplitState(edge.cyclesPerStep(), u.device().cyclesPerStep(), snrDb, edge.clockHz() * pacr,
                u.device().clockHz(), cell.downlink.bandwidthHz() / (cell.downlink.activeFlows() + 1),
                u.requirement(), scenario.totalSteps(), scenario.latentBits(), cell.edge().backlogS(),
                Math.max(0, deviceFreeAtS[u.id()] - now), pacr, edge, u.device());
    }

    /** The result reached the user's device: queue there, then compute the remaining T̂ − a steps (L3). */
    void delivered(Request r) {
        double now = clock.nowS();
        double start = Math.max(now, deviceFreeAtS[r.user.id()]);
        var f = scenario.framework();
        double l3 = CostModel.computeS(r.user.device(), scenario.totalSteps() - r.edgeSteps, f.deviceExtracts(),
                f.deviceDecodes(), 1.0) * r.computeFactor;
        r.deviceStartS = start;
        deviceFreeAtS[r.user.id()] = start + l3;
        clock.after(start + l3 - now, () -> {
            if (clock.nowS() > r.deadlineAtS()) {
                r.failure = Request.Failure.DEADLINE;
            }
            finish(r);
        });
    }

    /** The request ended (completed, or failed): hand its computation to the compute service if it produced one. */
    void finish(Request r) {
        r.endS = Double.isNaN(r.edgeStartS) ? r.deadlineAtS() : clock.nowS();
        ended.add(r);
        boolean produced = !Double.isNaN(r.deviceStartS);
        results.add(produced ? compute.submit(new ComputeJob(r.id, r.prompt, r.seed, r.edgeSteps,
                scenario.totalSteps(), scenario.framework(), scenario.fading().kind(),
                Double.isNaN(r.snrSeenDb) ? r.meanSnrDb : r.snrSeenDb, r.meanSnrDb)) : null);
        outstanding--;
    }

    boolean drained() {
        return generatingUsers == 0 && outstanding == 0 && timeline.pending() == 0;
    }

    /** The records of all ended requests, in order of id, with the compute results joined in. */
    List<RequestRecord> records() {
        List<RequestRecord> out = new ArrayList<>(ended.size());
        for (int i = 0; i < ended.size(); i++) {
            CompletableFuture<ComputeResult> f = results.get(i);
            out.add(record(ended.get(i), f == null ? ComputeResult.none(compute.fidelity())
                    : f.handle((q, e) -> e == null ? q : ComputeResult.none(compute.fidelity() + " failed: "
                            + (e.getCause() != null ? e.getCause() : e).getMessage())).join()));
        }
        out.sort((x, y) -> Long.compare(x.id(), y.id()));
        return out;
    }

    private RequestRecord record(Request r, ComputeResult q) {
        boolean delivered = !Double.isNaN(r.deviceStartS);
        boolean expired = Double.isNaN(r.edgeStartS);
        double queueWait = expired ? r.deadlineS
                : (r.edgeStartS - r.arrivalS) + (delivered ? r.deviceStartS - r.txEndS : 0);
        double latency = delivered ? r.endS - r.arrivalS : Double.NaN;
        boolean failed = r.failure != Request.Failure.NONE;
        return new RequestRecord(r.id, r.user.id(), r.cellId, r.position.xM(), r.position.yM(), r.prompt, r.seed, r.arrivalS, r.endS, queueWait,
                expired ? Double.NaN : r.edgeEndS - r.edgeStartS,
                Double.isNaN(r.txStartS) ? Double.NaN : r.txEndS - r.txStartS,
                delivered ? r.endS - r.deviceStartS : Double.NaN, latency, r.edgeSteps, r.snrSeenDb,
                r.meanBandwidthHz, r.outages, failed ? 0.0 : SatisfactionScore.of(latency, r.user.requirement()),
                failed, r.failure.name(), r.arrivalS < scenario.warmupS(), q);
    }
}
