package aigcsim.core.sim;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * {@link Clock} over DSOL's {@code DevsSimulator}: each action is a DSOL event in the simulator's event list, in the
 * same order as {@code scheduleEventRel} would put it (time, priority, then creation). The events go into the list
 * directly: {@code DevsSimulator.scheduleEvent} formats every event into a trace message, whatever the log level (its
 * time as a decimal string, its class and hash), which took about a fifth of a run's time in the profile. A cancelled
 * action leaves the list at once (its {@link ActionList} position is kept with it; with another event list it is
 * removed by search) and would do nothing if its time came. It counts executed actions, and keeps the first
 * exception an action threw so the run can report it (DSOL's error strategy then ends the run).
 */
final class DsolClock implements Clock {
    private final DevsSimulator<Double> simulator;
    private long events;
    private RuntimeException failure;

    DsolClock(DevsSimulator<Double> simulator) {
        this.simulator = simulator;
    }

    /** One scheduled action as a DSOL event. */
    private final class Action extends ActionList.Indexed implements Scheduled {
        private final Runnable action;
        private final double atS;
        private boolean cancelled;

        Action(double atS, Runnable action) {
            super(atS);
            this.atS = atS;
            this.action = action;
        }

        /**
         * DSOL's order — time, then priority (all actions have the same), then creation — compared on the primitive
         * time between two actions (DSOL's default unboxes both times twice per comparison, a hot spot of the event
         * list's inserts); against DSOL's own events, DSOL's comparison.
         */
        @Override
        public int compareTo(SimEventInterface<Double> o) {
            if (o instanceof Action a) {
                int byTime = Double.compare(atS, a.atS);
                return byTime != 0 ? byTime : Long.compare(id, a.id);
            }
            return super.compareTo(o);
        }

        @Override
        public void execute() {
            if (cancelled) {
                return;
            }
            events++;
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                simulator.getEventList().remove(this);
            }
        }

        @Override
        public String toString() {
            return "aigcsim action at t=" + absoluteExecutionTime + " s";
        }
    }

    @Override
    public double nowS() {
        return simulator.getSimulatorTime();
    }

    @Override
    public Scheduled after(double delayS, Runnable action) {
        if (!(delayS >= 0) || Double.isInfinite(delayS)) {
            throw new IllegalArgumentException("cannot schedule an event after " + delayS + " s");
        }
        Action a = new Action(simulator.getSimulatorTime() + delayS, action);
        simulator.getEventList().add(a);
        return a;
    }

    long events() {
        return events;
    }

    RuntimeException failure() {
        return failure;
    }
}
