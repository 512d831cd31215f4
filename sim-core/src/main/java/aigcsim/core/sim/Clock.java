package aigcsim.core.sim;

/** The simulated clock the model schedules on (seconds); implemented over DSOL's {@code DevsSimulator}. */
public interface Clock {
    double nowS();

    /** Runs {@code action} after {@code delayS} seconds of simulated time; the handle can cancel it. */
    Scheduled after(double delayS, Runnable action);

    /** A scheduled action. */
    interface Scheduled {
        void cancel();
    }
}
