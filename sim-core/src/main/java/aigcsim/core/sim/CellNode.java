package aigcsim.core.sim;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import aigcsim.core.bandwidth.BandwidthScheduler;
import aigcsim.core.bandwidth.Downlink;
import aigcsim.core.bandwidth.Flow;
import aigcsim.core.channel.ChannelModel;
import aigcsim.core.channel.McsTable;
import aigcsim.core.channel.ShannonRate;
import aigcsim.core.edge.EdgeHost;
import aigcsim.core.edge.EdgeScheduler;
import aigcsim.core.edge.EdgeSchedulers;
import aigcsim.core.framework.Transmission;
import aigcsim.core.metrics.CellSample;
import aigcsim.core.metrics.StepFunction;
import aigcsim.core.model.Request;

/**
 * A base station at run time: its edge scheduler, its shared downlink, and edge occupancy and bandwidth use over
 * time, kept whole so that their time averages can be taken from a warm-up chosen after the run; and the changes a
 * timeline makes to it: a PACR that overrides the schedule, a new band, the edge going down and up, and a switch of
 * edge scheduler.
 *
 * <p>The edge computes when it is not down and no retiring scheduler (the one before a switch) still has requests
 * in edge compute; otherwise the current scheduler is held ({@link EdgeScheduler#down()}) and keeps its queue.
 */
final class CellNode implements EdgeHost {
    final int id;
    final Scenario.CellSpec spec;
    final Downlink downlink;
    private EdgeScheduler edge;
    /** The scheduler before a switch, while requests are still in its edge compute; else null. */
    private EdgeScheduler retiring;
    private boolean edgeDown;
    /** The PACR a timeline set, overriding the schedule; NaN while none. */
    private double pacrOverride = Double.NaN;
    private final AigcModel model;
    /** The knowledge package the cell's JSCC codec holds (null: the scenario has none: the bundled codec). */
    private String knowledge;
    /** When the cell's backhaul has sent every knowledge package given it so far. */
    private double backhaulFreeS;
    /** Edge busy and band in use over time: integrated from the warm-up (any, when it is chosen after the run). */
    private final StepFunction edgeBusy;
    private final StepFunction bandUsed;
    /** Request-steps run at each batch size (index b). */
    private long[] stepsAtBatch = new long[2];
    /** The time of the last sample, and the two integrals then. */
    private double sampledS;
    private double sampledEdge;
    private double sampledBand;

    CellNode(int id, Scenario.CellSpec spec, Scenario scenario, ChannelModel channel, AigcModel model) {
        this.id = id;
        this.spec = spec;
        this.model = model;
        this.edgeBusy = scenario.warmupAuto() ? StepFunction.withHistory() : StepFunction.from(scenario.warmupS());
        this.bandUsed = scenario.warmupAuto() ? StepFunction.withHistory() : StepFunction.from(scenario.warmupS());
        this.downlink = new Downlink(model.clock(), spec.bandwidthHz(),
                BandwidthScheduler.of(scenario.bandwidthScheduler()), channel, scenario.maxRetransmissions(),
                used -> bandUsed.set(model.clock().nowS(), used));
        this.edge = EdgeSchedulers.create(scenario, scenario.edgeMode(), this, spec.edgeProfile());
        this.knowledge = scenario.knowledge() == null ? null : scenario.knowledge().start();
    }

    /**
     * Sends a knowledge package of {@code transferS} seconds over the cell's backhaul, after any still on its way;
     * returns when it arrives.
     */
    double sendKnowledge(double transferS) {
        backhaulFreeS = Math.max(model.clock().nowS(), backhaulFreeS) + transferS;
        return backhaulFreeS;
    }

    /** The cell's codec holds {@code name} from now on. */
    void holdKnowledge(String name) {
        knowledge = name;
    }

    EdgeScheduler edge() {
        return edge;
    }

    @Override
    public Clock clock() {
        return model.clock();
    }

    @Override
    public double pacr() {
        return Double.isNaN(pacrOverride) ? spec.pacr().at(model.clock().nowS()) : pacrOverride;
    }

    /** The edge has {@code pacr} of its resources from now on, whatever its schedule says. */
    void setPacr(double pacr) {
        pacrOverride = pacr;
    }

    /** The edge goes down; returns how many requests in edge compute were lost. */
    int edgeDown() {
        edgeDown = true;
        int lost = edge.down();
        if (retiring != null) {
            lost += retiring.down();
        }
        return lost;
    }

    /** The edge is back: it serves its queue (once a retiring scheduler has no compute left). */
    void edgeUp() {
        edgeDown = false;
        resume();
    }

