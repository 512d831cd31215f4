package aigcsim.core.bandwidth;

import java.util.PriorityQueue;

import aigcsim.core.sim.Clock;

/** A minimal event clock for unit tests of event-driven parts without DSOL. */
public final class ManualClock implements Clock {
    private record Entry(double timeS, long seq, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.timeS != b.timeS
            ? Double.compare(a.timeS, b.timeS) : Long.compare(a.seq, b.seq));
    private double now;
    private long seq;
    public long executed;

    @Override
    public double nowS() {
        return now;
    }

    @Override
    public Scheduled after(double delayS, Runnable action) {
        boolean[] cancelled = {false};
        queue.add(new Entry(now + delayS, seq++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs {@code action} at the absolute time {@code timeS}. */
    public void at(double timeS, Runnable action) {
        after(timeS - now, action);
    }

    /** Runs every scheduled action in time order (then scheduling order), skipping cancelled ones. */
    public void runAll() {
        Entry e;
        while ((e = queue.poll()) != null) {
            if (!e.cancelled[0]) {
                now = e.timeS;
                executed++;
                e.action.run();
            }
        }
    }
}
