package aigcsim.core.arrival;

import java.util.Iterator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;

/** Poisson arrivals per user at {@code ratePerS}: exponential inter-arrival times of mean 1/λ. */
public record PoissonArrivals(double ratePerS) implements ArrivalProcess {
    public PoissonArrivals {
        if (!(ratePerS > 0) || !Double.isFinite(ratePerS)) {
            throw new IllegalArgumentException("Poisson arrival rate must be > 0 per s, got " + ratePerS);
        }
    }

    @Override
    public Iterator<Arrival> forUser(int userId, UniformRandomProvider rng) {
        var gap = AhrensDieterExponentialSampler.of(rng, 1 / ratePerS);
        return new Iterator<>() {
            private double t;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Arrival next() {
                t += gap.sample();
                return new Arrival(t, null);
            }
        };
    }

    @Override
    public String describe() {
        return "poisson(rate=" + ratePerS + "/s)";
    }
}
