package aigcsim.core.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;

import aigcsim.core.arrival.Arrival;
import aigcsim.core.channel.ChannelModel;
import aigcsim.core.channel.MeanSnr;
import aigcsim.core.compute.AnalyticComputeService;
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
import aigcsim.core.model.Mobility;
import aigcsim.core.model.Position;
import aigcsim.core.model.Request;
import aigcsim.core.model.User;
import aigcsim.core.policy.SplitPolicy;
import aigcsim.core.policy.SplitState;
import aigcsim.core.quality.QualityCheck;
import aigcsim.core.random.RandomStreams;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * The DSOL model of one replication: cells with edge servers and shared downlinks, users with devices (placed by
 * the scenario's placement, each with its arrival clock), and the way of each request — arrival, association to the
 * best cell, split choice, edge queue and compute (L2), downlink transmission (L1), device queue and compute (L3),
 * hand-off of the real computation to the compute service, and its record — and the scenario's timeline.
 *
 * <p>Deadlines: each request has one deadline event at arrival + the scenario's deadline, cancelled when it ends
 * first. When it fires the request is abandoned wherever it is and fails {@code DEADLINE} at that moment, freeing
 * what it held: its place in the edge queue; its slot in an async batch (the step in progress still takes its time,
 * and the slot is free at the next step boundary); the serial edge's compute (which stops: the edge takes the next
 * request); its downlink flow (which ends, the band re-shared at once, and a serial edge freed); or the user's
 * device, waiting for it or computing (the user's later requests on the device move up: the next starts at the
 * abandonment time if it was waiting). The stage is recorded ({@link Request#failedAt}). A request whose device
 * compute ends exactly at its deadline is on time; there is no late delivery: a result not complete by the deadline
 * is never delivered, so every delivered request has latency at most the deadline.
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
    /**
     * Ended requests not yet handed to {@link #sink}, request id − {@link #nextRecordId} from the start of a ring of
     * slots (a power of two, grown when the oldest request still in the system lags that far behind): records leave
     * in order of id, each once every earlier
     * request's has, and one whose computation is still running once it is done.
     */
    private Ended[] ended = new Ended[1024];
    /** Where the records go, in order of id. */
    private final Consumer<RequestRecord> sink;
    private long nextRecordId;
    private final List<CellSample> samples = new ArrayList<>();
    private double[] deviceFreeAtS;
    /** Where the cells stand, in order (and as coordinate arrays, for the nearest-cell search). */
    private List<Position> cellPositions;
    private double[] cellX;
    private double[] cellY;
    /** Per user that does not move, its serving cell once found (uniform SNR: the nearest). */
    private CellNode[] nearestCell = new CellNode[0];
    /** Per user, the requests on its device in order: the first computing (or about to), the others waiting. */
    private final List<ArrayDeque<DeviceJob>> devices = new ArrayList<>();
    private ChannelModel channel;
    private long nextRequestId;
    private long outstanding;
    private int generatingUsers;

    /**
     * An ended request: its record, made when it ended if its computation was complete then (every analytic one),
     * else null and made from the request once {@code result} is done.
     */
    private record Ended(RequestRecord record, Request request, CompletableFuture<ComputeResult> result) {
    }

    /** A request on its user's device: its device compute time, when that ends, and the end event. */
    private static final class DeviceJob {
        final Request request;
        final double computeS;
        double endS;
        Clock.Scheduled done;

        DeviceJob(Request request, double computeS) {
            this.request = request;
            this.computeS = computeS;
        }
    }

    /** A model of {@code scenario} whose requests' records go to {@code sink} in order of id as they end. */
    AigcModel(DevsSimulator<Double> simulator, Scenario scenario, long seed, ComputeService compute,
            DoubleConsumer progress, Consumer<RequestRecord> sink) {
        super(simulator);
        this.sink = sink;
        this.scenario = scenario;
        this.streams = new RandomStreams(seed);
        this.compute = compute;
        this.clock = new DsolClock(simulator);
        this.progress = progress;
        this.policy = scenario.splitPolicies().policy(scenario.splitPolicy());
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
            for (CellNode c : cells) {
                samples.add(c.sample(timeS));
            }
            sample(k + 1);
        });
    }

    List<CellSample> samples() {
        return samples;
    }

    /** Request-steps the cells' edges ran at each batch size (index b), summed over the cells. */
    long[] edgeStepsAtBatch() {
        long[] sum = new long[1];
        for (CellNode c : cells) {
            long[] s = c.stepsAtBatch();
            if (s.length > sum.length) {
                sum = Arrays.copyOf(sum, s.length);
            }
            for (int b = 0; b < s.length; b++) {
                sum[b] += s[b];
            }
        }
        return sum;
    }

    /** The timeline's applied events so far. */
    List<TimelineRecord> timelineRecords() {
        return timeline.records();
    }

    @Override
    public void constructModel() {
        channel = new ChannelModel(scenario.meanSnr(), scenario.fading(), streams);
        for (int i = 0; i < scenario.cells().size(); i++) {
            cells.add(new CellNode(i, scenario.cells().get(i), scenario, channel, this));
        }
        cellPositions = cells.stream().map(c -> c.spec.position()).toList();
        cellX = cellPositions.stream().mapToDouble(Position::xM).toArray();
        cellY = cellPositions.stream().mapToDouble(Position::yM).toArray();
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
        Position p = scenario.placement().start(u, cellPositions,
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
        UniformRandomProvider rng = streams.stream(RandomStreams.ARRIVALS, u.id());
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
            startArrivals(newUser(id, streams.stream(RandomStreams.USERS, id)));
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
        policy = scenario.splitPolicies().policy(name);
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

    /**
     * The cell a user at {@code pos} associates with: the nearest, or the best link-budget SNR. The nearest cell of a
     * user that does not move is found once (a link budget depends on the band, which the timeline may change).
     */
    private CellNode servingCell(User u, Position pos) {
        boolean fixed = scenario.mobility() instanceof Mobility.Static && scenario.meanSnr() instanceof MeanSnr.Uniform;
        if (fixed && u.id() < nearestCell.length && nearestCell[u.id()] != null) {
            return nearestCell[u.id()];
        }
        CellNode found = searchServingCell(u, pos);
        if (fixed) {
            if (u.id() >= nearestCell.length) {
                nearestCell = Arrays.copyOf(nearestCell, Math.max(u.id() + 1, 2 * nearestCell.length));
            }
            nearestCell[u.id()] = found;
        }
        return found;
    }

    private CellNode searchServingCell(User u, Position pos) {
        if (scenario.meanSnr() instanceof MeanSnr.Uniform) {
            // the nearest by squared distance (the same order, without a square root per cell)
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i < cellX.length; i++) {
                double dx = cellX[i] - pos.xM();
                double dy = cellY[i] - pos.yM();
                double d = dx * dx + dy * dy;
                if (d < bestD) {
                    bestD = d;
                    best = i;
                }
            }
            return cells.get(best);
        }
        CellNode best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (CellNode c : cells) {
            double score = channel.linkBudgetSnrDb(u.id(), c.id, c.spec.position().distanceTo(pos),
                    c.downlink.bandwidthHz());
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
                ? range.lowDb() + streams.stream(RandomStreams.CHANNEL, u.id()).nextDouble()
                        * (range.highDb() - range.lowDb())
                : channel.linkBudgetSnrDb(u.id(), cell.id, cell.spec.position().distanceTo(pos),
                        cell.downlink.bandwidthHz());
        UniformRandomProvider promptRng = streams.stream(RandomStreams.PROMPTS, u.id());
        String prompt = a.prompt() != null ? a.prompt() : scenario.prompts().draw(promptRng);
        long seed = promptRng.nextLong();
        double factor = scenario.computeVariation() == Scenario.ComputeVariation.EXPONENTIAL
                ? AhrensDieterExponentialSampler.of(streams.stream(RandomStreams.COMPUTE, u.id()), 1.0)
                        .sample()
                : 1.0;
        int policyChoice = scenario.framework().usesSplitPolicy()
                ? policy.edgeSteps(splitState(u, cell, meanSnrDb, now, nextRequestId)) : 0;
        int a0 = scenario.framework().edgeSteps(policyChoice, scenario.totalSteps());
        Request r = new Request(nextRequestId++, u, cell.id, pos, prompt, seed, now, scenario.deadlineS(), meanSnrDb,
                factor, a0);
        outstanding++;
        r.deadlineEvent = clock.after(scenario.deadlineS(), () -> deadlinePassed(r));
        start(r);
    }

    /** The request starts its way: into its cell's edge queue, or straight to the device (Local AIGC). */
    private void start(Request r) {
        double now = clock.nowS();
        if (scenario.framework().usesEdge()) {
            cells.get(r.cellId).edge().enqueue(r);
        } else {
            r.edgeStartS = now;
            r.edgeEndS = now;
            r.txStartS = now;
            r.txEndS = now;
            delivered(r);
        }
    }

    private SplitState splitState(User u, CellNode cell, double snrDb, double now, long requestId) {
        DeviceProfile edge = cell.spec.edgeProfile();
        double pacr = cell.pacr();
        double[] edgeFinishS = cell.edge().expectedEdgeS(scenario.totalSteps(), edge.extractionS());
        return new SplitState(edge.cyclesPerStep(), u.device().cyclesPerStep(), snrDb, edge.clockHz() * pacr,
                u.device().clockHz(), cell.downlink.bandwidthHz() / (cell.downlink.activeFlows() + 1),
                u.requirement(), scenario.totalSteps(), scenario.latentBits(), cell.edge().backlogS(),
                Math.max(0, deviceFreeAtS[u.id()] - now), pacr, edge, u.device(), cell.edge().queued(),
                cell.edge().inCompute(), edgeFinishS,
                scenario.qualityCheck().active() ? scenario.qualityCheck().maxRegenerations() : 0, requestId, cell.id,
                now, scenario.maxBatch());
    }

    /** The result reached the user's device: queue there, then compute the remaining T̂ − a steps (L3). */
    void delivered(Request r) {
        double now = clock.nowS();
        int u = r.user.id();
        double start = Math.max(now, deviceFreeAtS[u]);
        var f = scenario.framework();
        double l3 = CostModel.computeS(r.user.device(), scenario.totalSteps() - r.edgeSteps, f.deviceExtracts(),
                f.deviceDecodes(), 1.0) * r.computeFactor;
        r.deviceStartS = start;
        deviceFreeAtS[u] = start + l3;
        DeviceJob job = new DeviceJob(r, l3);
        job.endS = start + l3;
        device(u).add(job);
        r.enter(Request.Stage.DEVICE, () -> leaveDevice(job));
        job.done = clock.after(start + l3 - now, () -> deviceDone(job));
    }

    private ArrayDeque<DeviceJob> device(int user) {
        while (devices.size() <= user) {
            devices.add(new ArrayDeque<>());
        }
        return devices.get(user);
    }

    private void deviceDone(DeviceJob job) {
        Request r = job.request;
        device(r.user.id()).remove(job);
        if (clock.nowS() > r.deadlineAtS()) {
            // a guard: the deadline event abandons a request that would end later than its deadline
            fail(r, Request.Failure.DEADLINE);
        } else if (!regenerated(r)) {
            finish(r);
        }
    }

    /**
     * The quality check of the image the device just finished (when the scenario has one and regenerations are
     * left): the simulator waits for the request's computation here — immediate for analytic fidelity, the real
     * computation of the worker pool otherwise — and, when the image fails, sends the request round again with a new
     * seed (its deadline still counts from its first arrival). Returns whether it did.
     */
    private boolean regenerated(Request r) {
        QualityCheck check = scenario.qualityCheck();
        if (!check.active() || r.regenerations >= check.maxRegenerations()) {
            return false;
        }
        ComputeResult q = compute.submit(job(r)).join();
        if (passes(check, q, r)) {
            r.checked = q;
            return false;
        }
        r.regenerations++;
        r.seed = new SplittableRandom(r.seed).nextLong();
        r.restart();
        start(r);
        return true;
    }

    /**
     * Whether an image passes: a computed one by its own figures (recognized, or its PSNR at the threshold); an
     * analytic one by a draw against the quality table's probability of recognition (keyed by request and attempt,
     * so every arm of a comparison draws the same), or by its expected PSNR. An image without figures (not computed,
     * or Local AIGC's against itself) cannot be judged and passes.
     */
    private boolean passes(QualityCheck check, ComputeResult q, Request r) {
        double value = check.kind() == QualityCheck.Kind.SEMANTIC ? q.semanticAccuracy() : q.psnrDb();
        if (Double.isNaN(value)) {
            return true;
        }
        if (check.kind() == QualityCheck.Kind.PSNR) {
            return value >= check.psnrThresholdDb();
        }
        boolean analytic = AnalyticComputeService.FIDELITY.equals(q.fidelity());
        return analytic ? streams.uniform(RandomStreams.QUALITY, r.id, r.regenerations) < value : value >= 1;
    }

    private ComputeJob job(Request r) {
        return new ComputeJob(r.id, r.prompt, r.seed, r.edgeSteps, scenario.totalSteps(), scenario.framework(),
                scenario.fading().kind(), Double.isNaN(r.snrSeenDb) ? r.meanSnrDb : r.snrSeenDb, r.meanSnrDb,
                r.knowledge);
    }

    /**
     * The request leaves its user's device now, unfinished: the device is free from now (or, if the request was
     * waiting, from the end of the one before it), and the requests waiting behind it start earlier.
     */
    private void leaveDevice(DeviceJob job) {
        double now = clock.nowS();
        Request r = job.request;
        int u = r.user.id();
        ArrayDeque<DeviceJob> q = device(u);
        double freeFromS = now;
        List<DeviceJob> behind = new ArrayList<>();
        boolean found = false;
        for (DeviceJob j : q) {
            if (j == job) {
                found = true;
            } else if (found) {
                behind.add(j);
            } else {
                freeFromS = j.endS;
            }
        }
        job.done.cancel();
        q.remove(job);
        if (r.deviceStartS > now) {
            r.deviceStartS = Double.NaN; // it never started computing there
        }
        for (DeviceJob j : behind) {
            double start = Math.max(j.request.txEndS, freeFromS);
            j.request.deviceStartS = start;
            j.endS = start + j.computeS;
            j.done.cancel();
            j.done = clock.after(j.endS - now, () -> deviceDone(j));
            freeFromS = j.endS;
        }
        deviceFreeAtS[u] = freeFromS;
    }

    /**
     * The request's deadline passed: it is abandoned wherever it is (see the class comment) and fails now — unless its
     * device compute ends at this very instant, which is on time.
     */
    private void deadlinePassed(Request r) {
        r.deadlineEvent = null;
        double now = clock.nowS();
        if (r.stage == Request.Stage.DEVICE) {
            for (DeviceJob j : device(r.user.id())) {
                if (j.request == r && j.endS <= now) {
                    return;
                }
            }
        }
        if (r.stage == Request.Stage.EDGE) {
            r.edgeEndS = now;
        }
        r.release();
        fail(r, Request.Failure.DEADLINE);
    }

    /** The request fails now, at its current stage, and ends. */
    void fail(Request r, Request.Failure why) {
        r.failure = why;
        r.failedAt = r.stage;
        finish(r);
    }

    /** The request ended (completed, or failed): hand its computation to the compute service if it produced one. */
    void finish(Request r) {
        if (r.deadlineEvent != null) {
            r.deadlineEvent.cancel();
            r.deadlineEvent = null;
        }
        r.endS = Double.isNaN(r.edgeStartS) ? r.deadlineAtS() : clock.nowS();
        if (scenario.framework().usesSplitPolicy()) {
            policy.ended(r.id, satisfaction(r), clock.nowS());
        }
        boolean produced = r.failure == Request.Failure.NONE;
        CompletableFuture<ComputeResult> result = !produced ? null
                : r.checked != null ? CompletableFuture.completedFuture(r.checked) : compute.submit(job(r));
        // the record is made now when it can be, so the request itself is not kept until it leaves
        boolean now = result == null || result.isDone();
        if (r.id - nextRecordId >= ended.length) {
            Ended[] grown = new Ended[Integer.highestOneBit((int) (r.id - nextRecordId)) * 2];
            for (long id = nextRecordId; id < nextRecordId + ended.length; id++) {
                grown[(int) (id & (grown.length - 1))] = ended[(int) (id & (ended.length - 1))];
            }
            ended = grown;
        }
        ended[(int) (r.id & (ended.length - 1))] = new Ended(now ? record(r, joined(result)) : null, now ? null : r,
                result);
        outstanding--;
        release(false);
    }

    /**
     * Hands the ended requests' records to the sink in order of id, as far as every earlier one has ended and (unless
     * {@code waiting}, which waits for them) its computation is done.
     */
    private void release(boolean waiting) {
        for (int slot = (int) (nextRecordId & (ended.length - 1)); ended[slot] != null;
                slot = (int) (nextRecordId & (ended.length - 1))) {
            Ended e = ended[slot];
            if (e.record == null && !waiting && !e.result.isDone()) {
                return;
            }
            ended[slot] = null;
            sink.accept(e.record != null ? e.record : record(e.request, joined(e.result)));
            nextRecordId++;
        }
    }

    /** The computation's result; none when nothing was computed, or when the computation failed (said why). */
    private ComputeResult joined(CompletableFuture<ComputeResult> f) {
        return f == null ? ComputeResult.none(compute.fidelity())
                : f.handle((q, e) -> e == null ? q : ComputeResult.none(compute.fidelity() + " failed: "
                        + (e.getCause() != null ? e.getCause() : e).getMessage())).join();
    }

    boolean drained() {
        return generatingUsers == 0 && outstanding == 0 && timeline.pending() == 0;
    }

    /** Once the run has drained: waits for the running computations and hands the last records to the sink. */
    void recordRest() {
        release(true);
        if (nextRecordId != nextRequestId) {
            throw new IllegalStateException(nextRequestId + " requests arrived and " + nextRecordId
                    + " were recorded: request " + nextRecordId + " never ended");
        }
    }

    /** Eq. 24's satisfaction of an ended request (the ROOT reward): 0 when it failed. */
    private static double satisfaction(Request r) {
        return r.failure != Request.Failure.NONE ? 0.0
                : SatisfactionScore.of(r.endS - r.arrivalS, r.user.requirement());
    }

    /**
     * The request's record. A delivered request completed on its device within its deadline. For one abandoned at
     * its deadline, the phase it was in counts up to the abandonment (its edge compute, its transmission, its device
     * compute, or — waiting for the device — its queue wait); a request that never reached the edge waited its whole
     * deadline.
     */
    private RequestRecord record(Request r, ComputeResult q) {
        boolean delivered = r.failure == Request.Failure.NONE;
        boolean expired = Double.isNaN(r.edgeStartS);
        double deviceWait = r.stage != Request.Stage.DEVICE ? 0
                : Double.isNaN(r.deviceStartS) ? r.endS - r.txEndS : r.deviceStartS - r.txEndS;
        double queueWait = expired ? r.deadlineS : (r.edgeStartS - r.arrivalS) + deviceWait;
        double latency = delivered ? r.endS - r.arrivalS : Double.NaN;
        boolean failed = r.failure != Request.Failure.NONE;
        return new RequestRecord(r.id, r.user.id(), r.cellId, r.position.xM(), r.position.yM(), r.prompt, r.seed,
                r.arrivalS, r.endS, queueWait,
                expired ? Double.NaN : r.edgeEndS - r.edgeStartS,
                Double.isNaN(r.txStartS) ? Double.NaN : r.txEndS - r.txStartS,
                Double.isNaN(r.deviceStartS) ? Double.NaN : r.endS - r.deviceStartS, latency, r.edgeSteps,
                r.snrSeenDb, r.meanBandwidthHz, r.outages,
                satisfaction(r), failed, r.failure.name(),
                r.failedAt == null ? "" : r.failedAt.name(), r.regenerations, r.arrivalS < scenario.warmupS(), q);
    }
}
