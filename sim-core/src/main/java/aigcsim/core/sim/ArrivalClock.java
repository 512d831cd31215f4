package aigcsim.core.sim;

import java.util.Iterator;

import aigcsim.core.arrival.Arrival;
import aigcsim.core.model.User;

/**
 * One user's arrival clock. The scenario's arrival process gives the user's arrivals in its operational time τ,
 * which runs {@code factor} times as fast as simulated time (dτ/dt = factor; 1 unless a timeline scales it). An
 * arrival at τ_a happens at t0 + (τ_a − τ0)/factor. A new factor re-anchors (t0, τ0) at now and reschedules the
 * pending arrival, so the arrivals before the change are those of a run without it. An arrival past the arrival
 * window is kept but not scheduled (a later speed-up can bring it into the window); factor 0 schedules none.
 */
final class ArrivalClock {
    private final AigcModel model;
    final User user;
    private final Iterator<Arrival> arrivals;
    private Arrival next;
    private double t0;
    private double tau0;
    private double factor = 1;
    private Clock.Scheduled pending;
    private boolean left;

    /** The user's arrival process starts (τ = 0) at simulated time {@code startS}. */
    ArrivalClock(AigcModel model, User user, Iterator<Arrival> arrivals, double startS) {
        this.model = model;
        this.user = user;
        this.arrivals = arrivals;
        this.t0 = startS;
        pollAndSchedule();
    }

    /** Whether the user has not left. */
    boolean active() {
        return !left;
    }

    /** The user asks {@code newFactor} times as often as its arrival process says, from now on. */
    void scale(double newFactor) {
        double now = model.clock().nowS();
        tau0 += (now - t0) * factor;
        t0 = now;
        factor = newFactor;
        unschedule();
        schedule();
    }

    /** The user leaves: it asks nothing more. */
    void leave() {
        left = true;
        unschedule();
    }

    private void pollAndSchedule() {
        next = arrivals.hasNext() ? arrivals.next() : null;
        schedule();
    }

    private void schedule() {
        if (left || next == null || factor == 0) {
            return;
        }
        double atS = t0 + (next.timeS() - tau0) / factor;
        if (atS > model.scenario().durationS()) {
            return;
        }
        Arrival a = next;
        model.generating(1);
        pending = model.clock().after(Math.max(0, atS - model.clock().nowS()), () -> {
            pending = null;
            model.generating(-1);
            model.arrive(user, a);
            pollAndSchedule();
        });
    }

    private void unschedule() {
        if (pending != null) {
            pending.cancel();
            pending = null;
            model.generating(-1);
        }
    }
}
