package aigcsim.scenarios.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;

/**
 * A parameter sweep over a scenario's fields, as OMNeT++'s {@code ${…}}, {@code repeat} and {@code constraint}:
 * <ul>
 * <li>{@code grid}: field path → values, crossed (cartesian product, the first path varying slowest);</li>
 * <li>{@code zip}: field path → values, all lists of one length, varied together as one group crossed with the grid
 * (the group varies fastest);</li>
 * <li>{@code constraint}: an optional JEXL boolean expression over the point's values, naming a field path (one
 * without list indices) as written
 * ({@code users.perCell * 2 <= 20 && edge.mode == 'async'}); points where it is false are left out;</li>
 * <li>{@code repeat}: how many runs each point gets (repetition j is a separate run).</li>
 * </ul>
 * Values are Integer, Long, Double, String or Boolean. The constructor checks everything that does not depend on the
 * values of a point and throws {@link IllegalArgumentException} naming the sweep field at fault; {@link #expand()}
 * evaluates the constraint. The maps' iteration order is the sweep order, so pass ordered maps.
 */
public final class SweepSpec {
    private static final JexlEngine JEXL = new JexlBuilder().strict(true).silent(false).safe(false).create();
    private static final int MAX_VALUES_IN_FOLDER = 180;

    private final Map<String, List<Object>> grid;
    private final Map<String, List<Object>> zip;
    private final String constraint;
    private final JexlScript script;
    private final int repeat;

    /**
     * A sweep; {@code grid} and {@code zip} may be null or empty, {@code constraint} null or blank for none.
     *
     * @throws IllegalArgumentException on an empty list, a value of another type, zip lists of unequal length, a path
     *         in both grid and zip, two paths one inside the other, a constraint that does not parse or names a path
     *         that is not swept, or {@code repeat < 1}
     */
    public SweepSpec(Map<String, ? extends List<?>> grid, Map<String, ? extends List<?>> zip, String constraint,
            int repeat) {
        this.grid = copy("sweep.grid", grid);
        this.zip = copy("sweep.zip", zip);
        checkZipLengths(this.zip);
        checkPathsDistinct(this.grid.keySet(), this.zip.keySet());
        if (repeat < 1) {
            throw new IllegalArgumentException("sweep.repeat must be at least 1, got " + repeat);
        }
        this.repeat = repeat;
        this.constraint = constraint == null || constraint.isBlank() ? null : constraint.strip();
        this.script = this.constraint == null ? null : parseConstraint(this.constraint, paths());
    }

    /** The crossed paths and their values, in sweep order (unmodifiable). */
    public Map<String, List<Object>> grid() {
        return grid;
    }

    /** The zipped paths and their values, in sweep order (unmodifiable). */
    public Map<String, List<Object>> zip() {
        return zip;
    }

    /** The constraint expression, if any. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    /** How many runs each point gets. */
    public int repeat() {
        return repeat;
    }

    /** Every swept path: the grid's, then the zip's. */
    public List<String> paths() {
        List<String> all = new ArrayList<>(grid.keySet());
        all.addAll(zip.keySet());
        return all;
    }

    /**
     * Checks every swept path with {@code exists} (the caller's "is this a field of the scenario format").
     *
     * @param known the known paths to suggest from when one is unknown (may be empty)
     * @throws IllegalArgumentException naming each unknown path, its sweep field, and the nearest known path
     */
    public void checkPaths(Predicate<String> exists, Collection<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String path : paths()) {
            if (!exists.test(path)) {
                String field = grid.containsKey(path) ? "sweep.grid" : "sweep.zip";
                List<String> near = NearestNames.nearest(path, known, 1);
                unknown.add(field + ": unknown field path '" + path + "'"
                        + (near.isEmpty() ? "" : " (did you mean '" + near.get(0) + "'?)"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown));
        }
    }