    /**
     * Switches to a new scheduler of {@code mode}: the old one's queue moves to it in arrival order, and it starts
     * computing once the old one's edge compute has finished. Returns how many queued requests moved.
     */
    int switchEdge(Scenario.EdgeMode mode) {
        EdgeScheduler old = edge;
        List<Request> moved = old.takeQueued();
        edge = EdgeSchedulers.create(model.scenario(), mode, this, spec.edgeProfile());
        edge.down();
        moved.forEach(edge::enqueue);
        if (old.inCompute() > 0) {
            retiring = old;
        }
        resume();
        return moved.size();
    }

    private void resume() {
        if (!edgeDown && retiring == null) {
            edge.up();
        }
    }

    /** Requests waiting for edge compute. */
    int queued() {
        return edge.queued();
    }

    /** Requests in edge compute (in the current scheduler, or a retiring one). */
    int inEdge() {
        return edge.inCompute() + (retiring == null ? 0 : retiring.inCompute());
    }

    @Override
    public boolean expireIfLate(Request r) {
        if (model.clock().nowS() >= r.deadlineAtS()) {
            model.fail(r, Request.Failure.DEADLINE);
            return true;
        }
        return false;
    }

    @Override
    public void lost(Request r) {
        model.fail(r, Request.Failure.EDGE_DOWN);
    }

    @Override
    public void transmit(Request r, Runnable afterTransmission) {
        r.txStartS = model.clock().nowS();
        r.knowledge = knowledge;
        Transmission t = model.scenario().framework().transmission();
        // JSCC sends channel uses, not bits: its "bits" are complex symbols at one symbol per second per Hz
        double size = switch (t) {
            case DIGITAL_IMAGE -> model.scenario().imageBits();
            case JSCC_LATENT -> model.scenario().jsccChannelUses();
            case ANALOG_LATENT, NONE -> model.scenario().latentBits();
        };
        DoubleUnaryOperator efficiency = switch (t) {
            case DIGITAL_IMAGE -> McsTable.nr()::spectralEfficiency;
            case JSCC_LATENT -> CellNode::oneSymbolPerHz;
            case ANALOG_LATENT, NONE -> ShannonRate::spectralEfficiency;
        };
        Flow[] flow = new Flow[1];
        // set before the start: a flow with nothing to send is delivered within it, and the request moves on
        r.enter(Request.Stage.TRANSMISSION, () -> {
            downlink.cancel(flow[0]);
            sawTransmission(r, flow[0]);
            afterTransmission.run();
        });
        flow[0] = downlink.start(r.user.id(), size, r.meanSnrDb, efficiency,
                f -> {
                    sawTransmission(r, f);
                    afterTransmission.run();
                    model.delivered(r);
                },
                f -> {
                    sawTransmission(r, f);
                    afterTransmission.run();
                    model.fail(r, Request.Failure.OUTAGE);
                });
    }

    /** An analog (JSCC) transmission: one complex channel use per second per Hz, whatever the SNR. */
    private static double oneSymbolPerHz(double snrDb) {
        return 1.0;
    }

    private void sawTransmission(Request r, Flow flow) {
        double now = model.clock().nowS();
        r.txEndS = now;
        r.snrSeenDb = flow.meanSnrSeenDb(now);
        r.meanBandwidthHz = flow.meanBandwidthHz(now);
        r.outages = flow.outages();
    }

    @Override
    public void edgeOccupancy(int requests) {
        edgeBusy.set(model.clock().nowS(), requests > 0 ? 1.0 : 0.0);
        if (retiring != null && retiring.inCompute() == 0) {
            retiring = null;
            resume();
        }
    }

    @Override
    public void stepped(int batch, int iterations) {
        if (batch >= stepsAtBatch.length) {
            stepsAtBatch = java.util.Arrays.copyOf(stepsAtBatch, batch + 1);
        }
        stepsAtBatch[batch] += (long) batch * iterations;
    }

    /** Request-steps the edge ran at each batch size (index: the batch size). */
    long[] stepsAtBatch() {
        return stepsAtBatch;
    }

    /** The share of [warm-up, toS] in which the edge computed. */
    double edgeUtilization(double warmupS, double toS) {
        return edgeBusy.mean(warmupS, toS);
    }

    /** The mean share of the band in use over [warm-up, toS]. */
    double bandwidthUtilization(double warmupS, double toS) {
        return bandUsed.mean(warmupS, toS);
    }

    /** The cell now ({@code timeS}), its utilizations over the time since its last sample (the run's start). */
    CellSample sample(double timeS) {
        double edge = edgeBusy.integral(timeS);
        double band = bandUsed.integral(timeS);
        double window = timeS - sampledS;
        CellSample s = new CellSample(timeS, id, queued(), inEdge(), downlink.activeFlows(),
                (edge - sampledEdge) / window, (band - sampledBand) / window, pacr(), downlink.bandwidthHz());
        sampledS = timeS;
        sampledEdge = edge;
        sampledBand = band;
        return s;
    }
}
