package aigcsim.core.sim;

import java.util.Iterator;
import java.util.TreeSet;

import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * DSOL's event list as its {@code RedBlackTree} keeps it — a sorted set in DSOL's event order — whose first event is
 * taken off in one step ({@code pollFirst}; DSOL's tree looks it up again to remove it). Used by runs of
 * {@link Simulation}; the order of events, and so every result, is DSOL's.
 */
final class ActionList implements EventListInterface<Double> {
    private final TreeSet<SimEventInterface<Double>> events = new TreeSet<>();

    @Override
    public void add(SimEventInterface<Double> event) {
        events.add(event);
    }

    @Override
    public boolean contains(SimEventInterface<Double> event) {
        return events.contains(event);
    }

    @Override
    public void clear() {
        events.clear();
    }

    @Override
    public boolean isEmpty() {
        return events.isEmpty();
    }

    @Override
    public Iterator<SimEventInterface<Double>> iterator() {
        return events.iterator();
    }

    @Override
    public boolean remove(SimEventInterface<Double> event) {
        return events.remove(event);
    }

    @Override
    public int size() {
        return events.size();
    }

    @Override
    public SimEventInterface<Double> first() {
        return events.isEmpty() ? null : events.first();
    }

    @Override
    public SimEventInterface<Double> removeFirst() {
        return events.pollFirst();
    }
}
