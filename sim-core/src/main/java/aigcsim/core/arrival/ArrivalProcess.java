package aigcsim.core.arrival;

import java.util.Iterator;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How a user's requests arrive. Each user gets its own generator on its own random stream, so the arrivals of a
 * scenario and seed are the same whatever else the model does (serial and async runs share them).
 */
public interface ArrivalProcess {
    /** The user's arrivals in increasing time, starting after time 0. */
    Iterator<Arrival> forUser(int userId, UniformRandomProvider rng);

    String describe();
}
