package aigcsim.core.arrival;

import java.util.Iterator;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;

/**
 * Bursty arrivals: a two-state Markov-modulated Poisson process per user. In the ON state requests arrive at
 * {@code onRatePerS}, in the OFF state at {@code offRatePerS} (0 for a pure on/off source); sojourns are exponential
 * with means {@code meanOnS} and {@code meanOffS}. Each user starts in its stationary state distribution.
 * Mean rate: (onRate·meanOn + offRate·meanOff)/(meanOn + meanOff).
 */
public record OnOffArrivals(double onRatePerS, double offRatePerS, double meanOnS, double meanOffS)
        implements ArrivalProcess {
    public OnOffArrivals {
        if (!(onRatePerS > 0) || !(offRatePerS >= 0) || !(meanOnS > 0) || !(meanOffS > 0)) {
            throw new IllegalArgumentException("on/off arrivals need onRate > 0, offRate >= 0, meanOn > 0, "
                    + "meanOff > 0; got " + this);
        }
    }

    public double meanRatePerS() {
        return (onRatePerS * meanOnS + offRatePerS * meanOffS) / (meanOnS + meanOffS);
    }

    @Override
    public Iterator<Arrival> forUser(int userId, UniformRandomProvider rng) {
        var unit = AhrensDieterExponentialSampler.of(rng, 1.0);
        return new Iterator<>() {
            private double t;
            private boolean on = rng.nextDouble() < meanOnS / (meanOnS + meanOffS);
            private double stateEnd = unit.sample() * (on ? meanOnS : meanOffS);

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Arrival next() {
                while (true) {
                    double rate = on ? onRatePerS : offRatePerS;
                    double candidate = rate > 0 ? t + unit.sample() / rate : Double.POSITIVE_INFINITY;
                    if (candidate < stateEnd) {
                        t = candidate;
                        return new Arrival(t, null);
                    }
                    t = stateEnd; // memoryless: restart the clock at the state change
                    on = !on;
                    stateEnd = t + unit.sample() * (on ? meanOnS : meanOffS);
                }
            }
        };
    }

    @Override
    public String describe() {
        return "on-off(on=" + onRatePerS + "/s, off=" + offRatePerS + "/s, meanOn=" + meanOnS + " s, meanOff="
                + meanOffS + " s)";
    }
}
