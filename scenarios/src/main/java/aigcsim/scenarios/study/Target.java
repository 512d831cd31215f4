package aigcsim.scenarios.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aigcsim.core.metrics.RunSummary;
import aigcsim.core.metrics.SteadyState;

/**
 * A capacity target on one run-summary figure, such as {@code meanSatisfaction >= 0.9} or {@code p95LatencyS <= 25}.
 * {@link #parse(String)} reads the written form: a figure name of {@link RunSummary#figures()} or an alias
 * (satisfaction, p50, p95, p99, latency for the mean latency, failure), an operator ({@code >= > <= <}) and a number,
 * with {@code s} after it allowed on figures in seconds and {@code %} on fractions (90 % is 0.9).
 */
public record Target(String figure, Comparison comparison, double threshold) {

    /** The comparison a figure's value must pass. */
    public enum Comparison {
        AT_LEAST(">="), ABOVE(">"), AT_MOST("<="), BELOW("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** How the comparison is written. */
        public String symbol() {
            return symbol;
        }

        /** The comparison written {@code symbol}. */
        public static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown operator '" + symbol + "'; operators: " + OPERATORS);
        }
    }

    /** The short names accepted for figures. */
    public static final Map<String, String> ALIASES = aliases();

    /** Every figure a target may name, in {@link RunSummary#figures()} order. */
    public static final List<String> FIGURES = List.copyOf(
            RunSummary.of(List.of(), 0, 1, SteadyState.of(new double[0]), 0, 0, 0, 0).figures().keySet());

    /** The figures in seconds, on which a target may write {@code s}. */
    public static final Set<String> SECONDS = Set.of("meanLatencyS", "p50LatencyS", "p95LatencyS", "p99LatencyS",
            "meanQueueWaitS", "meanL1S", "meanL2S", "meanL3S", "simulatedEndS");

    /** The figures that are fractions in [0, 1], on which a target may write {@code %}. */
    public static final Set<String> FRACTIONS = Set.of("failureRate", "meanSatisfaction", "edgeUtilization",
            "bandwidthUtilization", "cacheHitRate", "meanSemanticAccuracy");

    private static final Pattern NAME = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern OPERATOR = Pattern.compile("(>=|<=|>|<)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile(
            "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(s|%)?\\s*");
    private static final String OPERATORS = ">=, >, <=, <";

    /** A target on {@code figure}, which must be one of {@link #FIGURES}. */
    public Target {
        if (!FIGURES.contains(figure)) {
            throw new IllegalArgumentException("unknown figure '" + figure + "'; " + allowedNames());
        }
        if (comparison == null || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("a target needs a comparison and a finite threshold");
        }
    }

    /**
     * Reads a target such as {@code satisfaction >= 90 %}, {@code p95 <= 25 s} or {@code failureRate <= 0.05}.
     *
     * @throws IllegalArgumentException saying what is wrong, with the allowed names or operators
     */
    public static Target parse(String text) {
        String quoted = "target '" + text + "'";
        Matcher name = NAME.matcher(text == null ? "" : text);
        if (!name.matches()) {
            throw new IllegalArgumentException(quoted + ": expected a figure, an operator and a number, such as "
                    + "'satisfaction >= 0.9' or 'p95 <= 25 s'");
        }
        String figure = resolve(name.group(1));
        if (figure == null) {
            List<String> near = NearestNames.nearest(name.group(1), allNames(), 1);
            throw new IllegalArgumentException(quoted + ": unknown figure '" + name.group(1) + "'"
                    + (near.isEmpty() ? "" : " (did you mean '" + near.get(0) + "'?)") + "; " + allowedNames());
        }
        Matcher op = OPERATOR.matcher(name.group(2));
        if (!op.matches()) {
            throw new IllegalArgumentException(quoted + ": expected an operator after '" + name.group(1)
                    + "': one of " + OPERATORS);
        }
        Matcher number = NUMBER.matcher(op.group(2));
        if (!number.matches()) {
            throw new IllegalArgumentException(quoted + ": expected a number after '" + op.group(1) + "'"
                    + (op.group(2).isBlank() ? "" : ", got '" + op.group(2).strip() + "'")
                    + " (operators: " + OPERATORS + "; units: s on figures in seconds, % on fractions)");
        }
        double threshold = Double.parseDouble(number.group(1));
        String unit = number.group(2);
        if ("s".equals(unit) && !SECONDS.contains(figure)) {
            throw new IllegalArgumentException(quoted + ": the unit s applies only to figures in seconds ("
                    + String.join(", ", sorted(SECONDS)) + "), not " + figure);
        }
        if ("%".equals(unit)) {
            if (!FRACTIONS.contains(figure)) {
                throw new IllegalArgumentException(quoted + ": % applies only to fractions ("
                        + String.join(", ", sorted(FRACTIONS)) + "), not " + figure);
            }
            threshold /= 100;
        }
        if (FRACTIONS.contains(figure) && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException(quoted + ": " + figure + " is a fraction in [0, 1]; write e.g. 0.9 or "
                    + "90 %");
        }
        return new Target(figure, Comparison.of(op.group(1)), threshold);
    }

    /** Whether a larger value of the figure is better (the target is {@code >=} or {@code >}). */
    public boolean higherIsBetter() {
        return comparison == Comparison.AT_LEAST || comparison == Comparison.ABOVE;
    }

    /** Whether {@code value} passes the comparison. */
    public boolean meets(double value) {
        switch (comparison) {
            case AT_LEAST:
                return value >= threshold;
            case ABOVE:
                return value > threshold;
            case AT_MOST:
                return value <= threshold;
            default:
                return value < threshold;
        }
    }

    /** The target's figure in {@code summary}. */
    public double of(RunSummary summary) {
        return summary.figures().get(figure);
    }

    /** The target as {@link #parse(String)} reads it, e.g. {@code p95LatencyS <= 25.0}. */
    @Override
    public String toString() {
        return figure + " " + comparison.symbol() + " " + threshold;
    }

    private static String resolve(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (ALIASES.containsKey(lower)) {
            return ALIASES.get(lower);
        }
        return FIGURES.stream().filter(f -> f.equalsIgnoreCase(written)).findFirst().orElse(null);
    }

    private static List<String> allNames() {
        List<String> all = new ArrayList<>(ALIASES.keySet());
        all.addAll(FIGURES);
        return all;
    }

    private static String allowedNames() {
        return "allowed: " + String.join(", ", ALIASES.keySet()) + ", or a summary figure: "
                + String.join(", ", FIGURES);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static Map<String, String> aliases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("satisfaction", "meanSatisfaction");
        m.put("p50", "p50LatencyS");
        m.put("p95", "p95LatencyS");
        m.put("p99", "p99LatencyS");
        m.put("latency", "meanLatencyS");
        m.put("failure", "failureRate");
        return Collections.unmodifiableMap(m);
    }
}
