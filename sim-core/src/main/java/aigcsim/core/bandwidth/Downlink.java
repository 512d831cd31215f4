package aigcsim.core.bandwidth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleUnaryOperator;

import aigcsim.core.channel.ChannelModel;
import aigcsim.core.sim.Clock;

/**
 * A cell's shared downlink. Event-driven fluid model: between events every flow's rate is constant, and the next
 * event is the earliest of a flow finishing, a flow's fading block changing, or the scheduler's own re-allocation
 * time. At each event the flows are advanced, finished flows delivered, and the band re-allocated.
 *
 * <p>A digital flow whose SNR is below the lowest MCS threshold is in outage: it pauses and resumes (a
 * retransmission) when fading brings the SNR back, at most {@code maxRetransmissions} times; on a static channel, or
 * past that limit, it is dropped and its outage callback runs. A flow can also be cancelled ({@link #cancel}).
 */
public final class Downlink {
    /** A flow is delivered when fewer bits than this remain (rounding of the fluid model). */
    private static final double EPS_BITS = 1e-3;
    /** ... or when it would finish within this time at its rate: keeps events from piling up at one instant. */
    private static final double EPS_S = 1e-9;

    private final Clock clock;
    private double bandwidthHz;
    private final BandwidthScheduler scheduler;
    private final ChannelModel channel;
    private final int maxRetransmissions;
    private final List<Flow> flows = new ArrayList<>();
    private final List<Callbacks> callbacks = new ArrayList<>();
    private final DoubleConsumer onUtilizationChange;

    private long nextFlowId;
    private double lastUpdateS;
    private Clock.Scheduled pending;

    private record Callbacks(Consumer<Flow> delivered, Consumer<Flow> outage) {
    }

    /**
     * @param onUtilizationChange receives the fraction of the band in use whenever it changes (for statistics)
     */
    public Downlink(Clock clock, double bandwidthHz, BandwidthScheduler scheduler, ChannelModel channel,
            int maxRetransmissions, DoubleConsumer onUtilizationChange) {
        this.clock = clock;
        this.bandwidthHz = checkedBandwidthHz(bandwidthHz);
        this.scheduler = scheduler;
        this.channel = channel;
        this.maxRetransmissions = maxRetransmissions;
        this.onUtilizationChange = onUtilizationChange;
    }

    public double bandwidthHz() {
        return bandwidthHz;
    }

    /**
     * The band changes now: every flow is advanced at its old rate, then the flows are re-allocated over the new
     * band at once.
     */
    public void setBandwidthHz(double hz) {
        double checked = checkedBandwidthHz(hz);
        double now = clock.nowS();
        advance(now);
        bandwidthHz = checked;
        update(now);
    }

    private static double checkedBandwidthHz(double hz) {
        if (!(hz > 0) || !Double.isFinite(hz)) {
            throw new IllegalArgumentException("downlink bandwidth must be > 0 Hz, got " + hz);
        }
        return hz;
    }

    public int activeFlows() {
        return flows.size();
    }

    /**
     * Starts a transmission of {@code bits} to user {@code userId}, whose link has mean SNR {@code meanSnrDb}
     * (fading from the channel model comes on top).
     */
    public Flow start(int userId, double bits, double meanSnrDb, DoubleUnaryOperator spectralEfficiency,
            Consumer<Flow> delivered, Consumer<Flow> outage) {
        if (!(bits >= 0) || !Double.isFinite(bits)) {
            throw new IllegalArgumentException("transmission size must be >= 0 bits, got " + bits);
        }
        double now = clock.nowS();
        advance(now);
        Flow f = new Flow(nextFlowId++, userId, bits, meanSnrDb, channel.gainsDb(userId, now), spectralEfficiency,
                now);
        f.nextSnrChangeS = channel.nextFadingChangeS(now);
        flows.add(f);
        callbacks.add(new Callbacks(delivered, outage));
        update(now);
        return f;
    }

    /**
     * Ends flow {@code f} now without delivering it (its request was abandoned): the flows are advanced to now, it
     * leaves with neither callback run, and the band is re-allocated over the others at once. No effect on a flow that
     * has already ended.
     */
    public void cancel(Flow f) {
        int i = flows.indexOf(f);
        if (i < 0) {
            return;
        }
        double now = clock.nowS();
        advance(now);
        f.setBandwidthHz(0);
        flows.remove(i);
        callbacks.remove(i);
        update(now);
    }

    private void onEvent() {
        pending = null;
        double now = clock.nowS();
        advance(now);
        update(now);
    }

    /** Moves every flow forward to {@code now} at its current rate. */
    private void advance(double now) {
        double dt = now - lastUpdateS;
        if (dt > 0) {
            for (Flow f : flows) {
                f.remainingBits -= f.rateBps() * dt;
                f.shareIntegral += f.bandwidthHz * dt;
                f.snrDbIntegral += f.snrDb * dt;
            }
        }
        lastUpdateS = now;
    }

    /** Delivers finished flows, applies channel changes and outages, re-allocates, and schedules the next event. */
    private void update(double now) {
        List<Runnable> finished = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            if (f.nextSnrChangeS <= now) {
                f.fade(channel.gainsDb(f.userId(), now));
                f.nextSnrChangeS = channel.nextFadingChangeS(now);
            }
            boolean done = f.remainingBits <= EPS_BITS || f.rateBps() > 0 && f.remainingBits / f.rateBps() < EPS_S;
            boolean lost = false;
            if (!done && f.currentSpectralEfficiency() <= 0) {
                if (!f.inOutage) {
                    f.inOutage = true;
                    f.outages++;
                }
                lost = f.nextSnrChangeS == Double.POSITIVE_INFINITY || f.outages > maxRetransmissions;
            } else {
                f.inOutage = false;
            }
            if (done || lost) {
                f.remainingBits = Math.max(f.remainingBits, 0);
                f.setBandwidthHz(0);
                flows.remove(i);
                Callbacks cb = callbacks.remove(i);
                i--;
                finished.add(done ? () -> cb.delivered().accept(f) : () -> cb.outage().accept(f));
            }
        }
        double wakeIn = scheduler.allocate(flows, bandwidthHz, now);
        double used = 0;
        double next = now + wakeIn;
        for (Flow f : flows) {
            used += f.bandwidthHz;
            next = Math.min(next, f.nextSnrChangeS);
            double rate = f.rateBps();
            if (rate > 0) {
                next = Math.min(next, now + f.remainingBits / rate);
            }
        }
        onUtilizationChange.accept(used / bandwidthHz);
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
        if (next < Double.POSITIVE_INFINITY) {
            pending = clock.after(Math.max(0, next - now), this::onEvent);
        }
        finished.forEach(Runnable::run);
    }
}
