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
import aigcsim.core.model.Request;
import nl.tudelft.simulation.dsol.statistics.SimPersistent;

/**
 * A base station at run time: its edge scheduler, its shared downlink, and the time-weighted statistics of edge
 * occupancy and bandwidth use (DSOL {@code SimPersistent}).
 */
final class CellNode implements EdgeHost {
    final int id;
    final Scenario.CellSpec spec;
    final Downlink downlink;
    final EdgeScheduler edge;
    private final AigcModel model;
    private final SimPersistent<Double> edgeBusy;
    private final SimPersistent<Double> bandUsed;

    CellNode(int id, Scenario.CellSpec spec, Scenario scenario, ChannelModel channel, AigcModel model) {
        this.id = id;
        this.spec = spec;
        this.model = model;
        this.edgeBusy = new SimPersistent<>("cell" + id + ".edgeBusy", "edge busy", model);
        this.bandUsed = new SimPersistent<>("cell" + id + ".bandUsed", "fraction of band in use", model);
        this.downlink = new Downlink(model.clock(), spec.bandwidthHz(),
                BandwidthScheduler.of(scenario.bandwidthScheduler()), channel, scenario.maxRetransmissions(),
                used -> bandUsed.register(model.clock().nowS(), used));
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
        edgeBusy.register(model.clock().nowS(), requests > 0 ? 1.0 : 0.0);
    }

    double edgeUtilization() {
        return edgeBusy.getWeightedPopulationMean();
    }

    double bandwidthUtilization() {
        return bandUsed.getWeightedPopulationMean();
    }
}