    /**
     * Every run of the sweep: each point of grid × zip that meets the constraint, in order (grid paths varying
     * slowest first, the zip group fastest), each repeated {@link #repeat()} times in a row.
     *
     * @throws IllegalArgumentException when the constraint fails to evaluate or gives a non-boolean at a point, or
     *         leaves no point
     */
    public List<SweepPoint> expand() {
        List<Map<String, Object>> points = new ArrayList<>();
        int candidates = 0;
        for (Map<String, Object> point : crossed()) {
            candidates++;
            if (meetsConstraint(point)) {
                points.add(point);
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("sweep.constraint '" + constraint + "' leaves out every one of the "
                    + candidates + " points");
        }
        int width = String.valueOf(points.size()).length();
        List<SweepPoint> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < repeat; j++) {
                runs.add(new SweepPoint(i, points.get(i), j, folder(i, width, points.get(i), j)));
            }
        }
        return runs;
    }

    private List<Map<String, Object>> crossed() {
        List<Map<String, Object>> points = List.of(Map.of());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : e.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        if (zip.isEmpty()) {
            return points;
        }
        int n = zip.values().iterator().next().size();
        List<Map<String, Object>> next = new ArrayList<>();
        for (Map<String, Object> p : points) {
            for (int k = 0; k < n; k++) {
                Map<String, Object> q = new LinkedHashMap<>(p);
                for (Map.Entry<String, List<Object>> e : zip.entrySet()) {
                    q.put(e.getKey(), e.getValue().get(k));
                }
                next.add(q);
            }
        }
        return next;
    }

    private boolean meetsConstraint(Map<String, Object> point) {
        if (script == null) {
            return true;
        }
        MapContext context = new MapContext();
        for (Map.Entry<String, Object> e : point.entrySet()) {
            if (!e.getKey().contains("[")) { // a path with a list index cannot be named in an expression
                put(context, e.getKey().split("\\."), e.getValue());
            }
        }
        Object result;
        try {
            result = script.execute(context);
        } catch (JexlException ex) {
            throw new IllegalArgumentException("sweep.constraint '" + constraint + "' fails at " + describe(point)
                    + ": " + ex.getMessage(), ex);
        }
        if (!(result instanceof Boolean)) {
            throw new IllegalArgumentException("sweep.constraint '" + constraint + "' must give true or false, but "
                    + "gives " + result + (result == null ? "" : " (" + result.getClass().getSimpleName() + ")")
                    + " at " + describe(point));
        }
        return (Boolean) result;
    }

    /** Puts {@code value} at the nested-map path {@code parts} of {@code context}. */
    @SuppressWarnings("unchecked")
    private static void put(MapContext context, String[] parts, Object value) {
        if (parts.length == 1) {
            context.set(parts[0], value);
            return;
        }
        if (!context.has(parts[0])) {
            context.set(parts[0], new LinkedHashMap<String, Object>());
        }
        Map<String, Object> map = (Map<String, Object>) context.get(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            map = (Map<String, Object>) map.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        map.put(parts[parts.length - 1], value);
    }

    private static JexlScript parseConstraint(String text, List<String> swept) {
        JexlScript script;
        try {
            script = JEXL.createScript(new JexlInfo("sweep.constraint", 1, 1), text);
        } catch (JexlException ex) {
            throw new IllegalArgumentException("sweep.constraint '" + text + "' does not parse: " + ex.getMessage(),
                    ex);
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (List<String> variable : script.getVariables()) {
            if (!namesSweptPath(variable, swept)) {
                unknown.add(String.join(".", variable));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("sweep.constraint '" + text + "' names " + String.join(", ", unknown)
                    + ", which " + (unknown.size() == 1 ? "is" : "are") + " not swept; swept paths: "
                    + (swept.isEmpty() ? "none" : String.join(", ", swept)));
        }
        return script;
    }

    /** Whether a JEXL variable (its dotted fragments) is a swept path or a property of one's value. */
    private static boolean namesSweptPath(List<String> fragments, List<String> swept) {
        for (int i = 1; i <= fragments.size(); i++) {
            if (swept.contains(String.join(".", fragments.subList(0, i)))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<Object>> copy(String field, Map<String, ? extends List<?>> lists) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        if (lists != null) {
            for (Map.Entry<String, ? extends List<?>> e : lists.entrySet()) {
                String path = e.getKey();
                if (path == null || !path.matches(
                        "[A-Za-z_][A-Za-z0-9_]*(\\[\\d+\\])*(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d+\\])*)*")) {
                    throw new IllegalArgumentException(field + ": '" + path + "' is not a field path (names joined "
                            + "by dots, list entries as [i], such as users.perCell or cells[0].pacr)");
                }
                List<?> values = e.getValue();
                if (values == null || values.isEmpty()) {
                    throw new IllegalArgumentException(field + "." + path + ": the list of values is empty");
                }
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (!(v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof String
                            || v instanceof Boolean)) {
                        throw new IllegalArgumentException(field + "." + path + "[" + i + "]: " + v + " is not a "
                                + "number, string or boolean");
                    }
                }
                out.put(path, List.copyOf(values));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static void checkZipLengths(Map<String, List<Object>> zip) {
        Set<Integer> lengths = zip.values().stream().map(List::size).collect(Collectors.toSet());
        if (lengths.size() > 1) {
            throw new IllegalArgumentException("sweep.zip: the lists must have one length, but "
                    + zip.entrySet().stream().map(e -> e.getKey() + " has " + e.getValue().size())
                            .collect(Collectors.joining(", ")));
        }
    }

    private static void checkPathsDistinct(Set<String> grid, Set<String> zip) {
        for (String path : grid) {
            if (zip.contains(path)) {
                throw new IllegalArgumentException("sweep: '" + path + "' is in both sweep.grid and sweep.zip");
            }
        }
        List<String> all = new ArrayList<>(grid);
        all.addAll(zip);
        for (String a : all) {
            for (String b : all) {
                if (b.startsWith(a + ".")) {
                    throw new IllegalArgumentException("sweep: '" + a + "' and '" + b + "' overlap (the second is "
                            + "inside the first); sweep one of them");
                }
            }
        }
    }

    private static String describe(Map<String, Object> point) {
        return point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * {@code 003-users.perCell=8_edge.mode=async-r1}: the index padded to {@code width}, the values (characters other
     * than letters, digits, {@code . + -} become {@code _}; shortened past 180 characters, the index keeping names
     * unique), the repetition.
     */
    private static String folder(int index, int width, Map<String, Object> point, int repetition) {
        String values = point.entrySet().stream()
                .map(e -> e.getKey() + "=" + String.valueOf(e.getValue()).replaceAll("[^A-Za-z0-9.+-]", "_"))
                .collect(Collectors.joining("_"));
        if (values.length() > MAX_VALUES_IN_FOLDER) {
            values = values.substring(0, MAX_VALUES_IN_FOLDER);
        }
        String padded = String.format("%0" + width + "d", index);
        return padded + (values.isEmpty() ? "" : "-" + values) + "-r" + repetition;
    }
}
