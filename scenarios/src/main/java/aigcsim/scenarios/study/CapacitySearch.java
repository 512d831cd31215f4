package aigcsim.scenarios.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import aigcsim.core.metrics.ConfidenceInterval;

/**
 * Capacity search: the largest integer x in [min, max] (users per cell, arrival rate, …) whose figure meets a
 * {@link Target}, assuming the figure gets worse as x grows.
 *
 * <p>A <em>probe</em> at x decides with replications: it takes {@link Replications#initial()} of them, and while the
 * Student-t 95 % confidence interval of their mean straddles the threshold it adds {@link Replications#step()} more,
 * up to {@link Replications#max()}. The probe MEETS when the interval lies wholly on the good side (a zero-width
 * interval exactly at the threshold meets {@code >=} and {@code <=}), FAILS when it lies wholly on the bad side, and
 * is UNDECIDED when it still straddles at the maximum; an undecided probe is reported, never guessed.
 *
 * <p>The search gallops from min (min, min + 1, min + 3, min + 7, …, then max) until a probe fails, then bisects
 * between the last x that meets and the first that fails. A probe that stays undecided ends the search for an
 * answer, which is never guessed; the bracket around it is still narrowed: the largest x below known to meet and the
 * smallest x above known to fail. Replication r of every x is the caller's replication r
 * (same seed whatever x: common random numbers), and the values of each x are kept, so probing an x again, in this
 * search or a later one on the same instance, asks the {@link Probe} only for replications it has not given yet.
 */
public final class CapacitySearch {

    /** Runs replications of the studied system at one x and gives the target figure of each. */
    @FunctionalInterface
    public interface Probe {
        /**
         * The figure of replications {@code fromReplication} … {@code fromReplication + count − 1} at {@code x}: an
         * array of {@code count} finite values, replication r using the same seed for every x.
         */
        double[] values(int x, int fromReplication, int count);
    }

    /** How many replications a probe starts with, adds while undecided, and uses at most. */
    public record Replications(int initial, int step, int max) {
        /** 5 to start, 5 more at a time, at most 30. */
        public static final Replications DEFAULT = new Replications(5, 5, 30);

        public Replications {
            if (initial < 2 || step < 1 || max < initial) {
                throw new IllegalArgumentException("replications need initial >= 2, step >= 1 and max >= initial, "
                        + "got initial " + initial + ", step " + step + ", max " + max);
            }
        }
    }

    /** What a probe concluded. */
    public enum Decision {
        MEETS, FAILS, UNDECIDED
    }

    /** How a search ended. */
    public enum Status {
        /** The answer meets and answer + 1 fails. */
        FOUND,
        /** min fails: no x in the range meets. */
        NONE_MEET,
        /** A probe stayed undecided at the maximum replications; the bracket is what is known. */
        UNDECIDED,
        /** max meets: the capacity is max or more, at the upper limit of the range. */
        AT_MAX
    }

    /** One probe: at x, with how many replications, their mean and 95 % half-width, and the decision. */
    public record ProbeRecord(int x, int replications, double mean, double halfWidth95, Decision decision) {
    }

    /**
     * The outcome of a search: the answer (null for NONE_MEET and UNDECIDED), the bracket [lastMeets, firstFails]
     * (null where no such x was probed), the undecided x (UNDECIDED only), and every probe in order.
     */
    public record Result(Target target, Status status, Integer answer, Integer lastMeets, Integer firstFails,
            Integer undecided, List<ProbeRecord> history) {
        public Result {
            history = List.copyOf(history);
        }

        /** One line for reports, e.g. {@code 12 (12 meets, 13 fails)}. */
        public String describe() {
            switch (status) {
                case FOUND:
                    return answer + " (" + answer + " meets, " + firstFails + " fails)";
                case AT_MAX:
                    return answer + ", at the upper limit of the range (it meets)";
                case NONE_MEET:
                    return "none: the lower limit " + firstFails + " already fails";
                default:
                    return "undecided: meets up to " + (lastMeets == null ? "-" : lastMeets) + ", undecided at "
                            + undecided + " (its confidence interval still straddles " + target + " at the most "
                            + "replications), fails from " + (firstFails == null ? "- (none up to the limit)"
                                    : firstFails);
            }
        }
    }

    private final Probe probe;
    private final int min;
    private final int max;
    private final Replications replications;
    private final Map<Integer, double[]> cache = new HashMap<>();

    /** A search over [min, max] with the default replications. */
    public CapacitySearch(Probe probe, int min, int max) {
        this(probe, min, max, Replications.DEFAULT);
    }

    /** A search over [min, max]. */
    public CapacitySearch(Probe probe, int min, int max, Replications replications) {
        if (min > max) {
            throw new IllegalArgumentException("capacity search range [" + min + ", " + max + "] is empty");
        }
        this.probe = probe;
        this.min = min;
        this.max = max;
        this.replications = replications;
    }

