package aigcsim.core.sim;

import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * {@link Clock} over DSOL's {@code DevsSimulator}: actions are scheduled as lambda events with
 * {@code scheduleEventRel}. It counts executed events, and keeps the first exception an action threw so the run can
 * report it (DSOL's error strategy then ends the run).
 */
final class DsolClock implements Clock {
    private final DevsSimulator<Double> simulator;
    private long events;
    private RuntimeException failure;

    DsolClock(DevsSimulator<Double> simulator) {
        this.simulator = simulator;
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
        SimEventInterface<Double> event = simulator.scheduleEventRel(delayS, () -> {
            events++;
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        });
        return () -> simulator.cancelEvent(event);
    }

    long events() {
        return events;
    }

    RuntimeException failure() {
        return failure;
    }
}
