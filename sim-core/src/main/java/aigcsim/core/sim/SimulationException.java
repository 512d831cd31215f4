package aigcsim.core.sim;

/** A run could not complete: the message says which scenario, replication and simulated time, and why. */
public final class SimulationException extends RuntimeException {
    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