    /** Searches the largest x meeting {@code target}. */
    public Result search(Target target) {
        List<ProbeRecord> history = new ArrayList<>();
        Integer lastMeets = null;
        int step = 1;
        int x = min;
        while (true) {
            ProbeRecord p = probe(x, target);
            history.add(p);
            if (p.decision() == Decision.UNDECIDED) {
                return undecided(target, history, lastMeets, x, null);
            }
            if (p.decision() == Decision.FAILS) {
                break;
            }
            lastMeets = x;
            if (x == max) {
                return new Result(target, Status.AT_MAX, max, max, null, null, history);
            }
            x = (int) Math.min((long) min + 2L * step - 1, max);
            step *= 2;
        }
        if (lastMeets == null) {
            return new Result(target, Status.NONE_MEET, null, null, min, null, history);
        }
        int meets = lastMeets;
        int fails = x;
        while (fails - meets > 1) {
            int mid = meets + (fails - meets) / 2;
            ProbeRecord p = probe(mid, target);
            history.add(p);
            if (p.decision() == Decision.UNDECIDED) {
                return undecided(target, history, meets, mid, fails);
            }
            if (p.decision() == Decision.MEETS) {
                meets = mid;
            } else {
                fails = mid;
            }
        }
        return new Result(target, Status.FOUND, meets, meets, fails, null, history);
    }

    /**
     * After a probe at {@code undecided} stayed undecided: narrows the bracket on both sides of it without guessing —
     * the largest x below that meets (bisection, an undecided x lower down becomes the undecided one) and the
     * smallest x above that fails (galloping up from it, then bisection) — so the report reads "meets up to m,
     * undecided at u, fails from f".
     */
    private Result undecided(Target target, List<ProbeRecord> history, Integer lastMeets, int undecided,
            Integer firstFails) {
        int lo = lastMeets == null ? min - 1 : lastMeets;
        int u = undecided;
        Integer fails = firstFails;
        while (u - lo > 1) {
            int mid = lo + (u - lo) / 2;
            ProbeRecord p = probe(mid, target);
            history.add(p);
            if (p.decision() == Decision.MEETS) {
                lo = mid;
            } else {
                u = mid;
                if (p.decision() == Decision.FAILS) {
                    fails = mid;
                }
            }
        }
        if (fails == null || fails > u) {
            int notFailing = u;
            int step = 1;
            while (fails == null && notFailing < max) {
                int x = (int) Math.min((long) notFailing + step, max);
                ProbeRecord p = probe(x, target);
                history.add(p);
                if (p.decision() == Decision.FAILS) {
                    fails = x;
                } else {
                    notFailing = x;
                    step *= 2;
                }
            }
            while (fails != null && fails - notFailing > 1) {
                int mid = notFailing + (fails - notFailing) / 2;
                ProbeRecord p = probe(mid, target);
                history.add(p);
                if (p.decision() == Decision.FAILS) {
                    fails = mid;
                } else {
                    notFailing = mid;
                }
            }
        }
        return new Result(target, Status.UNDECIDED, null, lo < min ? null : lo, fails, u, history);
    }

    /** Decides whether x meets {@code target}, reusing the replications already run at x. */
    public ProbeRecord probe(int x, Target target) {
        if (x < min || x > max) {
            throw new IllegalArgumentException("x = " + x + " is outside the search range [" + min + ", " + max
                    + "]");
        }
        int n = replications.initial();
        while (true) {
            ConfidenceInterval ci = ConfidenceInterval.of(values(x, n));
            Decision d = decide(ci, target);
            if (d != Decision.UNDECIDED || n == replications.max()) {
                return new ProbeRecord(x, n, ci.mean(), ci.halfWidth95(), d);
            }
            n = Math.min(n + replications.step(), replications.max());
        }
    }

    /** The first n replications at x, asking the probe only for those not run yet. */
    private double[] values(int x, int n) {
        double[] have = cache.getOrDefault(x, new double[0]);
        if (have.length < n) {
            double[] more = probe.values(x, have.length, n - have.length);
            if (more.length != n - have.length) {
                throw new IllegalStateException("the probe gave " + more.length + " values at x = " + x
                        + " for " + (n - have.length) + " replications");
            }
            double[] all = Arrays.copyOf(have, n);
            for (int i = 0; i < more.length; i++) {
                if (!Double.isFinite(more[i])) {
                    throw new IllegalStateException("the probe gave " + more[i] + " at x = " + x + ", replication "
                            + (have.length + i) + "; it must give finite values");
                }
                all[have.length + i] = more[i];
            }
            cache.put(x, all);
            have = all;
        }
        return Arrays.copyOf(have, n);
    }

    private static Decision decide(ConfidenceInterval ci, Target target) {
        double low = ci.mean() - ci.halfWidth95();
        double high = ci.mean() + ci.halfWidth95();
        double good = target.higherIsBetter() ? low : high;
        double bad = target.higherIsBetter() ? high : low;
        if (target.meets(good)) {
            return Decision.MEETS;
        }
        return target.meets(bad) ? Decision.UNDECIDED : Decision.FAILS;
    }
}
