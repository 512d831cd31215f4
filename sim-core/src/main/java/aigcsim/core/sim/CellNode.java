package aigcsim.core.sim;

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
import aigcsim.core.metrics.StepFunction;
import aigcsim.core.model.Request;

/**
 * A base station at run time: its edge scheduler, its shared downlink, and edge occupancy and bandwidth use over
 * time, kept whole so that their time averages can be taken from a warm-up chosen after the run.
 */
final class CellNode implements EdgeHost {
    final int id;
    final Scenario.CellSpec spec;
    final Downlink downlink;
    final EdgeScheduler edge;
    private final AigcModel model;
    private final StepFunction edgeBusy = new StepFunction();
    private final StepFunction bandUsed = new StepFunction();

    CellNode(int id, Scenario.CellSpec spec, Scenario scenario, ChannelModel channel, AigcModel model) {
        this.id = id;
        this.spec = spec;
        this.model = model;
        this.downlink = new Downlink(model.clock(), spec.bandwidthHz(),
                BandwidthScheduler.of(scenario.bandwidthScheduler()), channel, scenario.maxRetransmissions(),
                used -> bandUsed.set(model.clock().nowS(), used));
        this.edge = EdgeSchedulers.create(scenario, this, spec.edgeProfile());
    }

    @Override
    public Clock clock() {
        return model.clock();
    }

    @Override
    public double pacr() {
        return spec.pacr().at(model.clock().nowS());
    }

    @Override
    public boolean expireIfLate(Request r) {
        if (model.clock().nowS() >= r.deadlineAtS()) {
            r.failure = Request.Failure.DEADLINE;
            model.finish(r);
            return true;
        }
        return false;
    }

    @Override
    public void transmit(Request r, Runnable afterTransmission) {
        r.txStartS = model.clock().nowS();
        Transmission t = model.scenario().framework().transmission();
        double bits = t == Transmission.DIGITAL_IMAGE ? model.scenario().imageBits() : model.scenario().latentBits();
        McsTable mcs = McsTable.nr();
        downlink.start(r.user.id(), bits, r.meanSnrDb,
                t == Transmission.DIGITAL_IMAGE ? mcs::spectralEfficiency : ShannonRate::spectralEfficiency,
                flow -> {
                    sawTransmission(r, flow);
                    afterTransmission.run();
                    model.delivered(r);
                },
                flow -> {
                    sawTransmission(r, flow);
                    r.failure = Request.Failure.OUTAGE;
                    afterTransmission.run();
                    model.finish(r);
                });
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
    }

    /** The share of [fromS, toS] in which the edge computed. */
    double edgeUtilization(double fromS, double toS) {
        return edgeBusy.mean(fromS, toS);
    }

    /** The mean share of the band in use over [fromS, toS]. */
    double bandwidthUtilization(double fromS, double toS) {
        return bandUsed.mean(fromS, toS);
    }
}
