package aigcsim.core.sim;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * DSOL's event list as a 4-ary heap on primitive keys: each event's time, priority and id sit in arrays beside it,
 * and the heap compares them there, in DSOL's event order (time, then higher priority first, then creation id,
 * {@code SimEventInterface.compareTo}), so the order of events, and every result, is DSOL's. A red-black tree of the
 * events (DSOL's {@code RedBlackTree}, or a {@code TreeSet}) follows a pointer and calls {@code compareTo} at every
 * level of every insert, which was the largest part of a run with many users (a third of the samples at 10,000
 * users); a binary heap of the events calling {@code compareTo} was slower still. An {@link Indexed} event (every
 * {@link DsolClock} action) keeps its heap position, so a cancelled one leaves the heap at once instead of waiting
 * there for its time (most deadline events are cancelled: they were half the heap). Used by runs of
 * {@link Simulation}.
 */
final class ActionList implements EventListInterface<Double> {
    private static final int ARITY = 4;

    /** An event that knows its place in the heap, so it is taken out in O(log n) when cancelled. */
    abstract static class Indexed extends AbstractSimEvent<Double> {
        /** Its heap position; −1 when not in the list. */
        private int slot = -1;

        Indexed(double atS) {
            super(atS);
        }
    }

    private double[] times = new double[1024];
    private short[] priorities = new short[1024];
    private long[] ids = new long[1024];
    @SuppressWarnings("unchecked")
    private SimEventInterface<Double>[] events = new SimEventInterface[1024];
    private int size;

    @Override
    public void add(SimEventInterface<Double> event) {
        if (size == events.length) {
            int n = 2 * size;
            times = Arrays.copyOf(times, n);
            priorities = Arrays.copyOf(priorities, n);
            ids = Arrays.copyOf(ids, n);
            events = Arrays.copyOf(events, n);
        }
        up(size++, event.getAbsoluteExecutionTime(), event.getPriority(), event.getId(), event);
    }

    @Override
    public SimEventInterface<Double> first() {
        return size == 0 ? null : events[0];
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        return size == 0 ? null : removeAt(0);
    }

    @Override
    public boolean remove(SimEventInterface<Double> event) {
        int i = indexOf(event);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public boolean contains(SimEventInterface<Double> event) {
        return indexOf(event) >= 0;
    }

    @Override
    public void clear() {
        for (int i = 0; i < size; i++) {
            if (events[i] instanceof Indexed x) {
                x.slot = -1;
            }
        }
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    /** The events in DSOL's order (a sorted copy). */
    @Override
    public Iterator<SimEventInterface<Double>> iterator() {
        SimEventInterface<Double>[] sorted = Arrays.copyOf(events, size);
        Arrays.sort(sorted);
        return List.of(sorted).iterator();
    }

    private int indexOf(SimEventInterface<Double> event) {
        if (event instanceof Indexed x) {
            return x.slot;
        }
        for (int i = 0; i < size; i++) {
            if (events[i].equals(event)) {
                return i;
            }
        }
        return -1;
    }

    /** Takes the event at heap position {@code i} out; the last event fills its place. */
    private SimEventInterface<Double> removeAt(int i) {
        SimEventInterface<Double> out = events[i];
        if (out instanceof Indexed x) {
            x.slot = -1;
        }
        int last = --size;
        if (i != last) {
            double t = times[last];
            short p = priorities[last];
            long id = ids[last];
            SimEventInterface<Double> e = events[last];
            events[last] = null;
            down(i, t, p, id, e);
            if (events[i] == e) {
                up(i, t, p, id, e);
            }
        } else {
            events[last] = null;
        }
        return out;
    }

    private void set(int i, double t, short p, long id, SimEventInterface<Double> e) {
        times[i] = t;
        priorities[i] = p;
        ids[i] = id;
        events[i] = e;
        if (e instanceof Indexed x) {
            x.slot = i;
        }
    }

    /** Places (t, p, id, e) at or above position {@code i}, moving the later parents down. */
    private void up(int i, double t, short p, long id, SimEventInterface<Double> e) {
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            if (!before(t, p, id, times[parent], priorities[parent], ids[parent])) {
                break;
            }
            set(i, times[parent], priorities[parent], ids[parent], events[parent]);
            i = parent;
        }
        set(i, t, p, id, e);
    }

    /** Places (t, p, id, e) at or below position {@code i}, moving the earliest child up while it comes first. */
    private void down(int i, double t, short p, long id, SimEventInterface<Double> e) {
        while (true) {
            int first = ARITY * i + 1;
            if (first >= size) {
                break;
            }
            int best = first;
            int end = Math.min(first + ARITY, size);
            for (int c = first + 1; c < end; c++) {
                if (before(times[c], priorities[c], ids[c], times[best], priorities[best], ids[best])) {
                    best = c;
                }
            }
            if (!before(times[best], priorities[best], ids[best], t, p, id)) {
                break;
            }
            set(i, times[best], priorities[best], ids[best], events[best]);
            i = best;
        }
        set(i, t, p, id, e);
    }

    /** Whether the event keyed (t1, p1, id1) comes before the one keyed (t2, p2, id2), in DSOL's order. */
    private static boolean before(double t1, short p1, long id1, double t2, short p2, long id2) {
        int byTime = Double.compare(t1, t2);
        if (byTime != 0) {
            return byTime < 0;
        }
        return p1 != p2 ? p1 > p2 : id1 < id2;
    }
}
